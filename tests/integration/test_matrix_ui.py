"""Every Matrix feature that has a UI, driven through the harness as a user would, against
a real Synapse: push URL, transfer, conference, disposition and note, the buttons Matrix
cannot carry, images, history paging and search in the Conversation tab, and the contact
directory in the Communication view."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path

from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QFrame,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QToolButton,
    QWidget,
)

from agent_desktop.backends.matrix import PUSHED_URL_FIELD, MatrixBackend
from agent_desktop.core.types import InteractionState, PartyRole, PartyState
from agent_desktop.testing import AppHarness, child
from agent_desktop.testing.matrix_customers import MatrixCustomerSimulator
from agent_desktop.ui.chat_view import ChatView
from agent_desktop.ui.conversation_model import ConversationModel, ConversationRoles
from agent_desktop.ui.conversation_panel import ConversationPanel
from agent_desktop.ui.transcript_model import Roles
from tests.integration import test_matrix_core_loop as core_loop
from tests.ui import conftest as ui_conftest
from tests.ui.conftest import CONFIRMED, CheckModel, StartHarness
from tests.ui.test_conversations import (
    communication,
    message_rows,
    open_contact,
    open_conversation_tab,
    png_file,
    rows,
)
from tests.ui.test_interaction_actions import banner_text, choose, party_menu, party_states
from tests.ui.test_push_url import push

COLLEAGUE = "Bea Colleague"

#: the app on Matrix with Matrix customers (the fixtures of the core-loop tests)
start = core_loop.start
h = core_loop.h
check_model = ui_conftest.check_model


def customers_of(h: AppHarness) -> MatrixCustomerSimulator:
    customers = h.customers
    assert isinstance(customers, MatrixCustomerSimulator)
    return customers


def matrix(h: AppHarness) -> MatrixBackend:
    backend = h.desktop.backend
    assert isinstance(backend, MatrixBackend)
    return backend


def team_chat(start: StartHarness) -> tuple[AppHarness, MatrixCustomerSimulator, str, ChatView]:
    """The app on Matrix with a team room holding the colleague (public: the agent joins it
    when the target picker first lists colleagues), and a chat the agent accepted."""
    alias = f"team-{uuid.uuid4().hex[:8]}"
    h = start(matrix={"team_room": f"#{alias}:localhost"})
    customers = customers_of(h)
    customers.create_room(COLLEAGUE, {"preset": "public_chat", "room_alias_name": alias})
    iid = customers.start_chat("Marie Dupont", "Bonjour")
    return h, customers, iid, h.accept(iid)


def holds(view: ChatView, count: int) -> Callable[[], bool]:
    """Whether the chat's transcript holds ``count`` messages (for ``wait_until``)."""
    return lambda: len(view.record.transcript) == count


def send(view: ChatView, text: str) -> None:
    view.composer.setPlainText(text)
    view.send_button.click()


def end_with(h: AppHarness, view: ChatView, code: str, note: str) -> None:
    """Choose the disposition code and write the note, end the chat and mark it Done."""
    combo = child(view, QComboBox, "dispositionCombo")
    combo.setCurrentIndex(combo.findText(code))
    editor = child(view, QPlainTextEdit, "noteEdit")
    editor.setFocus()
    QTest.keyClicks(editor, note)
    view.end_button.click()
    h.wait_until(view.done_button.isEnabled)
    iid = view.record.id
    view.done_button.click()
    h.wait_until(lambda: h.chat_view(iid) is None)


# the chat view ----------------------------------------------------------------------------
def test_push_url_reaches_the_customer_as_a_pushed_url(h: AppHarness) -> None:
    customers = customers_of(h)
    iid = customers.start_chat("Marie", "Bonjour")
    view = h.accept(iid)
    push(h, view, "www.example.com/suivi")
    url = "https://www.example.com/suivi"
    h.wait_until(lambda: customers.received(iid) == [url])
    content = customers.received_events(iid)[0]["content"]
    assert (content["msgtype"], content[PUSHED_URL_FIELD]) == ("m.text", url)
    model = view.transcript.model()
    row = model.index(model.rowCount() - 1, 0)
    assert row.data(Roles.URL) == url
    h.wait_until(lambda: row.data(Roles.DELIVERY) in CONFIRMED)


