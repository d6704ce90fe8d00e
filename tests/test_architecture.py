"""The rule of the house: the core never imports Qt or pyqtgraph."""
import pkgutil
import subprocess
import sys
from pathlib import Path

import mlpviz.core


def test_core_imports_no_gui_toolkit():
    modules = [f"mlpviz.core.{m.name}" for m in pkgutil.iter_modules(mlpviz.core.__path__)]
    assert len(modules) >= 8
    code = (f"import sys; import {', '.join(modules)}; "
            "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'pyqtgraph')]; "
            "print(bad); sys.exit(1 if bad else 0)")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_core_tests_load_no_gui_toolkit():
    """tests/ mirrors the package: the core's tests run where Qt is missing, as the core does."""
    tests = Path(__file__).resolve().parent
    files = [tests / "conftest.py", *sorted((tests / "core").glob("*.py"))]
    assert len(files) >= 10
    # as pytest runs them: a test's folder is on the path, so core tests may share helpers
    code = ("import importlib.util, sys\n"
            f"sys.path.insert(0, {str(tests / 'core')!r})\n"
            f"for i, path in enumerate({[str(f) for f in files]!r}):\n"
            "    spec = importlib.util.spec_from_file_location(f'core_test_{i}', path)\n"
            "    spec.loader.exec_module(importlib.util.module_from_spec(spec))\n"
            "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'pyqtgraph', 'pytestqt')]\n"
            "print(bad); sys.exit(1 if bad else 0)")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr
