"""A slow backend and a backend that refuses sends (demo fault injection): the UI stays
usable, the agent's text is kept, and every message reaches the customer exactly once or is
shown failed until the agent sends it again or discards it; nothing is lost."""

from __future__ import annotations

from collections import Counter
from typing import Any

from PySide6.QtCore import QModelIndex, QPoint, QTimer
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest

from agent_desktop.core.types import DeliveryState, PartyRole
from agent_desktop.testing import AppHarness, children
from agent_desktop.ui.chat_view import ChatView
from agent_desktop.ui.failed_message_menu import FailedMessageMenu
from agent_desktop.ui.interaction_bar import InteractionBarItem
from agent_desktop.ui.transcript_model import Roles
from tests.ui.conftest import CONFIRMED, StartHarness
from tests.ui.test_drafts import drafts_on_disk

#: slowness that outlasts any test: the test ends it with ``faults.slow(0)``
HELD_MS = 60_000


def demo_faults(**faults: Any) -> dict[str, Any]:
    return {"chat": {"notification_sound": False}, "backends": {"demo": {"faults": faults}}}


def agent_rows(view: ChatView) -> list[tuple[str, str, str]]:
    """(text, delivery, txn id) of every agent message in the transcript, in order."""
    model = view.transcript.model()
    rows = (model.index(r, 0) for r in range(model.rowCount()))
    return [
        (str(i.data()), str(i.data(Roles.DELIVERY)), str(i.data(Roles.TXN_ID)))
        for i in rows
        if i.data(Roles.AUTHOR_ROLE) == PartyRole.AGENT.value
    ]


def customer_texts(view: ChatView) -> list[str]:
    model = view.transcript.model()
    rows = (model.index(r, 0) for r in range(model.rowCount()))
    return [str(i.data()) for i in rows if i.data(Roles.AUTHOR_ROLE) == PartyRole.CUSTOMER.value]


def send(view: ChatView, text: str) -> None:
    view.composer.setPlainText(text)
    view.send_button.click()


def menu_action(view: ChatView, txn: str, name: str) -> QAction:
    """The "Send again" / "Discard" action of the failed message ``txn``'s menu."""
    menu = view.transcript.findChild(FailedMessageMenu)
    assert isinstance(menu, FailedMessageMenu)
    action = menu.open(txn, QPoint(0, 0)).findChild(QAction, name)
    assert action is not None
    return action


def row_of(view: ChatView, txn: str) -> QModelIndex:
    model = view.transcript.model()
    rows = (model.index(r, 0) for r in range(model.rowCount()))
    return next(index for index in rows if index.data(Roles.TXN_ID) == txn)


def bar_item(h: AppHarness, iid: str) -> InteractionBarItem:
    items = children(h.window, InteractionBarItem, "interactionBarItem")
    return next(item for item in items if item.property("interactionId") == iid)


# slow responses -------------------------------------------------------------------------


def test_the_ui_stays_usable_while_a_backend_call_is_pending(h: AppHarness) -> None:
    first = h.customers.start_chat("Marie", "Bonjour")
    first_view = h.accept(first)
    second = h.customers.start_chat("Paul", "Hello")
    second_view = h.accept(second)
    h.backend.faults.slow(HELD_MS)
    send(second_view, "Un instant")
    h.wait_until(lambda: h.backend.faults.held_calls >= 1)  # the backend has it, no answer
    text, delivery, txn = agent_rows(second_view)[0]
    assert (text, delivery) == ("Un instant", DeliveryState.SENDING.value)

    # the event loop turns: a zero timer fires while the call waits
    fired: list[bool] = []
    QTimer.singleShot(0, lambda: fired.append(True))
    h.wait_until(lambda: fired)
    # typing in the composer
    QTest.keyClicks(second_view.composer, "Je regarde")
    assert second_view.composer.toPlainText() == "Je regarde"
    # switching chats through the interaction bar, and back
    bar_item(h, first).click()
    assert h.window.current_view() is first_view
    QTest.keyClicks(first_view.composer, "Votre colis")
    bar_item(h, second).click()
    assert h.window.current_view() is second_view
    # the Ready toggle is handled at once: it waits, disabled, for the backend's answer
    h.window.ready_button.click()
    h.wait_until(lambda: not h.window.ready_button.isEnabled())
    assert h.window.ready_button.isChecked()  # the confirmed state, not the wish
    # the customer's messages still show
    h.customers.say(first, "Vous êtes là ?")
    h.wait_until(lambda: customer_texts(first_view) == ["Bonjour", "Vous êtes là ?"])

    # all of it happened while the backend still had not answered
    session = h.desktop.session
    assert session is not None and session.busy("send", txn)
    assert h.customers.received(second) == []
    assert agent_rows(second_view)[0][1] == DeliveryState.SENDING.value
    h.backend.faults.slow(0)
    h.wait_until(lambda: h.customers.received(second) == ["Un instant"])
    h.wait_until(lambda: not h.window.ready_button.isChecked())
    assert h.window.ready_button.isEnabled()
    h.wait_until(lambda: agent_rows(second_view)[0][1] in CONFIRMED)
    assert first_view.composer.toPlainText() == "Votre colis"
    assert second_view.composer.toPlainText() == "Je regarde"
    h.wait_until(lambda: drafts_on_disk(h) == {first: "Votre colis", second: "Je regarde"})


