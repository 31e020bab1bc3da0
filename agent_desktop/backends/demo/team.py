"""The agent's colleagues and queues in the demo contact center.

:class:`TeamSimulator` plays the team: colleagues accept a transfer, conference or
consultation after ``DemoConfig.colleague_answer_s`` unless told to decline
(:meth:`TeamSimulator.decline_next`) or to ignore the request (:meth:`ignore_next`: it then
fails after ``colleague_timeout_s``). Its synchronous methods are the harness's
``h.colleagues`` (CONTRACT.md); its coroutines serve :class:`~.backend.DemoBackend`.
Consultations live in memory only (they are internal); what reaches the customer is stored.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import Literal

from agent_desktop.backends.base import BackendError, Target
from agent_desktop.backends.demo.center import ContactCenter, LiveInteraction, Stage, new_id
from agent_desktop.backends.demo.config import DemoConfig
from agent_desktop.backends.demo.simulator import TaskSet
from agent_desktop.backends.demo.store import fold
from agent_desktop.core.events import (
    ConsultationEnded,
    MessageReceived,
    PartyJoined,
    PartyLeft,
)
from agent_desktop.core.models import Message, Party
from agent_desktop.core.types import Clock, PartyRole

Presence = Literal["ready", "busy", "away"]


@dataclass(frozen=True)
class Colleague:
    id: str
    name: str
    presence: Presence

    @property
    def party_id(self) -> str:
        return f"colleague:{self.id}"

    def as_target(self) -> Target:
        return Target(id=self.party_id, name=self.name, kind="agent", presence=self.presence)


#: the team; names are fictional
COLLEAGUES: tuple[Colleague, ...] = (
    Colleague("claire", "Claire Moreau", "ready"),
    Colleague("julien", "Julien Lefèvre", "ready"),
    Colleague("sophie", "Sophie Bernard", "busy"),
    Colleague("thomas", "Thomas Girard", "ready"),
    Colleague("emma", "Emma Thompson", "ready"),
    Colleague("olivier", "Olivier Rousseau", "away"),
    Colleague("nadia", "Nadia Benali", "ready"),
    Colleague("james", "James Whitaker", "busy"),
    Colleague("lucie", "Lucie Fontaine", "ready"),
    Colleague("marc", "Marc Dubois", "away"),
    Colleague("hannah", "Hannah Clarke", "ready"),
    Colleague("antoine", "Antoine Mercier", "ready"),
)

#: queues accept every transfer (the chat waits there for the next free agent)
QUEUES: tuple[Target, ...] = (
    Target(id="queue:billing", name="Billing", kind="queue"),
    Target(id="queue:support", name="Technical support", kind="queue"),
    Target(id="queue:sales", name="Sales", kind="queue"),
)

Answer = Literal["accept", "decline", "ignore"]

#: what a colleague answers in a consultation when the demo runs on its own (spontaneous)
CONSULT_REPLIES = (
    "Oui, je connais ce dossier. Que se passe-t-il ?",
    "OK, je peux le prendre si tu veux.",
    "Sure — send it over when you're ready.",
)


@dataclass
class Consultation:
    id: str
    parent_id: str
    colleague: Colleague
    messages: list[Message] = field(default_factory=list)
    open: bool = True


@dataclass(frozen=True)
class OutboundRequest:
    """A call or e-mail the agent started (the demo only records it)."""

    kind: Literal["call", "email"]
    interaction_id: str | None
    address: str


class TeamSimulator:
    """Colleagues who answer requests, talk in consultations and conferences, and leave."""

    def __init__(self, center: ContactCenter, config: DemoConfig, clock: Clock) -> None:
        self._center = center
        self._config = config
        self._clock = clock
        self._by_name = {c.name: c for c in COLLEAGUES}
        self._by_party = {c.party_id: c for c in COLLEAGUES}
        self._answers: dict[str, Answer] = {}
        self._consultations: dict[str, Consultation] = {}
        self._conferences: dict[str, list[Colleague]] = {}
        #: calls and e-mails the agent started, in order (tests read this)
        self.outbound: list[OutboundRequest] = []
        self._tasks = TaskSet()

    # the harness's h.colleagues ----------------------------------------------------------
    def names(self) -> list[str]:
        return [c.name for c in COLLEAGUES]

    def decline_next(self, name: str) -> None:
        """``name`` declines the next request made to them."""
        self._answers[self._named(name).name] = "decline"

    def ignore_next(self, name: str) -> None:
        """``name`` does not answer the next request: it times out."""
        self._answers[self._named(name).name] = "ignore"

    def in_interaction(self, interaction_id: str) -> list[str]:
        """Colleagues now in that customer interaction (conference or after a transfer)."""
        live = self._center.live(interaction_id)
        if live is None or live.stage not in (Stage.ACTIVE, Stage.TRANSFERRED):
            return []
        return [c.name for c in self._conferences.get(interaction_id, [])]

    def say(self, name: str, text: str) -> None:
        """``name`` writes in their open consultation, else in the conference they are in."""
        colleague = self._named(name)
        if not text:
            raise ValueError("a colleague message needs text")
        consultation = self._open_consultation_of(colleague)
        if consultation is not None:
            message = self._message(consultation.id, colleague, text)
            consultation.messages.append(message)
            self._center.publish(MessageReceived(message=message))
            return
        for interaction_id, members in self._conferences.items():
            live = self._center.live(interaction_id)
            if colleague in members and live is not None and live.stage is Stage.ACTIVE:
                message = self._message(interaction_id, colleague, text)
                # stored like every other message of the chat: the customer reads it too
                self._center.store_message_sync(message, live.contact.id)
                self._center.publish(MessageReceived(message=message))
                return
        raise ValueError(f"{name} is in no consultation or conference")

    def end_consultation_by(self, name: str) -> None:
        """``name`` closes their consultation."""
        consultation = self._open_consultation_of(self._named(name))
        if consultation is None:
            raise ValueError(f"{name} is in no consultation")
        self._close(consultation, "ended")

    def leave(self, name: str) -> None:
        """``name`` leaves every conference they are in."""
        colleague = self._named(name)
        for interaction_id, members in self._conferences.items():
            if colleague in members:
                members.remove(colleague)
                self._center.publish(
                    PartyLeft(interaction_id=interaction_id, party_id=colleague.party_id)
                )

    def in_consultation(self, name: str) -> bool:
        """Whether ``name`` is in an open consultation with the agent."""
        return self._open_consultation_of(self._named(name)) is not None

    def consultation_messages(self, name: str) -> list[str]:
        """What was said in ``name``'s open consultation, in order (agent and colleague)."""
        consultation = self._open_consultation_of(self._named(name))
        return [] if consultation is None else [m.text for m in consultation.messages]

    @property
    def task_count(self) -> int:
        return len(self._tasks)

    # the backend's side ------------------------------------------------------------------
    def owns(self, interaction_id: str) -> bool:
        """Whether ``interaction_id`` is a consultation."""
        return interaction_id in self._consultations

    async def targets(self, query: str) -> list[Target]:
        folded = fold(query.strip())
        every = [c.as_target() for c in COLLEAGUES] + list(QUEUES)
        return [t for t in every if folded in fold(t.name)]

    async def transfer(self, interaction_id: str, target_id: str) -> None:
        self._center.active_interaction(interaction_id, "transfer")
        queue = next((q for q in QUEUES if q.id == target_id), None)
        if queue is not None:
            await self._center.hand_off(interaction_id, queue.name)
            return
        colleague = self._available(target_id)
        await self._answer(colleague, "transfer")
        self._center.active_interaction(interaction_id, "transfer")  # the customer may have gone
        self._conferences.setdefault(interaction_id, []).append(colleague)
        await self._center.hand_off(interaction_id, colleague.name)

    async def conference(self, interaction_id: str, target_id: str) -> None:
        self._center.active_interaction(interaction_id, "start a conference in")
        colleague = self._available(target_id, internal_only="a conference")
        if colleague in self._conferences.get(interaction_id, []):
            raise BackendError(f"{colleague.name} is already in this chat")
        await self._answer(colleague, "conference")
        live = self._center.active_interaction(interaction_id, "start a conference in")
        self._join(live, colleague)

    async def consult(self, interaction_id: str, target_id: str) -> str:
        self._center.active_interaction(interaction_id, "consult about")
        colleague = self._available(target_id, internal_only="a consultation")
        if self._open_consultation_of(colleague) is not None:
            raise BackendError(f"{colleague.name} is already in a consultation with you")
        await self._answer(colleague, "consultation")
        self._center.active_interaction(interaction_id, "consult about")
        consultation = Consultation(
            id=f"consult:{new_id()}", parent_id=interaction_id, colleague=colleague
        )
        self._consultations[consultation.id] = consultation
        self._center.publish(
            PartyJoined(
                interaction_id=consultation.id,
                party=Party(id=colleague.party_id, name=colleague.name, role=PartyRole.COLLEAGUE),
            )
        )
        return consultation.id

    async def send(self, consultation_id: str, text: str, txn_id: str) -> None:
        consultation = self._live_consultation(consultation_id)
        if not text.strip():
            raise BackendError("cannot send an empty message")
        agent = self._center.agent
        existing = next((m for m in consultation.messages if m.txn_id == txn_id), None)
        if existing is None:
            existing = Message(
                id=new_id(),
                interaction_id=consultation.id,
                author_id=f"agent:{agent.id}",
                author_name=agent.display_name,
                author_role=PartyRole.AGENT,
                text=text,
                time=self._clock(),
                txn_id=txn_id,
            )
            consultation.messages.append(existing)
            if self._config.spontaneous:
                self._tasks.spawn(
                    self._reply(consultation), name=f"demo-colleague-{consultation.id}"
                )
        self._center.confirm(consultation.id, txn_id, existing.id)

    async def _reply(self, consultation: Consultation) -> None:
        """A colleague of the self-running demo answers the agent in a consultation."""
        await asyncio.sleep(2 * self._config.colleague_answer_s)
        said = sum(1 for m in consultation.messages if m.author_role is PartyRole.COLLEAGUE)
        if consultation.open and said < len(CONSULT_REPLIES):
            self.say(consultation.colleague.name, CONSULT_REPLIES[said])

    async def end_consultation(self, consultation_id: str) -> None:
        self._close(self._live_consultation(consultation_id), "ended")

    async def complete_transfer(self, consultation_id: str) -> None:
        consultation = self._live_consultation(consultation_id)
        self._center.active_interaction(consultation.parent_id, "transfer")
        self._conferences.setdefault(consultation.parent_id, []).append(consultation.colleague)
        self._close(consultation, "transferred")
        await self._center.hand_off(consultation.parent_id, consultation.colleague.name)

    async def consultation_to_conference(self, consultation_id: str) -> None:
        consultation = self._live_consultation(consultation_id)
        live = self._center.active_interaction(consultation.parent_id, "start a conference in")
        self._close(consultation, "conference")
        if consultation.colleague not in self._conferences.get(live.id, []):
            self._join(live, consultation.colleague)

    async def leave_conference(self, interaction_id: str) -> None:
        self._center.active_interaction(interaction_id, "leave")
        members = self._conferences.get(interaction_id, [])
        if not members:
            raise BackendError("there is no colleague in this chat to leave it to")
        await self._center.hand_off(interaction_id, members[0].name)

    async def remove_party(self, interaction_id: str, party_id: str) -> None:
        self._center.active_interaction(interaction_id, "remove a participant from")
        colleague = self._by_party.get(party_id)
        members = self._conferences.get(interaction_id, [])
        if colleague is None or colleague not in members:
            raise BackendError("only a colleague in the conference can be removed")
        members.remove(colleague)
        self._center.publish(PartyLeft(interaction_id=interaction_id, party_id=party_id))

    async def start_call(self, interaction_id: str | None, number: str) -> None:
        if not number.strip():
            raise BackendError("there is no phone number to call")
        self.outbound.append(OutboundRequest("call", interaction_id, number.strip()))

    async def start_email(self, interaction_id: str | None, address: str) -> None:
        if "@" not in address:
            raise BackendError(f"{address!r} is not an e-mail address")
        self.outbound.append(OutboundRequest("email", interaction_id, address.strip()))

    def start(self) -> None:
        self._tasks.reopen()

    async def stop(self) -> None:
        """Cancel the colleagues' replies and forget consultations and conferences."""
        await self._tasks.cancel_all()
        self._consultations.clear()
        self._conferences.clear()
        self._answers.clear()

    # helpers ------------------------------------------------------------------------------
    def _named(self, name: str) -> Colleague:
        colleague = self._by_name.get(name)
        if colleague is None:
            raise KeyError(f"no colleague called {name!r} (see names())")
        return colleague

    def _available(self, target_id: str, internal_only: str | None = None) -> Colleague:
        if internal_only is not None and any(q.id == target_id for q in QUEUES):
            raise BackendError(f"a queue cannot take part in {internal_only}; choose a colleague")
        colleague = self._by_party.get(target_id)
        if colleague is None:
            raise BackendError(f"there is no colleague or queue {target_id!r}")
        if colleague.presence != "ready":
            raise BackendError(f"{colleague.name} is {colleague.presence} and cannot take it")
        return colleague

    async def _answer(self, colleague: Colleague, what: str) -> None:
        answer = self._answers.pop(colleague.name, "accept")
        delay = self._config.colleague_answer_s
        timeout = self._config.colleague_timeout_s
        if answer == "ignore" or delay > timeout:
            await asyncio.sleep(timeout)
            raise BackendError(
                f"{colleague.name} did not answer the {what} request within {timeout:g} s"
            )
        await asyncio.sleep(delay)
        if answer == "decline":
            raise BackendError(f"{colleague.name} declined the {what} request")

    def _join(self, live: LiveInteraction, colleague: Colleague) -> None:
        self._conferences.setdefault(live.id, []).append(colleague)
        self._center.publish(
            PartyJoined(
                interaction_id=live.id,
                party=Party(id=colleague.party_id, name=colleague.name, role=PartyRole.COLLEAGUE),
            )
        )

    def _open_consultation_of(self, colleague: Colleague) -> Consultation | None:
        return next(
            (c for c in self._consultations.values() if c.open and c.colleague == colleague), None
        )

    def _live_consultation(self, consultation_id: str) -> Consultation:
        self._center.agent  # noqa: B018 -- raises when not connected
        consultation = self._consultations.get(consultation_id)
        if consultation is None:
            raise BackendError(f"there is no consultation {consultation_id!r}")
        if not consultation.open:
            raise BackendError("this consultation is over")
        return consultation

    def _close(
        self, consultation: Consultation, outcome: Literal["ended", "transferred", "conference"]
    ) -> None:
        consultation.open = False
        self._center.publish(ConsultationEnded(consultation_id=consultation.id, outcome=outcome))

    def _message(self, interaction_id: str, colleague: Colleague, text: str) -> Message:
        return Message(
            id=new_id(),
            interaction_id=interaction_id,
            author_id=colleague.party_id,
            author_name=colleague.name,
            author_role=PartyRole.COLLEAGUE,
            text=text,
            time=self._clock(),
        )
