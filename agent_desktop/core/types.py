"""Shared value types and enums, used everywhere instead of strings."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum

#: A clock returns seconds as a float; policies receive one instead of reading the time.
Clock = Callable[[], float]


class Channel(StrEnum):
    """A customer-facing chat channel."""

    WEBCHAT = "webchat"
    MESSENGER = "messenger"
    TWITTER = "twitter"
    WHATSAPP = "whatsapp"
    SMS = "sms"


class InteractionState(StrEnum):
    """Life cycle of an interaction on the agent's desktop."""

    OFFERED = "offered"
    ACTIVE = "active"
    ENDED = "ended"
    DONE = "done"
    REJECTED = "rejected"
    #: handed to a colleague or queue (transfer, or the agent left a conference): off the desk
    TRANSFERRED = "transferred"


class DeliveryState(StrEnum):
    """Delivery of one message the agent sent."""

    SENDING = "sending"
    SENT = "sent"
    DELIVERED = "delivered"
    READ = "read"
    FAILED = "failed"
    #: failed, and the agent chose not to send it (kept in the transcript, never sent)
    DISCARDED = "discarded"


class PendingLevel(StrEnum):
    """Colour of the pending-response indicator."""

    IDLE = "idle"
    GREEN = "green"
    YELLOW = "yellow"
    RED = "red"


class PartyRole(StrEnum):
    """Who a participant of an interaction is."""

    CUSTOMER = "customer"
    AGENT = "agent"
    COLLEAGUE = "colleague"
    SYSTEM = "system"


class PartyState(StrEnum):
    """Connection state of one participant."""

    CONNECTED = "connected"
    DISCONNECTED = "disconnected"
    LEFT = "left"


class ConnectionState(StrEnum):
    """State of the link between the desktop and its messaging backend."""

    DISCONNECTED = "disconnected"
    CONNECTING = "connecting"
    CONNECTED = "connected"
    RECONNECTING = "reconnecting"
    FAILED = "failed"


class Capability(StrEnum):
    """Optional features a backend may support; the UI hides what is absent."""

    TYPING = "typing"
    PUSH_URL = "push_url"
    IMAGES = "images"
    TRANSFER = "transfer"
    CONFERENCE = "conference"
    CONSULT = "consult"
    VOICE_CONSULT = "voice_consult"
    CALL = "call"
    EMAIL = "email"
    DISPOSITION = "disposition"
    HISTORY = "history"
    SEARCH = "search"
    ASYNC_CHAT = "async_chat"
    CONTACTS = "contacts"
    READ_RECEIPTS = "read_receipts"
    #: keeps the agent's interaction log (KPI events) on the server
    STATISTICS = "statistics"
    #: public posts and tweets that mention the company (the Communication view's Public)
    PUBLIC_POSTS = "public_posts"
