"""Standard responses, spell check, receipts, limits, reply window, date separators, zoom,
idle contacts, drafts and the command palette, driven through the harness."""

from __future__ import annotations

import json
import time
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QPushButton,
    QWidget,
)

from agent_desktop.core import events as ev
from agent_desktop.core.models import Message
from agent_desktop.core.standard_responses import StandardResponse, dump_response_file
from agent_desktop.core.types import PartyRole
from agent_desktop.services.state_store import StateDatabase
from agent_desktop.testing import AppHarness, child
from agent_desktop.ui.chat_view import ChatView
from agent_desktop.ui.command_palette import CommandPalette
from agent_desktop.ui.productivity import ProductivityController
from agent_desktop.ui.spell_check import ComposerSpelling
from agent_desktop.ui.standard_responses_popup import StandardResponsePopup
from agent_desktop.ui.transcript_model import Roles
from tests.ui.conftest import CheckModel, StartHarness


def productivity(h: AppHarness) -> ProductivityController:
    return h.desktop.productivity


def open_chat(h: AppHarness, name: str = "Marie Dupont", channel: str = "webchat") -> ChatView:
    iid = h.customers.start_chat(name, "Bonjour", channel=channel)
    view = h.accept(iid)
    h.wait_until(lambda: view.model.rowCount() == 1)
    return view


def responses_popup(view: ChatView) -> StandardResponsePopup:
    return child(view, StandardResponsePopup, "standardResponses")


