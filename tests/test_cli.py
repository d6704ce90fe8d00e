"""The command line, in process (fast) and once as a real process (entry point, no traceback)."""
import json
import subprocess
import sys

import numpy as np
import pytest
from PySide6.QtGui import QImage

from mlpviz.cli import main

SMALL = ["--train-limit", "3000"]


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def model_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("model") / "m.npz"
    assert main(["train", "--preset", "fast", "--hidden", "128", "--train-limit", "12000",
                 "--epochs", "2", "--save", str(path), "--json"]) == 0
    return path


def save_png(path, gray: np.ndarray):
    h, w = gray.shape
    img = QImage(np.ascontiguousarray(gray.astype(np.uint8)).data, w, h, w, QImage.Format.Format_Grayscale8)
    assert img.save(str(path))


def test_train_json_reports_everything(capsys):
    code, out, err = run(capsys, "train", "--steps", "120", "--lr", "0.5", "--json", *SMALL)
    assert code == 0
    result = json.loads(out)
    for key in ("test_accuracy", "test_loss", "train_accuracy", "train_loss", "epochs", "steps",
                "train_seconds", "samples_per_second", "config"):
        assert key in result
    assert result["steps"] == 120 and result["epochs"] == pytest.approx(4.0)
    assert result["config"]["hidden"] == [50] and result["config"]["optimizer"] == "sgd"
    assert result["test_accuracy"] > 0.5
    assert err.count("epoch ") == 4  # one line per epoch, on stderr when stdout carries JSON


def test_explicit_options_override_the_preset(capsys):
    code, out, _ = run(capsys, "train", "--preset", "fast", "--hidden", "16,8", "--activation", "tanh",
                       "--optimizer", "momentum", "--lr", "0.05", "--batch-size", "200", "--steps", "5",
                       "--seed", "7", "--json", *SMALL)
    config = json.loads(out)["config"]
    assert code == 0 and config["hidden"] == [16, 8] and config["activation"] == "tanh"
    assert config["optimizer"] == "momentum" and config["batch_size"] == 200 and config["seed"] == 7
    assert config["init"] == "he" and config["epochs"] is None  # kept from the preset / replaced


def test_human_output_has_a_line_per_epoch(capsys):
    code, out, _ = run(capsys, "train", "--epochs", "2", *SMALL)
    assert code == 0 and out.count("train acc") == 2 and "done: test accuracy" in out


def test_evaluate(capsys, model_file):
    code, out, _ = run(capsys, "evaluate", "--model", str(model_file), "--json")
    result = json.loads(out)
    assert code == 0 and result["accuracy"] > 0.9
    assert np.array(result["confusion"]).shape == (10, 10) and np.sum(result["confusion"]) == 10000


def test_predict_reads_large_off_centre_digits(capsys, model_file, mnist, tmp_path):
    files, labels = [], []
    for i in range(10):
        digit = mnist.x_test[i].reshape(28, 28)
        canvas = np.full((480, 640), 255, np.uint8)  # dark ink on white, as drawn in a paint program
        canvas[40 + 12 * i:40 + 12 * i + 280, 30 + 30 * i:30 + 30 * i + 280] = 255 - np.kron(digit, np.ones((10, 10)))
        save_png(tmp_path / f"d{i}.png", canvas)
        files.append(str(tmp_path / f"d{i}.png"))
        labels.append(int(mnist.y_test[i]))
    code, out, _ = run(capsys, "predict", "--model", str(model_file), "--json", *files)
    results = json.loads(out)
    assert code == 0 and [r["file"] for r in results] == files
    assert sum(r["digit"] == y for r, y in zip(results, labels)) >= 9
    assert all(len(r["probabilities"]) == 10 and abs(sum(r["probabilities"]) - 1) < 1e-4 for r in results)


@pytest.mark.parametrize("argv, message", [
    (["train", "--lr", "-1"], "learning rate"),
    (["train", "--hidden", "a,b"], "comma-separated"),
    (["train", "--epochs", "1", "--steps", "3"], "not allowed with"),
    (["train", "--data", "/nonexistent/folder"], "no such folder"),
    (["train", "--batch-size", "500", "--train-limit", "100"], "larger than the training set"),
    (["evaluate", "--model", "/nonexistent.npz"], "not found"),
    (["predict", "--model", "/nonexistent.npz", "x.png"], "not found"),
    (["frobnicate"], "invalid choice"),
])
def test_errors_are_one_line_with_a_non_zero_exit(capsys, argv, message):
    code, out, err = run(capsys, *argv)
    assert code != 0 and message in err
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err and out == ""


def test_predict_errors(capsys, model_file, tmp_path):
    save_png(tmp_path / "blank.png", np.full((50, 50), 255, np.uint8))
    (tmp_path / "text.png").write_text("not an image")
    code, _, err = run(capsys, "predict", "--model", str(model_file), str(tmp_path / "blank.png"))
    assert code == 1 and "no ink" in err
    code, _, err = run(capsys, "predict", "--model", str(model_file), str(tmp_path / "text.png"))
    assert code == 1 and "not a readable image" in err


