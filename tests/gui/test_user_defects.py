"""What a new user hit, each driven as the user did it."""
import numpy as np
import pytest
from drive import diverge, draw, wait_step
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from mlpviz.core.data import Dataset
from mlpviz.gui.snapshot import PAUSED, RUNNING


def test_step_epoch_right_after_a_step_ends_exactly_at_the_epoch_end(qtbot, window):
    # The remaining steps are counted by the worker, not from a snapshot that may be stale.
    window.step_once()
    window.step_epoch()  # at once: no snapshot of the first step has arrived yet
    spe = window.trainer.steps_per_epoch
    qtbot.waitUntil(lambda: window.latest.step == spe and window.state == PAUSED, timeout=10000)
    assert window.controller.worker.idle.wait(15)  # the loop has stopped: no step is on its way
    assert window.trainer.step_count == spe and window.trainer.epoch == 1


def test_single_steps_count_as_unsaved_work(qtbot, window):
    assert not window.files.unsaved()
    window.step_once()
    qtbot.waitUntil(lambda: window.trainer.step_count == 1, timeout=15000)
    assert window.files.unsaved()
    qtbot.waitUntil(window.isWindowModified, timeout=15000)  # the title's [*] follows at the next repaint


def answer_next_box(button, seen=None):
    """Press `button` in the next message box that offers it (the real prompt, not a stub);
    seen collects the buttons that box offered."""
    def press():
        for w in QApplication.topLevelWidgets():
            if isinstance(w, QMessageBox) and w.isVisible() and w.button(button) is not None:
                if seen is not None:
                    seen.append(w.standardButtons())
                w.button(button).click()
                return
        QTimer.singleShot(20, press)
    QTimer.singleShot(20, press)


def test_the_real_prompt_keeps_or_discards_the_work(qtbot, window):
    from mlpviz.gui.model_files import ModelFiles
    window.confirm_discard = lambda what: ModelFiles.confirm_discard(window.files, what)  # the real one
    window.step_once()
    qtbot.waitUntil(lambda: window.trainer.step_count == 1, timeout=15000)
    run = window.trainer
    answer_next_box(QMessageBox.StandardButton.Cancel)
    window.reset()
    assert window.trainer is run
    answer_next_box(QMessageBox.StandardButton.Discard)
    window.reset()
    assert window.trainer is not run and not window.files.unsaved()


def test_save_after_a_reset_asks_where_instead_of_overwriting_the_opened_file(qtbot, window, tmp_path,
                                                                               monkeypatch):
    window.controller.worker.step(5)
    wait_step(qtbot, window, 5)
    a = tmp_path / "a.npz"
    assert window.files.write(str(a))
    before = a.read_bytes()
    assert window.files.open(str(a))
    assert window.windowFilePath() == str(a) and "a.npz" in window.windowTitle()
    window.reset()  # a new network: it forgets the file
    window.controller.worker.step(3)
    qtbot.waitUntil(lambda: window.trainer.step_count == 3, timeout=15000)
    asked = []
    b = tmp_path / "b.npz"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: asked.append(1) or (str(b), ""))
    assert window.files.save()
    assert asked and a.read_bytes() == before and b.exists()


def test_the_speed_slider_acts_at_once_while_running(qtbot, window, monkeypatch):
    """The worker's loop never returns to its event loop: a queued call would never arrive."""
    import threading
    worker = window.controller.worker
    window.controls.speed.setValue(0)  # 1 step/s
    window.toggle_run()
    qtbot.waitUntil(lambda: window.state == RUNNING, timeout=15000)
    calls = []
    set_speed = worker.set_speed
    monkeypatch.setattr(worker, "set_speed", lambda sps: calls.append((sps, threading.current_thread())) or
                        set_speed(sps))
    window.controls.speed.setValue(window.controls.speed.maximum())  # full speed, while running
    assert calls == [(None, threading.main_thread())]  # passed on at once, in the GUI thread
    qtbot.waitUntil(lambda: window.trainer.step_count > 50, timeout=15000)  # and the loop follows it
    window.controls.speed.setValue(0)
    assert calls[-1] == (1.0, threading.main_thread())
    window.toggle_run()


@pytest.fixture
def window14(make_window, small):
    x_train = small.x_train.reshape(-1, 28, 28)[:, ::2, ::2].reshape(-1, 196)
    x_test = small.x_test.reshape(-1, 28, 28)[:, ::2, ::2].reshape(-1, 196)
    return make_window(Dataset(x_train, small.y_train, x_test, small.y_test, (14, 14), "mnist-14"))


def test_a_14x14_dataset_reads_drawings_and_test_images(qtbot, window14):
    window14.input_view.pad.clear()
    draw(qtbot, window14.input_view.pad, [(0.5, 0.15), (0.5, 0.5), (0.5, 0.85)])
    assert window14.session.input_x.shape == (196,)
    p = window14.activations.probabilities()
    assert p.shape == (10,) and abs(p.sum() - 1) < 1e-5
    window14.input_view.test_index.setValue(5)
    assert window14.session.input_x.shape == (196,) and window14.input_view.pad.pixels().shape == (280, 280)


