"""The hostile corpus on every surface of the core chat loop: shown safely, no freeze."""

from __future__ import annotations

import logging
from typing import cast

import pytest
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QEnterEvent, QTextLayout, QTextOption
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QListView, QWidget

from agent_desktop.core.display import FSI, PDI, display_text
from agent_desktop.core.types import PartyRole
from agent_desktop.testing import AppHarness, child, children
from agent_desktop.ui.chat_view import ChatView
from agent_desktop.ui.interaction_bar import InteractionBarItem
from agent_desktop.ui.message_viewer import CHUNK_CHARS
from agent_desktop.ui.transcript_model import Roles
from tests.ui.hostile import (
    CORPUS,
    LABEL_MAX,
    ROW_TEXT_MAX,
    check_label,
    check_tooltip,
    painted_texts,
    record_layouts,
    safe,
    stored,
)
from tests.ui.test_show_more import click_show_more

ONE_MEGABYTE = 1_048_576


def check_labels(widget: QWidget) -> int:
    """Every label of ``widget`` is plain text, safe and bounded; returns how many."""
    labels = widget.findChildren(QLabel)
    for label in labels:
        check_label(label)
    return len(labels)


def offered_and_accepted(h: AppHarness, name: str, text: str) -> ChatView:
    """``name`` starts a chat with ``text``: its toast shows them safely; then accepted."""
    iid = h.customers.start_chat(name, text)
    h.wait_until(lambda: h.toast() is not None)
    toast = h.toast()
    assert toast is not None
    assert check_labels(toast) >= 2
    return h.accept(iid)


def hover_preview(h: AppHarness) -> QWidget:
    item = children(h.window, InteractionBarItem, "interactionBarItem")[0]
    QApplication.sendEvent(item, QEnterEvent(QPointF(2, 2), QPointF(2, 2), QPointF(2, 2)))
    preview = child(h.window, QWidget, "interactionPreview")
    h.wait_until(preview.isVisible)
    item.grab()
    return preview


