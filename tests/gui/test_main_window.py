"""The main window, driven as a user would: buttons, shortcuts, the pad, model files."""
import numpy as np
import pytest
from drive import diverge, draw, wait_step
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from mlpviz.core import checkpoint
from mlpviz.gui.snapshot import PAUSED, RUNNING


def test_start_pause_step(qtbot, window):
    assert window.latest.run_id == 1 and window.latest.step == 0  # one run at start-up, not two
    qtbot.mouseClick(window.controls.start, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.latest.step > 30, timeout=10000)
    assert window.state == RUNNING and window.controls.start.text() == "Pause"
    window.toggle_run()
    qtbot.waitUntil(lambda: window.state == PAUSED, timeout=15000)
    qtbot.waitUntil(lambda: window.latest.state == PAUSED, timeout=15000)  # the pause's own snapshot
    before = window.latest.step
    qtbot.waitUntil(lambda: window.curves.steps_shown() == before, timeout=5000)  # each view takes it at its turn
    qtbot.keyClick(window, Qt.Key.Key_Right)  # the Step shortcut
    qtbot.waitUntil(lambda: window.latest.step == before + 1, timeout=15000)
    assert window.controller.worker.idle.wait(15)  # the loop has stopped again: no step is on its way
    assert window.latest.step == before + 1 and window.trainer.step_count == before + 1  # exactly one
    qtbot.waitUntil(lambda: window.curves.steps_shown() == before + 1, timeout=5000)  # and the plot shows it
    assert window.status.labels["step"].text() == f"step {before + 1:,}"


def test_space_starts_and_pauses(qtbot, window):
    qtbot.keyClick(window, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: window.state == RUNNING, timeout=15000)
    qtbot.keyClick(window, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: window.state == PAUSED, timeout=15000)


def test_step_epoch_stops_at_the_epoch_end(qtbot, window):
    window.step_once()
    wait_step(qtbot, window, 1)
    window.step_epoch()
    spe = window.latest.steps_per_epoch
    wait_step(qtbot, window, spe)
    qtbot.waitUntil(lambda: len(window.latest.epochs) == 1, timeout=15000)
    assert window.latest.step == spe and window.latest.epochs[0].epoch == 1


def test_learning_rate_changes_while_running(qtbot, window):
    window.toggle_run()
    wait_step(qtbot, window, 5)
    run = window.latest.run_id
    window.controls.lr.setValue(0.025)
    qtbot.waitUntil(lambda: window.latest.lr == pytest.approx(0.025), timeout=15000)
    assert window.state == RUNNING and window.trainer.optimizer.lr == pytest.approx(0.025)
    step = window.latest.step
    wait_step(qtbot, window, step + 5)  # still training, same run
    assert window.latest.run_id == run


def test_structural_change_asks_before_resetting(qtbot, window):
    window.step_once()
    wait_step(qtbot, window, 1)
    asked = []
    window.confirm_discard = lambda what: asked.append(what) or False
    window.controls.activation.setCurrentIndex(window.controls.activation.findData("relu"))  # refused
    assert asked and window.controls.activation.currentData() == "sigmoid"  # the control goes back
    assert window.trainer.model.activation.name == "sigmoid"
    window.confirm_discard = lambda what: True
    window.controls.hidden.setText("32,16")
    window.controls.hidden.editingFinished.emit()
    qtbot.waitUntil(lambda: window.latest.model.sizes == (784, 32, 16, 10), timeout=15000)
    assert window.latest.step == 0


def test_drawing_gives_a_prediction_while_drawing(qtbot, window):
    window.input_view.pad.clear()
    assert window.session.input_x is None and window.activations.probabilities() is None
    updates = []
    window.input_view.pad.changed.connect(lambda: updates.append(window.activations.probabilities()))
    draw(qtbot, window.input_view.pad, [(0.5, 0.15), (0.5, 0.4), (0.5, 0.65), (0.5, 0.85)])  # a 1
    assert len(updates) >= 3 and updates[0] is not None  # updated during the stroke
    assert window.session.input_x.shape == (784,) and window.session.input_x.max() == pytest.approx(1)
    p = window.activations.probabilities()
    assert p.shape == (10,) and abs(p.sum() - 1) < 1e-5
    assert window.activations.caption.text().startswith(f"Your drawing: the network reads <b>{p.argmax()}</b>")
    qtbot.keyClick(window, Qt.Key.Key_Escape)
    assert window.input_view.pad.is_empty() and window.session.input_x is None


def test_divergence_pauses_with_a_message_and_reset_recovers(qtbot, window):
    diverge(qtbot, window)
    assert "learning rate" in window.controls.note.text()
    window.controls.lr.setValue(0.01)
    window.reset()
    qtbot.waitUntil(lambda: window.latest.step == 0 and window.state == PAUSED, timeout=15000)
    window.toggle_run()
    wait_step(qtbot, window, 20)
    assert np.isfinite(window.latest.losses).all()


def test_closing_while_training_stops_the_thread(qtbot, window):
    window.toggle_run()
    wait_step(qtbot, window, 5)
    thread = window.controller.thread
    window.close()
    assert not thread.isRunning()


