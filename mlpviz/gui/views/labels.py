"""Labels whose text changes at every stroke move without moving anything else."""
from __future__ import annotations

from PySide6.QtWidgets import QLabel, QSizePolicy


def steady(label: QLabel, lines: int) -> QLabel:
    """Give a word-wrapped label a fixed height of `lines` lines and no say over the width.

    A label that changes size asks its window to lay out again, and then every widget is
    resized and repainted: at each stroke move that cost more than all the views' drawing.
    """
    label.setWordWrap(True)
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
    label.setFixedHeight(label.fontMetrics().lineSpacing() * lines + 6)
    return label
