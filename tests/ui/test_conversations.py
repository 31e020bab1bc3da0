"""Asynchronous conversations through the harness: the Conversation tab, the Communication
tab, reactivation, offline delivery, channel priority, search, images and paging."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QToolButton,
    QWidget,
)
from pytestqt.modeltest import ModelTester

from agent_desktop.backends.demo import conversation_store as cs
from agent_desktop.core.images import MAX_IMAGE_BYTES
from agent_desktop.core.models import Contact, Message
from agent_desktop.core.types import Channel, InteractionState, PartyRole
from agent_desktop.testing import AppHarness, child
from agent_desktop.ui.chat_view import ChatView
from agent_desktop.ui.communication_view import CommunicationView
from agent_desktop.ui.contact_list import ContactRoles
from agent_desktop.ui.conversation_delegate import ConversationDelegate
from agent_desktop.ui.conversation_model import ConversationModel, ConversationRoles
from agent_desktop.ui.conversation_panel import ConversationPanel
from agent_desktop.ui.emoji_picker import EmojiPicker
from agent_desktop.ui.reply_notification import ReplyNotification
from tests.ui.conftest import StartHarness


def check_model(tester: ModelTester, model: object) -> None:
    tester.check(model)  # type: ignore[no-untyped-call]


def rows(view: QListView) -> list[str]:
    model = view.model()
    return [str(model.index(r, 0).data()) for r in range(model.rowCount())]


def message_rows(view: QListView) -> list[str]:
    model = view.model()
    return [
        str(model.index(r, 0).data())
        for r in range(model.rowCount())
        if model.index(r, 0).data(ConversationRoles.KIND) == "message"
    ]


def conversation_panel(view: ChatView) -> ConversationPanel:
    panel = view.conversation_page
    assert isinstance(panel, ConversationPanel)
    return panel


def open_conversation_tab(h: AppHarness, view: ChatView) -> ConversationPanel:
    tab = child(view, QToolButton, "conversationTab")
    assert tab.isVisible()
    tab.click()
    panel = conversation_panel(view)
    assert panel.isVisible()
    h.wait_until(lambda: not panel.feed.loading and len(panel.feed) > 0)
    return panel


def communication(h: AppHarness) -> CommunicationView:
    return child(h.window, CommunicationView, "communicationView")


def open_contact(h: AppHarness, name: str) -> CommunicationView:
    child(h.window, QToolButton, "communicationTab").click()
    view = communication(h)
    h.wait_until(view.isVisible)
    search = child(view, QLineEdit, "contactSearch")
    search.setText(name)
    contacts = child(view, QListView, "contactList")
    h.wait_until(lambda: rows(contacts) == [name])
    contacts.setCurrentIndex(contacts.model().index(0, 0))
    h.wait_until(lambda: view.panel is not None and view.panel.isVisible())
    return view


def ended_chat(h: AppHarness, name: str, text: str, reply: str) -> tuple[str, ChatView]:
    iid = h.customers.start_chat(name, text)
    view = h.accept(iid)
    view.composer.setPlainText(reply)
    view.send_button.click()
    h.wait_until(lambda: h.customers.received(iid) == [reply])
    h.customers.leave(iid)
    h.wait_until(lambda: view.record.state is InteractionState.ENDED)
    return iid, view


def png_file(path: Path, width: int = 24, height: int = 16) -> Path:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#2a7ae2"))
    assert image.save(str(path))
    return path


# Conversation tab ------------------------------------------------------------------------
def test_conversation_tab_holds_every_interaction_with_separators(
    h: AppHarness, qtmodeltester: ModelTester
) -> None:
    first, first_view = ended_chat(h, "Marie Dupont", "Bonjour", "Je regarde")
    first_view.done_button.click()
    h.wait_until(lambda: h.chat_view(first) is None)
    second = h.customers.start_chat("Marie Dupont", "Re-bonjour", channel="webchat")
    view = h.accept(second)
    assert child(view, QListView, "transcript") is view.transcript  # the live one first
    panel = open_conversation_tab(h, view)
    h.wait_until(lambda: message_rows(panel.transcript) == ["Bonjour", "Je regarde", "Re-bonjour"])
    model = panel.transcript.model()
    assert isinstance(model, ConversationModel)
    kinds = [model.index(r, 0).data(ConversationRoles.KIND) for r in range(model.rowCount())]
    assert kinds == ["separator", "message", "message", "separator", "message"]
    h.wait_until(lambda: "Alex Martin" in rows(panel.transcript)[0])
    assert "Web chat" in rows(panel.transcript)[0]
    # the live chat and the tab stay in step
    view.show_chat_page()
    view.composer.setPlainText("Rebonjour Marie")
    view.send_button.click()
    h.wait_until(lambda: message_rows(panel.transcript)[-1] == "Rebonjour Marie")
    assert message_rows(panel.transcript).count("Rebonjour Marie") == 1
    h.wait_until(lambda: h.customers.received(second) == ["Rebonjour Marie"])
    h.customers.say(second, "Merci")
    h.wait_until(lambda: message_rows(panel.transcript)[-1] == "Merci")
    check_model(qtmodeltester, model)
    # refresh reloads from the backend, same content
    child(panel, QToolButton, "conversationRefreshButton").click()
    h.wait_until(
        lambda: (
            message_rows(panel.transcript)
            == ["Bonjour", "Je regarde", "Re-bonjour", "Rebonjour Marie", "Merci"]
        )
    )


def test_writing_in_an_ended_chat_reactivates_it(h: AppHarness) -> None:
    iid, view = ended_chat(h, "Marie Dupont", "Bonjour", "Un instant")
    assert view.composer.isEnabled()
    assert "continue" in view.composer.placeholderText()
    assert not h.customers.is_connected("Marie Dupont")
    view.composer.setFocus()
    QTest.keyClicks(view.composer, "Votre colis est parti")
    QTest.keyClick(view.composer, Qt.Key.Key_Return)
    h.wait_until(lambda: view.record.state is InteractionState.ACTIVE)
    assert view.end_button.isEnabled() and not view.done_button.isEnabled()
    # stored for the contact, who is away: delivered when they come back
    h.wait_until(lambda: view.record.transcript[-1].delivery.value == "sent")
    assert h.customers.received(iid) == ["Un instant"]
    h.customers.reconnect("Marie Dupont")
    assert h.customers.received(iid) == ["Un instant", "Votre colis est parti"]
    assert h.customers.received_by("Marie Dupont") == ["Un instant", "Votre colis est parti"]
    h.customers.say(iid, "Super, merci")
    h.wait_until(lambda: view.record.transcript[-1].text == "Super, merci")
    h.wait_until(lambda: view.pending.property("level") != "idle")


def test_ended_views_take_a_slot_when_the_backend_says_so(start: StartHarness) -> None:
    h = start(
        settings={
            "chat": {"notification_sound": False},
            "backends": {"demo": {"max_concurrent_chats": 1, "ended_chats_take_a_slot": True}},
        }
    )
    _iid, view = ended_chat(h, "Marie Dupont", "Bonjour", "Oui ?")
    waiting = h.customers.start_chat("Paul Martin", "Hello")
    QTest.qWait(100)
    assert h.toast() is None  # the ended view still open takes the only slot
    view.done_button.click()
    h.wait_until(
        lambda: (t := h.toast()) is not None and t.current is not None and t.current.id == waiting
    )


# Communication tab -----------------------------------------------------------------------
def test_message_to_an_absent_contact_is_delivered_when_they_reconnect(
    h: AppHarness, qtmodeltester: ModelTester
) -> None:
    _iid, _view = ended_chat(h, "Marie Dupont", "Bonjour", "Je vérifie")
    view = open_contact(h, "Marie Dupont")
    contacts = child(view, QListView, "contactList")
    check_model(qtmodeltester, contacts.model())
    index = contacts.model().index(0, 0)
    assert index.data(ContactRoles.ACTIVE) is False
    transcript = child(view, QListView, "contactTranscript")
    h.wait_until(lambda: message_rows(transcript) == ["Bonjour", "Je vérifie"])
    composer = child(view, QPlainTextEdit, "contactComposer")
    selector = child(view, QComboBox, "channelSelector")
    assert selector.currentData(Qt.ItemDataRole.UserRole) == "webchat"
    composer.setPlainText("Votre remboursement est validé")
    child(view, QToolButton, "contactSendButton").click()
    h.wait_until(lambda: message_rows(transcript)[-1] == "Votre remboursement est validé")
    h.wait_until(
        lambda: (
            transcript.model()
            .index(transcript.model().rowCount() - 1, 0)
            .data(Qt.ItemDataRole.UserRole + 5)
            == "sent"
        )
    )
    assert h.customers.received_by("Marie Dupont") == ["Je vérifie"]
    h.customers.reconnect("Marie Dupont")
    # they see the new and the earlier messages
    assert h.customers.received_by("Marie Dupont") == [
        "Je vérifie",
        "Votre remboursement est validé",
    ]
    assert h.customers.is_connected("Marie Dupont")
    h.wait_until(lambda: contacts.model().index(0, 0).data(ContactRoles.ACTIVE) is True)


def test_reply_notification_opens_the_communication_tab_on_the_contact(h: AppHarness) -> None:
    iid, chat = ended_chat(h, "Marie Dupont", "Bonjour", "Je reviens vers vous")
    chat.done_button.click()
    h.wait_until(lambda: h.chat_view(iid) is None)
    h.customers.send_offline("Marie Dupont", "Alors, des nouvelles ?")
    notice = child(h.window, ReplyNotification, "replyNotification")
    h.wait_until(notice.isVisible)
    assert notice.contact.text() == "Marie Dupont"
    assert "des nouvelles" in notice.message.text()
    tab = child(h.window, QToolButton, "communicationTab")
    assert not tab.isChecked()
    child(communication(h), QToolButton, "privateFilterButton").click()  # left on Private
    child(notice, QPushButton, "showButton").click()
    view = communication(h)
    h.wait_until(lambda: view.isVisible() and tab.isChecked())
    h.wait_until(
        lambda: view.current_contact is not None and view.current_contact.name == "Marie Dupont"
    )
    assert child(view, QToolButton, "allFilterButton").isChecked()  # a reply on any channel
    transcript = child(view, QListView, "contactTranscript")
    h.wait_until(lambda: message_rows(transcript)[-1:] == ["Alors, des nouvelles ?"])
    assert not notice.isVisible()


def test_contact_info_buttons_open_a_full_chat_view(h: AppHarness) -> None:
    iid = h.customers.start_chat("Rémi Garnier", "Bonjour", channel="sms", phone="+33 6 00 00 00")
    h.accept(iid)
    h.customers.leave(iid)
    h.customers.leave(h.customers.start_chat("Rémi Garnier", channel="whatsapp"))
    view = open_contact(h, "Rémi Garnier")
    chat_button = child(view, QPushButton, "startChatButton")
    sms_button = child(view, QPushButton, "startSmsButton")
    whatsapp_button = child(view, QPushButton, "startWhatsAppButton")
    assert not chat_button.isVisible()  # never chatted on the web
    assert sms_button.isVisible() and whatsapp_button.isVisible()
    info = child(view, QWidget, "contactInfo")
    buttons = [b for b in info.findChildren(QPushButton) if b.isVisible()]
    assert [b.objectName() for b in buttons] == ["startSmsButton", "startWhatsAppButton"]
    whatsapp_button.click()
    h.wait_until(lambda: len(h.window.views) == 2)
    new_id = next(i for i in h.window.views if i != iid)
    chat = h.chat_view(new_id)
    assert chat is not None and chat.record.channel is Channel.WHATSAPP
    h.wait_until(lambda: h.window.current_view() is chat)
    assert h.toast() is None
    chat.composer.setPlainText("Bonjour sur WhatsApp")
    chat.send_button.click()
    h.wait_until(lambda: h.customers.received(new_id) == ["Bonjour sur WhatsApp"])


def test_channel_selector_defaults_by_priority_and_sends_on_the_choice(h: AppHarness) -> None:
    h.customers.leave(h.customers.start_chat("David Kim", "Hi", channel="webchat"))
    h.customers.leave(h.customers.start_chat("David Kim", channel="sms", phone="+1 202"))
    # sessions now: WhatsApp and X (both still there)
    h.customers.start_chat("David Kim", channel="whatsapp")
    h.customers.start_chat("David Kim", channel="twitter")
    view = open_contact(h, "David Kim")
    h.wait_until(lambda: view.panel is not None)
    assert view.panel is not None
    selector = child(view.panel, QComboBox, "channelSelector")
    offered = [selector.itemData(i) for i in range(selector.count())]
    assert offered == ["webchat", "twitter", "whatsapp", "sms"]
    assert selector.currentData(Qt.ItemDataRole.UserRole) == "twitter"  # X before WhatsApp
    selector.setCurrentIndex(selector.findData("sms"))
    view.panel.composer.setPlainText("Par SMS")
    view.panel.send_button.click()
    h.wait_until(lambda: "Par SMS" in h.customers.received_by("David Kim"))
    feed = view.panel.feed
    h.wait_until(lambda: feed[len(feed) - 1].channel is Channel.SMS)


def test_channel_selector_of_a_live_web_chat_defaults_to_web_chat(h: AppHarness) -> None:
    h.customers.leave(h.customers.start_chat("Léo Blanc", "Salut", channel="whatsapp"))
    iid = h.customers.start_chat("Léo Blanc", "Re", channel="webchat")
    view = h.accept(iid)
    panel = open_conversation_tab(h, view)
    selector = child(panel, QComboBox, "channelSelector")
    assert [selector.itemData(i) for i in range(selector.count())] == ["webchat", "whatsapp"]
    assert selector.currentData(Qt.ItemDataRole.UserRole) == "webchat"  # no WhatsApp session
    panel.composer.setPlainText("Depuis l'onglet Conversation")
    child(panel, QToolButton, "conversationSendButton").click()
    h.wait_until(lambda: h.customers.received(iid) == ["Depuis l'onglet Conversation"])
    assert view.record.transcript[-1].text == "Depuis l'onglet Conversation"


def test_private_and_public_filters(h: AppHarness, qtmodeltester: ModelTester) -> None:
    h.customers.leave(h.customers.start_chat("Léa Moreau", "Bonjour", channel="messenger"))
    h.customers.leave(h.customers.start_chat("Léa Moreau", "Par SMS", channel="sms", phone="+33"))
    h.customers.leave(h.customers.start_chat("Léa Moreau", "Sur X", channel="twitter"))
    h.customers.leave(h.customers.start_chat("Léa Moreau", "Sur WhatsApp", channel="whatsapp"))
    h.customers.post_public("Léa Moreau", "Merci @acme pour la livraison rapide !")
    view = open_contact(h, "Léa Moreau")
    everything = child(view, QToolButton, "allFilterButton")
    public = child(view, QToolButton, "publicFilterButton")
    private = child(view, QToolButton, "privateFilterButton")
    assert everything.isChecked()  # the default: every conversation
    transcript = child(view, QListView, "contactTranscript")
    every = ["Bonjour", "Par SMS", "Sur X", "Sur WhatsApp"]
    h.wait_until(lambda: message_rows(transcript) == every)
    public.click()
    posts = child(view, QListView, "publicPostList")
    h.wait_until(
        lambda: posts.isVisible() and rows(posts) == ["Merci @acme pour la livraison rapide !"]
    )
    assert not transcript.isVisible()
    check_model(qtmodeltester, posts.model())
    h.customers.post_public("Léa Moreau", "Et le SAV est top", channel="twitter")
    h.wait_until(lambda: rows(posts)[-1] == "Et le SAV est top")
    private.click()
    # web chat, Messenger and X direct messages only: no SMS, no WhatsApp
    h.wait_until(
        lambda: transcript.isVisible() and message_rows(transcript) == ["Bonjour", "Sur X"]
    )
    model = transcript.model()
    check_model(qtmodeltester, model)
    channels = {
        model.index(r, 0).data(ConversationRoles.CHANNEL) for r in range(model.rowCount())
    } - {None}
    assert channels == {"messenger", "twitter"}
    kinds = [model.index(r, 0).data(ConversationRoles.KIND) for r in range(model.rowCount())]
    assert kinds == ["separator", "message", "separator", "message"]
    h.customers.start_chat("Léa Moreau", "Encore un SMS", channel="sms", phone="+33")
    h.customers.start_chat("Léa Moreau", "Re sur X", channel="twitter")
    h.wait_until(lambda: message_rows(transcript)[-1] == "Re sur X")
    assert "Encore un SMS" not in message_rows(transcript)
    everything.click()
    h.wait_until(lambda: message_rows(transcript) == [*every, "Encore un SMS", "Re sur X"])


def test_a_message_sent_off_the_private_channels_is_never_hidden(h: AppHarness) -> None:
    h.customers.leave(h.customers.start_chat("Rémi Garnier", "Bonjour", channel="webchat"))
    h.customers.leave(h.customers.start_chat("Rémi Garnier", channel="sms", phone="+33 6"))
    view = open_contact(h, "Rémi Garnier")
    private = child(view, QToolButton, "privateFilterButton")
    everything = child(view, QToolButton, "allFilterButton")
    transcript = child(view, QListView, "contactTranscript")
    private.click()
    h.wait_until(lambda: message_rows(transcript) == ["Bonjour"])
    assert view.panel is not None
    selector = child(view.panel, QComboBox, "channelSelector")
    selector.setCurrentIndex(selector.findData("webchat"))
    view.panel.composer.setPlainText("Sur le chat")
    view.panel.send_button.click()
    h.wait_until(lambda: message_rows(transcript)[-1] == "Sur le chat")
    assert private.isChecked()  # a private channel: the view stays
    selector.setCurrentIndex(selector.findData("sms"))
    view.panel.composer.setPlainText("Par SMS")
    view.panel.send_button.click()
    # SMS is not private: the view switches to All so the message does not vanish
    assert everything.isChecked() and not private.isChecked()
    h.wait_until(lambda: message_rows(transcript)[-1] == "Par SMS")
    h.wait_until(lambda: "Par SMS" in h.customers.received_by("Rémi Garnier"))


def test_private_says_when_the_contact_has_no_private_conversation(h: AppHarness) -> None:
    h.customers.leave(h.customers.start_chat("Rémi Garnier", "Par SMS", channel="sms", phone="+3"))
    view = open_contact(h, "Rémi Garnier")
    transcript = child(view, QListView, "contactTranscript")
    notice = child(view, QLabel, "noPrivateConversationNotice")
    h.wait_until(lambda: message_rows(transcript) == ["Par SMS"])
    assert not notice.isVisible()
    child(view, QToolButton, "privateFilterButton").click()
    h.wait_until(notice.isVisible)
    assert message_rows(transcript) == []
    child(view, QToolButton, "allFilterButton").click()
    assert not notice.isVisible() and message_rows(transcript) == ["Par SMS"]


# search -----------------------------------------------------------------------------------
def test_conversation_search_highlights_and_steps_through_matches(h: AppHarness) -> None:
    iid = h.customers.start_chat("Hélène Martin", "Mon colis est abîmé")
    view = h.accept(iid)
    view.composer.setPlainText("Pouvez-vous décrire le COLIS ?")
    view.send_button.click()
    h.wait_until(lambda: h.customers.received(iid) == ["Pouvez-vous décrire le COLIS ?"])
    h.customers.say(iid, "Merci")
    h.customers.say(iid, "Le carton du colis est ouvert")
    panel = open_conversation_tab(h, view)
    h.wait_until(lambda: len(message_rows(panel.transcript)) == 4)
    search = child(panel, QLineEdit, "conversationSearch")
    search.setText("ABIME")  # accent- and case-insensitive
    h.wait_until(lambda: len(panel.matches) == 1)
    search.setText("colis")
    h.wait_until(lambda: len(panel.matches) == 3)
    model = panel.transcript.model()

    def highlighted() -> dict[str, int]:
        return {
            str(model.index(r, 0).data()): int(model.index(r, 0).data(ConversationRoles.MATCH))
            for r in range(model.rowCount())
            if model.index(r, 0).data(ConversationRoles.KIND) == "message"
        }

    assert highlighted() == {
        "Mon colis est abîmé": 1,
        "Pouvez-vous décrire le COLIS ?": 1,
        "Merci": 0,
        "Le carton du colis est ouvert": 2,  # the newest is current
    }
    label = child(panel, QWidget, "matchCount")
    assert label.property("text") == "3 of 3"
    child(panel, QToolButton, "previousMatchButton").click()
    assert highlighted()["Pouvez-vous décrire le COLIS ?"] == 2
    assert label.property("text") == "2 of 3"
    child(panel, QToolButton, "nextMatchButton").click()
    child(panel, QToolButton, "nextMatchButton").click()  # wraps round to the oldest
    assert highlighted()["Mon colis est abîmé"] == 2
    search.setText("facture")
    h.wait_until(lambda: panel.matches == [])
    assert label.property("text") == "No match"
    assert set(highlighted().values()) == {0}


# images -----------------------------------------------------------------------------------
def test_images_are_validated_before_sending(h: AppHarness, tmp_path: Path) -> None:
    iid = h.customers.start_chat("Marie Dupont", "Bonjour")
    view = h.accept(iid)
    panel = open_conversation_tab(h, view)
    attach = child(panel, QToolButton, "attachImageButton")
    assert attach.isVisible() and attach.isEnabled()
    banner = h.window.banner

    corrupt = tmp_path / "corrupt.png"
    corrupt.write_bytes(b"\x89PNG\r\n\x1a\n" + b"garbage" * 50)
    panel.attach_file(corrupt)
    h.wait_until(lambda: banner.isVisible() and "corrupt.png" in banner.label.text())
    assert "damaged" in banner.label.text()

    oversized = tmp_path / "huge.png"
    oversized.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * MAX_IMAGE_BYTES)
    panel.attach_file(oversized)
    h.wait_until(lambda: "huge.png" in banner.label.text())
    assert "too large" in banner.label.text()

    tall = png_file(tmp_path / "tall.png", 10, 9000)
    panel.attach_file(tall)
    h.wait_until(lambda: "tall.png" in banner.label.text())
    assert "too many pixels" in banner.label.text()

    not_image = tmp_path / "notes.png"
    not_image.write_text("just text")
    panel.attach_file(not_image)
    h.wait_until(lambda: "notes.png" in banner.label.text())
    assert "PNG, JPEG, GIF and WebP" in banner.label.text()
    assert h.customers.received(iid) == []  # nothing refused ever left

    good = png_file(tmp_path / "photo.png")
    panel.attach_file(good)
    h.wait_until(lambda: h.customers.received(iid) == ["photo.png"])
    model = panel.transcript.model()
    last = model.index(model.rowCount() - 1, 0)
    h.wait_until(
        lambda: isinstance(
            model.index(model.rowCount() - 1, 0).data(ConversationRoles.THUMBNAIL), QImage
        )
    )
    thumb = last.data(ConversationRoles.THUMBNAIL)
    assert isinstance(thumb, QImage) and (thumb.width(), thumb.height()) == (24, 16)
    # the live transcript shows it too
    assert view.record.transcript[-1].image is not None


# paging -----------------------------------------------------------------------------------
def generate_history(h: AppHarness, contact: Contact, count: int) -> None:
    start = time.time() - count - 1000
    messages = [
        Message(
            id=f"{contact.id}-{n}",
            interaction_id=f"gen-{contact.id}",
            author_id=f"contact:{contact.id}" if n % 2 else "agent:someone",
            author_name=contact.name if n % 2 else "Sam Agent",
            author_role=PartyRole.CUSTOMER if n % 2 else PartyRole.AGENT,
            text=f"generated message {n}",
            time=start + n,
        )
        for n in range(count)
    ]
    store = h.backend._center._store
    assert store is not None
    store.call_sync(cs.insert_generated_history, contact, f"gen-{contact.id}", messages)


def test_a_huge_history_opens_as_fast_as_a_small_one_and_pages_in(
    h: AppHarness, qtmodeltester: ModelTester
) -> None:
    generate_history(h, Contact(id="big", name="Grand Historique"), 50_000)
    generate_history(h, Contact(id="small", name="Petit Historique"), 10)

    def open_timed(name: str) -> tuple[float, CommunicationView]:
        began = time.perf_counter()
        view = open_contact(h, name)
        assert view.panel is not None
        panel = view.panel
        h.wait_until(lambda: not panel.feed.loading and len(panel.feed) > 0)
        return time.perf_counter() - began, view

    small_s, _ = open_timed("Petit Historique")
    big_s, view = open_timed("Grand Historique")
    assert view.panel is not None
    panel = view.panel
    assert len(panel.feed) == 50  # one page, not 50,000 messages
    assert big_s < max(1.0, small_s * 4), (big_s, small_s)
    assert message_rows(panel.transcript)[-1] == "generated message 49999"

    calls: list[float | None] = []
    real_history = h.backend.history

    async def counting(
        contact_id: str, before: float | None = None, limit: int = 50
    ) -> list[Message]:
        calls.append(before)
        return await real_history(contact_id, before, limit)

    h.backend.history = counting  # type: ignore[method-assign]
    model = panel.transcript.model()
    assert isinstance(model, ConversationModel)
    root = QModelIndex()
    assert not model.canFetchMore(root)  # Qt asks all the time: only a scroll-up pages in
    # two scroll-ups in a row while the page is on its way: one request
    panel.transcript.request_older()
    assert panel.feed.loading and not model.canFetchMore(root)
    panel.transcript.request_older()
    h.wait_until(lambda: len(panel.feed) >= 100)
    assert len(calls) == 1
    assert message_rows(panel.transcript)[0] == "generated message 49900"
    # scrolling to the top pages in more
    bar = panel.transcript.verticalScrollBar()
    h.wait_until(lambda: bar.value() > 0 and not panel.feed.loading)
    bar.setValue(0)
    h.wait_until(lambda: len(panel.feed) >= 150)
    texts = message_rows(panel.transcript)
    assert texts == [f"generated message {n}" for n in range(50_000 - len(texts), 50_000)]
    # pages joined into one interaction: a single separator on top
    kinds = [model.index(r, 0).data(ConversationRoles.KIND) for r in range(model.rowCount())]
    assert kinds.count("separator") == 1 and kinds[0] == "separator"
    check_model(qtmodeltester, model)


def test_the_emoji_picker_serves_the_conversation_composers(h: AppHarness) -> None:
    iid = h.customers.start_chat("Marie Dupont", "Bonjour")
    view = h.accept(iid)
    panel = open_conversation_tab(h, view)
    button = child(panel, QToolButton, "emojiButton")
    assert button.isVisible()
    assert not child(panel, QToolButton, "urlButton").isVisible()  # Push URL stays in the chat
    button.click()
    tools = h.window.composer_tools[f"conversation:{iid}"]
    picker = tools.picker
    assert picker is not None
    h.wait_until(picker.isVisible)
    picker.emojiChosen.emit("👍")
    assert panel.composer.toPlainText() == "👍"
    panel.send_button.click()
    h.wait_until(lambda: h.customers.received(iid) == ["👍"])
    # the Communication composer has one too
    view_c = open_contact(h, "Marie Dupont")
    assert view_c.panel is not None
    assert child(view_c.panel, QToolButton, "emojiButton").isVisible()


def test_the_emoji_button_follows_the_composer_of_an_ended_chat(h: AppHarness) -> None:
    _iid, view = ended_chat(h, "Marie Dupont", "Bonjour", "Un instant")
    emoji = child(view, QToolButton, "emojiButton")
    assert view.composer.isEnabled() and emoji.isEnabled()  # writing reactivates the chat
    assert not child(view, QToolButton, "urlButton").isEnabled()  # a link needs a live chat
    emoji.click()
    picker = view.findChild(EmojiPicker, "emojiPicker")
    assert picker is not None
    h.wait_until(picker.isVisible)
    field = child(picker, QLineEdit, "emojiSearch")
    QTest.keyClicks(field, "party popper")
    grid = child(picker, QAbstractItemView, "emojiGrid")
    h.wait_until(lambda: grid.model().rowCount() > 0)
    rect = grid.visualRect(grid.model().index(0, 0))
    QTest.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.composer.toPlainText() == "🎉"
    QTest.keyClick(picker, Qt.Key.Key_Escape)
    view.send_button.click()
    h.wait_until(lambda: view.record.state is InteractionState.ACTIVE)
    h.wait_until(lambda: view.record.transcript[-1].text == "🎉")
    assert emoji.isEnabled()
    # the agent ends it this time; then a chat that cannot be continued: no emoji either
    h.wait_until(view.end_button.isEnabled)
    view.end_button.click()
    h.wait_until(lambda: view.record.state is InteractionState.ENDED)
    view.set_continuable(False)
    assert not view.composer.isEnabled() and not emoji.isEnabled()
    view.set_continuable(True)
    assert view.composer.isEnabled() and emoji.isEnabled()


def test_an_image_shows_as_a_thumbnail_in_the_live_chat_too(h: AppHarness, tmp_path: Path) -> None:
    iid = h.customers.start_chat("Marie Dupont", "Bonjour")
    view = h.accept(iid)
    panel = open_conversation_tab(h, view)
    panel.attach_file(png_file(tmp_path / "photo.png", 120, 80))
    h.wait_until(lambda: h.customers.received(iid) == ["photo.png"])
    child(view, QToolButton, "chatTab").click()
    transcript = view.transcript
    h.wait_until(transcript.isVisible)
    model = transcript.model()
    h.wait_until(lambda: model.rowCount() == 2)
    image_row = model.index(1, 0)
    text_row = model.index(0, 0)
    delegate = view.delegate
    assert isinstance(delegate, ConversationDelegate)
    thumb = delegate.thumbnail(image_row)
    assert isinstance(thumb, QImage) and (thumb.width(), thumb.height()) == (120, 80)
    assert delegate.thumbnail(text_row) is None
    transcript.doItemsLayout()
    # the row is as tall as the thumbnail plus its name, and stays so (no growing cache)
    height = transcript.visualRect(image_row).height()
    assert height > 80 + transcript.visualRect(text_row).height() // 2
    transcript.doItemsLayout()
    assert transcript.visualRect(image_row).height() == height
