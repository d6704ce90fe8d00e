"""Figures for slides.

A right click on any plot or picture offers Export…: pyqtgraph's own export dialog, with PNG at
1×, 2× or 3× the size the plot has on screen, an SVG that Qt's renderer and browsers draw as the
screen does, and the plot's data as CSV. File > Export figures… writes every view as a PNG at a
chosen scale into a folder, with an index.html that shows them, as `mlpviz evaluate --report` does.
"""
from __future__ import annotations

import html
import math
import re
import tempfile
import time
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from pyqtgraph import functions as fn
from pyqtgraph.exporters import CSVExporter, Exporter, ImageExporter
from pyqtgraph.GraphicsScene.exportDialog import ExportDialog
from pyqtgraph.parametertree import Parameter
from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QBuffer,
    QCoreApplication,
    QEvent,
    QEventLoop,
    QIODevice,
    QObject,
    QRectF,
    QSize,
    Qt,
    QTimer,
)
from PySide6.QtGui import QImage, QPainter, QPainterPath, QPicture, QTransform
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGraphicsItem,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QSplitter,
    QStyleOptionGraphicsItem,
    QWidget,
)

from .i18n import arg
from .views.base import View

translate = QCoreApplication.translate

SCALES = (1, 2, 3)
DEFAULT_SCALE = 2  # a slide shown on a projector or a 4K screen needs twice the screen's pixels
FOLDER_SETTING, SCALE_SETTING = "export_folder", "export_scale"
INDEX = "index.html"
SETTLE_SECONDS = 60  # the longest wait for a view's figures (an evaluation, a robustness sweep)

# Titles of the views that are not a tab of their own (the tabs are titled by their own text).
TITLES = {"CurvesView": QT_TRANSLATE_NOOP("Export", "Training curves"),
          "WeightsView": QT_TRANSLATE_NOOP("Export", "Weights"),
          "InputView": QT_TRANSLATE_NOOP("Export", "Input"),
          "ActivationsView": QT_TRANSLATE_NOOP("Export", "Activations"),
          "TimelineView": QT_TRANSLATE_NOOP("Export", "Timeline")}
SIDE_VIEWS = ("input_view", "activations", "timeline")  # the window's views beside the tabs


# Exporters -----------------------------------------------------------------------------------

@contextmanager
def _drawn_anew(items):
    """While exporting, items that keep a pixel cache draw anew, and legends, which ignore the
    view's scale (to keep their size on screen when a plot is zoomed), take the export's: at 2×
    they were copied as the screen's pixels, or drawn at half the size of everything else."""
    ignores = QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations
    changed = []
    for item in items:
        parent = item.parentItem()
        unscaled = parent is None or not (parent.sceneTransform().isScaling() or parent.sceneTransform().isRotating())
        flip = bool(item.flags() & ignores) and unscaled  # where the flag changes nothing on screen
        mode = item.cacheMode()
        if flip or mode != QGraphicsItem.CacheMode.NoCache:
            changed.append((item, mode, flip))
            item.setCacheMode(QGraphicsItem.CacheMode.NoCache)
            if flip:
                item.setFlag(ignores, False)
    try:
        yield
    finally:
        for item, mode, flip in changed:
            item.setCacheMode(mode)
            if flip:
                item.setFlag(ignores, True)


def _laid_out() -> None:
    """Layouts asked for and not yet done are done (a plot changed in this turn of the event loop,
    its legend still at its first place): an export draws what the screen is about to show."""
    QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)


def _failed(path: str, why: str) -> None:
    QMessageBox.warning(QApplication.activeWindow(), translate("Export", "Export"),
                        arg(translate("Export", "Could not write %1: %2"), path, why))


