"""Backend faults: the app shows the connection state, keeps the agent's text, reconnects on
its own and sends every message exactly once (demo fault injection, h.backend.faults)."""

from __future__ import annotations

import pytest
from PySide6.QtTest import QTest

from agent_desktop.backends.base import ConnectionLost
from agent_desktop.core.backoff import Backoff
from agent_desktop.core.events import MessageReceived
from agent_desktop.core.types import ConnectionState, DeliveryState, InteractionState, PartyRole
from agent_desktop.testing import AppHarness, children
from agent_desktop.ui.chat_view import ChatView
from agent_desktop.ui.interaction_bar import InteractionBarItem
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


def bar_items(h: AppHarness) -> list[InteractionBarItem]:
    return children(h.window, InteractionBarItem, "interactionBarItem")


def last_delivery(view: ChatView) -> str:
    model = view.transcript.model()
    return str(model.index(model.rowCount() - 1, 0).data(Roles.DELIVERY))


def transcript(view: ChatView) -> list[tuple[str, str, str]]:
    """(author role, text, message id) of every row of the chat's transcript."""
    model = view.transcript.model()
    rows = (model.index(r, 0) for r in range(model.rowCount()))
    return [
        (str(i.data(Roles.AUTHOR_ROLE)), str(i.data()), str(i.data(Roles.MESSAGE_ID))) for i in rows
    ]


def assert_each_once(view: ChatView, *, customer: list[str], agent: list[str]) -> None:
    """The transcript holds exactly these messages, each once, in the order each side wrote."""
    rows = transcript(view)
    assert [t for role, t, _id in rows if role == PartyRole.CUSTOMER.value] == customer
    assert [t for role, t, _id in rows if role == PartyRole.AGENT.value] == agent
    assert len(rows) == len(customer) + len(agent)
    assert len({message_id for _r, _t, message_id in rows}) == len(rows)


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
    h.backend.faults.drop_connection(down_s=60)  # until heal()
    h.wait_until(lambda: connection(h) == ConnectionState.RECONNECTING.value)
    h.wait_until(lambda: any("unreachable" in detail for detail in attempts))
    assert "unreachable" in h.window.banner.label.text()
    h.wait_until(
        lambda: sum("unreachable" in detail for detail in attempts) >= 3
    )  # it keeps trying
    h.backend.faults.heal()  # the backend is back
    h.wait_until(lambda: connection(h) == ConnectionState.CONNECTED.value, timeout=5)
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
    said = ["Bonjour"]
    for drop in range(1, 4):  # three bursts, each cut by a drop at some point
        for n in range(3):
            sent.append(f"burst {drop} message {n}")
            view.composer.setPlainText(sent[-1])
            view.send_button.click()
            said.append(f"burst {drop} question {n}")
            h.customers.say(iid, said[-1])
        h.wait_until(lambda goal=drop: h.backend.faults.drops >= goal, timeout=5)  # type: ignore[misc]
    h.wait_until(lambda: len(h.customers.received(iid)) == len(sent), timeout=10)
    assert h.customers.received(iid) == sent
    h.wait_until(lambda: not h.desktop.local_state.outbox, timeout=5)
    h.wait_until(lambda: len(transcript(view)) == len(sent) + len(said))
    assert_each_once(view, customer=said, agent=sent)


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


def outage(h: AppHarness, down_s: float = 0.3) -> None:
    """Drop the link; return once the app shows it is reconnecting."""
    h.backend.faults.drop_connection(down_s=down_s)
    h.wait_until(lambda: connection(h) == ConnectionState.RECONNECTING.value)


#: events a reconnect delivers again (``faults.replay_on_reconnect``): at-least-once
#: delivery, as a server resuming from an older position
REPLAYED = 20


def reconnected(h: AppHarness) -> None:
    h.wait_until(lambda: connection(h) == ConnectionState.CONNECTED.value, timeout=5)


def test_after_drops_every_message_of_both_sides_shows_once(h: AppHarness) -> None:
    iid = h.customers.start_chat("Marie", "Bonjour")
    view = h.accept(iid)
    said, sent = ["Bonjour"], []
    received = received_messages(h)
    h.backend.faults.replay_on_reconnect(REPLAYED)
    for cycle in range(3):
        outage(h)
        said.append(f"pendant la coupure {cycle}")  # held by the server while the link is down
        h.customers.typing(iid)
        h.customers.say(iid, said[-1])
        sent.append(f"réponse hors ligne {cycle}")
        view.composer.setPlainText(sent[-1])
        view.send_button.click()
        said.append(f"toujours là ? {cycle}")
        h.customers.say(iid, said[-1])
        reconnected(h)
        h.backend.faults.replay_on_reconnect(REPLAYED)
        said.append(f"après {cycle}")
        h.customers.say(iid, said[-1])
        sent.append(f"réponse {cycle}")
        view.composer.setPlainText(sent[-1])
        view.send_button.click()
    h.wait_until(lambda: h.customers.received(iid) == sent)
    h.wait_until(lambda: len(transcript(view)) == len(said) + len(sent))
    h.wait_until(lambda: all(d != "sending" for d in deliveries(view)))
    assert_each_once(view, customer=said, agent=sent)
    assert len(received) > len(said) - 1  # some came twice (replayed): shown once
    assert h.backend.faults.drops == 3
    assert not h.desktop.local_state.outbox


