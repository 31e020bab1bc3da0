"""The channel priority rule (every combination of sessions) and the image checks."""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from agent_desktop.core.channels import (
    contact_info_channels,
    preferred_channel,
    selector_channels,
)
from agent_desktop.core.images import (
    MAX_IMAGE_BYTES,
    ImageRejected,
    RejectReason,
    check_dimensions,
    check_image_bytes,
    sniff_mime,
)
from agent_desktop.core.types import Channel

C = Channel
EVERY_COMBINATION = [
    frozenset(combo)
    for size in range(len(C) + 1)
    for combo in itertools.combinations(list(C), size)
]


def expected_channel(sessions: frozenset[Channel]) -> Channel:
    """The rule, spelled out case by case."""
    if C.MESSENGER in sessions:
        return C.MESSENGER
    if C.TWITTER in sessions:
        return C.TWITTER
    if C.WHATSAPP in sessions:
        return C.WHATSAPP
    return C.WEBCHAT


def test_there_are_thirty_two_combinations() -> None:
    assert len(EVERY_COMBINATION) == 32 == len(set(EVERY_COMBINATION))


@pytest.mark.parametrize("sessions", EVERY_COMBINATION, ids=lambda s: "+".join(sorted(s)) or "none")
def test_priority_rule_for_every_combination_of_sessions(sessions: frozenset[Channel]) -> None:
    chosen = preferred_channel(sessions)
    assert chosen is expected_channel(sessions)
    # whatever is chosen is offered in the selector, and web chat always is
    offered = selector_channels(sessions)
    assert chosen in offered and C.WEBCHAT in offered
    assert set(offered) == sessions | {C.WEBCHAT}
    # SMS and web chat alone never beat web chat
    if not sessions & {C.MESSENGER, C.TWITTER, C.WHATSAPP}:
        assert chosen is C.WEBCHAT


def test_priority_examples() -> None:
    assert preferred_channel([]) is C.WEBCHAT
    assert preferred_channel([C.SMS]) is C.WEBCHAT
    assert preferred_channel([C.WHATSAPP, C.TWITTER]) is C.TWITTER
    assert preferred_channel([C.WHATSAPP, C.TWITTER, C.MESSENGER, C.SMS]) is C.MESSENGER
    assert preferred_channel(iter([C.WHATSAPP, C.WEBCHAT])) is C.WHATSAPP


def test_contact_info_buttons_keep_chat_sms_whatsapp_order() -> None:
    assert contact_info_channels(list(C)) == [C.WEBCHAT, C.SMS, C.WHATSAPP]
    assert contact_info_channels([C.WHATSAPP, C.SMS]) == [C.SMS, C.WHATSAPP]
    assert contact_info_channels([C.MESSENGER, C.TWITTER]) == []


PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 20
JPEG = b"\xff\xd8\xff\xe0" + b"\0" * 20
GIF = b"GIF89a" + b"\0" * 20


def test_magic_bytes_name_the_format() -> None:
    assert sniff_mime(PNG) == "image/png"
    assert sniff_mime(JPEG) == "image/jpeg"
    assert sniff_mime(GIF) == "image/gif"
    assert sniff_mime(b"GIF87a....") == "image/gif"
    assert sniff_mime(b"BM\0\0") is None  # BMP is not accepted
    assert sniff_mime(b"<svg") is None
    assert sniff_mime(b"") is None


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", RejectReason.EMPTY),
        (b"%PDF-1.7", RejectReason.FORMAT),
        (b"\x89PNG\r\n\x1a" + b"x", RejectReason.FORMAT),  # truncated signature
        (PNG + b"\0" * MAX_IMAGE_BYTES, RejectReason.TOO_LARGE),
    ],
)
def test_bad_bytes_are_refused_with_a_reason(data: bytes, reason: RejectReason) -> None:
    with pytest.raises(ImageRejected) as caught:
        check_image_bytes(data)
    assert caught.value.reason is reason
    assert caught.value.detail


def test_good_bytes_pass_and_the_cap_is_inclusive() -> None:
    assert check_image_bytes(PNG).mime == "image/png"
    exactly = PNG + b"\0" * (1000 - len(PNG))
    assert check_image_bytes(exactly, max_bytes=1000).size == 1000
    with pytest.raises(ImageRejected):
        check_image_bytes(exactly + b"\0", max_bytes=1000)


def test_dimensions() -> None:
    check_dimensions(1, 1)
    check_dimensions(8192, 10)
    for width, height, reason in (
        (0, 10, RejectReason.DAMAGED),
        (10, -1, RejectReason.DAMAGED),
        (8193, 10, RejectReason.TOO_MANY_PIXELS),
        (10, 100_000, RejectReason.TOO_MANY_PIXELS),
    ):
        with pytest.raises(ImageRejected) as caught:
            check_dimensions(width, height)
        assert caught.value.reason is reason


@given(st.binary(max_size=64))
def test_anything_is_either_accepted_with_its_sniffed_type_or_refused(data: bytes) -> None:
    try:
        header = check_image_bytes(data)
    except ImageRejected as refused:
        assert refused.reason in (RejectReason.EMPTY, RejectReason.FORMAT)
    else:
        assert header.mime == sniff_mime(data) and header.size == len(data)
