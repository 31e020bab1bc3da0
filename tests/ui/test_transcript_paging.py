"""The transcript model is a window on its store; the view pages history in both ways."""

from __future__ import annotations

import time
from typing import Any

import pytest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from agent_desktop.core.models import Contact, Message
from agent_desktop.core.types import DeliveryState, PartyRole
from agent_desktop.services.transcript_store import TranscriptStore
from agent_desktop.ui import message_delegate
from agent_desktop.ui.chat_view import ChatView
from agent_desktop.ui.theme import LIGHT
from agent_desktop.ui.transcript_model import Roles, TranscriptModel
from tests.benchmarks.transcript import record_with_history

CONTACT = Contact(id="c1", name="Marie Dupont")


def msg(seq: int, *, author: str = "c1", at: float | None = None) -> Message:
    return Message(
        id=f"m{seq}",
        interaction_id="i1",
        author_id=author,
        author_name="Marie" if author == "c1" else "Alex",
        author_role=PartyRole.CUSTOMER if author == "c1" else PartyRole.AGENT,
        text=f"message {seq}",
        time=1.7e9 + (at if at is not None else seq * 10),
    )


def store_of(count: int) -> TranscriptStore:
    store = TranscriptStore()
    for seq in range(count):
        store.append(msg(seq))
    return store


def texts(model: TranscriptModel) -> list[str]:
    return [str(model.index(r, 0).data()) for r in range(model.rowCount())]


def test_opens_on_the_last_page(qtmodeltester: ModelTester) -> None:
    model = TranscriptModel(store_of(25), page=10, max_rows=30)
    qtmodeltester.check(model)  # type: ignore[no-untyped-call]
    assert model.rowCount() == 10
    assert texts(model)[0] == "message 15" and texts(model)[-1] == "message 24"
    assert model.can_fetch_older() and not model.can_fetch_newer()


def test_fetch_older_then_newer_keeps_at_most_max_rows(qtmodeltester: ModelTester) -> None:
    store = store_of(50)
    model = TranscriptModel(store, page=10, max_rows=25)
    qtmodeltester.check(model)  # type: ignore[no-untyped-call]
    assert model.fetch_older() == 10
    assert model.fetch_older() == 10
    assert model.rowCount() == 25  # the newest 5 left the window
    assert texts(model)[0] == "message 20" and texts(model)[-1] == "message 44"
    assert model.can_fetch_newer()
    store.append(msg(50))  # the window does not reach the end: the row waits
    assert texts(model)[-1] == "message 44"
    assert model.fetch_newer() == 6
    assert texts(model)[-1] == "message 50"
    assert model.rowCount() == 25 and texts(model)[0] == "message 26"
    assert not model.can_fetch_newer()


def test_live_messages_join_a_window_at_the_end(qtmodeltester: ModelTester) -> None:
    store = store_of(3)
    model = TranscriptModel(store, page=10, max_rows=20)
    qtmodeltester.check(model)  # type: ignore[no-untyped-call]
    store.append(msg(3))
    assert texts(model) == [f"message {i}" for i in range(4)]
    assert model.trim_older(2) == 2
    assert texts(model) == ["message 2", "message 3"]
    assert model.first_row == 2


def test_group_start_follows_the_store_not_the_window() -> None:
    store = TranscriptStore()
    store.append(msg(0))
    store.append(msg(1))  # same author, 10 s later: same group
    store.append(msg(2, author="a1"))  # another author
    store.append(msg(3, author="a1", at=10_000))  # same author after a long pause
    model = TranscriptModel(store, page=3)
    starts = [model.index(r, 0).data(Roles.GROUP_START) for r in range(model.rowCount())]
    assert model.first_row == 1
    assert starts == [False, True, True]
    message, start, day_start = model.row_at(0)
    assert message.text == "message 1" and start is False and day_start is False


def opened_chat(qtbot: QtBot, history: int, iid: str) -> ChatView:
    """A chat view over ``history`` messages, shown, laid out."""
    view = ChatView(record_with_history(history, iid=iid), LIGHT)
    qtbot.addWidget(view)
    view.resize(900, 600)
    view.show()
    qtbot.waitUntil(lambda: view.transcript.verticalScrollBar().maximum() > 0)
    return view