def test_a_rejected_value_is_not_confirmed_first_and_the_last_good_value_returns(qtbot, window):
    window.step_once()
    qtbot.waitUntil(lambda: window.trainer.step_count == 1, timeout=15000)
    asked = []
    window.confirm_discard = lambda what: asked.append(what) or True
    run = window.trainer
    for bad in ("0", "-5", "50,,10", "abc"):
        window.controls.hidden.setText(bad)
        window.controls.hidden.editingFinished.emit()
        assert window.controls.hidden.text() == "50"  # back to what trains
        assert window.controls.preset.currentData() == "course"
    assert not asked and window.trainer is run


def test_escape_leaves_a_settings_field_and_space_trains_again(qtbot, window):
    window.input_view.test_index.setValue(2)  # something on the pad that Escape must not clear
    field = window.controls.hidden
    field.setFocus()
    qtbot.waitUntil(field.hasFocus, timeout=1000)
    qtbot.keyClick(field, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not field.hasFocus(), timeout=1000)
    assert not window.input_view.pad.is_empty()  # Escape went to the field, not to "clear drawing"
    qtbot.keyClick(window, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: window.state == RUNNING, timeout=15000)
    window.toggle_run()


def test_a_diverged_network_is_never_offered_for_saving(qtbot, window, tmp_path):
    window.trainer.model.layers[0].W[0, 0] = np.nan
    window.step_once()
    qtbot.waitUntil(lambda: window.trainer.step_count >= 1 or window.state != PAUSED, timeout=15000)
    assert not window.files.write(str(tmp_path / "nan.npz"))
    assert not (tmp_path / "nan.npz").exists()
    from mlpviz.gui.model_files import ModelFiles
    window.run.mark_edited()  # something to lose
    seen = []
    answer_next_box(QMessageBox.StandardButton.Cancel, seen)
    assert not ModelFiles.confirm_discard(window.files, "Reset")
    assert seen and not seen[0] & QMessageBox.StandardButton.Save


def test_saving_a_diverged_network_says_so_first_and_cancel_saves_nothing(qtbot, window, tmp_path, monkeypatch):
    # "A diverged network is saved without a word"
    diverge(qtbot, window)
    assert window.trainer.model.weights_finite()  # the step that blew up was not applied: a file can be written
    path = tmp_path / "diverged.npz"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(path), ""))
    asked, answers = [], [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Save]
    monkeypatch.setattr(QMessageBox, "exec", lambda box: asked.append(box.text()) or answers.pop(0))
    assert not window.files.save_as() and not path.exists()
    assert len(asked) == 1 and "diverged" in asked[0] and "Save it anyway?" in asked[0]
    assert window.files.save() and path.exists()  # no file yet: asked once, then the file dialog
    assert len(asked) == 2


def test_switching_to_a_dataset_of_another_size_computes_nothing_with_the_old_network(qtbot, window, small):
    window.input_view.test_index.setValue(4)  # an input the old network reads
    x_train = small.x_train.reshape(-1, 28, 28)[:, ::2, ::2].reshape(-1, 196)
    x_test = small.x_test.reshape(-1, 28, 28)[:, ::2, ::2].reshape(-1, 196)
    window.set_data(Dataset(x_train, small.y_train, x_test, small.y_test, (14, 14), "mnist-14"))
    qtbot.waitUntil(lambda: window.latest is not None and window.latest.model.sizes[0] == 196, timeout=15000)
    qtbot.waitUntil(lambda: window.activations.probabilities() is not None, timeout=5000)  # the view's turn
    assert window.session.input_x.shape == (196,) and window.activations.probabilities().shape == (10,)


def test_batch_size_momentum_and_dropout_change_while_the_network_trains_on(qtbot, window):
    window.controls.optimizer.setCurrentIndex(window.controls.optimizer.findData("momentum"))  # a new network
    qtbot.waitUntil(lambda: window.latest.model is not None and window.trainer.optimizer.name == "momentum",
                    timeout=15000)
    window.toggle_run()
    wait_step(qtbot, window, 5)
    run = window.latest.run_id
    window.controls.batch_size.setValue(50)
    window.controls.momentum.setValue(0.5)
    window.controls.dropout.setValue(0.2)
    qtbot.waitUntil(lambda: len(window.latest.changes) >= 3, timeout=15000)
    window.toggle_run()
    qtbot.waitUntil(lambda: window.state == PAUSED, timeout=15000)
    t = window.trainer
    assert window.latest.run_id == run and t.batch_size == 50 and t.optimizer.momentum == 0.5 and t.dropout == 0.2
    assert {c.name for c in window.latest.changes} >= {"batch_size", "momentum", "dropout"}
    import pyqtgraph as pg
    marks = [i for i in window.curves.loss_plot.plotItem.items if isinstance(i, pg.InfiniteLine)]
    assert len(marks) >= 3  # each change is marked on the curves


def test_a_number_typed_out_of_range_is_named_not_quietly_replaced(qtbot, window):
    field = window.controls.train_limit
    field.setFocus()
    field.lineEdit().selectAll()
    qtbot.keyClicks(field.lineEdit(), "10")
    qtbot.keyClick(field.lineEdit(), Qt.Key.Key_Return)
    assert field.value() == 3000  # the last good value stays...
    assert "10 is not possible" in window.last_notice and "100" in window.last_notice  # ...and the user is told
    window.last_notice = ""
    lr = window.controls.lr
    lr.setFocus()
    lr.lineEdit().selectAll()
    qtbot.keyClicks(lr.lineEdit(), "0.05")
    qtbot.keyClick(lr.lineEdit(), Qt.Key.Key_Return)
    assert lr.value() == pytest.approx(0.05) and window.last_notice == ""  # a good value, shown with more decimals
