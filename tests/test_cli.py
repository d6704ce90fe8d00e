"""The command line, in process (fast) and once as a real process (entry point, no traceback)."""
import inspect
import json
import subprocess
import sys

import numpy as np
import pytest
from PySide6.QtGui import QImage

from mlpviz import cli
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


def test_evaluate_json_says_where_the_network_fails(capsys, model_file):
    code, out, _ = run(capsys, "evaluate", "--model", str(model_file), "--json")
    r = json.loads(out)
    assert code == 0
    for key in ("accuracy", "loss", "confusion", "images", "dataset"):
        assert key in r
    confusion = np.array(r["confusion"])
    np.testing.assert_allclose(r["per_class_accuracy"], np.diag(confusion) / confusion.sum(axis=1))
    assert len(r["per_class_accuracy"]) == 10
    mistakes = r["mistakes"]
    assert len(mistakes) == confusion.sum() - np.trace(confusion)
    assert all(set(m) == {"index", "label", "predicted", "confidence"} for m in mistakes)
    assert all(m["label"] != m["predicted"] for m in mistakes)
    assert len({m["index"] for m in mistakes}) == len(mistakes)
    confidences = [m["confidence"] for m in mistakes]
    assert confidences == sorted(confidences, reverse=True) and 0.1 <= min(confidences) and max(confidences) <= 1
    pairs = np.zeros((10, 10), int)
    for m in mistakes:
        pairs[m["label"], m["predicted"]] += 1
    np.testing.assert_array_equal(pairs, confusion - np.diag(np.diag(confusion)))
    assert [c["threshold"] for c in r["coverage"]] == [0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 0.99]
    assert all(set(c) == {"threshold", "coverage", "accuracy"} for c in r["coverage"])
    coverage = [c["coverage"] for c in r["coverage"]]
    assert coverage == sorted(coverage, reverse=True) and r["coverage"][-1]["accuracy"] > r["accuracy"]
    assert set(r["robustness"]) == {"noise", "rotation", "shift", "thin", "thick", "occlusion"}
    firsts = {rows[0][0] for rows in r["robustness"].values()}, {rows[0][1] for rows in r["robustness"].values()}
    assert firsts[0] == {0} and len(firsts[1]) == 1  # no damage first, the same accuracy for all
    assert all(len(rows) >= 4 and all(len(p) == 2 for p in rows) for rows in r["robustness"].values())
    assert abs(firsts[1].pop() - r["accuracy"]) < 0.05  # the first 2,000 images are like the rest


def test_evaluate_text_output(capsys, model_file):
    code, out, _ = run(capsys, "evaluate", "--model", str(model_file))
    assert code == 0 and "mistakes; the most confident" in out and "read as" in out
    assert "answered, accuracy" in out and "rotation" in out and "occlusion" in out


def test_evaluate_report_writes_figures_and_an_index(capsys, model_file, tmp_path):
    folder = tmp_path / "report"
    code, out, _ = run(capsys, "evaluate", "--model", str(model_file), "--report", str(folder), "--json")
    assert code == 0 and json.loads(out)["report"] == str(folder / "index.html")
    page = (folder / "index.html").read_text()
    for name in ("confusion.png", "mistakes.png", "coverage.png", "robustness.png", "map.png"):
        assert f'src="{name}"' in page
        image = QImage(str(folder / name))
        assert not image.isNull() and image.width() > 300 and image.height() > 200
        assert len({image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, image.height(), 7)}) > 5
    assert "Confusion matrix" in page and f"{json.loads(out)['accuracy']:.2%}" in page


def test_evaluate_report_into_an_unwritable_place_is_a_one_line_error(capsys, model_file, tmp_path):
    (tmp_path / "file").write_text("")
    code, out, err = run(capsys, "evaluate", "--model", str(model_file), "--report", str(tmp_path / "file" / "r"))
    assert code == 1 and err.startswith("mlpviz: error:") and len(err.strip().splitlines()) == 1


NO_QT = "; assert not [m for m in sys.modules if m.startswith('PySide6')], 'PySide6 loaded'"


def test_evaluate_json_loads_no_qt(model_file):
    code = ("import sys; from mlpviz.cli import _parser, cmd_evaluate; "
            f"cmd_evaluate(_parser().parse_args(['evaluate', '--model', {str(model_file)!r}, '--json']))" + NO_QT)
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert '"robustness"' in proc.stdout


@pytest.mark.xfail("from .images import ImageError" in inspect.getsource(cli.main), strict=True,
                   reason="main() still imports the Qt image readers before parsing the command")
def test_main_evaluate_json_loads_no_qt(model_file):
    code = ("import sys; from mlpviz.cli import main; "
            f"main(['evaluate', '--model', {str(model_file)!r}, '--json'])" + NO_QT)
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
