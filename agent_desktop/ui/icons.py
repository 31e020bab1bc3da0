"""Line icons from ``resources/icons``, recoloured to the palette and sharp at any scale.

An icon is drawn when Qt first asks for it, at the size and pixel ratio asked, then kept:
building one costs nothing (drawing every size up front took ~5 ms an icon, a fifth of the
main window's start-up: docs/performance.md).
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtCore import QByteArray, QRect, QRectF, QSize
from PySide6.QtGui import QColor, QIcon, QIconEngine, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from agent_desktop.core.types import Channel
from agent_desktop.resources_path import resource

_TRANSPARENT = 0x00000000


@lru_cache(maxsize=64)
def _svg_source(name: str) -> str:
    return resource("icons", f"{name}.svg").read_text(encoding="utf-8")


def render(name: str, color: QColor, size: int, ratio: float = 1.0) -> QPixmap:
    """The icon ``name`` drawn in ``color`` as a ``size`` px pixmap at ``ratio``."""
    data = _svg_source(name).replace("currentColor", color.name(QColor.NameFormat.HexRgb))
    renderer = QSvgRenderer(QByteArray(data.encode("utf-8")))
    side = max(1, round(size * ratio))
    pixmap = QPixmap(side, side)
    pixmap.fill(QColor.fromRgba(_TRANSPARENT))
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, side, side))
    painter.end()
    pixmap.setDevicePixelRatio(ratio)
    return pixmap


class _LineIconEngine(QIconEngine):
    """Draws one icon on demand: ``normal`` colour, or ``disabled`` for a disabled widget."""

    def __init__(self, name: str, normal: QColor, disabled: QColor) -> None:
        super().__init__()
        self._name = name
        self._normal = normal
        self._disabled = disabled
        self._drawn: dict[tuple[int, bool, float], QPixmap] = {}

    def scaledPixmap(
        self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float
    ) -> QPixmap:
        side = max(1, min(size.width(), size.height()))
        disabled = mode == QIcon.Mode.Disabled
        key = (side, disabled, scale)
        pixmap = self._drawn.get(key)
        if pixmap is None:
            color = self._disabled if disabled else self._normal
            pixmap = render(self._name, color, side, scale)
            self._drawn[key] = pixmap
        return pixmap

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        ratio = painter.device().devicePixelRatioF() if painter.device() is not None else 1.0
        painter.drawPixmap(rect, self.scaledPixmap(rect.size(), mode, state, ratio))

    def clone(self) -> QIconEngine:
        return _LineIconEngine(self._name, self._normal, self._disabled)

    def key(self) -> str:
        return "agent_desktop.line"


@lru_cache(maxsize=256)
def _icon(name: str, rgba: int, disabled_rgba: int) -> QIcon:
    _svg_source(name)  # a missing icon fails here, not at its first paint
    return QIcon(_LineIconEngine(name, QColor.fromRgba(rgba), QColor.fromRgba(disabled_rgba)))


def icon(name: str, color: QColor, disabled: QColor | None = None) -> QIcon:
    """A cached icon; ``disabled`` is the colour used when its widget is disabled."""
    off = disabled if disabled is not None else QColor(color.red(), color.green(), color.blue(), 90)
    return _icon(name, color.rgba(), off.rgba())


def channel_icon_name(channel: Channel) -> str:
    return channel.value


def icon_size(base: int = 20) -> QSize:
    return QSize(base, base)
