"""Images from outside (files the agent attaches, pictures contacts send): the pure checks.

Before any decoder sees the bytes: the size of the file, the format from its magic bytes
(only PNG, JPEG, GIF and WebP) and the dimensions its header declares, so that a
decompression bomb (a small file that declares 50000 x 50000 pixels) is refused without
allocating anything. ``services/images.py`` then decodes with Qt under an allocation limit
and re-encodes without metadata; ``services/image_loader.py`` runs that off the UI thread
for the Conversation tab's attach button.
"""

from __future__ import annotations

import base64
import binascii
import json
import struct
from dataclasses import dataclass
from enum import StrEnum

from agent_desktop.core.models import ImageAttachment

#: the largest attachment sent to a contact
MAX_IMAGE_BYTES = 5 * 1024 * 1024
#: the largest width or height a decoded attachment may have
MAX_IMAGE_SIDE = 8192
#: the most pixels a decoded attachment may have (40 MP: a large phone photo; 160 MB RGBA)
MAX_IMAGE_PIXELS = 40_000_000

#: file-name patterns of a file dialog
ACCEPTED_SUFFIXES: tuple[str, ...] = ("*.png", "*.jpg", "*.jpeg", "*.gif", "*.webp")


class ImageFormat(StrEnum):
    PNG = "png"
    JPEG = "jpeg"
    GIF = "gif"
    WEBP = "webp"

    @property
    def mime(self) -> str:
        return f"image/{self.value}"


class RejectReason(StrEnum):
    """Why an image is refused; the UI turns it into a translated sentence."""

    EMPTY = "empty"
    TOO_LARGE = "too_large"  # the file is over the byte limit
    FORMAT = "format"  # not PNG / JPEG / GIF / WebP
    DAMAGED = "damaged"  # unreadable header or pixels
    TOO_MANY_PIXELS = "too_many_pixels"  # a decompression bomb, or just too large
    UNREADABLE = "unreadable"  # the file itself cannot be read


class ImageRejected(ValueError):
    """The data is not an image the app accepts; ``reason`` says why."""

    def __init__(self, reason: RejectReason, detail: str = "") -> None:
        super().__init__(f"{reason.value}: {detail}" if detail else reason.value)
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True)
class ImageHeader:
    mime: str
    size: int


def check_dimensions(width: int, height: int, max_side: int = MAX_IMAGE_SIDE) -> None:
    if width <= 0 or height <= 0:
        raise ImageRejected(RejectReason.DAMAGED, "the image cannot be read: it is damaged")
    if width > max_side or height > max_side:
        raise ImageRejected(
            RejectReason.TOO_MANY_PIXELS,
            f"{width} × {height} pixels; the limit is {max_side} pixels a side",
        )