def test_save_and_open_a_model(qtbot, window, tmp_path):
    window.controller.worker.step(12)
    wait_step(qtbot, window, 12)
    path = tmp_path / "m.npz"
    assert window.files.write(str(path))
    saved = checkpoint.load(path)
    assert len(saved.losses) == 12
    window.reset()
    qtbot.waitUntil(lambda: window.latest.step == 0, timeout=15000)
    assert window.files.open(str(path))
    qtbot.waitUntil(lambda: window.latest.step == 12, timeout=15000)
    np.testing.assert_array_equal(window.latest.model.layers[0].W, saved.model.layers[0].W)
    assert window.latest.epoch_progress == pytest.approx(12 / 30)  # mid-epoch, not the last epoch end
    assert window.curves.steps_shown() == 12
    np.testing.assert_array_equal(window.session.model.layers[0].W, saved.model.layers[0].W)  # the views show it


def test_opening_a_bad_model_reports_and_keeps_the_run(qtbot, window, tmp_path):
    (tmp_path / "bad.npz").write_bytes(b"junk")
    run = window.trainer
    assert not window.files.open(str(tmp_path / "bad.npz"))
    assert window.trainer is run and "not a zip" in window.last_notice


def test_unsaved_training_is_not_discarded_without_asking(qtbot, window):
    window.step_once()
    window.toggle_run()
    wait_step(qtbot, window, 3)
    window.toggle_run()
    qtbot.waitUntil(lambda: window.state == PAUSED, timeout=15000)
    asked = []
    window.confirm_discard = lambda what: asked.append(what) or False  # the user cancels
    run = window.trainer
    window.reset()
    assert asked == ["Reset"] and window.trainer is run  # nothing was thrown away
    assert not window.files.open("/nonexistent.npz") and asked[-1] == "Open a model"


def test_quitting_with_unsaved_training_can_be_cancelled(qtbot, window):
    window.toggle_run()
    wait_step(qtbot, window, 3)
    window.confirm_discard = lambda what: False
    window.close()
    assert window.isVisible() and window.controller.thread.isRunning()
    window.confirm_discard = lambda what: True


def test_saving_remembers_the_folder(qtbot, window, tmp_path):
    window.step_once()
    wait_step(qtbot, window, 1)
    folder = tmp_path / "models"
    folder.mkdir()
    assert window.files.write(str(folder / "m.npz")) and not window.files.unsaved()
    assert window.settings.value("last_folder") == str(folder)


def test_impossible_settings_are_refused_and_the_run_kept(qtbot, window):
    run = window.trainer
    window.controls.hidden.setText("0")
    window.controls.hidden.editingFinished.emit()
    assert window.trainer is run and "width" in window.last_notice


def test_a_failed_save_says_so_and_keeps_the_model_unsaved(qtbot, window, tmp_path):
    window.step_once()
    wait_step(qtbot, window, 1)
    assert window.files.unsaved()
    assert not window.files.write(str(tmp_path / "no" / "such" / "folder" / "m.npz"))
    assert window.files.unsaved() and "cannot save" in window.last_notice


def test_a_bad_dataset_folder_is_reported_and_the_data_kept(qtbot, window, tmp_path):
    data = window.data
    window.load_data(str(tmp_path))  # an empty folder
    qtbot.waitUntil(lambda: "Cannot load the dataset" in window.last_notice, timeout=15000)
    assert window.data is data and "no train-images-idx3-ubyte" in window.last_notice


def test_in_the_app_each_view_takes_a_snapshot_at_its_own_turn_of_the_event_loop(qtbot, make_window, small):
    """Handed all at once, the views' updates made one long stretch of the GUI thread, and a
    window manager's ping or a click waited for all of them (tabs.py: p95 20 ms)."""
    from mlpviz.gui.views.base import View
    window = make_window(small, spread=True)
    turns = []
    # (the status bar and the hints bar take every snapshot at once: they are cheap)
    views = [v for v in window.findChildren(View) if v.isVisible() and type(v)._on_snapshot is View._on_snapshot]
    for view in views:
        real = view.update_from
        view.update_from = lambda snap, real=real, view=view: turns.append(view) or real(snap)
    window.controller.worker.step(3)
    qtbot.waitUntil(lambda: window.latest.step == 3 and window.curves.steps_shown() == 3, timeout=15000)
    turns.clear()
    window.session.publish(window.latest)
    assert turns == []  # none yet: each at a turn of its own
    QApplication.processEvents()
    assert len(turns) == 1  # one view a turn
    window.session.flush()  # the rest at once (before figures are exported)
    assert sorted(map(id, turns)) == sorted(map(id, views))
    turns.clear()
    window.session.publish(window.latest)
    window.tabs.setCurrentWidget(window.inside)  # the Training tab hidden before its views' turn...
    window.session.flush()
    assert window.curves not in turns
    window.tabs.setCurrentIndex(0)  # ...draws the snapshot when it is shown again
    assert window.curves in turns
    turns.clear()
    window.session.publish(window.latest)
    window.session.set_data(small)  # a new dataset before their turn: the old network reaches no view
    window.session.flush()
    assert turns == []
