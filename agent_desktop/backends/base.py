"""The backend contract: an async abstract base class plus capabilities."""

from __future__ import annotations

import abc
from collections.abc import AsyncIterator, Sequence
from pathlib import Path
from typing import ClassVar

from pydantic import BaseModel, ConfigDict

from agent_desktop.core.events import BackendEvent
from agent_desktop.core.interaction_log import LogEvent
from agent_desktop.core.models import (
    AgentIdentity,
    Contact,
    ImageAttachment,
    InteractionInfo,
    Message,
    PublicPost,
)
from agent_desktop.core.standard_responses import StandardResponse
from agent_desktop.core.types import Capability, Channel


class BackendError(Exception):
    """A backend operation failed; ``str(error)`` is a message fit for the agent."""


class NotSupported(BackendError):
    """The backend lacks the capability for this operation."""


class ConnectionLost(BackendError):
    """The link to the backend dropped during the call; it may have happened or not, so the
    caller retries it after reconnecting (messages: with the same txn id)."""


class LoginNeeded(BackendError):
    """The agent must log in (again) before the backend can connect (no credentials, an
    expired or revoked token, a refused password): retrying could not succeed, so the
    session waits for the login instead of reconnecting on its own."""


class UntrustedServer(BackendError):
    """The server's TLS certificate could not be verified: the connection was refused
    (certificates are always checked; a private CA must be configured, never skipped)."""


class MessageRefused(BackendError):
    """The backend refuses this message for good (forbidden, too large, blocked contact...):
    sending it again fails the same way, so the app does not retry it on its own; the agent
    retries or discards it. A ``MessageFailed`` event means the same."""


class BackendConfig(BaseModel):
    """Base of every backend's own config section (``settings.backends[name]``)."""

    model_config = ConfigDict(extra="forbid")


class Target(BaseModel):
    """A colleague or queue that can receive a transfer, conference or consultation."""

    model_config = ConfigDict(frozen=True)

    id: str
    name: str
    kind: str  # "agent" or "queue"
    presence: str = "ready"  # "ready", "busy", "away", "offline"

    @property
    def available(self) -> bool:
        return self.presence == "ready" or self.kind == "queue"


class BackendContext(BaseModel):
    """What the composition root hands to a backend: where it may keep its files."""

    model_config = ConfigDict(frozen=True, arbitrary_types_allowed=True)

    data_dir: Path
    cache_dir: Path