def test_direct_transfer_invites_the_colleague_and_leaves(start: StartHarness) -> None:
    h, customers, iid, view = team_chat(start)
    choose(h, view, "transferButton", COLLEAGUE)
    h.wait_until(lambda: h.chat_view(iid) is None)
    h.wait_until(lambda: "transferred to Bea Colleague" in banner_text(h))
    # as the customer sees the room: the colleague invited, the agent gone
    bea = customers.user_id(COLLEAGUE)
    assert customers.membership("Marie Dupont", iid, bea) == "invite"
    assert customers.membership("Marie Dupont", iid, matrix(h).user_id) == "leave"


def test_conference_brings_the_colleague_into_the_chat(start: StartHarness) -> None:
    h, customers, iid, view = team_chat(start)
    choose(h, view, "conferenceButton", COLLEAGUE)
    bea = customers.user_id(COLLEAGUE)
    h.wait_until(lambda: customers.membership("Marie Dupont", iid, bea) == "invite")
    customers.join(COLLEAGUE, iid)
    h.wait_until(lambda: COLLEAGUE in party_states(view))
    assert party_states(view)[COLLEAGUE] == (
        PartyRole.COLLEAGUE.value,
        PartyState.CONNECTED.value,
    )
    customers.say_in(COLLEAGUE, iid, "Bonjour Marie, je regarde votre dossier.")
    model = view.transcript.model()
    h.wait_until(lambda: model.index(model.rowCount() - 1, 0).data().startswith("Bonjour Marie"))
    last = model.index(model.rowCount() - 1, 0)
    assert last.data(Roles.AUTHOR_ROLE) == PartyRole.COLLEAGUE.value
    send(view, "Ma collègue nous rejoint.")
    h.wait_until(lambda: "Ma collègue nous rejoint." in customers.received(iid))
    assert h.chat_view(iid) is view  # the agent stays in a conference


def test_disposition_and_note_are_saved_as_room_account_data(h: AppHarness) -> None:
    iid = customers_of(h).start_chat("Marie Dupont", "Bonjour")
    view = h.accept(iid)
    end_with(h, view, "Follow-up needed", "Call back on Tuesday")
    saved = h.run(matrix(h).disposition(iid))
    assert (saved["disposition"], saved["note"]) == ("Follow-up needed", "Call back on Tuesday")


def test_what_matrix_cannot_carry_is_hidden(h: AppHarness) -> None:
    iid = customers_of(h).start_chat(
        "Marie Dupont", "Bonjour", email="marie@example.fr", phone="+33 6 39 98 12 34"
    )
    view = h.accept(iid)
    for name in ("callContactButton", "emailContactButton"):
        assert not child(view, QAbstractButton, name).isVisible(), name
    for name in ("transferButton", "conferenceButton", "consultButton"):
        assert child(view, QAbstractButton, name).isVisible(), name
    assert child(view, QComboBox, "dispositionCombo").isVisible()
    menu = party_menu(h, view, "Marie Dupont")
    names = [a.objectName() for a in menu.actions()]
    menu.close()
    assert "partyCallAction" not in names and "partyEmailAction" not in names
    # no asynchronous chat: the Conversation tab has no channel to choose, the
    # Communication view no public posts
    panel = open_conversation_tab(h, view)
    assert not child(panel, QComboBox, "channelSelector").isVisible()
    child(h.window, QToolButton, "communicationTab").click()
    h.wait_until(communication(h).isVisible)
    assert not child(communication(h), QToolButton, "publicFilterButton").isVisible()


