"""Per-channel message length limits, SMS segments and the WhatsApp reply window.

SMS: a message in the GSM 03.38 alphabet (GSM-7) fits 160 characters in one SMS, 153 per
part once it needs several (the rest of each part is the concatenation header); the
extension characters (``{ } [ ] ~ \\ | ^ €`` and form feed) take two. Any other character
makes the whole message UCS-2: 70 UTF-16 code units in one SMS, 67 per part. A character is
never split across two parts.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from agent_desktop.core.types import Channel

# The GSM 03.38 basic character set and its extension table.
GSM7_BASIC = frozenset(
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM7_EXTENDED = frozenset("^{}\\[~]|€\f")

SMS_SINGLE = {"gsm7": 160, "ucs2": 70}
SMS_PART = {"gsm7": 153, "ucs2": 67}
#: the longest SMS we let the agent send (a long concatenated message)
SMS_MAX_SEGMENTS = 10

MESSENGER_MAX = 2_000
WHATSAPP_MAX = 4_096
TWITTER_MAX = 10_000
#: default of the ``chat.webchat_max_length`` setting
WEBCHAT_DEFAULT_MAX = 4_000

#: the counter shows from this share of the limit on
NEAR_FRACTION = 0.8

WHATSAPP_WINDOW_S = 24 * 3600


class SmsEncoding(StrEnum):
    GSM7 = "gsm7"
    UCS2 = "ucs2"


def sms_encoding(text: str) -> SmsEncoding:
    """GSM-7 when every character is in the GSM alphabet, else UCS-2."""
    for char in text:
        if char not in GSM7_BASIC and char not in GSM7_EXTENDED:
            return SmsEncoding.UCS2
    return SmsEncoding.GSM7


def _unit_costs(text: str, encoding: SmsEncoding) -> list[int]:
    """Cost of each character: septets (GSM-7) or UTF-16 code units (UCS-2)."""
    if encoding is SmsEncoding.GSM7:
        return [2 if c in GSM7_EXTENDED else 1 for c in text]
    return [2 if ord(c) > 0xFFFF else 1 for c in text]


@dataclass(frozen=True)
class SmsInfo:
    encoding: SmsEncoding
    #: septets or UTF-16 code units
    units: int
    segments: int
    #: units one segment holds for this message (160/70 alone, 153/67 in several)
    per_segment: int
    #: units still free in the last segment
    remaining: int


def sms_info(text: str) -> SmsInfo:
    """How ``text`` goes out as SMS: encoding, size and number of parts."""
    encoding = sms_encoding(text)
    costs = _unit_costs(text, encoding)
    units = sum(costs)
    single = SMS_SINGLE[encoding.value]
    if units <= single:
        return SmsInfo(encoding, units, 1 if units else 0, single, single - units)
    part = SMS_PART[encoding.value]
    segments, used = 1, 0
    for cost in costs:  # greedy packing: a character never straddles two parts
        if used + cost > part:
            segments += 1
            used = 0
        used += cost
    return SmsInfo(encoding, units, segments, part, part - used)


def sms_segments(text: str) -> int:
    return sms_info(text).segments


@dataclass(frozen=True)
class LengthStatus:
    """Where a draft stands against its channel's limit."""

    #: characters (or SMS units) used and allowed; ``limit`` None means no limit
    used: int
    limit: int | None
    #: SMS only
    sms: SmsInfo | None = None

    @property
    def over(self) -> bool:
        if self.sms is not None:
            return self.sms.segments > SMS_MAX_SEGMENTS
        return self.limit is not None and self.used > self.limit

    @property
    def near(self) -> bool:
        """The counter should show: close to (or past) the limit, or any SMS text."""
        if self.sms is not None:
            return self.used > 0
        return self.limit is not None and self.used >= self.limit * NEAR_FRACTION


def channel_limit(channel: Channel, webchat_max: int = WEBCHAT_DEFAULT_MAX) -> int | None:
    """Characters one message may hold on ``channel`` (SMS: the single-segment GSM-7 size)."""
    return {
        Channel.SMS: SMS_SINGLE["gsm7"],
        Channel.MESSENGER: MESSENGER_MAX,
        Channel.WHATSAPP: WHATSAPP_MAX,
        Channel.TWITTER: TWITTER_MAX,
        Channel.WEBCHAT: webchat_max,
    }.get(channel)


def check_length(
    text: str, channel: Channel, webchat_max: int = WEBCHAT_DEFAULT_MAX
) -> LengthStatus:
    """``text`` (as it will be sent: stripped by the caller) against ``channel``'s limit."""
    if channel is Channel.SMS:
        info = sms_info(text)
        return LengthStatus(info.units, SMS_MAX_SEGMENTS * SMS_PART[info.encoding.value], sms=info)
    return LengthStatus(len(text), channel_limit(channel, webchat_max))


# WhatsApp customer-service window -------------------------------------------------------
@dataclass(frozen=True)
class ReplyWindow:
    """Whether a free-form reply may be sent (WhatsApp: within 24 h of the contact's last
    message)."""

    open: bool
    #: seconds left while open (None: no window applies)
    remaining_s: float | None = None


def reply_window(channel: Channel, last_contact_message: float | None, now: float) -> ReplyWindow:
    """The reply window of a chat on ``channel`` whose contact last wrote at
    ``last_contact_message`` (POSIX seconds; None when they have not written)."""
    if channel is not Channel.WHATSAPP:
        return ReplyWindow(True)
    if last_contact_message is None:
        return ReplyWindow(False, 0.0)
    remaining = last_contact_message + WHATSAPP_WINDOW_S - now
    return ReplyWindow(remaining > 0, max(0.0, remaining))
