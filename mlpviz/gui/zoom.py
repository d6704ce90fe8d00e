"""Zoom: one factor for every font, plot label and line width in the app, and presenter mode.

The application font carries the factor, so every widget and its layout follow by themselves. What
does not follow the application font is re-styled once per change, never recomputed: fonts and
style-sheet sizes set on widgets, pyqtgraph's labels (their sizes are in points in their HTML), axis
labels, legends and curve widths. Items made after a change take the factor from style.pt()/px().
"""
from __future__ import annotations

import re

import pyqtgraph as pg
import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QSettings, Signal
from PySide6.QtGui import QAction, QFont, QKeySequence, QResizeEvent
from PySide6.QtWidgets import QApplication, QGraphicsTextItem, QGraphicsView, QMainWindow, QMenu, QWidget

from . import style

SETTING = "zoom"
LOWEST, HIGHEST, STEP = 0.8, 2.0, 0.1
PRESENTER = 1.5  # presenter mode's zoom: a back row reads a projector's axis labels
translate = QCoreApplication.translate
_SHEET_SIZE = re.compile(r"font-size:\s*([\d.]+)pt")
SIZE_RESOLVED = 0x0002  # QFont::SizeResolved, which PySide6 does not name
_base_points: list[float] = []  # the application font's size at zoom 1, once known


def _clamp(factor: float) -> float:
    return round(min(HIGHEST, max(LOWEST, factor)), 2)


def set_zoom(factor: float) -> bool:
    """Make `factor` the app's zoom (clamped to LOWEST..HIGHEST) and re-style every window shown
    or hidden; False if it already was."""
    factor = _clamp(factor)
    old = style.ZOOM
    if abs(factor - old) < 1e-9:
        return False
    app = QApplication.instance()
    font = app.font()
    if not _base_points:
        _base_points.append(font.pointSizeF() / old)
    fixed = [(w, w.font()) for w in app.allWidgets() if _sets_its_size(w)]  # before the app font moves them
    style.ZOOM = factor
    ratio = factor / old
    font.setPointSizeF(_base_points[0] * factor)
    app.setFont(font)
    app.sendPostedEvents()  # the font change reaches every widget now, not at the next turn
    for widget, own in fixed:
        widget.setFont(_scaled(own, ratio))
    for widget in app.allWidgets():
        sheet = widget.styleSheet()
        if sheet:  # a style sheet's font stays as it was polished: set again, it takes the new one
            widget.setStyleSheet(_SHEET_SIZE.sub(lambda m: f"font-size: {float(m[1]) * ratio:.3g}pt", sheet))
        if isinstance(widget, QGraphicsView) and widget.scene() is not None:
            _restyle_scene(widget.scene(), ratio)
    for widget in app.allWidgets():  # our views that arrange themselves by their size (zoomed pixels) do again
        if type(widget).__module__.startswith("mlpviz.") and shiboken6.isValid(widget):
            QApplication.sendEvent(widget, QResizeEvent(widget.size(), widget.size()))
    return True


def _sets_its_size(widget: QWidget) -> bool:
    """True for a widget given a font size of its own (which the application font leaves alone)."""
    from PySide6.QtCore import Qt
    return (widget.testAttribute(Qt.WidgetAttribute.WA_SetFont)
            and bool(widget.font().resolveMask() & SIZE_RESOLVED))


def _scaled(font: QFont, ratio: float) -> QFont:
    font = QFont(font)
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * ratio)
    elif font.pixelSize() > 0:
        font.setPixelSize(max(1, round(font.pixelSize() * ratio)))
    return font


def _points(size) -> float | None:
    if isinstance(size, str) and size.endswith("pt"):
        try:
            return float(size[:-2])
        except ValueError:
            return None
    return None


