"""Messages into a contact's asynchronous conversation (Communication view, Conversation tab)
go through the persistent outbox like live chat messages: kept while the backend is away,
sent once after a reconnect or a restart; a refused message is failed once, never resent on
its own, and the agent retries or discards it."""

from __future__ import annotations

import asyncio
import random
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QAction, QImage
from PySide6.QtWidgets import QComboBox, QListView

from agent_desktop.backends.demo.backend import DemoBackend
from agent_desktop.core.backoff import Backoff
from agent_desktop.core.images import MAX_IMAGE_BYTES, ImageLimits, ImageRejected, RejectReason
from agent_desktop.core.types import Channel, ConnectionState, DeliveryState
from agent_desktop.services.images import prepare_image
from agent_desktop.testing import AppHarness, child
from agent_desktop.ui.communication_view import CommunicationView
from agent_desktop.ui.conversation_delegate import ConversationDelegate
from agent_desktop.ui.conversation_model import ConversationRoles
from agent_desktop.ui.failed_message_menu import FailedMessageMenu
from agent_desktop.ui.transcript_model import Roles
from tests.ui.conftest import StartHarness
from tests.ui.test_conversations import ended_chat, open_contact, open_conversation_tab
from tests.ui.test_outbox import outbox_on_disk


def fast(h: AppHarness) -> AppHarness:
    assert h.desktop.session is not None
    h.desktop.session.backoff = Backoff(base_s=0.05, cap_s=0.2, floor_s=0.01)
    return h


def connection(h: AppHarness) -> str:
    return str(h.window.connection_label.property("state"))


def last_message(view: QListView) -> tuple[str, str]:
    """(text, delivery) of the last message row of a conversation transcript."""
    model = view.model()
    for row in range(model.rowCount() - 1, -1, -1):
        index = model.index(row, 0)
        if index.data(ConversationRoles.KIND) == "message":
            return str(index.data()), str(index.data(Roles.DELIVERY))
    return "", ""


def last_index(view: QListView) -> Any:
    model = view.model()
    return model.index(model.rowCount() - 1, 0)


def send_to(view: CommunicationView, text: str) -> None:
    assert view.panel is not None
    view.panel.composer.setPlainText(text)
    view.panel.send_button.click()


def kinds(h: AppHarness) -> list[str]:
    return [entry.kind for entry in h.desktop.local_state.outbox.values()]


def on_disk(h: AppHarness) -> list[str]:
    return [entry.kind for entry in outbox_on_disk(h)]


def test_a_conversation_message_sent_while_disconnected_waits_and_goes_once(
    h: AppHarness,
) -> None:
    fast(h)
    ended_chat(h, "Marie Dupont", "Bonjour", "Je vérifie")
    view = open_contact(h, "Marie Dupont")
    transcript = child(view, QListView, "contactTranscript")
    h.backend.faults.drop_connection(down_s=0.5)
    h.wait_until(lambda: connection(h) == ConnectionState.RECONNECTING.value)
    send_to(view, "Pendant la coupure")
    assert last_message(transcript) == ("Pendant la coupure", DeliveryState.SENDING.value)
    assert kinds(h) == ["contact-text"]  # kept, on disk, before any backend call
    assert on_disk(h) == ["contact-text"]
    assert "could not be sent" not in h.window.banner.label.text()  # waiting: no error
    h.wait_until(lambda: connection(h) == ConnectionState.CONNECTED.value, timeout=5)
    h.wait_until(lambda: last_message(transcript)[1] == DeliveryState.SENT.value)
    assert not h.desktop.local_state.outbox
    h.customers.reconnect("Marie Dupont")
    assert h.customers.received_by("Marie Dupont") == ["Je vérifie", "Pendant la coupure"]


