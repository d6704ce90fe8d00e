"""Model files for the window: open, save, the file in the title, and unsaved work.

Unsaved work is counted in steps: whatever trained since the network was created, opened or
saved. A new network (reset, new settings, new data) forgets the file it came from, so Save
never writes one network over another's file.

After a run has failed, Save writes the last good network: the worker's last snapshot of it, a
whole copy taken between two steps, with the history up to its step (the failed step may have
left the trainer's own weights and optimizer state half updated).
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QSettings
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox

from ..core import checkpoint
from ..core.errors import USER_ERRORS
from .i18n import arg, translated
from .run_control import RunControl
from .snapshot import DIVERGED, FAILED, RUNNING

translate = QCoreApplication.translate


class ModelFiles(QObject):
    """Open and Save for the run that `control` drives; the window shows the file in its title
    and the messages in its status bar; settings remember the last folder."""

    def __init__(self, window: QMainWindow, control: RunControl, settings: QSettings):
        super().__init__(window)
        self.w, self.control, self.settings = window, control, settings
        self.run = control.run  # the file, the step saved there and the edits are the run's
        self.run.changed.connect(self.update_title)

    # State --------------------------------------------------------------------------------

    @property
    def path(self) -> str | None:
        """The file the network was opened from or saved to, if any."""
        return self.run.path

    def unsaved(self) -> bool:
        """Whether anything trained or edited since the network was created, opened or saved."""
        return self.run.unsaved()

    def update_title(self) -> None:
        w, path = self.w, self.run.path
        w.setWindowFilePath(path or "")
        name = Path(path).name if path else translate("MainWindow", "mlpviz: watch a neural network learn")
        w.setWindowTitle(f"{name}[*] - mlpviz" if path else f"{name}[*]")
        w.setWindowModified(self.unsaved())

    def _last_folder(self) -> str:
        return str(self.settings.value("last_folder", str(Path.home())))

    # Saving -------------------------------------------------------------------------------

    def save(self) -> bool:
        if not self._diverged_saved_anyway():
            return False
        return self._save_as() if self.run.path is None else self.write(self.run.path)

    def save_as(self) -> bool:
        return self._diverged_saved_anyway() and self._save_as()

    def _diverged_saved_anyway(self) -> bool:
        """A diverged network is saved only when the user says so, knowing what it is; True if
        the run has not diverged. (One whose weights are no longer numbers is refused in write.)"""
        run = self.run
        if run.state != DIVERGED or run.trainer is None or not run.trainer.model.weights_finite():
            return True
        buttons = QMessageBox.StandardButton
        box = QMessageBox(QMessageBox.Icon.Question, translate("MainWindow", "Save model"), translate(
            "MainWindow", "This network has diverged: training stopped when its loss blew up, and its answers are "
                          "probably worthless (often the same answer for every image). Save it anyway?"),
            buttons.Save | buttons.Cancel, self.w)
        box.setDefaultButton(buttons.Cancel)
        return box.exec() == buttons.Save

    def _save_as(self) -> bool:
        start = self.run.path or str(Path(self._last_folder()) / "model.npz")
        path, _ = QFileDialog.getSaveFileName(self.w, translate("MainWindow", "Save model"), start,
                                              translate("MainWindow", "Models (*.npz)"))
        if not path:
            return False
        if not path.endswith(".npz"):
            path += ".npz"
        return self.write(path)

    def write(self, path: str) -> bool:
        """Save the network being trained to path; training that was running goes on."""
        w, run, c = self.w, self.run, self.control
        if run.trainer is None:
            return False
        running = run.state == RUNNING
        if not c.controller.pause_and_wait():
            c.notify(translate("MainWindow", "Cannot save"),
                     translate("MainWindow", "training did not pause in time; try again"))
            return False
        good = c.controller.worker.last_good if run.state == FAILED else None
        try:
            if good is None and run.state == FAILED:
                raise checkpoint.CheckpointError(translate(
                    "MainWindow", "training failed before a whole copy of the network was taken"))
            if not (good[0] if good else run.trainer.model).weights_finite():
                raise checkpoint.CheckpointError(translate(
                    "MainWindow", "the network has diverged: its weights are no longer finite numbers, so there is "
                                  "nothing worth saving"))
            checkpoint.save(path, checkpoint.of_trainer(run.trainer, run.config, *(good or ())))
        except checkpoint.CheckpointError as e:
            c.notify(translate("MainWindow", "Cannot save the model"), translated(e))
            return False
        finally:
            if running:
                c.controller.worker.resume()
        # After a failure the steps past the good network are lost for good, not unsaved.
        self.run.saved(path)
        self.settings.setValue("last_folder", str(Path(path).parent))
        w.statusBar().showMessage(arg(translate("MainWindow", "Saved %1"), path), 5000)
        self.update_title()
        return True

    # Opening ------------------------------------------------------------------------------

    def open(self, path: str | None = None, ask: bool = True) -> bool:
        w, c = self.w, self.control
        if not path:
            path, _ = QFileDialog.getOpenFileName(w, translate("MainWindow", "Open model"), self._last_folder(),
                                                  translate("MainWindow", "Models (*.npz)"))
        data = c.session.data
        if not path or data is None or (ask and not c.confirm_discard(translate("MainWindow", "Open a model"))):
            return False
        try:
            ckpt = checkpoint.load(path)
            data = data.limit_train(c.controls.train_images())
            trainer, config = checkpoint.resume(ckpt, data, evaluate_epochs=False,
                                                train_eval_limit=c.controls.train_images())
        except USER_ERRORS as e:
            c.notify(translate("MainWindow", "Cannot open the model"), translated(e))
            return False
        c.controls.set_config(config, len(data.y_train))
        if not c.new_run(trainer, config):
            return False
        self.run.opened(path)
        self.settings.setValue("last_folder", str(Path(path).parent))
        w.statusBar().showMessage(arg(translate("MainWindow", "Opened %1"), path), 5000)
        return True

    # Asking -------------------------------------------------------------------------------

    def confirm_discard(self, what: str) -> bool:
        """The one prompt for unsaved work: Save, Discard or Cancel (no Save for a diverged
        network). True if the caller may go on."""
        if not self.unsaved():
            return True
        w, run = self.w, self.run
        buttons = QMessageBox.StandardButton
        # A failed run is saved as its last good network, whatever the failed step left behind.
        if run.state == FAILED or (run.state != DIVERGED and run.trainer.model.weights_finite()):
            text = translate("MainWindow", "The network has trained since it was last saved. Save it first?")
            choices = buttons.Save | buttons.Discard | buttons.Cancel
        else:
            text = translate("MainWindow", "The network has diverged, so it is not worth saving. Discard it?")
            choices = buttons.Discard | buttons.Cancel
        box = QMessageBox(QMessageBox.Icon.Question, what, text, choices, w)
        box.setDefaultButton(buttons.Cancel)
        # Qt's own Korean names this button 무시 (ignore); desktop software says 저장 안 함 (don't save).
        box.button(buttons.Discard).setText(translate("MainWindow", "Don't Save") if choices & buttons.Save
                                            else translate("MainWindow", "Discard"))
        answer = box.exec()
        if answer == buttons.Save:
            return self.save()
        return answer == buttons.Discard
