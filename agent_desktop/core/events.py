"""Backend events: a pydantic discriminated union on ``type``."""

from __future__ import annotations

import json
import logging
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError, field_validator

from agent_desktop.core.models import (
    Contact,
    InteractionSummary,
    Message,
    Party,
    PublicPost,
    valid_unicode,
)
from agent_desktop.core.types import Channel, ConnectionState, PartyState

log = logging.getLogger(__name__)
#: how much of a malformed event's raw form goes to the log
RAW_LOG_CHARS = 2000


class _Event(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    @field_validator("*", mode="after")
    @classmethod
    def _valid_unicode(cls, value: object) -> object:
        return valid_unicode(value) if isinstance(value, str) else value


class InteractionOffered(_Event):
    type: Literal["interaction_offered"] = "interaction_offered"
    interaction: InteractionSummary


class InteractionAccepted(_Event):
    type: Literal["interaction_accepted"] = "interaction_accepted"
    interaction_id: str
    time: float


class InteractionRevoked(_Event):
    """An offer was withdrawn (the contact left before the agent answered, or a timeout)."""

    type: Literal["interaction_revoked"] = "interaction_revoked"
    interaction_id: str
    reason: str = ""


class InteractionEnded(_Event):
    type: Literal["interaction_ended"] = "interaction_ended"
    interaction_id: str
    time: float
    by_contact: bool = False


class InteractionTransferred(_Event):
    type: Literal["interaction_transferred"] = "interaction_transferred"
    interaction_id: str
    target_name: str


class ConsultationEnded(_Event):
    """A consultation (an internal chat with a colleague) is over.

    ``outcome``: ``"ended"`` (either side closed it), ``"transferred"`` (two-step transfer
    completed) or ``"conference"`` (the colleague joined the customer's chat).
    """

    type: Literal["consultation_ended"] = "consultation_ended"
    consultation_id: str
    outcome: Literal["ended", "transferred", "conference"] = "ended"


class MessageReceived(_Event):
    type: Literal["message_received"] = "message_received"
    message: Message


class MessageDelivered(_Event):
    type: Literal["message_delivered"] = "message_delivered"
    interaction_id: str
    txn_id: str
    message_id: str
    time: float


class MessageStatus(_Event):
    """The contact's side reports an agent message delivered to their device, or read
    (on channels with read receipts). Only moves a message's state forward."""

    type: Literal["message_status"] = "message_status"
    interaction_id: str
    txn_id: str
    status: Literal["delivered", "read"]
    time: float


class MessageFailed(_Event):
    type: Literal["message_failed"] = "message_failed"
    interaction_id: str
    txn_id: str
    reason: str


class Typing(_Event):
    type: Literal["typing"] = "typing"
    interaction_id: str
    party_id: str
    typing: bool


class PartyJoined(_Event):
    type: Literal["party_joined"] = "party_joined"
    interaction_id: str
    party: Party


class PartyLeft(_Event):
    type: Literal["party_left"] = "party_left"
    interaction_id: str
    party_id: str


class PartyConnectionChanged(_Event):
    type: Literal["party_connection"] = "party_connection"
    interaction_id: str
    party_id: str
    state: PartyState


class ContactPresence(_Event):
    type: Literal["contact_presence"] = "contact_presence"
    contact_id: str
    channel: Channel
    connected: bool


class InteractionReactivated(_Event):
    """An ended interaction is live again (the agent wrote in it before marking it Done)."""

    type: Literal["interaction_reactivated"] = "interaction_reactivated"
    interaction_id: str
    time: float


class ConversationReply(_Event):
    """A contact wrote into their asynchronous conversation, outside any live chat."""

    type: Literal["conversation_reply"] = "conversation_reply"
    contact: Contact
    message: Message


class PublicPostReceived(_Event):
    """A public post or tweet mentioning the company."""

    type: Literal["public_post"] = "public_post"
    post: PublicPost


class ConnectionChanged(_Event):
    type: Literal["connection"] = "connection"
    state: ConnectionState
    detail: str = ""


BackendEvent = Annotated[
    InteractionOffered
    | InteractionAccepted
    | InteractionRevoked
    | InteractionEnded
    | InteractionTransferred
    | ConsultationEnded
    | MessageReceived
    | MessageDelivered
    | MessageStatus
    | MessageFailed
    | Typing
    | PartyJoined
    | PartyLeft
    | PartyConnectionChanged
    | ContactPresence
    | ConnectionChanged
    | InteractionReactivated
    | ConversationReply
    | PublicPostReceived,
    Field(discriminator="type"),
]

EVENT_ADAPTER: TypeAdapter[BackendEvent] = TypeAdapter(BackendEvent)


def decode_event(raw: str | bytes | dict[str, object]) -> BackendEvent:
    """Parse one event from JSON text or a dict; raises ``pydantic.ValidationError``."""
    if isinstance(raw, dict):
        return EVENT_ADAPTER.validate_python(raw)
    return EVENT_ADAPTER.validate_json(raw)


def parse_event(
    raw: str | bytes | dict[str, object], source: str = "backend"
) -> BackendEvent | None:
    """:func:`decode_event` for data straight off the wire: a malformed event is logged with
    its raw form (bounded, escaped) and skipped (None); it never raises."""
    try:
        return decode_event(raw)
    except (ValidationError, ValueError, TypeError, RecursionError) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        log.warning("%s: skipped a malformed event (%s); raw: %s", source, reason, raw_for_log(raw))
        return None


def raw_for_log(raw: object) -> str:
    """``raw`` as one bounded log line (control characters escaped)."""
    try:
        text = json.dumps(raw, ensure_ascii=True, default=repr) if isinstance(raw, dict) else ""
    except (ValueError, TypeError, RecursionError):  # circular or odd: fall back on repr
        text = ""
    if not text:
        try:
            text = ascii(raw)
        except RecursionError:
            text = f"<{type(raw).__name__}>"
    return text if len(text) <= RAW_LOG_CHARS else text[:RAW_LOG_CHARS] + "…"
