"""Figures for slides: a plot's PNG at a scale, an SVG whose data stays on its axes, its data as CSV,
the right-click Export… on every plot, and File > Export figures."""
import csv
import re

import numpy as np
import pyqtgraph as pg
import pytest
from drive import snapshot_of
from PySide6.QtCore import QEvent, QSize
from PySide6.QtGui import QColor, QContextMenuEvent, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QFileDialog, QMenu, QMessageBox

from mlpviz.gui import export, style


def two_runs(view, small) -> None:
    """Two runs of two epochs on 1,000 images published to the view's session, the second current."""
    from mlpviz.core.config import Config
    from mlpviz.core.data import Dataset
    from mlpviz.core.trainer import Trainer
    data = Dataset(small.x_train[:1000], small.y_train[:1000], small.x_test[:300], small.y_test[:300],
                   small.image_shape, "tiny")
    for run_id, config in ((1, Config(hidden=(16,), lr=0.1, epochs=2.0, steps=None)),
                           (2, Config(hidden=(32,), lr=0.01, epochs=2.0, steps=None))):
        view.session.set_run_config(config, 1000)
        trainer = Trainer.from_config(config, data, train_eval_limit=200)
        delivered = 0
        while trainer.step_count < 2 * trainer.steps_per_epoch:
            trainer.step(5)
            view.session.publish(snapshot_of(trainer, delivered, run_id))
            delivered = len(trainer.losses)
        view.session.publish(snapshot_of(trainer, delivered, run_id, state="paused"))


