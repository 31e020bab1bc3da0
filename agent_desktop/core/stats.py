"""The agent's own statistics, computed from the interaction log with an explicit "now".

Where a chat belongs in time (decided here, documented in the README):

- A chat counts in the day and the week (local time, in the time zone passed in) in which
  it was **accepted**, as one piece: a chat accepted at 23:50 and marked Done at 00:10
  counts whole in the day it was accepted (handled chats, handle time, first reply, reply
  delays, talk and wrap-up time). Splitting a chat across days would make "handled chats"
  and "average handle time" disagree; contact-center reports attribute an interaction to
  the interval it started in for the same reason.
- Offers that were rejected or timed out count in the day they were offered.
- The "replies per hour" chart places each reply at its own local hour, within the
  replies of the period's chats.
- A chat transferred away is handled by this agent up to the transfer: its handle time and
  talk time stop there, it has no wrap-up, and it counts as ``transferred`` too.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo
from enum import StrEnum

from agent_desktop.core.interaction_log import InteractionFacts, LogEvent, fold_all
from agent_desktop.core.types import Channel

#: upper edges (seconds) of the response-time distribution's bins; the last bin is open
RESPONSE_TIME_EDGES: tuple[float, ...] = (10, 20, 30, 45, 60, 90, 120, 180)


class Period(StrEnum):
    TODAY = "today"
    WEEK = "week"


def local_date(time: float, tz: tzinfo) -> date:
    return datetime.fromtimestamp(time, tz).date()


def week_start(day: date, first_weekday: int = 0) -> date:
    """The first day of ``day``'s week; ``first_weekday`` 0 is Monday, 6 is Sunday."""
    return day - timedelta(days=(day.weekday() - first_weekday) % 7)


def start_of_day(day: date, tz: tzinfo) -> float:
    """POSIX time of local midnight starting ``day`` (the earliest instant of that date)."""
    return datetime(day.year, day.month, day.day, tzinfo=tz).timestamp()


def in_period(time: float, period: Period, now: float, tz: tzinfo, first_weekday: int) -> bool:
    day, today = local_date(time, tz), local_date(now, tz)
    if period is Period.TODAY:
        return day == today
    return week_start(day, first_weekday) == week_start(today, first_weekday)


@dataclass(frozen=True)
class Figures:
    """The figures of a set of chats (one channel, or all of them)."""

    handled: int = 0
    transferred: int = 0
    rejected: int = 0
    timed_out: int = 0
    consultations: int = 0
    messages_in: int = 0
    messages_out: int = 0
    total_handle_s: float = 0.0
    first_replies: int = 0
    total_first_reply_s: float = 0.0
    worst_first_reply_s: float | None = None
    replies: int = 0
    replies_within_threshold: int = 0
    total_talk_s: float = 0.0
    wrap_ups: int = 0
    total_wrap_up_s: float = 0.0

    @property
    def average_handle_s(self) -> float | None:
        return self.total_handle_s / self.handled if self.handled else None

    @property
    def average_first_reply_s(self) -> float | None:
        return self.total_first_reply_s / self.first_replies if self.first_replies else None

    @property
    def share_within_threshold(self) -> float | None:
        """Share (0..1) of replies sent within the pending-response warning threshold."""
        return self.replies_within_threshold / self.replies if self.replies else None

    @property
    def average_talk_s(self) -> float | None:
        return self.total_talk_s / self.handled if self.handled else None

    @property
    def average_wrap_up_s(self) -> float | None:
        return self.total_wrap_up_s / self.wrap_ups if self.wrap_ups else None

    def __add__(self, other: Figures) -> Figures:
        worst = [w for w in (self.worst_first_reply_s, other.worst_first_reply_s) if w is not None]
        return Figures(
            handled=self.handled + other.handled,
            transferred=self.transferred + other.transferred,
            rejected=self.rejected + other.rejected,
            timed_out=self.timed_out + other.timed_out,
            consultations=self.consultations + other.consultations,
            messages_in=self.messages_in + other.messages_in,
            messages_out=self.messages_out + other.messages_out,
            total_handle_s=self.total_handle_s + other.total_handle_s,
            first_replies=self.first_replies + other.first_replies,
            total_first_reply_s=self.total_first_reply_s + other.total_first_reply_s,
            worst_first_reply_s=max(worst) if worst else None,
            replies=self.replies + other.replies,
            replies_within_threshold=self.replies_within_threshold + other.replies_within_threshold,
            total_talk_s=self.total_talk_s + other.total_talk_s,
            wrap_ups=self.wrap_ups + other.wrap_ups,
            total_wrap_up_s=self.total_wrap_up_s + other.total_wrap_up_s,
        )


