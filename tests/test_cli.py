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


def test_train_json_has_per_epoch_gradient_norms_and_inactive_fraction(capsys, tmp_path):
    code, out, _ = run(capsys, "train", "--hidden", "32,16", "--epochs", "3", "--batch-size", "300",
                       "--save", str(tmp_path / "m.npz"), "--json", *SMALL)
    result = json.loads(out)
    assert code == 0
    norms, inactive = result["gradient_norms"], result["inactive_fraction"]
    assert len(norms) == len(inactive) == 3  # one list per epoch
    assert all(len(row) == 3 for row in norms + inactive)  # one number per layer, layer 1 first
    assert all(v > 0 for row in norms for v in row) and all(0 <= v <= 1 for row in inactive for v in row)
    # A sigmoid network with N(0, 0.01^2) weights: the first layer's gradient is the smallest.
    assert norms[0][0] < norms[0][2]
    with np.load(tmp_path / "m.npz") as f:
        np.testing.assert_allclose(f["history/gradient_norms"], norms)
        np.testing.assert_allclose(f["history/inactive_fraction"], inactive)


def test_csv_has_a_header_and_a_row_per_epoch(capsys, tmp_path):
    import csv
    path = tmp_path / "history.csv"
    code, out, _ = run(capsys, "train", "--epochs", "2", "--dropout", "0.2", "--schedule", "cosine",
                       "--csv", str(path), "--json", *SMALL)
    assert code == 0
    rows = list(csv.reader(path.open()))
    header, body = rows[0], rows[1:]
    assert header[:7] == ["epoch", "step", "train_loss", "train_accuracy", "test_loss", "test_accuracy",
                          "train_seconds"]
    assert header[7:] == ["gradient_norm_1", "gradient_norm_2", "inactive_fraction_1", "inactive_fraction_2"]
    assert len(body) == 2 and [int(r[0]) for r in body] == [1, 2] and [int(r[1]) for r in body] == [30, 60]
    result = json.loads(out)
    assert float(body[1][5]) == result["test_accuracy"]
    assert [float(v) for v in body[0][7:9]] == result["gradient_norms"][0]
    assert result["config"]["dropout"] == 0.2 and result["config"]["schedule"] == "cosine"


def test_a_run_ending_inside_an_epoch_has_a_row_for_it(capsys):
    code, out, _ = run(capsys, "train", "--steps", "45", "--json", *SMALL)
    result = json.loads(out)
    assert code == 0 and len(result["gradient_norms"]) == 2  # epoch 1, then the half epoch after it


@pytest.mark.parametrize("argv, message", [
    (["--dropout", "0.99"], "dropout"), (["--dropout", "-0.1"], "dropout"),
    (["--schedule", "linear"], "invalid choice"), (["--csv", "/nonexistent/folder/h.csv"], "does not exist"),
])
def test_bad_dynamics_options_fail_before_training(capsys, tmp_path, argv, message):
    code, out, err = run(capsys, "train", "--steps", "5", *SMALL, *argv)
    assert code != 0 and message in err and len(err.strip().splitlines()) == 1 and out == ""
