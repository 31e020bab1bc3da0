"""The recorded events of an interaction, and what one interaction's events add up to.

Every figure of the agent's statistics is computed from these events (see
:mod:`agent_desktop.core.stats`); nothing else is kept. The log holds no message text:
only when something happened, on which channel, with whom, and the reply delays.

:class:`StatsLedger` is the statistics' working copy in memory: each interaction's events
while it is on the desk, only what they add up to once it has left.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import overload

from agent_desktop.core.pending import PendingResponsePolicy
from agent_desktop.core.types import Channel


class LogEventKind(StrEnum):
    """What happened to an interaction."""

    OFFERED = "offered"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    #: the offer was withdrawn before the agent answered (contact left, routing timeout)
    TIMED_OUT = "timed_out"
    CONTACT_MESSAGE = "contact_message"
    AGENT_MESSAGE = "agent_message"
    #: the chat's view became the one the agent looks at (shown, in the active window)
    VIEW_ACTIVE = "view_active"
    VIEW_INACTIVE = "view_inactive"
    CONSULTATION = "consultation"
    #: transferred away: the interaction left this agent's desk while still live
    TRANSFERRED = "transferred"
    ENDED = "ended"
    DONE = "done"


@dataclass(frozen=True, slots=True)
class LogEvent:
    """One recorded event. ``time`` is a POSIX timestamp in seconds.

    ``detail`` holds the transfer or consultation target, the disposition code of
    ``done``, the reason of ``timed_out`` and who ended the chat (``contact`` / ``agent``).
    ``reply_delay_s`` is set on an ``agent_message`` that answered a waiting contact.

    A slotted dataclass, not a pydantic model: the statistics keep one per message for a
    week (~100 bytes each instead of ~600). Kind and channel are checked on creation.
    """

    interaction_id: str
    kind: LogEventKind
    time: float
    channel: Channel
    contact_name: str = ""
    detail: str = ""
    reply_delay_s: float | None = None

    def __post_init__(self) -> None:
        # ValueError for an unknown kind or channel, as the enums say
        object.__setattr__(self, "kind", LogEventKind(self.kind))
        object.__setattr__(self, "channel", Channel(self.channel))
        object.__setattr__(self, "time", float(self.time))
        if self.reply_delay_s is not None and not self.reply_delay_s >= 0:
            raise ValueError(f"reply_delay_s must be 0 or more, not {self.reply_delay_s}")


class _EventClock:
    """A clock that reads the time of the event being replayed."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


class ReplyTimer:
    """How long the contact waited for each agent reply in one interaction.

    Replays events through the same :class:`PendingResponsePolicy` as the live indicator,
    so a "reply delay" here is exactly the time the indicator was lit: from the accept (if
    the contact had written first) or the first contact message after the agent's last one,
    to the agent's message. An agent message when nobody waits is not a reply.
    """

    def __init__(self) -> None:
        self._clock = _EventClock()
        self._policy = PendingResponsePolicy(self._clock, warning_s=0.0, max_s=0.0)
        self._accepted = False
        self._contact_wrote = False

    def contact_message(self, time: float) -> None:
        self._clock.now = time
        if self._accepted:
            self._policy.contact_message()
        else:
            self._contact_wrote = True

    def accepted(self, time: float) -> None:
        self._clock.now = time
        self._accepted = True
        self._policy.accepted(contact_waiting=self._contact_wrote)

    def agent_message(self, time: float) -> float | None:
        """The agent wrote; returns the reply delay, or ``None`` if nobody was waiting."""
        self._clock.now = time
        since = self._policy.status().waiting_since
        self._policy.agent_message()
        return None if since is None else max(0.0, time - since)

    def ended(self) -> None:
        self._policy.ended()


class Replies(Sequence[tuple[float, float]]):
    """(time of the reply, delay) of each agent reply: a sequence of pairs, kept as an array
    of doubles (16 bytes a reply instead of ~110 for a tuple of two floats)."""

    __slots__ = ("_values",)

    def __init__(self, pairs: Iterable[tuple[float, float]] = ()) -> None:
        self._values = array("d")
        for reply in pairs:
            self.append(reply)

    def append(self, reply: tuple[float, float]) -> None:
        time, delay = reply
        self._values.append(time)
        self._values.append(delay)

    def __len__(self) -> int:
        return len(self._values) // 2

    @overload
    def __getitem__(self, index: int) -> tuple[float, float]: ...

    @overload
    def __getitem__(self, index: slice) -> list[tuple[float, float]]: ...

    def __getitem__(self, index: int | slice) -> tuple[float, float] | list[tuple[float, float]]:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        count = len(self)
        if index < 0:
            index += count
        if not 0 <= index < count:
            raise IndexError("reply index out of range")
        return self._values[2 * index], self._values[2 * index + 1]

    def __iter__(self) -> Iterator[tuple[float, float]]:
        values = self._values
        return zip(values[0::2], values[1::2], strict=True)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Replies):
            return self._values == other._values
        if isinstance(other, Sequence):
            return list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # mutable, like a list

    def __repr__(self) -> str:
        return f"Replies({list(self)!r})"


