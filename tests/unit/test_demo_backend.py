"""The demo backend: routing, agent operations, the customer simulator, persistence."""

from __future__ import annotations

import asyncio
import random
import sqlite3
from collections.abc import AsyncIterator, Callable, Coroutine
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, TypeVar

import pydantic
import pytest

from agent_desktop.backends import registry
from agent_desktop.backends.base import BackendContext, BackendError
from agent_desktop.backends.demo import CustomerSimulator, DemoBackend, DemoConfig
from agent_desktop.backends.demo.personas import NUDGES, PERSONAS
from agent_desktop.core.events import (
    BackendEvent,
    ConnectionChanged,
    InteractionAccepted,
    InteractionEnded,
    InteractionOffered,
    InteractionRevoked,
    MessageDelivered,
    MessageReceived,
    PartyConnectionChanged,
    PartyJoined,
    Typing,
)
from agent_desktop.core.models import AgentIdentity
from agent_desktop.core.types import Channel, ConnectionState, PartyRole, PartyState

E = TypeVar("E")

AGENT = AgentIdentity(id="a1", name="Alice Martin", nickname="Alice")
FAST_SCRIPT: dict[str, Any] = {
    "arrival_interval_s": 0.05,
    "reply_delay_s": (0.01, 0.01),
    "typing_s": (0.01, 0.01),
}