def received_messages(h: AppHarness) -> list[str]:
    """The ids of the messages the app gets from the backend from now on, replays included."""
    ids: list[str] = []
    session = h.desktop.session
    assert session is not None

    def note(event: object) -> None:
        if isinstance(event, MessageReceived):
            ids.append(event.message.id)

    session.eventReceived.connect(note)
    return ids


def deliveries(view: ChatView) -> list[str]:
    model = view.transcript.model()
    rows = (model.index(r, 0) for r in range(model.rowCount()))
    return [str(i.data(Roles.DELIVERY)) for i in rows if i.data(Roles.TXN_ID)]


def offered(h: AppHarness) -> list[str]:
    """The interactions the notification offers: the one shown, then those waiting."""
    toast = h.toast()
    return [] if toast is None else [summary.id for summary in toast._queue]


def test_an_offer_still_unanswered_after_a_drop_is_accepted_once(h: AppHarness) -> None:
    h.backend.faults.replay_on_reconnect(REPLAYED)
    iid = h.customers.start_chat("Marie", "Bonjour")
    h.wait_until(lambda: offered(h) == [iid])
    outage(h)
    h.customers.say(iid, "Il y a quelqu'un ?")
    later = h.customers.start_chat("Paul", "Hello")  # offered while the link is down
    reconnected(h)
    h.wait_until(lambda: offered(h) == [iid, later])  # each once, no ghost
    toast = h.toast()
    assert toast is not None and toast.more.text() == "+1 waiting"
    view = h.accept(iid)
    second = h.accept(later)
    assert h.toast() is None
    assert sorted(h.window.views) == sorted([iid, later])
    assert [i.property("interactionId") for i in bar_items(h)] == [iid, later]
    assert_each_once(view, customer=["Bonjour", "Il y a quelqu'un ?"], agent=[])
    assert_each_once(second, customer=["Hello"], agent=[])


def test_an_accept_cut_before_the_backend_got_it_is_completed_after_reconnecting(
    h: AppHarness,
) -> None:
    iid = h.customers.start_chat("Marie", "Bonjour")
    h.wait_until(lambda: offered(h) == [iid])
    h.backend.faults.replay_on_reconnect(REPLAYED)
    h.backend.faults.slow(60_000)
    toast = h.toast()
    assert toast is not None
    toast.accept_button.click()
    h.wait_until(lambda: h.backend.faults.held_calls >= 1)
    h.backend.faults.drop_connection(down_s=0.3)  # the accept never reaches the backend
    h.backend.faults.slow(0)
    h.wait_until(lambda: "accepted as soon as the connection" in h.window.banner.label.text())
    assert h.window.banner.property("level") == "warning"  # the link's fault, not theirs
    assert h.chat_view(iid) is None  # no ghost chat
    h.customers.say(iid, "Allô ?")
    reconnected(h)
    h.wait_until(lambda: h.chat_view(iid) is not None)  # the agent's choice stands
    view = h.chat_view(iid)
    assert view is not None
    assert h.toast() is None
    h.wait_until(lambda: len(transcript(view)) == 2)
    assert_each_once(view, customer=["Bonjour", "Allô ?"], agent=[])
    assert list(h.window.views) == [iid] and len(bar_items(h)) == 1
    # the next drop does not accept anything again
    outage(h, down_s=0)
    reconnected(h)
    other = h.customers.start_chat("Paul", "Hello")
    h.wait_until(lambda: offered(h) == [other])
    assert list(h.window.views) == [iid]