class PngExporter(ImageExporter):
    """pyqtgraph's image exporter with a scale: the plot's size on screen times 1, 2 or 3."""

    def __init__(self, item):
        _laid_out()
        super().__init__(item)
        self.params.insertChild(0, {"name": "scale", "title": translate("Export", "scale"), "type": "list",
                                    "limits": {f"{s}×": s for s in SCALES}, "value": DEFAULT_SCALE})
        self.params.param("scale").sigValueChanged.connect(self._scale_changed)
        self._scale_changed()

    def set_scale(self, scale: int) -> None:
        self.params["scale"] = scale
        self._scale_changed()

    def _scale_changed(self) -> None:
        self.params["width"] = max(1, round(self.getSourceRect().width() * self.params["scale"]))  # height follows

    def export(self, fileName=None, toBytes=False, copy=False):
        with _drawn_anew(self.getPaintItems()):
            done = super().export(fileName, toBytes, copy)
        if fileName is not None and not toBytes and not copy and not done:  # QImage.save says only False
            _failed(fileName, translate("Export", "the image could not be saved there"))
        return done


class SvgExporter(Exporter):
    """The plot drawn by Qt's own SVG generator, item by item (see _paint_clipped). pyqtgraph's SVG
    exporter rewrites the paths Qt writes and fails on the ones Qt 6.11 writes."""

    Name = "Scalable Vector Graphics (SVG)"
    allowCopy = True

    def __init__(self, item):
        super().__init__(item)
        scene = item if isinstance(item, pg.GraphicsScene) else item.scene()
        brush = scene.views()[0].backgroundBrush()
        background = brush.color()
        if brush.style() == Qt.BrushStyle.NoBrush:
            background.setAlpha(0)
        self.params = Parameter.create(name="params", type="group", children=[
            {"name": "background", "title": translate("Exporter", "background"), "type": "color",
             "value": background}])

    def parameters(self):
        return self.params

    def svg(self) -> bytes:
        """The SVG document, sized in pixels as the plot is on screen."""
        _laid_out()
        self.getScene().prepareForPaint()  # ranges pending an auto-range are settled, as before a repaint
        source = self.getSourceRect()
        w, h = source.width(), source.height()
        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        generator = QSvgGenerator()
        generator.setOutputDevice(buffer)
        # Axes replay a QPicture, which Qt scales by the ratio of its resolution to the device's:
        # at the generator's default 72 dpi the axes came out at 3/4 size, away from the data.
        generator.setResolution(QPicture().logicalDpiX())
        generator.setSize(QSize(math.ceil(w), math.ceil(h)))
        generator.setViewBox(QRectF(0, 0, w, h))
        generator.setTitle("mlpviz")
        painter = QPainter(generator)
        try:
            with _drawn_anew(self.getPaintItems()):
                # Export mode: scatter symbols are drawn as shapes, not copied from a pixel atlas.
                self.setExportMode(True, {"antialias": True, "background": self.params["background"],
                                          "painter": painter, "resolutionScale": 1.0})
                painter.fillRect(QRectF(0, 0, w, h), self.params["background"])
                _paint_clipped(painter, self.getPaintItems(), QTransform.fromTranslate(-source.left(), -source.top()))
        finally:
            self.setExportMode(False)
            painter.end()
        text = bytes(buffer.data()).decode("utf-8")
        # Qt sizes the drawing in millimetres at its resolution; renderers convert millimetres at 90
        # dpi (Qt) or 96 (browsers): pixels keep the plot's size everywhere.
        text = re.sub(r'<svg width="[^"]*" height="[^"]*"', f'<svg width="{w:g}" height="{h:g}"', text, count=1)
        return text.encode("utf-8")

    def export(self, fileName=None, toBytes=False, copy=False):
        if fileName is None and not toBytes and not copy:
            self.fileSaveDialog(filter=f"{translate('Exporter', 'Scalable Vector Graphics')} (*.svg)")
            return None
        data = self.svg()
        if toBytes:
            return data
        if copy:
            from PySide6.QtCore import QMimeData
            mime = QMimeData()
            mime.setData("image/svg+xml", data)
            QApplication.clipboard().setMimeData(mime)
            return None
        try:
            Path(fileName).write_bytes(data)
        except OSError as e:
            _failed(fileName, e.strerror or str(e))
            return False
        return True