def test_scrolling_up_pages_the_whole_history_in(qtbot: QtBot) -> None:
    view = opened_chat(qtbot, 1_000, "paging")
    transcript = view.transcript
    model = view.model
    bar = transcript.verticalScrollBar()
    assert bar.value() == bar.maximum()  # opens on the latest message
    assert model.rowCount() < 1_000
    started = time.monotonic()
    while (bar.value() > 0 or model.can_fetch_older()) and time.monotonic() - started < 20:
        bar.setValue(bar.value() - bar.pageStep())
    top = transcript.indexAt(transcript.viewport().rect().topLeft())
    assert str(top.data()).endswith(" #0")
    assert model.rowCount() <= model.max_rows
    # and back down to the newest
    while bar.value() < bar.maximum() or model.can_fetch_newer():
        bar.setValue(bar.value() + bar.pageStep())
    assert str(model.index(model.rowCount() - 1, 0).data()).endswith(" #999")


def test_paging_keeps_the_message_in_view_still(qtbot: QtBot) -> None:
    view = opened_chat(qtbot, 500, "anchor")
    transcript = view.transcript
    bar = transcript.verticalScrollBar()
    margin = transcript.viewport().height()
    bar.setValue(margin + 50)  # just outside the paging zone
    model = view.model
    anchor = transcript.indexAt(transcript.viewport().rect().topLeft())
    text, top = anchor.data(), transcript.visualRect(anchor).top()
    first_row = model.first_row
    bar.setValue(margin - 10)  # 60 px up, into the zone: older messages are paged in above
    assert model.first_row < first_row
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == text)
    assert transcript.visualRect(model.index(row, 0)).top() == top + 60  # as if nothing moved


def test_rows_outside_the_window_are_the_next_pages_rows(qtmodeltester: ModelTester) -> None:
    store = store_of(30)
    model = TranscriptModel(store, page=10, max_rows=20)
    qtmodeltester.check(model)  # type: ignore[no-untyped-call]
    older = model.rows_outside(4, older=True)
    assert [m.text for m, _, _ in older] == [f"message {i}" for i in (19, 18, 17, 16)]
    assert model.rows_outside(4, older=False) == []  # the window reaches the end
    model.fetch_older()
    model.fetch_older()  # rows 0..19 now: 20..29 left the window at the bottom
    newer = model.rows_outside(3, older=False)
    assert [m.text for m, _, _ in newer] == ["message 20", "message 21", "message 22"]
    model.fetch_newer()
    assert [model.row_at(r) for r in range(model.rowCount()) if r >= 10][:3] == newer


def test_a_replaced_message_updates_the_author_group_of_the_next(
    qtmodeltester: ModelTester,
) -> None:
    store = TranscriptStore()
    store.append(msg(0, author="a1").model_copy(update={"txn_id": "t0"}))
    store.append(msg(1, author="a1", at=100))  # 100 s later: the same group
    model = TranscriptModel(store)
    qtmodeltester.check(model)  # type: ignore[no-untyped-call]
    assert model.row_at(1)[1] is False
    # the server's copy dates the first much earlier: the second now starts a group
    store.set_delivery("t0", DeliveryState.SENT, time=1.7e9 - 10_000)
    assert model.row_at(1)[1] is True
    assert model.index(1, 0).data(Roles.GROUP_START) is True


def test_the_next_page_is_measured_before_it_is_paged_in(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    view = opened_chat(qtbot, 2_000, "warm")
    transcript = view.transcript
    bar = transcript.verticalScrollBar()
    measured: list[str] = []
    layout = message_delegate.layout_text

    def counting(text: str, *args: Any, **kwargs: Any) -> Any:
        measured.append(text)
        return layout(text, *args, **kwargs)

    monkeypatch.setattr(message_delegate, "layout_text", counting)
    model = view.model
    margin = transcript.viewport().height()
    bar.setValue(margin + 50)  # near the top, not yet paging: idle time measures ahead
    first_row = model.first_row
    qtbot.waitUntil(lambda: len(measured) >= model.page)
    qtbot.wait(50)  # nothing more to measure
    measured.clear()
    bar.setValue(margin - 10)  # pages the older rows in (and lays the window out)
    assert model.first_row == first_row - model.page
    assert measured == []  # every row of the page was measured beforehand
