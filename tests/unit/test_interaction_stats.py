"""The agent's statistics, computed from recorded events with explicit times and time zone."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from agent_desktop.core.interaction_log import (
    LogEvent,
    LogEventKind,
    Replies,
    ReplyTimer,
    StatsLedger,
    fold_all,
    fold_interaction,
)
from agent_desktop.core.log_export import (
    EVENT_COLUMNS,
    INTERACTION_COLUMNS,
    ExportShape,
    safe_cell,
    write_csv,
)
from agent_desktop.core.stats import (
    RESPONSE_TIME_EDGES,
    Figures,
    Period,
    compute_stats,
    response_bin,
    stats_report,
    week_start,
)
from agent_desktop.core.types import Channel

PARIS = ZoneInfo("Europe/Paris")
K = LogEventKind


def at(day: int, hour: int, minute: int = 0, second: float = 0, month: int = 6) -> float:
    """POSIX time of a local Paris time in 2025 (June 2025: Monday the 2nd ... Sunday 8th)."""
    whole = int(second)
    micro = int((second - whole) * 1_000_000)
    return datetime(2025, month, day, hour, minute, whole, micro, tzinfo=PARIS).timestamp()


class Chat:
    """Builds the events of one interaction, in order."""

    def __init__(self, iid: str, channel: Channel = Channel.WEBCHAT, name: str = "Marie") -> None:
        self.iid, self.channel, self.name = iid, channel, name
        self.events: list[LogEvent] = []

    def add(self, kind: LogEventKind, time: float, detail: str = "") -> Chat:
        self.events.append(
            LogEvent(
                interaction_id=self.iid,
                kind=kind,
                time=time,
                channel=self.channel,
                contact_name=self.name if kind is K.OFFERED else "",
                detail=detail,
            )
        )
        return self


def simple_chat(iid: str, start: float, channel: Channel = Channel.WEBCHAT) -> Chat:
    """Offered with an opening message, replies after 15 s and 40 s, ended, Done."""
    return (
        Chat(iid, channel)
        .add(K.OFFERED, start)
        .add(K.CONTACT_MESSAGE, start)
        .add(K.ACCEPTED, start + 5)
        .add(K.VIEW_ACTIVE, start + 5)
        .add(K.AGENT_MESSAGE, start + 20)
        .add(K.CONTACT_MESSAGE, start + 60)
        .add(K.AGENT_MESSAGE, start + 100)
        .add(K.ENDED, start + 300, "agent")
        .add(K.DONE, start + 330, "Resolved")
    )


def test_one_chat_gives_every_figure() -> None:
    chat = simple_chat("c1", at(3, 9))
    report = compute_stats(chat.events, now=at(3, 12), tz=PARIS, warning_s=30)
    today = report.today.total
    assert today.handled == 1
    assert today.average_handle_s == pytest.approx(325)
    assert today.average_first_reply_s == pytest.approx(15)
    assert today.worst_first_reply_s == pytest.approx(15)
    assert today.replies == 2
    assert today.share_within_threshold == pytest.approx(0.5)
    assert today.average_talk_s == pytest.approx(295)  # view active from accept to end
    assert today.average_wrap_up_s == pytest.approx(30)
    assert (today.messages_in, today.messages_out) == (2, 2)
    assert report.today.by_channel == {Channel.WEBCHAT: today}
    assert report.week.total == today
    assert report.today.replies_per_hour[9] == 2 and sum(report.today.replies_per_hour) == 2
    assert report.today.response_times[response_bin(15)] == 1
    assert report.today.response_times[response_bin(40)] == 1
    facts = fold_interaction(chat.events)
    assert facts is not None and facts.disposition == "Resolved" and facts.ended_by == "agent"


def test_per_channel_figures_and_totals() -> None:
    events = (
        simple_chat("w", at(3, 9)).events
        + simple_chat("s", at(3, 10), Channel.SMS).events
        + simple_chat("s2", at(3, 11), Channel.SMS).events
    )
    report = compute_stats(events, now=at(3, 18), tz=PARIS, warning_s=30)
    assert list(report.today.by_channel) == [Channel.WEBCHAT, Channel.SMS]
    assert report.today.by_channel[Channel.SMS].handled == 2
    assert report.today.by_channel[Channel.WEBCHAT].handled == 1
    assert report.today.total.handled == 3


def test_a_chat_open_on_the_desk_is_not_handled_yet() -> None:
    chat = Chat("c").add(K.OFFERED, at(3, 9)).add(K.ACCEPTED, at(3, 9, 0, 2))
    chat.add(K.AGENT_MESSAGE, at(3, 9, 1)).add(K.ENDED, at(3, 9, 5))
    report = compute_stats(chat.events, now=at(3, 9, 6), tz=PARIS, warning_s=30)
    assert report.today.total.handled == 0
    assert report.today.total.average_handle_s is None
    assert report.today.total.messages_out == 1
    chat.add(K.DONE, at(3, 9, 7))
    report = compute_stats(chat.events, now=at(3, 9, 8), tz=PARIS, warning_s=30)
    assert report.today.total.handled == 1
    assert report.today.total.average_wrap_up_s == pytest.approx(120)


def test_a_chat_that_spans_midnight_counts_whole_on_the_day_it_was_accepted() -> None:
    # accepted Tuesday 23:50, Done Wednesday 00:10
    chat = simple_chat("late", at(3, 23, 49, 55))
    chat.events[-1] = replace(chat.events[-1], time=at(4, 0, 10))
    on_wednesday = compute_stats(chat.events, now=at(4, 9), tz=PARIS, warning_s=30)
    assert on_wednesday.today.total.handled == 0
    assert on_wednesday.week.total.handled == 1
    assert on_wednesday.week.total.average_handle_s == pytest.approx(20 * 60)
    assert on_wednesday.week.total.average_wrap_up_s == pytest.approx(20 * 60 - 295)
    on_tuesday_evening = compute_stats(chat.events, now=at(3, 23, 59), tz=PARIS, warning_s=30)
    assert on_tuesday_evening.today.total.handled == 0  # still in wrap-up
    assert on_tuesday_evening.today.total.replies == 2


def test_a_chat_across_the_week_boundary_belongs_to_the_week_it_was_accepted() -> None:
    # accepted Sunday 8 June 23:55, Done Monday 9 June 00:20
    chat = simple_chat("sunday", at(8, 23, 54, 55))
    chat.events[-1] = replace(chat.events[-1], time=at(9, 0, 20))
    monday = compute_stats(chat.events, now=at(9, 8), tz=PARIS, warning_s=30)
    assert monday.week.total.handled == 0
    # a week starting on Sunday puts Sunday 8 and Monday 9 together
    sunday_weeks = compute_stats(chat.events, now=at(9, 8), tz=PARIS, warning_s=30, first_weekday=6)
    assert sunday_weeks.week.total.handled == 1
    assert week_start(date(2025, 6, 9), 6) == date(2025, 6, 8)
    assert week_start(date(2025, 6, 9), 0) == date(2025, 6, 9)


def test_days_follow_the_local_time_zone_across_daylight_saving() -> None:
    # 30 March 2025: Paris goes from 02:00 to 03:00; a chat at 01:30 is still that day
    chat = simple_chat("dst", at(30, 1, 30, month=3))
    report = compute_stats(chat.events, now=at(30, 23, 30, month=3), tz=PARIS, warning_s=30)
    assert report.today.total.handled == 1
    assert report.today.replies_per_hour[1] == 2
    tokyo = compute_stats(
        chat.events, now=at(30, 23, 30, month=3), tz=ZoneInfo("Asia/Tokyo"), warning_s=30
    )
    assert tokyo.today.total.handled == 0  # already the 31st in Tokyo


def test_a_chat_transferred_away_mid_way_stops_at_the_transfer() -> None:
    start = at(3, 14)
    chat = (
        Chat("t", Channel.WHATSAPP)
        .add(K.OFFERED, start)
        .add(K.CONTACT_MESSAGE, start)
        .add(K.ACCEPTED, start + 10)
        .add(K.VIEW_ACTIVE, start + 10)
        .add(K.AGENT_MESSAGE, start + 25)
        .add(K.CONSULTATION, start + 30, "Julie")
        .add(K.CONTACT_MESSAGE, start + 40)
        .add(K.TRANSFERRED, start + 100, "Billing queue")
        # whatever the log holds afterwards is no longer this agent's work
        .add(K.AGENT_MESSAGE, start + 110)
        .add(K.ENDED, start + 200)
        .add(K.DONE, start + 260)
    )
    report = compute_stats(chat.events, now=start + 3600, tz=PARIS, warning_s=30)
    total = report.today.total
    assert (total.handled, total.transferred, total.consultations) == (1, 1, 1)
    assert total.average_handle_s == pytest.approx(90)
    assert total.average_talk_s == pytest.approx(90)
    assert total.average_wrap_up_s is None and total.wrap_ups == 0
    assert total.messages_out == 1 and total.replies == 1
    facts = fold_interaction(chat.events)
    assert facts is not None
    assert (facts.outcome, facts.transfer_target) == ("transferred", "Billing queue")
    assert facts.done_at is None


def test_rejected_and_timed_out_offers_count_on_the_day_offered() -> None:
    rejected = Chat("r").add(K.OFFERED, at(3, 9)).add(K.REJECTED, at(3, 9, 0, 4))
    missed = Chat("m", Channel.SMS).add(K.OFFERED, at(3, 23, 59, 50))
    missed.add(K.TIMED_OUT, at(4, 0, 0, 20), "contact left")
    events = rejected.events + missed.events
    report = compute_stats(events, now=at(4, 8), tz=PARIS, warning_s=30)
    assert (report.today.total.rejected, report.today.total.timed_out) == (0, 0)
    assert (report.week.total.rejected, report.week.total.timed_out) == (1, 1)
    assert report.week.total.handled == 0
    assert report.week.by_channel[Channel.SMS].timed_out == 1
    tuesday = compute_stats(events, now=at(3, 23, 59, 59), tz=PARIS, warning_s=30)
    assert (tuesday.today.total.rejected, tuesday.today.total.timed_out) == (1, 0)


def test_talk_time_is_view_active_and_chat_live() -> None:
    start = at(3, 10)
    chat = (
        Chat("talk")
        .add(K.OFFERED, start)
        .add(K.ACCEPTED, start + 10)
        .add(K.VIEW_ACTIVE, start + 10)
        .add(K.VIEW_INACTIVE, start + 40)  # another chat shown for 60 s
        .add(K.VIEW_ACTIVE, start + 100)
        .add(K.ENDED, start + 130)  # view stays active during wrap-up: not talk time
        .add(K.DONE, start + 200)
    )
    facts = fold_interaction(chat.events)
    assert facts is not None
    assert facts.talk_s(now=start + 1000) == pytest.approx(60)
    assert facts.wrap_up_s == pytest.approx(70)
    assert facts.handle_s == pytest.approx(190)
    assert facts.view_open_since is None  # closed when the chat left the desk


def test_talk_time_of_a_live_chat_runs_up_to_now() -> None:
    chat = Chat("live").add(K.ACCEPTED, 100.0).add(K.VIEW_ACTIVE, 110.0)
    facts = fold_interaction(chat.events)
    assert facts is not None
    assert facts.talk_s(now=150.0) == pytest.approx(40)
    assert facts.outcome == "active"


def test_reply_timer_matches_the_pending_indicator() -> None:
    timer = ReplyTimer()
    timer.contact_message(10.0)  # before accept: waiting counts from the accept
    timer.accepted(25.0)
    assert timer.agent_message(30.0) == pytest.approx(5)
    assert timer.agent_message(31.0) is None  # nobody waiting: not a reply
    timer.contact_message(40.0)
    timer.contact_message(45.0)  # the wait started with the first unanswered message
    assert timer.agent_message(70.0) == pytest.approx(30)
    timer.contact_message(80.0)
    timer.ended()
    assert timer.agent_message(90.0) is None
    greeted = ReplyTimer()
    greeted.accepted(0.0)  # no opening message: the agent greets, nobody waits
    assert greeted.agent_message(3.0) is None


def test_response_time_bins() -> None:
    assert response_bin(0) == 0
    assert response_bin(9.99) == 0
    assert response_bin(10) == 1
    assert response_bin(10_000) == len(RESPONSE_TIME_EDGES)


def test_figures_add_up() -> None:
    a = Figures(handled=1, total_handle_s=10, worst_first_reply_s=3, first_replies=1)
    b = Figures(handled=2, total_handle_s=50, worst_first_reply_s=None)
    assert (a + b).handled == 3
    assert (a + b).average_handle_s == pytest.approx(20)
    assert (a + b).worst_first_reply_s == 3
    assert Figures().share_within_threshold is None


# properties -----------------------------------------------------------------------------
KINDS = list(LogEventKind)


@st.composite
def event_logs(draw: st.DrawFn) -> list[LogEvent]:
    """Interleaved events of a few interactions, times increasing, kinds in any order."""
    count = draw(st.integers(0, 60))
    time = at(4, 22)  # near midnight, so that some chats cross it
    events = []
    for _ in range(count):
        time += draw(st.floats(0, 900, allow_nan=False))
        iid = draw(st.sampled_from(["a", "b", "c", "d"]))
        channel = {"a": Channel.WEBCHAT, "b": Channel.SMS, "c": Channel.SMS, "d": Channel.TWITTER}
        events.append(
            LogEvent(
                interaction_id=iid,
                kind=draw(st.sampled_from(KINDS)),
                time=time,
                channel=channel[iid],
            )
        )
    return events


@settings(max_examples=150, deadline=None)
@given(event_logs(), st.floats(0, 120, allow_nan=False))
def test_figures_are_never_negative_and_channels_add_up(
    events: list[LogEvent], warning_s: float
) -> None:
    now = (events[-1].time if events else at(4, 22)) + 60
    report = compute_stats(events, now=now, tz=PARIS, warning_s=warning_s)
    for chat in fold_all(events):
        assert chat.handle_s is None or chat.handle_s >= 0
        assert chat.wrap_up_s is None or chat.wrap_up_s >= 0
        talk = chat.talk_s(now)
        assert talk >= 0
        if chat.handle_s is not None:
            assert talk <= chat.handle_s + 1e-6
        assert all(delay >= 0 for _, delay in chat.replies)
    for period in (report.today, report.week):
        channels = list(period.by_channel.values())
        total = period.total
        assert total.handled == sum(f.handled for f in channels)
        assert total.replies == sum(f.replies for f in channels)
        assert total.total_handle_s == pytest.approx(sum(f.total_handle_s for f in channels))
        assert total.messages_in + total.messages_out == sum(
            f.messages_in + f.messages_out for f in channels
        )
        assert sum(period.replies_per_hour) == total.replies == sum(period.response_times)
        share = total.share_within_threshold
        assert share is None or 0 <= share <= 1
        assert total.handled >= total.transferred
    assert report.today.total.handled <= report.week.total.handled


# folding finished interactions ------------------------------------------------------------
def fed(events: list[LogEvent], fold_after: list[bool]) -> StatsLedger:
    """A ledger fed ``events`` as the recorder feeds it: after each event, the interaction
    is folded if it has left the desk (and, where ``fold_after`` says so, every other)."""
    ledger = StatsLedger()
    for event, fold_all_now in zip(events, fold_after, strict=True):
        ledger.add(event)
        ledger.fold(event.interaction_id)
        if fold_all_now:
            ledger.fold_finished()
    return ledger


@settings(max_examples=200, deadline=None)
@given(event_logs(), st.data(), st.floats(0, 120, allow_nan=False), st.floats(0, 3 * 86400))
def test_folded_and_unfolded_give_identical_figures(
    events: list[LogEvent], data: st.DataObject, warning_s: float, later: float
) -> None:
    fold_after = data.draw(st.lists(st.booleans(), min_size=len(events), max_size=len(events)))
    ledger = fed(events, fold_after)
    now = (events[-1].time if events else at(4, 22)) + later
    assert ledger.facts(now) == fold_all(events)
    folded = stats_report(ledger.facts(now), now=now, tz=PARIS, warning_s=warning_s)
    unfolded = compute_stats(events, now=now, tz=PARIS, warning_s=warning_s)
    assert folded == unfolded  # every figure, to the last bit
    # only the events of interactions still on the desk are kept
    kept = {e.interaction_id for e in ledger.events()}
    assert all(not facts.off_desk for facts in fold_all(ledger.events()))
    assert kept <= {f.interaction_id for f in fold_all(events) if not f.off_desk}


def test_a_finished_chat_keeps_its_figures_not_its_events() -> None:
    ledger = StatsLedger()
    done = simple_chat("done", at(3, 9))
    live = Chat("live").add(K.OFFERED, at(3, 10)).add(K.ACCEPTED, at(3, 10, 1))
    for event in done.events[:-1] + live.events:
        ledger.add(event)
    assert not ledger.fold("done")  # not Done yet: its events stay
    assert not ledger.fold("live") and not ledger.fold("unknown")
    ledger.add(done.events[-1])
    assert ledger.fold("done")
    assert ledger.events() == live.events
    ledger.add(
        LogEvent(
            interaction_id="done", kind=K.CONTACT_MESSAGE, time=at(3, 11), channel=Channel.WEBCHAT
        )
    )
    assert ledger.events() == live.events  # off the desk: counts for nothing, not kept
    assert ledger.facts(at(3, 12)) == fold_all(done.events + live.events)


def test_events_read_back_from_the_log_come_first() -> None:
    earlier = simple_chat("yesterday", at(2, 9)).events
    before_restart = Chat("open").add(K.OFFERED, at(3, 8)).add(K.ACCEPTED, at(3, 8, 1))
    today = Chat("open").add(K.CONTACT_MESSAGE, at(3, 9)).add(K.AGENT_MESSAGE, at(3, 9, 1))
    ledger = StatsLedger()
    for event in today.events:
        ledger.add(event)
    ledger.add_earlier(earlier + before_restart.events)
    everything = earlier + before_restart.events + today.events
    assert ledger.events() == everything
    assert ledger.fold_finished() == 1  # yesterday's chat
    assert ledger.facts(at(3, 12)) == fold_all(everything)
    with pytest.raises(ValueError, match="folded before"):
        ledger.add_earlier(earlier)


def test_replies_are_a_sequence_of_pairs() -> None:
    replies = Replies([(10.0, 2.5), (20.0, 0.1)])
    replies.append((30.5, 7.25))
    assert len(replies) == 3
    assert replies[0] == (10.0, 2.5) and replies[-1] == (30.5, 7.25)
    assert replies[1:] == [(20.0, 0.1), (30.5, 7.25)]
    assert list(replies) == [(10.0, 2.5), (20.0, 0.1), (30.5, 7.25)]
    assert replies == [(10.0, 2.5), (20.0, 0.1), (30.5, 7.25)]
    assert replies != Replies([(10.0, 2.5)])
    with pytest.raises(IndexError):
        replies[3]


# CSV export -------------------------------------------------------------------------------
def test_events_csv_for_a_period() -> None:
    events = simple_chat("mon", at(2, 9)).events + simple_chat("tue", at(3, 9)).events
    stream = io.StringIO()
    rows = write_csv(
        ExportShape.EVENTS,
        events,
        stream,
        start=date(2025, 6, 3),
        end=date(2025, 6, 3),
        tz=PARIS,
        now=at(3, 12),
    )
    table = list(csv.reader(io.StringIO(stream.getvalue())))
    assert tuple(table[0]) == EVENT_COLUMNS
    assert rows == len(table) - 1 == 9
    assert {row[1] for row in table[1:]} == {"tue"}
    assert table[1][0] == "2025-06-03T09:00:00+02:00"
    assert [row[4] for row in table[1:3]] == ["offered", "contact_message"]
    assert table[1][3] == "Marie"


def test_interactions_csv_summarises_each_chat() -> None:
    events = simple_chat("one", at(3, 9)).events
    stream = io.StringIO()
    write_csv(
        ExportShape.INTERACTIONS,
        events,
        stream,
        start=date(2025, 6, 1),
        end=date(2025, 6, 30),
        tz=PARIS,
        now=at(3, 12),
    )
    table = list(csv.DictReader(io.StringIO(stream.getvalue())))
    assert list(table[0]) == list(INTERACTION_COLUMNS)
    row = table[0]
    assert row["outcome"] == "done"
    assert row["handle_s"] == "325.0"
    assert row["first_reply_s"] == "15.0"
    assert row["talk_s"] == "295.0"
    assert row["wrap_up_s"] == "30.0"
    assert (row["messages_in"], row["messages_out"], row["replies"]) == ("2", "2", "2")
    assert row["disposition"] == "Resolved"


def test_csv_cells_from_outside_cannot_become_formulas() -> None:
    chat = Chat("x", name='=HYPERLINK("http://evil")').add(K.OFFERED, at(3, 9))
    stream = io.StringIO()
    write_csv(
        ExportShape.EVENTS,
        chat.events,
        stream,
        start=date(2025, 6, 3),
        end=date(2025, 6, 3),
        tz=PARIS,
        now=at(3, 10),
    )
    table = list(csv.reader(io.StringIO(stream.getvalue())))
    assert table[1][3] == '\'=HYPERLINK("http://evil")'
    assert safe_cell("Marie") == "Marie"
    assert safe_cell("-1") == "'-1"
    assert Period("week") is Period.WEEK
