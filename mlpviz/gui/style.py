"""Colours and pyqtgraph settings shared by every panel."""
import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetricsF

TRAIN = "#1f77b4"
TEST = "#d62728"
ACCENT = "#ff7f0e"
LOSS_RAW = (31, 119, 180, 60)
LOSS_SMOOTH = "#1f4e79"
BAR = "#9ab8d8"
WEIGHTS_CMAP = "CET-D1"  # diverging blue-white-red: negative, zero, positive weights
ACTIVATION_CMAP = "viridis"
# One colour per digit wherever digits are told apart by colour: tab10, ten colours told apart
# by most colour-blind readers too.
DIGIT_COLOURS = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
                 "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf")


# The app's zoom (View > Zoom, presenter mode): zoom.py sets it and re-styles what exists; whatever
# is made later takes its sizes from pt() and px().
ZOOM = 1.0


def pt(points: float) -> str:
    """A pyqtgraph text size ("10pt") at the app's zoom."""
    return f"{points * ZOOM:.3g}pt"


def px(pixels: float) -> int:
    """A size in pixels at the app's zoom."""
    return round(pixels * ZOOM)


# Fonts made for Latin letters, digits and math signs, the first one installed drawing them. A
# Korean desktop's default font draws ² like an apostrophe, ∂ tiny and σ′ apart from its (a).
LATIN_FONTS = ("DejaVu Sans", "Segoe UI", "Helvetica Neue", "Arial")


def configure() -> None:
    pg.setConfigOptions(antialias=False, imageAxisOrder="row-major", background="w", foreground="#333")


def prefer_latin_glyphs(app) -> None:
    """Let the application font draw Latin text and formulas with one of LATIN_FONTS and fall back
    to the system's own font for Hangul (Qt picks, glyph by glyph, the first family that has it)."""
    from PySide6.QtGui import QFontDatabase
    installed = set(QFontDatabase.families())
    latin = next((f for f in LATIN_FONTS if f in installed), None)
    font = app.font()
    if latin is not None and font.families()[:1] != [latin]:
        font.setFamilies([latin, *font.families()])
        app.setFont(font)


class DecadeAxis(pg.AxisItem):
    """A log-scale axis labelled at the powers of ten only. pyqtgraph labels every minor tick
    too (2·10¹, 3·10¹, ...) when a plot spans few decades, and those labels run into each other."""

    def logTickStrings(self, values, scale, spacing):
        labels = super().logTickStrings(values, scale, spacing)
        decade = [abs(v - round(v)) < 1e-6 for v in values]
        if not any(decade):  # a range within one decade: its few ticks keep their labels
            return labels
        return [text if d else "" for d, text in zip(decade, labels)]


def legend_html(colours, names) -> str:
    """A one-line legend outside a plot: a coloured dot before each name."""
    return "&nbsp; ".join(f'<span style="color:{c}">&#9679;</span>{n}' for c, n in zip(colours, names))


class FittedTitle(pg.LabelItem):
    """A plot title that never widens its plot: cut with an ellipsis to the width there is, the
    whole title in its tooltip. pyqtgraph's own makes its text's width the layout's least width,
    and a long title pushed the plot past the edge of its view, which cut the plot off."""

    def __init__(self, text: str = " ", parent=None, **args):
        self._shown = None
        super().__init__(text, parent, **args)

    def updateMin(self) -> None:
        super().updateMin()
        height = self._sizeHint[Qt.SizeHint.MinimumSize][1]
        for hint in (Qt.SizeHint.MinimumSize, Qt.SizeHint.PreferredSize):
            self._sizeHint[hint] = (0, height)
        self.setMinimumWidth(0)

    def setText(self, text, **args) -> None:
        self._shown = None
        super().setText(text, **args)  # it calls resizeEvent, which fits the text

    def resizeEvent(self, ev) -> None:
        width = self.rect().width()
        if width > 0 and "<" not in self.text:  # rich text is shown as it is
            font = QFont(self.item.font())
            size = str(self.opts.get("size", ""))
            if size.endswith("pt"):
                font.setPointSizeF(float(size[:-2]))
            font.setBold(bool(self.opts.get("bold")))
            shown = QFontMetricsF(font).elidedText(self.text, Qt.TextElideMode.ElideRight, width - 4)
            if shown != self._shown:
                self._shown = shown
                self.item.setFont(font)
                self.item.setDefaultTextColor(pg.mkColor(self.opts["color"] or pg.getConfigOption("foreground")))
                self.item.setPlainText(shown)
                self.setToolTip(self.text if shown != self.text else "")
        super().resizeEvent(ev)