def test_messages_sent_while_the_backend_is_slow_arrive_once_in_order(h: AppHarness) -> None:
    first = h.customers.start_chat("Marie", "Bonjour")
    first_view = h.accept(first)
    second = h.customers.start_chat("Paul", "Hello")
    second_view = h.accept(second)
    h.backend.faults.slow(HELD_MS)
    sent: dict[str, list[str]] = {first: [], second: []}
    for n in range(12):
        iid, view = (first, first_view) if n % 3 else (second, second_view)
        sent[iid].append(f"message {n}")
        send(view, sent[iid][-1])
        QTest.keyClicks(view.composer, "brouillon")  # typing notifications wait too
        h.customers.say(iid, f"client {n}")
    # each chat's first send (and typing notifications) wait for the slow backend; the later
    # sends of a chat wait behind its first in the app, so that they keep their order
    h.wait_until(lambda: h.backend.faults.held_calls >= 2)
    for iid, view in ((first, first_view), (second, second_view)):
        assert [(t, d) for t, d, _x in agent_rows(view)] == [
            (t, DeliveryState.SENDING.value) for t in sent[iid]
        ]
    assert h.customers.received(first) == h.customers.received(second) == []
    h.backend.faults.slow(0)
    for iid, view in ((first, first_view), (second, second_view)):
        h.wait_until(lambda i=iid: h.customers.received(i) == sent[i])  # type: ignore[misc]
        h.wait_until(
            lambda v=view: all(d in CONFIRMED for _t, d, _x in agent_rows(v))  # type: ignore[misc]
        )
        assert [text for text, _d, _x in agent_rows(view)] == sent[iid]
        assert len(customer_texts(view)) == len(set(customer_texts(view)))
    assert not h.desktop.local_state.outbox
    h.wait_until(lambda: h.backend.faults.held_calls == 0)
    # nothing more comes later: every call was answered once
    assert h.customers.received(first) == sent[first]
    assert h.customers.received(second) == sent[second]


def test_a_steadily_slow_backend_still_runs_a_whole_chat(start: StartHarness) -> None:
    h = start(settings=demo_faults(slow_ms=120))
    assert h.backend.faults.slow_ms == 120
    iid = h.customers.start_chat("Marie", "Bonjour")
    h.wait_until(lambda: h.toast() is not None)
    toast = h.toast()
    assert toast is not None
    notices: list[str] = []
    h.desktop.bridge.notice.connect(lambda _level, text: notices.append(text))
    toast.accept_button.click()
    toast.accept_button.click()  # impatient: the second click is ignored, not a second call
    h.wait_until(lambda: not toast.accept_button.isEnabled())  # waits for the slow answer
    h.wait_until(lambda: h.chat_view(iid) is not None)
    view = h.chat_view(iid)
    assert view is not None
    texts = [f"réponse {n}" for n in range(5)]
    for text in texts:
        send(view, text)
    QTest.keyClicks(view.composer, "en cours")
    h.wait_until(lambda: h.customers.received(iid) == texts)
    h.wait_until(lambda: all(d in CONFIRMED for _t, d, _x in agent_rows(view)))
    assert view.composer.toPlainText() == "en cours"
    view.composer.clear()
    view.end_button.click()
    h.wait_until(view.done_button.isEnabled)
    view.done_button.click()
    h.wait_until(lambda: iid not in h.window.views)
    assert h.customers.received(iid) == texts
    assert not h.desktop.local_state.outbox
    assert notices == []


