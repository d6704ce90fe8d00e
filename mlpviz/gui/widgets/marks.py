"""Settings changed while training ran, named as the user reads them and marked on plots."""
from __future__ import annotations

from collections.abc import Callable, Sequence

import pyqtgraph as pg
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt

from ...core.trainer import SettingChange
from ..i18n import activation_label

SETTING_NAMES = {"hidden": QT_TRANSLATE_NOOP("Setting", "hidden"),
                 "activation": QT_TRANSLATE_NOOP("Setting", "activation"),
                 "loss": QT_TRANSLATE_NOOP("Setting", "loss"), "init": QT_TRANSLATE_NOOP("Setting", "init"),
                 "init std": QT_TRANSLATE_NOOP("Setting", "init std"),
                 "optimizer": QT_TRANSLATE_NOOP("Setting", "optimizer"), "lr": QT_TRANSLATE_NOOP("Setting", "lr"),
                 "momentum": QT_TRANSLATE_NOOP("Setting", "momentum"),
                 "weight decay": QT_TRANSLATE_NOOP("Setting", "weight decay"),
                 "lr decay": QT_TRANSLATE_NOOP("Setting", "lr decay"),
                 "schedule": QT_TRANSLATE_NOOP("Setting", "schedule"),
                 "dropout": QT_TRANSLATE_NOOP("Setting", "dropout"), "shift": QT_TRANSLATE_NOOP("Setting", "shift"),
                 "batch size": QT_TRANSLATE_NOOP("Setting", "batch size"),
                 "epochs": QT_TRANSLATE_NOOP("Setting", "epochs"), "steps": QT_TRANSLATE_NOOP("Setting", "steps"),
                 "seed": QT_TRANSLATE_NOOP("Setting", "seed"), "dtype": QT_TRANSLATE_NOOP("Setting", "dtype"),
                 "edit": QT_TRANSLATE_NOOP("Setting", "edit")}  # the weights edited by hand: no value


def setting_name(name: str) -> str:
    """A setting's short name as the user reads it, e.g. "lr" (학습률 in Korean)."""
    name = name.replace("_", " ")
    return QCoreApplication.translate("Setting", SETTING_NAMES[name]) if name in SETTING_NAMES else name


def change_label(name: str, value) -> str:
    """A setting change as a short label, e.g. "lr 0.01" or "activation leaky ReLU"."""
    if value == "":
        return setting_name(name)
    text = f"{value:g}" if isinstance(value, float) else activation_label(value) if name == "activation" else str(value)
    return f"{setting_name(name)} {text}"


def change_marks(plot, changes: Sequence[SettingChange], epoch_at: Callable[[int], float]) -> list[pg.InfiniteLine]:
    """Draw a dashed vertical line with its label on `plot` (a PlotWidget or PlotItem, x in epochs)
    at every SettingChange in `changes`; return the lines (remove them with plot.removeItem).

    A change at step s applies from step s + 1 on, so it sits at the end of step s: at
    epoch_at(s), the run's recorded epoch of that step (RunHistory.epoch_at)."""
    lines = []
    for change in changes:
        x = epoch_at(change.step)
        pen = pg.mkPen("#888", width=1, style=Qt.PenStyle.DashLine)
        line = pg.InfiniteLine(pos=x, angle=90, movable=False, pen=pen,
                               label=change_label(change.name, change.value),
                               labelOpts={"position": 0.92, "color": "#555", "rotateAxis": (1, 0), "anchors":
                                          [(0, 0), (0, 0)]})
        line.setZValue(-10)
        plot.addItem(line, ignoreBounds=True)
        lines.append(line)
    return lines
