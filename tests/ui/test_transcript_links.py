"""Links in transcripts: detected, painted as links, and opened only as they should be."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QListView

from agent_desktop.backends.demo import DemoBackend
from agent_desktop.core.linkify import LinkSpan
from agent_desktop.core.types import Capability
from agent_desktop.testing import AppHarness
from agent_desktop.ui.chat_view import ChatView
from agent_desktop.ui.conversation_delegate import ConversationDelegate
from agent_desktop.ui.conversation_model import ConversationRoles
from agent_desktop.ui.link_warning import LookAlikeLinkDialog
from tests.ui.test_conversations import ended_chat, open_contact, open_conversation_tab


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    urls: list[str] = []

    def fake_open(url: QUrl) -> bool:
        urls.append(url.toString())
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", fake_open)
    return urls


def click_link(h: AppHarness, view: ChatView, row: int, span: LinkSpan) -> None:
    """Click in the middle of ``span`` as the delegate laid it out."""
    transcript = view.transcript
    index = transcript.model().index(row, 0)
    rect = transcript.visualRect(index)
    point = view.delegate.link_point(index, rect, span, transcript.font())
    assert rect.contains(point)
    assert view.delegate.link_at(index, rect, point, transcript.font()) == span
    QTest.mouseClick(transcript.viewport(), Qt.MouseButton.LeftButton, pos=point)


def customer_row(h: AppHarness, view: ChatView, text: str) -> int:
    model = view.transcript.model()
    h.wait_until(lambda: any(model.index(r, 0).data() == text for r in range(model.rowCount())))
    return next(r for r in range(model.rowCount()) if model.index(r, 0).data() == text)


TEXT = "Voir https://exemple.fr/suivi, écrire à marie@example.com ou appeler le 06 12 34 56 78"


def test_links_in_a_message_open_in_the_browser_or_the_os(
    h: AppHarness, opened: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # a backend without calls or e-mails
    monkeypatch.setattr(
        DemoBackend,
        "capabilities",
        h.backend.capabilities - {Capability.EMAIL, Capability.CALL},
    )
    iid = h.customers.start_chat("Marie", TEXT)
    view = h.accept(iid)
    row = customer_row(h, view, TEXT)
    view.transcript.resize(900, 400)
    index = view.transcript.model().index(row, 0)
    spans = view.delegate.links(index)
    assert [s.target for s in spans] == [
        "https://exemple.fr/suivi",
        "mailto:marie@example.com",
        "tel:0612345678",
    ]
    for span in spans:
        click_link(h, view, row, span)
    # without the call / e-mail capability the OS handles mailto: and tel:
    assert opened == [s.target for s in spans]
    # a click beside the links opens nothing
    rect = view.transcript.visualRect(index)
    QTest.mouseClick(view.transcript.viewport(), Qt.MouseButton.LeftButton, pos=rect.topLeft())
    assert len(opened) == 3


def test_email_and_phone_go_through_the_backend_when_it_can(
    h: AppHarness, opened: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[tuple[str, str | None, str]] = []

    async def start_email(interaction_id: str | None, address: str) -> None:
        calls.append(("email", interaction_id, address))

    async def start_call(interaction_id: str | None, number: str) -> None:
        calls.append(("call", interaction_id, number))

    backend = h.backend
    monkeypatch.setattr(
        DemoBackend,
        "capabilities",
        backend.capabilities | {Capability.EMAIL, Capability.CALL},
    )
    monkeypatch.setattr(backend, "start_email", start_email)
    monkeypatch.setattr(backend, "start_call", start_call)
    iid = h.customers.start_chat("Marie", TEXT)
    view = h.accept(iid)
    row = customer_row(h, view, TEXT)
    spans = view.delegate.links(view.transcript.model().index(row, 0))
    click_link(h, view, row, spans[1])
    click_link(h, view, row, spans[2])
    h.wait_until(lambda: len(calls) == 2)
    assert calls == [("email", iid, "marie@example.com"), ("call", iid, "0612345678")]
    assert opened == []


def test_links_reach_the_demo_team_as_calls_and_emails(h: AppHarness, opened: list[str]) -> None:
    iid = h.customers.start_chat("Marie", TEXT)
    view = h.accept(iid)
    row = customer_row(h, view, TEXT)
    spans = view.delegate.links(view.transcript.model().index(row, 0))
    click_link(h, view, row, spans[1])
    click_link(h, view, row, spans[2])
    h.wait_until(lambda: len(h.colleagues.outbound) == 2)
    assert [(r.kind, r.interaction_id, r.address) for r in h.colleagues.outbound] == [
        ("email", iid, "marie@example.com"),
        ("call", iid, "0612345678"),
    ]
    assert opened == []


def test_hostile_links_are_not_links(h: AppHarness, opened: list[str]) -> None:
    text = "javascript:alert(1) file:///etc/passwd <a href='https://x.example'>x</a>"
    iid = h.customers.start_chat("Mallory", text)
    view = h.accept(iid)
    row = customer_row(h, view, text)
    index = view.transcript.model().index(row, 0)
    assert index.data() == text  # shown as plain text
    targets = [s.target for s in view.delegate.links(index)]
    assert targets == ["https://x.example"]
    h.window.open_link(iid, "url", "javascript:alert(1)")
    h.window.open_link(iid, "url", "file:///etc/passwd")
    assert opened == []


def lookalike_dialog(h: AppHarness) -> LookAlikeLinkDialog:
    h.wait_until(lambda: bool(h.window.findChildren(LookAlikeLinkDialog, "lookalikeLinkDialog")))
    dialog = h.window.findChild(LookAlikeLinkDialog, "lookalikeLinkDialog")
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_a_lookalike_address_is_explained_before_it_opens(h: AppHarness, opened: list[str]) -> None:
    text = "Connectez-vous sur https://раypal.com/login ou sur https://café.fr/menu"
    iid = h.customers.start_chat("Marie", text)
    view = h.accept(iid)
    row = customer_row(h, view, text)
    view.transcript.resize(900, 400)
    fake, accented = view.delegate.links(view.transcript.model().index(row, 0))

    click_link(h, view, row, fake)
    dialog = lookalike_dialog(h)
    assert opened == []
    assert "xn--ypal-43d9g.com" in dialog.informativeText()  # where it really goes
    assert dialog.defaultButton() is dialog.cancel_button
    dialog.cancel_button.click()
    h.wait_until(lambda: not h.window.findChildren(LookAlikeLinkDialog))
    assert opened == []

    click_link(h, view, row, fake)
    lookalike_dialog(h).open_button.click()
    assert opened == [QUrl("https://раypal.com/login").toString()]
    h.wait_until(lambda: not h.window.findChildren(LookAlikeLinkDialog))

    click_link(h, view, row, accented)  # accented Latin is not a look-alike: opens at once
    assert opened[1:] == [QUrl("https://café.fr/menu").toString()]
    assert not h.window.findChildren(LookAlikeLinkDialog)


def conversation_row(h: AppHarness, transcript: QListView, text: str) -> QModelIndex:
    model = transcript.model()
    h.wait_until(lambda: any(model.index(r, 0).data() == text for r in range(model.rowCount())))
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == text)
    return model.index(row, 0)


def click_conversation_link(transcript: QListView, index: QModelIndex, target: str) -> None:
    delegate = transcript.itemDelegate()
    assert isinstance(delegate, ConversationDelegate)
    span = next(s for s in delegate.links(index) if s.target == target)
    rect = transcript.visualRect(index)
    point = delegate.link_point(index, rect, span, transcript.font())
    assert delegate.link_at(index, rect, point, transcript.font()) == span
    QTest.mouseClick(transcript.viewport(), Qt.MouseButton.LeftButton, pos=point)


def test_links_open_from_the_conversation_tab_and_the_communication_view(
    h: AppHarness, opened: list[str]
) -> None:
    text = "Le suivi : https://exemple.fr/suivi (ou https://раypal.com/login)"
    ended_chat(h, "Marie Dupont", text, "Merci")
    again = h.accept(h.customers.start_chat("Marie Dupont", "Re"))
    panel = open_conversation_tab(h, again)
    panel.transcript.resize(900, 500)
    index = conversation_row(h, panel.transcript, text)
    click_conversation_link(panel.transcript, index, "https://exemple.fr/suivi")
    assert opened == ["https://exemple.fr/suivi"]
    # a separator row has no link, wherever it is clicked
    model = panel.transcript.model()
    first = model.index(0, 0)
    assert first.data(ConversationRoles.KIND) == "separator"
    QTest.mouseClick(
        panel.transcript.viewport(),
        Qt.MouseButton.LeftButton,
        pos=panel.transcript.visualRect(first).center(),
    )
    assert len(opened) == 1

    view = open_contact(h, "Marie Dupont")
    assert view.panel is not None
    transcript = view.panel.transcript
    index = conversation_row(h, transcript, text)
    click_conversation_link(transcript, index, QUrl("https://раypal.com/login").toString())
    dialog = lookalike_dialog(h)  # asks first, as in the chat
    assert len(opened) == 1
    dialog.cancel_button.click()
    assert len(opened) == 1
