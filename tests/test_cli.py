"""The command line, in process (fast) and once as a real process (entry point, no traceback)."""
import gzip
import json
import struct
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtGui import QImage

from mlpviz.cli import main

SMALL = ["--train-limit", "3000"]


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


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
    (["train", "--hidden", "50,,10"], "comma-separated"),
    (["train", "--hidden", "-5"], "comma-separated"),
    (["train", "--hidden", "16384"], "from 1 to 4096"),
    (["train", "--train-limit", "50"], "at least 100 training images"),
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


def test_headless_commands_load_no_qt(tmp_path):
    """train and evaluate run where Qt is missing or broken: only picture commands may load it."""
    model = tmp_path / "m.npz"
    code = ("import sys; from mlpviz.cli import main; "
            f"codes = [main(['train', '--steps', '2', '--train-limit', '500', '--json', '--save', {str(model)!r}]), "
            f" main(['evaluate', '--model', {str(model)!r}, '--json'])]; "
            "qt = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'pyqtgraph')); "
            "print(codes, qt, file=sys.stderr); sys.exit(1 if qt or any(codes) else 0)")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.count("test_accuracy") == 1 and proc.stdout.count('"robustness"') == 1


def test_a_run_that_blows_up_stops_with_one_line_and_exit_1(capsys, tmp_path):
    code, out, err = run(capsys, "train", "--lr", "50", "--steps", "2000", "--json", "--save", str(tmp_path / "m.npz"),
                         *SMALL)
    assert code == 1 and out == "" and not (tmp_path / "m.npz").exists()
    assert err.startswith("mlpviz: error: the loss rose from") and "diverged" in err
    assert "lower the learning rate" in err and len(err.strip().splitlines()) == 1


@pytest.fixture
def app_runs(monkeypatch):
    """Records the arguments the desktop app would have been opened with, instead of opening it."""
    import mlpviz.gui.app
    calls = []
    monkeypatch.setattr(mlpviz.gui.app, "run", lambda **kwargs: calls.append(kwargs) or 0)
    return calls


def test_gui_opens_with_a_model_data_and_preset(capsys, app_runs, model_file, tmp_path):
    code, _, err = run(capsys, "gui", str(model_file), "--data", str(tmp_path), "--preset", "fast")
    assert code == 0 and err == ""
    assert app_runs == [{"model_path": str(model_file), "data_source": str(tmp_path), "preset": "fast"}]


@pytest.mark.parametrize("argv", [[], ["gui"]])
def test_gui_without_arguments_opens_plainly(capsys, app_runs, argv):
    assert run(capsys, *argv)[0] == 0
    assert app_runs == [{"model_path": None, "data_source": None, "preset": None}]


def test_a_model_file_alone_opens_the_app_with_it(capsys, app_runs, model_file):
    assert run(capsys, str(model_file))[0] == 0
    assert run(capsys, "--preset", "best")[0] == 0
    assert app_runs == [{"model_path": str(model_file), "data_source": None, "preset": None},
                        {"model_path": None, "data_source": None, "preset": "best"}]


@pytest.mark.parametrize("argv, code, message", [
    (["gui", "/nonexistent/m.npz"], 1, "file not found"),
    (["/nonexistent/m.npz"], 1, "file not found"),
    (["gui", "--data", "/nonexistent/folder"], 1, "no such folder or file"),
    (["gui", "--preset", "nope"], 2, "invalid choice"),
    (["--preset", "nope"], 2, "invalid choice"),
])
def test_gui_arguments_are_checked_before_any_window(capsys, app_runs, argv, code, message):
    got, out, err = run(capsys, *argv)
    assert got == code and message in err and len(err.strip().splitlines()) == 1 and out == ""
    assert app_runs == []


def test_a_corrupt_model_is_refused_before_any_window(capsys, app_runs, tmp_path):
    (tmp_path / "m.npz").write_bytes(b"garbage")
    code, _, err = run(capsys, "gui", str(tmp_path / "m.npz"))
    assert code == 1 and "not a zip" in err and app_runs == []


def test_main_py_takes_the_same_arguments():
    root = Path(__file__).resolve().parents[1]
    proc = subprocess.run([sys.executable, str(root / "main.py"), "/nonexistent/m.npz"], capture_output=True,
                          text=True, timeout=60)
    assert proc.returncode == 1 and proc.stderr == "mlpviz: error: /nonexistent/m.npz: file not found\n"


