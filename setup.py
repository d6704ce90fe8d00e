"""What pyproject.toml cannot say: the top-level resources/ folder is installed as the package
mlpviz.resources, beside the packages found under mlpviz/, so every wheel carries the bundled data
and the code finds it with importlib.resources; and the Korean translation (resources/i18n/*.ts) is
compiled to .qm for the wheel with pyside6-lrelease. Everything else is in pyproject.toml."""
import os
import shutil
import subprocess
import sys
from pathlib import Path

from setuptools import find_namespace_packages, setup
from setuptools.command.build_py import build_py


def lrelease() -> str | None:
    """PySide6's pyside6-lrelease: on PATH, or beside the Python that runs the build."""
    beside = Path(sys.executable).parent / ("pyside6-lrelease.exe" if sys.platform == "win32" else "pyside6-lrelease")
    return shutil.which("pyside6-lrelease") or (str(beside) if beside.exists() else None)


class BuildWithTranslations(build_py):
    """build_py, then each resources/i18n/*.ts compiled to a .qm in the build. Without a working tool
    (a build environment without PySide6) the wheel carries the .ts alone, and mlpviz compiles it
    into the user's cache at its first start (PySide6, which has the tool, is one of its dependencies)."""

    def run(self) -> None:
        super().run()
        tool = lrelease()
        # The tool is a Python script of the environment that has PySide6: run it with that
        # environment's own paths, not those of the isolated build environment.
        env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "PYTHONNOUSERSITE")}
        out = Path(self.build_lib) / "mlpviz" / "resources" / "i18n"
        out.mkdir(parents=True, exist_ok=True)
        for ts in sorted(Path("resources", "i18n").glob("*.ts")):
            qm = out / ts.with_suffix(".qm").name
            done = tool and subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], env=env, capture_output=True)
            if not done or done.returncode != 0 or not qm.exists():
                print(f"warning: pyside6-lrelease unavailable: {ts.name} will be compiled when mlpviz starts")


setup(
    packages=[*find_namespace_packages(include=["mlpviz", "mlpviz.*"], exclude=["*.__pycache__"]),
              "mlpviz.resources", "mlpviz.resources.mnist", "mlpviz.resources.icons", "mlpviz.resources.i18n",
              "mlpviz.resources.lessons"],
    package_dir={"mlpviz.resources": "resources"},
    cmdclass={"build_py": BuildWithTranslations},
)
