"""Render the application icon (``resources/icons/app.svg``) to PNG and multi-size ICO.

The line icon is drawn in white on a rounded accent-blue tile, so it reads on any
taskbar or desktop background. Run as ``python packaging/make_icons.py OUT_DIR``;
the PyInstaller spec calls :func:`write_icons` itself.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "resources" / "icons" / "app.svg"
TILE = QColor("#1f6feb")  # the light theme's accent
GLYPH = QColor("#ffffff")
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)
PNG_SIZE = 256


def app_icon_image(size: int) -> QImage:
    """The app icon as a ``size`` x ``size`` ARGB image."""
    svg = SVG.read_text(encoding="utf-8").replace("currentColor", GLYPH.name())
    renderer = QSvgRenderer(QByteArray(svg.encode("utf-8")))
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(TILE)
    radius = size * 0.22
    painter.drawRoundedRect(QRectF(0, 0, size, size), radius, radius)
    inset = size * 0.14
    renderer.render(painter, QRectF(inset, inset + size * 0.02, size - 2 * inset, size - 2 * inset))
    painter.end()
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError("PNG encoding failed")
    buffer.close()
    return bytes(data.data())


def ico_bytes(sizes: tuple[int, ...] = ICO_SIZES) -> bytes:
    """A Windows ICO holding one PNG-compressed image per size (Vista and later)."""
    images = [png_bytes(app_icon_image(size)) for size in sizes]
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries = b""
    for size, data in zip(sizes, images, strict=True):
        side = 0 if size >= 256 else size  # 0 means 256 in an ICO directory entry
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(data), offset)
        offset += len(data)
    return header + entries + b"".join(images)


def write_icons(out_dir: Path) -> tuple[Path, Path]:
    """Write ``agent_desktop.png`` and ``agent_desktop.ico`` into ``out_dir``."""
    if QGuiApplication.instance() is None:
        # QSvgRenderer and QImage need no window system, but fonts and plugins need an app
        QGuiApplication(["make_icons", "-platform", "offscreen"])
    out_dir.mkdir(parents=True, exist_ok=True)
    png = out_dir / "agent_desktop.png"
    ico = out_dir / "agent_desktop.ico"
    png.write_bytes(png_bytes(app_icon_image(PNG_SIZE)))
    ico.write_bytes(ico_bytes())
    return png, ico


if __name__ == "__main__":
    for path in write_icons(Path(sys.argv[1] if len(sys.argv) > 1 else "build/icons")):
        print(path)
