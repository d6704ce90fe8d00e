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
    """The four explanation views in splitters: diagram over attribution on the left, neuron over
    softmax on the right. Each is a View of the session; the editor is separate (see EditView)."""

    def __init__(self, session: Session, parent: QWidget | None = None):
        super().__init__(parent)
        self.diagram = NetworkDiagramView(session)
        self.attribution = AttributionView(session)
        self.neuron = NeuronView(session)
        self.softmax = SoftmaxView(session)
        self.diagram.digitClicked.connect(self.attribution.set_target)
        left, right = QSplitter(Qt.Orientation.Vertical), QSplitter(Qt.Orientation.Vertical)
        left.addWidget(self.diagram)
        left.addWidget(self.attribution)
        right.addWidget(self.neuron)
        right.addWidget(self.softmax)
        outer = QSplitter(Qt.Orientation.Horizontal)
        outer.addWidget(left)
        outer.addWidget(right)
        outer.setStretchFactor(0, 3)
        outer.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(outer)