@dataclass(frozen=True)
class ImageLimits:
    max_bytes: int = MAX_IMAGE_BYTES
    max_side: int = MAX_IMAGE_SIDE
    max_pixels: int = MAX_IMAGE_PIXELS

    @property
    def allocation_mb(self) -> int:
        """For ``QImageReader.setAllocationLimit``: the largest decoded image, in MB."""
        return max(1, (self.max_pixels * 4) // (1024 * 1024) + 1)

    def check_dimensions(self, width: int, height: int) -> None:
        check_dimensions(width, height, self.max_side)
        if width * height > self.max_pixels:
            raise ImageRejected(
                RejectReason.TOO_MANY_PIXELS,
                f"{width} × {height} pixels; the limit is "
                f"{self.max_pixels / 1_000_000:g} million pixels",
            )


def sniff_format(data: bytes) -> ImageFormat | None:
    """The format by its magic bytes, or None (whatever the file name says)."""
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return ImageFormat.PNG
    if data.startswith(b"\xff\xd8\xff"):
        return ImageFormat.JPEG
    if data.startswith((b"GIF87a", b"GIF89a")):
        return ImageFormat.GIF
    if len(data) >= 12 and data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return ImageFormat.WEBP
    return None


def sniff_mime(data: bytes) -> str | None:
    """``image/png``, ``image/jpeg``, ``image/gif`` or ``image/webp`` from the magic bytes."""
    fmt = sniff_format(data)
    return None if fmt is None else fmt.mime


def check_image_bytes(data: bytes, max_bytes: int = MAX_IMAGE_BYTES) -> ImageHeader:
    """Refuse empty, oversized and non-PNG/JPEG/GIF/WebP data (the cheapest checks)."""
    if not data:
        raise ImageRejected(RejectReason.EMPTY, "the file is empty")
    if len(data) > max_bytes:
        raise ImageRejected(
            RejectReason.TOO_LARGE,
            f"{_megabytes(len(data))}; the limit is {_megabytes(max_bytes)}",
        )
    mime = sniff_mime(data)
    if mime is None:
        raise ImageRejected(RejectReason.FORMAT, "only PNG, JPEG, GIF and WebP images can be sent")
    return ImageHeader(mime=mime, size=len(data))


def declared_size(data: bytes, fmt: ImageFormat) -> tuple[int, int] | None:
    """The width and height the header declares, or None when it cannot be read."""
    try:
        if fmt is ImageFormat.PNG:
            if data[12:16] != b"IHDR":
                return None
            width, height = struct.unpack(">II", data[16:24])
            return int(width), int(height)
        if fmt is ImageFormat.GIF:
            width, height = struct.unpack("<HH", data[6:10])
            return int(width), int(height)
        if fmt is ImageFormat.WEBP:
            return _webp_size(data)
        return _jpeg_size(data)
    except struct.error:
        return None


def _webp_size(data: bytes) -> tuple[int, int] | None:
    chunk = data[12:16]
    if chunk == b"VP8X":
        width = int.from_bytes(data[24:27], "little") + 1
        height = int.from_bytes(data[27:30], "little") + 1
        return width, height
    if chunk == b"VP8L":
        bits = int.from_bytes(data[21:25], "little")
        return (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1
    if chunk == b"VP8 ":
        width, height = struct.unpack("<HH", data[26:30])
        return int(width) & 0x3FFF, int(height) & 0x3FFF
    return None


#: JPEG start-of-frame markers (baseline, progressive...), which carry the dimensions
_SOF_MARKERS = frozenset({0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD})


def _jpeg_size(data: bytes) -> tuple[int, int] | None:
    index = 2
    while index + 4 <= len(data):
        if data[index] != 0xFF:
            return None
        marker = data[index + 1]
        if marker == 0xFF:  # fill byte
            index += 1
            continue
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:
            index += 2
            continue
        (length,) = struct.unpack(">H", data[index + 2 : index + 4])
        if marker in _SOF_MARKERS:
            height, width = struct.unpack(">HH", data[index + 5 : index + 9])
            return int(width), int(height)
        if length < 2:
            return None
        index += 2 + length
    return None


def check_image(data: bytes, limits: ImageLimits | None = None) -> ImageFormat:
    """The image's format, after every check that needs no decoder (size, magic bytes,
    declared dimensions); else :class:`ImageRejected`."""
    limits = limits or ImageLimits()
    check_image_bytes(data, limits.max_bytes)
    fmt = sniff_format(data)
    assert fmt is not None  # check_image_bytes refused every other format
    size = declared_size(data, fmt)
    if size is None:
        raise ImageRejected(RejectReason.DAMAGED, "the image header cannot be read")
    limits.check_dimensions(*size)
    return fmt


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"


def image_to_json(image: ImageAttachment) -> str:
    """An image as text (JSON, data in base64): how the outbox keeps an unsent image."""
    return json.dumps(
        {
            "mime": image.mime,
            "filename": image.filename,
            "width": image.width,
            "height": image.height,
            "data": base64.b64encode(image.data).decode("ascii"),
        }
    )


def image_from_json(body: str) -> ImageAttachment:
    """The image written by :func:`image_to_json`; ValueError if it is not one."""
    try:
        fields = json.loads(body)
        return ImageAttachment(
            mime=str(fields["mime"]),
            filename=str(fields["filename"]),
            width=int(fields["width"]),
            height=int(fields["height"]),
            data=base64.b64decode(fields["data"], validate=True),
        )
    except (KeyError, TypeError, binascii.Error, json.JSONDecodeError) as exc:
        raise ValueError(f"unreadable image in the outbox: {exc}") from exc