def pixels(image: QImage) -> np.ndarray:
    """(h, w, 3) RGB of an image."""
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    a = np.frombuffer(image.constBits(), np.uint8).reshape(image.height(), image.bytesPerLine() // 4, 4)
    return a[:, :image.width(), 2::-1].astype(int)


def svg_image(path, size: QSize) -> np.ndarray:
    """The SVG as Qt's own renderer draws it into an image of `size`."""
    renderer = QSvgRenderer(str(path))
    assert renderer.isValid()
    image = QImage(size, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    return pixels(image)


def longest_run(mask: np.ndarray) -> tuple[int, int, int]:
    """(length, start, index of the row) of the longest run of True along the rows of a 2-D mask."""
    best = (0, 0, 0)
    for r, row in enumerate(mask):
        edges = np.flatnonzero(np.diff(np.concatenate([[0], row.astype(np.int8), [0]])))
        for start, end in zip(edges[::2], edges[1::2]):
            best = max(best, (end - start, start, r))
    return best


def axes_box(rgb: np.ndarray) -> tuple[int, int, int, int]:
    """(left, top, right, bottom) of the axes as drawn: the longest dark horizontal line (the x
    axis) and the longest dark vertical line (the y axis)."""
    dark = (rgb.max(axis=2) < 200) & (np.ptp(rgb, axis=2) < 20)  # grey: an axis, not a curve
    length, left, bottom = longest_run(dark)
    height, top, x = longest_run(dark.T)
    return min(left, x), top, left + length - 1, bottom


def coloured(rgb: np.ndarray, colour: str, tolerance: int = 40) -> np.ndarray:
    """(row, column) of the pixels close to colour."""
    c = QColor(colour)
    return np.argwhere(np.abs(rgb - [c.red(), c.green(), c.blue()]).sum(axis=2) < tolerance)


def assert_inside_axes(rgb: np.ndarray, colour: str, span: float = 0.7) -> None:
    left, top, right, bottom = axes_box(rgb)
    points = coloured(rgb, colour)
    assert len(points) > 50 and right - left > 100 and bottom - top > 50
    (y0, x0), (y1, x1) = points.min(axis=0), points.max(axis=0)
    assert left - 2 <= x0 and x1 <= right + 2 and top - 2 <= y0 and y1 <= bottom + 2, \
        f"data at x {x0}..{x1}, y {y0}..{y1}; axes x {left}..{right}, y {top}..{bottom}"
    assert x1 - x0 > span * (right - left)  # the data spans the axes, not a corner of them


@pytest.fixture
def line_plot(qtbot):
    """A plot widget of the app's style with one thick green line from (0, 0) to (10, 1)."""
    style.configure()
    w = style.plot_widget("A line", "y", "x")
    w.plotItem.addLegend(offset=(-10, 10), labelTextSize="8pt")
    w.plot(np.linspace(0, 10, 50), np.linspace(0, 1, 50) ** 2, pen=pg.mkPen("#00c000", width=3), name="squares")
    w.resize(500, 360)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def test_a_plot_exported_as_png_at_2x_is_twice_its_size(line_plot, tmp_path):
    item = line_plot.plotItem
    size = item.sceneBoundingRect()
    path = export.save_png(item, tmp_path / "plot.png", 2)
    image = QImage(str(path))
    assert (image.width(), image.height()) == (round(2 * size.width()), round(2 * size.height()))
    assert len(coloured(pixels(image), "#00c000")) > 4 * 50  # the line drawn at twice the width too
    one = QImage(str(export.save_png(item, tmp_path / "one.png", 1)))
    assert (one.width(), one.height()) == (round(size.width()), round(size.height()))


def test_a_plot_exported_as_svg_keeps_its_data_on_its_axes(line_plot, tmp_path):
    path = export.save_svg(line_plot.plotItem, tmp_path / "plot.svg")
    renderer = QSvgRenderer(str(path))
    size = line_plot.plotItem.sceneBoundingRect().size().toSize()
    assert renderer.defaultSize() == size  # in pixels, not millimetres at some resolution
    assert_inside_axes(svg_image(path, size), "#00c000")


def test_a_zoomed_plot_exported_as_svg_is_cut_at_its_axes(line_plot, tmp_path):
    """Qt's SVG generator drops clipping and its renderer ignores clip paths: the line, which goes
    on past the range shown, must be cut in the drawing itself."""
    line_plot.setXRange(2, 5, padding=0)
    line_plot.setYRange(0.1, 0.2, padding=0)
    path = export.save_svg(line_plot.plotItem, tmp_path / "zoomed.svg")
    assert_inside_axes(svg_image(path, line_plot.plotItem.sceneBoundingRect().size().toSize()), "#00c000", 0.3)
    assert "<image" not in path.read_text()  # the line is still a vector path


def test_a_plot_exported_as_csv_holds_its_data(line_plot, tmp_path):
    path = export.save_csv(line_plot.plotItem, tmp_path / "plot.csv")
    rows = list(csv.reader(path.open()))
    assert rows[0] == ["squares_x", "squares_y"]
    data = np.array(rows[1:], float)
    np.testing.assert_allclose(data[:, 0], np.linspace(0, 10, 50))
    np.testing.assert_allclose(data[:, 1], np.linspace(0, 1, 50) ** 2)


def test_runs_exported_as_svg_draw_the_data_on_the_axes(make_view, small, tmp_path, monkeypatch):
    """Issue 26: the runs' SVG drew the loss below its 0 line and past the x axis' end."""
    from mlpviz.gui.views.runs import RunsView
    view = make_view(RunsView, 900, 600)
    two_runs(view, small)
    target = tmp_path / "runs.svg"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    view.image_button.click()
    size = view.graphics.ci.sceneBoundingRect().size().toSize()
    rgb = svg_image(target, size)
    loss = rgb[: size.height() // 2]  # the loss plot is the upper half
    assert_inside_axes(loss, pg.mkPen(view.current_loss.opts["pen"]).color().name())


def ink_height(rgb: np.ndarray) -> int:
    rows = np.flatnonzero(((rgb.max(axis=2) < 150) & (np.ptp(rgb, axis=2) < 20)).any(axis=1))
    return int(rows[-1] - rows[0] + 1) if len(rows) else 0


def test_the_legend_is_drawn_at_the_export_scale(line_plot, tmp_path):
    """A legend keeps its size on screen when a plot is zoomed (it ignores the view's scale): at 2×
    it was drawn at half the size of the rest."""
    item, legend = line_plot.plotItem, line_plot.plotItem.legend
    r = legend.sceneBoundingRect().translated(-item.sceneBoundingRect().topLeft())
    heights = []
    for scale in (1, 2):
        rgb = pixels(QImage(str(export.save_png(item, tmp_path / f"p{scale}.png", scale))))
        heights.append(ink_height(rgb[int(r.top() * scale):int(r.bottom() * scale),
                                      int(r.left() * scale):int(r.right() * scale)]))
    assert heights[0] > 5 and heights[1] >= 1.7 * heights[0]
    assert legend.flags() & legend.GraphicsItemFlag.ItemIgnoresTransformations  # as it was on screen


def test_a_right_click_on_a_plot_opens_the_export_dialog_on_it(line_plot, qtbot):
    export.add_export_menus(line_plot)
    viewport = line_plot.viewport()
    centre = viewport.rect().center()
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, centre, viewport.mapToGlobal(centre))
    assert QEvent.Type.ContextMenu == event.type()
    from PySide6.QtWidgets import QApplication
    QApplication.sendEvent(viewport, event)
    menu = line_plot.findChildren(QMenu)[-1]
    [action] = menu.actions()
    assert action.text() == "Export…"
    action.trigger()
    dialog = line_plot.scene().exportDialog
    qtbot.waitUntil(dialog.isVisible)
    assert dialog.ui.itemTree.currentItem().gitem is line_plot.plotItem  # the plot clicked
    formats = [dialog.ui.formatList.item(i).expClass for i in range(dialog.ui.formatList.count())]
    assert formats == [export.PngExporter, export.SvgExporter, export.DataExporter]
    png = dialog.currentExporter
    assert isinstance(png, export.PngExporter) and png.params["scale"] == export.DEFAULT_SCALE
    assert png.params["width"] == round(2 * line_plot.plotItem.sceneBoundingRect().width())
    png.params["scale"] = 3
    assert png.params["width"] == round(3 * line_plot.plotItem.sceneBoundingRect().width())
    dialog.close()
    menu.close()


def export_action(window):
    from PySide6.QtGui import QAction
    [action] = [a for a in window.findChildren(QAction) if a.text() == "&Export figures..."]
    return action


def test_file_export_figures_writes_every_view_and_an_index(window, qtbot, tmp_path, monkeypatch):
    from mlpviz.gui.views.curves import CurvesView
    window.step_epoch()
    qtbot.waitUntil(lambda: window.latest is not None and window.latest.step >= 10, timeout=15000)
    folder = tmp_path / "figures"

    def chosen(dialog):
        dialog.folder.setText(str(folder))
        dialog.scale.setCurrentIndex(dialog.scale.findData(1))
        return dialog.DialogCode.Accepted

    monkeypatch.setattr(export.FiguresDialog, "exec", chosen)
    shown = window.tabs.currentIndex()
    export_action(window).trigger()
    made = export.figures(window)
    names = [f.name for f in made]
    assert {"curves", "weights", "inside", "evaluate", "runs", "input", "activations", "timeline"} <= set(names)
    assert len(set(names)) == len(names) >= window.tabs.count() + 3
    assert sorted(p.name for p in folder.iterdir()) == sorted([f"{n}.png" for n in names] + ["index.html"])
    page = (folder / "index.html").read_text(encoding="utf-8")
    for f in made:
        # the view's size as it was drawn (a tab with a wider minimum widens the tabs while shown)
        size = re.search(f'<img src="{f.name}.png" width="(\\d+)" height="(\\d+)"', page)
        assert size and f"<h2>{f.title}</h2>" in page
        image = QImage(str(folder / f"{f.name}.png"))
        assert (image.width(), image.height()) == tuple(map(int, size.groups()))
        assert abs(image.width() - f.widget.width()) < 50 and image.height() > 50
    assert window.tabs.currentIndex() == shown  # the tab shown before is back
    # Every plot and picture of the window has the right-click Export…
    menus = {m.view for m in window.findChildren(export.ExportMenu)}
    assert {window.curves.loss_plot, window.curves.acc_plot, window.runs.graphics, window.weights.view} <= menus
    curves = next(f for f in made if isinstance(f.widget, CurvesView))
    assert curves.title == "Training curves"
    rgb = pixels(QImage(str(folder / "curves.png")))
    assert len(coloured(rgb, style.LOSS_SMOOTH)) > 50  # the loss curve is in it


def test_export_figures_at_2x_asks_before_replacing_and_refuses_an_unwritable_folder(window, tmp_path,
                                                                                     monkeypatch):
    asked, warned = [], []
    cancel = QMessageBox.StandardButton.Cancel
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or cancel)
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: warned.append(a[2]))
    folder = tmp_path / "figs"
    index = export.export_figures(window, window.settings, str(folder), 2)
    assert index == folder / "index.html" and not asked and not warned
    image = QImage(str(folder / "timeline.png"))
    assert (image.width(), image.height()) == (2 * window.timeline.width(), 2 * window.timeline.height())
    before = {p.name: p.stat().st_mtime_ns for p in folder.iterdir()}
    assert export.export_figures(window, window.settings, str(folder), 2) is None  # answered Cancel
    assert asked and "index.html" in asked[0] and "Replace" in asked[0]
    assert {p.name: p.stat().st_mtime_ns for p in folder.iterdir()} == before  # nothing overwritten
    (tmp_path / "a-file").write_text("")
    assert export.export_figures(window, window.settings, str(tmp_path / "a-file" / "figs"), 2) is None
    assert len(warned) == 1 and "Cannot write into" in warned[0] and "a-file" in warned[0]
