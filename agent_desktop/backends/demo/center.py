"""The demo contact center: live interactions, routing to the agent, and the event stream.

Both sides of a chat meet here: :class:`~.backend.DemoBackend` drives the agent side (async,
errors are :class:`BackendError`) and :class:`~.simulator.CustomerSimulator` the customer
side (synchronous, an unknown interaction is a ``KeyError``). State changes happen in memory
first, on the event loop's thread, so concurrent calls always see a consistent desk; the
matching database write is queued on the store thread in the same order.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
import uuid
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from agent_desktop.backends.base import BackendError
from agent_desktop.backends.demo.store import (
    UNFINISHED_STATES,
    DemoStore,
    StoreError,
    StoreThread,
    fold,
)
from agent_desktop.core.events import (
    BackendEvent,
    ConnectionChanged,
    InteractionAccepted,
    InteractionEnded,
    InteractionOffered,
    InteractionRevoked,
    InteractionTransferred,
    MessageDelivered,
    MessageReceived,
    PartyConnectionChanged,
    PartyJoined,
    Typing,
)
from agent_desktop.core.interaction_log import LogEvent
from agent_desktop.core.models import (
    AgentIdentity,
    ChannelAddress,
    Contact,
    InteractionSummary,
    Message,
    Party,
)
from agent_desktop.core.types import Channel, Clock, ConnectionState, PartyRole, PartyState

log = logging.getLogger(__name__)

#: the agent-side channel whose Ready state routes chats
CHAT_CHANNEL = "chat"

#: called with an interaction id
InteractionHook = Callable[[str], None]


class Stage(StrEnum):
    """Where an interaction is. ``queued`` (waiting for a free, ready agent) is the demo's own."""

    QUEUED = "queued"
    OFFERED = "offered"
    ACTIVE = "active"
    ENDED = "ended"
    DONE = "done"
    REJECTED = "rejected"
    #: handed to a colleague or a queue (see team.py): off this agent's desk
    TRANSFERRED = "transferred"


#: stages that take one of the agent's concurrent chat slots
ON_DESK = frozenset({Stage.OFFERED, Stage.ACTIVE})
#: stages in which the customer is still there
LIVE = frozenset({Stage.QUEUED, Stage.OFFERED, Stage.ACTIVE})


def customer_party_id(contact_id: str) -> str:
    return f"contact:{contact_id}"


def agent_party_id(agent_id: str) -> str:
    return f"agent:{agent_id}"


def new_id() -> str:
    return uuid.uuid4().hex


@dataclass
class LiveInteraction:
    """An interaction started during this run."""

    id: str
    contact: Contact
    channel: Channel
    stage: Stage = Stage.QUEUED
    #: kept so that what a queued customer wrote is replayed when the chat is offered
    customer_messages: list[Message] = field(default_factory=list)
    agent_typing: bool = False

    @property
    def customer(self) -> Party:
        return Party(
            id=customer_party_id(self.contact.id), name=self.contact.name, role=PartyRole.CUSTOMER
        )


class _EndOfStream:
    """Queued after the last event."""


_END_OF_STREAM = _EndOfStream()


class EventStream:
    """Async iterator over the center's event queue; stops after the center closes."""

    def __init__(self, queue: asyncio.Queue[BackendEvent | _EndOfStream]) -> None:
        self._queue = queue

    def __aiter__(self) -> EventStream:
        return self

    async def __anext__(self) -> BackendEvent:
        item = await self._queue.get()
        if isinstance(item, _EndOfStream):
            self._queue.put_nowait(item)  # so that every other reader stops too
            raise StopAsyncIteration
        return item


