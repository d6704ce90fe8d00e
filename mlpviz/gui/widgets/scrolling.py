"""A view whose content is taller than a small window gives it scrolls instead of squeezing its plots."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QScrollArea, QVBoxLayout, QWidget

PLOT_MIN_PX = 130  # a plot lower than this shows its axes and title and next to nothing of its data


class _Body(QWidget):
    """A scroll area's content as tall as the area, or as its least height if that is taller: a
    wrapped label inside made the area size it by its preferred height (every plot at 480 px)."""

    def heightForWidth(self, width: int) -> int:
        layout = self.layout()
        return layout.totalMinimumHeightForWidth(width) if layout is not None else -1


def scrolling_layout(view: QWidget, sideways: bool = False) -> QVBoxLayout:
    """A vertical layout for `view`'s content inside a scroll area that fills the view: the content
    takes the whole height when it fits and scrolls, never narrower than the view, when it does not
    (sideways: it scrolls sideways too when narrower than its minimum width)."""
    area = QScrollArea(view)
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    if not sideways:
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    body = _Body()
    area.setWidget(body)
    outer = QVBoxLayout(view)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(area)
    layout = QVBoxLayout(body)
    layout.setContentsMargins(0, 0, 0, 0)
    return layout
