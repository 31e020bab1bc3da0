"""Drafts: the composer's unsent text of every chat is saved and restored after a restart."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from agent_desktop.services.drafts import DraftKeeper
from agent_desktop.services.state_store import StateDatabase
from agent_desktop.testing import AppHarness
from tests.ui.conftest import StartHarness

RESUME: dict[str, Any] = {
    "chat": {"notification_sound": False},
    "backends": {"demo": {"resume_active_chats": True}},
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


def test_a_chat_that_leaves_the_desk_forgets_its_draft(h: AppHarness) -> None:
    iid = h.customers.start_chat("Marie", "Bonjour")
    view = h.accept(iid)
    QTest.keyClicks(view.composer, "Au revoir")
    h.wait_until(lambda: drafts_on_disk(h) == {iid: "Au revoir"})
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
