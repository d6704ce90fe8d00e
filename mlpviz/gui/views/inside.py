"""Inside the network: the diagram, the neuron inspector, the attribution map and softmax step
by step, side by side, with the diagram's output neurons choosing the digit to explain."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from ..session import Session
from .attribution import AttributionView
from .diagram import NetworkDiagramView
from .edit import EditView
from .neuron import NeuronView
from .softmax import SoftmaxView

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
        outer = QSplitter(Qt.Orientation.Vertical)
        outer.addWidget(top)
        outer.addWidget(bottom)
        # proportions, not pixels: a splitter not yet shown scales them to its size
        top.setSizes([600, 400])
        bottom.setSizes([500, 500])
        outer.setSizes([460, 540])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(outer)