class ContactCenter:
    """Routes customers' chats to the one agent and keeps both sides' state."""

    def __init__(
        self,
        database_path: Path,
        max_concurrent_chats: int,
        clock: Clock,
        *,
        resume_active: bool = False,
    ) -> None:
        self._database_path = database_path
        #: chats a previous run left active come back on connect (their customers waited)
        self._resume_active = resume_active
        self._capacity = max_concurrent_chats
        self._clock = clock
        self._queue: asyncio.Queue[BackendEvent | _EndOfStream] = asyncio.Queue()
        self._stream_ended = False
        self._store: StoreThread | None = None
        self._agent: AgentIdentity | None = None
        self._ready_channels: set[str] = set()
        self._interactions: dict[str, LiveInteraction] = {}
        #: the chats a previous run left active, resumed by the last open() (resume_active)
        self.resumed: list[str] = []
        #: told after the agent sent a message into an interaction
        self.agent_message_hooks: list[InteractionHook] = []
        #: told when an interaction stops being live (ended, rejected, revoked, dropped)
        self.closed_hooks: list[InteractionHook] = []
        #: whether the customer of a live interaction gets the agent's messages now (they
        #: may have left the website: the message then waits for them, see conversations.py)
        self.deliverable: Callable[[LiveInteraction], bool] = lambda _live: True
        #: whether chats ended but not yet Done (their views still open) take a slot
        self.ended_take_a_slot = False

    # lifecycle ------------------------------------------------------------------------
    @property
    def connected(self) -> bool:
        return self._store is not None

    async def open(self, agent: AgentIdentity) -> None:
        if self._store is not None:
            raise BackendError("the demo contact center is already connected")
        if self._stream_ended:
            self._queue = asyncio.Queue()
            self._stream_ended = False
        store = StoreThread(self._database_path)
        try:
            await store.open()
            # customers of interactions a previous run left open are long gone, unless
            # resume_active: then the active ones waited for the agent to come back
            resumed = await store.call(DemoStore.active_interactions) if self._resume_active else []
            unfinished = tuple(
                s for s in UNFINISHED_STATES if not (self._resume_active and s == "active")
            )
            left_open = await store.call(DemoStore.end_unfinished, self._clock(), unfinished)
        except BaseException as exc:
            await store.close()  # never leave the worker thread behind
            if isinstance(exc, OSError | sqlite3.Error | StoreError):
                raise BackendError(
                    f"cannot open the demo database {self._database_path}: {exc}"
                ) from exc
            raise
        if left_open:
            log.info("ended %d interaction(s) left open by a previous run", left_open)
        self._store = store
        self._agent = agent
        self._ready_channels.clear()
        self._interactions.clear()
        self.resumed = [interaction_id for interaction_id, *_ in resumed]
        for interaction_id, contact, channel, messages in resumed:
            self._resume(interaction_id, contact, channel, messages, agent)
        # after the desk is announced (the backend contract: see MessagingBackend.events)
        self._emit(ConnectionChanged(state=ConnectionState.CONNECTED))

    def _resume(
        self,
        interaction_id: str,
        contact: Contact,
        channel: Channel,
        messages: list[Message],
        agent: AgentIdentity,
    ) -> None:
        """Put a chat a previous run left active back on the agent's desk, transcript and all."""
        live = LiveInteraction(id=interaction_id, contact=contact, channel=channel)
        live.stage = Stage.ACTIVE
        self._interactions[interaction_id] = live
        now = self._clock()
        summary = InteractionSummary(
            id=live.id,
            contact=contact,
            channel=channel,
            offered_at=now,
            parties=(live.customer,),
        )
        self._emit(InteractionOffered(interaction=summary))
        self._emit(InteractionAccepted(interaction_id=live.id, time=now))
        party = Party(id=agent_party_id(agent.id), name=agent.display_name, role=PartyRole.AGENT)
        self._emit(PartyJoined(interaction_id=live.id, party=party))
        for message in messages:
            self._emit(MessageReceived(message=message))
        log.info("resumed interaction %s left active by a previous run", interaction_id)

    async def close(self) -> None:
        store, self._store = self._store, None
        self._agent = None
        self._ready_channels.clear()
        self._interactions.clear()
        try:
            if store is not None:
                await store.close()
        finally:
            if not self._stream_ended:
                self._emit(ConnectionChanged(state=ConnectionState.DISCONNECTED))
                self._queue.put_nowait(_END_OF_STREAM)
                self._stream_ended = True

    def events(self) -> EventStream:
        return EventStream(self._queue)

    def _emit(self, event: BackendEvent) -> None:
        self._queue.put_nowait(event)

    def _run_hooks(self, hooks: list[InteractionHook], interaction_id: str) -> None:
        for hook in hooks:
            try:
                hook(interaction_id)
            except Exception:  # a scripted customer's failure must not break the agent's call
                log.exception("demo hook %r failed for %s", hook, interaction_id)

    # routing --------------------------------------------------------------------------
    def _route(self, now: float) -> list[str]:
        """Offer queued chats, oldest first, while the agent is ready and has room."""
        if self._agent is None or CHAT_CHANNEL not in self._ready_channels:
            return []
        on_desk = sum(1 for live in self._interactions.values() if self._takes_a_slot(live))
        offered: list[str] = []
        for live in self._interactions.values():  # insertion order: oldest first
            if on_desk >= self._capacity:
                break
            if live.stage is Stage.QUEUED:
                self._offer(live, now)
                offered.append(live.id)
                on_desk += 1
        return offered

    def _takes_a_slot(self, live: LiveInteraction) -> bool:
        return live.stage in ON_DESK or (self.ended_take_a_slot and live.stage is Stage.ENDED)

    def _offer(self, live: LiveInteraction, now: float) -> None:
        live.stage = Stage.OFFERED
        first = live.customer_messages[0].text if live.customer_messages else None
        summary = InteractionSummary(
            id=live.id,
            contact=live.contact,
            channel=live.channel,
            first_message=first,
            offered_at=now,
            parties=(live.customer,),
        )
        self._emit(InteractionOffered(interaction=summary))
        for message in live.customer_messages:
            self._emit(MessageReceived(message=message))
        live.customer_messages.clear()  # replayed; later messages go out as they come

    async def _route_and_save(self, store: StoreThread) -> None:
        now = self._clock()
        offered = self._route(now)
        if offered:
            await store.call(DemoStore.mark_offered, offered, now)

    def _route_and_save_sync(self, store: StoreThread) -> None:
        now = self._clock()
        offered = self._route(now)
        if offered:
            store.call_sync(DemoStore.mark_offered, offered, now)

    # agent side -----------------------------------------------------------------------
    def _agent_store(self) -> tuple[StoreThread, AgentIdentity]:
        if self._store is None or self._agent is None:
            raise BackendError("the demo contact center is not connected")
        return self._store, self._agent

    def _agent_interaction(
        self, interaction_id: str, *expected: Stage, action: str
    ) -> LiveInteraction:
        self._agent_store()
        live = self._interactions.get(interaction_id)
        if live is None or live.stage is Stage.QUEUED:  # the agent never saw a queued chat
            raise BackendError(f"there is no interaction {interaction_id!r}")
        if expected and live.stage not in expected:
            raise BackendError(
                f"cannot {action} interaction {interaction_id!r}: it is {live.stage.value}"
            )
        return live

    async def set_ready(self, channel: str, ready: bool) -> None:
        store, _ = self._agent_store()
        if ready:
            self._ready_channels.add(channel)
        else:
            self._ready_channels.discard(channel)
        await self._route_and_save(store)

    async def accept(self, interaction_id: str) -> None:
        live = self._agent_interaction(interaction_id, Stage.OFFERED, action="accept")
        store, agent = self._agent_store()
        now = self._clock()
        live.stage = Stage.ACTIVE
        self._emit(InteractionAccepted(interaction_id=live.id, time=now))
        party = Party(id=agent_party_id(agent.id), name=agent.display_name, role=PartyRole.AGENT)
        self._emit(PartyJoined(interaction_id=live.id, party=party))
        await store.call(DemoStore.mark_accepted, live.id, now, agent.id)

    async def reject(self, interaction_id: str) -> None:
        live = self._agent_interaction(interaction_id, Stage.OFFERED, action="reject")
        store, _ = self._agent_store()
        live.stage = Stage.REJECTED
        self._run_hooks(self.closed_hooks, live.id)
        await store.call(DemoStore.mark_finished, live.id, Stage.REJECTED.value, self._clock())
        await self._route_and_save(store)

    async def end(self, interaction_id: str) -> None:
        live = self._agent_interaction(interaction_id, Stage.ACTIVE, action="end")
        store, _ = self._agent_store()
        now = self._clock()
        live.stage = Stage.ENDED
        live.agent_typing = False
        self._emit(
            PartyConnectionChanged(
                interaction_id=live.id, party_id=live.customer.id, state=PartyState.LEFT
            )
        )
        self._emit(InteractionEnded(interaction_id=live.id, time=now, by_contact=False))
        self._run_hooks(self.closed_hooks, live.id)
        await store.call(DemoStore.mark_finished, live.id, Stage.ENDED.value, now)
        await self._route_and_save(store)

    async def mark_done(self, interaction_id: str, disposition: str | None, note: str) -> None:
        live = self._agent_interaction(interaction_id, Stage.ENDED, action="mark done")
        store, _ = self._agent_store()
        live.stage = Stage.DONE
        await store.call(DemoStore.mark_done, live.id, self._clock(), disposition, note)
        await self._route_and_save(store)

    async def send_message(
        self, interaction_id: str, text: str, txn_id: str, *, url: str | None = None
    ) -> None:
        live = self._agent_interaction(interaction_id, action="send in")
        store, agent = self._agent_store()
        if not text.strip():
            raise BackendError("cannot send an empty message")
        if live.stage is not Stage.ACTIVE:
            # a retry of a message stored before the chat ended is still confirmed
            existing = await store.call(DemoStore.message_id_for_txn, txn_id)
            if existing is None:
                raise BackendError(
                    f"cannot send in interaction {interaction_id!r}: it is {live.stage.value}"
                )
            self._confirm(live.id, txn_id, existing)
            return
        message = Message(
            id=new_id(),
            interaction_id=live.id,
            author_id=agent_party_id(agent.id),
            author_name=agent.display_name,
            author_role=PartyRole.AGENT,
            text=text,
            time=self._clock(),
            txn_id=txn_id,
            url=url,
        )
        stored_id = await store.call(
            DemoStore.add_message_once, message, live.contact.id, delivered=self.deliverable(live)
        )
        self._confirm(live.id, txn_id, stored_id)
        if stored_id == message.id:  # new, not a retry: the customer reads it
            self._run_hooks(self.agent_message_hooks, live.id)

    def _confirm(self, interaction_id: str, txn_id: str, message_id: str) -> None:
        self._emit(
            MessageDelivered(
                interaction_id=interaction_id,
                txn_id=txn_id,
                message_id=message_id,
                time=self._clock(),
            )
        )

    async def send_typing(self, interaction_id: str, typing: bool) -> None:
        live = self._agent_interaction(interaction_id, action="type in")
        # stopping is always harmless (a composer cleared after the chat ended)
        if typing and live.stage is not Stage.ACTIVE:
            raise BackendError(
                f"cannot type in interaction {interaction_id!r}: it is {live.stage.value}"
            )
        live.agent_typing = typing

    # hand-off to colleagues and queues (driven by team.py) ------------------------------
    @property
    def agent(self) -> AgentIdentity:
        return self._agent_store()[1]

    def live(self, interaction_id: str) -> LiveInteraction | None:
        """An interaction of this run, in whatever stage, or None."""
        return self._interactions.get(interaction_id)

    def active_interaction(self, interaction_id: str, action: str) -> LiveInteraction:
        """The agent's live chat ``interaction_id``; ``BackendError`` if it is not active."""
        return self._agent_interaction(interaction_id, Stage.ACTIVE, action=action)

    def publish(self, event: BackendEvent) -> None:
        self._emit(event)

    def confirm(self, interaction_id: str, txn_id: str, message_id: str) -> None:
        self._confirm(interaction_id, txn_id, message_id)

    def saved_interaction(self, interaction_id: str) -> dict[str, object] | None:
        """The stored columns of an interaction (state, disposition, note...), for tests."""
        return self._customer_store().call_sync(DemoStore.interaction_record, interaction_id)

    def store_message_sync(self, message: Message, contact_id: str) -> None:
        """Store a colleague's conference message (synchronous, like the customer's side)."""
        self._customer_store().call_sync(DemoStore.add_message, message, contact_id)

    async def hand_off(self, interaction_id: str, target_name: str) -> None:
        """The chat leaves the agent's desk for ``target_name`` (transfer, left conference)."""
        live = self.active_interaction(interaction_id, "hand off")
        store, _ = self._agent_store()
        live.stage = Stage.TRANSFERRED
        live.agent_typing = False
        self._emit(InteractionTransferred(interaction_id=live.id, target_name=target_name))
        self._run_hooks(self.closed_hooks, live.id)
        await store.call(DemoStore.mark_finished, live.id, Stage.TRANSFERRED.value, self._clock())
        await self._route_and_save(store)

    # contacts and history -------------------------------------------------------------
    async def search_contacts(self, query: str, limit: int) -> list[Contact]:
        store, _ = self._agent_store()
        _check_limit(limit)
        return await store.call(DemoStore.search_contacts, query, limit)

    async def history(self, contact_id: str, before: float | None, limit: int) -> list[Message]:
        store = await self._store_with_contact(contact_id)
        _check_limit(limit)
        return await store.call(DemoStore.history, contact_id, before, limit)

    async def search_messages(self, contact_id: str, query: str) -> list[Message]:
        store = await self._store_with_contact(contact_id)
        return await store.call(DemoStore.search_messages, contact_id, query)

    async def _store_with_contact(self, contact_id: str) -> StoreThread:
        store, _ = self._agent_store()
        if await store.call(DemoStore.contact, contact_id) is None:
            raise BackendError(f"there is no contact {contact_id!r}")
        return store

    # the agent's interaction log ------------------------------------------------------
    async def record_agent_events(self, events: Sequence[LogEvent]) -> None:
        store, agent = self._agent_store()
        await store.call(DemoStore.record_agent_events, agent.id, list(events))

    def logged_events(self, interaction_id: str) -> list[tuple[str, str, float]]:
        return self._customer_store().call_sync(DemoStore.agent_events, interaction_id)

    # customer side (synchronous) ------------------------------------------------------
    def _customer_store(self) -> StoreThread:
        if self._store is None:
            raise RuntimeError("the demo contact center is not connected")
        return self._store

    def _customer_interaction(self, interaction_id: str) -> LiveInteraction:
        self._customer_store()
        live = self._interactions.get(interaction_id)
        if live is None:
            raise KeyError(f"no chat {interaction_id!r} was started in the demo contact center")
        return live

    def start_chat(
        self,
        name: str,
        text: str | None,
        channel: Channel,
        email: str | None,
        phone: str | None,
    ) -> str:
        store = self._customer_store()
        if not name.strip():
            raise ValueError("a customer needs a name")
        known = store.call_sync(DemoStore.contact_named, name)
        contact = _contact_for_chat(known, name, channel, email, phone)
        interaction_id = new_id()
        live = LiveInteraction(id=interaction_id, contact=contact, channel=channel)
        opening = self._customer_message(live, text) if text else None
        store.call_sync(
            DemoStore.start_interaction, interaction_id, contact, channel, self._clock(), opening
        )
        if opening is not None:
            live.customer_messages.append(opening)
        self._interactions[interaction_id] = live
        self._route_and_save_sync(store)
        return interaction_id

    def customer_typing(self, interaction_id: str, typing: bool) -> None:
        live = self._customer_interaction(interaction_id)
        if live.stage in ON_DESK:  # nobody sees a queued customer type
            self._emit(Typing(interaction_id=live.id, party_id=live.customer.id, typing=typing))

    def customer_says(self, interaction_id: str, text: str) -> None:
        live = self._customer_interaction(interaction_id)
        if live.stage not in LIVE:
            raise ValueError(
                f"chat {interaction_id!r} is {live.stage.value}: its customer can no longer write"
            )
        if not text:
            raise ValueError("a customer message needs text")
        message = self._customer_message(live, text)
        self._customer_store().post(DemoStore.add_message, message, live.contact.id)
        if live.stage in ON_DESK:
            self._emit(MessageReceived(message=message))
        else:  # a queued chat replays it when offered
            live.customer_messages.append(message)

    def _customer_message(self, live: LiveInteraction, text: str) -> Message:
        return Message(
            id=new_id(),
            interaction_id=live.id,
            author_id=live.customer.id,
            author_name=live.contact.name,
            author_role=PartyRole.CUSTOMER,
            text=text,
            time=self._clock(),
        )

    def customer_leaves(self, interaction_id: str) -> None:
        live = self._customer_interaction(interaction_id)
        if live.stage not in LIVE:
            return  # already over: leaving twice is harmless
        store = self._customer_store()
        now = self._clock()
        previous, live.stage = live.stage, Stage.ENDED
        live.agent_typing = False
        store.call_sync(DemoStore.mark_finished, live.id, Stage.ENDED.value, now)
        if previous is Stage.OFFERED:
            self._emit(
                InteractionRevoked(
                    interaction_id=live.id, reason="the customer left before an answer"
                )
            )
        elif previous is Stage.ACTIVE:
            self._emit(
                PartyConnectionChanged(
                    interaction_id=live.id, party_id=live.customer.id, state=PartyState.LEFT
                )
            )
            self._emit(InteractionEnded(interaction_id=live.id, time=now, by_contact=True))
        self._run_hooks(self.closed_hooks, live.id)
        if previous in ON_DESK:
            self._route_and_save_sync(store)

    def received(self, interaction_id: str) -> list[str]:
        store = self._customer_store()
        if interaction_id not in self._interactions and not store.call_sync(
            DemoStore.has_interaction, interaction_id
        ):
            raise KeyError(f"no chat {interaction_id!r} was started in the demo contact center")
        return store.call_sync(DemoStore.texts_to_customer, interaction_id)

    def agent_typing(self, interaction_id: str) -> bool:
        return self._customer_interaction(interaction_id).agent_typing