def chat_figures(facts: InteractionFacts, *, now: float, warning_s: float) -> Figures:
    """One chat's contribution to the figures of its period."""
    if facts.accepted_at is None:
        return Figures(
            rejected=int(facts.rejected_at is not None),
            timed_out=int(facts.timed_out_at is not None),
        )
    first = facts.first_reply_s
    handle = facts.handle_s
    wrap = facts.wrap_up_s
    return Figures(
        handled=int(facts.handled),
        transferred=int(facts.transferred_at is not None),
        consultations=facts.consultations,
        messages_in=facts.contact_messages,
        messages_out=facts.agent_messages,
        total_handle_s=handle or 0.0,
        first_replies=int(first is not None),
        total_first_reply_s=first or 0.0,
        worst_first_reply_s=first,
        replies=len(facts.replies),
        replies_within_threshold=sum(1 for _, delay in facts.replies if delay <= warning_s),
        # talk time of chats still on the desk is left out until they close, like handle time
        total_talk_s=facts.talk_s(now) if facts.handled else 0.0,
        wrap_ups=int(wrap is not None),
        total_wrap_up_s=wrap or 0.0,
    )


@dataclass(frozen=True)
class PeriodStats:
    """Figures of one period: in total and per channel (only channels with activity)."""

    period: Period
    total: Figures
    by_channel: dict[Channel, Figures]
    #: replies per local hour of the day (24 counts)
    replies_per_hour: tuple[int, ...]
    #: reply delays per bin of :data:`RESPONSE_TIME_EDGES` (one more count: the open bin)
    response_times: tuple[int, ...]


@dataclass(frozen=True)
class StatsReport:
    today: PeriodStats
    week: PeriodStats
    computed_at: float
    warning_s: float
    facts: list[InteractionFacts] = field(default_factory=list)

    def period(self, period: Period) -> PeriodStats:
        return self.today if period is Period.TODAY else self.week


def reference_time(facts: InteractionFacts) -> float | None:
    """The instant that places a chat in a day: accepted, else offered."""
    return facts.accepted_at if facts.accepted_at is not None else facts.offered_at


def response_bin(delay: float) -> int:
    for index, edge in enumerate(RESPONSE_TIME_EDGES):
        if delay < edge:
            return index
    return len(RESPONSE_TIME_EDGES)


def period_stats(
    facts: Iterable[InteractionFacts],
    period: Period,
    *,
    now: float,
    tz: tzinfo,
    warning_s: float,
    first_weekday: int = 0,
) -> PeriodStats:
    by_channel: dict[Channel, Figures] = {}
    per_hour = [0] * 24
    bins = [0] * (len(RESPONSE_TIME_EDGES) + 1)
    for chat in facts:
        at = reference_time(chat)
        if at is None or not in_period(at, period, now, tz, first_weekday):
            continue
        figures = chat_figures(chat, now=now, warning_s=warning_s)
        by_channel[chat.channel] = by_channel.get(chat.channel, Figures()) + figures
        for reply_time, delay in chat.replies:
            per_hour[datetime.fromtimestamp(reply_time, tz).hour] += 1
            bins[response_bin(delay)] += 1
    total = sum(by_channel.values(), Figures())
    ordered = {channel: by_channel[channel] for channel in Channel if channel in by_channel}
    return PeriodStats(period, total, ordered, tuple(per_hour), tuple(bins))


def compute_stats(
    events: Iterable[LogEvent],
    *,
    now: float,
    tz: tzinfo,
    warning_s: float,
    first_weekday: int = 0,
) -> StatsReport:
    """Today's and this week's figures from the recorded ``events`` (in recorded order).

    Events stamped after ``now`` are left out: the figures are those known at ``now``.
    """
    facts = fold_all(event for event in events if event.time <= now)
    return stats_report(facts, now=now, tz=tz, warning_s=warning_s, first_weekday=first_weekday)


def stats_report(
    facts: list[InteractionFacts],
    *,
    now: float,
    tz: tzinfo,
    warning_s: float,
    first_weekday: int = 0,
) -> StatsReport:
    """Today's and this week's figures from each interaction's facts (in order of first
    appearance), as :func:`compute_stats` gives them from the events."""

    def stats(period: Period) -> PeriodStats:
        return period_stats(
            facts, period, now=now, tz=tz, warning_s=warning_s, first_weekday=first_weekday
        )

    return StatsReport(
        today=stats(Period.TODAY),
        week=stats(Period.WEEK),
        computed_at=now,
        warning_s=warning_s,
        facts=facts,
    )
