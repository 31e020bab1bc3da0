"""Decode an image safely and re-encode it without metadata (Qt, no widgets).

:func:`prepare_image` is the one way an image file becomes something the app sends or
shows: the pure checks of ``core/images.py`` first (size, magic bytes, declared pixels),
then ``QImageReader`` with an allocation limit, its own idea of the format and size checked
before ``read()``, then a fresh image painted from the decoded one (so no EXIF, text chunk,
colour profile or comment of the original survives) encoded as PNG, or JPEG for photos.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QBuffer, QByteArray, QCoreApplication, QIODevice
from PySide6.QtGui import QImage, QImageReader, QImageWriter, QPainter

from agent_desktop.core.images import (
    ImageFormat,
    ImageLimits,
    ImageRejected,
    RejectReason,
    check_image,
)
from agent_desktop.core.models import Message
from agent_desktop.core.types import PartyRole

#: what QImageReader.format() answers for each allowed format
_QT_FORMATS = {b"png": ImageFormat.PNG, b"jpeg": ImageFormat.JPEG, b"jpg": ImageFormat.JPEG,
               b"gif": ImageFormat.GIF, b"webp": ImageFormat.WEBP}  # fmt: skip


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate: module helpers, empty context


@dataclass(frozen=True)
class PreparedImage:
    """An image ready to send: re-encoded, without metadata."""

    data: bytes
    mime: str
    width: int
    height: int


def prepare_image(data: bytes, limits: ImageLimits | None = None) -> PreparedImage:
    """Check, decode under limits and re-encode ``data``; raises :class:`ImageRejected`."""
    limits = limits or ImageLimits()
    sniffed = check_image(data, limits)
    array = QByteArray(data)
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setDecideFormatFromContent(True)
    reader.setAllocationLimit(limits.allocation_mb)
    reader.setAutoTransform(True)  # apply the EXIF orientation before it is dropped
    decoded_as = _QT_FORMATS.get(bytes(reader.format().data()).lower())
    if decoded_as is None or decoded_as is not sniffed:
        raise ImageRejected(RejectReason.FORMAT, f"decoder says {reader.format()!r}")
    size = reader.size()  # from the header, before any pixel is decoded
    if size.isValid():
        limits.check_dimensions(size.width(), size.height())
    image = reader.read()
    buffer.close()
    if image.isNull():
        raise ImageRejected(RejectReason.DAMAGED, reader.errorString())
    limits.check_dimensions(image.width(), image.height())
    clean = _without_metadata(image)
    photo = sniffed is ImageFormat.JPEG
    encoded = _encode(clean, "JPEG" if photo else "PNG")
    if len(encoded) > limits.max_bytes:  # re-encoding can make a file larger: check again
        raise ImageRejected(
            RejectReason.TOO_LARGE,
            f"{len(encoded) / 1048576:.1f} MB once prepared for sending; "
            f"the limit is {limits.max_bytes / 1048576:.1f} MB",
        )
    return PreparedImage(
        data=encoded,
        mime=(ImageFormat.JPEG if photo else ImageFormat.PNG).mime,
        width=clean.width(),
        height=clean.height(),
    )


def _without_metadata(image: QImage) -> QImage:
    """A new image holding only the pixels (text keys, profiles and the like stay behind)."""
    clean = QImage(image.width(), image.height(), QImage.Format.Format_ARGB32)
    clean.fill(0)
    painter = QPainter(clean)
    painter.drawImage(0, 0, image)
    painter.end()
    return clean


def _encode(image: QImage, fmt: str) -> bytes:
    array = QByteArray()
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if fmt == "JPEG":
        image = image.convertToFormat(QImage.Format.Format_RGB32)
    writer = QImageWriter(buffer, QByteArray(fmt.encode()))
    if fmt == "JPEG":
        writer.setQuality(90)
    if not writer.write(image):
        raise ImageRejected(RejectReason.DAMAGED, "could not re-encode")
    buffer.close()
    return bytes(array.data())


def rejection_message(error: ImageRejected) -> str:
    """What the agent reads when an image is refused (translated; the detail says how)."""
    texts = {
        RejectReason.EMPTY: tr("The file is empty."),
        RejectReason.TOO_LARGE: tr("The image is too large to send ({0})."),
        RejectReason.FORMAT: tr("Only PNG, JPEG, GIF and WebP images can be sent."),
        RejectReason.DAMAGED: tr("The image is damaged and cannot be sent."),
        RejectReason.TOO_MANY_PIXELS: tr("The image has too many pixels to send ({0})."),
        RejectReason.UNREADABLE: tr("The file cannot be read ({0})."),
    }
    return texts[error.reason].format(error.detail)


def received_refusal_message(message: Message) -> Message | None:
    """The translated notice shown after a message whose image the backend did not show
    (``Message.image_refused``); ``None`` when there is nothing to say."""
    if message.image_refused is None:
        return None
    reason_value, detail = message.image_refused
    try:
        reason = RejectReason(reason_value)
    except ValueError:
        reason = RejectReason.DAMAGED
    texts = {
        RejectReason.EMPTY: tr("the file is empty"),
        RejectReason.TOO_LARGE: tr("it is too large"),
        RejectReason.FORMAT: tr("only PNG, JPEG, GIF and WebP images are shown"),
        RejectReason.DAMAGED: tr("it is damaged"),
        RejectReason.TOO_MANY_PIXELS: tr("it has too many pixels"),
        RejectReason.UNREADABLE: tr("it could not be downloaded"),
    }
    why = texts[reason] + (f" ({detail})" if detail else "")
    text = tr("The image “{0}” from {1} is not shown: {2}.").format(
        message.text, message.author_name, why
    )
    return Message(
        id=f"{message.id}:image-refused",
        interaction_id=message.interaction_id,
        author_id="system",
        author_name="",
        author_role=PartyRole.SYSTEM,
        text=text,
        time=message.time,
    )
