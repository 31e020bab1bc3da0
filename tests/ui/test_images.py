"""Images: size and pixel limits (decompression bombs refused before decoding), only PNG /
JPEG / GIF / WebP, metadata stripped on re-encoding, a corrupt file refused with a message."""

from __future__ import annotations

import struct
import time
import zlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QLocale
from PySide6.QtGui import QColor, QImage, QImageWriter
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from agent_desktop.core.events import MessageReceived
from agent_desktop.core.images import (
    ImageFormat,
    ImageLimits,
    ImageRejected,
    RejectReason,
    check_image,
    declared_size,
    sniff_format,
)
from agent_desktop.core.models import Message
from agent_desktop.core.types import PartyRole
from agent_desktop.services.images import prepare_image, rejection_message
from agent_desktop.ui.transcript_model import Roles
from agent_desktop.ui.translations import install_translators
from tests.ui.conftest import StartHarness


def encoded(fmt: str, width: int = 8, height: int = 6, text: str | None = None) -> bytes:
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(0xFF3366CC)
    if text is not None:
        image.setText("Author", text)
        image.setText("GPS", "48.8566,2.3522")
    array = QByteArray()
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert QImageWriter(buffer, QByteArray(fmt.encode())).write(image)
    buffer.close()
    return bytes(array.data())


def png_chunk(kind: bytes, body: bytes) -> bytes:
    return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))


def png_bomb(width: int = 50_000, height: int = 50_000) -> bytes:
    """A tiny PNG whose header declares ``width`` x ``height`` pixels."""
    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    pixels = zlib.compress(b"\x00" * 1024)  # a sliver; a decoder would inflate for ever
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", header)
        + png_chunk(b"IDAT", pixels)
        + png_chunk(b"IEND", b"")
    )


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [("PNG", ImageFormat.PNG), ("JPEG", ImageFormat.JPEG), ("WEBP", ImageFormat.WEBP)],
)
def test_allowed_formats_are_recognised_by_content_with_their_size(
    qtbot: QtBot, fmt: str, expected: ImageFormat
) -> None:
    data = encoded(fmt, 8, 6)
    assert sniff_format(data) is expected
    assert declared_size(data, expected) == (8, 6)
    prepared = prepare_image(data)
    assert (prepared.width, prepared.height) == (8, 6)
    assert prepared.mime == ("image/jpeg" if expected is ImageFormat.JPEG else "image/png")


def test_gif_header_size_is_read() -> None:
    data = b"GIF89a" + struct.pack("<HH", 320, 200) + b"\x00" * 20
    assert sniff_format(data) is ImageFormat.GIF
    assert declared_size(data, ImageFormat.GIF) == (320, 200)


def test_a_decompression_bomb_is_refused_before_any_decoding(qtbot: QtBot) -> None:
    bomb = png_bomb()
    assert len(bomb) < 200
    with pytest.raises(ImageRejected) as refused:
        check_image(bomb)
    assert refused.value.reason is RejectReason.TOO_MANY_PIXELS
    with pytest.raises(ImageRejected) as again:
        prepare_image(bomb)
    message = rejection_message(again.value)
    assert "50000 × 50000" in message
    # within the side limit but over the pixel budget: still refused
    with pytest.raises(ImageRejected):
        check_image(png_bomb(9_000, 9_000))


def test_the_decoder_limit_holds_even_when_the_header_check_allows_it(qtbot: QtBot) -> None:
    data = encoded("PNG", 64, 64)
    tight = ImageLimits(max_pixels=64 * 64, max_side=64)
    assert prepare_image(data, tight).width == 64
    with pytest.raises(ImageRejected) as refused:
        prepare_image(data, ImageLimits(max_pixels=64 * 63, max_side=64))
    assert refused.value.reason is RejectReason.TOO_MANY_PIXELS