class SteppingClock:
    """Each reading is one second after the previous one, so every message has its own time."""

    def __init__(self, start: float = 1_700_000_000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        self.now += 1.0
        return self.now


class EventLog:
    """Collects every event of a backend as it comes."""

    def __init__(self, backend: DemoBackend) -> None:
        self.events: list[BackendEvent] = []
        self._changed = asyncio.Event()
        self.task = asyncio.get_running_loop().create_task(self._collect(backend.events()))

    async def _collect(self, stream: AsyncIterator[BackendEvent]) -> None:
        async for event in stream:
            self.events.append(event)
            self._changed.set()

    def of(self, kind: type[E]) -> list[E]:
        return [event for event in self.events if isinstance(event, kind)]

    async def settle(self) -> None:
        """Let the collector take what was queued synchronously."""
        for _ in range(3):
            await asyncio.sleep(0)

    async def wait_for(
        self, kind: type[E], predicate: Callable[[E], bool] = lambda _: True, timeout: float = 1.0
    ) -> E:
        async def first_match() -> E:
            while True:
                for event in self.of(kind):
                    if predicate(event):
                        return event
                self._changed.clear()
                await self._changed.wait()

        return await asyncio.wait_for(first_match(), timeout)


def make_backend(data_dir: Path, **config: Any) -> DemoBackend:
    context = BackendContext(data_dir=data_dir, cache_dir=data_dir / "cache")
    return DemoBackend(
        DemoConfig(**config), context, clock=SteppingClock(), rng=random.Random(1234)
    )


@asynccontextmanager
async def connected(
    data_dir: Path, *, ready: bool = True, **config: Any
) -> AsyncIterator[tuple[DemoBackend, EventLog]]:
    backend = make_backend(data_dir, **config)
    log = EventLog(backend)
    await backend.connect(AGENT)
    if ready:
        await backend.set_ready("chat", True)
    try:
        yield backend, log
    finally:
        await backend.disconnect()
        await asyncio.wait_for(log.task, 1.0)


def run(scenario: Callable[[], Coroutine[Any, Any, None]]) -> None:
    asyncio.run(scenario())


async def offered_chat(
    backend: DemoBackend, log: EventLog, name: str = "Marie Dupont", text: str | None = "Bonjour"
) -> str:
    interaction_id = backend.customers.start_chat(name, text)
    await log.settle()
    return interaction_id


async def active_chat(backend: DemoBackend, log: EventLog, name: str = "Marie Dupont") -> str:
    interaction_id = await offered_chat(backend, log, name)
    await backend.accept(interaction_id)
    return interaction_id


def saying(interaction_id: str, text: str) -> Callable[[MessageReceived], bool]:
    """Matches the message ``text`` received in that interaction."""

    def matches(event: MessageReceived) -> bool:
        return event.message.interaction_id == interaction_id and event.message.text == text

    return matches


def offered_ids(log: EventLog) -> list[str]:
    return [event.interaction.id for event in log.of(InteractionOffered)]


def received_texts(log: EventLog, interaction_id: str) -> list[str]:
    return [
        event.message.text
        for event in log.of(MessageReceived)
        if event.message.interaction_id == interaction_id
    ]


# construction ----------------------------------------------------------------------------
def test_registry_and_create_build_the_demo_backend(tmp_path: Path) -> None:
    context = BackendContext(data_dir=tmp_path, cache_dir=tmp_path)
    backend_class = registry.load("demo")
    backend = backend_class.create({"max_concurrent_chats": 2}, context)
    assert isinstance(backend, DemoBackend)
    assert backend.demo_config.max_concurrent_chats == 2
    assert isinstance(backend.customers, CustomerSimulator)
    with pytest.raises(pydantic.ValidationError):
        DemoBackend.create({"no_such_key": 1}, context)
    with pytest.raises(pydantic.ValidationError):
        DemoBackend.create({"reply_delay_s": (5.0, 1.0)}, context)


def test_connect_announces_the_connection_and_disconnect_ends_the_stream(tmp_path: Path) -> None:
    async def scenario() -> None:
        async with connected(tmp_path) as (backend, log):
            await log.settle()
            assert log.of(ConnectionChanged)[0].state is ConnectionState.CONNECTED
            assert (tmp_path / "demo.sqlite3").exists()
        assert log.task.done()
        assert log.of(ConnectionChanged)[-1].state is ConnectionState.DISCONNECTED
        # a stream asked for after the end stops at once
        assert [event async for event in backend.events()] == []

    run(scenario)


def test_disconnect_twice_is_harmless_and_a_new_connection_starts_afresh(tmp_path: Path) -> None:
    async def scenario() -> None:
        backend = make_backend(tmp_path)
        await backend.connect(AGENT)
        await backend.disconnect()
        await backend.disconnect()
        await backend.connect(AGENT)
        log = EventLog(backend)
        await backend.set_ready("chat", True)
        interaction_id = backend.customers.start_chat("Marie Dupont", "Re-bonjour")
        await backend.disconnect()
        await asyncio.wait_for(log.task, 1.0)
        # presence (a customer on the website) is the Communication view's business
        assert [e.type for e in log.events if e.type != "contact_presence"] == [
            "connection",
            "interaction_offered",
            "message_received",
            "connection",
        ]
        assert log.of(InteractionOffered)[0].interaction.id == interaction_id

    run(scenario)


def test_an_unusable_database_is_reported(tmp_path: Path) -> None:
    async def scenario() -> None:
        (tmp_path / "demo.sqlite3").write_bytes(b"this is not a database" * 100)
        backend = make_backend(tmp_path)
        with pytest.raises(BackendError, match="cannot open the demo database"):
            await backend.connect(AGENT)
        await backend.disconnect()

    run(scenario)


def test_operations_need_a_connection(tmp_path: Path) -> None:
    async def scenario() -> None:
        backend = make_backend(tmp_path)
        with pytest.raises(BackendError, match="not connected"):
            await backend.set_ready("chat", True)
        with pytest.raises(RuntimeError, match="not connected"):
            backend.customers.start_chat("Marie Dupont")
        await backend.connect(AGENT)
        with pytest.raises(BackendError, match="already connected"):
            await backend.connect(AGENT)
        await backend.disconnect()

    run(scenario)


# routing ---------------------------------------------------------------------------------
def test_chat_waits_while_not_ready_and_is_offered_with_its_messages_when_ready(
    tmp_path: Path,
) -> None:
    async def scenario() -> None:
        async with connected(tmp_path, ready=False) as (backend, log):
            interaction_id = backend.customers.start_chat(
                "Marie Dupont", "Bonjour", channel="whatsapp", phone="+33 6 39 98 00 01"
            )
            backend.customers.typing(interaction_id)  # nobody sees a queued customer type
            backend.customers.say(interaction_id, "Vous êtes là ?")
            await log.settle()
            assert log.of(InteractionOffered) == []
            assert log.of(Typing) == []

            await backend.set_ready("chat", True)
            offer = await log.wait_for(InteractionOffered)
            summary = offer.interaction
            assert summary.id == interaction_id
            assert summary.channel is Channel.WHATSAPP
            assert summary.first_message == "Bonjour"
            assert summary.contact.name == "Marie Dupont"
            assert summary.contact.phone == "+33 6 39 98 00 01"
            assert summary.contact.channels[0].channel is Channel.WHATSAPP
            (customer,) = summary.parties
            assert customer.id == f"contact:{summary.contact.id}"
            assert customer.role is PartyRole.CUSTOMER
            assert received_texts(log, interaction_id) == ["Bonjour", "Vous êtes là ?"]
            # the offer comes before the replayed messages
            kinds = [e.type for e in log.events[1:] if e.type != "contact_presence"]
            assert kinds == ["interaction_offered", "message_received", "message_received"]

    run(scenario)


def test_going_not_ready_stops_new_offers(tmp_path: Path) -> None:
    async def scenario() -> None:
        async with connected(tmp_path) as (backend, log):
            first = await offered_chat(backend, log)
            await backend.set_ready("chat", False)
            await offered_chat(backend, log, "John Carter")
            assert offered_ids(log) == [first]

    run(scenario)


def test_at_most_max_concurrent_chats_are_offered_and_the_oldest_waiting_comes_next(
    tmp_path: Path,
) -> None:
    async def scenario() -> None:
        async with connected(tmp_path, max_concurrent_chats=2) as (backend, log):
            first = await offered_chat(backend, log, "Client Un")
            second = await offered_chat(backend, log, "Client Deux")
            third = await offered_chat(backend, log, "Client Trois")
            fourth = await offered_chat(backend, log, "Client Quatre")
            assert offered_ids(log) == [first, second]

            await backend.reject(first)
            assert offered_ids(log) == [first, second, third]

            await backend.accept(second)
            await backend.end(second)  # an ended chat no longer takes a slot
            assert offered_ids(log) == [first, second, third, fourth]

    run(scenario)


# agent operations ------------------------------------------------------------------------
def test_accept_emits_accepted_then_the_agent_joins(tmp_path: Path) -> None:
    async def scenario() -> None:
        async with connected(tmp_path) as (backend, log):
            interaction_id = await active_chat(backend, log)
            accepted = await log.wait_for(InteractionAccepted)
            joined = await log.wait_for(PartyJoined)
            assert accepted.interaction_id == joined.interaction_id == interaction_id
            assert joined.party.id == "agent:a1"
            assert joined.party.name == "Alice"
            assert joined.party.role is PartyRole.AGENT

    run(scenario)


def test_wrong_states_and_unknown_ids_are_refused(tmp_path: Path) -> None:
    async def scenario() -> None:
        async with connected(tmp_path, max_concurrent_chats=1) as (backend, log):
            interaction_id = await offered_chat(backend, log)
            queued = await offered_chat(backend, log, "John Carter")
            # the agent has never seen the queued chat, nor an id nobody created
            for unknown in (queued, "nope"):
                with pytest.raises(BackendError, match="there is no interaction"):
                    await backend.accept(unknown)
            with pytest.raises(BackendError, match=r"cannot end .* it is offered"):
                await backend.end(interaction_id)
            with pytest.raises(BackendError, match=r"cannot send in .* it is offered"):
                await backend.send_message(interaction_id, "Bonjour", "t1")
            with pytest.raises(BackendError, match="cannot type in"):
                await backend.send_typing(interaction_id, True)
            with pytest.raises(BackendError, match=r"cannot mark done .* it is offered"):
                await backend.mark_done(interaction_id)
            await backend.accept(interaction_id)
            with pytest.raises(BackendError, match=r"cannot accept .* it is active"):
                await backend.accept(interaction_id)
            with pytest.raises(BackendError, match=r"cannot reject .* it is active"):
                await backend.reject(interaction_id)
            with pytest.raises(BackendError, match="empty message"):
                await backend.send_message(interaction_id, "   ", "t2")
            await backend.end(interaction_id)
            with pytest.raises(BackendError, match=r"cannot end .* it is ended"):
                await backend.end(interaction_id)
            await backend.mark_done(interaction_id)
            with pytest.raises(BackendError, match=r"cannot mark done .* it is done"):
                await backend.mark_done(interaction_id)

            with pytest.raises(BackendError, match="there is no interaction"):
                await backend.send_message("nope", "hi", "t3")
            with pytest.raises(BackendError, match="there is no contact"):
                await backend.history("nope")
            with pytest.raises(BackendError, match="limit"):
                await backend.search_contacts("", limit=0)

    run(scenario)


def test_end_then_mark_done_stores_disposition_and_note(tmp_path: Path) -> None:
    async def scenario() -> None:
        async with connected(tmp_path) as (backend, log):
            interaction_id = await active_chat(backend, log)
            await backend.end(interaction_id)
            left = await log.wait_for(PartyConnectionChanged)
            ended = await log.wait_for(InteractionEnded)
            assert left.state is PartyState.LEFT
            assert left.party_id.startswith("contact:")
            assert ended.by_contact is False
            await backend.mark_done(interaction_id, "Resolved", "Colis relancé")

        with sqlite3.connect(tmp_path / "demo.sqlite3") as db:
            row = db.execute(
                "SELECT state, disposition, note, agent_id, accepted_at < ended_at"
                " FROM interactions WHERE id = ?",
                (interaction_id,),
            ).fetchone()
        assert row == ("done", "Resolved", "Colis relancé", "a1", 1)

    run(scenario)


def test_send_message_is_idempotent_on_txn_id(tmp_path: Path) -> None:
    async def scenario() -> None:
        async with connected(tmp_path) as (backend, log):
            interaction_id = await active_chat(backend, log)
            await backend.send_message(interaction_id, "Bonjour, je regarde.", "txn-1")
            await backend.send_message(interaction_id, "Bonjour, je regarde.", "txn-1")
            await backend.send_message(interaction_id, "Un instant.", "txn-2")
            await backend.end(interaction_id)
            # a late retry after the end is confirmed too, never stored again
            await backend.send_message(interaction_id, "Bonjour, je regarde.", "txn-1")
            await log.settle()

            delivered = log.of(MessageDelivered)
            assert [event.txn_id for event in delivered] == ["txn-1", "txn-1", "txn-2", "txn-1"]
            first_ids = {event.message_id for event in delivered if event.txn_id == "txn-1"}
            assert len(first_ids) == 1
            assert backend.customers.received(interaction_id) == [
                "Bonjour, je regarde.",
                "Un instant.",
            ]
            contact_id = log.of(InteractionOffered)[0].interaction.contact.id
            history = await backend.history(contact_id)
            assert [message.text for message in history] == [
                "Bonjour",
                "Bonjour, je regarde.",
                "Un instant.",
            ]
            assert history[1].id in first_ids
            assert history[1].txn_id == "txn-1"
            assert history[1].author_id == "agent:a1"
            assert history[1].author_name == "Alice"

    run(scenario)


def test_pushed_url_reaches_the_customer_as_its_url(tmp_path: Path) -> None:
    async def scenario() -> None:
        async with connected(tmp_path) as (backend, log):
            interaction_id = await active_chat(backend, log)
            await backend.push_url(interaction_id, "https://example.com/suivi", "txn-u")
            assert backend.customers.received(interaction_id) == ["https://example.com/suivi"]
            contact_id = log.of(InteractionOffered)[0].interaction.contact.id
            pushed = (await backend.history(contact_id))[-1]
            assert pushed.url == pushed.text == "https://example.com/suivi"

    run(scenario)


# the customer side -----------------------------------------------------------------------
def test_typing_both_ways(tmp_path: Path) -> None:
    async def scenario() -> None:
        async with connected(tmp_path) as (backend, log):
            interaction_id = await active_chat(backend, log)
            backend.customers.typing(interaction_id)
            backend.customers.typing(interaction_id, on=False)
            await log.settle()
            customer_id = log.of(InteractionOffered)[0].interaction.parties[0].id
            assert [(e.party_id, e.typing) for e in log.of(Typing)] == [
                (customer_id, True),
                (customer_id, False),
            ]

            assert backend.customers.agent_typing(interaction_id) is False
            await backend.send_typing(interaction_id, True)
            assert backend.customers.agent_typing(interaction_id) is True
            await backend.end(interaction_id)
            assert backend.customers.agent_typing(interaction_id) is False
            await backend.send_typing(interaction_id, False)  # stopping late is harmless
            with pytest.raises(BackendError, match=r"cannot type in .* it is ended"):
                await backend.send_typing(interaction_id, True)

    run(scenario)


def test_customer_messages_reach_an_offered_or_active_chat(tmp_path: Path) -> None:
    async def scenario() -> None:
        async with connected(tmp_path) as (backend, log):
            interaction_id = await offered_chat(backend, log, text=None)
            assert log.of(InteractionOffered)[0].interaction.first_message is None
            backend.customers.say(interaction_id, "Il y a quelqu'un ?")
            await backend.accept(interaction_id)
            backend.customers.say(interaction_id, "Ma commande n'est pas arrivée.")
            await log.settle()
            messages = [event.message for event in log.of(MessageReceived)]
            assert [m.text for m in messages] == [
                "Il y a quelqu'un ?",
                "Ma commande n'est pas arrivée.",
            ]
            assert all(m.author_role is PartyRole.CUSTOMER for m in messages)
            assert all(m.author_name == "Marie Dupont" for m in messages)
            assert backend.customers.received(interaction_id) == []

    run(scenario)


def test_leave_in_each_state(tmp_path: Path) -> None:
    async def scenario() -> None:
        async with connected(tmp_path, ready=False, max_concurrent_chats=1) as (backend, log):
            customers = backend.customers
            dropped = customers.start_chat("Client Parti", "Bonjour")
            customers.leave(dropped)  # queued: it simply never reaches the agent
            revoked = customers.start_chat("Client Pressé", "Hello")
            await backend.set_ready("chat", True)
            assert offered_ids(log) == [revoked]

            customers.leave(revoked)
            await log.settle()
            assert log.of(InteractionRevoked)[0].interaction_id == revoked
            with pytest.raises(BackendError, match=r"cannot accept .* it is ended"):
                await backend.accept(revoked)

            active = await active_chat(backend, log, "Client Actif")
            customers.leave(active)
            customers.leave(active)  # leaving twice is harmless
            await log.settle()
            left = log.of(PartyConnectionChanged)
            assert [(e.interaction_id, e.state) for e in left] == [(active, PartyState.LEFT)]
            (ended,) = log.of(InteractionEnded)
            assert (ended.interaction_id, ended.by_contact) == (active, True)
            with pytest.raises(ValueError, match="can no longer write"):
                customers.say(active, "encore moi")
            await backend.mark_done(active)
            assert offered_ids(log) == [revoked, active]

    run(scenario)


def test_rejected_customer_gets_nothing_more(tmp_path: Path) -> None:
    async def scenario() -> None:
        async with connected(tmp_path) as (backend, log):
            interaction_id = await offered_chat(backend, log)
            await backend.reject(interaction_id)
            with pytest.raises(BackendError, match="it is rejected"):
                await backend.send_message(interaction_id, "Trop tard", "t1")
            assert backend.customers.received(interaction_id) == []

    run(scenario)


def test_simulator_refuses_unknown_interactions(tmp_path: Path) -> None:
    async def scenario() -> None:
        async with connected(tmp_path) as (backend, _):
            customers = backend.customers
            calls: list[Callable[[], object]] = [
                lambda: customers.typing("nope"),
                lambda: customers.say("nope", "hi"),
                lambda: customers.leave("nope"),
                lambda: customers.received("nope"),
                lambda: customers.agent_typing("nope"),
            ]
            for call in calls:
                with pytest.raises(KeyError, match="nope"):
                    call()
            with pytest.raises(ValueError):
                customers.start_chat("Marie Dupont", channel="pigeon")

    run(scenario)


# persistence, history and search ---------------------------------------------------------
def test_contacts_and_history_survive_a_restart(tmp_path: Path) -> None:
    async def first_run() -> tuple[str, str]:
        async with connected(tmp_path) as (backend, log):
            interaction_id = await active_chat(backend, log, "Hélène Martin")
            await backend.send_message(interaction_id, "Bonjour Hélène", "t1")
            backend.customers.say(interaction_id, "Merci !")
            contact_id = log.of(InteractionOffered)[0].interaction.contact.id
            return interaction_id, contact_id  # left active on purpose

    async def second_run(interaction_id: str, contact_id: str) -> None:
        async with connected(tmp_path) as (backend, log):
            (contact,) = await backend.search_contacts("helene")
            assert contact.id == contact_id
            history = await backend.history(contact_id)
            assert [m.text for m in history] == ["Bonjour", "Bonjour Hélène", "Merci !"]
            assert backend.customers.received(interaction_id) == ["Bonjour Hélène"]
            with pytest.raises(BackendError, match="there is no interaction"):
                await backend.accept(interaction_id)

            # the same customer comes back: same contact, a new interaction
            again = await offered_chat(backend, log, "Hélène Martin", "Re-bonjour")
            assert again != interaction_id
            assert log.of(InteractionOffered)[0].interaction.contact.id == contact_id

        with sqlite3.connect(tmp_path / "demo.sqlite3") as db:
            (state,) = db.execute(
                "SELECT state FROM interactions WHERE id = ?", (interaction_id,)
            ).fetchone()
        assert state == "ended"  # its customer did not outlive the first run

    async def scenario() -> None:
        await second_run(*await first_run())

    run(scenario)


def test_history_pages_backwards_oldest_first(tmp_path: Path) -> None:
    async def scenario() -> None:
        async with connected(tmp_path) as (backend, log):
            interaction_id = await active_chat(backend, log)
            for number in range(1, 8):
                backend.customers.say(interaction_id, f"message {number}")
            contact_id = log.of(InteractionOffered)[0].interaction.contact.id

            newest = await backend.history(contact_id, limit=3)
            assert [m.text for m in newest] == ["message 5", "message 6", "message 7"]
            older = await backend.history(contact_id, before=newest[0].time, limit=3)
            assert [m.text for m in older] == ["message 2", "message 3", "message 4"]
            oldest = await backend.history(contact_id, before=older[0].time, limit=3)
            assert [m.text for m in oldest] == ["Bonjour", "message 1"]
            assert await backend.history(contact_id, before=oldest[0].time) == []

    run(scenario)


def test_history_spans_every_interaction_with_the_contact(tmp_path: Path) -> None:
    async def scenario() -> None:
        async with connected(tmp_path) as (backend, log):
            first = await active_chat(backend, log)
            await backend.end(first)
            await backend.mark_done(first)
            second = await offered_chat(backend, log, text="Encore moi")
            contact_id = log.of(InteractionOffered)[0].interaction.contact.id
            history = await backend.history(contact_id)
            assert [(m.interaction_id, m.text) for m in history] == [
                (first, "Bonjour"),
                (second, "Encore moi"),
            ]

    run(scenario)


def test_search_ignores_case_and_accents(tmp_path: Path) -> None:
    async def scenario() -> None:
        async with connected(tmp_path, ready=False) as (backend, _):
            customers = backend.customers
            customers.start_chat("Hélène Martin", "Bonjour, mon colis est abîmé")
            customers.start_chat("John Carter", email="john.carter@example.com")
            customers.start_chat("Rémi Garnier", channel="sms", phone="+33 6 39 98 56 78")

            assert [c.name for c in await backend.search_contacts("Helene")] == ["Hélène Martin"]
            assert [c.name for c in await backend.search_contacts("MARTIN")] == ["Hélène Martin"]
            assert [c.name for c in await backend.search_contacts("EXAMPLE.com")] == ["John Carter"]
            assert [c.name for c in await backend.search_contacts("39 98 56")] == ["Rémi Garnier"]
            everyone = await backend.search_contacts("")
            assert [c.name for c in everyone] == ["Hélène Martin", "John Carter", "Rémi Garnier"]
            assert len(await backend.search_contacts("", limit=2)) == 2
            assert await backend.search_contacts("zzz") == []

            (helene,) = await backend.search_contacts("hélène")
            found = await backend.search_messages(helene.id, "ABIME")
            assert [m.text for m in found] == ["Bonjour, mon colis est abîmé"]
            assert await backend.search_messages(helene.id, "facture") == []

    run(scenario)


def test_a_returning_contact_gains_details_and_channels(tmp_path: Path) -> None:
    async def scenario() -> None:
        async with connected(tmp_path, ready=False) as (backend, _):
            backend.customers.start_chat("David Kim", channel="twitter")
            backend.customers.start_chat("David Kim", channel="sms", phone="+1 202 555 0142")
            (contact,) = await backend.search_contacts("david")
            assert contact.phone == "+1 202 555 0142"
            assert [(a.channel, a.address) for a in contact.channels] == [
                (Channel.TWITTER, "@david_kim"),
                (Channel.SMS, "+1 202 555 0142"),
            ]

    run(scenario)


# spontaneous customers -------------------------------------------------------------------
def test_spontaneous_customer_arrives_answers_and_says_goodbye(tmp_path: Path) -> None:
    async def scenario() -> None:
        async with connected(tmp_path, spontaneous=True, **FAST_SCRIPT) as (backend, log):
            offer = await log.wait_for(InteractionOffered)
            interaction_id = offer.interaction.id
            persona = next(p for p in PERSONAS if p.name == offer.interaction.contact.name)
            assert offer.interaction.first_message == persona.opening
            assert offer.interaction.channel is persona.channel
            await backend.accept(interaction_id)

            for number, line in enumerate(persona.replies):
                await backend.send_message(interaction_id, f"Réponse {number}", f"t{number}")
                await log.wait_for(MessageReceived, saying(interaction_id, line))
            ended = await log.wait_for(
                InteractionEnded, lambda e: e.interaction_id == interaction_id
            )
            assert ended.by_contact is True
            typing = [e.typing for e in log.of(Typing) if e.interaction_id == interaction_id]
            assert typing == [True, False] * len(persona.replies)
        assert backend.background_task_count == 0

    run(scenario)


def test_unanswered_spontaneous_customer_nudges_once(tmp_path: Path) -> None:
    async def scenario() -> None:
        async with connected(tmp_path, spontaneous=True, nudge_after_s=0.02, **FAST_SCRIPT) as (
            backend,
            log,
        ):
            offer = await log.wait_for(InteractionOffered)
            persona = next(p for p in PERSONAS if p.name == offer.interaction.contact.name)
            nudge = NUDGES[persona.language]
            await log.wait_for(MessageReceived, saying(offer.interaction.id, nudge))
            await asyncio.sleep(0.05)
            assert received_texts(log, offer.interaction.id) == [persona.opening, nudge]
            await backend.reject(offer.interaction.id)

    run(scenario)


def test_disconnect_cancels_every_task_and_ends_the_events(tmp_path: Path) -> None:
    async def scenario() -> None:
        async with connected(tmp_path, spontaneous=True, **FAST_SCRIPT) as (backend, log):
            offer = await log.wait_for(InteractionOffered)
            await backend.accept(offer.interaction.id)
            await backend.send_message(offer.interaction.id, "Bonjour", "t1")
            await log.wait_for(Typing)  # a reply is under way
            assert backend.background_task_count >= 2  # the arrivals and that reply
        assert backend.background_task_count == 0
        assert log.task.done()
        assert asyncio.all_tasks() == {asyncio.current_task()}

    run(scenario)


def test_nothing_happens_on_its_own_by_default(tmp_path: Path) -> None:
    async def scenario() -> None:
        async with connected(tmp_path, **FAST_SCRIPT) as (backend, log):
            await asyncio.sleep(0.1)
            assert backend.background_task_count == 0
            assert [type(e) for e in log.events] == [ConnectionChanged]

    run(scenario)


def test_personas_cover_both_languages_and_every_channel() -> None:
    assert 10 <= len(PERSONAS) <= 14
    languages = [p.language for p in PERSONAS]
    assert languages.count("fr") == languages.count("en")
    assert {p.channel for p in PERSONAS} == set(Channel)
    assert len({p.name for p in PERSONAS}) == len(PERSONAS)
    assert all(2 <= len(p.follow_ups) <= 4 for p in PERSONAS)
