"""The demo team: targets, transfer, conference, consultation, calls and e-mails."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest

from agent_desktop.backends.base import BackendError
from agent_desktop.core.events import (
    ConsultationEnded,
    InteractionTransferred,
    MessageDelivered,
    MessageReceived,
    PartyJoined,
    PartyLeft,
)
from agent_desktop.core.types import Capability, PartyRole
from tests.unit.test_demo_backend import active_chat, connected, run

FAST: dict[str, Any] = {"colleague_answer_s": 0.01, "colleague_timeout_s": 0.05}
CLAIRE = "colleague:claire"


def test_the_team_has_a_dozen_colleagues_with_presence_and_three_queues(tmp_path: Path) -> None:
    async def scenario() -> None:
        async with connected(tmp_path, **FAST) as (backend, _):
            targets = await backend.targets()
            agents = [t for t in targets if t.kind == "agent"]
            queues = [t for t in targets if t.kind == "queue"]
            assert len(agents) == 12 and len(queues) == 3
            assert {t.presence for t in agents} == {"ready", "busy", "away"}
            assert all(q.available for q in queues)
            assert [t.name for t in await backend.targets("lefevre")] == ["Julien Lefèvre"]
            assert backend.team.names()[0] == "Claire Moreau"
            for capability in (Capability.TRANSFER, Capability.CONSULT, Capability.DISPOSITION):
                assert backend.has(capability)

    run(scenario)


def test_transfer_to_a_colleague_takes_the_chat_off_the_desk(tmp_path: Path) -> None:
    async def scenario() -> None:
        async with connected(tmp_path, **FAST) as (backend, log):
            iid = await active_chat(backend, log)
            await backend.transfer(iid, CLAIRE)
            event = await log.wait_for(InteractionTransferred)
            assert event.interaction_id == iid and event.target_name == "Claire Moreau"
            record = await asyncio.to_thread(backend.saved_interaction, iid)
            assert record is not None and record["state"] == "transferred"
            assert backend.team.in_interaction(iid) == ["Claire Moreau"]
            with pytest.raises(BackendError):
                await backend.send_message(iid, "still mine?", "t1")

    run(scenario)


def test_transfer_to_a_queue_and_failures(tmp_path: Path) -> None:
    async def scenario() -> None:
        async with connected(tmp_path, **FAST) as (backend, log):
            iid = await active_chat(backend, log)
            backend.team.decline_next("Claire Moreau")
            with pytest.raises(BackendError, match="Claire Moreau declined"):
                await backend.transfer(iid, CLAIRE)
            backend.team.ignore_next("Claire Moreau")
            with pytest.raises(BackendError, match=r"did not answer .* within 0\.05 s"):
                await backend.transfer(iid, CLAIRE)
            with pytest.raises(BackendError, match="busy"):
                await backend.transfer(iid, "colleague:sophie")
            with pytest.raises(BackendError, match="queue cannot"):
                await backend.consult(iid, "queue:billing")
            assert log.of(InteractionTransferred) == []
            await backend.transfer(iid, "queue:billing")
            event = await log.wait_for(InteractionTransferred)
            assert event.target_name == "Billing"

    run(scenario)


def test_conference_everyone_sees_everyone_and_either_agent_leaves(tmp_path: Path) -> None:
    async def scenario() -> None:
        async with connected(tmp_path, **FAST) as (backend, log):
            iid = await active_chat(backend, log)
            await backend.conference(iid, CLAIRE)
            joined = await log.wait_for(PartyJoined, lambda e: e.party.id == CLAIRE)
            assert joined.party.role is PartyRole.COLLEAGUE
            assert backend.team.in_interaction(iid) == ["Claire Moreau"]
            await backend.send_message(iid, "Je vous passe ma collègue.", "t1")
            backend.team.say("Claire Moreau", "Bonjour, je m'en occupe.")
            message = await log.wait_for(
                MessageReceived,
                lambda e: (
                    e.message.interaction_id == iid and e.message.author_role is PartyRole.COLLEAGUE
                ),
            )
            assert message.message.author_name == "Claire Moreau"
            assert backend.customers.received(iid) == [
                "Je vous passe ma collègue.",
                "Bonjour, je m'en occupe.",
            ]
            await backend.remove_party(iid, CLAIRE)
            await log.wait_for(PartyLeft, lambda e: e.party_id == CLAIRE)
            assert backend.team.in_interaction(iid) == []
            with pytest.raises(BackendError, match="no colleague"):
                await backend.leave_conference(iid)
            await backend.conference(iid, "colleague:julien")
            await backend.leave_conference(iid)
            event = await log.wait_for(InteractionTransferred)
            assert event.target_name == "Julien Lefèvre"

    run(scenario)


def test_consultation_is_invisible_to_the_customer(tmp_path: Path) -> None:
    async def scenario() -> None:
        async with connected(tmp_path, **FAST) as (backend, log):
            iid = await active_chat(backend, log)
            cid = await backend.consult(iid, CLAIRE)
            assert cid != iid
            await backend.send_message(cid, "Tu connais ce client ?", "c1")
            await log.wait_for(MessageDelivered, lambda e: e.txn_id == "c1")
            await backend.send_message(cid, "Tu connais ce client ?", "c1")  # a retry
            backend.team.say("Claire Moreau", "Oui, c'est un habitué.")
            await log.wait_for(MessageReceived, lambda e: e.message.interaction_id == cid)
            assert backend.team.consultation_messages("Claire Moreau") == [
                "Tu connais ce client ?",
                "Oui, c'est un habitué.",
            ]
            assert backend.customers.received(iid) == []
            with pytest.raises(BackendError, match="already in a consultation"):
                await backend.consult(iid, CLAIRE)
            await backend.consultation_to_conference(cid)
            ended = await log.wait_for(ConsultationEnded)
            assert ended.consultation_id == cid and ended.outcome == "conference"
            assert backend.team.in_interaction(iid) == ["Claire Moreau"]
            with pytest.raises(BackendError, match="over"):
                await backend.send_message(cid, "encore ?", "c2")

    run(scenario)


def test_two_step_transfer_and_ending_a_consultation(tmp_path: Path) -> None:
    async def scenario() -> None:
        async with connected(tmp_path, **FAST) as (backend, log):
            iid = await active_chat(backend, log)
            first = await backend.consult(iid, CLAIRE)
            backend.team.end_consultation_by("Claire Moreau")
            assert (await log.wait_for(ConsultationEnded)).outcome == "ended"
            with pytest.raises(BackendError):
                await backend.complete_transfer(first)
            second = await backend.consult(iid, "colleague:julien")
            await backend.complete_transfer(second)
            event = await log.wait_for(InteractionTransferred)
            assert event.target_name == "Julien Lefèvre"
            ends = [e.outcome for e in log.of(ConsultationEnded)]
            assert ends == ["ended", "transferred"]

    run(scenario)


def test_calls_and_emails_are_recorded(tmp_path: Path) -> None:
    async def scenario() -> None:
        async with connected(tmp_path, **FAST) as (backend, log):
            iid = await active_chat(backend, log)
            await backend.start_call(iid, "+33 6 39 98 00 00")
            await backend.start_email(None, "marie@example.fr")
            assert [(r.kind, r.interaction_id, r.address) for r in backend.team.outbound] == [
                ("call", iid, "+33 6 39 98 00 00"),
                ("email", None, "marie@example.fr"),
            ]
            with pytest.raises(BackendError):
                await backend.start_email(iid, "not-an-address")
            with pytest.raises(BackendError):
                await backend.start_call(iid, " ")

    run(scenario)


def test_disposition_and_note_are_saved_with_the_interaction(tmp_path: Path) -> None:
    async def scenario() -> None:
        async with connected(tmp_path, **FAST) as (backend, log):
            iid = await active_chat(backend, log)
            await backend.end(iid)
            await backend.mark_done(iid, "Resolved", "Refund sent")
            record = await asyncio.to_thread(backend.saved_interaction, iid)
            assert record is not None and record["state"] == "done"
            assert (record["disposition"], record["note"]) == ("Resolved", "Refund sent")

    run(scenario)


def test_colleagues_of_the_self_running_demo_answer_in_consultations(tmp_path: Path) -> None:
    async def scenario() -> None:
        async with connected(tmp_path, spontaneous=True, arrival_interval_s=60, **FAST) as (
            backend,
            log,
        ):
            iid = await active_chat(backend, log)
            cid = await backend.consult(iid, CLAIRE)
            await backend.send_message(cid, "Tu as une minute ?", "c1")
            assert backend.background_task_count >= 1
            reply = await log.wait_for(
                MessageReceived,
                lambda e: (
                    e.message.interaction_id == cid and e.message.author_role is PartyRole.COLLEAGUE
                ),
                timeout=3.0,
            )
            assert reply.message.author_name == "Claire Moreau"
        assert backend.background_task_count == 0

    run(scenario)
