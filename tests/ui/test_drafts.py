"""Drafts: the unsent text of every composer (chats, their consultations and Conversation
tabs, the Communication view) is saved and restored after a restart."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPlainTextEdit

from agent_desktop.services.drafts import DraftKeeper, conversation_key
from agent_desktop.services.state_store import StateDatabase
from agent_desktop.testing import AppHarness, child
from agent_desktop.ui.chat_view import ChatView
from tests.ui.conftest import StartHarness
from tests.ui.test_conversations import open_conversation_tab
from tests.ui.test_interaction_actions import CLAIRE, choose, consultation

RESUME: dict[str, Any] = {
    "chat": {"notification_sound": False},
    "backends": {
        "demo": {"resume_active_chats": True, "colleague_answer_s": 0.05},
    },
}


def drafts_on_disk(h: AppHarness) -> dict[str, str]:
    h.run(h.desktop.local_state.flush())
    database = StateDatabase(h.desktop.paths.state_db)
    database.open()
    try:
        return database.drafts()
    finally:
        database.close()


def test_drafts_of_every_open_chat_come_back_after_a_restart(start: StartHarness) -> None:
    h = start(settings=RESUME)
    first = h.customers.start_chat("Marie", "Bonjour")
    second = h.customers.start_chat("Paul", "Hello")
    h.accept(first)
    h.accept(second)
    QTest.keyClicks(h.window.views[first].composer, "Je verifie votre")
    QTest.keyClicks(h.window.views[second].composer, "One moment")
    h.close()  # exits before the debounce delay: shutdown saves what is pending

    again = start(settings=RESUME)
    again.wait_until(lambda: first in again.window.views and second in again.window.views)
    again.wait_until(lambda: again.window.views[first].composer.toPlainText() == "Je verifie votre")
    assert again.window.views[second].composer.toPlainText() == "One moment"
    assert again.window.views[second].send_button.isEnabled()
    # putting the draft back is not the agent typing
    assert not again.customers.agent_typing(first)


def test_a_draft_is_saved_shortly_after_typing_and_forgotten_when_sent(h: AppHarness) -> None:
    iid = h.customers.start_chat("Marie", "Bonjour")
    view = h.accept(iid)
    QTest.keyClicks(view.composer, "Bonjour Marie")
    h.wait_until(lambda: drafts_on_disk(h) == {iid: "Bonjour Marie"})
    QTest.keyClick(view.composer, Qt.Key.Key_Return)
    h.wait_until(lambda: h.customers.received(iid) == ["Bonjour Marie"])
    h.wait_until(lambda: drafts_on_disk(h) == {})


def test_a_chat_that_leaves_the_desk_forgets_its_drafts(h: AppHarness) -> None:
    iid = h.customers.start_chat("Marie", "Bonjour")
    view = h.accept(iid)
    QTest.keyClicks(view.composer, "Au revoir")
    panel = open_conversation_tab(h, view)
    QTest.keyClicks(panel.composer, "Pour la suite")
    h.wait_until(
        lambda: drafts_on_disk(h) == {iid: "Au revoir", conversation_key(iid): "Pour la suite"}
    )
    view.show_chat_page()
    view.end_button.click()
    h.wait_until(view.done_button.isEnabled)
    view.done_button.click()
    h.wait_until(lambda: iid not in h.window.views)
    h.wait_until(lambda: drafts_on_disk(h) == {})


def test_a_draft_read_after_the_view_exists_is_restored_then(h: AppHarness) -> None:
    iid = h.customers.start_chat("Marie", "Bonjour")
    view = h.accept(iid)
    keeper = h.desktop.drafts
    assert isinstance(keeper, DraftKeeper)
    # as if the state had not been read yet when the view asked for its draft
    h.desktop.local_state.is_loaded = False
    assert keeper.draft(iid) == ""
    h.desktop.local_state.drafts[iid] = "Texte lu plus tard"
    h.desktop.local_state.is_loaded = True
    h.desktop.local_state.loaded.emit()
    assert view.composer.toPlainText() == "Texte lu plus tard"
    assert not h.customers.agent_typing(iid)


def consultation_composer(h: AppHarness, view: ChatView) -> QPlainTextEdit:
    choose(h, view, "consultButton", CLAIRE)
    composer = child(consultation(h, view), QPlainTextEdit, "composer")
    h.wait_until(composer.isEnabled)
    return composer


def communication_composer(h: AppHarness, contact_id: str) -> QPlainTextEdit:
    connect = h.window.connect_area
    assert connect is not None
    connect.show(contact_id)
    h.wait_until(lambda: h.window.findChild(QPlainTextEdit, "contactComposer") is not None)
    return child(h.window, QPlainTextEdit, "contactComposer")


def test_consultation_conversation_and_communication_drafts_come_back_after_a_restart(
    start: StartHarness,
) -> None:
    h = start(settings=RESUME)
    iid = h.customers.start_chat("Marie", "Bonjour")
    view = h.accept(iid)
    contact_id = view.record.contact.id
    QTest.keyClicks(consultation_composer(h, view), "Claire, tu connais Marie ?")
    QTest.keyClicks(open_conversation_tab(h, view).composer, "Suite de notre echange")
    QTest.keyClicks(communication_composer(h, contact_id), "Message pour plus tard")
    h.close()  # before the debounce delay: shutdown saves what is pending

    again = start(settings=RESUME)
    again.wait_until(lambda: iid in again.window.views)
    view = again.window.views[iid]
    panel = open_conversation_tab(again, view)
    again.wait_until(lambda: panel.composer.toPlainText() == "Suite de notre echange")
    view.show_chat_page()
    # the consultation itself did not outlive the restart: the next one gets its draft
    composer = consultation_composer(again, view)
    assert composer.toPlainText() == "Claire, tu connais Marie ?"
    assert communication_composer(again, contact_id).toPlainText() == "Message pour plus tard"
    assert not again.customers.agent_typing(iid)


def test_saved_tells_when_a_typed_draft_is_on_disk(h: AppHarness) -> None:
    """The debounce writes the draft without any flush; ``saved`` says when it is there."""
    iid = h.customers.start_chat("Marie", "Bonjour")
    view = h.accept(iid)
    keeper = h.desktop.drafts
    assert isinstance(keeper, DraftKeeper)
    with h.qtbot.waitSignal(keeper.saved, timeout=5_000) as saved:
        QTest.keyClicks(view.composer, "Je regarde")
    assert saved.args == [iid]
    database = StateDatabase(h.desktop.paths.state_db)  # read beside the app, no flush
    database.open()
    try:
        assert database.drafts() == {iid: "Je regarde"}
    finally:
        database.close()