def test_a_conversation_tab_message_cut_by_a_drop_is_sent_once_after_reconnecting(
    h: AppHarness,
) -> None:
    fast(h)
    h.customers.leave(h.customers.start_chat("Léo Blanc", "Salut", channel="whatsapp"))
    chat = h.accept(h.customers.start_chat("Léo Blanc", "Re", channel="webchat"))
    panel = open_conversation_tab(h, chat)
    selector = child(panel, QComboBox, "channelSelector")
    selector.setCurrentIndex(selector.findData("whatsapp"))  # not the live chat: async
    h.backend.faults.slow(300)
    panel.composer.setPlainText("Par WhatsApp")
    panel.send_button.click()
    h.backend.faults.drop_connection()  # while the call is on its way
    h.backend.faults.slow(0)
    h.wait_until(lambda: connection(h) == ConnectionState.CONNECTED.value, timeout=5)
    h.wait_until(lambda: not h.desktop.local_state.outbox, timeout=5)
    h.wait_until(lambda: last_message(panel.transcript)[1] == DeliveryState.SENT.value)
    h.customers.reconnect("Léo Blanc")
    assert h.customers.received_by("Léo Blanc").count("Par WhatsApp") == 1
    assert "could not be sent" not in h.window.banner.label.text()


def test_a_pending_conversation_message_is_sent_once_after_a_restart(
    start: StartHarness,
) -> None:
    h = start()
    ended_chat(h, "Marie Dupont", "Bonjour", "Je vérifie")
    view = open_contact(h, "Marie Dupont")
    real = h.backend.send_to_contact
    calls: list[str] = []

    async def stored_then_dies(contact_id: str, channel: Channel, text: str, txn_id: str) -> None:
        calls.append(txn_id)
        if len(calls) == 1:  # the backend stores the first, its confirmation is lost
            h.backend._swallowed.add(txn_id)
            await real(contact_id, channel, text, txn_id)
        await asyncio.Future()  # the app is gone before the call returns

    h.backend.send_to_contact = stored_then_dies  # type: ignore[method-assign]
    send_to(view, "Stocké sans accusé")
    send_to(view, "Jamais parti")
    h.wait_until(lambda: len(calls) == 2)
    assert on_disk(h) == ["contact-text", "contact-text"]
    h.close()

    again = start()
    view = open_contact(again, "Marie Dupont")
    again.wait_until(lambda: not again.desktop.local_state.outbox)
    assert on_disk(again) == []
    again.customers.reconnect("Marie Dupont")
    received = again.customers.received_by("Marie Dupont")
    assert received == ["Je vérifie", "Stocké sans accusé", "Jamais parti"]


async def hanging_method(
    _backend: DemoBackend, contact: str, channel: Channel, text: str, txn: str
) -> None:
    await asyncio.Future()


def test_a_pending_conversation_message_shows_as_sending_after_a_restart(
    start: StartHarness, monkeypatch: pytest.MonkeyPatch
) -> None:
    h = start()
    ended_chat(h, "Marie Dupont", "Bonjour", "Je vérifie")
    view = open_contact(h, "Marie Dupont")

    async def hanging(contact_id: str, channel: Channel, text: str, txn_id: str) -> None:
        await asyncio.Future()

    h.backend.send_to_contact = hanging  # type: ignore[method-assign]
    send_to(view, "En attente")
    h.wait_until(lambda: bool(h.desktop.local_state.outbox))
    h.close()

    # the next run's backend does not answer either: the echo is back, as sending
    monkeypatch.setattr(DemoBackend, "send_to_contact", hanging_method)
    again = start()
    view = open_contact(again, "Marie Dupont")
    transcript = child(view, QListView, "contactTranscript")
    again.wait_until(lambda: last_message(transcript)[0] == "En attente")
    assert last_message(transcript)[1] == DeliveryState.SENDING.value


