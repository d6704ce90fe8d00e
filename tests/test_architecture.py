"""The rule of the house: the core never imports Qt or pyqtgraph."""
import pkgutil
import subprocess
import sys

import mlpviz.core


def test_core_imports_no_gui_toolkit():
    modules = [f"mlpviz.core.{m.name}" for m in pkgutil.iter_modules(mlpviz.core.__path__)]
    assert len(modules) >= 8
    code = (f"import sys; import {', '.join(modules)}; "
            "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'pyqtgraph')]; "
            "print(bad); sys.exit(1 if bad else 0)")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0, proc.stdout + proc.stderr
