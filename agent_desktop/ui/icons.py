"""Line icons from ``resources/icons``, recoloured to the palette and sharp at any scale."""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from agent_desktop.core.types import Channel
from agent_desktop.resources_path import resource

_SIZES = (16, 20, 24, 32, 48)


@lru_cache(maxsize=64)
def _svg_source(name: str) -> str:
    return resource("icons", f"{name}.svg").read_text(encoding="utf-8")


def render(name: str, color: QColor, size: int, ratio: float = 1.0) -> QPixmap:
    """The icon ``name`` drawn in ``color`` as a ``size`` px pixmap at ``ratio``."""
    data = _svg_source(name).replace("currentColor", color.name(QColor.NameFormat.HexRgb))
    renderer = QSvgRenderer(QByteArray(data.encode("utf-8")))
    side = max(1, round(size * ratio))
    pixmap = QPixmap(side, side)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, side, side))
    painter.end()
    pixmap.setDevicePixelRatio(ratio)
    return pixmap


@lru_cache(maxsize=256)
def _icon(name: str, rgba: int, disabled_rgba: int) -> QIcon:
    result = QIcon()
    for size in _SIZES:
        for ratio in (1.0, 2.0):
            result.addPixmap(render(name, QColor.fromRgba(rgba), size, ratio), QIcon.Mode.Normal)
            result.addPixmap(
                render(name, QColor.fromRgba(disabled_rgba), size, ratio), QIcon.Mode.Disabled
            )
    return result


def icon(name: str, color: QColor, disabled: QColor | None = None) -> QIcon:
    """A cached icon; ``disabled`` is the colour used when its widget is disabled."""
    off = disabled if disabled is not None else QColor(color.red(), color.green(), color.blue(), 90)
    return _icon(name, color.rgba(), off.rgba())


def channel_icon_name(channel: Channel) -> str:
    return channel.value


def icon_size(base: int = 20) -> QSize:
    return QSize(base, base)
