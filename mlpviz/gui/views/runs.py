"""Runs side by side: the loss, train and test accuracy of every run kept, each numbered from 1,
named in words (an experiment's run by the experiment's name for it, another by its settings
where they differ from the current run's) and drawn in a colour of its own, the current run bold;
runs can be removed; CSV and image export."""
from __future__ import annotations

import csv
from dataclasses import fields
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...core.config import SHORT_NAMES, Config, setting_text
from ...core.experiments import MISTAKE_LABELS, MISTAKE_TEXTS
from .. import export, style
from ..i18n import activation_label, arg, translated
from ..session import RunRecord, Session
from ..widgets.marks import setting_name
from ..widgets.whatsthis import explain as explain_view
from .base import View

CSV_HEADER = ("run", "epoch", "step", "train_loss", "train_accuracy", "test_loss", "test_accuracy", "name")
CURRENT = -1  # the list item of the current run
# Told apart at a glance, by most colour-blind readers too (tab10): one per run kept and the current.
COLOURS = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#17becf",
           "#bcbd22")
LEGEND_CHARS = 34  # a longer name is cut in the legend (the list has it whole): three fit side by side
# The settings form's words for the values of its lists, so that a run reads as the form does.
FORM = "ControlPanel"
VALUE_WORDS = {
    "init": {"normal": QT_TRANSLATE_NOOP(FORM, "normal"), "xavier": QT_TRANSLATE_NOOP(FORM, "Xavier (Glorot)"),
             "he": QT_TRANSLATE_NOOP(FORM, "He")},
    "loss": {"cross_entropy": QT_TRANSLATE_NOOP(FORM, "cross-entropy"),
             "mse": QT_TRANSLATE_NOOP(FORM, "mean squared error")},
    "optimizer": {"sgd": QT_TRANSLATE_NOOP(FORM, "SGD"), "momentum": QT_TRANSLATE_NOOP(FORM, "momentum"),
                  "adam": QT_TRANSLATE_NOOP(FORM, "Adam")},
    "schedule": {"none": QT_TRANSLATE_NOOP(FORM, "constant"), "step": QT_TRANSLATE_NOOP(FORM, "steps down"),
                 "exp": QT_TRANSLATE_NOOP(FORM, "exponential"), "cosine": QT_TRANSLATE_NOOP(FORM, "cosine")},
}


