"""Bundled Twemoji images (setting ``emoji.bundled_images``), drawn by QtSvg and cached.

``resources/emoji/twemoji.zip`` holds one SVG per emoji of the catalog, named as Twemoji
names them (lower-case hex code points joined by ``-``, without VS16 outside ZWJ
sequences). An emoji without an image returns ``None``: callers show the character.
"""

from __future__ import annotations

import logging
import zipfile
from functools import lru_cache

from PySide6.QtCore import QByteArray, QRectF, Qt
from PySide6.QtGui import QIcon, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from agent_desktop.resources_path import resource

log = logging.getLogger(__name__)

ARCHIVE = ("emoji", "twemoji.zip")


def twemoji_names(emoji: str) -> list[str]:
    """File names (without ``.svg``) under which Twemoji may store ``emoji``, best first."""
    points = [f"{ord(c):x}" for c in emoji]
    bare = [p for p in points if p != "fe0f"]
    names = ["-".join(points) if "200d" in points else "-".join(bare)]
    for candidate in ("-".join(bare), "-".join(points)):
        if candidate not in names:
            names.append(candidate)
    return names


class EmojiImages:
    """Lazy access to the archive; every rendered pixmap is cached."""

    def __init__(self) -> None:
        self._archive: zipfile.ZipFile | None = None
        self._names: set[str] = set()
        self._opened = False

    def _open(self) -> None:
        self._opened = True
        node = resource(*ARCHIVE)
        if not node.is_file():
            log.info("no bundled emoji images; the system font draws emoji")
            return
        try:
            # a Traversable opened in binary mode is seekable, which zipfile needs
            self._archive = zipfile.ZipFile(node.open("rb"))
            self._names = {name.removesuffix(".svg") for name in self._archive.namelist()}
        except (OSError, zipfile.BadZipFile):
            log.exception("bundled emoji images unreadable; the system font draws emoji")
            self._archive = None

    def svg(self, emoji: str) -> bytes | None:
        if not self._opened:
            self._open()
        if self._archive is None:
            return None
        for name in twemoji_names(emoji):
            if name in self._names:
                return self._archive.read(f"{name}.svg")
        return None

    def has(self, emoji: str) -> bool:
        return self.svg(emoji) is not None

    def pixmap(self, emoji: str, size: int, ratio: float = 1.0) -> QPixmap | None:
        return _render(self, emoji, max(1, round(size * ratio)), ratio)

    def icon(self, emoji: str, size: int) -> QIcon | None:
        pixmaps = [self.pixmap(emoji, size, ratio) for ratio in (1.0, 2.0)]
        if pixmaps[0] is None:
            return None
        result = QIcon()
        for pixmap in pixmaps:
            if pixmap is not None:
                result.addPixmap(pixmap)
        return result


@lru_cache(maxsize=4096)
def _render(images: EmojiImages, emoji: str, side: int, ratio: float) -> QPixmap | None:
    data = images.svg(emoji)
    if data is None:
        return None
    renderer = QSvgRenderer(QByteArray(data))
    if not renderer.isValid():
        return None
    pixmap = QPixmap(side, side)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, side, side))
    painter.end()
    pixmap.setDevicePixelRatio(ratio)
    return pixmap


@lru_cache(maxsize=1)
def shared_images() -> EmojiImages:
    """The app's one image source (the archive is opened once, on first use)."""
    return EmojiImages()
