"""The recorder on its own: a real InteractionStore, a fake clock, the SQLite log."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Coroutine, Iterator
from pathlib import Path
from typing import Any, TypeVar

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from agent_desktop.backends.base import MessagingBackend, NotSupported
from agent_desktop.core.interaction_log import LogEvent, LogEventKind, fold_all
from agent_desktop.core.models import Contact, InteractionSummary, Message
from agent_desktop.core.types import Channel, InteractionState, PartyRole
from agent_desktop.services import interaction_recorder
from agent_desktop.services.interaction_log_store import (
    SCHEMA_VERSION,
    InteractionLogDatabase,
    LogStoreError,
)
from agent_desktop.services.interaction_recorder import InteractionRecorder
from agent_desktop.services.interaction_store import InteractionStore
from agent_desktop.testing import install_loop, release_loop

T = TypeVar("T")

K = LogEventKind


class FakeClock:
    def __init__(self) -> None:
        self.now = 1_750_000_000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture(autouse=True)
def _qt_loop() -> Iterator[None]:
    yield
    release_loop()  # hand the thread back to plain asyncio for later tests


@pytest.fixture
def store(qtbot: QtBot, clock: FakeClock) -> InteractionStore:
    return InteractionStore(warning_s=30, max_s=50, typing_timeout_s=5, clock=clock)


def run(qtbot: QtBot, coro: Coroutine[Any, Any, T]) -> T:
    """Run ``coro`` on the app's qasync loop (never ``asyncio.run``: it unsets the loop)."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    task: asyncio.Task[T] = install_loop(app).create_task(coro)
    qtbot.waitUntil(task.done)
    return task.result()


@pytest.fixture
def recorder(
    qtbot: QtBot, store: InteractionStore, clock: FakeClock, tmp_path: Path
) -> Iterator[InteractionRecorder]:
    recorder = InteractionRecorder(tmp_path / "log.sqlite3", store, "agent1", clock=clock)
    yield recorder
    run(qtbot, recorder.close())


def summary(iid: str = "i1") -> InteractionSummary:
    return InteractionSummary(
        id=iid,
        contact=Contact(id="c1", name="Marie"),
        channel=Channel.SMS,
        offered_at=0,
    )


def message(iid: str, n: int, role: PartyRole) -> Message:
    return Message(
        id=f"m{n}",
        interaction_id=iid,
        author_id="x",
        author_name="x",
        author_role=role,
        text="hello",
        time=0,
    )


def test_events_and_reply_delays_follow_the_clock(
    store: InteractionStore, recorder: InteractionRecorder, clock: FakeClock
) -> None:
    record = store.offer(summary())
    record.add_message(message("i1", 1, PartyRole.CUSTOMER))
    clock.advance(4)
    store.activate("i1")
    recorder.set_focus("i1", True)
    clock.advance(12)
    record.add_message(message("i1", 2, PartyRole.AGENT))  # answers after 12 s
    clock.advance(3)
    record.add_message(message("i1", 3, PartyRole.AGENT))  # nobody waiting: no delay
    clock.advance(20)
    record.add_message(message("i1", 4, PartyRole.CUSTOMER))
    clock.advance(45)
    record.add_message(message("i1", 5, PartyRole.AGENT))
    recorder.set_focus("i1", False)
    clock.advance(1)
    store.end("i1")
    clock.advance(30)
    recorder.set_disposition("i1", "Resolved")
    store.finish("i1", InteractionState.DONE)
    events = recorder.events()
    assert [e.kind for e in events] == [
        K.OFFERED,
        K.CONTACT_MESSAGE,
        K.ACCEPTED,
        K.VIEW_ACTIVE,
        K.AGENT_MESSAGE,
        K.AGENT_MESSAGE,
        K.CONTACT_MESSAGE,
        K.AGENT_MESSAGE,
        K.VIEW_INACTIVE,
        K.ENDED,
        K.DONE,
    ]
    delays = [e.reply_delay_s for e in events if e.kind is K.AGENT_MESSAGE]
    assert delays == [12, None, 45]
    assert events[-1].detail == "Resolved"
    assert all(e.channel is Channel.SMS for e in events)
    # a message after Done is not recorded: the chat is off the desk
    assert recorder.events() == events


