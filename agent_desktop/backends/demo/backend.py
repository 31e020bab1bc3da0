"""``DemoBackend``: the embedded demo contact center behind the messaging-backend contract."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import random
import time
from collections import deque
from collections.abc import AsyncIterator, Sequence
from typing import ClassVar

from agent_desktop.backends.base import BackendConfig, BackendContext, MessagingBackend, Target
from agent_desktop.backends.demo.center import ContactCenter
from agent_desktop.backends.demo.config import DemoConfig
from agent_desktop.backends.demo.conversations import Conversations
from agent_desktop.backends.demo.faults import FaultInjector
from agent_desktop.backends.demo.receipts import ReceiptSimulator
from agent_desktop.backends.demo.responses import DEMO_RESPONSES
from agent_desktop.backends.demo.simulator import CustomerSimulator, ScriptedCustomers
from agent_desktop.backends.demo.team import TeamSimulator
from agent_desktop.core.events import (
    BackendEvent,
    ConnectionChanged,
    MessageDelivered,
    parse_event,
)
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
from agent_desktop.core.types import Capability, Channel, Clock, ConnectionState

log = logging.getLogger(__name__)

#: file name of the demo database inside the backend's data dir
DATABASE_NAME = "demo.sqlite3"


class DemoBackend(MessagingBackend):
    """In-process contact center with simulated customers, persisted in SQLite.

    ``customers`` plays the customer side (the harness's ``h.customers``). With
    ``DemoConfig.spontaneous``, scripted personas also arrive and answer on their own.
    """

    name: ClassVar[str] = "demo"
    config_model: ClassVar[type[BackendConfig]] = DemoConfig
    capabilities = frozenset(
        {
            Capability.TYPING,
            Capability.HISTORY,
            Capability.CONTACTS,
            Capability.SEARCH,
            Capability.ASYNC_CHAT,
            Capability.IMAGES,
            Capability.PUSH_URL,
            Capability.PUBLIC_POSTS,
        }
    )
    #: colleagues and queues (team.py)
    capabilities |= frozenset(
        {
            Capability.TRANSFER,
            Capability.CONFERENCE,
            Capability.CONSULT,
            Capability.CALL,
            Capability.EMAIL,
            Capability.DISPOSITION,
            Capability.STATISTICS,
        }
    )
    #: delivery and read receipts (receipts.py)
    capabilities |= frozenset({Capability.READ_RECEIPTS})

    def __init__(
        self,
        config: DemoConfig,
        context: BackendContext,
        *,
        clock: Clock = time.time,
        rng: random.Random | None = None,
    ) -> None:
        super().__init__(config, context)
        self.demo_config = config
        self._center = ContactCenter(
            context.data_dir / DATABASE_NAME,
            config.max_concurrent_chats,
            clock,
            resume_active=config.resume_active_chats,
        )
        self._center.ended_take_a_slot = config.ended_chats_take_a_slot
        self._conversations = Conversations(self._center)
        self.customers = CustomerSimulator(self._center, self._conversations)
        self._scripted = ScriptedCustomers(self.customers, config, rng or random.Random())
        self._center.agent_message_hooks.append(self._scripted.agent_sent)
        self._center.closed_hooks.append(self._scripted.interaction_closed)
        #: the agent's colleagues and queues (the harness's ``h.colleagues``)
        self.team = TeamSimulator(self._center, config, clock)
        #: delivered / read receipts of the customers' devices
        self.receipts = ReceiptSimulator(
            self._center, clock, config.delivered_after_s, config.read_after_s
        )
        #: injected faults (the harness's ``h.backend.faults``)
        self.faults = FaultInjector(config.faults, rng or random.Random())
        #: txn ids whose confirmation a fault swallows
        self._swallowed: set[str] = set()
        #: queued where the link dropped (see _link_events)
        self._drop_markers: list[BackendEvent] = []
        self.faults.on_drop = self._mark_drop
        #: the latest events the agent got while a replay is armed, and those the next
        #: event stream delivers again first (FaultInjector.replay_on_reconnect)
        self._recent: deque[BackendEvent] = deque()
        self._replay: list[BackendEvent] = []
        self._dropper: asyncio.Task[None] | None = None
        #: malformed raw events skipped (inject_raw_event)
        self.skipped_events = 0

    @property
    def background_task_count(self) -> int:
        """Tasks of the scripted customers still running (0 after :meth:`disconnect`)."""
        dropper = int(self._dropper is not None and not self._dropper.done())
        return self._scripted.task_count + self.team.task_count + dropper

    # lifecycle ------------------------------------------------------------------------
    async def connect(self, agent: AgentIdentity) -> None:
        if self._center.connected and not self.faults.link_up:
            # reconnecting after a dropped link: the center kept the chats and the events
            self.faults.restore_link()
            if self.faults.replay_count:
                self._replay = list(self._recent)
                self.faults.replay_count = 0
                self._recent.clear()
            self._center.publish(ConnectionChanged(state=ConnectionState.CONNECTED))
            return
        self._conversations.reset()
        await self._center.open(agent)
        for interaction_id in self._center.resumed:
            # a resumed chat's customer waited on the website: still connected there
            self._conversations.chat_started(interaction_id)
        self.team.start()
        if self.demo_config.spontaneous:
            self._scripted.start()
        every = self.demo_config.faults.drop_connection_every_s
        if every is not None and self._dropper is None:
            self._dropper = asyncio.get_running_loop().create_task(self._drop_every(every))

    async def _drop_every(self, seconds: float) -> None:
        while True:
            await asyncio.sleep(seconds)
            if self.faults.link_up:
                log.info("demo fault: dropping the connection")
                self.faults.drop_connection()

    async def disconnect(self) -> None:
        dropper, self._dropper = self._dropper, None
        if dropper is not None:
            dropper.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await dropper
        try:
            self.receipts.stop()
            await self._scripted.stop()
            await self.team.stop()
        finally:
            await self._center.close()

    def events(self) -> AsyncIterator[BackendEvent]:
        return self._link_events()

    async def _link_events(self) -> AsyncIterator[BackendEvent]:
        """The center's events while the link is up; ends when it drops (the events after
        the drop stay queued for the next connection)."""
        if not self.faults.link_up:
            return
        replay, self._replay = self._replay, []
        for event in replay:
            yield event
        async for event in self._center.events():
            if any(event is marker for marker in self._drop_markers):
                self._drop_markers = [m for m in self._drop_markers if m is not event]
                if not self.faults.link_up:
                    return
                continue  # a drop the app already reconnected from
            if not self._swallow(event):
                self._keep_for_replay(event)
                yield event

    def _keep_for_replay(self, event: BackendEvent) -> None:
        count = self.faults.replay_count
        if count and not isinstance(event, ConnectionChanged):  # server data, not the link
            self._recent.append(event)
            while len(self._recent) > count:
                self._recent.popleft()

    def _mark_drop(self) -> None:
        """Queue the point where the link dropped: the event stream ends there."""
        marker = ConnectionChanged(state=ConnectionState.RECONNECTING, detail="link dropped")
        self._drop_markers.append(marker)
        self._center.publish(marker)

    def _swallow(self, event: BackendEvent) -> bool:
        """True for a confirmation a fault makes disappear."""
        if isinstance(event, MessageDelivered) and event.txn_id in self._swallowed:
            self._swallowed.discard(event.txn_id)
            return True
        return False

    def inject_raw_event(self, raw: str | bytes | dict[str, object]) -> BackendEvent | None:
        """Feed one event as it would come off the wire (JSON text or a decoded dict).

        It is parsed by pydantic (``core.events.parse_event``); a malformed one is logged
        with its raw form and skipped (None), never passed on. Tests use this to play a
        backend that sends garbage.
        """
        event = parse_event(raw, source="demo backend")
        if event is None:
            self.skipped_events += 1
            return None
        self._center.publish(event)
        return event

    async def set_ready(self, channel: str, ready: bool) -> None:
        await self.faults.before_call()
        await self._center.set_ready(channel, ready)

    # interaction ----------------------------------------------------------------------
    async def accept(self, interaction_id: str) -> None:
        await self.faults.before_call()
        await self._center.accept(interaction_id)

    async def reject(self, interaction_id: str) -> None:
        await self.faults.before_call()
        await self._center.reject(interaction_id)

    async def send_message(self, interaction_id: str, text: str, txn_id: str) -> None:
        await self.faults.before_call(sending=True, txn_id=txn_id)
        if self.team.owns(interaction_id):  # a consultation with a colleague
            await self.team.send(interaction_id, text, txn_id)
            return
        await self._center.send_message(interaction_id, text, txn_id)
        self._maybe_lose_confirmation(txn_id)
        self.receipts.sent(interaction_id, txn_id)

    async def push_url(self, interaction_id: str, url: str, txn_id: str) -> None:
        await self.faults.before_call(sending=True, txn_id=txn_id)
        # the customer sees the bare URL; ``Message.url`` marks it as pushed
        await self._center.send_message(interaction_id, url, txn_id, url=url)
        self._maybe_lose_confirmation(txn_id)
        self.receipts.sent(interaction_id, txn_id)

    def _maybe_lose_confirmation(self, txn_id: str) -> None:
        # the center queued the confirmation during the call; the link filter drops it
        if self.faults.take_lost_confirmation():
            self._swallowed.add(txn_id)

    async def standard_responses(self) -> list[StandardResponse]:
        return list(DEMO_RESPONSES)

    async def send_typing(self, interaction_id: str, typing: bool) -> None:
        await self.faults.before_call()
        if self.team.owns(interaction_id):
            return  # colleagues do not see typing in consultations
        await self._center.send_typing(interaction_id, typing)

    async def end(self, interaction_id: str) -> None:
        await self.faults.before_call()
        await self._center.end(interaction_id)

    async def mark_done(
        self, interaction_id: str, disposition: str | None = None, note: str = ""
    ) -> None:
        await self.faults.before_call()
        await self._center.mark_done(interaction_id, disposition, note)

    # contacts and history -------------------------------------------------------------
    async def search_contacts(self, query: str, limit: int = 50) -> list[Contact]:
        await self.faults.before_call()
        return await self._center.search_contacts(query, limit)

    async def history(
        self, contact_id: str, before: float | None = None, limit: int = 50
    ) -> list[Message]:
        await self.faults.before_call()
        return await self._conversations.history(contact_id, before, limit)

    async def search_messages(self, contact_id: str, query: str) -> list[Message]:
        await self.faults.before_call()
        return await self._conversations.search_messages(contact_id, query)

    # asynchronous conversations -------------------------------------------------------
    async def send_image(
        self, interaction_id: str, data: bytes, mime: str, filename: str, txn_id: str
    ) -> None:
        await self.faults.before_call(sending=True, txn_id=txn_id)
        image = ImageAttachment(mime=mime, filename=filename, data=data)
        await self._conversations.send_image(interaction_id, image, txn_id)

    async def send_to_contact(
        self, contact_id: str, channel: Channel, text: str, txn_id: str
    ) -> None:
        await self.faults.before_call(sending=True, txn_id=txn_id)
        await self._conversations.send_to_contact(contact_id, channel, text, txn_id)

    async def send_image_to_contact(
        self, contact_id: str, channel: Channel, image: ImageAttachment, txn_id: str
    ) -> None:
        await self.faults.before_call(sending=True, txn_id=txn_id)
        await self._conversations.send_to_contact(
            contact_id, channel, image.filename, txn_id, image=image
        )

    async def reactivate(self, interaction_id: str) -> None:
        await self.faults.before_call()
        await self._conversations.reactivate(interaction_id)

    async def start_interaction(self, contact_id: str, channel: Channel) -> str:
        await self.faults.before_call()
        return await self._conversations.start_interaction(contact_id, channel)

    async def contact(self, contact_id: str) -> Contact | None:
        await self.faults.before_call()
        return await self._conversations.contact(contact_id)

    async def connected_contacts(self) -> dict[str, frozenset[Channel]]:
        return self._conversations.snapshot()

    async def interaction_infos(self, interaction_ids: list[str]) -> list[InteractionInfo]:
        await self.faults.before_call()
        return await self._conversations.interaction_infos(interaction_ids)

    async def public_posts(
        self, contact_id: str | None = None, limit: int = 200
    ) -> list[PublicPost]:
        await self.faults.before_call()
        return await self._conversations.public_posts(contact_id, limit)

    def saved_interaction(self, interaction_id: str) -> dict[str, object] | None:
        """The stored record of an interaction (state, disposition, note...), or None."""
        return self._center.saved_interaction(interaction_id)

    # colleagues and queues --------------------------------------------------------------
    async def targets(self, query: str = "") -> list[Target]:
        await self.faults.before_call()
        return await self.team.targets(query)

    async def transfer(self, interaction_id: str, target_id: str) -> None:
        await self.faults.before_call()
        await self.team.transfer(interaction_id, target_id)

    async def conference(self, interaction_id: str, target_id: str) -> None:
        await self.faults.before_call()
        await self.team.conference(interaction_id, target_id)

    async def consult(self, interaction_id: str, target_id: str) -> str:
        await self.faults.before_call()
        return await self.team.consult(interaction_id, target_id)

    async def complete_transfer(self, consultation_id: str) -> None:
        await self.faults.before_call()
        await self.team.complete_transfer(consultation_id)

    async def consultation_to_conference(self, consultation_id: str) -> None:
        await self.faults.before_call()
        await self.team.consultation_to_conference(consultation_id)

    async def end_consultation(self, consultation_id: str) -> None:
        await self.faults.before_call()
        await self.team.end_consultation(consultation_id)

    async def leave_conference(self, interaction_id: str) -> None:
        await self.faults.before_call()
        await self.team.leave_conference(interaction_id)

    async def remove_party(self, interaction_id: str, party_id: str) -> None:
        await self.faults.before_call()
        await self.team.remove_party(interaction_id, party_id)

    async def start_call(self, interaction_id: str | None, number: str) -> None:
        await self.faults.before_call()
        await self.team.start_call(interaction_id, number)

    async def start_email(self, interaction_id: str | None, address: str) -> None:
        await self.faults.before_call()
        await self.team.start_email(interaction_id, address)

    # statistics -----------------------------------------------------------------------
    async def record_interaction_event(self, event: LogEvent) -> None:
        await self._center.record_agent_events([event])

    async def record_interaction_events(self, events: Sequence[LogEvent]) -> None:
        await self._center.record_agent_events(events)

    def logged_events(self, interaction_id: str) -> list[tuple[str, str, float]]:
        """(agent id, kind, time) of the interaction's logged events (tests, diagnostics)."""
        return self._center.logged_events(interaction_id)
