"""``DemoBackend``: the embedded demo contact center behind the messaging-backend contract."""

from __future__ import annotations

import random
import time
from collections.abc import AsyncIterator
from typing import ClassVar

from agent_desktop.backends.base import BackendConfig, BackendContext, MessagingBackend, Target
from agent_desktop.backends.demo.center import ContactCenter
from agent_desktop.backends.demo.config import DemoConfig
from agent_desktop.backends.demo.receipts import ReceiptSimulator
from agent_desktop.backends.demo.responses import DEMO_RESPONSES
from agent_desktop.backends.demo.simulator import CustomerSimulator, ScriptedCustomers
from agent_desktop.backends.demo.team import TeamSimulator
from agent_desktop.core.events import BackendEvent
from agent_desktop.core.interaction_log import LogEvent
from agent_desktop.core.models import AgentIdentity, Contact, Message
from agent_desktop.core.standard_responses import StandardResponse
from agent_desktop.core.types import Capability, Clock

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
            Capability.PUSH_URL,
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
            context.data_dir / DATABASE_NAME, config.max_concurrent_chats, clock
        )
        self.customers = CustomerSimulator(self._center)
        self._scripted = ScriptedCustomers(self.customers, config, rng or random.Random())
        self._center.agent_message_hooks.append(self._scripted.agent_sent)
        self._center.closed_hooks.append(self._scripted.interaction_closed)
        #: the agent's colleagues and queues (the harness's ``h.colleagues``)
        self.team = TeamSimulator(self._center, config, clock)
        #: delivered / read receipts of the customers' devices
        self.receipts = ReceiptSimulator(
            self._center, clock, config.delivered_after_s, config.read_after_s
        )

    @property
    def background_task_count(self) -> int:
        """Tasks of the scripted customers still running (0 after :meth:`disconnect`)."""
        return self._scripted.task_count + self.team.task_count

    # lifecycle ------------------------------------------------------------------------
    async def connect(self, agent: AgentIdentity) -> None:
        await self._center.open(agent)
        self.team.start()
        if self.demo_config.spontaneous:
            self._scripted.start()

    async def disconnect(self) -> None:
        try:
            self.receipts.stop()
            await self._scripted.stop()
            await self.team.stop()
        finally:
            await self._center.close()

    def events(self) -> AsyncIterator[BackendEvent]:
        return self._center.events()

    # agent ----------------------------------------------------------------------------
    async def set_ready(self, channel: str, ready: bool) -> None:
        await self._center.set_ready(channel, ready)

    # interaction ----------------------------------------------------------------------
    async def accept(self, interaction_id: str) -> None:
        await self._center.accept(interaction_id)

    async def reject(self, interaction_id: str) -> None:
        await self._center.reject(interaction_id)

    async def send_message(self, interaction_id: str, text: str, txn_id: str) -> None:
        if self.team.owns(interaction_id):  # a consultation with a colleague
            await self.team.send(interaction_id, text, txn_id)
            return
        await self._center.send_message(interaction_id, text, txn_id)
        self.receipts.sent(interaction_id, txn_id)

    async def push_url(self, interaction_id: str, url: str, txn_id: str) -> None:
        # the customer sees the bare URL; ``Message.url`` marks it as pushed
        await self._center.send_message(interaction_id, url, txn_id, url=url)
        self.receipts.sent(interaction_id, txn_id)

    async def standard_responses(self) -> list[StandardResponse]:
        return list(DEMO_RESPONSES)

    async def send_typing(self, interaction_id: str, typing: bool) -> None:
        if self.team.owns(interaction_id):
            return  # colleagues do not see typing in consultations
        await self._center.send_typing(interaction_id, typing)

    async def end(self, interaction_id: str) -> None:
        await self._center.end(interaction_id)

    async def mark_done(
        self, interaction_id: str, disposition: str | None = None, note: str = ""
    ) -> None:
        await self._center.mark_done(interaction_id, disposition, note)

    # contacts and history -------------------------------------------------------------
    async def search_contacts(self, query: str, limit: int = 50) -> list[Contact]:
        return await self._center.search_contacts(query, limit)

    async def history(
        self, contact_id: str, before: float | None = None, limit: int = 50
    ) -> list[Message]:
        return await self._center.history(contact_id, before, limit)

    async def search_messages(self, contact_id: str, query: str) -> list[Message]:
        return await self._center.search_messages(contact_id, query)

    def saved_interaction(self, interaction_id: str) -> dict[str, object] | None:
        """The stored record of an interaction (state, disposition, note...), or None."""
        return self._center.saved_interaction(interaction_id)

    # colleagues and queues --------------------------------------------------------------
    async def targets(self, query: str = "") -> list[Target]:
        return await self.team.targets(query)

    async def transfer(self, interaction_id: str, target_id: str) -> None:
        await self.team.transfer(interaction_id, target_id)

    async def conference(self, interaction_id: str, target_id: str) -> None:
        await self.team.conference(interaction_id, target_id)

    async def consult(self, interaction_id: str, target_id: str) -> str:
        return await self.team.consult(interaction_id, target_id)

    async def complete_transfer(self, consultation_id: str) -> None:
        await self.team.complete_transfer(consultation_id)

    async def consultation_to_conference(self, consultation_id: str) -> None:
        await self.team.consultation_to_conference(consultation_id)

    async def end_consultation(self, consultation_id: str) -> None:
        await self.team.end_consultation(consultation_id)

    async def leave_conference(self, interaction_id: str) -> None:
        await self.team.leave_conference(interaction_id)

    async def remove_party(self, interaction_id: str, party_id: str) -> None:
        await self.team.remove_party(interaction_id, party_id)

    async def start_call(self, interaction_id: str | None, number: str) -> None:
        await self.team.start_call(interaction_id, number)

    async def start_email(self, interaction_id: str | None, address: str) -> None:
        await self.team.start_email(interaction_id, address)

    # statistics -----------------------------------------------------------------------
    async def record_interaction_event(self, event: LogEvent) -> None:
        await self._center.record_agent_event(event)

    def logged_events(self, interaction_id: str) -> list[tuple[str, str, float]]:
        """(agent id, kind, time) of the interaction's logged events (tests, diagnostics)."""
        return self._center.logged_events(interaction_id)