def test_an_accept_whose_answer_the_drop_cut_opens_the_chat_once(h: AppHarness) -> None:
    iid = h.customers.start_chat("Marie", "Bonjour")
    h.wait_until(lambda: offered(h) == [iid])
    real_accept = h.backend.accept

    async def accepted_then_cut(interaction_id: str) -> None:
        await real_accept(interaction_id)  # the backend accepted it...
        h.backend.faults.drop_connection(down_s=0.3)  # ...and the link dropped with the answer
        raise ConnectionLost("the connection to the demo contact center was lost")

    h.backend.accept = accepted_then_cut  # type: ignore[method-assign]
    h.backend.faults.replay_on_reconnect(REPLAYED)
    toast = h.toast()
    assert toast is not None
    toast.accept_button.click()
    h.wait_until(lambda: connection(h) == ConnectionState.RECONNECTING.value)
    h.customers.say(iid, "Vous êtes là ?")
    reconnected(h)
    h.wait_until(lambda: h.chat_view(iid) is not None)  # the held acceptance arrives
    view = h.chat_view(iid)
    assert view is not None
    assert h.toast() is None  # no ghost offer left behind
    h.wait_until(lambda: len(transcript(view)) == 2)
    assert_each_once(view, customer=["Bonjour", "Vous êtes là ?"], agent=[])
    assert list(h.window.views) == [iid] and len(bar_items(h)) == 1
    assert view.record.state is InteractionState.ACTIVE
    view.composer.setPlainText("Oui, je suis là")
    view.send_button.click()
    h.wait_until(lambda: h.customers.received(iid) == ["Oui, je suis là"])


def test_events_delivered_again_after_a_reconnect_change_nothing(start: StartHarness) -> None:
    h = start(
        settings={
            "chat": {"notification_sound": False},
            "backends": {"demo": {"delivered_after_s": 0.05, "read_after_s": 0.05}},
        }
    )
    session = h.desktop.session
    assert session is not None
    session.backoff = Backoff(base_s=0.05, cap_s=0.2, floor_s=0.01)
    h.backend.faults.replay_on_reconnect(REPLAYED)
    iid = h.customers.start_chat("Marie", "Bonjour")
    view = h.accept(iid)
    view.composer.setPlainText("Je regarde")
    view.send_button.click()
    h.wait_until(lambda: deliveries(view) == [DeliveryState.READ.value])
    h.customers.say(iid, "Merci")
    h.wait_until(lambda: len(transcript(view)) == 3)
    notices: list[str] = []
    h.desktop.bridge.notice.connect(lambda _level, text: notices.append(text))
    received = received_messages(h)
    shown: list[str] = []  # the delivery states the agent's message shows from now on
    view.transcript.model().dataChanged.connect(lambda *_: shown.extend(deliveries(view)))
    outage(h, down_s=0)
    reconnected(h)
    h.wait_until(lambda: len(received) >= 2)  # the offer, messages and receipts came again
    h.accept(h.customers.start_chat("Paul", "Hello"))  # the desk works after the replay
    assert set(shown) <= {DeliveryState.READ.value}  # read stays read, never back to sent
    assert_each_once(view, customer=["Bonjour", "Merci"], agent=["Je regarde"])
    assert view.record.state is InteractionState.ACTIVE
    assert notices == []
    assert h.customers.received(iid) == ["Je regarde"]


def test_automatic_answers_and_offers_delivered_again_accept_nothing_twice(
    start: StartHarness,
) -> None:
    h = start(settings={"chat": {"auto_answer": True, "notification_sound": False}})
    session = h.desktop.session
    assert session is not None
    session.backoff = Backoff(base_s=0.05, cap_s=0.2, floor_s=0.01)
    notices: list[str] = []
    h.desktop.bridge.notice.connect(lambda _level, text: notices.append(text))
    h.backend.faults.replay_on_reconnect(REPLAYED)
    first = h.customers.start_chat("Marie", "Bonjour")
    h.wait_until(lambda: h.chat_view(first) is not None)
    outage(h, down_s=0)
    second = h.customers.start_chat("Paul", "Hello")  # offered while the link is down
    reconnected(h)  # the first offer comes again, then the second
    h.wait_until(lambda: h.chat_view(second) is not None)
    h.customers.say(first, "Merci")
    h.wait_until(lambda: len(transcript(h.window.views[first])) == 2)
    assert notices == []  # no second accept of an active chat, refused
    assert sorted(h.window.views) == sorted([first, second])
    assert_each_once(h.window.views[first], customer=["Bonjour", "Merci"], agent=[])
    assert_each_once(h.window.views[second], customer=["Hello"], agent=[])


def test_an_offer_rejected_after_its_accept_was_cut_is_not_accepted_later(h: AppHarness) -> None:
    iid = h.customers.start_chat("Marie", "Bonjour")
    h.wait_until(lambda: offered(h) == [iid])
    h.backend.faults.slow(60_000)
    toast = h.toast()
    assert toast is not None
    toast.accept_button.click()
    h.wait_until(lambda: h.backend.faults.held_calls >= 1)
    h.backend.faults.drop_connection(down_s=0.3)
    h.backend.faults.slow(0)
    h.wait_until(toast.accept_button.isEnabled)
    toast.reject_button.click()  # changed their mind while the link is down
    reconnected(h)
    h.wait_until(toast.reject_button.isEnabled)
    assert h.chat_view(iid) is None
    assert offered(h) == [iid]  # still offered: the reject did not get through either
