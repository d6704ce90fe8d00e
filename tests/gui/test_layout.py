"""The window at its smallest (1024x680: what a 1.5x zoom leaves of a 1536x1020 screen) cuts nothing,
and View > Zoom scales the app's text and is remembered."""
import pyqtgraph as pg
import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QLabel, QScrollArea, QWidget

from mlpviz.gui import style

PLOT_PX = 120  # a plot lower than this shows its axes and title and next to nothing of its data


def _in_scroll_area(widget: QWidget) -> bool:
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def _shown(widget: QWidget, root: QWidget) -> bool:
    return widget.isVisibleTo(root) and widget.width() > 0 and widget.height() > 0


def problems(window, tab: QWidget) -> list[str]:
    """What is cut in the window while `tab` is shown: a widget smaller than its minimum size hint
    (outside a scroll area), a plot under PLOT_PX, a one-line label wider than its room."""
    found = []
    for w in [tab, *tab.findChildren(QWidget)]:
        if not _shown(w, window) or w.objectName().startswith("qt_"):
            continue  # (qt_: a spin box's or scroll area's own parts)
        name = f"{type(w).__name__} {w.objectName() or ''}".strip()
        scrolled = _in_scroll_area(w)
        if (isinstance(w, pg.PlotWidget if scrolled else pg.GraphicsView)  # a plot scrolls, it is not squeezed
                and w.height() < PLOT_PX and w.minimumHeight() < PLOT_PX):
            found.append(f"{name}: a plot {w.height()} px high")
        if isinstance(w, pg.GraphicsView) and w.isVisibleTo(window):
            # pyqtgraph lays a plot out at least as wide as its items' least widths (a long title's,
            # a legend's) and the view cuts what is wider than itself.
            central = w.centralWidget if hasattr(w, "centralWidget") else None
            least = central.minimumWidth() if central is not None else 0
            if least > w.viewport().width() + 1:
                found.append(f"{name}: its plots need {least:.0f} px, cut at {w.viewport().width()}")
        if (isinstance(w, QScrollArea) and w.widget() is not None
                and w.horizontalScrollBarPolicy() == Qt.ScrollBarPolicy.ScrollBarAlwaysOff
                and w.widget().width() > w.viewport().width() + 1):
            found.append(f"{name}: its content is {w.widget().width()} px wide, cut at {w.viewport().width()}")
        if scrolled:
            continue  # the scroll area gives it its minimum size
        hint = w.minimumSizeHint()
        policy = w.sizePolicy()
        fixed = w.minimumSize() == w.maximumSize()  # its size is its owner's choice
        if (hint.height() > w.height() + 1 and policy.verticalPolicy().name != "Ignored"
                and not isinstance(w, QAbstractScrollArea) and not fixed):
            found.append(f"{name}: {w.height()} px high, needs {hint.height()}")
        if (hint.width() > w.width() + 1 and policy.horizontalPolicy().name != "Ignored"
                and not isinstance(w, QAbstractScrollArea) and not fixed):
            found.append(f"{name}: {w.width()} px wide, needs {hint.width()}")
        if isinstance(w, QLabel) and not w.wordWrap() and w.text() and "<" not in w.text():
            wide = w.fontMetrics().horizontalAdvance(w.text())
            if wide > w.contentsRect().width() + 2:
                found.append(f"{name} {w.text()[:40]!r}: text {wide} px in {w.contentsRect().width()}")
    return found


@pytest.mark.parametrize("size, zoom", [((1024, 680), 1.0), ((1280, 800), 1.0), ((1600, 1000), 1.5)])
def test_every_tab_fits_the_smallest_window(qtbot, window, size, zoom):
    """At 1024x680 and 1280x800, and in presenter mode's zoom on a 1600x1000 screen."""
    window.resize(*size)
    qtbot.waitUntil(lambda: (window.width(), window.height()) == size, timeout=5000)
    window.zoom.set(zoom, remember=False)  # as F11 does: on a window already laid out
    try:
        report = {}
        for i in range(window.tabs.count()):
            window.tabs.setCurrentIndex(i)
            QApplication.processEvents()
            QApplication.processEvents()
            found = problems(window, window.tabs.widget(i))
            if found:
                report[window.tabs.tabText(i)] = found
        outside = (problems(window, window.controls) + problems(window, window.right)
                   + problems(window, window.timeline))
    finally:
        window.zoom.set(1.0, remember=False)  # the zoom is the app's, not the window's
    if outside:
        report["around the tabs"] = outside
    assert report == {}, "\n".join(f"{tab}: {p}" for tab, found in report.items() for p in found)


def test_zoom_scales_the_font_and_is_remembered(qtbot, make_window, small, tmp_path):
    window = make_window(small)
    base = QApplication.font().pointSizeF()
    title = window.curves.loss_plot.getPlotItem().titleLabel
    try:
        qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)  # Ctrl+=
        qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
        assert style.ZOOM == pytest.approx(1.2)
        assert QApplication.font().pointSizeF() == pytest.approx(base * 1.2)
        qtbot.waitUntil(lambda: window.controls.start.font().pointSizeF() == pytest.approx(base * 1.2))
        assert title.opts["size"] == style.pt(10) == "12pt"
        qtbot.keyClick(window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
        assert style.ZOOM == pytest.approx(1.1)
        window.close()
        assert QSettings(str(tmp_path / "settings0.ini"), QSettings.Format.IniFormat).value("zoom") is not None

        again = make_window(small)  # the next launch: settings0's zoom
        again.remembered.settings = QSettings(str(tmp_path / "settings0.ini"), QSettings.Format.IniFormat)
        again.zoom.settings = again.remembered.settings
        again.zoom.restore()
        assert style.ZOOM == pytest.approx(1.1)
        qtbot.keyClick(again, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)  # Ctrl+0
        assert style.ZOOM == 1.0 and QApplication.font().pointSizeF() == pytest.approx(base)
    finally:
        window.zoom.set(1.0, remember=False)


def test_presenter_mode_zooms_and_goes_back(qtbot, window):
    hints_hidden = window.hints.isHidden()
    try:
        window.zoom.toggle_presenter()
        assert style.ZOOM == pytest.approx(1.5) and window.zoom.presenting
        assert window.hints.isHidden() == hints_hidden and window.whats_this_action.isEnabled()
        window.zoom.toggle_presenter()
        assert style.ZOOM == 1.0 and not window.zoom.presenting
    finally:
        window.zoom.set(1.0, remember=False)
