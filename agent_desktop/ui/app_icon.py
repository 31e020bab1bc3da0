"""The application icon: the chat glyph of ``resources/icons/app.svg`` on a blue tile.

Used as the window icon at run time and, by ``packaging/make_icons.py``, for the
Windows .exe / installer icon and the PNG shipped beside the bundle.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QImage, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from agent_desktop.resources_path import resource

TILE = QColor("#1f6feb")  # the light theme's accent
GLYPH = QColor("#ffffff")
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


def app_icon_image(size: int) -> QImage:
    """The app icon as a ``size`` x ``size`` ARGB image."""
    svg = resource("icons", "app.svg").read_text(encoding="utf-8")
    renderer = QSvgRenderer(QByteArray(svg.replace("currentColor", GLYPH.name()).encode()))
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


def app_icon() -> QIcon:
    """Every size, for the window title bar, the taskbar and the Alt+Tab switcher."""
    icon = QIcon()
    for size in ICON_SIZES:
        icon.addPixmap(QPixmap.fromImage(app_icon_image(size)))
    return icon
