"""The hostile corpus on the surfaces of asynchronous conversations: the Conversation tab
(history and search results), the reply notification, and the Communication view (contact
list, contact details, public posts, its transcript). Plain text, bidi neutralised, 1 MB
collapsed, only http/https/mailto/tel links, and no freeze (each test finishes)."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from PySide6.QtWidgets import QLabel, QListView, QToolButton, QWidget

from agent_desktop.testing import AppHarness, child
from agent_desktop.ui.communication_view import CommunicationView
from agent_desktop.ui.conversation_model import ConversationRoles
from agent_desktop.ui.message_delegate import MessageDelegate
from agent_desktop.ui.reply_notification import ReplyNotification
from agent_desktop.ui.transcript_model import Roles
from tests.ui.hostile import CORPUS, ROW_TEXT_MAX, check_label, check_tooltip, safe, stored
from tests.ui.test_conversations import open_conversation_tab

SAFE_SCHEMES = {"http", "https", "mailto", "tel"}


def check_labels(widget: QWidget, *names: str) -> None:
    """The labels ``names`` of ``widget`` (which show wire data) are plain and safe."""
    for name in names:
        check_label(child(widget, QLabel, name))
    assert safe(widget.accessibleDescription())


def check_rows(view: QListView) -> int:
    """Every message row of ``view`` paints safely, bounded, with safe links and an escaped
    tooltip naming its author; returns how many were checked."""
    delegate = view.itemDelegate()
    assert isinstance(delegate, MessageDelegate)
    model = view.model()
    checked = 0
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        if index.data(ConversationRoles.KIND) == "separator":
            continue
        shown = delegate.shown_text(index)
        assert safe(shown)
        assert len(shown) <= ROW_TEXT_MAX
        for link in delegate.links(index):
            assert urlsplit(link.target).scheme in SAFE_SCHEMES
        check_tooltip(index, str(index.data(Roles.AUTHOR)))
        checked += 1
    view.viewport().grab()  # paints every visible row
    return checked


@pytest.mark.parametrize("text", CORPUS)
def test_corpus_on_conversation_surfaces(h: AppHarness, text: str) -> None:
    name = text[:200]
    iid = h.customers.start_chat(name, text)
    chat = h.accept(iid)
    contact_id = chat.record.contact.id
    h.customers.say(iid, "zebra " + text)

    # the Conversation tab: history, then a search that lands on the hostile message
    panel = open_conversation_tab(h, chat)
    h.wait_until(lambda: len(panel.feed) >= 2)
    assert check_rows(panel.transcript) >= 2
    panel.search.setText("zebra")
    panel.run_search()
    h.wait_until(lambda: bool(panel.matches))
    assert check_rows(panel.transcript) >= 2

    # the reply notification of an asynchronous answer
    h.customers.leave(iid)
    h.customers.send_offline(name, text)
    notice = child(h.window, ReplyNotification, "replyNotification")
    h.wait_until(notice.isVisible)
    check_labels(notice, "toastContact", "toastMessage")
    notice.grab()

    # the Communication view: contact list, details, transcript, public posts
    h.customers.post_public(name, text)
    connect = h.window.connect_area
    assert connect is not None
    connect.show(contact_id)
    view = child(h.window, CommunicationView, "communicationView")
    h.wait_until(lambda: view.current_contact is not None)
    contacts = child(view, QListView, "contactList")
    row = contacts.model().index(contacts.currentIndex().row(), 0)
    check_tooltip(row, stored(name))
    contacts.viewport().grab()
    check_labels(view, "contactInfoName", "contactInfoDetails")
    transcript = child(view, QListView, "contactTranscript")
    h.wait_until(lambda: transcript.model().rowCount() >= 3)
    assert check_rows(transcript) >= 3
    child(view, QToolButton, "publicFilterButton").click()
    posts = child(view, QListView, "publicPostList")
    h.wait_until(lambda: posts.model().rowCount() >= 1)
    assert check_rows(posts) >= 1
