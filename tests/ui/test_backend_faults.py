"""Backend faults: the app shows the connection state, keeps the agent's text, reconnects on
its own and sends every message exactly once (demo fault injection, h.backend.faults)."""

from __future__ import annotations

import pytest
from PySide6.QtTest import QTest

from agent_desktop.core.backoff import Backoff
from agent_desktop.core.types import ConnectionState, DeliveryState, InteractionState
from agent_desktop.testing import AppHarness
from agent_desktop.ui.chat_view import ChatView
from agent_desktop.ui.transcript_model import Roles
from tests.ui.conftest import StartHarness


@pytest.fixture
def h(start: StartHarness) -> AppHarness:
    harness = start()
    session = harness.desktop.session
    assert session is not None
    session.backoff = Backoff(base_s=0.05, cap_s=0.2, floor_s=0.01)
    return harness


def connection(h: AppHarness) -> str:
    return str(h.window.connection_label.property("state"))


def last_delivery(view: ChatView) -> str:
    model = view.transcript.model()
    return str(model.index(model.rowCount() - 1, 0).data(Roles.DELIVERY))


def test_a_dropped_connection_shows_reconnecting_and_recovers_keeping_typed_text(
    h: AppHarness,
) -> None:
    iid = h.customers.start_chat("Marie", "Bonjour")
    view = h.accept(iid)
    QTest.keyClicks(view.composer, "Je suis en train")
    states: list[str] = []
    assert h.desktop.session is not None
    h.desktop.session.connectionChanged.connect(lambda state, _detail: states.append(state))
    h.backend.faults.drop_connection(down_s=0.4)
    h.wait_until(lambda: connection(h) == ConnectionState.RECONNECTING.value)
    assert h.window.connection_label.text() == "Reconnecting…"
    h.customers.say(iid, "Vous êtes là ?")  # held by the server while the link is down
    h.wait_until(lambda: connection(h) == ConnectionState.CONNECTED.value, timeout=5)
    assert ConnectionState.FAILED.value not in states  # it was connected before: reconnecting
    assert view.composer.toPlainText() == "Je suis en train"
    model = view.transcript.model()
    h.wait_until(lambda: model.index(model.rowCount() - 1, 0).data() == "Vous êtes là ?")
    # Ready survives: a new chat is offered after the reconnect
    other = h.customers.start_chat("Paul", "Hello")
    h.accept(other)


def test_a_message_sent_while_disconnected_waits_and_goes_once(h: AppHarness) -> None:
    iid = h.customers.start_chat("Marie", "Bonjour")
    view = h.accept(iid)
    h.backend.faults.drop_connection(down_s=0.5)
    h.wait_until(lambda: connection(h) == ConnectionState.RECONNECTING.value)
    view.composer.setPlainText("Pendant la coupure")
    view.send_button.click()
    assert last_delivery(view) == DeliveryState.SENDING.value
    assert not h.window.banner.isVisible()  # waiting is not an error
    h.wait_until(lambda: h.customers.received(iid) == ["Pendant la coupure"], timeout=5)
    h.wait_until(lambda: last_delivery(view) == DeliveryState.SENT.value)
    assert not h.desktop.local_state.outbox


def test_a_send_cut_by_the_drop_is_resent_once_after_reconnecting(h: AppHarness) -> None:
    iid = h.customers.start_chat("Marie", "Bonjour")
    view = h.accept(iid)
    h.backend.faults.slow(300)
    view.composer.setPlainText("Coupé en route")
    view.send_button.click()
    h.backend.faults.drop_connection()  # while the call is on its way
    h.backend.faults.slow(0)
    h.wait_until(lambda: h.customers.received(iid) == ["Coupé en route"], timeout=5)
    h.wait_until(lambda: last_delivery(view) == DeliveryState.SENT.value)
    assert not h.window.banner.isVisible()
    assert h.backend.faults.drops == 1


def test_a_lost_confirmation_is_resent_after_reconnecting_without_duplicate(
    h: AppHarness,
) -> None:
    iid = h.customers.start_chat("Marie", "Bonjour")
    view = h.accept(iid)
    h.backend.faults.lose_confirmations(1)
    view.composer.setPlainText("Une fois")
    view.send_button.click()
    h.wait_until(lambda: h.customers.received(iid) == ["Une fois"])
    assert last_delivery(view) == DeliveryState.SENDING.value
    h.backend.faults.drop_connection()
    h.wait_until(lambda: last_delivery(view) == DeliveryState.SENT.value, timeout=5)
    assert h.customers.received(iid) == ["Une fois"]
    assert not h.desktop.local_state.outbox


def test_a_refused_send_fails_visibly_and_is_sent_again_after_a_reconnect(
    h: AppHarness,
) -> None:
    iid = h.customers.start_chat("Marie", "Bonjour")
    view = h.accept(iid)
    h.backend.faults.fail_sends(1)
    view.composer.setPlainText("Refusé")
    view.send_button.click()
    h.wait_until(lambda: last_delivery(view) == DeliveryState.FAILED.value)
    assert "refused" in h.window.banner.label.text()
    h.backend.faults.drop_connection()
    h.wait_until(lambda: h.customers.received(iid) == ["Refusé"], timeout=5)
    h.wait_until(lambda: last_delivery(view) == DeliveryState.SENT.value)


