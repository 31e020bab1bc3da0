"""CSV export of the agent's own interaction log for a chosen period (local dates).

Two shapes: every recorded event (the log itself), or one summary line per interaction
(what the statistics are made of). Cells that a spreadsheet would run as a formula
(``=``, ``+``, ``-``, ``@`` first) are quoted with a leading apostrophe: a contact's name
comes from the outside world.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from datetime import date, datetime, tzinfo
from enum import StrEnum
from typing import TextIO

from agent_desktop.core.interaction_log import InteractionFacts, LogEvent, fold_all
from agent_desktop.core.stats import local_date, reference_time

EVENT_COLUMNS = (
    "local_time",
    "interaction_id",
    "channel",
    "contact",
    "event",
    "detail",
    "reply_delay_s",
)
INTERACTION_COLUMNS = (
    "interaction_id",
    "channel",
    "contact",
    "outcome",
    "offered",
    "accepted",
    "first_reply_s",
    "ended",
    "ended_by",
    "done",
    "handle_s",
    "talk_s",
    "wrap_up_s",
    "messages_in",
    "messages_out",
    "replies",
    "transferred_to",
    "consultations",
    "disposition",
)
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


class ExportShape(StrEnum):
    EVENTS = "events"
    INTERACTIONS = "interactions"


def safe_cell(text: str) -> str:
    """``text``, made inert for spreadsheets that evaluate formulas."""
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def _time(value: float | None, tz: tzinfo) -> str:
    if value is None:
        return ""
    return datetime.fromtimestamp(value, tz).isoformat(timespec="seconds")


def _seconds(value: float | None) -> str:
    return "" if value is None else f"{value:.1f}"


def _in_range(value: float, start: date, end: date, tz: tzinfo) -> bool:
    return start <= local_date(value, tz) <= end


def write_events_csv(
    events: Iterable[LogEvent], stream: TextIO, *, start: date, end: date, tz: tzinfo
) -> int:
    """Every event whose local date is within ``start``..``end`` (inclusive); row count."""
    writer = csv.writer(stream)
    writer.writerow(EVENT_COLUMNS)
    rows = 0
    for event in events:
        if not _in_range(event.time, start, end, tz):
            continue
        writer.writerow(
            (
                _time(event.time, tz),
                safe_cell(event.interaction_id),
                event.channel.value,
                safe_cell(event.contact_name),
                event.kind.value,
                safe_cell(event.detail),
                _seconds(event.reply_delay_s),
            )
        )
        rows += 1
    return rows


def interaction_row(facts: InteractionFacts, *, now: float, tz: tzinfo) -> tuple[str, ...]:
    return (
        safe_cell(facts.interaction_id),
        facts.channel.value,
        safe_cell(facts.contact_name),
        facts.outcome,
        _time(facts.offered_at, tz),
        _time(facts.accepted_at, tz),
        _seconds(facts.first_reply_s),
        _time(facts.ended_at, tz),
        facts.ended_by,
        _time(facts.done_at, tz),
        _seconds(facts.handle_s),
        _seconds(facts.talk_s(now) if facts.accepted_at is not None else None),
        _seconds(facts.wrap_up_s),
        str(facts.contact_messages),
        str(facts.agent_messages),
        str(len(facts.replies)),
        safe_cell(facts.transfer_target),
        str(facts.consultations),
        safe_cell(facts.disposition),
    )


def write_interactions_csv(
    events: Iterable[LogEvent],
    stream: TextIO,
    *,
    start: date,
    end: date,
    tz: tzinfo,
    now: float,
) -> int:
    """One line per interaction accepted (or offered) within ``start``..``end``; row count."""
    writer = csv.writer(stream)
    writer.writerow(INTERACTION_COLUMNS)
    rows = 0
    for facts in fold_all(events):
        at = reference_time(facts)
        if at is None or not _in_range(at, start, end, tz):
            continue
        writer.writerow(interaction_row(facts, now=now, tz=tz))
        rows += 1
    return rows


def write_csv(
    shape: ExportShape,
    events: Iterable[LogEvent],
    stream: TextIO,
    *,
    start: date,
    end: date,
    tz: tzinfo,
    now: float,
) -> int:
    if shape is ExportShape.EVENTS:
        return write_events_csv(events, stream, start=start, end=end, tz=tz)
    return write_interactions_csv(events, stream, start=start, end=end, tz=tz, now=now)
