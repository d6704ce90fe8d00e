"""Colours and pyqtgraph settings shared by every panel."""
import pyqtgraph as pg

TRAIN = "#1f77b4"
TEST = "#d62728"
ACCENT = "#ff7f0e"
LOSS_RAW = (31, 119, 180, 60)
LOSS_SMOOTH = "#1f4e79"
BAR = "#9ab8d8"
WEIGHTS_CMAP = "CET-D1"  # diverging blue-white-red: negative, zero, positive weights
ACTIVATION_CMAP = "viridis"


def configure() -> None:
    pg.setConfigOptions(antialias=False, imageAxisOrder="row-major", background="w", foreground="#333")


def plot_widget(title: str, left: str, bottom: str) -> pg.PlotWidget:
    """A white plot with a title and labelled axes."""
    w = pg.PlotWidget()
    w.setTitle(title, size="10pt")
    w.setLabel("left", left)
    w.setLabel("bottom", bottom)
    w.setMenuEnabled(False)
    for axis in ("left", "bottom"):
        w.getAxis(axis).enableAutoSIPrefix(False)  # "epoch (x0.001)" would confuse more than help
    return w
