"""The application's icon and desktop identity."""
from __future__ import annotations

import sys

from PySide6.QtGui import QGuiApplication, QIcon, QPixmap

from .. import __version__
from ..core.data import RESOURCES

ICON_SIZES = (16, 32, 48, 64, 128, 256)
APP_ID = "mlpviz"  # the Linux .desktop file's name and the Windows taskbar group


def app_icon() -> QIcon:
    """The drawn network at every bundled size (read as bytes: the package may sit in a zip)."""
    icon = QIcon()
    for size in ICON_SIZES:
        try:
            raw = (RESOURCES / "icons" / f"mlpviz-{size}.png").read_bytes()
        except OSError:
            continue  # a data folder given by MLPVIZ_RESOURCES may hold no icons: the app runs without
        pixmap = QPixmap()
        if pixmap.loadFromData(raw):
            icon.addPixmap(pixmap)
    return icon


def set_app_identity(app: QGuiApplication) -> None:
    """Give every window the mlpviz icon, tie the app to its desktop entry (so the desktop shows the
    icon too), and set the application version from mlpviz.__version__."""
    if sys.platform == "win32":
        # Without its own id, Windows groups the window under pythonw.exe with Python's icon.
        import ctypes
        ctypes.windll.shell32.SetCurrentProcessExplicitAppUserModelID(APP_ID)
    app.setDesktopFileName(APP_ID)  # Wayland shows the icon named in mlpviz.desktop
    app.setWindowIcon(app_icon())
    app.setApplicationVersion(__version__)