def _restyle_scene(scene, ratio: float) -> None:
    """pyqtgraph's items in `scene` at the new zoom: labels, legends, axes and curve widths."""
    items = scene.items()
    labels = [i for i in items if isinstance(i, pg.LabelItem)]
    inside_labels = {id(label.item) for label in labels}
    for item in items:
        if isinstance(item, QGraphicsTextItem) and id(item) not in inside_labels:
            item.setFont(_scaled(item.font(), ratio))  # axis labels, text items
    for label in labels:
        points = _points(label.opts.get("size"))
        if points is not None:
            label.setText(label.text, size=f"{points * ratio:.3g}pt")
        else:
            label.item.setFont(_scaled(label.item.font(), ratio))
            label.setText(label.text)
    for item in items:
        if isinstance(item, pg.LegendItem):
            points = _points(item.opts.get("labelTextSize"))
            if points is not None:
                item.opts["labelTextSize"] = f"{points * ratio:.3g}pt"
            item.updateSize()
        elif isinstance(item, pg.AxisItem):
            item.textWidth, item.textHeight = 30 * style.ZOOM, 18 * style.ZOOM  # tick text measures anew
            if not item.style["autoExpandTextSpace"]:  # a fixed room (style.align_left_axes) grows too
                item.style["tickTextWidth"] = round(item.style["tickTextWidth"] * ratio)
            item._updateLabel()  # noqa: SLF001 (pyqtgraph's own relayout of the axis: size and picture)
        elif isinstance(item, pg.PlotDataItem):
            pen = item.opts.get("pen")
            if pen is not None:
                item.setPen(_wider(pg.mkPen(pen), ratio))
        elif isinstance(item, pg.PlotCurveItem) and not isinstance(item.parentItem(), pg.PlotDataItem):
            item.setPen(_wider(pg.mkPen(item.opts["pen"]), ratio))


def _wider(pen, ratio: float):
    pen = pg.mkPen(pen)
    pen.setWidthF((pen.widthF() or 1.0) * ratio)
    return pen


class Zoom(QObject):
    """The View menu's zoom and presenter mode for one window; the factor is remembered in
    `settings` (presenter mode's is not: the next launch opens as the user left it outside)."""

    changed = Signal(float)

    def __init__(self, window: QMainWindow, settings: QSettings):
        super().__init__(window)
        self.window, self.settings = window, settings
        self._before: tuple[float, bytes] | None = None  # zoom and geometry before presenter mode

    @property
    def presenting(self) -> bool:
        return self._before is not None

    def restore(self) -> None:
        """The zoom of the last launch."""
        try:
            factor = float(self.settings.value(SETTING, 1.0))
        except (TypeError, ValueError):
            factor = 1.0
        self.set(factor, remember=False)

    def set(self, factor: float, remember: bool = True) -> None:
        if set_zoom(factor):
            self.changed.emit(style.ZOOM)
        if remember and not self.presenting:
            self.settings.setValue(SETTING, style.ZOOM)

    def zoom_in(self) -> None:
        self.set(style.ZOOM + STEP)

    def zoom_out(self) -> None:
        self.set(style.ZOOM - STEP)

    def reset(self) -> None:
        self.set(1.0)

    def saved_geometry(self) -> bytes:
        """The window's geometry to remember: the one before presenter mode while presenting."""
        return self._before[1] if self._before is not None else self.window.saveGeometry()

    def toggle_presenter(self) -> None:
        """Full screen at PRESENTER zoom; again: the zoom and window as they were."""
        w = self.window
        if self._before is None:
            self._before = (style.ZOOM, w.saveGeometry())
            self.set(max(PRESENTER, style.ZOOM), remember=False)
            w.showFullScreen()
        else:
            factor, geometry = self._before
            self._before = None
            w.showNormal()
            w.restoreGeometry(geometry)
            self.set(factor, remember=False)


def add_zoom_menu(menu: QMenu, zoom: Zoom) -> None:
    """Zoom in, out and reset, and presenter mode, in `menu` (shortcuts active without a menu bar)."""
    def action(text, keys, slot, tip, checkable=False):
        a = QAction(text, zoom.window, checkable=checkable)
        a.setShortcuts(keys)
        a.setToolTip(tip)
        a.setStatusTip(tip)
        a.triggered.connect(slot)
        menu.addAction(a)
        zoom.window.addAction(a)
        return a

    action(translate("Zoom", "Zoom &in"), [QKeySequence("Ctrl+="), QKeySequence("Ctrl++")], zoom.zoom_in,
            translate("Zoom", "Make every text, plot label and line larger"))
    action(translate("Zoom", "Zoom &out"), [QKeySequence("Ctrl+-")],
           zoom.zoom_out, translate("Zoom", "Make every text, plot label and line smaller"))
    action(translate("Zoom", "&Actual size"), [QKeySequence("Ctrl+0")], zoom.reset,
           translate("Zoom", "Back to the normal size of text and lines"))
    menu.addSeparator()
    action(translate("Zoom", "&Presenter mode"), [QKeySequence("F11")], zoom.toggle_presenter,
           translate("Zoom", "Full screen at 1.5x zoom, for a projector; F11 again to go back"), checkable=True)