def bucket_means(y: np.ndarray, buckets: int) -> tuple[np.ndarray, np.ndarray]:
    """A per-step curve (n,) cut to at most `buckets` means of k consecutive points; returns the
    index of each bucket's last point and the means. Averaging, unlike every k-th point, shows a
    noisy mini-batch loss as the trend that runs are compared by."""
    k = -(-len(y) // max(buckets, 1))
    if k <= 1:
        return np.arange(len(y)), np.asarray(y, np.float64)
    starts = np.arange(0, len(y), k)
    ends = np.minimum(starts + k, len(y))
    return ends - 1, np.add.reduceat(np.asarray(y, np.float64), starts) / (ends - starts)


def value_words(name: str, value) -> str:
    """A setting's value as the settings form words it: "Xavier (Glorot)", "ReLU", "0.01"."""
    if name == "activation":
        return activation_label(value)
    if name == "mistake":
        return translated(MISTAKE_LABELS[value]) if value in MISTAKE_LABELS else \
            QCoreApplication.translate("RunsView", "none")
    words = VALUE_WORDS.get(name, {})
    return QCoreApplication.translate(FORM, words[value]) if value in words else setting_text(name, value)


def differences_in_words(then: Config, now: Config) -> list[str]:
    """Where `then` differs from `now`, each as "learning rate 0.1 (now 0.01)", in the form's words."""
    out = []
    for f in fields(Config):
        a, b = getattr(then, f.name), getattr(now, f.name)
        if a != b:
            name = QCoreApplication.translate("RunsView", "mistake") if f.name == "mistake" else \
                setting_name(SHORT_NAMES.get(f.name, f.name))
            out.append(arg(QCoreApplication.translate("RunsView", "%1 %2 (now %3)"), name, value_words(f.name, a),
                           value_words(f.name, b)))
    return out


def set_accuracy(curves: tuple[pg.PlotDataItem, pg.PlotDataItem], records) -> None:
    """A run's test and train accuracy curves, in %, from its epoch records."""
    e = np.array([(r.epoch, 100 * r.test_accuracy, 100 * r.train_accuracy) for r in records]).reshape(-1, 3)
    curves[0].setData(e[:, 0], e[:, 1])
    curves[1].setData(e[:, 0], e[:, 2])


def shortened(text: str, chars: int = LEGEND_CHARS) -> str:
    """text, or its words that fit in `chars` with an ellipsis."""
    if len(text) <= chars:
        return text
    cut = text[:chars - 1]
    return (cut[:cut.rfind(" ")] if " " in cut else cut).rstrip(" ,:(") + "…"


class RunsView(View):
    """Loss, train and test accuracy of the current run (bold) and of the earlier runs kept
    (checkable, removable), each run numbered and in a colour of its own."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(session, parent)
        self.graphics = pg.GraphicsLayoutWidget()
        self.loss_plot = self.graphics.addPlot(row=0, col=0)
        self.acc_plot = self.graphics.addPlot(row=1, col=0)
        for plot, title, left in ((self.loss_plot, self.tr("Loss (mean over nearby steps)"), self.tr("loss")),
                                  (self.acc_plot, self.tr("Accuracy at each epoch end: test (solid), train (dashed)"),
                                   self.tr("accuracy %"))):
            style.fit_title(plot)
            plot.setTitle(title, size=style.pt(10))
            plot.setLabel("left", left)
            plot.setLabel("bottom", self.tr("epoch"))
            plot.setMenuEnabled(False)
        style.align_left_axes((self.loss_plot, self.acc_plot))
        # Under the plots, not over them: inside, the names covered the curves. Exported with them.
        self.legend = pg.LegendItem(labelTextSize=style.pt(8))
        self.graphics.addItem(self.legend, row=2, col=0)
        self.graphics.installEventFilter(self)
        self.acc_plot.setXLink(self.loss_plot)
        self.current_info = QLabel()
        self.current_info.setWordWrap(True)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.list.setToolTip(self.tr("Tick the runs to show. An experiment's run is named by the experiment; "
                                     "another by its own settings where the current run's differ, with the "
                                     "current run's value in brackets."))
        self.list.itemChanged.connect(self._toggled)
        self.list.itemSelectionChanged.connect(self._selection_changed)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.setToolTip(self.tr("Remove the selected earlier runs from the comparison (Delete)"))
        self.remove_button.clicked.connect(self.remove_selected)
        QShortcut(QKeySequence.StandardKey.Delete, self.list, self.remove_selected,
                  context=Qt.ShortcutContext.WidgetShortcut)
        self.clear_button = QPushButton(self.tr("Remove all"))
        self.clear_button.setToolTip(self.tr("Remove every earlier run; the next ones are numbered from 1 again"))
        self.clear_button.clicked.connect(self.remove_all)
        self.csv_button = QPushButton(self.tr("Export CSV…"))
        self.csv_button.setToolTip(self.tr("Every run's epoch history in one table"))
        self.csv_button.clicked.connect(self.export_csv)
        self.image_button = QPushButton(self.tr("Export PNG/SVG…"))
        self.image_button.setToolTip(self.tr("Save the plots as a PNG or SVG image"))
        self.image_button.clicked.connect(self.export_image)
        self.status = QLabel()
        self.status.setStyleSheet("color: #555;")
        self.status.setWordWrap(True)
        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.addWidget(self.current_info)
        side_layout.addWidget(QLabel(self.tr("Runs:")))
        side_layout.addWidget(self.list, 1)
        # One button a row: two side by side made the list so wide that a small window left the
        # plots a third of the tab.
        for button in (self.remove_button, self.clear_button, self.csv_button, self.image_button):
            side_layout.addWidget(button)
        side_layout.addWidget(self.status)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.graphics)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        explain_view(self, self.tr(
            "<b>Runs compared</b><p>Each reset, new setting, opened model or experiment run starts a run; the "
            "earlier ones stay here beside the current run's bold curves, each in a colour of its own, so that "
            "you can see what a change did: a smaller learning rate η in W ← W − η·∂E/∂W, for instance, lowers "
            "the loss more slowly but more steadily. Below the loss, each run's accuracy at every epoch end: on "
            "the test images (solid) and on the training images (dashed); a gap between the two is "
            "overfitting. Runs are numbered from 1; an experiment's run is named by the experiment, another by "
            "its own settings where the current run's differ, such as \"lr 0.1 (now 0.01)\": that run's value, "
            "then the current one.</p>"))
        self._hidden: set[int] = set()  # run ids the user unticked
        self._numbers: dict[int, int] = {}  # run id -> its number in the comparison, from 1
        self._count = 0  # the runs numbered so far: the current run is the next
        self._colours: dict[int, int] = {}  # run id -> its index in COLOURS, for as long as the run is kept
        session.runsChanged.connect(self._rebuild)
        self.clear()

    # Data ------------------------------------------------------------------------------------

    def clear(self) -> None:
        self._run_id: int | None = None
        self._rebuild()

    def _on_snapshot(self, snapshot) -> None:
        # The current run's history is the session's; only its id is noted here, even while hidden.
        if snapshot.run_id != self._run_id:
            self._run_id = snapshot.run_id
            self._rebuild()
        super()._on_snapshot(snapshot)

    def number(self, run_id: int | None) -> int:
        """A run's number in the comparison: the earlier runs in the order they ended, from 1; the
        current run the next one."""
        return self._numbers.get(run_id, self._count + 1)

    def colour(self, run_id: int | None) -> str:
        return COLOURS[self._colours.get(run_id, 0)]

    def run_label(self, run: RunRecord) -> str:
        """An earlier run named in words: by the experiment that ran it, or by its own settings where
        the current run's differ, "learning rate 1 (now 0.1)" (the earlier run's value first)."""
        if run.label:
            return run.label
        config, images = self.session.run_config
        if config is not None and run.config is not None:
            parts = differences_in_words(run.config, config)
        else:
            parts = [self.tr("settings unknown")]
        if images and run.train_images and images != run.train_images:
            parts.append(arg(self.tr("train images %1 (now %2)"), f"{run.train_images:,}", f"{images:,}"))
        data = self.session.run_data
        if run.dataset and data and run.dataset != data:  # the same settings on other images
            parts.insert(0, arg(self.tr("data %1 (now %2)"), run.dataset, data))
        return ", ".join(parts) or self.tr("same settings")

    def current_label(self) -> str:
        """The current run's name: the experiment's for it, or "" for the user's own."""
        return self.session.run_label

    def labels(self) -> list[str]:
        """The list's labels, current run first."""
        return [self.list.item(i).text() for i in range(self.list.count())]

    def _assign(self) -> None:
        """Number the runs that ended since, and give every run shown a colour no other one has."""
        kept = [run.run_id for run in self.session.runs]
        for run_id in kept:
            if run_id not in self._numbers:
                self._count += 1
                self._numbers[run_id] = self._count
        alive = set(kept) | {self._run_id}
        self._numbers = {k: v for k, v in self._numbers.items() if k in alive}
        self._colours = {k: v for k, v in self._colours.items() if k in alive}
        for run_id in [*kept, self._run_id]:
            if run_id not in self._colours:
                used = set(self._colours.values())
                self._colours[run_id] = next(i for i in range(len(COLOURS)) if i not in used)

    def _rebuild(self) -> None:
        """The list and every run's curves, drawn again (runs change rarely)."""
        self._assign()
        self._hidden &= {run.run_id for run in self.session.runs} | {CURRENT}
        current = self.current_label()
        number = self.number(self._run_id)
        current_text = arg(self.tr("%1 (current): %2"), number, current) if current else \
            arg(self.tr("%1 (current)"), number)
        config = self.session.run_config[0]
        mistake = config.mistake if config is not None else None
        info = arg(self.tr("Current network: run %1, %2 (an experiment's run)."), number, current) if current else \
            arg(self.tr("Current network: run %1."), number)
        if mistake in MISTAKE_TEXTS:
            info += " " + arg(self.tr("It makes a mistake on purpose: %1."), translated(MISTAKE_TEXTS[mistake]))
        self.current_info.setText(info)
        self.list.blockSignals(True)
        self.list.clear()
        entries = [(CURRENT, current_text, self._run_id)]
        entries += [(run.run_id, arg(self.tr("%1: %2"), self.number(run.run_id), self.run_label(run)), run.run_id)
                    for run in reversed(self.session.runs)]
        for key, text, run_id in entries:
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setToolTip(text)
            item.setForeground(pg.mkColor(self.colour(run_id)))
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked if key in self._hidden else Qt.CheckState.Checked)
            self.list.addItem(item)
        self.list.blockSignals(False)
        self._selection_changed()
        self.clear_button.setEnabled(bool(self.session.runs))
        for plot in (self.loss_plot, self.acc_plot):
            plot.clear()
        self.legend.clear()
        columns = max(100, int(self.loss_plot.getViewBox().width()))
        for run in self.session.runs:
            if run.run_id in self._hidden:
                continue
            name = shortened(arg(self.tr("%1: %2"), self.number(run.run_id), self.run_label(run)))
            i, y = bucket_means(run.losses, columns)
            curve = self.loss_plot.plot(np.interp(i + 1, *run.epoch_knots), y, connect="finite",
                                        pen=pg.mkPen(self.colour(run.run_id), width=1.5))
            self.legend.addItem(curve, name)
            set_accuracy(self._accuracy_curves(self.colour(run.run_id), 1.5, 4), run.epochs)
        shown = CURRENT not in self._hidden
        colour = self.colour(self._run_id)
        self.current_loss = self.loss_plot.plot(pen=pg.mkPen(colour, width=3), connect="finite")
        if shown:
            self.legend.addItem(self.current_loss, shortened(current_text))
        self._fit_legend()
        self.current_acc, self.current_train_acc = self._accuracy_curves(colour, 3, 7)
        self._draw_current()

    def _fit_legend(self) -> None:
        """As many columns of names as the plots' width holds, up to three: a legend wider than the
        plots widens them past the view."""
        items = self.legend.items
        if not items:
            return
        widest = max(label.item.boundingRect().width() for _, label in items) + 40  # with its line sample
        columns = max(1, min(3, len(items), int(self.graphics.width() // widest)))
        if columns != self.legend.columnCount:
            self.legend.setColumnCount(columns)

    def eventFilter(self, watched, event) -> bool:
        if watched is self.graphics and event.type() == QEvent.Type.Resize:
            self._fit_legend()
        return super().eventFilter(watched, event)

    def _accuracy_curves(self, colour: str, width: float, symbol: int) -> tuple[pg.PlotDataItem, pg.PlotDataItem]:
        """A run's two curves on the accuracy plot: test (solid, filled dots), train (dashed, open dots)."""
        test = self.acc_plot.plot(pen=pg.mkPen(colour, width=width), symbol="o", symbolSize=symbol,
                                  symbolPen=colour, symbolBrush=colour)
        train = self.acc_plot.plot(pen=pg.mkPen(colour, width=width, style=Qt.PenStyle.DashLine), symbol="o",
                                   symbolSize=symbol, symbolPen=colour, symbolBrush="w")
        return test, train

    def _toggled(self, item: QListWidgetItem) -> None:
        run_id = item.data(Qt.ItemDataRole.UserRole)
        if item.checkState() == Qt.CheckState.Checked:
            self._hidden.discard(run_id)
        else:
            self._hidden.add(run_id)
        self._rebuild()

    def _selected_runs(self) -> set[int]:
        return {item.data(Qt.ItemDataRole.UserRole) for item in self.list.selectedItems()} - {CURRENT}

    def _selection_changed(self) -> None:
        self.remove_button.setEnabled(bool(self._selected_runs()))

    def remove_selected(self) -> None:
        """Remove the selected earlier runs (the current run stays); the others keep their numbers."""
        chosen = self._selected_runs()
        if chosen:
            self.session.forget_runs(chosen)

    def remove_all(self) -> None:
        """Remove every earlier run: the current run becomes run 1."""
        self._count = 0
        self.session.forget_runs()

    def update_from(self, snap) -> None:
        self._draw_current()

    def _draw_current(self) -> None:
        history = self.session.history
        if CURRENT in self._hidden or not history.steps:
            self.current_loss.setData([], [])
            set_accuracy((self.current_acc, self.current_train_acc), ())
            return
        columns = max(100, int(self.loss_plot.getViewBox().width()))
        i, y = bucket_means(history.losses, columns)
        self.current_loss.setData(history.epoch_of(i + 1), y)  # each mean at the epoch its last step ended at
        set_accuracy((self.current_acc, self.current_train_acc), history.records)
        style.hold_range(self.loss_plot)  # axes drawn again only when the bounds move

    # Export ----------------------------------------------------------------------------------

    def csv_rows(self) -> list[tuple]:
        """Every run's epoch history, earlier runs first, then the current one: rows of CSV_HEADER,
        each run by its number and name."""
        rows = []
        histories = [(self.number(run.run_id), self.run_label(run), run.epochs) for run in self.session.runs]
        if self._run_id is not None:
            histories.append((self.number(self._run_id), self.current_label(), self.session.history.records))
        for number, name, epochs in histories:
            rows += [(number, r.epoch, r.step, r.train_loss, r.train_accuracy, r.test_loss, r.test_accuracy, name)
                     for r in epochs]
        return rows

    def export_csv(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export runs as CSV"), "runs.csv",
                                              self.tr("CSV files (*.csv)"))
        if not path:
            return
        try:
            with open(path, "w", newline="", encoding="utf-8") as f:
                writer = csv.writer(f)
                writer.writerow(CSV_HEADER)
                writer.writerows(self.csv_rows())
        except OSError as e:
            self.status.setText(arg(self.tr("Could not write %1: %2"), path, e.strerror or str(e)))
            return
        self.status.setText(arg(self.tr("Saved %1"), Path(path).name))

    def export_image(self) -> None:
        png, svg = self.tr("PNG image (*.png)"), self.tr("SVG image (*.svg)")
        path, chosen = QFileDialog.getSaveFileName(self, self.tr("Export the plots"), "runs.png", f"{png};;{svg}")
        if not path:
            return
        if not Path(path).suffix:
            path += ".svg" if chosen == svg else ".png"
        try:
            if path.lower().endswith(".svg"):
                export.save_svg(self.graphics.ci, path)
            else:
                export.save_png(self.graphics.ci, path, export.DEFAULT_SCALE)
        except OSError as e:
            self.status.setText(arg(self.tr("Could not write %1: %2"), path, e.strerror or str(e)))
            return
        if not Path(path).exists():  # ImageExporter reports a failed save only by its result
            self.status.setText(arg(self.tr("Could not write %1"), path))
            return
        self.status.setText(arg(self.tr("Saved %1"), Path(path).name))
