"""The input view: the pad keeps its strokes as paths, a small drawing reaches the network like a
large one, and the test image browser feeds the session."""
import numpy as np
import pytest
from drive import draw

from mlpviz.core.preprocess import prepare_digit
from mlpviz.gui.views.input import InputView

SEVEN = [(0.0, 0.0), (1.0, 0.0), (0.4, 1.0)]


@pytest.fixture
def view(make_view):
    """The input view of a session on the small dataset, at its size in the window."""
    return make_view(InputView, 380, 360)


def placed(shape, size, left, top):
    return [(left + x * size, top + y * size) for x, y in shape]


def test_a_tiny_seven_in_a_corner_reaches_the_network_like_a_large_one(qtbot, view):
    view.pad.clear()
    draw(qtbot, view.pad, placed(SEVEN, 0.08, 0.02, 0.88))
    assert len(view.pad.strokes()) == 1 and view.pad.strokes()[0].shape == (3, 2)
    tiny = view.session.input_x.copy()
    blob = prepare_digit(view.pad.pixels()).ravel()  # the picture cropped and enlarged, pen and all
    view.pad.clear()
    assert view.pad.strokes() == []
    draw(qtbot, view.pad, placed(SEVEN, 0.8, 0.1, 0.1))
    large = view.session.input_x.copy()
    def cosine(a, b):
        return a @ b / np.linalg.norm(a) / np.linalg.norm(b)

    # The mouse lands on whole widget pixels, so the tiny drawing's corners move a little: near, not equal.
    assert cosine(tiny, large) > 0.9 > cosine(blob, large)
    # The pen stays MNIST's: about as much ink as the large drawing, where the enlarged picture is a blob.
    assert abs(tiny.sum() - large.sum()) < 0.15 * large.sum() < abs(blob.sum() - large.sum())


def test_strokes_are_separate_and_a_test_image_has_none(qtbot, view):
    view.pad.clear()
    draw(qtbot, view.pad, [(0.5, 0.1), (0.5, 0.9)])
    draw(qtbot, view.pad, [(0.3, 0.3), (0.7, 0.3)])
    assert len(view.pad.strokes()) == 2
    view.test_index.setValue(5)
    assert view.pad.strokes() == []


def test_test_image_browser_feeds_the_views(view, small):
    view.test_index.setValue(3)
    np.testing.assert_allclose(view.session.input_x, small.x_test[3] / 255, atol=1e-6)
    assert f"label {small.y_test[3]}" in view.session.input_source


def test_save_drawing_writes_the_strokes_and_adds_to_the_file_after_asking(qtbot, view, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog, QMessageBox

    from mlpviz.core.strokes import read_drawings, render_strokes
    asked = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: asked.append((a, k)) or (str(tmp_path / "class"), ""))
    view.pad.clear()
    draw(qtbot, view.pad, placed(SEVEN, 0.5, 0.2, 0.2))
    assert view.save_drawing()
    # The dialog leaves an existing file to the question below, rather than offering to replace it.
    assert asked[0][1]["options"] == QFileDialog.Option.DontConfirmOverwrite
    path = tmp_path / "class.json"
    size, drawings = read_drawings(path)
    assert size == (280, 280) and len(drawings) == 1
    np.testing.assert_allclose(drawings[0][0], view.pad.strokes()[0], atol=0.005)
    # Read back, it is the input the network received from the pad.
    np.testing.assert_allclose(render_strokes(drawings[0]).ravel(), view.session.input_x, atol=1e-3)

    questions = []
    answer = QMessageBox.StandardButton.Cancel
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: questions.append(a[2]) or answer)
    view.pad.clear()
    draw(qtbot, view.pad, [(0.5, 0.1), (0.5, 0.9)])
    before = path.read_bytes()
    assert not view.save_drawing()  # cancelled: the file is as it was
    assert path.read_bytes() == before and "class.json already holds a drawing" in questions[0]
    answer = QMessageBox.StandardButton.Yes
    assert view.save_drawing()
    _, drawings = read_drawings(path)
    assert len(drawings) == 2 and len(drawings[1]) == 1 and drawings[1][0][0, 1] < drawings[1][0][-1, 1]
    assert asked[-1][0][2] == str(path)  # the dialog offers the file saved to last


def test_save_drawing_leaves_other_files_alone_and_needs_a_drawing(qtbot, view, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog, QMessageBox
    other = tmp_path / "notes.json"
    other.write_text('{"notes": "not drawings"}')
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(other), ""))
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append((box.text(), box.detailedText())))
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: shown.append((a[2], "")))
    view.pad.clear()
    assert not view.save_drawing() and "no drawing to save" in shown[-1][0]
    view.test_index.setValue(5)  # a test image on the pad has no strokes: nothing to save either
    assert not view.save_drawing() and len(shown) == 2
    draw(qtbot, view.pad, [(0.5, 0.1), (0.5, 0.9)])
    assert not view.save_drawing()
    text, detail = shown[-1]
    assert "notes.json is not a drawings file" in text and "expected an object" in detail
    assert other.read_text() == '{"notes": "not drawings"}'


def test_the_input_menu_saves_the_drawing(qtbot, window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog, QMenu

    from mlpviz.core.strokes import read_drawings
    target = tmp_path / "mine.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    pad = window.input_view.pad
    pad.clear()
    draw(qtbot, pad, placed(SEVEN, 0.5, 0.2, 0.2))
    menu = next(m for m in window.menuBar().findChildren(QMenu) if m.title() == "&Input")
    next(a for a in menu.actions() if a.text() == "&Save drawing...").trigger()
    assert len(read_drawings(target)[1]) == 1
    assert window.statusBar().currentMessage() == f"Saved the drawing to {target} as drawing 1"
