"""The Matrix backend against a real Synapse, without Qt: each feature on the real protocol."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine, Iterator
from pathlib import Path
from typing import Any

import pytest

from agent_desktop.backends.base import BackendError
from agent_desktop.backends.matrix import CONVERSATION_EVENT, PUSHED_URL_FIELD
from agent_desktop.core import events as ev
from agent_desktop.core.models import Message
from agent_desktop.core.types import Channel, ConnectionState, PartyRole, PartyState
from agent_desktop.testing.matrix_customers import MatrixCustomerSimulator
from agent_desktop.testing.synapse import SynapseServer
from tests.integration.matrix_helpers import Agent, run_async, until, until_async

Scenario = Callable[[Agent, MatrixCustomerSimulator], Coroutine[Any, Any, None]]


@pytest.fixture
def run(synapse: SynapseServer, tmp_path: Path) -> Iterator[Callable[[Scenario], None]]:
    """``run(scenario)``: a fresh agent (connected, Ready) and customers, torn down after."""
    sims: list[MatrixCustomerSimulator] = []

    def _run(scenario: Scenario) -> None:
        user = synapse.register(displayname="Alex Martin")
        customers = MatrixCustomerSimulator(synapse, user.user_id)
        sims.append(customers)

        async def main() -> None:
            agent = Agent(synapse, user, tmp_path / "agent")
            await agent.start()
            try:
                await scenario(agent, customers)
            finally:
                await agent.stop()

        run_async(main())

    yield _run
    for sim in sims:
        sim.close()


def test_offer_accept_and_messages_both_ways(run: Callable[[Scenario], None]) -> None:
    async def scenario(agent: Agent, customers: MatrixCustomerSimulator) -> None:
        room = customers.start_chat(
            "Marie Dupont", "Bonjour", channel="whatsapp", email="marie@example.org"
        )
        await agent.offered(room)
        offer = agent.of(ev.InteractionOffered)[0].interaction
        assert offer.contact.name == "Marie Dupont"
        assert offer.contact.email == "marie@example.org"
        assert offer.channel is Channel.WHATSAPP
        assert offer.first_message == "Bonjour"
        assert offer.parties[0].role is PartyRole.CUSTOMER
        await agent.backend.accept(room)
        await until(lambda: agent.texts(room) == ["Bonjour"])
        customers.say(room, "Ma commande 12345")
        await until(lambda: agent.texts(room) == ["Bonjour", "Ma commande 12345"])
        await agent.backend.send_message(room, "Je regarde", "txn-1")
        await until(lambda: customers.received(room) == ["Je regarde"])
        await until(lambda: bool(agent.of(ev.MessageDelivered)))
        delivered = agent.of(ev.MessageDelivered)
        assert [(d.txn_id, d.interaction_id) for d in delivered] == [("txn-1", room)]
        assert delivered[0].message_id.startswith("$")
        # the same txn id again (a retry): not delivered twice
        await agent.backend.send_message(room, "Je regarde", "txn-1")
        await until(lambda: len(agent.of(ev.MessageDelivered)) == 2)
        customers.say(room, "Merci")
        await until(lambda: agent.texts(room)[-1] == "Merci")
        assert customers.received(room) == ["Je regarde"]

    run(scenario)


def test_reject_leaves_the_invite(run: Callable[[Scenario], None]) -> None:
    async def scenario(agent: Agent, customers: MatrixCustomerSimulator) -> None:
        room = customers.start_chat("Paul", "Hello")
        await agent.offered(room)
        agent_id = agent.user.user_id
        assert customers.membership("Paul", room, agent_id) == "invite"
        await agent.backend.reject(room)
        # declined on the server: the agent's membership of the room is "leave"
        assert customers.membership("Paul", room, agent_id) == "leave"
        with pytest.raises(BackendError):
            await agent.backend.accept(room)

    run(scenario)


def test_typing_both_ways_and_customer_leaving(run: Callable[[Scenario], None]) -> None:
    async def scenario(agent: Agent, customers: MatrixCustomerSimulator) -> None:
        room = customers.start_chat("Marie", "Bonjour")
        await agent.offered(room)
        await agent.backend.accept(room)
        customers.typing(room)
        await until(lambda: any(t.typing for t in agent.of(ev.Typing)))
        customers.typing(room, False)
        await until(lambda: not agent.of(ev.Typing)[-1].typing)
        await agent.backend.send_typing(room, True)
        await until(lambda: customers.agent_typing(room))
        await agent.backend.send_typing(room, False)
        await until(lambda: not customers.agent_typing(room))
        customers.leave(room)
        await until(lambda: bool(agent.of(ev.InteractionEnded)))
        assert agent.of(ev.InteractionEnded)[0].by_contact
        left = agent.of(ev.PartyConnectionChanged)
        assert left[-1].state is PartyState.LEFT

    run(scenario)


def test_offer_withdrawn_and_not_ready_holds_offers(run: Callable[[Scenario], None]) -> None:
    async def scenario(agent: Agent, customers: MatrixCustomerSimulator) -> None:
        room = customers.start_chat("Anne", "Un")
        await agent.offered(room)
        customers.leave(room)
        await until(lambda: [e.interaction_id for e in agent.of(ev.InteractionRevoked)] == [room])
        await agent.backend.set_ready("chat", False)
        held = customers.start_chat("Bob", "Two")
        await asyncio.sleep(0.5)
        assert [e.interaction.id for e in agent.of(ev.InteractionOffered)] == [room]
        await agent.backend.set_ready("chat", True)
        await agent.offered(held)

    run(scenario)


def test_image_push_url_end_and_disposition(run: Callable[[Scenario], None]) -> None:
    async def scenario(agent: Agent, customers: MatrixCustomerSimulator) -> None:
        room = customers.start_chat("Marie", "Bonjour")
        await agent.offered(room)
        await agent.backend.accept(room)
        png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
        await agent.backend.send_image(room, png, "image/png", "plan.png", "img-1")
        await agent.backend.push_url(room, "https://example.org/faq", "url-1")
        await until(lambda: len(customers.received(room)) == 2)
        image, url = customers.received_events(room)
        assert image["content"]["msgtype"] == "m.image"
        assert image["content"]["url"].startswith("mxc://")
        assert image["content"]["info"]["mimetype"] == "image/png"
        assert url["content"]["body"] == "https://example.org/faq"
        assert url["content"][PUSHED_URL_FIELD] == "https://example.org/faq"
        await agent.backend.end(room)
        await until(lambda: [e.interaction_id for e in agent.of(ev.InteractionEnded)] == [room])
        await agent.backend.mark_done(room, "resolved", "refund sent")
        saved = await agent.backend.disposition(room)
        assert saved["disposition"] == "resolved" and saved["note"] == "refund sent"

    run(scenario)


def test_history_pages_every_room_search_contacts_and_infos(
    run: Callable[[Scenario], None],
) -> None:
    async def scenario(agent: Agent, customers: MatrixCustomerSimulator) -> None:
        backend = agent.backend
        backend.history_reader.page_events = 7  # many /messages pages (pagination tokens)
        old = customers.start_chat("Hélène Roux", "old 0", phone="+33 6 11 22 33 44")
        await agent.offered(old)
        await backend.accept(old)
        for i in range(1, 12):
            customers.say(old, f"old {i}")
        await until(lambda: len(agent.texts(old)) == 12)
        await backend.send_message(old, "numero de suivi ABC123", "t-s")
        await until(lambda: bool(agent.of(ev.MessageDelivered)))
        await backend.end(old)  # the agent leaves the room: Synapse no longer searches it
        await backend.mark_done(old, "Resolved", "")
        new = customers.start_chat("Hélène Roux", "new 0", channel="whatsapp")
        await agent.offered(new)
        await backend.accept(new)
        for i in range(1, 30):
            customers.say(new, f"new {i}")
        customers.say(new, "Le colis est abîmé")
        await until(lambda: len(agent.texts(new)) == 31)
        # the contact directory: from the rooms' state, by name, e-mail or phone
        assert [c.name for c in await backend.search_contacts("HELENE")] == ["Hélène Roux"]
        contacts = await backend.search_contacts("33 6 11")
        assert [c.name for c in contacts] == ["Hélène Roux"]
        contact = contacts[0].id
        assert await backend.contact(contact) == contacts[0]
        # paged like the Conversation tab does (before = the oldest shown) down to the start
        shown: list[Message] = []
        while True:
            page = await backend.history(contact, shown[0].time if shown else None, limit=10)
            shown[:0] = page
            if len(page) < 10:
                break
        expected = [f"old {i}" for i in range(12)] + ["numero de suivi ABC123"]
        expected += [f"new {i}" for i in range(30)] + ["Le colis est abîmé"]
        assert [m.text for m in shown] == expected
        # pages of 11 events (a limit of 10 plus one): 31 messages in 3, 13 in 2
        assert backend.history_reader.requests >= 3 + 2
        assert {m.channel for m in shown[:13]} == {Channel.WEBCHAT}
        assert {m.channel for m in shown[13:]} == {Channel.WHATSAPP}
        assert shown[12].author_role is PartyRole.AGENT
        assert {m.author_role for m in shown[13:]} == {PartyRole.CUSTOMER}
        # search: the room the agent left is read back, the one it is in is searched
        hits = await backend.search_messages(contact, "abc123")
        assert [(m.text, m.interaction_id) for m in hits] == [("numero de suivi ABC123", old)]
        hits = await backend.search_messages(contact, "colis")
        assert [(m.text, m.interaction_id) for m in hits] == [("Le colis est abîmé", new)]
        # the separators of the Conversation tab: date, channel, disposition
        infos = {i.id: i for i in await backend.interaction_infos([old, new])}
        assert (infos[old].channel, infos[old].disposition) == (Channel.WEBCHAT, "Resolved")
        assert (infos[new].channel, infos[new].disposition) == (Channel.WHATSAPP, None)
        assert infos[old].started_at <= shown[0].time <= infos[new].started_at

    run(scenario)


def test_transfer_conference_consultation_and_presence(
    run: Callable[[Scenario], None], synapse: SynapseServer, tmp_path: Path
) -> None:
    colleague_user = synapse.register(displayname="Bea Colleague")

    async def scenario(agent: Agent, customers: MatrixCustomerSimulator) -> None:
        colleague = Agent(synapse, colleague_user, tmp_path / "colleague")
        await colleague.start(ready=True)
        try:
            # agents see each other's presence through a shared team room
            team = await agent.backend._call(
                "POST", "/_matrix/client/v3/createRoom", {"invite": [colleague_user.user_id]}
            )
            await colleague.backend._call("POST", f"/_matrix/client/v3/join/{team['room_id']}", {})

            # Bea through the user directory (search_all_users: there from her registration),
            # her presence as Synapse has it once she shares a room with the agent; the
            # session's Synapse holds other users whose names may match too
            async def presence_of_bea() -> list[tuple[str, str]]:
                found = await agent.backend.targets("Bea")
                return [(t.id, t.presence) for t in found if t.id == colleague_user.user_id]

            await until_async(presence_of_bea, [(colleague_user.user_id, "ready")])
            await colleague.backend.set_ready("chat", False)
            await until_async(presence_of_bea, [(colleague_user.user_id, "busy")])
            await colleague.backend.set_ready("chat", True)

            first = customers.start_chat("Conf Customer", "Hi")
            await agent.offered(first)
            await agent.backend.accept(first)
            await agent.backend.conference(first, colleague_user.user_id)
            await colleague.offered(first)
            await colleague.backend.accept(first)
            await until(
                lambda: any(p.party.id == colleague_user.user_id for p in agent.of(ev.PartyJoined))
            )

            consult = await agent.backend.consult(first, colleague_user.user_id)
            await colleague.offered(consult)
            summary = next(
                e.interaction
                for e in colleague.of(ev.InteractionOffered)
                if e.interaction.id == consult
            )
            assert summary.subject == "Conf Customer"
            assert summary.contact.id == agent.user.user_id
            await colleague.backend.accept(consult)
            await colleague.backend.send_message(consult, "Oui, rembourse-le", "c-1")
            await until(lambda: agent.texts(consult) == ["Oui, rembourse-le"])

            second = customers.start_chat("Transfer Customer", "Hello")
            await agent.offered(second)
            await agent.backend.accept(second)
            await agent.backend.transfer(second, colleague_user.user_id)
            await until(lambda: bool(agent.of(ev.InteractionTransferred)))
            assert agent.of(ev.InteractionTransferred)[-1].interaction_id == second
            await colleague.offered(second)
            await colleague.backend.accept(second)
            await until(lambda: colleague.texts(second) == ["Hello"])
            await colleague.backend.send_message(second, "Bea here", "c-2")
            await until(lambda: customers.received(second) == ["Bea here"])
        finally:
            await colleague.stop()

    run(scenario)


def test_conversation_state_event_is_read_from_the_invite(
    run: Callable[[Scenario], None],
) -> None:
    async def scenario(agent: Agent, customers: MatrixCustomerSimulator) -> None:
        room = customers.start_chat("Léa", "Salut", channel="sms", phone="+33600000000")
        await agent.offered(room)
        offer = agent.of(ev.InteractionOffered)[0].interaction
        assert offer.channel is Channel.SMS and offer.contact.phone == "+33600000000"
        assert CONVERSATION_EVENT == "com.agent_desktop.conversation"
        assert agent.states()[0] is ConnectionState.CONNECTED

    run(scenario)


def test_a_restart_announces_the_open_chats_before_connected(
    run: Callable[[Scenario], None], tmp_path: Path
) -> None:
    """The backend contract: ``ConnectionChanged(CONNECTED)`` comes after the chats already on
    the agent's desk (with their transcript), so the outbox knows what is gone."""

    async def scenario(agent: Agent, customers: MatrixCustomerSimulator) -> None:
        open_room = customers.start_chat("Marie Dupont", "Bonjour")
        left_room = customers.start_chat("Paul Martin", "Hello")
        await agent.offered(open_room)
        await agent.offered(left_room)
        await agent.backend.accept(open_room)
        await agent.backend.accept(left_room)
        await agent.backend.send_message(open_room, "Je regarde", "txn-r1")
        await until(lambda: customers.received(open_room) == ["Je regarde"])
        customers.leave(left_room)
        await until(lambda: bool(agent.of(ev.InteractionEnded)))
        await agent.stop()

        again = Agent(agent.server, agent.user, tmp_path / "agent")
        await again.start(ready=False)
        try:
            events = again.events
            connected = next(
                i
                for i, e in enumerate(events)
                if isinstance(e, ev.ConnectionChanged) and e.state is ConnectionState.CONNECTED
            )
            before = events[:connected]
            assert [e.interaction.id for e in before if isinstance(e, ev.InteractionOffered)] == [
                open_room
            ]
            assert [e.interaction_id for e in before if isinstance(e, ev.InteractionAccepted)] == [
                open_room
            ]
            texts = [e.message.text for e in before if isinstance(e, ev.MessageReceived)]
            assert texts == ["Bonjour", "Je regarde"]
            await again.backend.send_message(open_room, "Toujours là", "txn-r2")
            await until(lambda: customers.received(open_room) == ["Je regarde", "Toujours là"])
        finally:
            await again.stop()

    run(scenario)
