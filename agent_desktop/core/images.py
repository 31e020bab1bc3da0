"""Checks on images the agent attaches, done before any decoder sees the bytes."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

#: the largest attachment sent to a contact
MAX_IMAGE_BYTES = 5 * 1024 * 1024
#: the largest width or height a decoded attachment may have
MAX_IMAGE_SIDE = 8192

_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "image/png"),
    (b"\xff\xd8\xff", "image/jpeg"),
    (b"GIF87a", "image/gif"),
    (b"GIF89a", "image/gif"),
)

#: file-name patterns of a file dialog
ACCEPTED_SUFFIXES: tuple[str, ...] = ("*.png", "*.jpg", "*.jpeg", "*.gif")


class RejectReason(StrEnum):
    """Why an attachment is refused; the UI turns it into a translated sentence."""

    EMPTY = "empty"
    TOO_LARGE = "too_large"
    FORMAT = "format"
    DAMAGED = "damaged"
    TOO_MANY_PIXELS = "too_many_pixels"
    UNREADABLE = "unreadable"


class ImageRejected(ValueError):
    """The file is not an image the contact may receive; ``reason`` says why."""

    def __init__(self, reason: RejectReason, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


@dataclass(frozen=True)
class ImageHeader:
    mime: str
    size: int


def sniff_mime(data: bytes) -> str | None:
    """``image/png``, ``image/jpeg`` or ``image/gif`` from the magic bytes, else ``None``."""
    for signature, mime in _SIGNATURES:
        if data.startswith(signature):
            return mime
    return None


def check_image_bytes(data: bytes, max_bytes: int = MAX_IMAGE_BYTES) -> ImageHeader:
    """Refuse empty, oversized and non-PNG/JPEG/GIF data (before decoding it)."""
    if not data:
        raise ImageRejected(RejectReason.EMPTY, "the file is empty")
    if len(data) > max_bytes:
        raise ImageRejected(
            RejectReason.TOO_LARGE,
            f"{_megabytes(len(data))}; the limit is {_megabytes(max_bytes)}",
        )
    mime = sniff_mime(data)
    if mime is None:
        raise ImageRejected(RejectReason.FORMAT, "only PNG, JPEG and GIF images can be sent")
    return ImageHeader(mime=mime, size=len(data))


def check_dimensions(width: int, height: int, max_side: int = MAX_IMAGE_SIDE) -> None:
    if width <= 0 or height <= 0:
        raise ImageRejected(RejectReason.DAMAGED, "the image cannot be read: it is damaged")
    if width > max_side or height > max_side:
        raise ImageRejected(
            RejectReason.TOO_MANY_PIXELS,
            f"{width} × {height} pixels; the limit is {max_side} pixels a side",
        )


def _megabytes(size: int) -> str:
    return f"{size / (1024 * 1024):.1f} MB"
