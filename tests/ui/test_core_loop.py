"""The core chat loop through the harness: offer, accept, reply, typing, end, done."""

from __future__ import annotations

import asyncio

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QEnterEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from agent_desktop.core.types import Capability, DeliveryState, PartyState
from agent_desktop.testing import AppHarness, child, children
from agent_desktop.ui.chat_view import ChatView
from agent_desktop.ui.interaction_bar import InteractionBarItem
from agent_desktop.ui.transcript_model import Roles
from tests.ui.conftest import CONFIRMED, StartHarness


def transcript_texts(view: ChatView) -> list[str]:
    model = view.transcript.model()
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def bar_items(h: AppHarness) -> list[InteractionBarItem]:
    return children(h.window, InteractionBarItem, "interactionBarItem")


def test_incoming_chat_notification_then_accept(h: AppHarness) -> None:
    iid = h.customers.start_chat("Marie Dupont", "Bonjour, ma commande est en retard")
    h.wait_until(lambda: h.toast() is not None)
    toast = h.toast()
    assert toast is not None and toast.objectName() == "incomingChatToast"
    texts = [label.text() for label in toast.findChildren(QLabel)]
    assert "Marie Dupont" in texts
    assert "Bonjour, ma commande est en retard" in texts
    assert "Web chat" in texts
    accept = child(toast, QPushButton, "acceptButton")
    assert accept is not None and accept.isVisible()
    accept.click()
    h.wait_until(lambda: h.chat_view(iid) is not None)
    view = h.chat_view(iid)
    assert view is not None
    assert view.objectName() == "chatView" and view.property("interactionId") == iid
    assert child(view, QLabel, "contactName").text() == "Marie Dupont"
    h.wait_until(lambda: transcript_texts(view) == ["Bonjour, ma commande est en retard"])
    assert h.toast() is None
    items = bar_items(h)
    assert [item.property("interactionId") for item in items] == [iid]
    assert h.window.stack.currentWidget() is view


def test_reject_removes_the_offer(h: AppHarness) -> None:
    iid = h.customers.start_chat("Paul", "Hello")
    h.wait_until(lambda: h.toast() is not None)
    toast = h.toast()
    assert toast is not None
    child(toast, QPushButton, "rejectButton").click()
    h.wait_until(lambda: h.toast() is None)
    assert h.chat_view(iid) is None
    assert bar_items(h) == []
    assert h.window.store.get(iid) is None


def test_offers_queue_one_after_another(h: AppHarness) -> None:
    first = h.customers.start_chat("Anne", "Un")
    second = h.customers.start_chat("Bob", "Two", channel="sms")
    h.wait_until(lambda: (t := h.toast()) is not None and t.current is not None)
    toast = h.toast()
    assert toast is not None and toast.current is not None
    assert toast.current.id == first
    h.accept(first)
    h.wait_until(
        lambda: (t := h.toast()) is not None and t.current is not None and t.current.id == second
    )


