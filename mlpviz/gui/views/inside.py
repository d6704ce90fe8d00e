"""Inside the network: the diagram, the neuron inspector, the attribution map and softmax step
by step, side by side, with the diagram's output neurons choosing the digit to explain."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QWidget

from .. import style
from ..session import Session
from ..widgets.scrolling import scrolling_layout
from .attribution import AttributionView
from .diagram import NetworkDiagramView
from .edit import EditView
from .neuron import NeuronView
from .softmax import SoftmaxView

STACK_PX = 640  # narrower than this, the four views stand one under the other
VIEW_MIN_PX = 280  # a view's least height, stacked or in a row: the tab scrolls when they need more

__all__ = ["AttributionView", "EditView", "InsideView", "NetworkDiagramView", "NeuronView", "SoftmaxView"]


class InsideView(QWidget):
    """The four explanation views in splitters: diagram beside attribution on top, neuron beside
    softmax below. Each is a View of the session; the editor is separate (see EditView)."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.diagram = NetworkDiagramView(session)
        self.attribution = AttributionView(session)
        self.neuron = NeuronView(session)
        self.softmax = SoftmaxView(session)
        self.diagram.digitClicked.connect(self.attribution.set_target)
        # two rows of two: each view gets half the width, and the diagram and the attribution map
        # (pictures that want height) share the top, the inspector and the table the bottom
        top, bottom = QSplitter(Qt.Orientation.Horizontal), QSplitter(Qt.Orientation.Horizontal)
        top.addWidget(self.diagram)
        top.addWidget(self.attribution)
        top.setStretchFactor(0, 3)
        top.setStretchFactor(1, 2)
        bottom.addWidget(self.neuron)
        bottom.addWidget(self.softmax)
        bottom.setStretchFactor(0, 1)
        bottom.setStretchFactor(1, 1)
        self.outer = outer = QSplitter(Qt.Orientation.Vertical)
        outer.addWidget(top)
        outer.addWidget(bottom)
        outer.setChildrenCollapsible(False)
        # proportions, not pixels: a splitter not yet shown scales them to its size
        top.setSizes([600, 400])
        bottom.setSizes([500, 500])
        outer.setSizes([460, 540])
        self._rows, self._stacked = (top, bottom), None
        scrolling_layout(self, sideways=True).addWidget(outer)

    def resizeEvent(self, event) -> None:
        """Narrower than STACK_PX, the four views stand one under the other and the tab scrolls:
        side by side, each had half a small window's width, and their texts ran into each other."""
        super().resizeEvent(event)
        stacked = self.width() < style.px(STACK_PX)  # in zoomed pixels: a zoom stacks them sooner
        if stacked != self._stacked:
            self._stacked = stacked
            for row in self._rows:
                row.setOrientation(Qt.Orientation.Vertical if stacked else Qt.Orientation.Horizontal)
                row.setChildrenCollapsible(False)
                for i in range(row.count()):
                    row.widget(i).setMinimumHeight(VIEW_MIN_PX if stacked else 0)
            self.outer.setMinimumHeight(0 if stacked else 2 * VIEW_MIN_PX)
