"""Per-channel limits, SMS segments (GSM-7 / UCS-2) and the WhatsApp reply window."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from agent_desktop.core.message_limits import (
    GSM7_BASIC,
    GSM7_EXTENDED,
    SMS_MAX_SEGMENTS,
    WHATSAPP_WINDOW_S,
    SmsEncoding,
    channel_limit,
    check_length,
    reply_window,
    sms_encoding,
    sms_info,
    sms_segments,
)
from agent_desktop.core.types import Channel


@pytest.mark.parametrize(
    ("text", "segments"),
    [
        ("", 0),
        ("a", 1),
        ("a" * 160, 1),
        ("a" * 161, 2),
        ("a" * 306, 2),
        ("a" * 307, 3),
        ("é" * 160, 1),  # é is in the GSM alphabet
        ("€" * 80, 1),  # an extension character takes two septets
        ("€" * 81, 2),
        ("ç" * 70, 1),  # ç is not: UCS-2
        ("ç" * 71, 2),
        ("ç" * 134, 2),
        ("ç" * 135, 3),
        ("😀" * 35, 1),  # two UTF-16 units each
        ("😀" * 36, 2),
    ],
)
def test_segment_boundaries(text: str, segments: int) -> None:
    assert sms_segments(text) == segments


def test_an_extension_character_never_straddles_two_parts() -> None:
    # 152 septets, then "€" (2) does not fit the 153 of the first part
    info = sms_info("a" * 152 + "€" + "a" * 10)
    assert info.encoding is SmsEncoding.GSM7
    assert info.units == 164
    assert info.segments == 2
    assert info.remaining == 153 - 12


def test_encoding() -> None:
    assert sms_encoding("Hello {world} €") is SmsEncoding.GSM7
    assert sms_encoding("ça va ?") is SmsEncoding.UCS2
    info = sms_info("ça va ?")
    assert (info.per_segment, info.remaining) == (70, 63)


def test_channel_limits() -> None:
    assert channel_limit(Channel.MESSENGER) == 2000
    assert channel_limit(Channel.WHATSAPP) == 4096
    assert channel_limit(Channel.WEBCHAT, 500) == 500
    assert channel_limit(Channel.SMS) == 160


@pytest.mark.parametrize(
    ("channel", "limit"), [(Channel.MESSENGER, 2000), (Channel.WHATSAPP, 4096)]
)
def test_over_and_near(channel: Channel, limit: int) -> None:
    assert not check_length("a" * limit, channel).over
    assert check_length("a" * (limit + 1), channel).over
    assert not check_length("a" * int(limit * 0.79), channel).near
    assert check_length("a" * math.ceil(limit * 0.8), channel).near


def test_webchat_limit_is_the_setting() -> None:
    assert check_length("a" * 11, Channel.WEBCHAT, 10).over
    assert not check_length("a" * 10, Channel.WEBCHAT, 10).over


def test_sms_is_over_beyond_the_longest_concatenation() -> None:
    assert not check_length("a" * 153 * SMS_MAX_SEGMENTS, Channel.SMS).over
    assert check_length("a" * (153 * SMS_MAX_SEGMENTS + 1), Channel.SMS).over
    assert check_length("a", Channel.SMS).near
    assert not check_length("", Channel.SMS).near


GSM_CHARS = st.sampled_from(sorted(GSM7_BASIC | GSM7_EXTENDED))
ANY_TEXT = st.text(alphabet=st.one_of(GSM_CHARS, st.characters(codec="utf-8")), max_size=700)


@given(ANY_TEXT)
def test_segment_invariants(text: str) -> None:
    info = sms_info(text)
    single = 160 if info.encoding is SmsEncoding.GSM7 else 70
    part = 153 if info.encoding is SmsEncoding.GSM7 else 67
    if not text:
        assert info.segments == 0
    elif info.units <= single:
        assert info.segments == 1
    else:
        # never fewer than the units need, at most one more part per straddling character
        assert info.segments >= math.ceil(info.units / part)
        assert info.segments <= math.ceil(info.units / (part - 1))
        assert 0 <= info.remaining < part


@given(ANY_TEXT, ANY_TEXT)
def test_more_text_never_needs_fewer_segments(head: str, tail: str) -> None:
    assert sms_segments(head + tail) >= sms_segments(head)


@given(st.text(alphabet=GSM_CHARS, max_size=400))
def test_gsm_text_stays_gsm(text: str) -> None:
    info = sms_info(text)
    assert info.encoding is SmsEncoding.GSM7
    assert info.units == len(text) + sum(c in GSM7_EXTENDED for c in text)


def test_whatsapp_reply_window() -> None:
    now = 1_000_000.0
    open_window = reply_window(Channel.WHATSAPP, now - 3600, now)
    assert open_window.open and open_window.remaining_s == WHATSAPP_WINDOW_S - 3600
    closed = reply_window(Channel.WHATSAPP, now - WHATSAPP_WINDOW_S - 1, now)
    assert not closed.open and closed.remaining_s == 0
    assert not reply_window(Channel.WHATSAPP, None, now).open
    assert reply_window(Channel.SMS, None, now).open
    assert reply_window(Channel.WEBCHAT, now - 10 * WHATSAPP_WINDOW_S, now).remaining_s is None