def test_a_refused_conversation_message_fails_once_then_is_retried_or_discarded(
    h: AppHarness,
) -> None:
    fast(h)
    ended_chat(h, "Marie Dupont", "Bonjour", "Je vérifie")
    view = open_contact(h, "Marie Dupont")
    transcript = child(view, QListView, "contactTranscript")
    h.backend.faults.refuse_sends(1)
    send_to(view, "Refusé")
    h.wait_until(lambda: last_message(transcript)[1] == DeliveryState.FAILED.value)
    assert "does not accept" in h.window.banner.label.text()
    errors: list[str] = []
    h.desktop.bridge.notice.connect(lambda _level, text: errors.append(text))
    h.backend.faults.drop_connection()
    h.wait_until(lambda: connection(h) == ConnectionState.RECONNECTING.value)
    h.wait_until(lambda: connection(h) == ConnectionState.CONNECTED.value, timeout=5)
    h.backend.faults.drop_connection()  # a second reconnect: still not resent, not re-told
    h.wait_until(lambda: connection(h) == ConnectionState.RECONNECTING.value)
    h.wait_until(lambda: connection(h) == ConnectionState.CONNECTED.value, timeout=5)
    assert sum(h.backend.faults.refused.values()) == 1
    assert not any("does not accept" in text for text in errors)
    assert last_message(transcript)[1] == DeliveryState.FAILED.value
    assert [e.refused != "" for e in h.desktop.local_state.outbox.values()] == [True]

    # the agent tries again: refused again, still kept; then discards it
    failed_menu = transcript.findChild(FailedMessageMenu)
    assert isinstance(failed_menu, FailedMessageMenu)
    txn = str(last_index(transcript).data(Roles.TXN_ID))
    opened = failed_menu.open(txn, transcript.viewport().mapToGlobal(QPoint(4, 4)))
    assert opened.objectName() == "failedMessageMenu"
    retry = opened.findChild(QAction, "retryMessageAction")
    assert retry is not None
    retry.trigger()
    h.wait_until(lambda: sum(h.backend.faults.refused.values()) == 2)
    h.wait_until(lambda: last_message(transcript)[1] == DeliveryState.FAILED.value)
    discard = failed_menu.open(txn, QPoint(0, 0)).findChild(QAction, "discardMessageAction")
    assert discard is not None
    discard.trigger()
    h.wait_until(lambda: last_message(transcript)[1] == DeliveryState.DISCARDED.value)
    assert not h.desktop.local_state.outbox
    h.customers.reconnect("Marie Dupont")
    assert "Refusé" not in h.customers.received_by("Marie Dupont")


def test_an_image_to_an_absent_contact_goes_through_the_outbox(
    h: AppHarness, tmp_path: Any
) -> None:
    from tests.ui.test_conversations import png_file

    fast(h)
    ended_chat(h, "Marie Dupont", "Bonjour", "Je vérifie")
    view = open_contact(h, "Marie Dupont")
    transcript = child(view, QListView, "contactTranscript")
    h.backend.faults.drop_connection(down_s=0.5)
    h.wait_until(lambda: connection(h) == ConnectionState.RECONNECTING.value)
    assert view.panel is not None
    view.panel.attach_file(png_file(tmp_path / "photo.png"))
    h.wait_until(lambda: kinds(h) == ["contact-image"])
    assert last_message(transcript) == ("photo.png", DeliveryState.SENDING.value)
    h.wait_until(lambda: connection(h) == ConnectionState.CONNECTED.value, timeout=5)
    h.wait_until(lambda: last_message(transcript)[1] == DeliveryState.SENT.value)
    assert not h.desktop.local_state.outbox
    h.customers.reconnect("Marie Dupont")
    assert h.customers.received_by("Marie Dupont").count("photo.png") == 1


@pytest.mark.parametrize("status", ["delivered", "read"])
def test_a_receipt_confirms_a_message_whose_confirmation_was_lost(
    h: AppHarness, status: str
) -> None:
    iid = h.customers.start_chat("Marie", "Bonjour")
    view = h.accept(iid)
    h.backend.faults.lose_confirmations(1)
    view.composer.setPlainText("Une fois")
    view.send_button.click()
    h.wait_until(lambda: h.customers.received(iid) == ["Une fois"])
    assert len(h.desktop.local_state.outbox) == 1
    txn = next(iter(h.desktop.local_state.outbox))
    h.backend.inject_raw_event(
        {
            "type": "message_status",
            "interaction_id": iid,
            "txn_id": txn,
            "status": status,
            "time": 1e9,
        }
    )
    h.wait_until(lambda: not h.desktop.local_state.outbox)
    model = view.transcript.model()
    h.wait_until(lambda: model.index(model.rowCount() - 1, 0).data(Roles.DELIVERY) == status)