CLI_REFUSED = [
    (["--lr", "0"], "learning rate"), (["--lr", "nan"], "learning rate"), (["--lr", "1e9"], "learning rate"),
    (["--batch-size", "0"], "batch size"), (["--hidden", "0"], "width"), (["--momentum", "2"], "momentum"),
    (["--weight-decay", "-1"], "weight decay"), (["--init-std", "inf"], "init_std"),
    (["--epochs", "0"], "epochs"), (["--steps", "-1"], "steps"), (["--batch-size", "5000"], "larger than"),
    (["--seed", "-1"], "seed"),
]


@pytest.mark.parametrize("argv, message", CLI_REFUSED, ids=[" ".join(a) for a, _ in CLI_REFUSED])
def test_the_command_line_refuses_them_in_one_line_and_writes_nothing(capsys, tmp_path, argv, message):
    model = tmp_path / "m.npz"
    code = main(["train", "--train-limit", "1000", "--save", str(model), *argv])
    out, err = capsys.readouterr()
    assert code == 1 and message in err and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert not model.exists() and list(tmp_path.iterdir()) == []


def test_the_command_line_reports_divergence(capsys, tmp_path):
    code = main(["train", "--train-limit", "2000", "--hidden", "64,64", "--activation", "leaky_relu",
                 "--init", "he", "--lr", "50", "--steps", "200", "--save", str(tmp_path / "m.npz")])
    err = capsys.readouterr().err
    assert code == 1 and "the loss became nan" in err and "Traceback" not in err
    assert not (tmp_path / "m.npz").exists()


