"""Reads an image the agent attaches and makes it safe to send, off the UI thread.

``services/images.py`` does the work: the cheap checks of ``core.images`` (size cap, magic
bytes, the dimensions the header declares) before any decoder sees the bytes, then Qt decodes
under an allocation limit and the pixels are re-encoded without metadata (EXIF, GPS, text
chunks, colour profiles). Only an image that decodes is ever sent, and only its pixels.
"""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path, PurePath

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QImage, QImageReader

from agent_desktop.core.images import (
    MAX_IMAGE_BYTES,
    ImageLimits,
    ImageRejected,
    RejectReason,
)
from agent_desktop.core.models import ImageAttachment
from agent_desktop.services.images import prepare_image, rejection_message

#: the agent's refusal sentence (one wording for every image refusal: services/images.py)
rejection_text = rejection_message


def decode_image(data: bytes, filename: str, max_bytes: int = MAX_IMAGE_BYTES) -> ImageAttachment:
    """Validate ``data`` completely and re-encode it without metadata; raises
    :class:`ImageRejected`. Safe in a worker thread."""
    prepared = prepare_image(data, ImageLimits(max_bytes=max_bytes))
    name = PurePath(filename)
    if prepared.mime == "image/png" and name.suffix.lower() != ".png":
        filename = name.with_suffix(".png").name  # a GIF or WebP goes out as PNG
    return ImageAttachment(
        mime=prepared.mime,
        filename=filename,
        data=prepared.data,
        width=prepared.width,
        height=prepared.height,
    )


def read_and_decode(path: Path, max_bytes: int = MAX_IMAGE_BYTES) -> ImageAttachment:
    try:
        size = path.stat().st_size
        if size > max_bytes:  # refused before reading a byte of it
            raise ImageRejected(
                RejectReason.TOO_LARGE,
                f"{size / 1048576:.1f} MB; the limit is {max_bytes / 1048576:.1f} MB",
            )
        with path.open("rb") as file:
            data = file.read(max_bytes + 1)
    except OSError as exc:
        raise ImageRejected(RejectReason.UNREADABLE, str(exc)) from exc
    return decode_image(data, path.name, max_bytes)


#: one plain Python worker (not the loop's default executor, whose QThreads must not
#: outlive the application)
_DECODER = ThreadPoolExecutor(max_workers=1, thread_name_prefix="image-decoder")


async def load_image(path: Path, max_bytes: int = MAX_IMAGE_BYTES) -> ImageAttachment:
    """:func:`read_and_decode` in a worker thread."""
    loop = asyncio.get_running_loop()
    return await loop.run_in_executor(_DECODER, read_and_decode, path, max_bytes)


def thumbnail(image: ImageAttachment, side: int) -> QImage:
    """A thumbnail of ``image`` at most ``side`` px wide or high (decoded at that size)."""
    array = QByteArray(image.data)
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    size = reader.size()
    if size.isValid() and (size.width() > side or size.height() > side):
        reader.setScaledSize(size.scaled(side, side, Qt.AspectRatioMode.KeepAspectRatio))
    return reader.read()