# errors on send ---------------------------------------------------------------------------


def test_refused_sends_keep_the_text_and_go_once_when_sent_again(start: StartHarness) -> None:
    h = start(settings=demo_faults(send_error_rate=1.0))  # every send is refused
    iid = h.customers.start_chat("Marie", "Bonjour")
    view = h.accept(iid)
    notices: list[str] = []
    h.desktop.bridge.notice.connect(lambda _level, text: notices.append(text))
    texts = ["Premier", "Deuxième", "Troisième"]
    for text in texts:
        send(view, text)
    h.wait_until(lambda: [d for _t, d, _x in agent_rows(view)] == ["failed"] * 3)
    assert [t for t, _d, _x in agent_rows(view)] == texts  # the text stays in the transcript
    assert len(h.desktop.local_state.outbox) == 3  # and on disk, never lost
    assert len(notices) == 3 and all("refused" in notice for notice in notices)
    # what the agent types after a failure is kept, draft and all
    QTest.keyClicks(view.composer, "Et ensuite")
    h.wait_until(lambda: drafts_on_disk(h) == {iid: "Et ensuite"})
    # still refused: failed again, still kept
    first, second, third = (txn for _t, _d, txn in agent_rows(view))
    menu_action(view, first, "retryMessageAction").trigger()
    h.wait_until(lambda: agent_rows(view)[0][1] == "failed" and len(notices) == 4)
    assert h.customers.received(iid) == []

    h.backend.faults.send_error_rate = 0.0  # the backend takes messages again
    menu_action(view, first, "retryMessageAction").trigger()
    menu_action(view, third, "discardMessageAction").trigger()
    view.transcript.clicked.emit(row_of(view, second))  # a click on it sends it again too
    h.wait_until(lambda: h.customers.received(iid) == ["Premier", "Deuxième"])
    h.wait_until(lambda: all(d in CONFIRMED for _t, d, _x in agent_rows(view)[:2]))
    assert agent_rows(view)[2][:2] == ("Troisième", DeliveryState.DISCARDED.value)
    h.wait_until(lambda: not h.desktop.local_state.outbox)
    assert view.composer.toPlainText() == "Et ensuite"
    # a reconnect neither brings the discarded one back nor sends the others twice
    h.backend.faults.drop_connection()
    h.wait_until(lambda: h.window.connection_label.property("state") == "reconnecting")
    h.wait_until(lambda: h.window.connection_label.property("state") == "connected")
    h.accept(h.customers.start_chat("Paul", "Hello"))  # the desk works after the reconnect
    assert h.customers.received(iid) == ["Premier", "Deuxième"]
    assert agent_rows(view)[2][1] == DeliveryState.DISCARDED.value


def test_with_random_send_errors_every_message_arrives_once_or_is_discarded(
    start: StartHarness,
) -> None:
    h = start(settings=demo_faults(send_error_rate=0.5))
    iid = h.customers.start_chat("Marie", "Bonjour")
    view = h.accept(iid)
    texts = [f"message {n}" for n in range(16)]
    for text in texts:
        send(view, text)
        h.customers.say(iid, f"client {text}")
    settled = ("failed", *CONFIRMED)
    h.wait_until(lambda: all(d in settled for _t, d, _x in agent_rows(view)))
    failures = sum(d == "failed" for _t, d, _x in agent_rows(view))
    assert failures > 0  # 16 sends at 50 %: all taken has a chance of 1 in 65536
    discarded = next(text for text, d, _x in agent_rows(view) if d == "failed")
    rounds = 0
    while failed := [(t, x) for t, d, x in agent_rows(view) if d == "failed"]:
        rounds += 1
        assert rounds < 60, failed
        for text, txn in failed:
            name = "discardMessageAction" if text == discarded else "retryMessageAction"
            menu_action(view, txn, name).trigger()
        h.wait_until(lambda: all(d != "sending" for _t, d, _x in agent_rows(view)))
    expected = [text for text in texts if text != discarded]
    h.wait_until(lambda: len(h.customers.received(iid)) == len(expected))
    received = h.customers.received(iid)
    assert Counter(received) == Counter(expected)  # each once, none lost, the discarded never
    assert [t for t, _d, _x in agent_rows(view)] == texts  # the transcript keeps one row each
    assert customer_texts(view) == ["Bonjour", *(f"client {text}" for text in texts)]
    h.wait_until(lambda: not h.desktop.local_state.outbox)