def test_a_refused_chat_message_is_failed_once_and_not_resent_until_the_agent_asks(
    h: AppHarness,
) -> None:
    fast(h)
    iid = h.customers.start_chat("Marie", "Bonjour")
    view = h.accept(iid)
    h.backend.faults.refuse_sends(1)
    view.composer.setPlainText("Refusé")
    view.send_button.click()
    model = view.transcript.model()
    row = model.index(model.rowCount() - 1, 0)
    h.wait_until(lambda: row.data(Roles.DELIVERY) == DeliveryState.FAILED.value)
    notices: list[str] = []
    h.desktop.bridge.notice.connect(lambda _level, text: notices.append(text))
    for _ in range(2):
        h.backend.faults.drop_connection()
        h.wait_until(lambda: connection(h) == ConnectionState.RECONNECTING.value)
        h.wait_until(lambda: connection(h) == ConnectionState.CONNECTED.value, timeout=5)
    other = h.customers.start_chat("Paul", "Hello")  # the desk works after the reconnects
    h.accept(other)
    assert sum(h.backend.faults.refused.values()) == 1  # never resent on its own
    assert notices == []  # and not told again
    assert row.data(Roles.DELIVERY) == DeliveryState.FAILED.value
    txn = str(row.data(Roles.TXN_ID))
    menu = view.transcript.findChild(FailedMessageMenu)
    assert isinstance(menu, FailedMessageMenu)
    action = menu.open(txn, QPoint(0, 0)).findChild(QAction, "discardMessageAction")
    assert action is not None
    action.trigger()
    h.wait_until(lambda: row.data(Roles.DELIVERY) == DeliveryState.DISCARDED.value)
    assert not h.desktop.local_state.outbox
    assert h.customers.received(iid) == []
    view.transcript.viewport().grab()  # the discarded mark paints


def test_a_refused_message_stays_failed_after_a_restart_and_is_not_resent(
    start: StartHarness,
) -> None:
    settings = {
        "chat": {"notification_sound": False},
        "backends": {"demo": {"resume_active_chats": True}},
    }
    h = start(settings=settings)
    iid = h.customers.start_chat("Marie", "Bonjour")
    view = h.accept(iid)
    h.backend.faults.refuse_sends(1)
    view.composer.setPlainText("Refusé")
    view.send_button.click()
    h.wait_until(lambda: any(e.refused for e in h.desktop.local_state.outbox.values()))
    h.close()

    again = start(settings=settings)
    again.wait_until(lambda: again.chat_view(iid) is not None)
    model = again.window.views[iid].transcript.model()

    def shown() -> list[tuple[str, str]]:
        return [
            (str(model.index(r, 0).data()), str(model.index(r, 0).data(Roles.DELIVERY)))
            for r in range(model.rowCount())
        ]

    again.wait_until(lambda: ("Refusé", DeliveryState.FAILED.value) in shown())
    assert again.customers.received(iid) == []
    assert len(again.desktop.local_state.outbox) == 1


def noise_png(path: Path, side: int) -> Path:
    """A palette PNG of noise: about one byte a pixel on disk, four once re-encoded."""
    rng = random.Random(7)
    image = QImage(rng.randbytes(side * side), side, side, side, QImage.Format.Format_Indexed8)
    image = image.copy()  # own the pixels
    image.setColorTable([rng.getrandbits(24) | 0xFF000000 for _ in range(256)])
    assert image.save(str(path))  # PNG, from the suffix
    return path


