"""The outbox: every agent message is on disk before the backend call and sent exactly once
after a failure or a restart; a message whose chat is gone is redirected or kept, never lost."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from agent_desktop.backends.base import BackendError
from agent_desktop.backends.demo.backend import DemoBackend
from agent_desktop.core.models import Message
from agent_desktop.core.types import Capability, Channel, DeliveryState
from agent_desktop.services.state_store import OutboxEntry, StateDatabase
from agent_desktop.testing import AppHarness
from agent_desktop.ui.transcript_model import Roles
from tests.ui.conftest import StartHarness

RESUME: dict[str, Any] = {
    "chat": {"notification_sound": False},
    "backends": {"demo": {"resume_active_chats": True}},
}


def texts(h: AppHarness, iid: str) -> list[str]:
    view = h.chat_view(iid)
    assert view is not None
    model = view.transcript.model()
    return [str(model.index(r, 0).data()) for r in range(model.rowCount())]


def outbox_on_disk(h: AppHarness) -> list[OutboxEntry]:
    """The outbox table on disk (read after a flush of queued writes)."""
    h.run(h.desktop.local_state.flush())
    database = StateDatabase(h.desktop.paths.state_db)
    database.open()
    try:
        return database.outbox()
    finally:
        database.close()


def stored_outbox(h: AppHarness) -> list[str]:
    """The txn ids in the outbox table on disk."""
    return [entry.txn_id for entry in outbox_on_disk(h)]


def hang_sends(h: AppHarness) -> list[str]:
    """Every send_message call from now on hangs (the backend never answers)."""
    calls: list[str] = []

    async def hanging(interaction_id: str, text: str, txn_id: str) -> None:
        calls.append(txn_id)
        await asyncio.Future()

    h.backend.send_message = hanging  # type: ignore[method-assign]
    return calls


def test_a_message_is_on_disk_before_the_backend_is_called_and_removed_when_confirmed(
    h: AppHarness,
) -> None:
    iid = h.customers.start_chat("Marie", "Bonjour")
    view = h.accept(iid)
    real_send = h.backend.send_message
    seen_on_disk: list[bool] = []

    async def checking(interaction_id: str, text: str, txn_id: str) -> None:
        seen_on_disk.append(txn_id in stored_outbox_sync(h))
        await real_send(interaction_id, text, txn_id)

    h.backend.send_message = checking  # type: ignore[method-assign]
    view.composer.setPlainText("Je regarde.")
    view.send_button.click()
    h.wait_until(lambda: h.customers.received(iid) == ["Je regarde."])
    assert seen_on_disk == [True]
    h.wait_until(lambda: not h.desktop.local_state.outbox)
    assert stored_outbox(h) == []


def stored_outbox_sync(h: AppHarness) -> list[str]:
    # the write was queued on the state worker before the backend call: wait for it there
    state = h.desktop.local_state
    state._executor.submit(lambda: None).result(timeout=5)
    database = StateDatabase(h.desktop.paths.state_db)
    database.open()
    try:
        return [entry.txn_id for entry in database.outbox()]
    finally:
        database.close()


def test_an_unconfirmed_message_is_sent_once_after_a_restart(start: StartHarness) -> None:
    h = start(settings=RESUME)
    iid = h.customers.start_chat("Marie", "Bonjour")
    h.accept(iid)
    h.window.views[iid].composer.setPlainText("Votre colis part demain.")
    real_send = h.backend.send_message
    # the first message reaches the backend but its confirmation is lost with the app
    view = h.window.views[iid]
    view.send_button.click()
    h.wait_until(lambda: h.customers.received(iid) == ["Votre colis part demain."])
    calls = hang_sends(h)
    view.composer.setPlainText("Et le numéro de suivi ?")
    view.send_button.click()
    h.wait_until(lambda: len(calls) == 1)
    assert len(stored_outbox(h)) == 1
    h.close()
    del real_send

    again = start(settings=RESUME)
    again.wait_until(lambda: again.chat_view(iid) is not None)
    again.wait_until(
        lambda: (
            again.customers.received(iid) == ["Votre colis part demain.", "Et le numéro de suivi ?"]
        )
    )
    again.wait_until(lambda: not again.desktop.local_state.outbox)
    assert texts(again, iid) == ["Bonjour", "Votre colis part demain.", "Et le numéro de suivi ?"]
    model = again.window.views[iid].transcript.model()
    last = model.index(model.rowCount() - 1, 0)
    again.wait_until(lambda: last.data(Roles.DELIVERY) == DeliveryState.SENT.value)
    assert stored_outbox(again) == []


def test_a_message_confirmed_before_the_crash_is_not_sent_twice(start: StartHarness) -> None:
    h = start(settings=RESUME)
    iid = h.customers.start_chat("Marie", "Bonjour")
    view = h.accept(iid)
    # the backend stores the message, but the app stops before the confirmation arrives
    confirm = h.backend._center.confirm
    h.backend._center._confirm = lambda *args: None  # type: ignore[method-assign]
    view.composer.setPlainText("Une seule fois")
    view.send_button.click()
    h.wait_until(lambda: h.customers.received(iid) == ["Une seule fois"])
    assert len(stored_outbox(h)) == 1
    h.close()
    del confirm

    again = start(settings=RESUME)
    again.wait_until(lambda: not again.desktop.local_state.outbox)
    assert again.customers.received(iid) == ["Une seule fois"]
    assert texts(again, iid) == ["Bonjour", "Une seule fois"]


def test_a_message_whose_chat_is_gone_reaches_the_demo_contact_conversation(
    start: StartHarness,
) -> None:
    h = start()
    iid = h.customers.start_chat("Marie", "Bonjour", channel="whatsapp")
    view = h.accept(iid)
    hang_sends(h)
    view.composer.setPlainText("Toujours là ?")
    view.send_button.click()
    h.wait_until(lambda: bool(h.desktop.local_state.outbox))
    h.close()

    # the demo ends the chat; the message goes into the contact's WhatsApp conversation
    again = start()
    again.wait_until(lambda: not again.desktop.local_state.outbox)
    assert again.customers.received_by("Marie").count("Toujours là ?") == 1
    assert stored_outbox(again) == []


def test_a_message_whose_chat_is_gone_is_kept_and_the_agent_told(
    start: StartHarness, monkeypatch: pytest.MonkeyPatch
) -> None:
    h = start()
    iid = h.customers.start_chat("Marie", "Bonjour")
    view = h.accept(iid)
    hang_sends(h)
    view.composer.setPlainText("Perdu ?")
    view.send_button.click()
    h.wait_until(lambda: bool(h.desktop.local_state.outbox))
    h.close()

    # a backend without asynchronous conversations cannot reach the contact any more
    without = DemoBackend.capabilities - {Capability.ASYNC_CHAT}
    monkeypatch.setattr(DemoBackend, "capabilities", without)
    again = start()  # the demo ends chats a previous run left open
    again.wait_until(again.window.banner.isVisible)
    assert "Perdu ?" in again.window.banner.label.text()
    assert "kept" in again.window.banner.label.text()
    assert [e.body for e in again.desktop.local_state.outbox.values()] == ["Perdu ?"]
    assert again.customers.received(iid) == []


def test_a_message_whose_chat_is_gone_goes_to_the_contact_conversation(
    start: StartHarness, monkeypatch: pytest.MonkeyPatch
) -> None:
    h = start()
    iid = h.customers.start_chat("Marie", "Bonjour", channel="whatsapp")
    view = h.accept(iid)
    contact_id = h.window.views[iid].record.contact.id
    hang_sends(h)
    view.composer.setPlainText("Je vous réponds ici.")
    view.send_button.click()
    h.wait_until(lambda: bool(h.desktop.local_state.outbox))
    txn = next(iter(h.desktop.local_state.outbox))
    h.close()

    # the demo has asynchronous conversations (send_to_contact); this one records the call
    delivered: list[tuple[str, Channel, str, str]] = []

    async def send_to_contact(
        _backend: DemoBackend, contact: str, channel: Channel, text: str, txn_id: str
    ) -> None:
        delivered.append((contact, channel, text, txn_id))

    monkeypatch.setattr(DemoBackend, "send_to_contact", send_to_contact)
    again = start(ready=False)
    again.wait_until(lambda: not again.desktop.local_state.outbox)
    assert delivered == [(contact_id, Channel.WHATSAPP, "Je vous réponds ici.", txn)]
    assert stored_outbox(again) == []


def test_a_failed_message_stays_in_the_outbox_until_retried(h: AppHarness) -> None:
    iid = h.customers.start_chat("Marie", "Bonjour")
    view = h.accept(iid)
    real_send = h.backend.send_message
    attempts: list[str] = []

    async def flaky(interaction_id: str, text: str, txn_id: str) -> None:
        attempts.append(txn_id)
        if len(attempts) == 1:
            raise BackendError("network unreachable")
        await real_send(interaction_id, text, txn_id)

    h.backend.send_message = flaky  # type: ignore[method-assign]
    view.composer.setPlainText("Allô ?")
    view.send_button.click()
    model = view.transcript.model()
    row = model.index(model.rowCount() - 1, 0)
    h.wait_until(lambda: row.data(Roles.DELIVERY) == DeliveryState.FAILED.value)
    assert list(h.desktop.local_state.outbox) == attempts
    view.retryRequested.emit(row.data(Roles.TXN_ID))
    h.wait_until(lambda: not h.desktop.local_state.outbox)
    assert h.customers.received(iid) == ["Allô ?"]


def test_resend_puts_back_the_local_echo_of_a_message_this_run_never_showed(
    h: AppHarness,
) -> None:
    iid = h.customers.start_chat("Marie", "Bonjour")
    h.accept(iid)
    session = h.desktop.session
    assert session is not None
    session.resend(iid, "txn-from-a-previous-run", "text", "Rebonjour")
    h.wait_until(lambda: h.customers.received(iid) == ["Rebonjour"])
    record = h.window.views[iid].record
    message = record.transcript.by_txn("txn-from-a-previous-run")
    assert isinstance(message, Message)

    def sent() -> bool:
        echo = record.transcript.by_txn("txn-from-a-previous-run")
        return echo is not None and echo.delivery is DeliveryState.SENT

    h.wait_until(sent)
