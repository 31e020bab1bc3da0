"""Images from outside (files the agent attaches, pictures contacts send): the pure checks.

Before any decoder sees the bytes: the size of the file, the format from its magic bytes
(only PNG, JPEG, GIF and WebP) and the dimensions its header declares, so that a
decompression bomb (a small file that declares 50000 x 50000 pixels) is refused without
allocating anything. ``services/images.py`` then decodes with Qt under an allocation limit
and re-encodes without metadata.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from enum import StrEnum


class ImageFormat(StrEnum):
    PNG = "png"
    JPEG = "jpeg"
    GIF = "gif"
    WEBP = "webp"

    @property
    def mime(self) -> str:
        return f"image/{self.value}"


class RejectReason(StrEnum):
    """Why an image is refused (the UI words each one)."""

    EMPTY = "empty"
    FILE_TOO_BIG = "file_too_big"
    NOT_ALLOWED = "not_allowed"  # not PNG / JPEG / GIF / WebP
    TOO_MANY_PIXELS = "too_many_pixels"  # a decompression bomb, or just too large
    CORRUPT = "corrupt"


class ImageRejected(ValueError):
    def __init__(self, reason: RejectReason, detail: str = "") -> None:
        super().__init__(f"{reason.value}: {detail}" if detail else reason.value)
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True)
class ImageLimits:
    max_bytes: int = 20 * 1024 * 1024
    max_side: int = 10_000
    max_pixels: int = 40_000_000  # 40 MP: a large phone photo; 160 MB decoded as RGBA

    @property
    def allocation_mb(self) -> int:
        """For ``QImageReader.setAllocationLimit``: the largest decoded image, in MB."""
        return max(1, (self.max_pixels * 4) // (1024 * 1024) + 1)

    def check_dimensions(self, width: int, height: int) -> None:
        if width <= 0 or height <= 0:
            raise ImageRejected(RejectReason.CORRUPT, f"{width} x {height}")
        if width > self.max_side or height > self.max_side or width * height > self.max_pixels:
            raise ImageRejected(RejectReason.TOO_MANY_PIXELS, f"{width} x {height}")


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
    """The image's format, after the checks that need no decoder; else ImageRejected."""
    limits = limits or ImageLimits()
    if not data:
        raise ImageRejected(RejectReason.EMPTY)
    if len(data) > limits.max_bytes:
        raise ImageRejected(RejectReason.FILE_TOO_BIG, f"{len(data)} bytes")
    fmt = sniff_format(data)
    if fmt is None:
        raise ImageRejected(RejectReason.NOT_ALLOWED)
    size = declared_size(data, fmt)
    if size is None:
        raise ImageRejected(RejectReason.CORRUPT, "unreadable header")
    limits.check_dimensions(*size)
    return fmt