def test_corrupt_model_file(capsys, tmp_path):
    (tmp_path / "m.npz").write_bytes(b"garbage")
    code, _, err = run(capsys, "evaluate", "--model", str(tmp_path / "m.npz"))
    assert code == 1 and "not a zip" in err


def test_module_entry_point_runs_as_a_process():
    proc = subprocess.run([sys.executable, "-m", "mlpviz", "train", "--steps", "3", "--train-limit", "500",
                           "--lr", "nan"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1 and "learning rate" in proc.stderr and "Traceback" not in proc.stderr
    proc = subprocess.run([sys.executable, "-m", "mlpviz", "--help"], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 0 and "train" in proc.stdout


@pytest.fixture(scope="module")
def deep_model_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("deep") / "m.npz"
    assert main(["train", "--preset", "fast", "--hidden", "48,24", "--train-limit", "3000", "--steps", "150",
                 "--save", str(path), "--json"]) == 0
    return path


@pytest.fixture
def digit_files(mnist, tmp_path):
    files = []
    for i in range(3):  # dark ink on light paper, larger than 28x28
        save_png(tmp_path / f"d{i}.png", 255 - np.kron(mnist.x_test[i].reshape(28, 28), np.ones((3, 3), np.uint8)))
        files.append(str(tmp_path / f"d{i}.png"))
    return files


def test_explain_json_keys_and_shapes(capsys, deep_model_file, digit_files):
    from mlpviz.core import checkpoint, explain
    code, out, _ = run(capsys, "explain", "--model", str(deep_model_file), "--json", *digit_files)
    results = json.loads(out)
    code_p, out_p, _ = run(capsys, "predict", "--model", str(deep_model_file), "--json", *digit_files)
    assert code == 0 and code_p == 0 and [r["file"] for r in results] == digit_files
    model = checkpoint.load(deep_model_file).model
    for r, p in zip(results, json.loads(out_p)):
        assert {"file", "digit", "probabilities", "input", "attribution", "top_units"} <= set(r)
        assert r["digit"] == p["digit"] and r["probabilities"] == p["probabilities"]
        x = np.array(r["input"])
        assert x.shape == (28, 28) and x.min() >= 0 and x.max() <= 1 and x.max() > 0.9
        a = np.array(r["attribution"])
        assert a.shape == (28, 28) and np.abs(a).max() > 0
        # the map is the one for the predicted digit, of the input shown
        expected = explain.attribution(model, x.reshape(-1).astype(np.float32), r["digit"]).reshape(28, 28)
        np.testing.assert_allclose(a, expected, rtol=1e-3, atol=1e-4 * np.abs(expected).max())
        units = r["top_units"]
        assert all(set(u) >= {"layer", "unit", "activation", "contribution"} for u in units)
        assert [u["contribution"] for u in units] == sorted((u["contribution"] for u in units), reverse=True)
        assert sum(u["layer"] == 1 for u in units) >= 5 and sum(u["layer"] == 2 for u in units) >= 5


def test_explain_target_and_text_output(capsys, deep_model_file, digit_files):
    _, out, _ = run(capsys, "explain", "--model", str(deep_model_file), "--json", digit_files[0])
    plain = json.loads(out)[0]
    other = (plain["digit"] + 3) % 10
    code, out, _ = run(capsys, "explain", "--model", str(deep_model_file), "--json", "--target", str(other),
                       digit_files[0])
    targeted = json.loads(out)[0]
    assert code == 0 and targeted["digit"] == plain["digit"] and targeted["target"] == other
    assert targeted["attribution"] != plain["attribution"]
    assert {u["unit"] for u in targeted["top_units"]} != {u["unit"] for u in plain["top_units"]}
    code, out, _ = run(capsys, "explain", "--model", str(deep_model_file), "--method", "integrated",
                       digit_files[0])
    assert code == 0 and f"d0.png: {plain['digit']}" in out and "by integrated" in out and "+" in out
    code, out, err = run(capsys, "explain", "--model", str(deep_model_file), "--target", "10", digit_files[0])
    assert code == 1 and "--target must be a digit from 0 to 9" in err and out == ""


def test_explain_png_overlays_the_attribution(capsys, deep_model_file, digit_files, tmp_path):
    from mlpviz.images import read_gray
    code, out, _ = run(capsys, "explain", "--model", str(deep_model_file), "--json", "--png",
                       str(tmp_path / "pics"), *digit_files, digit_files[0])
    results = json.loads(out)
    pngs = [r["png"] for r in results]
    assert code == 0 and len(set(pngs)) == 4 and all(p.startswith(str(tmp_path / "pics")) for p in pngs)
    image = QImage(pngs[0])
    assert image.width() == 280 and image.height() == 280
    colours = {image.pixelColor(10 * c + 5, 10 * r + 5).getRgb()[:3]
               for r, c in zip(*np.nonzero(np.abs(np.array(results[0]["attribution"])) > 0))}
    assert any(red > blue + 50 for red, _, blue in colours) and any(blue > red + 50 for red, _, blue in colours)
    assert read_gray(pngs[0])[:10, :10].max() == 0  # no ink, no attribution: black