# standard responses ---------------------------------------------------------------------
def test_shortcut_opens_the_responses_and_enter_inserts_with_fields(
    h: AppHarness, check_model: CheckModel
) -> None:
    view = open_chat(h)
    h.wait_until(lambda: h.desktop.responses.is_loaded)
    view.composer.setFocus()
    QTest.keyClick(
        h.window,
        Qt.Key.Key_S,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    popup = responses_popup(view)
    assert popup.isVisible()
    search = child(popup, QLineEdit, "standardResponseSearch")
    listing = child(popup, QListView, "standardResponseList")
    check_model(listing.model())
    assert listing.model().rowCount() == 16
    QTest.keyClicks(search, "welcome")
    assert [listing.model().index(r, 0).data() for r in range(listing.model().rowCount())] == [
        "Welcome"
    ]
    QTest.keyClick(search, Qt.Key.Key_Return)
    assert not popup.isVisible()
    assert view.composer.toPlainText() == (
        "Hello Marie, I am Alex Martin. How can I help you today?"
    )
    check_model(listing.model())


def test_slash_in_the_composer_filters_enter_inserts_escape_cancels(h: AppHarness) -> None:
    view = open_chat(h)
    h.wait_until(lambda: h.desktop.responses.is_loaded)
    view.composer.setFocus()
    QTest.keyClicks(view.composer, "/toujo")
    popup = responses_popup(view)
    assert popup.isVisible()
    assert view.composer.hasFocus()  # the agent keeps typing in the composer
    listing = child(popup, QListView, "standardResponseList")
    assert listing.model().rowCount() == 1
    QTest.keyClick(view.composer, Qt.Key.Key_Return)
    assert view.composer.toPlainText() == "Êtes-vous toujours là, Marie ?"
    assert not popup.isVisible()
    assert h.customers.received(view.record.id) == []  # inserted, not sent

    view.composer.clear()
    QTest.keyClicks(view.composer, "/refund")
    assert popup.isVisible()
    QTest.keyClick(view.composer, Qt.Key.Key_Escape)
    assert not popup.isVisible()
    assert view.composer.toPlainText() == "/refund"
    QTest.keyClick(view.composer, Qt.Key.Key_Return)  # now it is a message again
    h.wait_until(lambda: h.customers.received(view.record.id) == ["/refund"])


def test_categories_filter_the_list(h: AppHarness) -> None:
    open_chat(h)
    h.wait_until(lambda: h.desktop.responses.is_loaded)
    popup = productivity(h).open_responses()
    assert popup is not None
    popup.category.setCurrentIndex(popup.category.findData("Orders"))
    titles = [popup.model.index(r, 0).data() for r in range(popup.model.rowCount())]
    assert titles == ["Ask for the order number", "Delivery delay", "Refund started"]


def test_administrator_file_and_unknown_codes(start: StartHarness, tmp_path: Path) -> None:
    config = tmp_path / "profile" / "config"
    config.mkdir(parents=True)
    (config / "standard_responses.json").write_text(
        dump_response_file(
            [StandardResponse(id="x", title="Ticket", text="Ticket {ticket.id} for {contact.name}")]
        ),
        encoding="utf-8",
    )
    h = start()
    view = open_chat(h)
    h.wait_until(lambda: h.desktop.responses.is_loaded)
    popup = productivity(h).open_responses()
    assert popup is not None
    assert popup.model.index(0, 0).data() == "Ticket"  # the administrator's first
    QTest.keyClicks(popup.search, "ticket")
    QTest.keyClick(popup.search, Qt.Key.Key_Return)
    assert view.composer.toPlainText() == "Ticket {ticket.id} for Marie Dupont"
    assert h.window.banner.isVisible()
    assert "{ticket.id}" in h.window.banner.label.text()


def test_a_bad_responses_file_is_set_aside_with_a_notice(
    start: StartHarness, tmp_path: Path
) -> None:
    config = tmp_path / "profile" / "config"
    config.mkdir(parents=True)
    (config / "standard_responses.json").write_text('{"responses": 3}', encoding="utf-8")
    h = start()
    h.wait_until(lambda: h.desktop.responses.is_loaded)
    assert (config / "standard_responses.json.bad").exists()
    assert "standard_responses.json.bad" in h.window.banner.label.text()
    assert len(h.desktop.responses.library) == 16  # the backend's still come


# spell check ----------------------------------------------------------------------------
def test_spell_check_underlines_and_suggests(h: AppHarness) -> None:
    view = open_chat(h)
    service = h.desktop.spelling
    h.wait_until(lambda: service.speller is not None, timeout=15)
    assert service.language == "en"  # the UI language
    view.composer.setPlainText("Helo there")
    spelling = view.findChild(ComposerSpelling)
    assert spelling is not None
    h.wait_until(lambda: bool(view.composer.document().firstBlock().layout().formats()))
    ranges = view.composer.document().firstBlock().layout().formats()
    assert [(r.start, r.length) for r in ranges] == [(0, 4)]
    point = view.composer.cursorRect(view.composer.document().find("Helo")).center()
    menu = spelling.build_menu(point)
    suggestions = [a for a in menu.actions() if a.objectName() == "spellSuggestion"]
    assert "Hello" in [a.text() for a in suggestions]
    next(a for a in suggestions if a.text() == "Hello").trigger()
    assert view.composer.toPlainText() == "Hello there"
    menu.deleteLater()


def test_add_to_dictionary_is_remembered_and_language_switches(h: AppHarness) -> None:
    view = open_chat(h)
    service = h.desktop.spelling
    h.wait_until(lambda: service.speller is not None, timeout=15)
    view.composer.setPlainText("Zorglub")
    spelling = view.findChild(ComposerSpelling)
    assert spelling is not None
    menu = spelling.build_menu(view.composer.cursorRect().center())
    next(a for a in menu.actions() if a.objectName() == "spellAddWord").trigger()
    assert service.speller is not None and service.speller.is_known("Zorglub")
    h.wait_until(lambda: not view.composer.document().firstBlock().layout().formats())
    assert json.loads(h.desktop.local_state.preferences["spelling.words.en"]) == ["zorglub"]
    language_menu = child(menu, QMenu, "spellLanguageMenu")
    next(a for a in language_menu.actions() if a.objectName() == "spellLanguage_fr").trigger()
    assert h.settings.spelling.language == "fr"
    h.wait_until(lambda: service.speller is not None and service.speller.language == "fr", 15)
    menu.deleteLater()


# delivery ---------------------------------------------------------------------------------
def test_receipts_move_messages_to_delivered_then_read(h: AppHarness) -> None:
    view = open_chat(h, channel="whatsapp")
    view.composer.setPlainText("Hello")
    view.send_button.click()
    row = view.model.index(1, 0)
    h.wait_until(lambda: row.data(Roles.DELIVERY) == "delivered")
    h.wait_until(lambda: row.data(Roles.DELIVERY) == "read")
    status, _ = view.delegate._status(row)
    assert "Read" in status


def test_sms_is_delivered_but_never_read(h: AppHarness) -> None:
    view = open_chat(h, channel="sms")
    view.composer.setPlainText("Hello")
    view.send_button.click()
    row = view.model.index(1, 0)
    h.wait_until(lambda: row.data(Roles.DELIVERY) == "delivered")
    assert view.delegate._status(row)[0] == "✓✓"
    # a read receipt never comes: the demo's read delay passes with no change
    deadline = time.monotonic() + 1.5 * h.backend.demo_config.read_after_s + 0.5
    h.wait_until(lambda: time.monotonic() > deadline)
    assert row.data(Roles.DELIVERY) == "delivered"


# limits and the reply window --------------------------------------------------------------
def test_sms_counter_counts_segments(h: AppHarness) -> None:
    view = open_chat(h, channel="sms")
    counter = child(view, QLabel, "lengthCounter")
    assert counter.isHidden()
    view.composer.setPlainText("a" * 150)
    assert counter.isVisible() and counter.text() == "10/160 · 1 SMS"
    view.composer.setPlainText("a" * 161)
    assert counter.text() == "145/153 · 2 SMS"
    view.composer.setPlainText("ç" * 10)
    assert counter.text() == "60/70 · 1 SMS · Unicode"
    assert view.send_button.isEnabled()


def test_too_long_for_messenger_cannot_be_sent(h: AppHarness) -> None:
    view = open_chat(h, channel="messenger")
    counter = child(view, QLabel, "lengthCounter")
    view.composer.setPlainText("a" * 1700)
    assert counter.isVisible() and counter.text() == "1700 / 2000"
    assert view.send_button.isEnabled()
    view.composer.setPlainText("a" * 2001)
    assert not view.send_button.isEnabled()
    assert counter.property("over") is True
    view.composer.setFocus()
    QTest.keyClick(view.composer, Qt.Key.Key_Return)
    assert view.composer.toPlainText() == "a" * 2001  # kept, not sent
    assert view.model.rowCount() == 1


def test_webchat_limit_follows_the_setting(start: StartHarness) -> None:
    h = start({"chat": {"notification_sound": False, "webchat_max_length": 10}})
    view = open_chat(h)
    view.composer.setPlainText("a" * 11)
    assert not view.send_button.isEnabled()
    view.composer.setPlainText("a" * 10)
    assert view.send_button.isEnabled()


def test_whatsapp_window_closes_after_24_hours(h: AppHarness) -> None:
    view = open_chat(h, channel="whatsapp")
    notice = child(view, QLabel, "replyWindowNotice")
    view.composer.setPlainText("Hello")
    assert view.send_button.isEnabled() and notice.isHidden()
    controller = productivity(h)
    controller.clock = lambda: time.time() + 20.5 * 3600
    controller.tick()
    assert notice.isVisible() and "closes in 3 h" in notice.text()
    controller.clock = lambda: time.time() + 25 * 3600
    controller.tick()
    assert notice.isVisible() and "24 hours" in notice.text()
    assert not view.send_button.isEnabled()
    assert notice.text() in view.send_button.toolTip()
    view.composer.setFocus()
    QTest.keyClick(view.composer, Qt.Key.Key_Return)
    assert view.model.rowCount() == 1  # not sent
    controller.clock = time.time
    controller.tick()
    assert notice.isHidden() and view.send_button.isEnabled()


# transcript: date separators and zoom -------------------------------------------------------
def test_date_separators(h: AppHarness) -> None:
    iid = h.customers.start_chat("Marie", None)
    view = h.accept(iid)
    session = h.desktop.session
    assert session is not None
    yesterday = time.time() - 86400

    def message(mid: str, when: float) -> ev.MessageReceived:
        return ev.MessageReceived(
            message=Message(
                id=mid,
                interaction_id=iid,
                author_id="c",
                author_name="Marie",
                author_role=PartyRole.CUSTOMER,
                text=mid,
                time=when,
            )
        )

    session.apply(message("old", yesterday))
    session.apply(message("older-same-day", yesterday + 1))
    session.apply(message("new", time.time()))
    rows = [view.model.index(r, 0) for r in range(3)]
    assert [view.delegate.day_label(r) for r in rows] == ["Yesterday", None, "Today"]
    first, second = (view.transcript.visualRect(r).height() for r in rows[:2])
    assert first > second  # the separator takes room


# transcript zoom: tests/ui/test_accessibility.py (the main window owns it)


# idle contact -------------------------------------------------------------------------------
def test_idle_contact_notice_and_still_there_reply(start: StartHarness) -> None:
    h = start({"chat": {"notification_sound": False, "idle_contact_s": 0.3}})
    view = open_chat(h)
    notice = child(view, QWidget, "idleNotice")
    assert notice.isHidden()
    view.composer.setPlainText("Let me check.")
    view.send_button.click()
    item = h.window.bar.items[view.record.id]
    h.wait_until(notice.isVisible)
    assert item.property("idleText") == "idle"
    child(view, QPushButton, "stillThereButton").click()
    h.wait_until(
        lambda: (
            h.customers.received(view.record.id) == ["Let me check.", "Are you still there, Marie?"]
        )
    )
    assert notice.isHidden()
    h.customers.say(view.record.id, "Yes!")
    h.wait_until(lambda: view.model.rowCount() == 4)
    productivity(h).tick()
    assert notice.isHidden() and not item.property("idleText")


# drafts ---------------------------------------------------------------------------------
def test_drafts_are_saved_restored_and_cleared(h: AppHarness, tmp_path: Path) -> None:
    state = h.desktop.local_state
    h.wait_until(lambda: state.is_loaded)
    first = open_chat(h, "Anne")
    QTest.keyClicks(first.composer, "Half a thought")
    h.wait_until(lambda: state.drafts.get(first.record.id) == "Half a thought")
    # restored into a new view of an interaction that has one (as after a restart)
    iid = h.customers.start_chat("Bob", "Hi")
    state.set_draft(iid, "Kept from before")
    second = h.accept(iid)
    assert second.composer.toPlainText() == "Kept from before"
    h.window.show_interaction(first.record.id)
    assert first.composer.toPlainText() == "Half a thought"
    second.composer.clear()
    QTest.keyClicks(second.composer, "x")
    QTest.keyClick(second.composer, Qt.Key.Key_Return)
    h.wait_until(lambda: iid not in state.drafts)

    def stored() -> dict[str, str]:
        database = StateDatabase(tmp_path / "profile" / "data" / "state.sqlite3")
        database.open()
        try:
            return database.drafts()
        finally:
            database.close()

    h.wait_until(lambda: stored() == {first.record.id: "Half a thought"})


# command palette --------------------------------------------------------------------------
def test_command_palette_lists_and_runs_actions(h: AppHarness, check_model: CheckModel) -> None:
    view = open_chat(h)
    QTest.keyClick(h.window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    palette = child(h.window, CommandPalette, "commandPalette")
    assert palette.isVisible()
    listing = child(palette, QListView, "commandList")
    check_model(listing.model())
    keys = {
        palette.model.index(r, 0).data(Qt.ItemDataRole.UserRole)
        for r in range(palette.model.rowCount())
    }
    assert {
        "send",
        "end",
        "done",
        "transfer",
        "conference",
        "consult",
        "emoji",
        "push_url",
        "standard_responses",
        "next_interaction",
        "previous_interaction",
        "ready",
        "settings",
    } <= keys
    end_row = next(
        r
        for r in range(palette.model.rowCount())
        if palette.model.index(r, 0).data(Qt.ItemDataRole.UserRole) == "end"
    )
    assert palette.model.index(end_row, 0).data(Qt.ItemDataRole.UserRole + 1) == "Ctrl+Shift+E"
    # "done" is not possible in a live chat
    done_row = next(
        r
        for r in range(palette.model.rowCount())
        if palette.model.index(r, 0).data(Qt.ItemDataRole.UserRole) == "done"
    )
    assert not palette.model.flags(palette.model.index(done_row, 0))
    transfer_row = next(
        r
        for r in range(palette.model.rowCount())
        if palette.model.index(r, 0).data(Qt.ItemDataRole.UserRole) == "transfer"
    )
    assert palette.model.flags(palette.model.index(transfer_row, 0))
    search = child(palette, QLineEdit, "commandSearch")
    QTest.keyClicks(search, "end the")
    assert palette.model.rowCount() == 1
    QTest.keyClick(search, Qt.Key.Key_Return)
    assert not palette.isVisible()
    h.wait_until(lambda: not view.end_button.isEnabled() and view.done_button.isEnabled())
    check_model(listing.model())


def test_palette_escape_closes_and_opens_responses(h: AppHarness) -> None:
    view = open_chat(h)
    palette = productivity(h).open_palette()
    QTest.keyClick(palette.search, Qt.Key.Key_Escape)
    assert not palette.isVisible()
    palette = productivity(h).open_palette()
    QTest.keyClicks(palette.search, "standard resp")
    QTest.keyClick(palette.search, Qt.Key.Key_Return)
    assert responses_popup(view).isVisible()