@pytest.mark.parametrize(
    "data",
    [
        b"BM" + b"\x00" * 60,  # a BMP: Qt could decode it, we do not send it
        b"<svg xmlns='http://www.w3.org/2000/svg'/>",
        b"%PDF-1.7 not an image",
        b"MZ\x90\x00 an executable renamed .png",
    ],
)
def test_other_formats_are_refused_whatever_their_name(qtbot: QtBot, data: bytes) -> None:
    with pytest.raises(ImageRejected) as refused:
        prepare_image(data)
    assert refused.value.reason is RejectReason.FORMAT
    assert "PNG, JPEG, GIF and WebP" in rejection_message(refused.value)


def test_a_corrupt_file_is_refused_with_a_message(qtbot: QtBot) -> None:
    good = encoded("PNG", 16, 16)
    corrupt = good[:40] + b"\x00" * 30  # header intact, pixels gone
    with pytest.raises(ImageRejected) as refused:
        prepare_image(corrupt)
    assert refused.value.reason is RejectReason.DAMAGED
    assert rejection_message(refused.value) == "The image is damaged and cannot be sent."
    with pytest.raises(ImageRejected) as empty:
        prepare_image(b"")
    assert empty.value.reason is RejectReason.EMPTY


def test_a_file_over_the_byte_limit_is_refused_unread(qtbot: QtBot) -> None:
    with pytest.raises(ImageRejected) as refused:
        check_image(encoded("PNG"), ImageLimits(max_bytes=10))
    assert refused.value.reason is RejectReason.TOO_LARGE


def test_metadata_is_stripped_when_re_encoding(qtbot: QtBot) -> None:
    original = encoded("PNG", 12, 12, text="Marie Dupont")
    assert b"Marie Dupont" in original and b"48.8566" in original
    prepared = prepare_image(original)
    assert b"Marie Dupont" not in prepared.data
    assert b"48.8566" not in prepared.data
    assert b"tEXt" not in prepared.data and b"iTXt" not in prepared.data
    decoded = QImage.fromData(prepared.data)
    assert decoded.textKeys() == []
    assert decoded.pixel(5, 5) == 0xFF3366CC  # the pixels survive


def exif_segment(artist: str) -> bytes:
    """An APP1 EXIF segment (big-endian TIFF) with an Artist tag and a GPS IFD placing the
    photo at 48°51'23.88" N, 2°21'7.92" E (the bytes a phone writes)."""

    def entry(tag: int, kind: int, count: int, value: bytes) -> bytes:
        return struct.pack(">HHI", tag, kind, count) + value.ljust(4, b"\0")

    name = artist.encode() + b"\0"
    ifd0_at, gps_at = 8, 8 + 2 + 2 * 12 + 4
    name_at = gps_at + 2 + 4 * 12 + 4
    lat_at = name_at + len(name)
    lon_at = lat_at + 24
    ifd0 = (
        struct.pack(">H", 2)
        + entry(0x013B, 2, len(name), struct.pack(">I", name_at))  # Artist
        + entry(0x8825, 4, 1, struct.pack(">I", gps_at))  # GPSInfo IFD
        + struct.pack(">I", 0)
    )
    gps = (
        struct.pack(">H", 4)
        + entry(0x0001, 2, 2, b"N\0")  # GPSLatitudeRef
        + entry(0x0002, 5, 3, struct.pack(">I", lat_at))  # GPSLatitude
        + entry(0x0003, 2, 2, b"E\0")  # GPSLongitudeRef
        + entry(0x0004, 5, 3, struct.pack(">I", lon_at))  # GPSLongitude
        + struct.pack(">I", 0)
    )
    latitude = struct.pack(">6I", 48, 1, 51, 1, 2388, 100)
    longitude = struct.pack(">6I", 2, 1, 21, 1, 792, 100)
    tiff = b"MM\0\x2a" + struct.pack(">I", ifd0_at) + ifd0 + gps + name + latitude + longitude
    assert len(b"MM\0\x2a") + 4 + len(ifd0) == gps_at
    body = b"Exif\0\0" + tiff
    return b"\xff\xe1" + struct.pack(">H", len(body) + 2) + body


