"""The recorded events of an interaction, and what one interaction's events add up to.

Every figure of the agent's statistics is computed from these events (see
:mod:`agent_desktop.core.stats`); nothing else is kept. The log holds no message text:
only when something happened, on which channel, with whom, and the reply delays.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum

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


@dataclass
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
    replies: list[tuple[float, float]] = field(default_factory=list)
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
