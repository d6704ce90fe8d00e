"""A settings field as a user meets it: typed into, Return pressed, clicked into and out of, and the
training shortcuts pressed while it has focus."""
import pytest
from drive import wait_step
from PySide6.QtCore import Qt

from mlpviz.core.config import PRESETS
from mlpviz.core.data import DataError
from mlpviz.gui.snapshot import PAUSED, RUNNING


@pytest.fixture
def asked(qtbot, window):
    """The prompts for unsaved work the user is shown (each answered Discard), with the window on
    the course's 50-unit network one step in."""
    window.step_once()
    wait_step(qtbot, window, 1)
    prompts = []
    window.confirm_discard = lambda what: prompts.append(what) or True
    return prompts


def focus(qtbot, field):
    field.window().activateWindow()
    field.setFocus()
    qtbot.waitUntil(field.hasFocus, timeout=5000)


@pytest.mark.parametrize("typed, refused", [("abc", True), ("0", True), ("50 ", False)])
def test_a_value_that_reads_as_the_network_s_own_or_is_refused_never_asks(qtbot, window, asked, turns,
                                                                         typed, refused):
    run, field = window.trainer, window.controls.hidden
    focus(qtbot, field)
    field.selectAll()
    qtbot.keyClicks(field, typed)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    turns(5)  # the field is left, and a refusal's message opens
    field.clearFocus()  # and the user clicks elsewhere
    turns(3)
    assert asked == [] and window.trainer is run and run.step_count == 1
    assert field.text() == "50"  # what trains, written as it counts
    assert ("hidden layer" in window.last_notice) == refused


def test_space_in_a_field_only_clicked_into_starts_training(qtbot, window, asked):
    field = window.controls.hidden
    focus(qtbot, field)
    qtbot.keyClick(field, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: window.state == RUNNING, timeout=15000)
    assert field.text() == "50"
    qtbot.keyClick(field, Qt.Key.Key_Space)  # and pauses
    qtbot.waitUntil(lambda: window.state == PAUSED, timeout=15000)
    field.clearFocus()
    assert asked == [] and field.text() == "50"


def test_right_in_a_number_field_only_clicked_into_steps(qtbot, window, asked):
    field = window.controls.seed
    focus(qtbot, field)
    qtbot.keyClick(field, Qt.Key.Key_Right)
    wait_step(qtbot, window, 2)
    assert field.value() == 0 and asked == []


def test_once_typed_into_space_is_a_character(qtbot, window, asked):
    field = window.controls.hidden
    focus(qtbot, field)
    field.end(False)
    qtbot.keyClicks(field, ",32")
    qtbot.keyClick(field, Qt.Key.Key_Space)
    assert field.text() == "50,32 "  # the space went into the field, not to Start
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.trainer.model.sizes == (784, 50, 32, 10), timeout=15000)
    assert asked == ["Start a new network"] and field.text() == "50,32"


def test_clicked_into_again_after_an_edit_the_field_passes_space_on(qtbot, window, asked):
    field = window.controls.hidden
    focus(qtbot, field)
    field.selectAll()
    qtbot.keyClicks(field, "40")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.trainer.model.sizes == (784, 40, 10) and not field.hasFocus(), timeout=15000)
    focus(qtbot, field)
    qtbot.keyClick(field, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: window.state == RUNNING, timeout=15000)
    window.toggle_run()
    assert field.text() == "40" and asked == ["Start a new network"]


def test_a_preset_the_training_images_cannot_hold_is_refused_before_any_prompt(qtbot, window, asked):
    c = window.controls
    c.train_limit.setValue(100)  # a new network on 100 images (the course's batches of 100 fit)
    qtbot.waitUntil(lambda: len(window.trainer.data.y_train) == 100, timeout=15000)
    run, asked[:] = window.trainer, []
    c.preset.setCurrentIndex(c.preset.findData("best"))  # batches of 256
    assert asked == [] and window.trainer is run
    assert "256" in window.last_notice and "best" in window.last_notice
    assert c.config() == window.config and c.preset.currentData() == "course" and c.hidden.text() == "50"


def test_a_network_that_cannot_be_built_leaves_the_form_showing_the_one_that_trains(qtbot, window, asked,
                                                                                  monkeypatch):
    from mlpviz.core.trainer import Trainer

    def refuse(*args, **kwargs):
        raise DataError("no room")
    monkeypatch.setattr(Trainer, "from_config", refuse)
    run = window.trainer
    window.controls.seed.setValue(7)
    assert asked == ["Start a new network"] and window.trainer is run and "no room" in window.last_notice
    assert window.controls.seed.value() == 0 and window.controls.config() == window.config == PRESETS["course"]


def test_once_typed_into_a_number_field_right_moves_the_cursor(qtbot, window, asked):
    field = window.controls.seed
    focus(qtbot, field)
    field.lineEdit().selectAll()
    qtbot.keyClicks(field, "12")
    qtbot.keyClick(field, Qt.Key.Key_Home)
    qtbot.keyClick(field, Qt.Key.Key_Right)
    assert field.lineEdit().cursorPosition() == 1  # the field's key, not a step
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not field.hasFocus(), timeout=5000)