def jpeg_markers(data: bytes) -> list[int]:
    """The markers of a JPEG's segments up to its image data (start of scan)."""
    assert data[:2] == b"\xff\xd8"
    markers, at = [], 2
    while at < len(data) and data[at] == 0xFF:
        marker = data[at + 1]
        markers.append(marker)
        if marker == 0xDA:
            break
        at += 2 + struct.unpack(">H", data[at + 2 : at + 4])[0]
    return markers


def test_jpeg_exif_and_gps_are_stripped_when_re_encoding(qtbot: QtBot) -> None:
    plain = encoded("JPEG", 16, 16)
    original = plain[:2] + exif_segment("Marie Dupont") + plain[2:]  # right after SOI
    latitude = struct.pack(">6I", 48, 1, 51, 1, 2388, 100)
    assert 0xE1 in jpeg_markers(original)  # the APP1 (EXIF) segment is there...
    assert b"Exif\0\0" in original and b"Marie Dupont" in original and latitude in original
    assert not QImage.fromData(original).isNull()  # ...in a JPEG Qt reads
    prepared = prepare_image(original)
    assert prepared.mime == "image/jpeg"
    assert 0xE1 not in jpeg_markers(prepared.data)  # no APP1 left: no EXIF, no XMP
    assert b"Exif" not in prepared.data and b"Marie Dupont" not in prepared.data
    assert latitude not in prepared.data
    decoded = QImage.fromData(prepared.data)
    assert decoded.size() == QImage.fromData(plain).size()
    assert QColor(decoded.pixel(8, 8)).blue() > 150  # the pixels survive (lossy, close)


MAGICS = [b"", b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF89a", b"RIFF\0\0\0\0WEBPVP8X"]


@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=300), st.sampled_from(MAGICS))
def test_random_bytes_are_an_image_or_refused(data: bytes, magic: bytes) -> None:
    try:
        prepared = prepare_image(magic + data)
    except ImageRejected as refused:
        assert rejection_message(refused)
    else:
        assert not QImage.fromData(prepared.data).isNull()


def received_with_refused_image(iid: str, reason: str, detail: str) -> MessageReceived:
    return MessageReceived(
        message=Message(
            id=f"m-image-{reason}",
            interaction_id=iid,
            author_id="c",
            author_name="Marie",
            author_role=PartyRole.CUSTOMER,
            text="facture.png",
            time=time.time(),
            image_refused=(reason, detail),
        )
    )


def test_a_received_image_the_backend_refused_gets_a_translated_notice(
    start: StartHarness, qapp: QApplication
) -> None:
    h = start()
    iid = h.customers.start_chat("Marie", None)
    view = h.accept(iid)
    session = h.desktop.session
    assert session is not None
    session.apply(received_with_refused_image(iid, "too_large", "the limit is 4000 bytes"))
    rows = [view.model.index(r, 0) for r in range(view.model.rowCount())]
    assert [r.data() for r in rows][-2:] == [
        "facture.png",
        "The image “facture.png” from Marie is not shown: it is too large"
        " (the limit is 4000 bytes).",
    ]
    locale = QLocale()
    translators = install_translators(qapp, "fr")
    try:
        session.apply(received_with_refused_image(iid, "format", ""))
    finally:
        for translator in translators:
            qapp.removeTranslator(translator)
        QLocale.setDefault(locale)
    notice = view.model.index(view.model.rowCount() - 1, 0)
    assert notice.data() == (
        "L’image « facture.png » envoyée par Marie n’est pas affichée :"
        " seules les images PNG, JPEG, GIF et WebP sont affichées."
    )
    assert notice.data(Roles.AUTHOR_ROLE) == PartyRole.SYSTEM.value