def test_the_log_reads_back_what_was_written(
    qtbot: QtBot,
    store: InteractionStore,
    recorder: InteractionRecorder,
    clock: FakeClock,
    tmp_path: Path,
) -> None:
    store.offer(summary("a"))
    store.activate("a")
    store.offer(summary("b"))
    store.revoke("b")
    run(qtbot, recorder.close())
    database = InteractionLogDatabase(tmp_path / "log.sqlite3")
    database.open()
    try:
        read = database.interactions_between("agent1", clock.now - 10)
        assert read == recorder.events()
        assert [e.kind for e in read] == [K.OFFERED, K.ACCEPTED, K.OFFERED, K.TIMED_OUT]
        assert database.interactions_between("someone else", 0) == []
        assert database.interactions_between("agent1", clock.now + 10) == []
        journal = sqlite3.connect(tmp_path / "log.sqlite3").execute("PRAGMA journal_mode")
        assert journal.fetchone()[0] == "wal"
    finally:
        database.close()


def handle(store: InteractionStore, clock: FakeClock, iid: str, replies: int) -> None:
    """Offer, accept, ``replies`` contact messages each answered 5 s later, end, Done."""
    record = store.offer(summary(iid))
    store.activate(iid)
    for n in range(replies):
        record.add_message(message(iid, 2 * n, PartyRole.CUSTOMER))
        clock.advance(5)
        record.add_message(message(iid, 2 * n + 1, PartyRole.AGENT))
    store.end(iid)
    clock.advance(10)
    store.finish(iid, InteractionState.DONE)


def test_a_finished_chat_keeps_its_figures_once_the_log_is_read_back(
    qtbot: QtBot, store: InteractionStore, recorder: InteractionRecorder, clock: FakeClock
) -> None:
    handle(store, clock, "early", replies=2)
    # done before the log was read back: kept whole (the read-back may bring earlier events)
    assert {e.interaction_id for e in recorder.events()} == {"early"}
    run(qtbot, asyncio.sleep(0))  # the app's loop, for the read-back task
    with qtbot.waitSignal(recorder.loaded):
        recorder.start(clock.now - 3600)
    assert recorder.events() == []  # now folded into its figures
    handle(store, clock, "later", replies=3)
    store.offer(summary("open"))
    assert {e.interaction_id for e in recorder.events()} == {"open"}
    logged = run(qtbot, recorder.recorded_events())
    assert {e.interaction_id for e in logged} == {"early", "later", "open"}
    assert recorder.ledger.facts(clock.now) == fold_all(logged)
    figures = fold_all(logged)[1]
    assert (figures.contact_messages, figures.agent_messages, len(figures.replies)) == (3, 3, 3)


def test_a_backend_far_behind_gets_the_newest_events(
    qtbot: QtBot,
    store: InteractionStore,
    recorder: InteractionRecorder,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(interaction_recorder, "BACKEND_QUEUE_LIMIT", 3)
    outbox: asyncio.Queue[LogEvent] = asyncio.Queue()
    recorder._outbox = outbox  # as start() makes it for a backend with statistics
    record = store.offer(summary())
    for n in range(5):
        record.add_message(message("i1", n, PartyRole.CUSTOMER))
    kept = [outbox.get_nowait() for _ in range(outbox.qsize())]
    assert [e.kind for e in kept] == [K.CONTACT_MESSAGE] * 3  # the offer and two dropped
    assert kept == recorder.events()[-3:]


def test_a_log_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "log.sqlite3"
    with sqlite3.connect(path) as db:
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    with pytest.raises(LogStoreError, match="newer version"):
        InteractionLogDatabase(path).open()


def test_backends_keep_no_statistics_unless_they_say_so() -> None:
    event = LogEvent(interaction_id="i", kind=K.OFFERED, time=0, channel=Channel.SMS)

    call = MessagingBackend.record_interaction_event(None, event)  # type: ignore[arg-type]
    with pytest.raises(NotSupported):
        call.send(None)
