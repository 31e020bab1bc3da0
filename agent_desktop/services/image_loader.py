"""Reads an image the agent attaches and proves it decodes, off the UI thread.

The cheap checks (size cap, magic bytes) come first, from ``core.images``; then Qt reads the
header, refuses oversized dimensions before allocating anything, and decodes the whole image
under an allocation limit. Only an image that decodes is ever sent.
"""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice, Qt
from PySide6.QtGui import QImage, QImageReader

from agent_desktop.core.images import (
    MAX_IMAGE_BYTES,
    ImageRejected,
    RejectReason,
    check_dimensions,
    check_image_bytes,
)
from agent_desktop.core.models import ImageAttachment

#: Qt refuses to allocate more than this for one decoded image (MB)
ALLOCATION_LIMIT_MB = 256

_QT_FORMATS = {"image/png": b"png", "image/jpeg": b"jpeg", "image/gif": b"gif"}


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate: module helpers, empty context


def decode_image(data: bytes, filename: str, max_bytes: int = MAX_IMAGE_BYTES) -> ImageAttachment:
    """Validate ``data`` completely; raises :class:`ImageRejected`. Safe in a worker thread."""
    header = check_image_bytes(data, max_bytes)
    array = QByteArray(data)
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer, QByteArray(_QT_FORMATS[header.mime]))
    reader.setDecideFormatFromContent(False)
    size = reader.size()
    if not size.isValid():
        raise ImageRejected(RejectReason.DAMAGED, "the image header cannot be read")
    check_dimensions(size.width(), size.height())
    image = reader.read()
    if image.isNull():
        raise ImageRejected(
            RejectReason.DAMAGED, f"the image cannot be decoded: {reader.errorString()}"
        )
    return ImageAttachment(
        mime=header.mime,
        filename=filename,
        data=data,
        width=image.width(),
        height=image.height(),
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
    QImageReader.setAllocationLimit(ALLOCATION_LIMIT_MB)
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


def rejection_text(error: ImageRejected) -> str:
    """A translated sentence for the agent."""
    texts = {
        RejectReason.EMPTY: tr("The file is empty."),
        RejectReason.TOO_LARGE: tr("The image is too large to send ({0})."),
        RejectReason.FORMAT: tr("Only PNG, JPEG and GIF images can be sent."),
        RejectReason.DAMAGED: tr("The image is damaged and cannot be sent."),
        RejectReason.TOO_MANY_PIXELS: tr("The image has too many pixels to send ({0})."),
        RejectReason.UNREADABLE: tr("The file cannot be read ({0})."),
    }
    return texts[error.reason].format(error.detail)
