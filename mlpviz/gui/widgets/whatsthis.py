"""What's This: a small "?" in the corner of a view that explains it, beside Shift+F1 (Help menu),
which explains whatever control or chart is clicked next."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtWidgets import QToolButton, QWhatsThis, QWidget

SIZE = 18  # pixels: the button's side


class HelpButton(QToolButton):
    """A "?" that shows the view's What's This text when clicked. Floating, it sits in the view's
    top-right corner outside any layout, so that nothing else moves; else the caller lays it out
    (where the corner holds a control of its own)."""

    def __init__(self, view: QWidget, floating: bool = True):
        super().__init__(view)
        self.view = view
        self.floating = floating
        self.setText("?")
        self.setFixedSize(SIZE, SIZE)
        self.setAutoRaise(True)
        self.setCursor(Qt.CursorShape.WhatsThisCursor)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setStyleSheet("QToolButton { font-weight: bold; color: #555; border: 1px solid #bbb; "
                           "border-radius: 9px; background: rgba(255, 255, 255, 200); }")
        self.setToolTip(self.tr("What is this? (Shift+F1, then click anything)"))
        self.clicked.connect(self.explain)
        if floating:
            view.installEventFilter(self)
            self._place()

    def explain(self) -> None:
        """Show the view's text under the button."""
        QWhatsThis.showText(self.mapToGlobal(QPoint(0, SIZE)), self.view.whatsThis(), self)

    def _place(self) -> None:
        self.move(max(0, self.view.width() - SIZE - 2), 2)
        self.raise_()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if obj is self.view and event.type() in (QEvent.Type.Resize, QEvent.Type.Show):
            self._place()
        return False


def explain(view: QWidget, text: str, floating: bool = True) -> HelpButton:
    """Give `view` its What's This text (rich text allowed) and a "?" that shows it: floating in its
    corner, or (floating False) for the caller to put in a layout."""
    view.setWhatsThis(text)
    return HelpButton(view, floating)
