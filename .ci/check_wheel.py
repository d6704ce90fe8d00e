"""Build the wheel, check what it carries, install it into a fresh virtual environment outside the
checkout and run mlpviz from a temporary folder; then import it straight from the wheel (a zip).

Usage: python .ci/check_wheel.py   (any platform; prints each check, exits 1 on the first failure)
"""
from __future__ import annotations

import ast
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ("train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
        "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz")
ICON_SIZES = (16, 32, 48, 64, 128, 256)
# Beyond the data, the code, icons and metadata take well under a megabyte.
SIZE_MARGIN = 1_000_000
START = time.monotonic()
# Start the installed app offscreen, wait for its main window, check its icon, close it.
APP_SMOKE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from mlpviz.gui import app
qapp = QApplication(sys.argv[:1])
seen = []
def look():
    shown = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w.inherits("QMainWindow")]
    if not shown:
        return QTimer.singleShot(100, look)
    seen.append(shown[0].windowIcon().isNull())
    shown[0].close()
QTimer.singleShot(100, look)
code = app.run()
print("shown, with its icon" if seen == [False] and code == 0 else f"exit {code}, icon null: {seen}")
"""


def step(text: str) -> None:
    print(f"[{time.monotonic() - START:5.1f} s] {text}", flush=True)


def fail(text: str) -> None:
    print(f"check_wheel: FAILED: {text}", file=sys.stderr)
    sys.exit(1)


def run(argv: list, cwd: Path, env: dict | None = None) -> str:
    """Run argv, return its stdout; fail with its output if it fails."""
    try:
        done = subprocess.run([str(a) for a in argv], cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
    except subprocess.TimeoutExpired:
        fail(f"{' '.join(map(str, argv))} did not finish in 300 s")
    if done.returncode != 0:
        fail(f"{' '.join(map(str, argv))} exited {done.returncode}\n{done.stdout}\n{done.stderr}")
    return done.stdout


def clean_env(**extra: str) -> dict:
    """The environment without anything that could point Python back at the checkout."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("PYTHONPATH", "PYTHONHOME", "MLPVIZ_RESOURCES", "VIRTUAL_ENV")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    env.update(extra)
    return env


