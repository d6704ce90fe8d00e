"""Loss and accuracy curves as a view."""
from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout

from ..widgets.metrics import MetricsPanel
from .base import View


class CurvesView(View):
    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        self.panel = MetricsPanel()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.panel)

    def update_from(self, snapshot) -> None:
        self.panel.update_from(snapshot)

    def steps_shown(self) -> int:
        """How many steps the loss curve holds."""
        return len(self.panel._losses)

    def clear(self) -> None:
        self.panel.clear()