# the Conversation tab ---------------------------------------------------------------------
def test_an_image_sent_from_the_conversation_tab(h: AppHarness, tmp_path: Path) -> None:
    customers = customers_of(h)
    iid = customers.start_chat("Marie Dupont", "Bonjour", channel="whatsapp")
    view = h.accept(iid)
    panel = open_conversation_tab(h, view)
    attach = child(panel, QToolButton, "attachImageButton")
    assert attach.isVisible() and attach.isEnabled()
    panel.attach_file(png_file(tmp_path / "photo.png", 120, 80))
    h.wait_until(lambda: customers.received(iid) == ["photo.png"])
    content = customers.received_events(iid)[0]["content"]
    assert content["msgtype"] == "m.image" and content["url"].startswith("mxc://")
    assert content["info"]["mimetype"] == "image/png"
    image = view.record.transcript[-1].image  # the live chat shows it too
    assert image is not None and (image.width, image.height) == (120, 80)
    model = panel.transcript.model()
    thumb = model.index(model.rowCount() - 1, 0).data(ConversationRoles.THUMBNAIL)
    assert isinstance(thumb, QImage) and (thumb.width(), thumb.height()) == (120, 80)
    # what is written here goes into this chat: once it has ended, nothing can be sent
    panel.composer.setPlainText("Et celle-ci ?")
    child(panel, QToolButton, "conversationSendButton").click()
    h.wait_until(lambda: customers.received(iid) == ["photo.png", "Et celle-ci ?"])
    customers.leave(iid)
    h.wait_until(lambda: view.record.state is InteractionState.ENDED)
    assert not panel.composer.isEnabled() and not attach.isEnabled()
    # a message on its way as the chat ends is not sent, and the agent is told
    service = h.desktop.conversations
    assert service is not None
    assert not service.send_text(view.record.contact.id, view.record.channel, "Encore ?", iid)
    h.wait_until(lambda: "the message was not sent" in banner_text(h))


def test_the_conversation_tab_pages_the_history_in_and_searches_it(
    h: AppHarness, check_model: CheckModel
) -> None:
    customers = customers_of(h)
    backend = matrix(h)
    old = customers.start_chat("Hélène Roux", "Mon colis est abîmé")
    view = h.accept(old)
    send(view, "Numéro de suivi ABC123")
    h.wait_until(lambda: customers.received(old) == ["Numéro de suivi ABC123"])
    end_with(h, view, "Resolved", "")
    live = customers.start_chat("Hélène Roux", "Rebonjour", channel="whatsapp")
    view = h.accept(live)
    for i in range(1, 70):  # more than one sync timeline holds: read back, none lost
        customers.say(live, f"suite {i}")
    h.wait_until(holds(view, 70), timeout=10)
    requests = backend.history_reader.requests
    panel = open_conversation_tab(h, view)
    assert child(panel, QLineEdit, "conversationSearch").isVisible()
    # the newest page first (50 messages), then the rest as the view is scrolled up
    h.wait_until(lambda: not panel.feed.loading)
    assert message_rows(panel.transcript)[-1] == "suite 69"
    panel.transcript.verticalScrollBar().setValue(0)
    h.wait_until(lambda: panel.feed.exhausted and not panel.feed.loading)
    expected = ["Mon colis est abîmé", "Numéro de suivi ABC123", "Rebonjour"]
    expected += [f"suite {i}" for i in range(1, 70)]
    assert message_rows(panel.transcript) == expected
    # 70 messages are more than one /messages page (51 events): the next page went on
    # from the first one's token, and the earlier chat's room was read too
    assert backend.history_reader.requests - requests >= 2 + 1
    model = panel.transcript.model()
    assert isinstance(model, ConversationModel)
    check_model(model)
    # a separator per chat: date, channel, agent, disposition
    h.wait_until(lambda: "Resolved" in rows(panel.transcript)[0])
    assert "Web chat" in rows(panel.transcript)[0]
    separators = [r for r in rows(panel.transcript) if "WhatsApp" in r]
    assert len(separators) == 1 and "Alex Martin" in separators[0]

    # search: the room the agent has left is read back (accents and case folded)...
    search = child(panel, QLineEdit, "conversationSearch")
    search.setText("ABIME")
    h.wait_until(lambda: len(panel.matches) == 1)
    assert panel.current_match == panel.feed[0].id
    # ... the live room is searched on the server
    search.setText("Rebonjour")
    h.wait_until(lambda: panel.matches == [panel.feed[2].id])
    assert child(panel, QWidget, "matchCount").property("text") == "1 of 1"


