"""A training thread that never dies quietly: a model file that cannot train is refused before it
reaches the window, and a step that raises ends the run in FAILED with the app still usable."""
import numpy as np
import pytest

from mlpviz.core import checkpoint
from mlpviz.gui.snapshot import FAILED, PAUSED


def wait_step(qtbot, window, n):
    qtbot.waitUntil(lambda: window.latest is not None and window.latest.step == n, timeout=15000)


@pytest.mark.parametrize("name, value, message", [
    ("lr", np.array(np.nan), "optimizer state lr holds NaN or infinite values"),
    ("v0", np.zeros((3, 3), np.float32), "optimizer state v0 has shape (3, 3) but W1"),
])
def test_a_model_file_whose_optimizer_state_cannot_train_is_refused_and_nothing_changes(
        qtbot, window, tmp_path, name, value, message):
    window.controller.worker.step(3)
    wait_step(qtbot, window, 3)
    good = tmp_path / "good.npz"
    assert window.files.write(str(good))
    ckpt = checkpoint.load(good)
    ckpt.optimizer_state[name] = value
    checkpoint.save(tmp_path / "bad.npz", ckpt)
    run, title, state = window.trainer, window.windowTitle(), window.state
    assert not window.files.open(str(tmp_path / "bad.npz"), ask=False)
    assert window.last_notice.startswith(f"Cannot open the model: {tmp_path / 'bad.npz'}: {message}")
    assert "\n" not in window.last_notice
    assert window.trainer is run and window.windowTitle() == title and window.state == state
    assert window.files.path == str(good) and not window.files.unsaved()
    window.step_once()  # the run shown trains on
    wait_step(qtbot, window, 4)


def test_a_step_that_raises_ends_in_failed_and_save_open_reset_and_quit_still_work(
        qtbot, window, tmp_path, monkeypatch):
    window.controller.worker.step(4)
    wait_step(qtbot, window, 4)
    last_shown = window.latest.model
    failed = window.trainer

    def broken(n):
        failed.model.params[0][...] = np.nan  # half updated, as a failing optimizer leaves it
        raise RuntimeError("a bug in the step")

    monkeypatch.setattr(failed, "step", broken)
    # finished comes from the training thread: counted there, waited for here.
    ended = []
    window.controller.worker.finished.connect(lambda: ended.append(True))
    window.step_once()
    qtbot.waitUntil(lambda: ended == [True] and window.state == FAILED, timeout=15000)
    assert "RuntimeError: a bug in the step" in window.controls.note.text()
    assert window.last_notice.startswith("Training failed: An error in mlpviz stopped training")
    qtbot.waitUntil(lambda: window.status.labels["state"].text() == "failed", timeout=15000)
    window.toggle_run()  # Start says what to do instead of touching the failed network
    assert "press Reset" in window.controls.note.text()
    # A setting changed now would reach no trainer: the form goes back to what the network used,
    # which is what Save will write with it.
    used = window.config
    window.controls.note.clear()
    window.controls.set_config(used.replace(lr=used.lr * 10), window.controls.train_images())
    window.commands.setting_changed("lr")
    assert window.config == used and window.controls.config().lr == used.lr
    assert "press Reset" in window.controls.note.text()

    # Asked whether to keep unsaved work, the user may save it: the failed step's NaN is not the
    # network that would be saved.
    from PySide6.QtWidgets import QMessageBox
    offered = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: offered.append(box.standardButtons())
                        or QMessageBox.StandardButton.Cancel)
    assert not window.files.confirm_discard("Quit")
    assert offered and offered[0] & QMessageBox.StandardButton.Save

    # Save writes the last good network: the one shown, as of step 4, not the half-updated one.
    path = tmp_path / "good.npz"
    assert window.files.write(str(path)) and not window.files.unsaved()
    saved = checkpoint.load(path)
    assert len(saved.losses) == 4 and saved.model.weights_finite()
    np.testing.assert_array_equal(saved.model.params[0], last_shown.params[0])

    # Open: the saved network trains on in the same window.
    assert window.files.open(str(path), ask=False)
    qtbot.waitUntil(lambda: window.trainer is not failed and window.state == PAUSED, timeout=15000)
    window.step_once()
    wait_step(qtbot, window, 5)

    # Reset: a new network trains.
    window.reset()
    wait_step(qtbot, window, 0)
    window.step_once()
    wait_step(qtbot, window, 1)

    thread = window.controller.thread
    window.close()
    assert not thread.isRunning()


def test_an_edited_network_trains_only_if_the_optimizer_state_going_with_it_passes_the_checks(qtbot, window):
    from mlpviz.core.edit import Edit
    window.tabs.setCurrentWidget(window.editor)  # the view follows the network while shown
    window.controller.worker.step(2)
    wait_step(qtbot, window, 2)
    qtbot.waitUntil(lambda: window.editor.original is not None, timeout=15000)
    assert window.controller.pause_and_wait()
    trainer, lr = window.trainer, window.trainer.optimizer.lr
    before = [p.copy() for p in trainer.model.params]
    trainer.optimizer.lr = float("nan")  # what a model file with optim/lr = NaN brought in before
    assert window.editor.add_edit(Edit("scale", 1, 0, 2.0))
    assert window.last_notice == "Cannot train the edited network: optimizer state lr holds NaN or infinite values"
    for p, q in zip(trainer.model.params, before):  # nothing was installed
        np.testing.assert_array_equal(p, q)
    trainer.optimizer.lr = lr
    assert window.editor.add_edit(Edit("scale", 1, 1, 2.0))
    np.testing.assert_array_equal(trainer.model.params[0][:, :2], 2 * before[0][:, :2])  # both edits, installed
