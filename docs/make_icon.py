"""Render resources/icons/mlpviz.svg to the PNG sizes the app and desktops use (run after editing it)."""
import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt  # noqa: E402
from PySide6.QtGui import QGuiApplication, QImage, QPainter  # noqa: E402
from PySide6.QtSvg import QSvgRenderer  # noqa: E402

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
SIZES = (16, 32, 48, 64, 128, 256)


def main() -> int:
    app = QGuiApplication(sys.argv[:1])  # noqa: F841 (QImage painting needs an application)
    renderer = QSvgRenderer(str(ICONS / "mlpviz.svg"))
    if not renderer.isValid():
        print(f"cannot read {ICONS / 'mlpviz.svg'}", file=sys.stderr)
        return 1
    for size in SIZES:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        renderer.render(painter)
        painter.end()
        out = ICONS / f"mlpviz-{size}.png"
        image.save(str(out))
        print(out, out.stat().st_size, "bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
