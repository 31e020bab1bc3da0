"""Handle time and the agent's own statistics, driven through the harness."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QPushButton, QTableView, QToolButton, QWidget
from pytestqt.qtbot import QtBot

from agent_desktop.core import events as ev
from agent_desktop.core.interaction_log import LogEvent, LogEventKind
from agent_desktop.core.stats import Period
from agent_desktop.core.types import Channel
from agent_desktop.services.interaction_log_store import LOG_FILE_NAME
from agent_desktop.testing import AppHarness, child
from agent_desktop.ui.stats_model import RAW_ROLE, Column
from agent_desktop.ui.stats_panel import StatsPanel
from tests.ui.conftest import FAST, CheckModel, StartHarness

K = LogEventKind


def recorded(h: AppHarness, iid: str) -> list[LogEvent]:
    """The events of ``iid`` as the log keeps them (in memory, a finished chat's events are
    folded into its figures)."""
    return [e for e in h.run(h.desktop.recorder.recorded_events()) if e.interaction_id == iid]


def kinds(h: AppHarness, iid: str) -> list[LogEventKind]:
    return [e.kind for e in recorded(h, iid)]


def handle_chat(h: AppHarness, name: str, channel: str = "webchat") -> str:
    """Offer, accept, reply, contact answers, reply, end, Done: through the widgets."""
    iid = h.customers.start_chat(name, "Bonjour", channel=channel)
    view = h.accept(iid)
    QTest.keyClicks(view.composer, "Hello, how can I help?")
    child(view, QPushButton, "sendButton").click()
    h.wait_until(lambda: len(h.customers.received(iid)) == 1)
    h.customers.say(iid, "My order is late")
    h.wait_until(lambda: view.transcript.model().rowCount() == 3)
    view.composer.setPlainText("Let me check.")
    child(view, QPushButton, "sendButton").click()
    h.wait_until(lambda: len(h.customers.received(iid)) == 2)
    child(view, QPushButton, "endChatButton").click()
    h.wait_until(view.done_button.isEnabled)
    child(view, QPushButton, "markDoneButton").click()
    h.wait_until(lambda: h.chat_view(iid) is None)
    return iid


def open_panel(h: AppHarness) -> StatsPanel:
    child(h.window, QToolButton, "statsButton").click()
    panel = h.window.findChild(StatsPanel, "statsPanel")
    assert panel is not None
    h.wait_until(panel.isVisible)
    return panel


def value(panel: QWidget, name: str) -> str:
    return child(panel, QLabel, f"{name}Value").text()


def test_a_handled_chat_records_every_event(h: AppHarness) -> None:
    iid = handle_chat(h, "Marie Dupont")
    assert kinds(h, iid) == [
        K.OFFERED,
        K.CONTACT_MESSAGE,
        K.ACCEPTED,
        K.VIEW_ACTIVE,
        K.AGENT_MESSAGE,
        K.CONTACT_MESSAGE,
        K.AGENT_MESSAGE,
        K.ENDED,
        K.DONE,
    ]
    events = recorded(h, iid)
    assert events[0].contact_name == "Marie Dupont"
    assert all(e.channel is Channel.WEBCHAT for e in events)
    assert events[-2].detail == "agent"  # the agent ended it
    replies = [e.reply_delay_s for e in events if e.kind is K.AGENT_MESSAGE]
    assert all(delay is not None and delay >= 0 for delay in replies)
    times = [e.time for e in events]
    assert times == sorted(times)
    # the backend keeps them too (Capability.STATISTICS), in the same order
    h.wait_until(lambda: len(h.backend.logged_events(iid)) == len(events))
    logged = h.backend.logged_events(iid)
    assert [kind for _, kind, _ in logged] == [k.value for k in kinds(h, iid)]
    assert {agent for agent, _, _ in logged} == {"agent1"}


def test_a_burst_of_events_reaches_the_backend_in_few_calls(
    h: AppHarness, monkeypatch: pytest.MonkeyPatch
) -> None:
    batches: list[int] = []
    keep = h.backend.record_interaction_events

    async def counting(events: Sequence[LogEvent]) -> None:
        batches.append(len(events))
        await keep(events)

    monkeypatch.setattr(h.backend, "record_interaction_events", counting)
    iid = h.customers.start_chat("Marie", "Bonjour")
    h.accept(iid)
    for n in range(40):  # faster than one call per event could follow
        h.customers.say(iid, f"message {n}")
    h.wait_until(lambda: len(h.backend.logged_events(iid)) >= 43)  # offered, accepted...
    assert max(batches) > 1 and len(batches) < 40
    logged = h.backend.logged_events(iid)
    assert [kind for _, kind, _ in logged] == [k.value for k in kinds(h, iid)]


def test_the_panel_shows_todays_figures_and_updates_live(
    start: StartHarness, check_model: CheckModel
) -> None:
    h = start(settings=FAST)
    handle_chat(h, "Marie")
    panel = open_panel(h)
    assert panel.objectName() == "statsPanel" and panel.accessibleName() == "My statistics"
    assert value(panel, "handled") == "1"
    assert value(panel, "averageHandle") != "—"
    assert value(panel, "averageFirstReply") != "—"
    assert value(panel, "averageTalk") != "—"
    assert value(panel, "averageWrapUp") != "—"
    assert value(panel, "withinThreshold").endswith("%")
    table = child(panel, QTableView, "statsTable")
    model = table.model()
    check_model(model)
    channels = [model.index(r, Column.CHANNEL).data(RAW_ROLE) for r in range(model.rowCount())]
    assert channels == ["webchat", ""]
    assert model.index(1, Column.CHANNEL).data() == "All channels"
    assert model.index(1, Column.HANDLED).data() == "1"
    # an SMS chat closes while the panel is open: the figures follow
    handle_chat(h, "Sam", channel="sms")
    h.wait_until(lambda: value(panel, "handled") == "2")
    channels = [model.index(r, Column.CHANNEL).data(RAW_ROLE) for r in range(model.rowCount())]
    assert channels == ["webchat", "sms", ""]
    assert model.index(1, Column.HANDLED).data(RAW_ROLE) == 1
    replies = model.index(2, Column.WITHIN_THRESHOLD).data(RAW_ROLE)
    assert replies is not None and 0 <= replies <= 1
    check_model(model)
    # the week includes today
    child(panel, QPushButton, "weekButton").click()
    assert panel.period is Period.WEEK
    assert value(panel, "handled") == "2"
    assert sum(panel.hour_chart.values) == 4  # two replies in each chat
    assert sum(panel.response_chart.values) == 4
    for name in ("repliesPerHourChart", "responseTimeChart", "exportButton", "exportFrom"):
        widget = child(panel, QWidget, name)
        assert widget.accessibleName()


def test_a_chat_still_open_is_not_counted_until_done(h: AppHarness) -> None:
    iid = h.customers.start_chat("Marie", "Bonjour")
    view = h.accept(iid)
    panel = open_panel(h)
    assert value(panel, "handled") == "0"
    assert value(panel, "averageHandle") == "—"
    child(view, QPushButton, "endChatButton").click()
    h.wait_until(view.done_button.isEnabled)
    view.done_button.click()
    h.wait_until(lambda: value(panel, "handled") == "1")


def test_talk_time_follows_the_chat_in_front_of_the_agent(h: AppHarness) -> None:
    first = h.customers.start_chat("Anne", "Un")
    h.accept(first)
    second = h.customers.start_chat("Bob", "Two")
    h.accept(second)  # accepting from the notification brings it in front
    assert kinds(h, first)[-1] is K.VIEW_INACTIVE
    assert kinds(h, second)[-1] is K.VIEW_ACTIVE
    h.window.show_interaction(first)
    assert kinds(h, first)[-1] is K.VIEW_ACTIVE
    assert kinds(h, second)[-1] is K.VIEW_INACTIVE
    # the statistics window takes the focus: no chat is in front of the agent
    panel = open_panel(h)
    h.wait_until(panel.isActiveWindow)
    h.wait_until(lambda: kinds(h, first)[-1] is K.VIEW_INACTIVE)
    h.window.activateWindow()
    h.wait_until(lambda: kinds(h, first)[-1] is K.VIEW_ACTIVE)


def test_rejected_and_withdrawn_offers_are_recorded(h: AppHarness) -> None:
    rejected = h.customers.start_chat("Paul", "Hello")
    h.wait_until(lambda: h.toast() is not None)
    toast = h.toast()
    assert toast is not None
    child(toast, QPushButton, "rejectButton").click()
    h.wait_until(lambda: h.desktop.statistics.report().today.total.rejected == 1)
    assert kinds(h, rejected)[-1] is K.REJECTED
    withdrawn = h.customers.start_chat("Marie", "Bonjour")
    h.wait_until(lambda: h.toast() is not None)
    h.customers.leave(withdrawn)
    h.wait_until(lambda: h.desktop.statistics.report().today.total.timed_out == 1)
    assert kinds(h, withdrawn)[-1] is K.TIMED_OUT
    report = h.desktop.statistics.report()
    assert (report.today.total.rejected, report.today.total.timed_out) == (1, 1)
    assert report.today.total.handled == 0


def test_contact_ending_and_transfer_away_are_recorded(h: AppHarness) -> None:
    ended = h.customers.start_chat("Marie", "Bonjour")
    view = h.accept(ended)
    h.customers.leave(ended)
    h.wait_until(view.done_button.isEnabled)
    ended_event = next(e for e in recorded(h, ended) if e.kind is K.ENDED)
    assert ended_event.detail == "contact"
    # the transfer itself is another branch's work: the backend's event is enough here
    moved = h.customers.start_chat("Bob", "Hi", channel="whatsapp")
    h.accept(moved)
    h.desktop.recorder.record_consultation(moved, "Julie")
    assert kinds(h, moved)[-1] is K.CONSULTATION
    session = h.desktop.session
    assert session is not None
    session.apply(ev.InteractionTransferred(interaction_id=moved, target_name="Billing"))
    h.wait_until(lambda: h.chat_view(moved) is None)
    assert kinds(h, moved)[-1] is K.TRANSFERRED
    transfer = recorded(h, moved)[-1]
    assert transfer.detail == "Billing"
    h.desktop.recorder.record_consultation(moved, "Julie")  # off the desk: ignored
    assert kinds(h, moved)[-1] is K.TRANSFERRED
    week = h.desktop.statistics.report().week.by_channel[Channel.WHATSAPP]
    assert (week.handled, week.transferred, week.wrap_ups, week.consultations) == (1, 1, 0, 1)


def test_disposition_code_is_recorded_with_done(h: AppHarness) -> None:
    iid = h.customers.start_chat("Marie", "Bonjour")
    view = h.accept(iid)
    view.end_button.click()
    h.wait_until(view.done_button.isEnabled)
    session = h.desktop.session
    assert session is not None
    session.mark_done(iid, "Resolved")
    h.wait_until(lambda: h.chat_view(iid) is None)
    done = recorded(h, iid)[-1]
    assert (done.kind, done.detail) == (K.DONE, "Resolved")


def test_csv_export_of_a_chosen_period(h: AppHarness, tmp_path: Path) -> None:
    iid = handle_chat(h, "=Marie")
    panel = open_panel(h)
    target = tmp_path / "mine.csv"
    panel.export_to_file(target)
    status = child(panel, QLabel, "exportStatus")
    h.wait_until(lambda: "written" in status.text())
    with target.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert len(rows) == 1
    row = rows[0]
    assert row["interaction_id"] == iid
    assert row["contact"] == "'=Marie"  # never a spreadsheet formula
    assert (row["channel"], row["outcome"], row["ended_by"]) == ("webchat", "done", "agent")
    assert (row["messages_in"], row["messages_out"], row["replies"]) == ("2", "2", "2")
    assert float(row["handle_s"]) >= float(row["talk_s"]) >= 0
    assert status.text() == "1 line written to mine.csv"
    assert panel.export_button.isEnabled()
    # every event instead, and a period without any activity
    panel.export_shape.setCurrentIndex(panel.export_shape.findData("events"))
    events_file = tmp_path / "events.csv"
    panel.export_to_file(events_file)
    h.wait_until(lambda: events_file.exists() and "9 lines" in status.text())
    with events_file.open(encoding="utf-8-sig", newline="") as stream:
        events = list(csv.DictReader(stream))
    assert [e["event"] for e in events][:3] == ["offered", "contact_message", "accepted"]
    panel.export_from.setDate(panel.export_from.date().addYears(-2))
    panel.export_to.setDate(panel.export_from.date().addDays(3))
    empty = tmp_path / "empty.csv"
    panel.export_to_file(empty)
    h.wait_until(lambda: empty.exists() and status.text().startswith("0 lines"))


def test_export_failure_is_reported(h: AppHarness, tmp_path: Path) -> None:
    panel = open_panel(h)
    panel.export_to_file(tmp_path / "missing" / "dir" / "x.csv")
    status = child(panel, QLabel, "exportStatus")
    h.wait_until(lambda: "Could not export" in status.text())
    banner = child(h.window, QLabel, "noticeText")
    assert "Could not export" in banner.text()


def test_the_log_survives_a_restart(qtbot: QtBot, tmp_path: Path) -> None:
    first = AppHarness.start(qtbot, tmp_path, settings=FAST)
    try:
        iid = handle_chat(first, "Marie")
        count = len(recorded(first, iid))
        assert first.desktop.recorder.events() == []  # done: folded into its figures
    finally:
        first.close()
    log_file = tmp_path / "profile" / "data" / LOG_FILE_NAME
    assert log_file.is_file()
    second = AppHarness.start(qtbot, tmp_path, settings=FAST)
    try:
        assert len(recorded(second, iid)) == count
        panel = open_panel(second)  # the figures of the chat read back from the log
        second.wait_until(lambda: value(panel, "handled") == "1")
    finally:
        second.close()


def test_statistics_button_in_the_top_bar(h: AppHarness) -> None:
    button = child(h.window, QToolButton, "statsButton")
    assert button.isVisible() and button.accessibleName() == "My statistics"
    assert not button.icon().isNull()
    panel = open_panel(h)
    panel.close()
    h.wait_until(lambda: not panel.isVisible())
    assert open_panel(h) is panel  # one panel, shown again
    assert panel.windowFlags() & Qt.WindowType.Dialog


def test_every_named_widget_of_the_panel_has_an_accessible_name(h: AppHarness) -> None:
    panel = open_panel(h)
    named = [
        w for w in panel.findChildren(QWidget) if w.objectName() and "qt_" not in w.objectName()
    ]
    assert len(named) >= 20
    assert [w.objectName() for w in named if not w.accessibleName()] == []
