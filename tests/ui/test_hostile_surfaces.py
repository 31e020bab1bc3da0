"""The hostile corpus on the surfaces of asynchronous conversations: the Conversation tab
(history and search results), the reply notification, and the Communication view (contact
list, contact details, public posts, its transcript). Plain text, bidi neutralised, 1 MB
collapsed, only http/https/mailto/tel links, and no freeze (each test finishes)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

import pytest
from PySide6 import QtGui
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel, QListView, QToolButton, QWidget

from agent_desktop.core.display import BIDI_CONTROLS, display_text
from agent_desktop.testing import AppHarness, child
from agent_desktop.ui.communication_view import CommunicationView
from agent_desktop.ui.conversation_model import ConversationRoles
from agent_desktop.ui.message_delegate import MessageDelegate
from agent_desktop.ui.reply_notification import ReplyNotification
from tests.ui.test_conversations import open_conversation_tab

CORPUS = sorted((Path(__file__).parent.parent / "data" / "hostile").glob("*.txt"))
SAFE_SCHEMES = {"http", "https", "mailto", "tel"}
#: the longest text a row paints before "show more" (a 1 MB message is collapsed)
COLLAPSED = 10_000


def as_shown(text: str) -> str:
    """What Qt shows of a tooltip string: rich text when it looks like HTML."""
    if QtGui.Qt.mightBeRichText(text):
        document = QTextDocument()
        document.setHtml(text)
        return document.toPlainText()
    return text


def no_bidi(text: str) -> bool:
    return not any(ch in BIDI_CONTROLS for ch in text)


def check_labels(widget: QWidget, *names: str) -> None:
    """The labels ``names`` of ``widget`` (which show wire data) are plain and safe."""
    for name in names:
        label = child(widget, QLabel, name)
        assert label.textFormat() == Qt.TextFormat.PlainText
        assert no_bidi(label.text())
        assert len(label.text()) < COLLAPSED
    assert no_bidi(widget.accessibleDescription())


def check_tooltip(index: QModelIndex) -> None:
    tip = str(index.data(Qt.ItemDataRole.ToolTipRole) or "")
    if not tip:
        return
    shown = as_shown(tip)
    assert no_bidi(shown)
    name = str(index.data(MessageRoleAuthor) or index.data() or "")
    # markup from the wire is shown, not interpreted: every "<" of it is still there
    assert shown.count("<") >= display_text(name, limit=200).count("<")


MessageRoleAuthor = Qt.ItemDataRole.UserRole + 1  # Roles.AUTHOR (see transcript_model)


def check_rows(view: QListView) -> int:
    """Every message row of ``view`` paints safely; returns how many were checked."""
    delegate = view.itemDelegate()
    assert isinstance(delegate, MessageDelegate)
    model = view.model()
    checked = 0
    for row in range(model.rowCount()):
        index = model.index(row, 0)
        if index.data(ConversationRoles.KIND) == "separator":
            continue
        shown = delegate.shown_text(index)
        assert no_bidi(shown)
        assert len(shown) < COLLAPSED
        for link in delegate.links(index):
            assert urlsplit(link.target).scheme in SAFE_SCHEMES
        check_tooltip(index)
        checked += 1
    view.viewport().grab()  # paints every visible row
    return checked


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.stem)
def test_corpus_on_conversation_surfaces(h: AppHarness, path: Path) -> None:
    text = path.read_text("utf-8")
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
    check_tooltip(row)
    contacts.viewport().grab()
    check_labels(view, "contactInfoName", "contactInfoDetails")
    transcript = child(view, QListView, "contactTranscript")
    h.wait_until(lambda: transcript.model().rowCount() >= 3)
    assert check_rows(transcript) >= 3
    child(view, QToolButton, "publicFilterButton").click()
    posts = child(view, QListView, "publicPostList")
    h.wait_until(lambda: posts.model().rowCount() >= 1)
    assert check_rows(posts) >= 1
