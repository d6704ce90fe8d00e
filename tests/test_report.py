"""`mlpviz evaluate --report` and `mlpviz explain --png`: in the language asked for, and explain's
picture with its colour key and the digit read."""
import json
import re

import numpy as np
import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QImage

from mlpviz.cli import main
from mlpviz.gui import translation

HANGUL = re.compile(r"[\uac00-\ud7a3]")


@pytest.fixture(scope="module")
def model_file(tmp_path_factory):
    path = tmp_path_factory.mktemp("model") / "m.npz"
    assert main(["train", "--preset", "fast", "--hidden", "32", "--train-limit", "3000", "--steps", "100",
                 "--save", str(path), "--json"]) == 0
    return path


@pytest.fixture(scope="module")
def small_data(mnist, tmp_path_factory):
    """The first 500 test images as a Keras-style .npz: a report in a second."""
    path = tmp_path_factory.mktemp("data") / "mnist.npz"
    np.savez(path, x_train=mnist.x_train[:100].reshape(-1, 28, 28), y_train=mnist.y_train[:100],
             x_test=mnist.x_test[:500].reshape(-1, 28, 28), y_test=mnist.y_test[:500])
    return path


@pytest.fixture
def qm_cache(tmp_path, monkeypatch):
    """The Korean .qm compiled, if it is not built, into a temporary cache."""
    monkeypatch.setattr(translation, "_cache", lambda: tmp_path / "cache")


def digit_file(mnist, tmp_path, i: int) -> str:
    x = np.ascontiguousarray(mnist.x_test[i].reshape(28, 28))
    path = tmp_path / f"d{i}.png"
    assert QImage(x.data, 28, 28, 28, QImage.Format.Format_Grayscale8).save(str(path))
    return str(path)


def test_evaluate_report_in_korean(capsys, model_file, small_data, tmp_path, qm_cache):
    folder = tmp_path / "report"
    code = main(["evaluate", "--model", str(model_file), "--data", str(small_data), "--report", str(folder),
                 "--lang", "ko", "--json"])
    assert code == 0 and json.loads(capsys.readouterr().out)["report"] == str(folder / "index.html")
    page = (folder / "index.html").read_text(encoding="utf-8")
    assert '<html lang="ko">' in page
    titles = re.findall(r"<h2>(.*?)</h2>", page)
    assert len(titles) == 5 and all(HANGUL.search(t) for t in titles), titles  # 혼동 행렬, ...
    assert "Confusion matrix" not in page
    # The process's language is back: the command line leaves the app's text as it found it.
    assert QCoreApplication.translate("EvaluateView", "Confusion matrix") == "Confusion matrix"
    english = tmp_path / "english"
    assert main(["evaluate", "--model", str(model_file), "--data", str(small_data), "--report", str(english),
                 "--lang", "en"]) == 0
    page = (english / "index.html").read_text(encoding="utf-8")
    assert '<html lang="en">' in page and "<h2>Confusion matrix</h2>" in page and not HANGUL.search(page)


def test_the_report_follows_the_system_language(capsys, model_file, small_data, tmp_path, qm_cache, monkeypatch):
    monkeypatch.setattr(translation, "system_language", lambda: "ko")
    assert main(["evaluate", "--model", str(model_file), "--data", str(small_data), "--report",
                 str(tmp_path / "r")]) == 0
    assert '<html lang="ko">' in (tmp_path / "r" / "index.html").read_text(encoding="utf-8")


def test_explain_png_draws_the_key_and_the_digit_read(capsys, model_file, mnist, tmp_path, qm_cache):
    image_file = digit_file(mnist, tmp_path, 0)
    code = main(["explain", "--model", str(model_file), "--png", str(tmp_path / "en"), "--lang", "en", "--json",
                 image_file])
    [result] = json.loads(capsys.readouterr().out)
    assert code == 0
    picture = QImage(result["png"])
    assert picture.width() > 280 + 100 and picture.height() > 280 + 40  # more than the bare 28x28 overlay at 10x
    # The overlay is where it was: each input pixel a 10x10 block at the top left.
    a = np.array(result["attribution"])
    strong = np.argwhere(np.abs(a) > 0.2 * np.abs(a).max())
    colours = [picture.pixelColor(10 * c + 5, 10 * r + 5) for r, c in strong]
    assert any(q.red() > q.blue() + 50 for q in colours) and any(q.blue() > q.red() + 50 for q in colours)
    # The key beside it: red at the top, black in the middle, blue at the bottom of one column.
    column = [picture.pixelColor(x, y) for x in range(290, picture.width()) for y in (30, 140, 250)]
    keys = [column[i:i + 3] for i in range(0, len(column), 3)]
    assert any(top.red() > 180 > top.blue() and mid.lightness() < 40 and bottom.blue() > 180 > bottom.red()
               for top, mid, bottom in keys)
    # Below: the caption (the digit read), light text on the dark ground.
    caption = [picture.pixelColor(x, y).lightness() for x in range(0, 200) for y in range(285, picture.height())]
    assert max(caption) > 150
    code = main(["explain", "--model", str(model_file), "--png", str(tmp_path / "ko"), "--lang", "ko", "--json",
                 image_file])
    [korean] = json.loads(capsys.readouterr().out)
    other = QImage(korean["png"])
    assert code == 0 and other.size() == picture.size()
    assert other.copy(0, 0, 280, 280) == picture.copy(0, 0, 280, 280)  # the same overlay
    assert other.copy(0, 310, picture.width(), picture.height() - 310) != \
        picture.copy(0, 310, picture.width(), picture.height() - 310)  # its words in Korean