def fit_title(plot) -> None:
    """Give a plot (PlotItem or PlotWidget) a FittedTitle in place of pyqtgraph's title label."""
    item = plot.getPlotItem() if isinstance(plot, pg.PlotWidget) else plot
    old = item.titleLabel
    if isinstance(old, FittedTitle):
        return
    new = FittedTitle(old.text, parent=item, **old.opts)
    item.layout.removeItem(old)
    old.setParentItem(None)
    if old.scene() is not None:
        old.scene().removeItem(old)
    item.layout.addItem(new, 0, 1)
    new.setVisible(old.isVisible())
    new.setMaximumHeight(old.maximumHeight())
    item.titleLabel = new


def align_left_axes(plots, text_px: float = 44) -> None:
    """The same room for the left axis' tick labels in each of plots stacked over each other, so
    that their x axes line up (pyqtgraph sizes each axis by its own labels)."""
    for plot in plots:
        plot.getAxis("left").setStyle(tickTextWidth=px(text_px), autoExpandTextSpace=False)


def plot_widget(title: str, left: str, bottom: str, log: str = "") -> pg.PlotWidget:
    """A white plot with a title and labelled axes; log "x" or "y": that axis on a log scale,
    labelled by decades."""
    side = {"x": "bottom", "y": "left"}.get(log)
    w = pg.PlotWidget(axisItems={side: DecadeAxis(side)} if side else None)
    if side:
        w.setLogMode(x=log == "x", y=log == "y")
    fit_title(w)
    w.setTitle(title, size=pt(10))
    w.setLabel("left", left)
    w.setLabel("bottom", bottom)
    w.setMenuEnabled(False)
    for axis in ("left", "bottom"):
        w.getAxis(axis).enableAutoSIPrefix(False)  # "epoch (x0.001)" would confuse more than help
    return w


# Round bounds for a growing axis: the data always fills at least three quarters of it.
NICE = (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10)


def nice_ceiling(x: float, steps: tuple[float, ...] = NICE) -> float:
    """The smallest of `steps` (from 1 to 10) times a power of ten that is at least x (1 for x
    not above 0 or not finite): a bound that changes only now and then as x grows."""
    if not (np.isfinite(x) and x > 0):
        return 1.0
    decade = 10.0 ** math.floor(math.log10(x))
    return next(m * decade for m in steps if m * decade >= x * (1 - 1e-9))


def hold_range(plot: pg.PlotWidget, log_y: bool = False, y: bool = True) -> None:
    """Show the plot's data from x = 0 to nice_ceiling of its largest x, and (with y) over its
    whole decades (log_y: pyqtgraph keeps log10 values) or from 0 to a nice ceiling, moving the
    range only when those bounds change. An axis whose range moves draws its ticks and labels
    again, the largest part of a live plot's refresh: with steady bounds a refresh repaints only
    the curves."""
    (_, x_hi), (y_lo, y_hi) = (b if b is not None else (0.0, 1.0) for b in plot.getViewBox().childrenBounds())
    x_range = (0.0, nice_ceiling(x_hi))
    y_range = None
    if y and np.isfinite(y_lo) and np.isfinite(y_hi):
        y_range = ((math.floor(y_lo), max(math.ceil(y_hi), math.floor(y_lo) + 1)) if log_y
                   else (min(0.0, y_lo), nice_ceiling(y_hi)))
    if getattr(plot, "_held_range", None) != (x_range, y_range):
        plot._held_range = (x_range, y_range)
        plot.setXRange(*x_range, padding=0.02)
        if y_range is not None:
            plot.setYRange(*y_range, padding=0.02)