def test_enter_sends_shift_enter_breaks_line(h: AppHarness, qtbot: QtBot) -> None:
    iid = h.customers.start_chat("Marie", "Bonjour")
    view = h.accept(iid)
    composer = view.composer
    composer.setFocus()
    QTest.keyClicks(composer, "Line one")
    QTest.keyClick(composer, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    QTest.keyClicks(composer, "line two")
    assert composer.toPlainText() == "Line one\nline two"
    QTest.keyClick(composer, Qt.Key.Key_Return)
    assert composer.toPlainText() == ""
    h.wait_until(lambda: h.customers.received(iid) == ["Line one\nline two"])
    model = view.transcript.model()
    last = model.index(model.rowCount() - 1, 0)
    assert last.data() == "Line one\nline two"
    h.wait_until(lambda: last.data(Roles.DELIVERY) in CONFIRMED)


def test_send_button_and_local_echo(h: AppHarness) -> None:
    iid = h.customers.start_chat("Marie", "Bonjour")
    view = h.accept(iid)
    send = child(view, QPushButton, "sendButton")
    assert not send.isEnabled()  # nothing to send yet
    view.composer.setPlainText("Je regarde votre commande.")
    assert send.isEnabled()
    send.click()
    # shown at once, before the backend confirms
    assert transcript_texts(view)[-1] == "Je regarde votre commande."
    h.wait_until(lambda: h.customers.received(iid) == ["Je regarde votre commande."])


def test_messages_keep_their_order_when_their_outbox_writes_finish_out_of_order(
    h: AppHarness, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each message is on disk (the outbox) before it goes to the backend; those writes may
    finish in any order (here the first one finishes last), the messages still reach the
    contact in the order sent."""
    iid = h.customers.start_chat("Marie", "Bonjour")
    view = h.accept(iid)
    burst = [f"ligne {n}" for n in range(1, 6)]
    outbox = h.desktop.outbox
    assert outbox is not None
    real_saved = outbox.saved
    calls: list[str] = []
    written: list[str] = []
    last_written = asyncio.Event()

    async def saved(txn_id: str) -> None:
        first = not calls
        calls.append(txn_id)
        await real_saved(txn_id)
        if first:
            await last_written.wait()  # the first message's write is the last to finish
        written.append(txn_id)
        if len(written) == len(burst) - 1:
            last_written.set()

    monkeypatch.setattr(outbox, "saved", saved)
    for text in burst:
        view.composer.setPlainText(text)
        view.send_button.click()
    h.wait_until(lambda: len(h.customers.received(iid)) == len(burst), timeout=10)
    assert h.customers.received(iid) == burst


def test_failed_send_is_marked_and_retried(h: AppHarness, monkeypatch: pytest.MonkeyPatch) -> None:
    from agent_desktop.backends.base import BackendError

    iid = h.customers.start_chat("Marie", "Bonjour")
    view = h.accept(iid)
    real_send = h.backend.send_message
    calls: list[str] = []

    async def flaky(interaction_id: str, text: str, txn_id: str) -> None:
        calls.append(txn_id)
        if len(calls) == 1:
            raise BackendError("network unreachable")
        await real_send(interaction_id, text, txn_id)

    h.backend.send_message = flaky  # type: ignore[method-assign]
    view.composer.setPlainText("Are you there?")
    view.send_button.click()
    model = view.transcript.model()
    row = model.index(model.rowCount() - 1, 0)
    h.wait_until(lambda: row.data(Roles.DELIVERY) == DeliveryState.FAILED.value)
    assert h.window.banner.isVisible()
    assert "network unreachable" in h.window.banner.label.text()
    assert h.customers.received(iid) == []
    view.retryRequested.emit(row.data(Roles.TXN_ID))
    h.wait_until(lambda: row.data(Roles.DELIVERY) in CONFIRMED)
    assert h.customers.received(iid) == ["Are you there?"]
    assert calls[0] == calls[1]  # same txn id: the backend can deduplicate


def test_contact_typing_notice(start: StartHarness) -> None:
    h = start(settings={"chat": {"typing_timeout_s": 0.3, "notification_sound": False}})
    iid = h.customers.start_chat("Marie", "Bonjour")
    view = h.accept(iid)
    notice = child(view, QLabel, "typingNotice")
    assert not notice.isVisible()
    h.customers.typing(iid)
    h.wait_until(notice.isVisible)
    assert "Marie" in notice.text()
    h.customers.say(iid, "Voici mon numéro de commande : 12345")
    h.wait_until(lambda: not notice.isVisible())
    # the notice never shows draft content
    assert "12345" not in notice.text()
    h.customers.typing(iid)
    h.wait_until(notice.isVisible)
    h.wait_until(lambda: not notice.isVisible(), timeout=3)  # typing_timeout_s after last key


def test_agent_typing_reaches_the_contact(h: AppHarness, qtbot: QtBot) -> None:
    iid = h.customers.start_chat("Marie", "Bonjour")
    view = h.accept(iid)
    QTest.keyClicks(view.composer, "Je verifie")
    h.wait_until(lambda: h.customers.agent_typing(iid))
    QTest.keyClick(view.composer, Qt.Key.Key_Return)
    h.wait_until(lambda: not h.customers.agent_typing(iid))


def test_pending_indicator_levels_and_blinking(start: StartHarness) -> None:
    h = start(
        settings={
            "chat": {
                "pending_response_warning_s": 0.3,
                "pending_response_max_s": 0.6,
                "notification_sound": False,
            }
        }
    )
    iid = h.customers.start_chat("Marie", "Bonjour")
    view = h.accept(iid)
    indicator = child(view, QWidget, "pendingIndicator")
    item = bar_items(h)[0]
    assert indicator.property("level") == "green"
    assert indicator.property("blinking") is False
    h.wait_until(lambda: indicator.property("level") == "yellow")
    assert indicator.property("blinking") is False
    assert item.record.pending().level.value == "yellow"
    h.wait_until(lambda: indicator.property("level") == "red")
    assert indicator.property("blinking") is True
    assert "urgently" in item.accessibleName()
    view.composer.setPlainText("Désolé pour l'attente")
    view.send_button.click()
    h.wait_until(lambda: indicator.property("level") == "idle")
    assert indicator.property("blinking") is False
    # the contact writes again: the wait starts over, green
    h.customers.say(iid, "Merci")
    h.wait_until(lambda: indicator.property("level") == "green")
    view.end_button.click()
    h.wait_until(lambda: indicator.property("level") == "idle")


def test_taskbar_flashes_only_while_inactive_and_pending(
    start: StartHarness, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    alerts: list[tuple[QWidget, int]] = []
    monkeypatch.setattr(QApplication, "alert", lambda w, ms=0: alerts.append((w, ms)))
    h = start()
    h.window.activateWindow()
    h.wait_until(h.window.isActiveWindow)
    iid = h.customers.start_chat("Marie", "Bonjour")
    view = h.accept(iid)
    assert view.pending.property("level") == "green"
    view.composer.setPlainText("Bonjour !")
    view.send_button.click()
    h.wait_until(lambda: view.pending.property("level") == "idle")
    h.customers.say(iid, "Question while the window is active")
    h.wait_until(lambda: view.pending.property("level") == "green")
    assert alerts == []
    other = QWidget()
    qtbot.addWidget(other)
    other.show()
    other.activateWindow()
    h.wait_until(lambda: not h.window.isActiveWindow())
    h.wait_until(lambda: alerts == [(h.window, 0)])
    # back to the window: the next pending reply while inactive flashes again
    view.composer.setPlainText("Voilà")
    view.send_button.click()
    h.window.activateWindow()
    h.wait_until(h.window.isActiveWindow)
    other.activateWindow()
    h.wait_until(lambda: not h.window.isActiveWindow())
    assert len(alerts) == 1  # nothing pending: no flash
    h.customers.say(iid, "Encore une question")
    h.wait_until(lambda: len(alerts) == 2)


def test_taskbar_flash_can_be_turned_off(
    start: StartHarness, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    alerts: list[object] = []
    monkeypatch.setattr(QApplication, "alert", lambda w, ms=0: alerts.append(w))
    h = start(settings={"chat": {"flash_taskbar": False, "notification_sound": False}})
    other = QWidget()
    qtbot.addWidget(other)
    iid = h.customers.start_chat("Marie", "Bonjour")
    view = h.accept(iid)
    other.show()
    other.activateWindow()
    h.wait_until(lambda: not h.window.isActiveWindow())
    h.customers.say(iid, "Hello?")
    h.wait_until(lambda: view.pending.property("level") == "green")
    qtbot.wait(50)  # let any (wrong) alert be delivered before asserting none came
    assert alerts == []


def test_hover_preview_shows_elapsed_time_and_last_lines(h: AppHarness) -> None:
    iid = h.customers.start_chat("Marie", "Line 1")
    view = h.accept(iid)
    for text in ("Line 2", "Line 3", "Line 4"):
        h.customers.say(iid, text)
    h.wait_until(lambda: len(transcript_texts(view)) == 4)
    item = bar_items(h)[0]
    QApplication.sendEvent(item, QEnterEvent(QPointF(5, 5), QPointF(5, 5), QPointF(5, 5)))
    preview = child(h.window, QWidget, "interactionPreview")
    h.wait_until(preview.isVisible)
    shown = " | ".join(label.text() for label in preview.findChildren(QLabel) if label.isVisible())
    assert "0:0" in shown  # m:ss
    assert "Line 2" in shown and "Line 3" in shown and "Line 4" in shown
    assert "Line 1" not in shown
    QApplication.sendEvent(
        item,
        __import__("PySide6.QtCore").QtCore.QEvent(
            __import__("PySide6.QtCore").QtCore.QEvent.Type.Leave
        ),
    )
    h.wait_until(lambda: not preview.isVisible())


def test_end_then_mark_done_closes_the_interaction(h: AppHarness) -> None:
    iid = h.customers.start_chat("Marie", "Bonjour")
    view = h.accept(iid)
    end = child(view, QPushButton, "endChatButton")
    done = child(view, QPushButton, "markDoneButton")
    assert end.isEnabled() and not done.isEnabled()
    end.click()
    h.wait_until(done.isEnabled)
    assert not end.isEnabled()
    # with asynchronous chat (the demo backend), writing in the ended chat reactivates it
    session = h.window.session
    assert session is not None
    assert view.composer.isEnabled() is session.backend.has(Capability.ASYNC_CHAT)
    customer = view.record.customer_party()
    assert customer is not None and customer.state is PartyState.LEFT
    done.click()
    h.wait_until(lambda: h.chat_view(iid) is None)
    assert bar_items(h) == []
    assert h.window.store.get(iid) is None


def test_contact_leaving_ends_the_chat(h: AppHarness) -> None:
    iid = h.customers.start_chat("Marie", "Bonjour")
    view = h.accept(iid)
    h.customers.leave(iid)
    h.wait_until(view.done_button.isEnabled)
    party_model = view.party_list.model()
    states = [
        party_model.index(r, 0).data(Qt.ItemDataRole.ToolTipRole)
        for r in range(party_model.rowCount())
    ]
    assert any("Marie" in s and "Left" in s for s in states)


def test_offer_withdrawn_when_contact_leaves_first(h: AppHarness) -> None:
    iid = h.customers.start_chat("Marie", "Bonjour")
    h.wait_until(lambda: h.toast() is not None)
    h.customers.leave(iid)
    h.wait_until(lambda: h.toast() is None)
    assert h.chat_view(iid) is None


def test_auto_answer_skips_the_notification(start: StartHarness) -> None:
    h = start(settings={"chat": {"auto_answer": True, "notification_sound": False}})
    iid = h.customers.start_chat("Marie", "Bonjour", channel="whatsapp")
    h.wait_until(lambda: h.chat_view(iid) is not None)
    assert h.toast() is None


def test_not_ready_queues_until_ready(start: StartHarness) -> None:
    h = start(ready=False)
    ready = child(h.window, QPushButton, "readyButton")
    assert not ready.isChecked()
    iid = h.customers.start_chat("Marie", "Bonjour")
    for _ in range(5):
        QApplication.processEvents()
    assert h.toast() is None
    ready.click()
    h.wait_until(ready.isChecked)
    h.wait_until(
        lambda: (t := h.toast()) is not None and t.current is not None and t.current.id == iid
    )
    ready.click()
    h.wait_until(lambda: not ready.isChecked())


def test_three_chats_on_three_channels(h: AppHarness, qtbot: QtBot) -> None:
    ids = [
        h.customers.start_chat("Marie Dupont", "Bonjour", channel="webchat"),
        h.customers.start_chat("John Smith", "Hi", channel="whatsapp"),
        h.customers.start_chat("Léa Martin", "Salut", channel="sms"),
    ]
    views = [h.accept(iid) for iid in ids]
    assert [i.property("interactionId") for i in bar_items(h)] == ids
    assert h.window.current_view() is views[2]
    QTest.keyClick(h.window, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    h.wait_until(lambda: h.window.current_view() is views[0])
    bar_items(h)[1].click()
    assert h.window.current_view() is views[1]
    for iid, view in zip(ids, views, strict=True):
        view.composer.setPlainText(f"Reply to {iid}")
        view.send_button.click()
    h.wait_until(lambda: all(h.customers.received(i) == [f"Reply to {i}"] for i in ids))


def test_incoming_chat_plays_a_sound_unless_turned_off(
    start: StartHarness, monkeypatch: pytest.MonkeyPatch
) -> None:
    from agent_desktop.ui import sound

    played: list[bool] = []
    monkeypatch.setattr(sound, "play_incoming", lambda: played.append(True))
    h = start(settings={"chat": {"notification_sound": True}})
    h.customers.start_chat("Marie", "Bonjour")
    h.wait_until(lambda: h.toast() is not None)
    assert played == [True]
    quiet = start(settings={"chat": {"notification_sound": False}})
    quiet.customers.start_chat("Paul", "Hello")
    quiet.wait_until(lambda: quiet.toast() is not None)
    assert played == [True]
