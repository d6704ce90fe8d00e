"""Runs side by side: the current run's curves in bold over the earlier runs' faint ones, each
named by what differed, with CSV and image export."""
from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pyqtgraph as pg
import pyqtgraph.exporters  # noqa: F401  (pg.exporters is not imported by pyqtgraph itself)
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...core.config import differences
from .. import style
from ..i18n import arg
from ..session import RunRecord, Session
from ..widgets.marks import setting_name
from ..widgets.whatsthis import explain as explain_view
from .base import View

CSV_HEADER = ("run", "epoch", "step", "train_loss", "train_accuracy", "test_loss", "test_accuracy")
CURRENT = -1  # the list item of the current run


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


def run_color(index: int) -> pg.QtGui.QColor:
    return pg.intColor(index, hues=8, values=1, maxValue=180)


class RunsView(View):
    """Loss and test accuracy of the current run (bold) and of earlier runs (faint, checkable)."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(session, parent)
        self.graphics = pg.GraphicsLayoutWidget()
        self.loss_plot = self.graphics.addPlot(row=0, col=0)
        self.acc_plot = self.graphics.addPlot(row=1, col=0)
        for plot, title, left in ((self.loss_plot, self.tr("Loss (mean over nearby steps)"), self.tr("loss")),
                                  (self.acc_plot, self.tr("Test accuracy at each epoch end"), self.tr("accuracy %"))):
            plot.setTitle(title, size="10pt")
            plot.setLabel("left", left)
            plot.setLabel("bottom", self.tr("epoch"))
            plot.setMenuEnabled(False)
            plot.addLegend(offset=(-10, 10), labelTextSize="8pt")
        self.acc_plot.setXLink(self.loss_plot)
        self.list = QListWidget()
        self.list.setToolTip(self.tr("Tick the runs to show; each earlier run is named by its own settings where "
                                     "the current run's differ, and in brackets the current run's value."))
        self.list.itemChanged.connect(self._toggled)
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
        side_layout.addWidget(QLabel(self.tr("Runs:")))
        side_layout.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.csv_button)
        buttons.addWidget(self.image_button)
        side_layout.addLayout(buttons)
        side_layout.addWidget(self.status)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.graphics)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        explain_view(self, self.tr(
            "<b>Runs compared</b><p>Each reset, new setting or opened model starts a run; the earlier ones stay "
            "here as faint curves beside the current run's bold ones, so that you can see what a change did: a "
            "smaller learning rate η in W ← W − η·∂E/∂W, for instance, lowers the loss more slowly but more "
            "steadily. Each earlier run is named by its own settings where the current run's differ, such as "
            "\"lr 0.1 (now 0.01)\": that run's value, then the current one.</p>"))
        self._hidden: set[int] = set()  # run ids the user unticked
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

    def run_label(self, run: RunRecord) -> str:
        """An earlier run named by its own settings where the current run's differ: "lr 1 (now 0.1)"
        (the current run's value first read as the earlier run's)."""
        config, images = self.session.run_config
        if config is not None and run.config is not None:
            parts = [arg(self.tr("%1 %2 (now %3)"), setting_name(name), then, now)
                     for name, then, now in differences(run.config, config)]
        else:
            parts = [self.tr("settings unknown")]
        if images and run.train_images and images != run.train_images:
            parts.append(arg(self.tr("train images %1 (now %2)"), f"{run.train_images:,}", f"{images:,}"))
        return arg(self.tr("run %1: %2"), run.run_id, ", ".join(parts) or self.tr("same settings"))

    def labels(self) -> list[str]:
        """The list's labels, current run first."""
        return [self.list.item(i).text() for i in range(self.list.count())]

    def _rebuild(self) -> None:
        """The list and the earlier runs' curves, drawn again (runs change rarely)."""
        self.list.blockSignals(True)
        self.list.clear()
        entries = [(CURRENT, self.tr("current run"))]
        entries += [(run.run_id, self.run_label(run)) for run in reversed(self.session.runs)]
        for run_id, text in entries:
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, run_id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked if run_id in self._hidden else Qt.CheckState.Checked)
            self.list.addItem(item)
        self.list.blockSignals(False)
        for plot in (self.loss_plot, self.acc_plot):
            plot.clear()
            plot.legend.clear()
        columns = max(100, int(self.loss_plot.getViewBox().width()))
        for index, run in enumerate(self.session.runs):
            if run.run_id in self._hidden:
                continue
            color = run_color(index)
            color.setAlpha(110)
            # The list beside names what differed: in the legend, long names covered the curves.
            name = arg(self.tr("run %1"), run.run_id)
            i, y = bucket_means(run.losses, columns)
            self.loss_plot.plot(np.interp(i + 1, *run.epoch_knots), y, pen=pg.mkPen(color, width=1), name=name,
                                connect="finite")
            e = [(r.epoch, 100 * r.test_accuracy) for r in run.epochs]
            if e:
                self.acc_plot.plot(*np.array(e).T, pen=pg.mkPen(color, width=1), symbol="o", symbolSize=4,
                                   symbolPen=color, symbolBrush=color, name=name)
        shown = CURRENT not in self._hidden
        self.current_loss = self.loss_plot.plot(pen=pg.mkPen(style.LOSS_SMOOTH, width=2.5),
                                                name=self.tr("current run") if shown else None, connect="finite")
        self.current_acc = self.acc_plot.plot(pen=pg.mkPen(style.TEST, width=2.5), symbol="o", symbolSize=6,
                                              symbolPen=style.TEST, symbolBrush=style.TEST,
                                              name=self.tr("current run") if shown else None)
        self._draw_current()

    def _toggled(self, item: QListWidgetItem) -> None:
        run_id = item.data(Qt.ItemDataRole.UserRole)
        if item.checkState() == Qt.CheckState.Checked:
            self._hidden.discard(run_id)
        else:
            self._hidden.add(run_id)
        self._rebuild()

    def update_from(self, snap) -> None:
        self._draw_current()

    def _draw_current(self) -> None:
        history = self.session.history
        if CURRENT in self._hidden or not history.steps:
            self.current_loss.setData([], [])
            self.current_acc.setData([], [])
            return
        columns = max(100, int(self.loss_plot.getViewBox().width()))
        i, y = bucket_means(history.losses, columns)
        self.current_loss.setData(history.epoch_of(i + 1), y)  # each mean at the epoch its last step ended at
        e = [(r.epoch, 100 * r.test_accuracy) for r in history.records]
        self.current_acc.setData(*(np.array(e).T if e else ([], [])))

    # Export ----------------------------------------------------------------------------------

    def csv_rows(self) -> list[tuple]:
        """Every run's epoch history, earlier runs first, then the current one: rows of CSV_HEADER."""
        rows = []
        histories = [(run.run_id, run.epochs) for run in self.session.runs]
        if self._run_id is not None:
            histories.append((self._run_id, self.session.history.records))
        for run_id, epochs in histories:
            rows += [(run_id, r.epoch, r.step, r.train_loss, r.train_accuracy, r.test_loss, r.test_accuracy)
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
                self._export_svg(path)
            else:
                pg.exporters.ImageExporter(self.graphics.ci).export(path)
        except OSError as e:
            self.status.setText(arg(self.tr("Could not write %1: %2"), path, e.strerror or str(e)))
            return
        if not Path(path).exists():  # ImageExporter reports a failed save only by its result
            self.status.setText(arg(self.tr("Could not write %1"), path))
            return
        self.status.setText(arg(self.tr("Saved %1"), Path(path).name))

    def _export_svg(self, path: str) -> None:
        """The plots as SVG: pyqtgraph's SVGExporter, or, where it fails to parse the paths newer Qt
        versions write (pyqtgraph 0.14 with Qt 6.11 does), Qt's own SVG painter on the same scene."""
        try:
            pg.exporters.SVGExporter(self.graphics.ci).export(path)
        except ValueError:
            from PySide6.QtCore import QRectF, QSize
            from PySide6.QtGui import QPainter
            from PySide6.QtSvg import QSvgGenerator
            rect = self.graphics.ci.sceneBoundingRect()
            generator = QSvgGenerator()
            generator.setFileName(path)
            generator.setSize(QSize(int(rect.width()), int(rect.height())))
            generator.setViewBox(QRectF(0, 0, rect.width(), rect.height()))
            generator.setTitle(self.tr("Runs compared"))
            painter = QPainter(generator)
            try:
                self.graphics.scene().render(painter, QRectF(0, 0, rect.width(), rect.height()), rect)
            finally:
                painter.end()
