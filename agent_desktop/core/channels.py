"""Which channel a message to a contact goes out on, and how channels are grouped."""

from __future__ import annotations

from collections.abc import Iterable

from agent_desktop.core.types import Channel

#: channels chosen before web chat when the contact has a session there, best first
PREFERRED_SESSION_CHANNELS: tuple[Channel, ...] = (
    Channel.MESSENGER,
    Channel.TWITTER,
    Channel.WHATSAPP,
)

#: the channel used when the contact has no session on a preferred one
DEFAULT_CHANNEL = Channel.WEBCHAT

#: the order of every channel in a channel selector
SELECTOR_ORDER: tuple[Channel, ...] = (
    Channel.WEBCHAT,
    Channel.MESSENGER,
    Channel.TWITTER,
    Channel.WHATSAPP,
    Channel.SMS,
)

#: interaction channels of the contact-info column, in the order they are shown
CONTACT_INFO_ORDER: tuple[Channel, ...] = (Channel.WEBCHAT, Channel.SMS, Channel.WHATSAPP)

#: private conversations (the Communication view's Private filter)
PRIVATE_CHANNELS = frozenset({Channel.WEBCHAT, Channel.MESSENGER, Channel.TWITTER})

#: public networks whose posts mentioning the company are shown under the Public filter
PUBLIC_NETWORKS: tuple[str, ...] = ("facebook", "twitter")


def preferred_channel(sessions: Iterable[Channel]) -> Channel:
    """The channel a new message goes out on by default.

    Web chat, unless the contact has a session on Facebook Messenger, X or WhatsApp, which
    are chosen first in that order.
    """
    present = frozenset(sessions)
    for channel in PREFERRED_SESSION_CHANNELS:
        if channel in present:
            return channel
    return DEFAULT_CHANNEL


def selector_channels(sessions: Iterable[Channel]) -> list[Channel]:
    """The channels offered in a channel selector: web chat plus every channel with a session."""
    present = frozenset(sessions) | {DEFAULT_CHANNEL}
    return [channel for channel in SELECTOR_ORDER if channel in present]


def contact_info_channels(sessions: Iterable[Channel]) -> list[Channel]:
    """The interaction buttons of the contact-info column, in their fixed order."""
    present = frozenset(sessions)
    return [channel for channel in CONTACT_INFO_ORDER if channel in present]
