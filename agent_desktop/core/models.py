"""Domain models (pydantic): contacts, parties, messages and interactions."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field, field_validator

from agent_desktop.core.types import (
    Channel,
    DeliveryState,
    PartyRole,
    PartyState,
)


def valid_unicode(value: str) -> str:
    """``value`` with lone surrogates (from a broken wire: JSON ``"\\ud800"``, bad UTF-16)
    replaced by U+FFFD, so that it can be stored (UTF-8) and shown; valid text is unchanged."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return value.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return value


class Frozen(BaseModel):
    """Base for immutable value objects."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    @field_validator("*", mode="after")
    @classmethod
    def _valid_unicode(cls, value: object) -> object:
        return valid_unicode(value) if isinstance(value, str) else value


class ChannelAddress(Frozen):
    """How a contact is reached on one channel (a handle, page-scoped id, phone number...)."""

    channel: Channel
    address: str


class Contact(Frozen):
    """A customer in the contact database."""

    id: str
    name: str
    channels: tuple[ChannelAddress, ...] = ()
    email: str | None = None
    phone: str | None = None


class AgentIdentity(Frozen):
    """The logged-in agent."""

    id: str
    name: str
    nickname: str | None = None

    @property
    def display_name(self) -> str:
        return self.nickname or self.name


class Party(Frozen):
    """A participant of an interaction."""

    id: str
    name: str
    role: PartyRole
    state: PartyState = PartyState.CONNECTED


class ImageAttachment(Frozen):
    """An image sent in a message (PNG or JPEG, re-encoded without metadata after validation)."""

    mime: str
    filename: str
    data: bytes = Field(repr=False)
    width: int = 0
    height: int = 0


class Message(Frozen):
    """One message of a transcript.

    ``txn_id`` is the client transaction id of a message the agent sent (idempotency key);
    ``time`` is a POSIX timestamp in seconds.
    """

    id: str
    interaction_id: str
    author_id: str
    author_name: str
    author_role: PartyRole
    text: str
    time: float
    txn_id: str | None = None
    delivery: DeliveryState = DeliveryState.SENT
    url: str | None = Field(default=None, description="set on pushed URLs")
    channel: Channel | None = Field(
        default=None, description="the channel it went over, when the history spans several"
    )
    image: ImageAttachment | None = Field(default=None, description="set on image messages")
    image_refused: tuple[str, str] | None = Field(
        default=None,
        description="an image the backend received but does not show: (RejectReason value, "
        "detail); the session adds a translated notice after the message",
    )


class InteractionSummary(Frozen):
    """What the backend tells about an interaction when it is offered."""

    id: str
    contact: Contact
    channel: Channel
    subject: str | None = None
    first_message: str | None = None
    offered_at: float
    parties: tuple[Party, ...] = ()
    outbound: bool = Field(default=False, description="started by the agent: no offer to answer")


class InteractionInfo(Frozen):
    """One earlier (or current) interaction with a contact, for the conversation separators."""

    id: str
    contact_id: str
    channel: Channel
    started_at: float
    ended_at: float | None = None
    agent_name: str | None = None
    disposition: str | None = None
    asynchronous: bool = Field(
        default=False, description="the contact's persistent conversation outside any chat"
    )


class PublicPost(Frozen):
    """A public Facebook post or tweet that mentions the company."""

    id: str
    contact_id: str
    author_name: str
    network: str  # "facebook" or "twitter"
    text: str
    time: float