def declared_version() -> str:
    tree = ast.parse((ROOT / "mlpviz" / "__init__.py").read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", None) == "__version__":
            return node.value.value
    fail("mlpviz/__init__.py has no __version__")


def source_modules() -> set[str]:
    """The package's Python files in the checkout, as wheel entries."""
    return {p.relative_to(ROOT).as_posix() for p in (ROOT / "mlpviz").rglob("*.py") if "__pycache__" not in p.parts}


def check_contents(wheel: Path, version: str) -> None:
    with zipfile.ZipFile(wheel) as zf:
        infos = zf.infolist()
        names = [i.filename for i in infos]
        meta = zf.read(f"mlpviz-{version}.dist-info/METADATA").decode()
        entry_points = zf.read(f"mlpviz-{version}.dist-info/entry_points.txt").decode()
    step(f"{wheel.relative_to(wheel.parents[1])}: {len(names)} files")

    missing = source_modules() - set(names)
    if missing:
        fail(f"modules missing from the wheel: {sorted(missing)}")
    step(f"  every module of mlpviz/ is in it ({len(source_modules())} files)")

    wanted = [f"mlpviz/resources/mnist/{n}" for n in DATA] + ["mlpviz/resources/mnist/NOTICE.md"]
    wanted += [f"mlpviz/resources/icons/mlpviz-{s}.png" for s in ICON_SIZES] + ["mlpviz/resources/icons/mlpviz.svg"]
    # the Korean translation, compiled by the build (setup.py), which runs here where PySide6 is installed
    wanted += ["mlpviz/resources/i18n/mlpviz_ko.ts", "mlpviz/resources/i18n/mlpviz_ko.qm"]
    wanted += ["mlpviz/resources/check_template.py"]  # mlpviz check --template
    wanted += ["mlpviz/resources/lessons/course-experiments.toml"]  # the built-in lessons
    absent = [n for n in wanted if n not in names]
    if absent:
        fail(f"bundled files missing from the wheel: {absent}")
    step("  bundled MNIST (4 gzip'd IDX files + NOTICE.md), the icons, the Korean translation (.ts, .qm) and the "
         "template of mlpviz check and the built-in lessons are in mlpviz/resources/")

    stray = [n for n in names if not (n.startswith("mlpviz/") or n.startswith(f"mlpviz-{version}.dist-info/"))]
    tests = [n for n in names if "/tests/" in f"/{n}" or Path(n).name.startswith("test_") or n.endswith("conftest.py")]
    if stray or tests:
        fail(f"the wheel carries files outside the package or tests: {stray + tests}")
    step("  nothing outside mlpviz/ and its dist-info; no tests")

    idx = [n for n in names if "idx" in n and "ubyte" in n]
    if len(idx) != len(DATA):
        fail(f"IDX files should be in the wheel once each, found: {idx}")
    data_bytes = sum(i.file_size for i in infos if i.filename in idx)
    size = wheel.stat().st_size
    if size > data_bytes + SIZE_MARGIN:
        fail(f"wheel is {size:,} bytes, more than the data ({data_bytes:,}) + {SIZE_MARGIN:,}")
    step(f"  each IDX file once, gzip'd; wheel {size / 1e6:.2f} MB for {data_bytes / 1e6:.2f} MB of data")

    if "License-Expression: MIT AND CC-BY-SA-3.0" not in meta or f"Version: {version}\n" not in meta:
        fail("METADATA lacks the version or the SPDX licence expression")
    if "mlpviz = mlpviz.cli:main_exit" not in entry_points or "[gui_scripts]\nmlpviz-gui" not in entry_points:
        fail(f"entry points are not the mlpviz command and the mlpviz-gui GUI script:\n{entry_points}")
    step(f"  metadata: version {version} (from mlpviz.__version__), licence MIT AND CC-BY-SA-3.0; "
         "console script mlpviz, GUI script mlpviz-gui")


def make_venv(venv: Path) -> Path:
    """Create a virtual environment; return its python."""
    run([sys.executable, "-m", "venv", venv], venv.parent)
    return venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")


def check_installed(wheel: Path, version: str, python: Path, tmp: Path) -> None:
    run([python, "-m", "pip", "install", "--quiet", wheel], tmp, clean_env())
    step(f"installed {wheel.name} into the fresh environment")
    scripts = python.parent

    exe = ".exe" if os.name == "nt" else ""
    for script in ("mlpviz", "mlpviz-gui"):
        if not (scripts / f"{script}{exe}").is_file():
            fail(f"{script}{exe} was not installed in {scripts}")
    folder = tmp / "elsewhere"
    folder.mkdir()
    env = clean_env()
    out = run([scripts / f"mlpviz{exe}", "--version"], folder, env).strip()
    if out != f"mlpviz {version}":
        fail(f"mlpviz --version printed {out!r}, expected 'mlpviz {version}'")
    step(f"  mlpviz --version (run in {folder.name}/): {out}")

    result = json.loads(run([scripts / f"mlpviz{exe}", "train", "--steps", "10", "--json"], folder, env))
    if result.get("steps") != 10 or not 0 <= result.get("test_accuracy", -1) <= 1:
        fail(f"mlpviz train --steps 10 --json gave {result}")
    step(f"  mlpviz train --steps 10 --json: steps {result['steps']}, test_accuracy {result['test_accuracy']:.4f}")

    where = run([python, "-c", "from mlpviz.core.data import MNIST_DIR; print(MNIST_DIR)"], folder, env).strip()
    site = run([python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], folder, env).strip()
    if not Path(where).resolve().is_relative_to(Path(site).resolve()):
        fail(f"the bundled MNIST was found at {where}, not inside the environment's {site}")
    step(f"  the data was found inside the installed package: {where}")

    sizes = run([python, "-c", "from PySide6.QtGui import QGuiApplication; app = QGuiApplication([]); "
                 "from mlpviz.gui.icon import app_icon; print(sorted(s.width() for s in app_icon().availableSizes()))"],
                folder, env).strip()
    if sizes != str(list(ICON_SIZES)):
        fail(f"the installed app icon has sizes {sizes}, expected {list(ICON_SIZES)}")
    step(f"  the window icon loads from the installed package: {sizes} px")
    shown = run([python, "-c", APP_SMOKE], folder, env).strip()
    if shown != "shown, with its icon":
        fail(f"the installed desktop app did not start as it should: {shown}")
    step(f"  the desktop app starts (offscreen): main window {shown}, then closes")

    # Straight from the wheel: the package is a zip archive on sys.path, its data read through importlib.resources.
    out = run([python, "-m", "mlpviz", "train", "--steps", "10", "--json"], folder, clean_env(PYTHONPATH=str(wheel)))
    origin = run([python, "-c", "import mlpviz.core.data as d; print(type(d.MNIST_DIR).__module__); print(d.__file__)"],
                 folder, clean_env(PYTHONPATH=str(wheel))).splitlines()
    if json.loads(out).get("steps") != 10 or "zipfile" not in origin[0] or not origin[1].startswith(str(wheel)):
        fail(f"running from the wheel as a zip: {origin}, {out[:200]}")
    step(f"  imported from the wheel as a zip archive ({origin[0]}): train --steps 10 --json works too")


def build_wheels(tmp: Path, python: Path) -> list[Path]:
    """The wheel built both ways a user may build it, from a clean copy of the checkout."""
    src = tmp / "src"
    shutil.copytree(ROOT, src, ignore=shutil.ignore_patterns(
        ".git", ".venv", "build", "dist", "*.egg-info", "__pycache__", ".*_cache", ".hypothesis"))
    step("building the wheel with pip wheel --no-deps . (what pip install . does)")
    run([python, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", tmp / "pip-wheel", src], tmp, clean_env())
    step("building the sdist and, from it, the wheel with python -m build")
    run([python, "-m", "pip", "install", "--quiet", "build"], tmp, clean_env())
    run([python, "-m", "build", "--outdir", tmp / "build", src], tmp, clean_env())
    wheels = sorted((tmp / "pip-wheel").glob("mlpviz-*.whl")) + sorted((tmp / "build").glob("mlpviz-*.whl"))
    if len(wheels) != 2:
        fail(f"expected two wheels, found {wheels}")
    return wheels


def main() -> int:
    version = declared_version()
    with tempfile.TemporaryDirectory(prefix="mlpviz-wheel-") as t:
        tmp = Path(t)
        python = make_venv(tmp / "venv")
        step(f"a fresh virtual environment outside the checkout: {tmp / 'venv'}")
        wheels = build_wheels(tmp, python)
        for wheel in wheels:
            check_contents(wheel, version)
        check_installed(wheels[0], version, python, tmp)
    step("wheel check passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