@pytest.mark.parametrize("text", CORPUS)
def test_corpus_message_and_name(h: AppHarness, monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    """The text as a message and its start as the contact's name: the toast, the contact
    name, what the transcript lays out and paints (safe, bounded), the party list (its
    painted names and tooltips) and the hover preview."""
    laid_out = record_layouts(monkeypatch)
    name = text[:200]
    view = offered_and_accepted(h, name, text)
    contact = child(view, QLabel, "contactName")
    assert contact.textFormat() == Qt.TextFormat.PlainText
    assert contact.text() == display_text(stored(name), limit=120)

    # the transcript: the message stored as received, laid out and painted made safe
    model = view.transcript.model()
    index = model.index(0, 0)
    assert index.data() == stored(text)
    view.transcript.viewport().grab()  # measures and paints every visible row
    shown = view.delegate.shown_text(index)
    assert shown in laid_out.texts  # what the row paints is the safe text...
    assert all(safe(laid) for laid in laid_out.texts)
    assert laid_out.longest() <= ROW_TEXT_MAX  # ...and no more than a collapsed message
    header = display_text(stored(name), limit=80, isolate=True)
    assert any(painted.startswith(header) for painted in painted_texts(view.transcript))
    check_tooltip(index, stored(name))

    # the party list: names painted safe, tooltips escaped
    parties = child(view, QListView, "partyList")
    painted = painted_texts(parties)
    assert painted and all(safe(t) for t in painted)
    contact_row = next(
        parties.model().index(r, 0)
        for r in range(parties.model().rowCount())
        if parties.model().index(r, 0).data() == stored(name)
    )
    check_tooltip(contact_row, stored(name))
    assert safe(str(contact_row.data(Qt.ItemDataRole.AccessibleTextRole)))
    assert painted[0].removesuffix("…") in display_text(stored(name), limit=80)
    parties.grab()

    # the hover preview of the interaction bar item
    preview = hover_preview(h)
    assert check_labels(preview) >= 2


def test_one_megabyte_message_is_collapsed(h: AppHarness, monkeypatch: pytest.MonkeyPatch) -> None:
    """A 1 MB message: stored whole, shown collapsed (the rows lay out a few lines, not a
    megabyte), and "Show more…" shows all 1,048,576 characters in a viewer that holds no
    block longer than it can lay out at once."""
    iid = h.customers.start_chat("Marie", "Bonjour")
    view = h.accept(iid)
    laid_out = record_layouts(monkeypatch)
    huge = "x" * ONE_MEGABYTE
    h.customers.say(iid, huge)
    model = view.transcript.model()
    h.wait_until(lambda: model.rowCount() == 2)
    index = model.index(1, 0)
    assert index.data() == huge
    transcript = view.transcript
    transcript.scrollTo(index)
    transcript.viewport().grab()
    assert view.delegate.is_collapsed(index)
    assert huge[:100] in laid_out.texts[-1]
    assert laid_out.longest() <= ROW_TEXT_MAX

    viewer = click_show_more(h, transcript, index)
    assert viewer.text() == huge and len(viewer.text()) == ONE_MEGABYTE
    assert viewer.text_view.longest_block() <= CHUNK_CHARS  # bounded layout work
    viewer.text_view.selectAll()
    viewer.text_view.copy()
    assert QApplication.clipboard().text() == huge  # the viewer's own cuts joined back
    viewer.grab()
    assert laid_out.longest() <= ROW_TEXT_MAX  # the transcript laid out nothing more


def test_a_one_megabyte_message_stays_bounded_on_every_other_surface(
    h: AppHarness, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The toast, the hover preview, the reply notification, the contact list and the
    Communication view's transcript show a bounded part of a 1 MB message or name."""
    laid_out = record_layouts(monkeypatch)
    huge = "y" * ONE_MEGABYTE
    name = "Marie " + "z" * ONE_MEGABYTE
    view = offered_and_accepted(h, name, huge)
    iid = view.record.id
    assert len(child(view, QLabel, "contactName").text()) <= LABEL_MAX
    assert check_labels(hover_preview(h)) >= 2
    h.customers.leave(iid)
    h.customers.send_offline(name, huge)
    notice = child(h.window, QWidget, "replyNotification")
    h.wait_until(notice.isVisible)
    assert check_labels(notice) >= 2
    connect = h.window.connect_area
    assert connect is not None
    connect.show(view.record.contact.id)
    h.wait_until(lambda: h.window.findChild(QListView, "contactTranscript") is not None)
    contacts = child(h.window, QListView, "contactList")
    h.wait_until(lambda: contacts.model().rowCount() >= 1)
    painted = painted_texts(contacts)
    assert painted and max(len(t) for t in painted) <= LABEL_MAX
    assert len(str(contacts.model().index(0, 0).data(Qt.ItemDataRole.ToolTipRole))) <= LABEL_MAX
    transcript = child(h.window, QListView, "contactTranscript")
    h.wait_until(lambda: transcript.model().rowCount() >= 2)
    transcript.viewport().grab()
    assert laid_out.texts and laid_out.longest() <= ROW_TEXT_MAX


def test_text_imitating_the_app_is_painted_as_the_customer_message_it_is(h: AppHarness) -> None:
    """A customer writes lines that look like the agent's own or like system notes: the
    row's author comes from the event, so they sit in the customer's bubble, on the
    customer's side, under the customer's name."""
    fake = (
        "Alex Martin · 10:02\nJe vous rembourse, donnez-moi votre code.\n"
        "— Le système : l'agent a quitté la conversation —"
    )
    iid = h.customers.start_chat("Marie Dupont", "Bonjour")
    view = h.accept(iid)
    view.composer.setPlainText("Bonjour Marie")
    view.send_button.click()
    h.customers.say(iid, fake)
    model = view.transcript.model()
    h.wait_until(lambda: model.rowCount() == 3 and model.index(2, 0).data() == fake)
    view.transcript.resize(800, 600)
    width = QRectF(view.transcript.viewport().rect())
    font = view.transcript.font()
    agent = view.delegate._place(model.index(1, 0), width, font)
    customer = view.delegate._place(model.index(2, 0), width, font)
    assert model.index(2, 0).data(Roles.AUTHOR_ROLE) == PartyRole.CUSTOMER.value
    assert not customer.bubble.isEmpty()  # a bubble, not a centred system note
    assert customer.bubble.left() < width.center().x() < agent.bubble.right()
    assert customer.bubble.right() < agent.bubble.right()  # left side, the agent's right
    assert customer.header_text.startswith(f"{FSI}Marie Dupont{PDI}")  # the name, isolated


@pytest.mark.parametrize("text", CORPUS)
def test_corpus_in_the_notice_banner_and_the_log(
    h: AppHarness, caplog: pytest.LogCaptureFixture, text: str
) -> None:
    """A notice carries wire data (the contact's number from the contact database, as
    "Calling {0}…"; the server's error refusing the same text as an e-mail address): the
    banner shows it plain, safe and bounded; the log line has it escaped (no new line,
    bidi or control character can forge or reorder a line)."""
    caplog.set_level(logging.INFO, logger="agent_desktop.services.bridge")
    iid = h.customers.start_chat("Marie Dupont", "Bonjour", phone=text, email=text)
    view = h.accept(iid)
    banner = h.window.banner
    for button in ("callContactButton", "emailContactButton"):
        banner.hide()
        caplog.clear()
        child(view, QAbstractButton, button).click()
        h.wait_until(banner.isVisible)
        check_label(banner.label)
        assert safe(banner.accessibleDescription())
        if button == "callContactButton":
            shown = display_text(stored(text), limit=40).removesuffix("…")
            assert shown in banner.label.text()
        notices = [r.getMessage() for r in caplog.records if r.getMessage().startswith("notice:")]
        assert notices
        for line in notices:
            assert line.isprintable() and len(line) <= LABEL_MAX, line[:80]
    banner.grab()


def test_a_right_to_left_name_keeps_the_time_after_it(h: AppHarness) -> None:
    """A message header is "name · time": an Arabic name is isolated, so the bidi algorithm
    does not take the time (European digits after Arabic letters) into the name's
    right-to-left run and paint it on the name's left."""
    name = "محمد علي"
    iid = h.customers.start_chat(name, "Bonjour")
    view = h.accept(iid)
    index = view.transcript.model().index(0, 0)
    header = next(t for t in painted_texts(view.transcript) if name in t)
    time = header.rsplit(" ", 1)[1]
    layout = QTextLayout(header, view.transcript.font())
    option = QTextOption()
    option.setTextDirection(Qt.LayoutDirection.LeftToRight)  # the painter's, as drawText's
    layout.setTextOption(option)
    layout.beginLayout()
    line = layout.createLine()
    line.setLineWidth(1_000)
    layout.endLayout()

    def x(text: str) -> float:
        x, _ = cast(tuple[float, int], line.cursorToX(header.index(text)))
        return x

    assert x(time) > x(name) and x(time) > x(name[-1])  # the time on the name's right
    assert index.data(Roles.AUTHOR) == name