def test_reconnection_backs_off_while_the_backend_is_unreachable_then_says_so(
    h: AppHarness,
) -> None:
    attempts: list[str] = []
    assert h.desktop.session is not None
    h.desktop.session.connectionChanged.connect(
        lambda state, detail: attempts.append(detail) if detail else None
    )
    h.backend.faults.drop_connection(down_s=0.6)
    h.wait_until(lambda: connection(h) == ConnectionState.RECONNECTING.value)
    h.wait_until(lambda: any("unreachable" in detail for detail in attempts))
    assert "unreachable" in h.window.banner.label.text()
    h.wait_until(lambda: connection(h) == ConnectionState.CONNECTED.value, timeout=5)
    assert sum("unreachable" in detail for detail in attempts) >= 2  # it kept trying
    h.wait_until(lambda: "again" in h.window.banner.label.text())


def test_the_backend_drops_on_its_own_and_nothing_is_lost(start: StartHarness) -> None:
    h = start(
        settings={
            "chat": {"notification_sound": False},
            "backends": {"demo": {"faults": {"drop_connection_every_s": 0.3}}},
        }
    )
    assert h.desktop.session is not None
    h.desktop.session.backoff = Backoff(base_s=0.05, cap_s=0.1, floor_s=0.01)
    iid = h.customers.start_chat("Marie", "Bonjour")
    view = h.accept(iid)
    sent: list[str] = []
    for drop in range(1, 4):  # three bursts, each cut by a drop at some point
        for n in range(3):
            sent.append(f"burst {drop} message {n}")
            view.composer.setPlainText(sent[-1])
            view.send_button.click()
        h.wait_until(lambda goal=drop: h.backend.faults.drops >= goal, timeout=5)  # type: ignore[misc]
    h.wait_until(lambda: len(h.customers.received(iid)) == len(sent), timeout=10)
    assert h.customers.received(iid) == sent
    h.wait_until(lambda: not h.desktop.local_state.outbox, timeout=5)


def test_malformed_events_are_skipped_and_the_app_carries_on(h: AppHarness) -> None:
    iid = h.customers.start_chat("Marie", "Bonjour")
    view = h.accept(iid)
    garbage: list[str | dict[str, object]] = [
        "{not json",
        {"type": "message_received", "message": {"text": "no id"}},
        {"type": "typing", "interaction_id": iid, "party_id": 3, "typing": "maybe"},
        {"type": "from_the_future", "payload": [1, 2, 3]},
        {"type": "interaction_ended", "interaction_id": "nobody", "time": 1.0},
    ]
    for raw in garbage:
        h.backend.inject_raw_event(raw)
    assert h.backend.skipped_events == 4  # the last one is well-formed, for no one
    event = h.backend.inject_raw_event(
        {
            "type": "message_received",
            "message": {
                "id": "raw-1",
                "interaction_id": iid,
                "author_id": "contact:x",
                "author_name": "Marie",
                "author_role": "customer",
                "text": "Arrivé\ud800 brut",
                "time": 1e9,
            },
        }
    )
    assert event is not None
    model = view.transcript.model()
    h.wait_until(lambda: model.index(model.rowCount() - 1, 0).data() == "Arrivé\ufffd brut")
    assert connection(h) == ConnectionState.CONNECTED.value


def test_an_automatic_answer_cut_by_a_drop_is_retried_after_reconnecting(
    start: StartHarness,
) -> None:
    h = start(settings={"chat": {"auto_answer": True, "notification_sound": False}})
    session = h.desktop.session
    assert session is not None
    session.backoff = Backoff(base_s=0.05, cap_s=0.2, floor_s=0.01)
    h.backend.faults.slow(300)  # the automatic accept is on its way...
    iid = h.customers.start_chat("Marie", "Bonjour")
    h.wait_until(lambda: h.desktop.store.get(iid) is not None)
    h.backend.faults.drop_connection(down_s=0.5)  # ...when the link drops under it
    h.backend.faults.slow(0)
    h.wait_until(lambda: "connection" in h.window.banner.label.text())
    assert h.window.banner.property("level") == "warning"  # not an error: it is retried
    h.wait_until(lambda: h.chat_view(iid) is not None, timeout=5)
    assert h.window.views[iid].record.state is InteractionState.ACTIVE


def test_writing_in_an_ended_chat_while_disconnected_reactivates_it_after_reconnecting(
    h: AppHarness,
) -> None:
    iid = h.customers.start_chat("Marie Dupont", "Bonjour")
    view = h.accept(iid)
    view.composer.setPlainText("Un instant")
    view.send_button.click()
    h.wait_until(lambda: h.customers.received(iid) == ["Un instant"])
    h.customers.leave(iid)
    h.wait_until(lambda: view.record.state is InteractionState.ENDED)
    session = h.desktop.session
    assert session is not None
    h.backend.faults.drop_connection(down_s=0.5)
    h.wait_until(lambda: session.connection is not ConnectionState.CONNECTED)
    view.composer.setPlainText("Votre colis est parti")
    view.send_button.click()
    assert view.record.state is InteractionState.ACTIVE  # continued at once, sent later
    assert last_delivery(view) == DeliveryState.SENDING.value
    h.wait_until(lambda: last_delivery(view) == DeliveryState.SENT.value, timeout=5)
    assert view.record.state is InteractionState.ACTIVE
    assert not h.desktop.local_state.outbox
    h.customers.reconnect("Marie Dupont")
    assert h.customers.received(iid) == ["Un instant", "Votre colis est parti"]
