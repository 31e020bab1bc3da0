"""Consultation hand-offs, conference parties, the team room and read receipts on Matrix,
against a real Synapse: an agent, a colleague (both MatrixBackends) and Matrix customers."""

from __future__ import annotations

import uuid
from collections.abc import Callable, Coroutine, Iterator
from pathlib import Path
from typing import Any

import pytest

from agent_desktop.backends.base import BackendError
from agent_desktop.core import events as ev
from agent_desktop.testing.matrix_customers import MatrixCustomerSimulator
from agent_desktop.testing.synapse import SynapseServer
from tests.integration.matrix_helpers import Agent, run_async, until, until_async
from tests.integration.proxy import LoopbackProxy

Scenario = Callable[[Agent, Agent, MatrixCustomerSimulator], Coroutine[Any, Any, None]]


@pytest.fixture
def run(synapse: SynapseServer, tmp_path: Path) -> Iterator[Callable[..., None]]:
    """``run(scenario)``: an agent and a colleague (connected, Ready) and customers."""
    sims: list[MatrixCustomerSimulator] = []

    def _run(scenario: Scenario, **agent_config: Any) -> None:
        user = synapse.register(displayname="Alex Martin")
        colleague_user = synapse.register(displayname="Bea Colleague")
        customers = MatrixCustomerSimulator(synapse, user.user_id)
        sims.append(customers)

        async def main() -> None:
            agent = Agent(synapse, user, tmp_path / "agent", **agent_config)
            colleague = Agent(synapse, colleague_user, tmp_path / "colleague")
            await agent.start()
            await colleague.start()
            try:
                await scenario(agent, colleague, customers)
            finally:
                await colleague.stop()
                await agent.stop()

        run_async(main())

    yield _run
    for sim in sims:
        sim.close()


async def membership(observer: Agent, room_id: str, user_id: str) -> str:
    return await observer.backend._membership(room_id, user_id)


async def open_chat(agent: Agent, customers: MatrixCustomerSimulator, name: str) -> str:
    room = customers.start_chat(name, "Bonjour")
    await agent.offered(room)
    await agent.backend.accept(room)
    return room


async def consulting(agent: Agent, colleague: Agent, room: str) -> str:
    """The agent consults the colleague about ``room``; the colleague joins the consultation."""
    consult = await agent.backend.consult(room, colleague.user.user_id)
    await colleague.offered(consult)
    await colleague.backend.accept(consult)
    await until(
        lambda: any(
            e.interaction_id == consult and e.party.id == colleague.user.user_id
            for e in agent.of(ev.PartyJoined)
        )
    )
    return consult


def consultation_outcomes(agent: Agent, consult: str) -> list[str]:
    return [e.outcome for e in agent.of(ev.ConsultationEnded) if e.consultation_id == consult]


def test_consultation_completes_a_transfer(run: Callable[..., None]) -> None:
    async def scenario(agent: Agent, colleague: Agent, customers: MatrixCustomerSimulator) -> None:
        room = await open_chat(agent, customers, "Marie Dupont")
        consult = await consulting(agent, colleague, room)
        await agent.backend.complete_transfer(consult)
        await until(lambda: bool(agent.of(ev.InteractionTransferred)))
        assert consultation_outcomes(agent, consult) == ["transferred"]
        transferred = agent.of(ev.InteractionTransferred)
        assert [(e.interaction_id, e.target_name) for e in transferred] == [(room, "Bea Colleague")]
        # the colleague is offered the customer's chat and takes it; the agent has left
        await colleague.offered(room)
        await colleague.backend.accept(room)
        await until(lambda: colleague.texts(room) == ["Bonjour"])
        assert await membership(colleague, room, colleague.user.user_id) == "join"
        assert await membership(colleague, room, agent.user.user_id) == "leave"
        # and the consultation room is closed on the agent's side
        assert await membership(colleague, consult, agent.user.user_id) == "leave"
        with pytest.raises(BackendError):
            await agent.backend.send_message(room, "still here?", "t-x")

    run(scenario)


