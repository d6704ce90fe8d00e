"""What the Evaluate view's panels share: the damages' names, the layers' names, the confusion
colours, a clickable image, a progress bar that keeps its place, the greying of out-of-date figures.

Every text of the panels is translated in the "EvaluateView" context: the view is one to the user.
"""
from __future__ import annotations

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import QGraphicsOpacityEffect, QProgressBar, QWidget

from ....core import evaluation as E
from ... import style
from ...i18n import arg

DAMAGE_COLOURS = dict(zip(E.DAMAGES, style.DIGIT_COLOURS))
# The damages' keys (evaluation.DAMAGES) and how the user reads them and their levels.
DAMAGE_NAMES = {"noise": QT_TRANSLATE_NOOP("EvaluateView", "noise"),
                "rotation": QT_TRANSLATE_NOOP("EvaluateView", "rotation"),
                "shift": QT_TRANSLATE_NOOP("EvaluateView", "shift"),
                "thin": QT_TRANSLATE_NOOP("EvaluateView", "thin"),
                "thick": QT_TRANSLATE_NOOP("EvaluateView", "thick"),
                "occlusion": QT_TRANSLATE_NOOP("EvaluateView", "occlusion")}
DAMAGE_UNITS = {"noise": QT_TRANSLATE_NOOP("EvaluateView", "noise std"),
                "rotation": QT_TRANSLATE_NOOP("EvaluateView", "degrees"),
                "shift": QT_TRANSLATE_NOOP("EvaluateView", "pixels"),
                "thin": QT_TRANSLATE_NOOP("EvaluateView", "erosion steps"),
                "thick": QT_TRANSLATE_NOOP("EvaluateView", "dilation steps"),
                "occlusion": QT_TRANSLATE_NOOP("EvaluateView", "square side (pixels)")}

FADED_OPACITY = 0.35  # of a panel whose figures are out of date: still there to compare, clearly not current

translate = QCoreApplication.translate


def _t(text: str) -> str:
    return translate("EvaluateView", text)


def damage_name(kind: str) -> str:
    """The damage `kind` as the user reads it."""
    return _t(DAMAGE_NAMES[kind]) if kind in DAMAGE_NAMES else kind


def damage_unit(kind: str) -> str:
    """The unit of the damage `kind`'s level, as the user reads it."""
    return _t(DAMAGE_UNITS[kind]) if kind in DAMAGE_UNITS else E.DAMAGE_UNITS.get(kind, "")


def layer_labels(sizes) -> list[str]:
    """A name per representation of an image (as evaluation.layer_names): input, hidden layers, output."""
    hidden = [arg(QCoreApplication.translate("EvaluateView", "hidden layer %1 (%2 units)"), i, sizes[i])
              for i in range(1, len(sizes) - 1)]
    return [arg(QCoreApplication.translate("EvaluateView", "input pixels (%1)"), sizes[0]), *hidden,
            arg(QCoreApplication.translate("EvaluateView", "output (%1 probabilities)"), sizes[-1])]


def confusion_rgb(confusion: np.ndarray) -> np.ndarray:
    """(n, n) counts -> (n, n, 3) uint8 colours by share of the row: white to blue on the
    diagonal, white to red off it (saturating at a sixth of the row), so mistakes stand out."""
    share = confusion / np.maximum(confusion.sum(axis=1, keepdims=True), 1)
    off = np.minimum(1.0, 6 * share) * 0.75
    rgb = np.stack([1 - off, 1 - off, 1 - off], axis=-1)
    rgb[..., 0] = 1.0
    d = np.diag(share)
    i = np.arange(len(share))
    rgb[i, i] = np.stack([1 - 0.85 * d, 1 - 0.6 * d, 1 - 0.2 * d], axis=-1)
    return (rgb * 255).round().astype(np.uint8)


class ClickableImage(pg.ImageItem):
    """An ImageItem that reports left clicks as (row, column) of the pixel clicked."""

    clicked = Signal(int, int)

    def mouseClickEvent(self, ev) -> None:
        if ev.button() != Qt.MouseButton.LeftButton or self.image is None:
            return
        p = ev.pos()
        row, col = int(np.floor(p.y())), int(np.floor(p.x()))
        if 0 <= row < self.image.shape[0] and 0 <= col < self.image.shape[1]:
            ev.accept()
            self.clicked.emit(row, col)


def progress_bar() -> QProgressBar:
    """A progress bar that keeps its place while hidden: showing it lays nothing out again."""
    bar = QProgressBar()
    policy = bar.sizePolicy()
    policy.setRetainSizeWhenHidden(True)
    bar.setSizePolicy(policy)
    return bar


def fade(widget: QWidget, faded: bool) -> None:
    """Grey out a panel whose figures are of another network than the one named (drawn see-through),
    or draw it whole again."""
    effect = widget.graphicsEffect()
    if effect is None:
        if not faded:
            return
        effect = QGraphicsOpacityEffect(widget)
        effect.setOpacity(FADED_OPACITY)
        widget.setGraphicsEffect(effect)
    effect.setEnabled(faded)


def digit(x: np.ndarray, shape) -> np.ndarray:
    """A flat image x (n_in,) as a float32 picture of `shape` (h, w)."""
    return np.asarray(x, np.float32).reshape(shape)
