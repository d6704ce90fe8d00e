"""Editing the network by hand: switch a neuron off, scale its incoming weights, shift its bias,
add noise to all weights, prune a layer; the test accuracy after each edit, undo, save."""
from __future__ import annotations

from dataclasses import asdict

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QUndoView,
    QVBoxLayout,
    QWidget,
)

from ...core import checkpoint
from ...core import edit as core_edit
from ...core.edit import Edit, EditError
from ...core.model import MLP
from ..i18n import arg, translated
from ..session import Session
from ..snapshot import RUNNING
from ..widgets.whatsthis import explain as explain_view
from .base import View

PAUSE_REASON = QT_TRANSLATE_NOOP("EditView", "Training paused: edits are made on a network that stands still. "
                                 "Press Space to train the edited one.")
SETTLED = QT_TRANSLATE_NOOP("EditView", "Training went on from the edited network: the edits made before are part "
                            "of it now and can no longer be undone.")


def describe(edit: Edit) -> str:
    """The edit as a short phrase for the undo list, in the user's language (units counted from
    1, as everywhere in the window)."""
    t = QCoreApplication.translate
    if edit.kind == "off":
        return arg(t("EditView", "switch off unit %1 of layer %2"), edit.unit + 1, edit.layer)
    if edit.kind == "scale":
        return arg(t("EditView", "scale the incoming weights of unit %1 of layer %2 by %3"), edit.unit + 1, edit.layer,
                   f"{edit.value:g}")
    if edit.kind == "shift":
        return arg(t("EditView", "shift the bias of unit %1 of layer %2 by %3"), edit.unit + 1, edit.layer,
                   f"{edit.value:+g}")
    if edit.kind == "noise":
        return arg(t("EditView", "add noise (%1 x each layer's weight spread) to all weights"), f"{edit.value:g}")
    return arg(t("EditView", "prune the smallest %1% of layer %2's weights"), f"{edit.value:g}", edit.layer)


class _EditCommand(QUndoCommand):
    """One edit on the undo stack: redo appends it to the list, undo removes it."""

    def __init__(self, view: EditView, edit: Edit):
        super().__init__(describe(edit))
        self.view, self.edit = view, edit

    def redo(self) -> None:
        self.view.edits.append(self.edit)
        self.view._changed()

    def undo(self) -> None:
        self.view.edits.pop()
        self.view._changed()


