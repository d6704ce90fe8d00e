"""The Edit tab in the window: what Undo may still change once training has gone on, the notes
and figures it shows as training resumes, and the marks an edit leaves on the run's curves."""
import numpy as np
import pytest

from mlpviz.core.edit import MARK
from mlpviz.gui.snapshot import RUNNING
from mlpviz.gui.views.edit import PAUSE_REASON, SETTLED


@pytest.fixture
def editor(qtbot, window):
    """The Edit tab shown, on a network paused at step 3 (the view follows the network while shown)."""
    window.tabs.setCurrentWidget(window.editor)
    window.controller.worker.step(3)
    qtbot.waitUntil(lambda: window.latest.step == 3 and window.editor.original is not None, timeout=15000)
    window.editor.noise.setValue(1.0)
    return window.editor


def live_weights(window) -> list[np.ndarray]:
    assert window.controller.pause_and_wait()
    return [p.copy() for p in window.trainer.model.params]


def wait_published(qtbot, window, step: int) -> None:
    """Until the views have been handed a snapshot of the network as it is now, at `step`."""
    window.controller.worker.publish_now()
    before = window.latest
    qtbot.waitUntil(lambda: window.latest is not before and window.latest.step == step, timeout=10000)


def edit_marks(window) -> list[int]:
    return [c.step for c in window.run.history.changes if c.name == MARK]


def test_undo_is_no_longer_offered_once_training_went_on_from_an_edit(qtbot, window, editor):
    editor.noise_button.click()
    assert editor.undo_button.isEnabled()
    window.controller.worker.step(4)
    qtbot.waitUntil(lambda: window.latest.step == 7, timeout=10000)  # the view has been handed it too
    trained = live_weights(window)
    assert not editor.undo_button.isEnabled() and editor.stack.count() == 0
    assert editor.status.text() == editor.tr(SETTLED)
    editor.undo_button.click()
    editor.stack.undo()  # the undo list's own route: nothing left on it
    for p, q in zip(live_weights(window), trained):
        np.testing.assert_array_equal(p, q)
    assert window.run.steps == 7
    for p, q in zip(editor.original.params, trained):  # the next edit starts from the trained network
        np.testing.assert_array_equal(p, q)


def test_an_edit_not_yet_trained_on_stays_undoable(qtbot, window, editor):
    before = live_weights(window)
    editor.noise_button.click()
    wait_published(qtbot, window, 3)  # the edited network comes back at the same step
    assert editor.undo_button.isEnabled() and editor.status.text() == ""
    editor.undo_button.click()
    for p, q in zip(live_weights(window), before):
        np.testing.assert_array_equal(p, q)
    assert window.run.steps == 3 and editor.edits == []


def test_an_edit_made_while_training_runs_stays_undoable_at_the_step_it_paused(qtbot, window, editor):
    window.toggle_run()
    qtbot.waitUntil(lambda: window.latest.state == RUNNING and window.latest.step > 3, timeout=10000)
    editor.noise_button.click()  # pauses first
    assert editor.status.text() == editor.tr(PAUSE_REASON)
    step = window.run.steps
    wait_published(qtbot, window, step)
    assert editor.undo_button.isEnabled() and editor.edits
    editor.undo_button.click()
    assert window.run.steps == step and editor.edits == []


def test_resuming_training_clears_the_pause_note_and_the_before_figure(qtbot, window, editor):
    window.toggle_run()
    qtbot.waitUntil(lambda: window.latest.state == RUNNING, timeout=10000)
    editor.noise_button.click()
    assert editor.tr(PAUSE_REASON) in editor.status.text()
    qtbot.waitUntil(lambda: "before:" in editor.accuracy_label.text(), timeout=10000)
    step = window.run.steps
    window.toggle_run()
    qtbot.waitUntil(lambda: window.latest.state == RUNNING and window.latest.step > step, timeout=10000)
    assert editor.tr(PAUSE_REASON) not in editor.status.text()
    assert editor.status.text() == editor.tr(SETTLED)
    assert "before:" not in editor.accuracy_label.text()
    qtbot.waitUntil(lambda: "(no edits)" in editor.accuracy_label.text(), timeout=10000)


def test_an_edit_is_marked_on_the_curves_at_its_step_and_undone_with_it(qtbot, window, editor):
    editor.noise_button.click()
    editor.prune_button.click()  # two edits at one step: one mark
    wait_published(qtbot, window, 3)
    assert edit_marks(window) == [3]
    editor.undo_button.click()
    wait_published(qtbot, window, 3)
    assert edit_marks(window) == [3]  # the noise is still in force
    editor.undo_button.click()
    wait_published(qtbot, window, 3)
    assert edit_marks(window) == []  # every edit at step 3 undone: the network is as trained
    editor.stack.redo()
    window.controller.worker.step(2)
    qtbot.waitUntil(lambda: window.latest.step == 5, timeout=10000)
    assert edit_marks(window) == [3]
    window.tabs.setCurrentIndex(0)  # the curves
    curves = window.curves
    qtbot.waitUntil(lambda: len(curves._marks) == 2, timeout=10000)  # on the loss and the accuracy plot
    for _, line in curves._marks:
        assert line.label.toPlainText() == "edit"
        assert line.value() == pytest.approx(window.run.history.epoch_at(3))
