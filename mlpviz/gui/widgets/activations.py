"""What the network does with one input: every hidden layer's activations, then the ten
output probabilities with the prediction highlighted."""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from ...core.model import MLP
from .. import style
from .weights import mosaic_layout

# Where each activation's values lie, for a colour scale that means the same at every step.
RANGES = {"sigmoid": (0.0, 1.0), "tanh": (-1.0, 1.0)}


def grid(values: np.ndarray) -> np.ndarray:
    """A vector of activations -> a 2-D grid twice as wide as tall (NaN padding), for a heat map."""
    n = len(values)
    rows, cols = mosaic_layout(n, wide=2.0)
    out = np.full(rows * cols, np.nan, np.float32)
    out[:n] = values
    return out.reshape(rows, cols)


class ActivationsPanel(QWidget):
    """Heat maps of the hidden layers and a bar chart of the output probabilities."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.caption = QLabel("Draw a digit or pick a test image.")
        self.caption.setWordWrap(True)
        self.layers_view = pg.GraphicsLayoutWidget()
        self.layers_view.setMinimumHeight(110)
        self.layers_view.setToolTip("Activations of each hidden layer for the current input, one cell per "
                                    "unit (left to right, top to bottom). Bright: strongly active.")
        self.bars_plot = style.plot_widget("Output: probability of each digit", "probability", "digit")
        self.bars_plot.setYRange(0, 1, padding=0.02)
        self.bars_plot.setXRange(-0.6, 9.6, padding=0)
        self.bars_plot.getAxis("bottom").setTicks([[(d, str(d)) for d in range(10)]])
        self.bars_plot.setMouseEnabled(x=False, y=False)
        self.bars = pg.BarGraphItem(x=np.arange(10), height=np.zeros(10), width=0.7, brush=style.BAR)
        self.bars_plot.addItem(self.bars)
        self.cmap = pg.colormap.get(style.ACTIVATION_CMAP)
        self._layout = layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.caption)
        layout.addWidget(self.layers_view, 2)
        layout.addWidget(self.bars_plot, 3)
        self._images: list[pg.ImageItem] = []
        self._signature: tuple = ()

    def _rebuild(self, model: MLP) -> None:
        self.layers_view.clear()
        self._images = []
        for i, n in enumerate(model.sizes[1:-1], 1):
            label = self.layers_view.addLabel(f"hidden {i}: {n} units, {model.activation.name}", size="8pt")
            label.setMaximumHeight(18)
            self.layers_view.nextRow()
            box = self.layers_view.addViewBox(lockAspect=True, invertY=True, enableMouse=False)
            img = pg.ImageItem()
            img.setColorMap(self.cmap)
            box.addItem(img)
            self._images.append(img)
            self.layers_view.nextRow()
        if not self._images:
            self.layers_view.addLabel("no hidden layers: the inputs go straight to the softmax", size="8pt")
        self._layout.setStretchFactor(self.layers_view, 2 * max(1, len(self._images)))

    def clear(self) -> None:
        self.bars.setOpts(height=np.zeros(10), brushes=[style.BAR] * 10)
        for img in self._images:
            img.clear()

    def show(self, model: MLP, x: np.ndarray | None, source: str) -> np.ndarray | None:
        """Run model on x (n_in,) in [0, 1] and show every layer; returns the probabilities."""
        signature = (model.sizes, model.activation.name)
        if signature != self._signature:
            self._signature = signature
            self._rebuild(model)
        if x is None:
            self.caption.setText(source)
            self.clear()
            return None
        with np.errstate(all="ignore"):  # a diverged network has infinite weights: show, don't warn
            acts = model.forward(np.asarray(x, model.dtype).reshape(1, -1), keep=True)
        levels = RANGES.get(model.activation.name)
        for img, a in zip(self._images, acts[1:-1]):
            g = grid(a[0])
            finite = g[np.isfinite(g)]
            lv = levels or (0.0, max(float(finite.max()) if finite.size else 0.0, 1e-6))
            img.setImage(g, levels=lv)
        p = acts[-1][0]
        best = int(p.argmax())
        brushes = [style.BAR] * len(p)
        brushes[best] = style.ACCENT
        self.bars.setOpts(x=np.arange(len(p)), height=p, brushes=brushes)
        self.caption.setText(f"{source}: the network reads <b>{best}</b> ({100 * p[best]:.0f}%)")
        return p
