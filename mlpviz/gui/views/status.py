"""The status bar's figures: state, epoch, step, speed, time and learning rate."""
from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar

from ..i18n import arg
from ..snapshot import DIVERGED, FAILED, FINISHED, PAUSED, RUNNING
from .base import View


class StatusView(View):
    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        self.states = {RUNNING: self.tr("running"), PAUSED: self.tr("paused"), FINISHED: self.tr("finished"),
                       DIVERGED: self.tr("diverged"), FAILED: self.tr("failed")}
        tips = {"state": self.tr("What training is doing."),
                "epoch": self.tr("Passes over the training set so far."),
                "step": self.tr("Mini-batch updates so far."), "speed": self.tr("Training images per second."),
                "elapsed": self.tr("Time spent training (evaluation excluded)."),
                "lr": self.tr("The learning rate η now: each step moves the weights by W ← W − η·∂E/∂W.")}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)
        self.progress.setMaximumWidth(120)
        self.progress.hide()
        layout.addWidget(self.progress)
        self.labels: dict[str, QLabel] = {}
        for key, tip in tips.items():
            label = QLabel()
            label.setToolTip(tip)
            label.setWhatsThis(tip)  # Shift+F1 explains them too: the status bar has no room for a "?"
            label.setMinimumWidth(80)
            layout.addWidget(label)
            self.labels[key] = label

    def busy(self, on: bool) -> None:
        """An indefinite progress bar while something slow (loading data) runs."""
        self.progress.setVisible(on)

    def update_from(self, snap) -> None:
        s = self.labels
        s["state"].setText(self.states.get(snap.state, snap.state))
        s["epoch"].setText(arg(self.tr("epoch %1"), f"{snap.epoch_progress:.2f}"))
        s["step"].setText(arg(self.tr("step %1"), f"{snap.step:,}"))
        s["speed"].setText(arg(self.tr("%1 img/s"), f"{snap.samples_per_second:,.0f}"))
        s["elapsed"].setText(arg(self.tr("%1 s"), f"{snap.train_seconds:.1f}"))
        s["lr"].setText(arg(self.tr("lr %1"), f"{snap.lr:.3g}"))

    def clear(self) -> None:
        for label in self.labels.values():
            label.setText("")

    def _on_snapshot(self, snapshot) -> None:
        self.update_from(snapshot)  # cheap, and the status bar is always in view
