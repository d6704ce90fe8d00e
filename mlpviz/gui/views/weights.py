"""First-layer weights as a view."""
from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout

from ..widgets.weights import WeightsPanel
from .base import View


class WeightsView(View):
    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        self.panel = WeightsPanel()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.panel)

    def update_from(self, snapshot) -> None:
        self.panel.set_weights(snapshot.model.layers[0].W, self.session.data.image_shape)

    def clear(self) -> None:
        self.panel.clear()