class EditView(View):
    """Builds a list of Edit records on the network being viewed and the edited copy.

    The edits can be undone only until the network trains on: undoing them later would put the
    pre-edit network back while the step count, curves and history kept the training since. So once
    a snapshot shows a step past the one they were installed at, the undo list is cleared and the
    live network is the one to edit from.

    Signals: editsChanged(list of Edit) after every edit, undo, redo and reset (the window
    installs edit.apply(view.original, edits), that is view.edited, in the trainer);
    pauseRequested(reason) before an edit made while training runs; accuracyReady(float) with
    the edited network's full test accuracy (computed off the GUI thread); saved(path).
    """

    editsChanged = Signal(list)
    pauseRequested = Signal(str)
    accuracyReady = Signal(float)
    saved = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(session, parent)
        self.original: MLP | None = None
        self.edited: MLP | None = None
        self.edits: list[Edit] = []
        self.accuracy: float | None = None
        self.original_accuracy: float | None = None
        self._running = False
        self._base_step = 0  # the step of the snapshot `original` came from
        self._edit_step: int | None = None  # the step the edits on the undo list were installed at, once known
        self._noise_seed = 0
        self.stack = QUndoStack(self)

        self.unit_label = QLabel()
        self.off = QPushButton(self.tr("Switch off"))
        self.off.setToolTip(self.tr("Zero the neuron's outgoing weights: the next layer no longer hears it"))
        self.scale = self._spin(0.0, 10.0, 0.5, 0.1)
        self.scale_button = QPushButton(self.tr("Scale incoming weights"))
        self.shift = self._spin(-20.0, 20.0, 1.0, 0.1)
        self.shift_button = QPushButton(self.tr("Shift bias"))
        self.noise = self._spin(0.0, 5.0, 0.2, 0.05)
        self.noise.setToolTip(self.tr("Standard deviation of the noise, as a multiple of each layer's weight spread"))
        self.noise_button = QPushButton(self.tr("Add noise to all weights"))
        self.prune = self._spin(0.0, 100.0, 50.0, 5.0)
        self.prune.setSuffix(" %")
        self.prune_layer = QComboBox()
        self.prune_button = QPushButton(self.tr("Prune the smallest weights"))
        self.prune_button.setToolTip(self.tr("Set the given share of the layer's weights, the smallest in size, to "
                                             "zero"))
        self.off.clicked.connect(lambda: self._unit_edit("off", 0.0))
        self.scale_button.clicked.connect(lambda: self._unit_edit("scale", self.scale.value()))
        self.shift_button.clicked.connect(lambda: self._unit_edit("shift", self.shift.value()))
        self.noise_button.clicked.connect(self._add_noise)
        self.prune_button.clicked.connect(
            lambda: self.add_edit(Edit("prune", self.prune_layer.currentIndex() + 1, value=self.prune.value())))

        self.undo_button = QPushButton(self.tr("Undo"))
        self.undo_button.clicked.connect(self.stack.undo)
        self.stack.canUndoChanged.connect(self.undo_button.setEnabled)
        self.reset_button = QPushButton(self.tr("Reset edits"))
        self.reset_button.setToolTip(self.tr("Back to the network before any edit (Redo brings the edits back)"))
        self.reset_button.clicked.connect(self.reset)
        self.stack.canUndoChanged.connect(self.reset_button.setEnabled)  # nothing to reset without an edit
        self.save_button = QPushButton(self.tr("Save edited network..."))
        self.save_button.clicked.connect(self._save_dialog)
        self.history = QUndoView(self.stack)
        self.history.setEmptyLabel(self.tr("the network as trained"))
        self.accuracy_label = QLabel()
        self.status = QLabel()
        self.status.setWordWrap(True)

        grid = QGridLayout()
        grid.addWidget(self.unit_label, 0, 0, 1, 3)
        grid.addWidget(self.off, 1, 0)
        grid.addWidget(QLabel(self.tr("factor")), 2, 1)
        grid.addWidget(self.scale, 2, 2)
        grid.addWidget(self.scale_button, 2, 0)
        grid.addWidget(QLabel(self.tr("by")), 3, 1)
        grid.addWidget(self.shift, 3, 2)
        grid.addWidget(self.shift_button, 3, 0)
        grid.addWidget(QLabel("σ ×"), 4, 1)
        grid.addWidget(self.noise, 4, 2)
        grid.addWidget(self.noise_button, 4, 0)
        prune_row = QHBoxLayout()
        prune_row.addWidget(self.prune)
        prune_row.addWidget(QLabel(self.tr("of layer")))
        prune_row.addWidget(self.prune_layer)
        grid.addWidget(self.prune_button, 5, 0)
        grid.addLayout(prune_row, 5, 1, 1, 2)
        buttons = QHBoxLayout()
        for b in (self.undo_button, self.reset_button, self.save_button):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(grid)
        layout.addWidget(self.accuracy_label)
        layout.addWidget(self.history, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.status)

        session.unitSelected.connect(lambda layer, unit: self._enable())
        buttons.addWidget(explain_view(self, self.tr(
            "<b>Editing the network by hand</b><p>Change the trained weights and biases yourself and see the test "
            "accuracy at once: switch a neuron off, scale the weights into it, shift its bias b, add noise to "
            "every weight, or prune a layer's smallest weights. Each edit can be undone until the network trains "
            "on; Space trains the edited network on from there, and the curves mark where it was edited.</p>"),
            floating=False))
        self._enable()

    @staticmethod
    def _spin(lo: float, hi: float, value: float, step: float) -> QDoubleSpinBox:
        s = QDoubleSpinBox()
        s.setRange(lo, hi)
        s.setDecimals(2)
        s.setSingleStep(step)
        s.setValue(value)
        return s

    # -- the View interface

    def update_from(self, snapshot) -> None:
        self._running = snapshot.state == RUNNING
        if self._running and self._says(PAUSE_REASON):
            self.status.setText("")
        if self.stack.count():
            if self._edit_step is None:
                self._edit_step = self._installed_at(snapshot)
            if self._edit_step is not None and snapshot.step > self._edit_step:
                self._settle()
        if not self.edits and snapshot.model is not self.original:
            # With no edit in force the network shown is the one to edit; with edits, the
            # snapshots carry the edited network back, and the original stays as it was.
            self.original, self.edited = snapshot.model, snapshot.model
            self._base_step = snapshot.step
            self.original_accuracy = self.accuracy = None
            self._layers_changed()
            if self.isVisible():
                self._score()
        self._enable()

    def set_data(self, data) -> None:
        self.original_accuracy = self.accuracy = None
        self._score()

    def clear(self) -> None:
        for which in ("edited", "original"):
            self.session.jobs.cancel((self, which))
        self.edits = []
        self.stack.clear()
        self._edit_step = None
        self.original = self.edited = None
        self.accuracy = self.original_accuracy = None
        self.accuracy_label.setText("")
        self.status.setText("")
        self._enable()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.accuracy is None:
            self._score()

    # -- editing

    def add_edit(self, edit: Edit) -> bool:
        """Apply one more edit (through the undo stack); False, with the reason shown, if it
        does not fit the network."""
        if self.original is None:
            return False
        try:
            core_edit.apply_one(self.edited, edit)
        except EditError as e:
            self.status.setText(translated(e))
            return False
        if self._running:
            reason = QCoreApplication.translate("EditView", PAUSE_REASON)
            self.status.setText(reason)
            self.pauseRequested.emit(reason)
            self._running = False
        elif not self._says(PAUSE_REASON):
            self.status.setText("")
        if not self.stack.count():  # the first edit on this network: where it is installed comes with the snapshots
            self._edit_step = None
        self.stack.push(_EditCommand(self, edit))
        return True

    def _installed_at(self, snapshot) -> int | None:
        """The step the edits on the undo list were installed at, as far as `snapshot` tells: its
        edit mark at or after the step they were made on (exact, even if a step was taken before
        this snapshot), else its own step if it shows the network standing still; None while unknown."""
        marks = [c.step for c in snapshot.changes if c.name == core_edit.MARK and c.step >= self._base_step]
        if marks:
            return max(marks)
        return None if snapshot.state == RUNNING else snapshot.step

    def _settle(self) -> None:
        """Training went on from the edits: they are part of the network now, no longer undoable."""
        kept = bool(self.edits)
        self.stack.clear()  # the commands are dropped, not undone: nothing is installed
        self.edits, self._edit_step = [], None
        if kept:
            self.status.setText(QCoreApplication.translate("EditView", SETTLED))

    def _says(self, note: str) -> bool:
        return self.status.text() == QCoreApplication.translate("EditView", note)

    def reset(self) -> None:
        """Undo every edit (they stay on the stack for Redo)."""
        self.stack.setIndex(0)

    def _unit_edit(self, kind: str, value: float) -> None:
        sel = self.session.selected
        if sel is not None:
            self.add_edit(Edit(kind, sel[0], sel[1], value))

    def _add_noise(self) -> None:
        self._noise_seed += 1  # a fresh draw each time, reproducible in the record
        self.add_edit(Edit("noise", value=self.noise.value(), seed=self._noise_seed))

    def _changed(self) -> None:
        self.edited = core_edit.apply(self.original, self.edits) if self.edits else self.original
        self.accuracy = None
        self._score()
        self.editsChanged.emit(list(self.edits))

    # -- test accuracy, off the GUI thread (a pass over 10,000 images takes ~0.1 s for the largest preset)

    def _score(self) -> None:
        """Ask for the test evaluation of the edited network (and of the original, unless known):
        the session's jobs compute each network's once for every view that asks (Evaluate too)."""
        data, edited, original = self.session.data, self.edited, self.original
        if data is None or edited is None:
            return
        self.accuracy_label.setText(self.tr("test accuracy: computing..."))
        self.accuracy = None
        wanted = {"edited": edited}
        if edited is not original and self.original_accuracy is None:
            wanted["original"] = original
        else:
            self.session.jobs.cancel((self, "original"))
        for which, model in wanted.items():  # the newest request of each wins
            self.session.jobs.evaluate((self, which), model, data, owner=self, failed=self._score_failed,
                                       done=lambda ev, which=which, model=model: self._scored(which, model, ev))

    def _score_failed(self, message: str) -> None:
        self.accuracy_label.setText(arg(self.tr("test accuracy: failed (%1)"), message))

    def _scored(self, which: str, model: MLP, evaluation) -> None:
        if model is not (self.edited if which == "edited" else self.original):
            return
        if which == "original":
            self.original_accuracy = evaluation.accuracy
        else:
            self.accuracy = evaluation.accuracy
            if model is self.original:
                self.original_accuracy = evaluation.accuracy
        acc, base = self.accuracy, self.original_accuracy
        if acc is None or base is None:
            return  # the other network's evaluation is still to come
        n = len(self.edits)
        if n:
            text = self.tr("test accuracy after 1 edit: <b>%2%</b> (before: %3%, %4 points)") if n == 1 else \
                self.tr("test accuracy after %1 edits: <b>%2%</b> (before: %3%, %4 points)")
            self.accuracy_label.setText(arg(text, n, f"{100 * acc:.2f}", f"{100 * base:.2f}",
                                            f"{100 * (acc - base):+.2f}"))
        else:
            self.accuracy_label.setText(arg(self.tr("test accuracy: <b>%1%</b> (no edits)"), f"{100 * acc:.2f}"))
        self.accuracyReady.emit(acc)

    # -- saving

    def save_edited(self, path: str) -> None:
        """Write the edited network to path (.npz), with the list of edits in its settings."""
        if self.edited is None:
            raise EditError(self.tr("there is no network to save"))
        shape = self.session.data.image_shape if self.session.data is not None else (28, 28)
        training = {"edits": [asdict(e) for e in self.edits]}
        checkpoint.save(path, checkpoint.Checkpoint(self.edited, tuple(shape), training))
        self.status.setText(arg(self.tr("saved to %1"), path))
        self.saved.emit(path)

    def _save_dialog(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the edited network"), "edited.npz",
                                              self.tr("Models (*.npz)"))
        if path:
            try:
                self.save_edited(path)
            except (OSError, EditError, checkpoint.CheckpointError) as e:
                self.status.setText(arg(self.tr("not saved: %1"), e))

    # -- controls

    def _layers_changed(self) -> None:
        model = self.original
        names = [f"{i} ({a}→{b})" for i, (a, b) in enumerate(zip(model.sizes[:-1], model.sizes[1:]), 1)]
        if names != [self.prune_layer.itemText(i) for i in range(self.prune_layer.count())]:
            self.prune_layer.clear()
            self.prune_layer.addItems(names)

    def _enable(self) -> None:
        has_model = self.original is not None
        sel = self.session.selected
        unit_ok = has_model and sel is not None and 1 <= sel[0] < len(self.original.layers) \
            and 0 <= sel[1] < self.original.sizes[sel[0]]
        self.unit_label.setText(arg(self.tr("neuron: hidden layer %1, unit %2"), sel[0], sel[1] + 1) if unit_ok else
                                self.tr("neuron: none selected (click one in the diagram)"))
        for w in (self.off, self.scale_button, self.shift_button):
            w.setEnabled(bool(unit_ok))
        for w in (self.noise_button, self.prune_button, self.save_button):
            w.setEnabled(has_model)
        self.reset_button.setEnabled(has_model and self.stack.canUndo())
        self.undo_button.setEnabled(self.stack.canUndo())