class MessagingBackend(abc.ABC):
    """What the desktop needs from a contact-center messaging system.

    Every method is a coroutine running on the UI thread's asyncio loop: an implementation
    must never block it (use ``asyncio.to_thread`` or a worker for blocking I/O).
    Events flow through :meth:`events`, an async iterator that ends after :meth:`disconnect`.

    Connection and restarts (the session relies on these; see ``services/session.py``):
    ``ConnectionChanged(CONNECTED)`` comes after the interactions already on the agent's
    desk were announced (offered / accepted, with their transcript), so what is not on the
    desk then is gone. When :meth:`events` ends or raises ``BackendError`` / ``OSError``
    without :meth:`disconnect`, the connection is lost: the session calls :meth:`connect`
    again (with backoff) and a backend resumes, delivering the events it held meanwhile.
    ``send_message`` and ``push_url`` are idempotent on ``txn_id``: the outbox sends an
    unconfirmed message again with the same id after a reconnect or a restart.
    """

    #: entry-point name (``agent_desktop.backends``)
    name: ClassVar[str]
    #: the pydantic model of this backend's config section
    config_model: ClassVar[type[BackendConfig]] = BackendConfig
    #: optional features; the UI hides what is absent
    capabilities: frozenset[Capability] = frozenset()

    @classmethod
    def create(cls, config: dict[str, object], context: BackendContext) -> MessagingBackend:
        """Validate ``config`` with :attr:`config_model` and build the backend.

        Raises ``pydantic.ValidationError`` for a bad config section.
        """
        return cls(cls.config_model.model_validate(config), context)

    def __init__(self, config: BackendConfig, context: BackendContext) -> None:
        self.config = config
        self.context = context

    # lifecycle ------------------------------------------------------------------------
    @abc.abstractmethod
    async def connect(self, agent: AgentIdentity) -> None: ...

    @abc.abstractmethod
    async def disconnect(self) -> None: ...

    @abc.abstractmethod
    def events(self) -> AsyncIterator[BackendEvent]: ...

    # agent ----------------------------------------------------------------------------
    @abc.abstractmethod
    async def set_ready(self, channel: str, ready: bool) -> None: ...

    # interaction ----------------------------------------------------------------------
    @abc.abstractmethod
    async def accept(self, interaction_id: str) -> None: ...

    @abc.abstractmethod
    async def reject(self, interaction_id: str) -> None: ...

    @abc.abstractmethod
    async def send_message(self, interaction_id: str, text: str, txn_id: str) -> None:
        """Send ``text``; idempotent on ``txn_id``. Confirmation comes as an event."""

    @abc.abstractmethod
    async def send_typing(self, interaction_id: str, typing: bool) -> None: ...

    @abc.abstractmethod
    async def end(self, interaction_id: str) -> None: ...

    @abc.abstractmethod
    async def mark_done(
        self, interaction_id: str, disposition: str | None = None, note: str = ""
    ) -> None: ...

    async def push_url(self, interaction_id: str, url: str, txn_id: str) -> None:
        raise NotSupported("push_url")

    async def send_image(
        self, interaction_id: str, data: bytes, mime: str, filename: str, txn_id: str
    ) -> None:
        raise NotSupported("send_image")

    async def transfer(self, interaction_id: str, target_id: str) -> None:
        raise NotSupported("transfer")

    async def conference(self, interaction_id: str, target_id: str) -> None:
        raise NotSupported("conference")

    async def consult(self, interaction_id: str, target_id: str) -> str:
        """Start a consultation; returns the consultation's interaction id."""
        raise NotSupported("consult")

    async def complete_transfer(self, consultation_id: str) -> None:
        """Two-step transfer: the consulted colleague takes over the consultation's chat."""
        raise NotSupported("complete_transfer")

    async def consultation_to_conference(self, consultation_id: str) -> None:
        """The consulted colleague joins the consultation's chat as a party."""
        raise NotSupported("consultation_to_conference")

    async def end_consultation(self, consultation_id: str) -> None:
        raise NotSupported("end_consultation")

    async def leave_conference(self, interaction_id: str) -> None:
        """The agent leaves a conference; the colleagues keep the chat."""
        raise NotSupported("leave_conference")

    async def remove_party(self, interaction_id: str, party_id: str) -> None:
        """Remove a colleague from a conference."""
        raise NotSupported("remove_party")

    async def start_call(self, interaction_id: str | None, number: str) -> None:
        raise NotSupported("start_call")

    async def start_email(self, interaction_id: str | None, address: str) -> None:
        raise NotSupported("start_email")

    # contacts and history -------------------------------------------------------------
    async def search_contacts(self, query: str, limit: int = 50) -> list[Contact]:
        raise NotSupported("search_contacts")

    async def history(
        self, contact_id: str, before: float | None = None, limit: int = 50
    ) -> list[Message]:
        """Messages with the contact older than ``before``, newest last."""
        raise NotSupported("history")

    async def search_messages(self, contact_id: str, query: str) -> list[Message]:
        raise NotSupported("search_messages")

    async def send_to_contact(
        self, contact_id: str, channel: Channel, text: str, txn_id: str
    ) -> None:
        raise NotSupported("send_to_contact")

    async def targets(self, query: str = "") -> list[Target]:
        raise NotSupported("targets")

    # statistics -----------------------------------------------------------------------
    async def record_interaction_event(self, event: LogEvent) -> None:
        """Keep one event of the agent's interaction log for KPI reporting
        (:attr:`Capability.STATISTICS`). Called in the order the events happened."""
        raise NotSupported("record_interaction_event")

    async def record_interaction_events(self, events: Sequence[LogEvent]) -> None:
        """Keep several events of the log, in order (what queued up while the last call
        ran). By default one :meth:`record_interaction_event` each; a backend that can
        keep them in one request should."""
        for event in events:
            await self.record_interaction_event(event)

    async def standard_responses(self) -> list[StandardResponse]:
        """The contact center's library of standard responses (canned replies)."""
        raise NotSupported("standard_responses")

    # asynchronous conversations (Capability.ASYNC_CHAT) ---------------------------------
    async def reactivate(self, interaction_id: str) -> None:
        """Make an ended interaction (not yet Done) live again; the contact may be offline."""
        raise NotSupported("reactivate")

    async def start_interaction(self, contact_id: str, channel: Channel) -> str:
        """Open a chat interaction with the contact on ``channel``; returns its id.

        It arrives as an ``InteractionOffered`` with ``outbound`` set, then accepted.
        """
        raise NotSupported("start_interaction")

    async def contact(self, contact_id: str) -> Contact | None:
        raise NotSupported("contact")

    async def connected_contacts(self) -> dict[str, frozenset[Channel]]:
        """Contacts connected now, by id, with the channels they are connected on."""
        raise NotSupported("connected_contacts")

    async def interaction_infos(self, interaction_ids: list[str]) -> list[InteractionInfo]:
        """Date, channel, agent and disposition of each known interaction."""
        raise NotSupported("interaction_infos")

    async def send_image_to_contact(
        self, contact_id: str, channel: Channel, image: ImageAttachment, txn_id: str
    ) -> None:
        raise NotSupported("send_image_to_contact")

    async def public_posts(
        self, contact_id: str | None = None, limit: int = 200
    ) -> list[PublicPost]:
        """Public posts and tweets mentioning the company, newest last."""
        raise NotSupported("public_posts")

    def has(self, capability: Capability) -> bool:
        return capability in self.capabilities
