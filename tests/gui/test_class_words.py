"""A learner training on other data than MNIST's digits (Fashion-MNIST's clothes) is never told
about digits: every view speaks of classes then, and follows a switch of dataset both ways."""
import re

import numpy as np
import pytest
from test_translation import korean, show_everything, untranslated, visible_texts  # noqa: F401 (a fixture)

from mlpviz.core.data import Dataset

DIGIT = re.compile("digit", re.IGNORECASE)


@pytest.mark.parametrize("name, digits", [
    ("mnist", True), ("MNIST", True), ("mnist-small", True), ("mnist_data", True), ("my-mnist-copy", True),
    ("fashion", False), ("fashion-mnist", False), ("fashion_mnist", False), ("FashionMNIST", False),
    ("Fashion-MNIST", False), ("kmnist", False), ("EMNIST", False), ("notMNIST", False), ("data", False),
    ("", False)])
def test_the_name_tells_whether_the_classes_are_digits(small, name, digits):
    data = Dataset(small.x_train[:1], small.y_train[:1], small.x_test[:1], small.y_test[:1], small.image_shape, name)
    assert data.digits is digits
    assert data.limit_train(None).digits is digits


def test_the_bundled_mnist_and_a_keras_npz_are_digits(mnist, tmp_path):
    from mlpviz.core.data import load_dataset
    assert mnist.digits
    np.savez(tmp_path / "mnist.npz", x_train=mnist.x_train[:10].reshape(-1, 28, 28), y_train=mnist.y_train[:10],
             x_test=mnist.x_test[:10].reshape(-1, 28, 28), y_test=mnist.y_test[:10])
    assert load_dataset(tmp_path / "mnist.npz").digits


def fashion(small) -> Dataset:
    return Dataset(small.x_train, small.y_train, small.x_test, small.y_test, small.image_shape, "fashion-mnist")


def shown_texts(window, qtbot, turns) -> list[tuple[str, str]]:
    """Every text the window shows with an input, a unit and a step, then again without an input
    (the views' invitations to draw), each tab shown once in each state."""
    show_everything(window, qtbot, turns)
    texts = visible_texts(window)
    window.input_view.clear_drawing()  # the pad emptied: no input, and each view invites one
    for i in range(window.tabs.count()):
        window.tabs.setCurrentIndex(i)
        turns()
    return texts + visible_texts(window)


def digit_texts(texts) -> list[str]:
    return [f"{where}: {text}" for where, text in texts if DIGIT.search(text)]


def test_a_window_on_fashion_mnist_never_says_digit(make_window, small, qtbot, turns):
    window = make_window(fashion(small))
    found = digit_texts(shown_texts(window, qtbot, turns))
    assert found == [], "\n".join(found)
    assert window.inside.diagram._prompt().startswith("Draw on the pad")


def korean_digit_phrases() -> list[str]:
    """The Korean of every text that says digit in English, cut at its %1 arguments and tags: the
    pieces that say 숫자 (which also means number: "point at a number" is not about digits)."""
    import xml.etree.ElementTree as ET

    from test_translation import TS
    pieces = []
    for m in ET.parse(TS).getroot().iter("message"):
        if DIGIT.search(m.find("source").text or ""):
            pieces += [p for p in re.split(r"%\d|<[^>]+>", m.find("translation").text or "") if "숫자" in p]
    return pieces


@pytest.mark.usefixtures("korean")
def test_a_korean_window_on_fashion_mnist_reads_korean(make_window, small, qtbot, turns):
    """The class versions are translated too: no English is left, 클래스 is said, and none of the
    Korean of a digit text is shown."""
    window = make_window(fashion(small))
    texts = shown_texts(window, qtbot, turns)
    english = [f"{where}: {text}" for where, text in texts if untranslated(text.replace("fashion-mnist", ""))]
    assert english == [], "\n".join(english)
    assert any("클래스" in text for _, text in texts)
    pieces = korean_digit_phrases()
    assert len(pieces) > 30
    said = [f"{where}: {text}" for where, text in texts
            if any(text == piece if len(piece) <= 4 else piece in text for piece in pieces)]
    assert said == [], "\n".join(said)


def test_the_words_follow_a_switch_of_dataset(make_window, small, qtbot, turns):
    window = make_window(small)  # MNIST's digits: the same walk finds them, so the check above can fail
    assert len(digit_texts(shown_texts(window, qtbot, turns))) > 10
    window.set_data(fashion(small))
    qtbot.waitUntil(lambda: window.latest is not None, timeout=15000)
    found = digit_texts(shown_texts(window, qtbot, turns))
    assert found == [], "\n".join(found)
    window.set_data(small)
    assert digit_texts(visible_texts(window))


def test_the_report_speaks_of_classes_for_fashion_mnist(mnist, tmp_path, monkeypatch, capsys):
    """`mlpviz evaluate --report` (File > Export figures draws the views themselves): no text drawn in
    its figures or written in its page says digit for Fashion-MNIST; for MNIST they do."""
    from PySide6.QtGui import QPainter

    from mlpviz.cli import main
    from mlpviz.gui import report

    drawn = []

    class Recording(QPainter):
        def drawText(self, *args):
            drawn.extend(a for a in args if isinstance(a, str))
            super().drawText(*args)

    model = tmp_path / "m.npz"
    assert main(["train", "--preset", "fast", "--hidden", "16", "--train-limit", "500", "--steps", "20",
                 "--save", str(model), "--json"]) == 0
    monkeypatch.setattr(report, "QPainter", Recording)
    for name in ("fashion-mnist", "mnist"):
        np.savez(tmp_path / f"{name}.npz", x_train=mnist.x_train[:100].reshape(-1, 28, 28),
                 y_train=mnist.y_train[:100], x_test=mnist.x_test[:200].reshape(-1, 28, 28),
                 y_test=mnist.y_test[:200])
        drawn.clear()
        assert main(["evaluate", "--model", str(model), "--data", str(tmp_path / f"{name}.npz"), "--report",
                     str(tmp_path / name), "--lang", "en", "--json"]) == 0
        page = (tmp_path / name / "index.html").read_text(encoding="utf-8")
        assert len(drawn) > 100 and "read as" in drawn
        if name == "mnist":
            assert "true digit" in drawn and "colour: the true digit; ×: misread" in drawn
            assert "Rows: the true digit" in page
        else:
            assert [t for t in drawn if DIGIT.search(t)] == [] and not DIGIT.search(page)
            assert "true class" in drawn and "Rows: the true class" in page