def _check_limit(limit: int) -> None:
    if limit < 1:
        raise BackendError(f"limit must be at least 1, not {limit}")


def _contact_for_chat(
    known: Contact | None, name: str, channel: Channel, email: str | None, phone: str | None
) -> Contact:
    """``known`` (or a new contact) with the details the customer just gave."""
    contact = known or Contact(id=new_id(), name=name)
    # validated (model_copy is not): a lone surrogate in a detail becomes U+FFFD here, as in
    # every other field from the wire, before it reaches SQLite
    details = {"email": email or contact.email, "phone": phone or contact.phone}
    contact = Contact.model_validate({**contact.model_dump(), **details})
    if any(address.channel is channel for address in contact.channels):
        return contact
    address = ChannelAddress(channel=channel, address=pseudo_address(channel, contact))
    return contact.model_copy(update={"channels": (*contact.channels, address)})


def pseudo_address(channel: Channel, contact: Contact) -> str:
    """A plausible, stable handle for the contact on ``channel``."""
    digest = zlib.crc32(contact.id.encode())
    if channel is Channel.TWITTER:
        handle = "".join(c if c.isalnum() else "_" for c in fold(contact.name))
        return "@" + handle[:15]
    if channel is Channel.MESSENGER:
        return f"psid:{digest:010d}{digest % 100_000:05d}"
    if channel in (Channel.WHATSAPP, Channel.SMS):
        return contact.phone or f"+1 555 01{digest % 100:02d}"
    return contact.email or f"visitor-{contact.id[:8]}"