@dataclass(slots=True)
class InteractionFacts:
    """What one interaction's events add up to.

    Events after the interaction left the desk (done, rejected, timed out, transferred
    away) are ignored: they are no longer the agent's work.
    """

    interaction_id: str
    channel: Channel
    contact_name: str = ""
    offered_at: float | None = None
    accepted_at: float | None = None
    rejected_at: float | None = None
    timed_out_at: float | None = None
    ended_at: float | None = None
    done_at: float | None = None
    transferred_at: float | None = None
    transfer_target: str = ""
    disposition: str = ""
    ended_by: str = ""
    contact_messages: int = 0
    agent_messages: int = 0
    #: (time of the reply, delay) for each agent message that answered a waiting contact
    replies: Replies = field(default_factory=Replies)
    consultations: int = 0
    #: closed spans of time the chat's view was the active one
    view_spans: list[tuple[float, float]] = field(default_factory=list)
    view_open_since: float | None = None

    # derived --------------------------------------------------------------------------
    @property
    def closed_at(self) -> float | None:
        """When the interaction left the desk (Done, or transferred away)."""
        return self.done_at if self.done_at is not None else self.transferred_at

    @property
    def handled(self) -> bool:
        """Accepted, then marked Done or transferred away."""
        return self.accepted_at is not None and self.closed_at is not None

    @property
    def live_until(self) -> float | None:
        """End of the conversation on this desk (ended or transferred away)."""
        ends = [t for t in (self.ended_at, self.transferred_at) if t is not None]
        return min(ends) if ends else None

    @property
    def handle_s(self) -> float | None:
        """Accept to Done (or to the transfer), never negative."""
        closed = self.closed_at
        if self.accepted_at is None or closed is None:
            return None
        return max(0.0, closed - self.accepted_at)

    @property
    def wrap_up_s(self) -> float | None:
        """Ended to Done; ``None`` for a chat not (yet) marked Done."""
        if self.ended_at is None or self.done_at is None:
            return None
        return max(0.0, self.done_at - self.ended_at)

    @property
    def first_reply_s(self) -> float | None:
        return self.replies[0][1] if self.replies else None

    def talk_s(self, now: float) -> float:
        """Seconds the chat's view was active while the chat was live (up to ``now``)."""
        if self.accepted_at is None:
            return 0.0
        start = self.accepted_at
        end = self.live_until
        end = now if end is None else min(end, now)
        spans = list(self.view_spans)
        if self.view_open_since is not None:
            spans.append((self.view_open_since, now))
        total = 0.0
        for span_start, span_end in _merged(spans):
            total += max(0.0, min(span_end, end) - max(span_start, start))
        return total

    @property
    def outcome(self) -> str:
        """``done``, ``transferred``, ``rejected``, ``timed_out``, ``ended``, ``active`` or
        ``offered``."""
        if self.done_at is not None:
            return "done"
        if self.transferred_at is not None:
            return "transferred"
        if self.rejected_at is not None:
            return "rejected"
        if self.timed_out_at is not None:
            return "timed_out"
        if self.ended_at is not None:
            return "ended"
        return "active" if self.accepted_at is not None else "offered"

    @property
    def off_desk(self) -> bool:
        return self.outcome in ("done", "transferred", "rejected", "timed_out")


def _merged(spans: list[tuple[float, float]]) -> list[tuple[float, float]]:
    """Overlapping spans joined, so that time is never counted twice."""
    result: list[tuple[float, float]] = []
    for start, end in sorted((s, e) for s, e in spans if e > s):
        if result and start <= result[-1][1]:
            result[-1] = (result[-1][0], max(result[-1][1], end))
        else:
            result.append((start, end))
    return result


def fold_interaction(events: Iterable[LogEvent]) -> InteractionFacts | None:
    """The facts of one interaction from its events (in recorded order); ``None`` if none."""
    facts: InteractionFacts | None = None
    timer = ReplyTimer()
    for event in events:
        if facts is None:
            facts = InteractionFacts(event.interaction_id, event.channel, event.contact_name)
        if facts.off_desk:
            break
        _apply(facts, timer, event)
    return facts


