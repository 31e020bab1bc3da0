"""Backend events: a pydantic discriminated union on ``type``."""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

from agent_desktop.core.models import InteractionSummary, Message, Party
from agent_desktop.core.types import Channel, ConnectionState, PartyState


class _Event(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


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
    | ConnectionChanged,
    Field(discriminator="type"),
]

EVENT_ADAPTER: TypeAdapter[BackendEvent] = TypeAdapter(BackendEvent)


def decode_event(raw: str | bytes | dict[str, object]) -> BackendEvent:
    """Parse one event from JSON text or a dict; raises ``pydantic.ValidationError``."""
    if isinstance(raw, dict):
        return EVENT_ADAPTER.validate_python(raw)
    return EVENT_ADAPTER.validate_json(raw)