def test_consultation_turns_into_a_conference_then_a_party_is_removed(
    run: Callable[..., None],
) -> None:
    async def scenario(agent: Agent, colleague: Agent, customers: MatrixCustomerSimulator) -> None:
        room = await open_chat(agent, customers, "Paul Martin")
        consult = await consulting(agent, colleague, room)
        await agent.backend.consultation_to_conference(consult)
        await until(lambda: consultation_outcomes(agent, consult) == ["conference"])
        await colleague.offered(room)
        await colleague.backend.accept(room)
        bea = colleague.user.user_id
        await until(
            lambda: any(
                e.interaction_id == room and e.party.id == bea for e in agent.of(ev.PartyJoined)
            )
        )
        assert await membership(agent, room, agent.user.user_id) == "join"  # the agent stays
        await colleague.backend.send_message(room, "Bea here", "c-1")
        await until(lambda: agent.texts(room)[-1:] == ["Bea here"])
        # the customer cannot be removed; the colleague can
        with pytest.raises(BackendError, match="only a colleague"):
            await agent.backend.remove_party(room, customers.user_id("Paul Martin"))
        await agent.backend.remove_party(room, bea)
        await until(lambda: any(e.interaction_id == room for e in agent.of(ev.PartyLeft)))
        assert [e.party_id for e in agent.of(ev.PartyLeft) if e.interaction_id == room] == [bea]
        assert await membership(agent, room, bea) == "leave"
        await until(
            lambda: any(e.interaction_id == room for e in colleague.of(ev.InteractionEnded))
        )
        # nobody is left to take the chat: the agent cannot leave the conference
        with pytest.raises(BackendError, match="no colleague"):
            await agent.backend.leave_conference(room)
        customers.say(room, "Toujours là")
        await until(lambda: agent.texts(room)[-1:] == ["Toujours là"])

    run(scenario)


def test_ending_a_consultation_and_the_colleague_ending_it(run: Callable[..., None]) -> None:
    async def scenario(agent: Agent, colleague: Agent, customers: MatrixCustomerSimulator) -> None:
        room = await open_chat(agent, customers, "Anne Roux")
        consult = await consulting(agent, colleague, room)
        await agent.backend.end_consultation(consult)
        await until(lambda: consultation_outcomes(agent, consult) == ["ended"])
        # the colleague's desk sees the agent (its "contact") leave the consultation
        await until(
            lambda: any(e.interaction_id == consult for e in colleague.of(ev.InteractionEnded))
        )
        with pytest.raises(BackendError):
            await agent.backend.end_consultation(consult)
        # a second one, which the colleague closes
        second = await consulting(agent, colleague, room)
        await colleague.backend.end(second)
        await until(lambda: consultation_outcomes(agent, second) == ["ended"])
        await until_async(lambda: membership(agent, second, agent.user.user_id), "leave")
        # the customer's chat is untouched
        await agent.backend.send_message(room, "Je reviens vers vous", "t-1")
        await until(lambda: customers.received(room) == ["Je reviens vers vous"])

    run(scenario)


def test_leaving_a_conference_hands_the_chat_to_the_colleague(run: Callable[..., None]) -> None:
    async def scenario(agent: Agent, colleague: Agent, customers: MatrixCustomerSimulator) -> None:
        room = await open_chat(agent, customers, "Léa Petit")
        await agent.backend.conference(room, colleague.user.user_id)
        await colleague.offered(room)
        await colleague.backend.accept(room)
        await until(
            lambda: any(
                e.party.id == colleague.user.user_id and e.interaction_id == room
                for e in agent.of(ev.PartyJoined)
            )
        )
        await agent.backend.leave_conference(room)
        await until(lambda: bool(agent.of(ev.InteractionTransferred)))
        transferred = agent.of(ev.InteractionTransferred)
        assert [(e.interaction_id, e.target_name) for e in transferred] == [(room, "Bea Colleague")]
        assert await membership(colleague, room, agent.user.user_id) == "leave"
        customers.say(room, "Merci")
        await until(lambda: colleague.texts(room)[-1:] == ["Merci"])

    run(scenario)