def test_evaluate_refuses_a_model_for_other_images(capsys, model_file, tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    for stem, n in (("train", 4), ("t10k", 2)):
        images = struct.pack(">IIII", 0x803, n, 8, 6) + bytes(n * 48)
        labels = struct.pack(">II", 0x801, n) + bytes(n)
        (data / f"{stem}-images-idx3-ubyte.gz").write_bytes(gzip.compress(images))
        (data / f"{stem}-labels-idx1-ubyte.gz").write_bytes(gzip.compress(labels))
    code, _, err = run(capsys, "evaluate", "--model", str(model_file), "--data", str(data))
    assert code == 1 and "784 inputs" in err and "48 pixels" in err


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
    assert image.width() > 280 and image.height() > 280  # the overlay at the top left, its key and caption beside
    colours = {image.pixelColor(10 * c + 5, 10 * r + 5).getRgb()[:3]
               for r, c in zip(*np.nonzero(np.abs(np.array(results[0]["attribution"])) > 0))}
    assert any(red > blue + 50 for red, _, blue in colours) and any(blue > red + 50 for red, _, blue in colours)
    assert read_gray(pngs[0])[:10, :10].max() == 0  # no ink, no attribution: black


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




def test_experiments_lists_the_course_comparisons(capsys):
    code, out, _ = run(capsys, "experiments", "--json")
    found = json.loads(out)["experiments"]
    assert code == 0 and {"mistakes", "loss", "activation", "init", "lr", "keras", "overfitting"} <= {
        e["key"] for e in found}
    for e in found:
        assert set(e) == {"key", "title", "what_to_watch", "runs"}
        for r in e["runs"]:
            assert set(r) == {"label", "config", "train_limit", "variant"}
    code, out, _ = run(capsys, "experiments")
    assert code == 0 and "overfitting: 1,000 training images against 60,000" in out


def test_train_with_the_w_update_mistake_answers_one_digit(capsys):
    code, out, _ = run(capsys, "train", "--mistake", "w_update", "--steps", "300", *SMALL, "--json")
    result = json.loads(out)
    assert code == 0 and result["config"]["mistake"] == "w_update"
    from mlpviz.core.data import load_dataset
    shares = np.bincount(load_dataset().y_test, minlength=10) / 10000
    assert any(result["test_accuracy"] == pytest.approx(s) for s in shares)  # one digit for every image
    code, _, err = run(capsys, "train", "--mistake", "W1", "--steps", "3")
    assert code == 2 and "invalid choice" in err


def test_train_with_augmentation_reports_it(capsys):
    code, out, _ = run(capsys, "train", "--preset", "fast", "--hidden", "32", "--steps", "30", "--augment",
                       "elastic,affine", "--rotation", "10", "--thickness", "0.5", "--json", *SMALL)
    assert code == 0
    config = json.loads(out)["config"]
    assert config["augment"] == ["affine", "elastic"] and config["rotation"] == 10 and config["thickness"] == 0.5


def test_train_with_the_pen_reports_it_and_its_model_file_keeps_it(capsys, tmp_path):
    path = tmp_path / "pen.npz"
    code, out, _ = run(capsys, "train", "--preset", "fast", "--hidden", "32", "--steps", "20", "--augment", "pen",
                       "--pen-share", "0.25", "--pen-min", "2", "--pen-max", "2.8", "--save", str(path), "--json",
                       *SMALL)
    assert code == 0
    config = json.loads(out)["config"]
    assert config["augment"] == ["pen"] and config["pen_share"] == 0.25
    assert (config["pen_min"], config["pen_max"]) == (2, 2.8)
    from mlpviz.core import checkpoint
    saved = checkpoint.config_of(checkpoint.load(path))
    assert saved.augment == ("pen",) and (saved.pen_share, saved.pen_min, saved.pen_max) == (0.25, 2.0, 2.8)


@pytest.mark.parametrize("argv, message", [
    (["--augment", "affine,blur"], "unknown augmentation 'blur'"),
    (["--augment", "affine,,elastic"], "unknown augmentation"),
    (["--augment", "affine", "--rotation", "-5"], "rotation must be"),
    (["--augment", "affine", "--scale", "1.5"], "scale must be"),
    (["--augment", "elastic", "--elastic-sigma", "0"], "elastic_sigma must be"),
    (["--augment", "thickness", "--thickness", "nan"], "thickness must be"),
    (["--augment", "pen", "--pen-share", "2"], "pen_share must be"),
    (["--augment", "pen", "--pen-max", "9"], "pen_max must be"),
])
def test_bad_augmentation_is_one_line(capsys, argv, message):
    code, out, err = run(capsys, "train", "--steps", "1", *argv, *SMALL)
    assert code == 1 and out == ""
    assert err.startswith("mlpviz: error:") and message in err and err.count("\n") == 1


def test_augment_none_turns_the_presets_augmentation_off(capsys):
    code, out, _ = run(capsys, "train", "--preset", "best", "--hidden", "16", "--steps", "5", "--augment", "none",
                       "--shift", "0", "--json", *SMALL)
    assert code == 0 and json.loads(out)["config"]["augment"] == []


def test_training_picks_blas_threads_by_shape_unless_told(capsys, monkeypatch):
    from mlpviz.core import threads
    monkeypatch.delenv("MLPVIZ_BLAS_THREADS", raising=False)
    monkeypatch.setattr(threads.os, "getloadavg", lambda: (0.0, 0.0, 0.0))  # an idle machine
    code, out, _ = run(capsys, "train", "--preset", "fast", "--steps", "3", "--json", *SMALL)
    assert json.loads(out)["blas_threads"] == threads.blas_threads_for((784, 256, 128, 10), 256, load=0.0)
    code, out, _ = run(capsys, "train", "--steps", "3", "--json", *SMALL)
    assert json.loads(out)["blas_threads"] == 1  # 784-50-10: too small to split
    monkeypatch.setenv("MLPVIZ_BLAS_THREADS", "1")
    code, out, _ = run(capsys, "train", "--preset", "fast", "--steps", "3", "--json", *SMALL)
    assert json.loads(out)["blas_threads"] == 1


# The train options the README documents; the settings among them come from Config.
TRAIN_OPTIONS = {
    "-h", "--help", "--preset", "--hidden", "--activation", "--loss", "--init", "--init-std", "--optimizer", "--lr",
    "--momentum", "--weight-decay", "--lr-decay", "--schedule", "--dropout", "--shift", "--augment", "--rotation",
    "--shear", "--scale", "--translate", "--thickness", "--elastic-alpha", "--elastic-sigma", "--pen-share",
    "--pen-min", "--pen-max", "--batch-size", "--epochs", "--steps", "--seed", "--dtype", "--mistake", "--data",
    "--train-limit", "--save", "--csv", "--json"}


def test_train_help_offers_every_setting_with_configs_range_and_default(capsys, monkeypatch):
    import re
    from dataclasses import fields

    from mlpviz.core.config import Config, setting_help
    monkeypatch.setenv("COLUMNS", "1000")  # one line per option
    with pytest.raises(SystemExit) as e:
        main(["train", "--help"])
    out = capsys.readouterr().out
    assert e.value.code == 0
    offered = {m.group(1) for m in re.finditer(r"^  (-[-\w]+)", out, re.MULTILINE)} | {"--help"}
    assert offered == TRAIN_OPTIONS
    text = " ".join(out.split())
    for f in fields(Config):
        option = "--" + f.name.replace("_", "-")
        assert re.search(rf"{option} \S+ {re.escape(setting_help(f.name))}", text), option
    assert "--dropout P drop this share of every hidden layer's units at each training step (at least 0 and at " \
           "most 0.95; default 0)" in text


def test_every_setting_reaches_the_run_from_its_option(capsys):
    values = {"hidden": "16,8", "activation": "tanh", "loss": "mse", "init": "xavier", "init-std": "0.02",
              "optimizer": "momentum", "lr": "0.05", "momentum": "0.8", "weight-decay": "0.001", "lr-decay": "0.9",
              "schedule": "cosine", "dropout": "0.1", "shift": "1", "augment": "affine,pen", "rotation": "5",
              "shear": "6", "scale": "0.1", "translate": "1.5", "thickness": "0.5", "elastic-alpha": "20",
              "elastic-sigma": "3", "pen-share": "0.25", "pen-min": "1.5", "pen-max": "2.5", "batch-size": "50",
              "steps": "2", "seed": "3", "dtype": "float64", "mistake": "db1"}
    argv = [a for k, v in values.items() for a in (f"--{k}", v)]
    code, out, _ = run(capsys, "train", *argv, "--json", "--train-limit", "500")
    config = json.loads(out)["config"]
    assert code == 0
    for k, v in values.items():
        got = config[k.replace("-", "_")]
        expected = {"hidden": [16, 8], "augment": ["affine", "pen"]}.get(k, v)
        assert got == expected or str(got) == v or got == pytest.approx(float(v)), k
    assert config["epochs"] is None


def test_backprop_json_keys_and_the_gradient_check(capsys, model_file):
    code, out, err = run(capsys, "backprop", "--model", str(model_file), "--index", "3", "--lr", "0.05", "--json")
    assert code == 0, err
    r = json.loads(out)
    assert {"forward", "loss", "backward", "gradient_check", "update"} <= set(r)
    assert list(r["forward"]) == ["x", "a1", "z1", "a2", "y"]
    assert list(r["backward"]) == ["dy", "dW2", "db2", "dz1", "da1", "dW1", "db1", "dx"]
    assert r["backward"]["dW1"]["shape"] == [784, 128] and r["forward"]["a1"]["shape"] == [1, 128]
    assert set(r["backward"]["dy"]) == {"shape", "min", "max", "norm"}
    assert set(r["gradient_check"]) == set(r["backward"]) and max(r["gradient_check"].values()) <= 1e-6
    u = r["update"]
    assert set(u) == {"loss_before", "loss_after", "p_before", "p_after"} and len(u["p_after"]) == 10
    assert u["loss_after"] < u["loss_before"] and r["loss"] == pytest.approx(u["loss_before"])
    # the mistake shows in the check; --full gives the values themselves
    code, out, _ = run(capsys, "backprop", "--model", str(model_file), "--index", "3", "--mistake", "db1",
                       "--label", "5", "--full", "--json")
    r = json.loads(out)
    assert code == 0 and r["label"] == 5 and r["gradient_check"]["db1"] > 0.1
    assert len(r["backward"]["db1"]["values"]) == 128


def test_backprop_refuses_bad_input_in_one_line(capsys, model_file, tmp_path):
    for argv, says in ((["--index", "99999"], "--index must be from 0"), (["--index", "0", "--label", "10"], "--label"),
                       (["--index", "0", "--lr", "0"], "--lr"), (["--image", str(tmp_path / "none.png")], "none.png")):
        code, out, err = run(capsys, "backprop", "--model", str(model_file), *argv)
        assert code == 1 and says in err and len(err.strip().splitlines()) == 1, err
    code, _, err = run(capsys, "backprop", "--model", str(tmp_path / "missing.npz"), "--index", "0")
    assert code == 1 and "missing.npz" in err
    code, out, _ = run(capsys, "backprop", "--model", str(model_file), "--index", "0")
    assert code == 0 and "dW1 = xᵀ·da1" in out and "after the update" in out