def _apply(facts: InteractionFacts, timer: ReplyTimer, event: LogEvent) -> None:
    t = event.time
    match event.kind:
        case LogEventKind.OFFERED:
            facts.offered_at = t
            facts.contact_name = event.contact_name or facts.contact_name
        case LogEventKind.ACCEPTED:
            if facts.accepted_at is None:
                facts.accepted_at = t
                timer.accepted(t)
        case LogEventKind.REJECTED:
            facts.rejected_at = t
        case LogEventKind.TIMED_OUT:
            facts.timed_out_at = t
        case LogEventKind.CONTACT_MESSAGE:
            facts.contact_messages += 1
            timer.contact_message(t)
        case LogEventKind.AGENT_MESSAGE:
            facts.agent_messages += 1
            delay = timer.agent_message(t)
            if delay is not None:
                facts.replies.append((t, delay))
        case LogEventKind.VIEW_ACTIVE:
            if facts.view_open_since is None:
                facts.view_open_since = t
        case LogEventKind.VIEW_INACTIVE:
            if facts.view_open_since is not None:
                facts.view_spans.append((facts.view_open_since, t))
                facts.view_open_since = None
        case LogEventKind.CONSULTATION:
            facts.consultations += 1
        case LogEventKind.TRANSFERRED:
            facts.transferred_at = t
            facts.transfer_target = event.detail
            timer.ended()
        case LogEventKind.ENDED:
            if facts.ended_at is None:
                facts.ended_at = t
                facts.ended_by = event.detail
                timer.ended()
        case LogEventKind.DONE:
            facts.done_at = t
            facts.disposition = event.detail
    if facts.off_desk and facts.view_open_since is not None:
        facts.view_spans.append((facts.view_open_since, t))
        facts.view_open_since = None


def group_by_interaction(events: Iterable[LogEvent]) -> dict[str, list[LogEvent]]:
    """Events per interaction id, each list in recorded order."""
    grouped: dict[str, list[LogEvent]] = {}
    for event in events:
        grouped.setdefault(event.interaction_id, []).append(event)
    return grouped


def fold_all(events: Iterable[LogEvent]) -> list[InteractionFacts]:
    """The facts of every interaction in ``events``, in order of first appearance."""
    result = []
    for group in group_by_interaction(events).values():
        facts = fold_interaction(group)
        if facts is not None:
            result.append(facts)
    return result


class StatsLedger:
    """The statistics' copy of the log in memory, folded as interactions leave the desk.

    An interaction's events are kept while it is on the desk. Once it has left (Done,
    transferred away, rejected, timed out: :attr:`InteractionFacts.off_desk`), what they
    add up to can no longer change (:func:`fold_interaction` ignores every later event), so
    :meth:`fold` keeps only its :class:`InteractionFacts`, and memory no longer grows with
    each message of a finished chat.

    :meth:`facts` equals ``fold_all(e for e in events if e.time <= now)`` over every event
    added (tests/unit/test_interaction_stats.py), for any ``now`` at or after the events of
    the folded interactions, which is always so unless the clock was set back; a finished
    interaction then counts as it finished.
    """

    def __init__(self) -> None:
        #: events of the interactions not folded, in recorded order
        self._events: list[LogEvent] = []
        #: every interaction, in order of first appearance; its facts once folded, else None
        self._interactions: dict[str, InteractionFacts | None] = {}

    def add(self, event: LogEvent) -> None:
        """Record ``event`` (one of a folded interaction counts for nothing: dropped)."""
        iid = event.interaction_id
        if self._interactions.setdefault(iid, None) is None:
            self._events.append(event)

    def add_earlier(self, earlier: Iterable[LogEvent]) -> None:
        """Events read back from the log, recorded before every event added so far (call
        before folding anything: a folded interaction cannot take earlier events in)."""
        earlier = list(earlier)
        order: dict[str, InteractionFacts | None] = {}
        for event in earlier:
            order.setdefault(event.interaction_id, None)
        for iid, folded in self._interactions.items():
            if folded is not None and iid in order:
                raise ValueError(f"interaction {iid!r} was folded before its earlier events")
            order.setdefault(iid, folded)
        self._interactions = order
        self._events = earlier + self._events

    def fold(self, iid: str) -> bool:
        """Keep only the facts of ``iid`` if it has left the desk; True if it was folded."""
        if self._interactions.get(iid, False) is not None:
            return False  # unknown, or folded already
        return self._fold({iid: [e for e in self._events if e.interaction_id == iid]}) == 1

    def fold_finished(self) -> int:
        """Fold every interaction that has left the desk; returns how many were folded."""
        return self._fold(group_by_interaction(self._events))

    def _fold(self, groups: dict[str, list[LogEvent]]) -> int:
        folded = set()
        for iid, events in groups.items():
            facts = fold_interaction(events)
            if facts is not None and facts.off_desk:
                self._interactions[iid] = facts
                folded.add(iid)
        if folded:
            self._events = [e for e in self._events if e.interaction_id not in folded]
        return len(folded)

    def events(self) -> list[LogEvent]:
        """The events still kept (of interactions not folded), in recorded order."""
        return list(self._events)

    def facts(self, now: float) -> list[InteractionFacts]:
        """The facts of every interaction, in order of first appearance; events stamped
        after ``now`` are left out of the interactions not folded."""
        groups = group_by_interaction(e for e in self._events if e.time <= now)
        result = []
        for iid, folded in self._interactions.items():
            if folded is not None:
                result.append(folded)
            elif iid in groups:
                facts = fold_interaction(groups[iid])
                if facts is not None:
                    result.append(facts)
        return result
