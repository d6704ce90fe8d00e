"""Activations as a view."""
from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout

from ..widgets.activations import ActivationsPanel
from .base import View


class ActivationsView(View):
    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        self.panel = ActivationsPanel()
        self.caption = self.panel.caption
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.panel)

    def _draw(self) -> None:
        if self.session.model is not None:
            self.panel.show(self.session.model, self.session.input_x,
                            self.session.input_source or self.tr("Draw a digit or pick a test image."))

    def update_from(self, snapshot) -> None:
        self._draw()

    def set_input(self, x, source: str) -> None:
        self._draw()

    def clear(self) -> None:
        self.panel.clear()
