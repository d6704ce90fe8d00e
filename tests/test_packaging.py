"""The installed package is complete: data and icons are found through the package mlpviz.resources
from any folder, the version has one source, and the Linux desktop entry matches its files."""
import configparser
import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from importlib.metadata import version
from importlib.resources import files
from pathlib import Path

import pytest

import mlpviz
from mlpviz.core import data

ROOT = Path(__file__).resolve().parents[1]


def run_elsewhere(argv: list[str], cwd: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "MLPVIZ_RESOURCES"}
    return subprocess.run([sys.executable, *argv], cwd=cwd, env=env, capture_output=True, text=True, timeout=120)


def test_bundled_data_is_the_package_mlpviz_resources():
    assert data.RESOURCES == files("mlpviz.resources")
    assert (data.MNIST_DIR / "train-images-idx3-ubyte.gz").is_file()


def test_bundled_mnist_is_found_from_another_folder(tmp_path):
    proc = run_elsewhere(["-m", "mlpviz", "train", "--steps", "2", "--train-limit", "500", "--json"], tmp_path)
    assert proc.returncode == 0, proc.stderr
    result = json.loads(proc.stdout)
    assert result["steps"] == 2 and 0 <= result["test_accuracy"] <= 1
    assert not any(tmp_path.iterdir())  # nothing looked for, or left, in the current folder


def test_main_py_runs_from_another_folder(tmp_path):
    proc = run_elsewhere([str(ROOT / "main.py"), "--version"], tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == f"mlpviz {mlpviz.__version__}"


def test_missing_bundled_data_is_explained(monkeypatch, tmp_path):
    monkeypatch.setattr(data, "MNIST_DIR", tmp_path / "mnist")
    with pytest.raises(data.DataError, match="bundled MNIST is missing from this installation"):
        data.load_dataset()


def test_version_is_written_in_one_place():
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    project = pyproject.split("\n[project]\n")[1].split("\n[")[0]
    assert 'dynamic = ["version"]' in project and not re.search(r"^version\s*=", project, re.M)
    assert 'version = { attr = "mlpviz.__version__" }' in pyproject
    assert re.fullmatch(r"\d+\.\d+\.\d+", mlpviz.__version__)
    assert version("mlpviz") == mlpviz.__version__  # the installed metadata reads the same attribute


def test_desktop_entry_opens_the_model_file_type():
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(ROOT / "resources" / "linux" / "mlpviz.desktop", encoding="utf-8")
    desktop = entry["Desktop Entry"]
    assert desktop["Exec"].split()[:2] == ["mlpviz", "gui"] and desktop["Exec"].endswith("%f")
    assert (ROOT / "resources" / "icons" / f"{desktop['Icon']}.svg").is_file()

    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    mime = ET.parse(ROOT / "resources" / "linux" / "mlpviz-model.xml").getroot().find("m:mime-type", ns)
    assert mime.find("m:glob", ns).get("pattern") == "*.npz"
    assert mime.get("type") in desktop["MimeType"].split(";")

    if shutil.which("desktop-file-validate"):
        proc = subprocess.run(["desktop-file-validate", ROOT / "resources" / "linux" / "mlpviz.desktop"],
                              capture_output=True, text=True)
        assert proc.returncode == 0 and "error" not in proc.stdout, proc.stdout