def test_an_image_larger_once_reencoded_is_refused_with_a_message_and_nothing_sent(
    h: AppHarness, tmp_path: Path
) -> None:
    fast(h)
    ended_chat(h, "Marie Dupont", "Bonjour", "Je vérifie")
    view = open_contact(h, "Marie Dupont")
    transcript = child(view, QListView, "contactTranscript")
    path = noise_png(tmp_path / "bruit.png", 1500)
    assert path.stat().st_size < MAX_IMAGE_BYTES  # the file itself is under the cap
    assert view.panel is not None
    view.panel.composer.setPlainText("Voici la photo")
    refused: list[str] = []
    assert h.desktop.conversations is not None
    h.desktop.conversations.imageRejected.connect(refused.append)
    view.panel.attach_file(path)
    h.wait_until(lambda: bool(refused), timeout=10)
    assert "too large" in refused[0] and "once prepared for sending" in refused[0]
    h.wait_until(h.window.banner.isVisible)
    assert "bruit.png was not sent" in h.window.banner.label.text()
    assert last_message(transcript)[0] == "Je vérifie"  # nothing shown as sent
    assert not h.desktop.local_state.outbox
    assert view.panel.composer.toPlainText() == "Voici la photo"  # nothing lost
    h.customers.reconnect("Marie Dupont")
    assert h.customers.received_by("Marie Dupont") == ["Je vérifie"]


def test_prepare_image_checks_the_reencoded_size_against_the_cap(tmp_path: Path) -> None:
    data = noise_png(tmp_path / "small.png", 200).read_bytes()
    assert len(prepare_image(data, ImageLimits(max_bytes=len(data) * 5)).data) > len(data)
    with pytest.raises(ImageRejected) as refused:
        prepare_image(data, ImageLimits(max_bytes=len(data) + 10))
    assert refused.value.reason is RejectReason.TOO_LARGE


# images into a live chat (Conversation tab on the chat's channel) -------------------------
def live_rows(view: Any) -> list[tuple[str, str]]:
    model = view.transcript.model()
    return [
        (str(model.index(r, 0).data()), str(model.index(r, 0).data(Roles.DELIVERY)))
        for r in range(model.rowCount())
    ]


def test_an_image_into_a_live_chat_waits_in_the_outbox_and_goes_once(
    h: AppHarness, tmp_path: Path
) -> None:
    from tests.ui.test_conversations import png_file

    fast(h)
    chat = h.accept(h.customers.start_chat("Léo Blanc", "Vous voyez ?", channel="webchat"))
    panel = open_conversation_tab(h, chat)
    h.backend.faults.drop_connection(down_s=0.5)
    h.wait_until(lambda: connection(h) == ConnectionState.RECONNECTING.value)
    panel.attach_file(png_file(tmp_path / "schema.png"))
    h.wait_until(lambda: kinds(h) == ["image"])
    assert on_disk(h) == ["image"]
    assert live_rows(chat)[-1] == ("schema.png", DeliveryState.SENDING.value)
    h.wait_until(lambda: connection(h) == ConnectionState.CONNECTED.value, timeout=5)
    h.wait_until(lambda: live_rows(chat)[-1] == ("schema.png", DeliveryState.SENT.value))
    assert not h.desktop.local_state.outbox
    assert h.customers.received_by("Léo Blanc").count("schema.png") == 1
    model, delegate = chat.transcript.model(), chat.delegate
    assert isinstance(delegate, ConversationDelegate)
    assert delegate.thumbnail(model.index(model.rowCount() - 1, 0)) is not None


async def hanging_image(
    _backend: DemoBackend, iid: str, data: bytes, mime: str, filename: str, txn: str
) -> None:
    await asyncio.Future()


def test_an_unsent_live_image_reaches_the_contact_once_after_a_restart(
    start: StartHarness, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tests.ui.test_conversations import png_file

    monkeypatch.setattr(DemoBackend, "send_image", hanging_image)
    h = start()
    chat = h.accept(h.customers.start_chat("Léo Blanc", "Vous voyez ?", channel="webchat"))
    panel = open_conversation_tab(h, chat)
    panel.attach_file(png_file(tmp_path / "schema.png"))
    h.wait_until(lambda: on_disk(h) == ["image"])
    h.close()
    monkeypatch.undo()

    # the chat is gone with the old run: the image goes to the contact's conversation
    again = start()
    again.wait_until(lambda: not again.desktop.local_state.outbox, timeout=10)
    assert on_disk(again) == []
    again.customers.reconnect("Léo Blanc")
    assert again.customers.received_by("Léo Blanc").count("schema.png") == 1