def test_team_room_lists_colleagues_with_their_presence(
    run: Callable[..., None], synapse: SynapseServer
) -> None:
    alias_name = f"team-{uuid.uuid4().hex[:8]}"
    alias = f"#{alias_name}:localhost"
    outsider = synapse.register(displayname="Bea Outsider")

    async def scenario(agent: Agent, colleague: Agent, customers: MatrixCustomerSimulator) -> None:
        # the colleague's team room (public: the agent joins it on first use)
        await colleague.backend._call(
            "POST",
            "/_matrix/client/v3/createRoom",
            {"preset": "public_chat", "room_alias_name": alias_name, "name": "Team"},
        )

        async def listed() -> list[tuple[str, str, str]]:
            return [(t.id, t.name, t.presence) for t in await agent.backend.targets("")]

        bea = colleague.user.user_id
        await until_async(listed, [(bea, "Bea Colleague", "ready")])
        await colleague.backend.set_ready("chat", False)
        await until_async(listed, [(bea, "Bea Colleague", "busy")])
        # only team members: a user with a matching name elsewhere is not offered
        assert [t.id for t in await agent.backend.targets("bea")] == [bea]
        assert outsider.user_id not in [t.id for t in await agent.backend.targets("Outsider")]
        assert await agent.backend.targets("nobody") == []

    run(scenario, team_room=alias)


def test_the_customer_read_receipt_marks_the_agent_messages_read(
    run: Callable[..., None],
) -> None:
    async def scenario(agent: Agent, colleague: Agent, customers: MatrixCustomerSimulator) -> None:
        room = await open_chat(agent, customers, "Marie Dupont")
        await agent.backend.send_message(room, "Un", "t-1")
        await agent.backend.send_message(room, "Deux", "t-2")
        await until(lambda: customers.received(room) == ["Un", "Deux"])
        await until(lambda: len(agent.of(ev.MessageDelivered)) == 2)
        assert agent.of(ev.MessageStatus) == []
        customers.mark_read(room)
        await until(lambda: len(agent.of(ev.MessageStatus)) == 2)
        statuses = agent.of(ev.MessageStatus)
        assert sorted(s.txn_id for s in statuses) == ["t-1", "t-2"]
        assert {(s.interaction_id, s.status) for s in statuses} == {(room, "read")}
        await agent.backend.send_message(room, "Trois", "t-3")
        await until(lambda: customers.received(room)[-1:] == ["Trois"])
        customers.mark_read(room)
        await until(lambda: len(agent.of(ev.MessageStatus)) == 3)
        assert agent.of(ev.MessageStatus)[-1].txn_id == "t-3"

    run(scenario)


def test_going_not_ready_is_the_last_word_with_a_sync_on_its_way(
    synapse: SynapseServer, tmp_path: Path, link: LoopbackProxy
) -> None:
    """Synapse applies a sync's ``set_presence`` when it handles it: a long-poll sent just
    before the agent goes Not Ready must not reach it after the change (colleagues would
    see the agent Ready for a whole long-poll). The link holds the agent's next sync while
    they go Not Ready: it never reaches Synapse, only syncs carrying the new presence do."""
    user = synapse.register(displayname="Bea Colleague")

    async def main() -> None:
        agent = Agent(synapse, user, tmp_path / "agent", homeserver=link.url, sync_timeout_s=1)
        await agent.start(ready=True)
        try:
            link.hold_syncs()
            await until(lambda: link.held_syncs == 1)  # its next long-poll, sent as Ready
            passed = len(link.requests)
            await agent.backend.set_ready("chat", False)
            # the stale one is given up (never reaches Synapse), the one asked again waits
            await until(lambda: link.dropped_syncs == 1 and link.held_syncs == 1)
            link.release_syncs()
            await until(lambda: any("/sync?" in r for r in link.requests[passed:]))
            syncs = [r for r in link.requests[passed:] if "/sync?" in r]
            assert all("set_presence=unavailable" in r for r in syncs), syncs
            status = f"/_matrix/client/v3/presence/{user.user_id}/status"
            assert (await agent.backend._call("GET", status))["presence"] == "unavailable"
        finally:
            link.release_syncs()
            await agent.stop()

    run_async(main())
