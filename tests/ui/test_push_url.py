"""The Push URL editor through the harness: rules, open, send, history and its keys."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QPushButton,
    QToolButton,
    QWidget,
)

from agent_desktop.core.types import DeliveryState
from agent_desktop.testing import AppHarness, child
from agent_desktop.ui.chat_view import ChatView
from agent_desktop.ui.transcript_model import Roles
from tests.ui.conftest import CONFIRMED, StartHarness


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    urls: list[str] = []

    def fake_open(url: QUrl) -> bool:
        urls.append(url.toString())
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", fake_open)
    return urls


def open_editor(view: ChatView) -> QWidget:
    child(view, QToolButton, "urlButton").click()
    editor = child(view, QWidget, "urlEditor")
    assert editor.isVisible()
    return editor


def push(h: AppHarness, view: ChatView, url: str) -> None:
    if not child(view, QWidget, "urlEditor").isVisible():
        open_editor(view)
    field = child(view, QLineEdit, "urlField")
    field.setText(url)
    child(view, QPushButton, "urlSendButton").click()


def test_push_url_sends_it_and_shows_a_link(h: AppHarness, opened: list[str]) -> None:
    iid = h.customers.start_chat("Marie", "Bonjour")
    view = h.accept(iid)
    editor = open_editor(view)
    field = child(view, QLineEdit, "urlField")
    assert field.hasFocus() or field.isVisible()
    send = child(view, QPushButton, "urlSendButton")
    open_button = child(view, QPushButton, "urlOpenButton")
    assert not send.isEnabled() and not open_button.isEnabled()
    assert not child(view, QToolButton, "urlHistoryButton").isVisible()  # nothing sent yet
    QTest.keyClicks(field, "www.example.com/suivi")
    assert send.isEnabled() and open_button.isEnabled()
    open_button.click()
    assert opened == ["https://www.example.com/suivi"]
    send.click()
    h.wait_until(lambda: h.customers.received(iid) == ["https://www.example.com/suivi"])
    assert not editor.isVisible()  # closed after sending
    model = view.transcript.model()
    row = model.index(model.rowCount() - 1, 0)
    assert row.data() == "https://www.example.com/suivi"
    assert row.data(Roles.URL) == "https://www.example.com/suivi"
    h.wait_until(lambda: row.data(Roles.DELIVERY) in CONFIRMED)
    assert view.delegate.links(row)[0].target == "https://www.example.com/suivi"
    assert child(view, QToolButton, "urlHistoryButton").isHidden() is False


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("javascript:alert(1)", "unsupported_scheme"),
        ("file:///etc/passwd", "unsupported_scheme"),
        ("data:text/html,<b>x</b>", "unsupported_scheme"),
        ("bonjour madame", "invalid_characters"),
        ("bonjour", "not_a_url"),
        ("example.com", "missing_scheme"),
        ("https://bank.example@evil.example", "credentials"),
    ],
)
def test_refused_urls_keep_send_and_open_disabled(
    h: AppHarness, opened: list[str], text: str, reason: str
) -> None:
    iid = h.customers.start_chat("Marie", "Bonjour")
    view = h.accept(iid)
    editor = open_editor(view)
    field = child(view, QLineEdit, "urlField")
    field.setText(text)
    assert not child(view, QPushButton, "urlSendButton").isEnabled()
    assert not child(view, QPushButton, "urlOpenButton").isEnabled()
    error = child(view, QLabel, "urlError")
    assert error.isVisible() and error.text()
    assert editor.property("refusal") == reason
    QTest.keyClick(field, Qt.Key.Key_Return)  # Enter does not send either
    assert h.customers.received(iid) == [] and opened == []


def test_history_keyboard_navigation(start: StartHarness) -> None:
    h = start(settings={"chat": {"notification_sound": False}, "push_url": {"history_size": 3}})
    iid = h.customers.start_chat("Marie", "Bonjour")
    view = h.accept(iid)
    urls = [f"https://example.com/{n}" for n in range(4)] + ["https://example.com/1"]
    for url in urls:
        push(h, view, url)
    h.wait_until(lambda: len(h.customers.received(iid)) == 5)
    open_editor(view)
    history_button = child(view, QToolButton, "urlHistoryButton")
    assert history_button.isVisible()
    history_button.click()
    history = child(view, QAbstractItemView, "urlHistoryList")
    h.wait_until(history.isVisible)
    model = history.model()
    rows = [model.index(r, 0).data() for r in range(model.rowCount())]
    # most recent first, no duplicates, at most push_url.history_size
    assert rows == ["https://example.com/1", "https://example.com/3", "https://example.com/2"]
    qtmodel = model
    assert history.currentIndex().row() == 0
    QTest.keyClick(history, Qt.Key.Key_Down)
    QTest.keyClick(history, Qt.Key.Key_Down)
    QTest.keyClick(history, Qt.Key.Key_Up)
    assert history.currentIndex().row() == 1
    QTest.keyClick(history, Qt.Key.Key_Right)
    field = child(view, QLineEdit, "urlField")
    assert field.text() == "https://example.com/3"
    assert not history.isVisible()
    for key, expected in (
        (Qt.Key.Key_Left, "https://example.com/2"),
        (Qt.Key.Key_Return, "https://example.com/2"),
    ):
        history_button.click()
        h.wait_until(history.isVisible)
        QTest.keyClick(history, Qt.Key.Key_Down)
        QTest.keyClick(history, Qt.Key.Key_Down)
        QTest.keyClick(history, key)
        assert field.text() == expected
    field.clear()
    history_button.click()
    h.wait_until(history.isVisible)
    QTest.keyClick(history, Qt.Key.Key_Escape)
    h.wait_until(lambda: not history.isVisible())
    assert field.text() == ""
    assert qtmodel.rowCount() == 3


def test_history_survives_a_restart(start: StartHarness) -> None:
    h = start()
    iid = h.customers.start_chat("Marie", "Bonjour")
    view = h.accept(iid)
    push(h, view, "https://example.com/a")
    h.wait_until(lambda: h.customers.received(iid) == ["https://example.com/a"])
    h.close()
    again = start()
    again.wait_until(lambda: again.desktop.local_state.is_loaded)
    view2 = again.accept(again.customers.start_chat("Paul", "Hello"))
    open_editor(view2)
    assert child(view2, QToolButton, "urlHistoryButton").isVisible()
    model = child(view2, QAbstractItemView, "urlHistoryList").model()
    assert model.index(0, 0).data() == "https://example.com/a"


def test_push_url_disabled_hides_the_button(start: StartHarness) -> None:
    h = start(settings={"chat": {"notification_sound": False}, "push_url": {"enabled": False}})
    view = h.accept(h.customers.start_chat("Marie", "Bonjour"))
    assert not child(view, QToolButton, "urlButton").isVisible()
    assert child(view, QToolButton, "emojiButton").isVisible()


def test_failed_push_is_retried_as_a_push(h: AppHarness, monkeypatch: pytest.MonkeyPatch) -> None:
    from agent_desktop.backends.base import BackendError

    iid = h.customers.start_chat("Marie", "Bonjour")
    view = h.accept(iid)
    real_push = h.backend.push_url
    calls: list[str] = []

    async def flaky(interaction_id: str, url: str, txn_id: str) -> None:
        calls.append(txn_id)
        if len(calls) == 1:
            raise BackendError("network unreachable")
        await real_push(interaction_id, url, txn_id)

    monkeypatch.setattr(h.backend, "push_url", flaky)
    push(h, view, "https://example.com/x")
    model = view.transcript.model()
    row = model.index(model.rowCount() - 1, 0)
    h.wait_until(lambda: row.data(Roles.DELIVERY) == DeliveryState.FAILED.value)
    view.retryRequested.emit(row.data(Roles.TXN_ID))
    h.wait_until(lambda: row.data(Roles.DELIVERY) in CONFIRMED)
    assert h.customers.received(iid) == ["https://example.com/x"]
    assert calls[0] == calls[1]