# Qt's SVG generator drops clipping, and its renderer ignores clip paths, so a zoomed plot's data
# ran over its axes: what a plot clips is clipped here, in the drawing itself.
RASTER_SCALE = 2  # pixels per screen pixel of a picture cut at a plot's edge


def _clip_rect(item, to_output: QTransform) -> QRectF | None:
    """Where item's clipping ancestors (a ViewBox) let it draw, in output coordinates; None: anywhere."""
    rect = None
    parent = item.parentItem()
    while parent is not None:
        if parent.flags() & QGraphicsItem.GraphicsItemFlag.ItemClipsChildrenToShape:
            r = parent.deviceTransform(to_output).mapRect(parent.boundingRect())
            rect = r if rect is None else rect.intersected(r)
        parent = parent.parentItem()
    return rect


def _clip_polyline(points: np.ndarray, rect: QRectF) -> tuple[np.ndarray, np.ndarray]:
    """The parts of a polyline (n, 2) inside rect (Liang–Barsky on each segment): points (m, 2)
    and connect (m,), 1 where a point joins the next."""
    a, b = points[:-1], points[1:]
    d = b - a
    t0, t1 = np.zeros(len(a)), np.ones(len(a))
    keep = np.isfinite(a).all(axis=1) & np.isfinite(b).all(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        for p, q in ((-d[:, 0], a[:, 0] - rect.left()), (d[:, 0], rect.right() - a[:, 0]),
                     (-d[:, 1], a[:, 1] - rect.top()), (d[:, 1], rect.bottom() - a[:, 1])):
            keep &= ~((p == 0) & (q < 0))
            r = q / p
            t0 = np.where(p < 0, np.maximum(t0, r), t0)
            t1 = np.where(p > 0, np.minimum(t1, r), t1)
    keep &= t0 <= t1
    starts, ends = a + t0[:, None] * d, a + t1[:, None] * d
    joined = np.zeros(len(a), bool)  # a kept segment that goes on from the previous one
    joined[1:] = keep[1:] & keep[:-1] & (t1[:-1] >= 1) & (t0[1:] <= 0)
    kept = np.flatnonzero(keep)
    fresh = kept[~joined[kept]]
    order = np.argsort(np.concatenate([2 * fresh, 2 * kept + 1]), kind="stable")
    xy = np.concatenate([starts[fresh], ends[kept]])[order]
    nxt = np.append(joined[1:], False)
    connect = np.concatenate([np.ones(len(fresh)), nxt[kept].astype(float)])[order]
    return xy, connect


def _polylines(path: QPainterPath, to_output: QTransform) -> list[np.ndarray]:
    return [fn.ndarray_from_qpolygonf(poly).copy() for poly in path.toSubpathPolygons(to_output) if len(poly) > 1]


def _paint_curve(painter: QPainter, curve: pg.PlotCurveItem, to_output: QTransform, clip: QRectF) -> None:
    """A curve's fill and line, cut at clip (output coordinates), as vector paths."""
    if curve.xData is None or len(curve.xData) == 0:
        return
    painter.save()
    painter.resetTransform()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    opts, box = curve.opts, QPainterPath()
    box.addRect(clip)
    brush, level = opts["brush"], opts["fillLevel"]
    if isinstance(level, (int, float)) and brush is not None and brush.style() != Qt.BrushStyle.NoBrush:
        for line in _polylines(curve.getPath(), QTransform()):  # each part filled down to the level
            area = np.vstack([line, [[line[-1, 0], level], [line[0, 0], level]]])
            painter.fillPath(to_output.map(pg.arrayToQPath(area[:, 0], area[:, 1], connect="all")).intersected(box),
                             brush)
    lines = [_clip_polyline(line, clip) for line in _polylines(curve.getPath(), to_output)]
    for name in ("shadowPen", "pen"):
        pen = opts[name]
        if pen is None or pen.style() == Qt.PenStyle.NoPen:
            continue
        painter.setPen(pen)
        for xy, connect in lines:
            if len(xy):
                painter.drawPath(pg.arrayToQPath(xy[:, 0], xy[:, 1], connect=connect))
    painter.restore()


def _paint_raster(painter: QPainter, item, to_output: QTransform, rect: QRectF, option) -> None:
    """An item drawn into a picture cut at rect (output coordinates), the picture into the output."""
    size = QSize(max(1, math.ceil(rect.width() * RASTER_SCALE)), max(1, math.ceil(rect.height() * RASTER_SCALE)))
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    p = QPainter(image)
    p.scale(RASTER_SCALE, RASTER_SCALE)
    p.translate(-rect.topLeft())
    p.setClipRect(rect)
    p.setTransform(to_output, True)
    item.paint(p, option, None)
    p.end()
    painter.save()
    painter.resetTransform()
    painter.drawImage(rect, image)
    painter.restore()


def _paint_clipped(painter: QPainter, items, view_to_output: QTransform) -> None:
    """Paint items (in paint order) as QGraphicsScene.render would, but cutting what their
    ViewBoxes clip: curves as cut vector paths, other items that cross a plot's edge as a picture
    cut there; items wholly inside stay vector, items wholly outside are left out."""
    for item in items:
        if (not item.isVisible() or item.effectiveOpacity() == 0
                or item.flags() & QGraphicsItem.GraphicsItemFlag.ItemHasNoContents):
            continue
        to_output = item.deviceTransform(view_to_output)
        option = QStyleOptionGraphicsItem()
        option.exposedRect = item.boundingRect()
        clip = _clip_rect(item, view_to_output)
        bounds = to_output.mapRect(item.boundingRect())
        painter.save()
        painter.setOpacity(item.effectiveOpacity())
        try:
            if clip is not None and not clip.intersects(bounds) and not bounds.isEmpty():
                continue
            if clip is not None and isinstance(item, pg.PlotCurveItem):
                _paint_curve(painter, item, to_output, clip)
            elif clip is None or clip.adjusted(-0.5, -0.5, 0.5, 0.5).contains(bounds) or \
                    isinstance(item, pg.ScatterPlotItem):  # pyqtgraph leaves out the points outside the view
                painter.setTransform(to_output)
                item.paint(painter, option, None)
            else:
                _paint_raster(painter, item, to_output, clip.intersected(bounds), option)
        except NotImplementedError:  # an abstract paint (pyqtgraph's PlotDataItem): it draws nothing itself
            pass
        finally:
            painter.restore()


class DataExporter(CSVExporter):
    """pyqtgraph's CSV of a plot's data, with a message instead of a traceback when it cannot be written."""

    def export(self, fileName=None):
        if not isinstance(self.item, pg.PlotItem):
            QMessageBox.information(QApplication.activeWindow(), translate("Export", "Export"),
                                    translate("Export", "Choose a plot in the list to export its data as CSV."))
            return
        try:
            super().export(fileName)
        except OSError as e:
            _failed(fileName, e.strerror or str(e))


def use_exporters() -> None:
    """The export dialog's formats: PNG with a scale, SVG and CSV (the others need packages that
    mlpviz does not install, or print)."""
    Exporter.Exporters[:] = [PngExporter, SvgExporter, DataExporter]


def save_png(item, path: str | Path, scale: int = DEFAULT_SCALE) -> Path:
    """A plot (a PlotItem, a ViewBox or a whole GraphicsLayout) as a PNG at scale × its size on screen."""
    exporter = PngExporter(item)
    exporter.set_scale(scale)
    with _drawn_anew(exporter.getPaintItems()):
        done = ImageExporter.export(exporter, str(path))
    if not done:
        raise OSError(f"{path}: the image could not be saved there")
    return Path(path)


def save_svg(item, path: str | Path) -> Path:
    """A plot as SVG, in pixels of its size on screen."""
    Path(path).write_bytes(SvgExporter(item).svg())
    return Path(path)


def save_csv(plot: pg.PlotItem, path: str | Path) -> Path:
    """A plot's curves as CSV: an x and a y column per curve, named after the curve."""
    CSVExporter(plot).export(str(path))
    return Path(path)


# The right click -----------------------------------------------------------------------------

def _target(scene, pos):
    """The plot (PlotItem), else the picture (ViewBox), else any item, under a scene position."""
    found = None
    for item in scene.items(pos):
        while item is not None:
            if isinstance(item, pg.PlotItem):
                return item
            if isinstance(item, pg.ViewBox) and found is None:
                found = item
            item = item.parentItem()
    return found


class ExportMenu(QObject):
    """Right click on a pyqtgraph view: Export…, pyqtgraph's dialog opened on the plot clicked.
    Where a view left pyqtgraph's own menu on (a ViewBox with its menu enabled), that menu has
    Export… already and this one stays away."""

    def __init__(self, view: pg.GraphicsView):
        super().__init__(view)
        self.view = view
        view.viewport().installEventFilter(self)

    def eventFilter(self, obj, event) -> bool:
        if event.type() != QEvent.Type.ContextMenu:
            return False
        scene = self.view.scene()
        item = _target(scene, self.view.mapToScene(event.pos()))
        box = item.getViewBox() if isinstance(item, pg.PlotItem) else item
        if isinstance(box, pg.ViewBox) and box.menuEnabled():
            return False
        menu = QMenu(self.view)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        action = menu.addAction(translate("Export", "Export…"))
        action.setToolTip(translate("Export", "Save this plot as a PNG (1×, 2× or 3× its size), an SVG or, "
                                              "for a plot, its data as CSV"))
        action.triggered.connect(lambda: self.open_dialog(item))
        menu.popup(event.globalPos())
        return True

    def open_dialog(self, item) -> ExportDialog:
        """pyqtgraph's export dialog, on `item` (None: the whole view)."""
        scene = self.view.scene()
        use_exporters()
        if scene.exportDialog is None:
            scene.exportDialog = ExportDialog(scene)
            scene.exportDialog.setParent(self.view.window(), Qt.WindowType.Tool)
            scene.exportDialog.setWindowTitle(translate("Export", "Export"))
        scene.exportDialog.show(item if item is not None else self.view.centralWidget)
        return scene.exportDialog


def add_export_menus(root: QWidget) -> list[ExportMenu]:
    """Give every pyqtgraph view in root (root too, if it is one) the Export… right-click menu."""
    views = root.findChildren(pg.GraphicsView) + ([root] if isinstance(root, pg.GraphicsView) else [])
    return [ExportMenu(view) for view in views]


# File > Export figures -----------------------------------------------------------------------

@dataclass(frozen=True)
class Figure:
    name: str  # the PNG's file name without .png
    title: str
    widget: QWidget
    tab: int | None  # the tab to show while it is drawn; None: always shown


def _slug(widget: QWidget) -> str:
    name = type(widget).__name__
    return (name[:-4] if name.endswith("View") and len(name) > 4 else name).lower()


def figures(window) -> list[Figure]:
    """The window's views in the order of the tabs, then those beside them: a tab holding a
    splitter gives one figure per part (the Training tab: the curves, the weights)."""
    found: list[Figure] = []
    tabs = window.tabs
    for i in range(tabs.count()):
        page, title = tabs.widget(i), tabs.tabText(i).replace("&", "")
        parts = [page.widget(j) for j in range(page.count())] if isinstance(page, QSplitter) else [page]
        for part in parts:
            key = type(part).__name__
            found.append(Figure(_slug(part), translate("Export", TITLES[key]) if key in TITLES and len(parts) > 1
                                else title, part, i))
    for name in SIDE_VIEWS:
        view = getattr(window, name, None)
        if view is not None:
            key = type(view).__name__
            found.append(Figure(_slug(view), translate("Export", TITLES.get(key, key)), view, None))
    seen: dict[str, int] = {}
    unique = []
    for f in found:  # two views of one class would share a file name
        seen[f.name] = seen.get(f.name, 0) + 1
        unique.append(f if seen[f.name] == 1 else Figure(f"{f.name}-{seen[f.name]}", f.title, f.widget, f.tab))
    return unique


def render(widget: QWidget, scale: int) -> QImage:
    """The widget as it is on screen, drawn at scale × its size (text and lines drawn anew, not enlarged)."""
    _laid_out()
    size = widget.size()
    image = QImage(QSize(size.width() * scale, size.height() * scale), QImage.Format.Format_ARGB32)
    image.setDevicePixelRatio(scale)
    image.fill(widget.palette().window().color())
    views = widget.findChildren(pg.GraphicsView) + ([widget] if isinstance(widget, pg.GraphicsView) else [])
    with _drawn_anew([item for view in views for item in view.scene().items()]):
        widget.render(image)
    return image


def writable(folder: Path) -> str | None:
    """Why files cannot be written into folder (created if missing), or None if they can."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, prefix=".mlpviz-"):
            pass
    except OSError as e:
        return e.strerror or str(e)
    return None


def _busy(widget: QWidget) -> bool:
    """A view in widget says its figures are still being computed (the Evaluate view's `busy`)."""
    return any(getattr(v, "busy", False) is True for v in [widget, *widget.findChildren(View)])


def _settle(widget: QWidget, go_on) -> bool:
    """Wait, up to SETTLE_SECONDS, for the views in widget to finish what they compute, so that the
    figure shows the results and not "Evaluating…"; go_on() is asked now and then (False: stop)."""
    deadline = time.monotonic() + SETTLE_SECONDS
    while _busy(widget) and time.monotonic() < deadline:
        if not go_on():
            return False
        loop = QEventLoop()
        QTimer.singleShot(50, loop.quit)
        loop.exec()  # the jobs' results arrive through the event loop
    return True


def write_figures(window, folder: str | Path, scale: int, progress=None) -> Path | None:
    """Every view of window as NAME.png at scale × its size in folder, and index.html showing them;
    returns index.html's path. progress(done, total, title) is called before each view and while
    waiting for one, and may return False to stop (then None is returned and no index is written).
    Tabs are shown in turn while their view is drawn (a hidden view draws nothing new), then the
    tab shown before is back."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    shown = figures(window)
    tabs = window.tabs
    before = tabs.currentIndex()
    written: list[tuple[Figure, QSize]] = []
    try:
        for k, figure in enumerate(shown):
            def go_on(k=k, title=figure.title) -> bool:
                return progress is None or progress(k, len(shown), title) is not False

            if not go_on():
                return None
            if figure.tab is not None and tabs.currentIndex() != figure.tab:
                tabs.setCurrentIndex(figure.tab)
                for _ in range(3):  # the view catches up with the run and lays itself out
                    QApplication.processEvents()
            window.session.flush()  # every view with the latest snapshot, not waiting for its turn
            if not _settle(figure.widget, go_on):
                return None
            if figure.widget.width() < 2 or figure.widget.height() < 2:
                continue  # a panel folded away
            path = folder / f"{figure.name}.png"
            if not render(figure.widget, scale).save(str(path)):
                raise OSError(f"{path}: the image could not be saved there")
            written.append((figure, figure.widget.size()))
    finally:
        tabs.setCurrentIndex(before)
    if progress is not None:
        progress(len(shown), len(shown), "")
    index = folder / INDEX
    index.write_text(_index_html(written, scale), encoding="utf-8")
    return index


def planned_files(window) -> list[str]:
    """The files write_figures writes, index.html first."""
    return [INDEX] + [f"{f.name}.png" for f in figures(window)]


def _index_html(written: list[tuple[Figure, QSize]], scale: int) -> str:
    e = html.escape
    from PySide6.QtCore import QDateTime, QLocale
    lang = "ko" if QLocale().language() == QLocale.Language.Korean else "en"
    heading = translate("Export", "mlpviz figures")
    when = QDateTime.currentDateTime().toString("yyyy-MM-dd HH:mm")
    intro = arg(translate("Export", "Each view as it was shown on %1, saved at %2× its size on screen."), when, scale)
    body = "\n".join(f'<h2>{e(f.title)}</h2>\n<img src="{e(f.name)}.png" width="{size.width()}" '
                     f'height="{size.height()}" alt="{e(f.title)}">' for f, size in written)
    return f"""<!DOCTYPE html>
<html lang="{lang}"><head><meta charset="utf-8"><title>{e(heading)}</title>
<style>body{{font-family:sans-serif;max-width:1400px;margin:2em auto;line-height:1.4}}
img{{max-width:100%;height:auto;border:1px solid #eee}}</style></head><body>
<h1>{e(heading)}</h1>
<p>{e(intro)}</p>
{body}
</body></html>
"""


class FiguresDialog(QDialog):
    """Where to write the figures and at what scale."""

    def __init__(self, parent: QWidget | None, folder: str, scale: int):
        super().__init__(parent)
        self.setWindowTitle(translate("Export", "Export figures"))
        self.folder = QLineEdit(folder)
        self.folder.setMinimumWidth(360)
        choose = QPushButton(translate("Export", "Choose…"))
        choose.clicked.connect(self._choose)
        row = QHBoxLayout()
        row.addWidget(self.folder, 1)
        row.addWidget(choose)
        self.scale = QComboBox()
        for s in SCALES:
            self.scale.addItem(f"{s}×", s)
        self.scale.setCurrentIndex(self.scale.findData(scale if scale in SCALES else DEFAULT_SCALE))
        self.scale.setToolTip(translate("Export", "Each view's size on screen times this: 2× suits slides"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(translate("Export", "Folder:"), row)
        form.addRow(translate("Export", "Scale:"), self.scale)
        form.addRow(buttons)

    def _choose(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, translate("Export", "Folder for the figures"),
                                                  self.folder.text())
        if chosen:
            self.folder.setText(chosen)


def export_figures(window, settings, folder: str | None = None, scale: int | None = None) -> Path | None:
    """File > Export figures…: ask for a folder and a scale (unless given), refuse a folder that
    cannot be written, ask before replacing files, write with a progress dialog. Returns index.html's
    path, or None if nothing was written."""
    if folder is None:
        dialog = FiguresDialog(window, str(settings.value(FOLDER_SETTING, "") or Path.home() / "mlpviz-figures"),
                               int(settings.value(SCALE_SETTING, DEFAULT_SCALE) or DEFAULT_SCALE))
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.folder.text().strip():
            return None
        folder, scale = dialog.folder.text().strip(), dialog.scale.currentData()
    scale = scale or DEFAULT_SCALE
    where = Path(folder).expanduser()
    why = writable(where)
    title = translate("Export", "Export figures")
    if why is not None:
        QMessageBox.warning(window, title, arg(translate("Export", "Cannot write into %1: %2"), where, why))
        return None
    existing = [name for name in planned_files(window) if (where / name).exists()]
    if existing:
        listed = ", ".join(existing[:6]) + (", …" if len(existing) > 6 else "")
        answer = QMessageBox.question(
            window, title, arg(translate("Export", "%1 already holds %2 of these files: %3. Replace them?"),
                               where, len(existing), listed),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return None
    settings.setValue(FOLDER_SETTING, str(where))
    settings.setValue(SCALE_SETTING, scale)
    bar = QProgressDialog(translate("Export", "Drawing the views…"), translate("Export", "Cancel"), 0, 1, window)
    bar.setWindowTitle(title)
    bar.setWindowModality(Qt.WindowModality.WindowModal)
    bar.setMinimumDuration(0)

    def progress(done: int, total: int, what: str) -> bool:
        bar.setMaximum(total)
        bar.setValue(done)
        if what:
            bar.setLabelText(arg(translate("Export", "Drawing %1…"), what))
        return not bar.wasCanceled()

    try:
        index = write_figures(window, where, scale, progress)
    except OSError as e:
        QMessageBox.warning(window, title, arg(translate("Export", "Cannot write into %1: %2"), where,
                                               e.strerror or str(e)))
        return None
    finally:
        bar.close()
    if index is not None and hasattr(window, "statusBar"):
        window.statusBar().showMessage(arg(translate("Export", "Saved the figures and %1 in %2"), INDEX, where), 10000)
    return index