def test_the_history_shows_the_images_of_an_earlier_chat_after_a_restart(
    start: StartHarness, tmp_path: Path, check_model: CheckModel
) -> None:
    """The pictures of an earlier chat (the customer's, one refused as too large, and the
    agent's own) are downloaded for the Conversation tab of a later chat, after a restart
    emptied every cache, and show there as in a live chat; a search finds one of them."""
    first = start()
    customers = customers_of(first)
    old = customers.start_chat("Hélène Roux", "Voici les photos")
    view = first.accept(old)
    customers.send_image(old, core_loop.png_bytes(120, 80), "colis.png")
    customers.send_image(old, core_loop.png_bytes(60, 40), "enorme.png", declared=10**9)
    first.wait_until(holds(view, 4))  # with the notice of the refused one
    panel = open_conversation_tab(first, view)
    panel.attach_file(png_file(tmp_path / "etiquette.png", 90, 30))
    first.wait_until(lambda: customers.received(old) == ["etiquette.png"])
    end_with(first, view, "Resolved", "")

    h = start(restart=first)
    live = customers.start_chat("Hélène Roux", "Rebonjour")
    panel = open_conversation_tab(h, h.accept(live))
    h.wait_until(lambda: panel.feed.exhausted and not panel.feed.loading)
    model = panel.transcript.model()
    check_model(model)
    shown = [
        (
            str(model.index(r, 0).data()),
            model.index(r, 0).data(ConversationRoles.THUMBNAIL),
        )
        for r in range(model.rowCount())
        if model.index(r, 0).data(ConversationRoles.KIND) == "message"
    ]
    texts = [text for text, _thumb in shown]
    assert texts[:3] == ["Voici les photos", "colis.png", "enorme.png"], texts
    assert "“enorme.png” from Hélène Roux is not shown: it is too large" in texts[3]
    assert texts[4:] == ["etiquette.png", "Rebonjour"]
    sizes = [(t.width(), t.height()) if isinstance(t, QImage) else None for _x, t in shown]
    assert sizes == [None, (120, 80), None, None, (90, 30), None]

    search = child(panel, QLineEdit, "conversationSearch")
    search.setText("colis")
    h.wait_until(lambda: len(panel.matches) == 1)
    assert panel.current_match == panel.feed[1].id
    assert panel.feed[1].image is not None


# the Communication view -------------------------------------------------------------------
def test_the_contact_directory_of_the_communication_view(h: AppHarness) -> None:
    customers = customers_of(h)
    for name, text, email in (
        ("Paul Martin", "Hello", None),
        ("Hélène Roux", "Bonjour", "helene@example.fr"),
    ):
        iid = customers.start_chat(name, text, email=email)
        chat = h.accept(iid)
    h.window.resize(1200, 760)
    open_conversation_tab(h, chat)  # Hélène's history in her chat first, then the directory
    tab = child(h.window, QToolButton, "communicationTab")
    assert tab.isVisible()
    tab.click()
    view = communication(h)
    contacts = child(view, QListView, "contactList")
    h.wait_until(lambda: rows(contacts) == ["Hélène Roux", "Paul Martin"])
    view = open_contact(h, "Hélène Roux")  # clicks the tab again: it stays checked
    assert tab.isChecked()
    assert view.panel is not None
    transcript = child(view, QListView, "contactTranscript")
    h.wait_until(lambda: message_rows(transcript) == ["Bonjour"])
    assert "helene@example.fr" in child(view, QLabel, "contactInfoDetails").text()
    info = child(view, QFrame, "contactInfo")  # given room, never squeezed out of sight
    assert info.visibleRegion().boundingRect().width() >= 180
    # no asynchronous chat on Matrix: no composer here, no chat to open, it says where
    panel = view.panel
    assert isinstance(panel, ConversationPanel)
    assert not child(view, QPlainTextEdit, "contactComposer").isVisible()
    assert not child(view, QToolButton, "contactSendButton").isVisible()
    assert child(view, QLabel, "readOnlyNotice").isVisible()
    for name in ("startChatButton", "startSmsButton", "startWhatsAppButton"):
        assert not child(view, QAbstractButton, name).isVisible(), name
    assert not child(view, QLabel, "noChannelNotice").isVisible()
