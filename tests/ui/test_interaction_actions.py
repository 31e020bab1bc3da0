"""Transfer, conference, consultation, call / e-mail, disposition and note, via the harness."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)
from pytestqt.modeltest import ModelTester

from agent_desktop.backends.base import BackendError, Target
from agent_desktop.core.types import PartyRole, PartyState
from agent_desktop.testing import AppHarness, child
from agent_desktop.ui.chat_view import ChatView
from agent_desktop.ui.consultation_view import ConsultationView
from agent_desktop.ui.party_list import PartyRoles
from agent_desktop.ui.party_menu import PartyMenu
from agent_desktop.ui.target_picker import TargetModel, TargetPicker, TargetRoles
from tests.ui.conftest import StartHarness

CLAIRE = "Claire Moreau"


def fast(**extra: Any) -> dict[str, Any]:
    settings: dict[str, Any] = {
        "chat": {"notification_sound": False},
        "backends": {"demo": {"colleague_answer_s": 0.05, "colleague_timeout_s": 0.4}},
    }
    settings.update(extra)
    return settings


@pytest.fixture
def h(start: StartHarness) -> AppHarness:
    return start(settings=fast())


def open_chat(h: AppHarness, name: str = "Marie Dupont", **kwargs: Any) -> tuple[str, ChatView]:
    iid = h.customers.start_chat(name, "Bonjour", **kwargs)
    return iid, h.accept(iid)


def picker(h: AppHarness) -> TargetPicker:
    h.wait_until(lambda: (p := h.window.findChild(TargetPicker, "targetPicker")) and p.isVisible())
    found = h.window.findChild(TargetPicker, "targetPicker")
    assert found is not None
    return found


def list_names(p: TargetPicker) -> list[str]:
    target_list = child(p, QListView, "targetList")
    model = target_list.model()
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def choose(h: AppHarness, view: ChatView, button: str, name: str) -> None:
    """Click ``button``, pick ``name`` in the target picker, confirm."""
    child(view, QAbstractButton, button).click()
    p = picker(h)
    h.wait_until(lambda: name in list_names(p))
    target_list = child(p, QListView, "targetList")
    row = list_names(p).index(name)
    target_list.setCurrentIndex(target_list.model().index(row, 0))
    child(p, QPushButton, "chooseTargetButton").click()
    h.wait_until(lambda: not p.isVisible())


def banner_text(h: AppHarness) -> str:
    return h.window.banner.label.text() if h.window.banner.isVisible() else ""


def party_states(view: ChatView) -> dict[str, tuple[str, str]]:
    model = view.party_list.model()
    return {
        model.index(r, 0).data(): (
            model.index(r, 0).data(PartyRoles.ROLE),
            model.index(r, 0).data(PartyRoles.STATE),
        )
        for r in range(model.rowCount())
    }


def party_menu(h: AppHarness, view: ChatView, party_name: str) -> PartyMenu:
    model = view.party_list.model()
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == party_name)
    rect = view.party_list.visualRect(model.index(row, 0))
    view.party_list.customContextMenuRequested.emit(rect.center())
    h.wait_until(lambda: (m := view.findChild(PartyMenu, "partyMenu")) and m.isVisible())
    menu = view.findChild(PartyMenu, "partyMenu")
    assert menu is not None
    return menu


def trigger(menu: PartyMenu, name: str) -> None:
    action = menu.findChild(QAction, name)
    assert action is not None, [a.objectName() for a in menu.actions()]
    action.trigger()
    menu.close()


# target picker ----------------------------------------------------------------------------
def test_target_picker_shows_presence_greys_unavailable_and_searches(h: AppHarness) -> None:
    _, view = open_chat(h)
    child(view, QAbstractButton, "transferButton").click()
    p = picker(h)
    h.wait_until(lambda: len(list_names(p)) == 15)
    model = child(p, QListView, "targetList").model()
    rows = [model.index(r, 0) for r in range(model.rowCount())]
    busy = next(i for i in rows if i.data() == "Sophie Bernard")
    assert busy.data(TargetRoles.PRESENCE) == "busy"
    assert "Busy" in busy.data(Qt.ItemDataRole.ToolTipRole)
    assert not busy.flags() & Qt.ItemFlag.ItemIsSelectable
    assert not busy.flags() & Qt.ItemFlag.ItemIsEnabled
    assert not p.select_name("Sophie Bernard")
    ready = next(i for i in rows if i.data() == CLAIRE)
    assert ready.flags() & Qt.ItemFlag.ItemIsSelectable
    # available targets first, the unavailable at the end
    available = [i.data(TargetRoles.AVAILABLE) for i in rows]
    assert available == sorted(available, reverse=True)
    assert {"Billing", "Technical support", "Sales"} <= set(list_names(p))
    search = child(p, QLineEdit, "targetSearch")
    QTest.keyClicks(search, "lefevre")
    h.wait_until(lambda: list_names(p) == ["Julien Lefèvre"])
    choose_button = child(p, QPushButton, "chooseTargetButton")
    assert not choose_button.isEnabled()
    p.reject()


def test_picker_closes_when_its_chat_leaves_the_desk(h: AppHarness) -> None:
    iid, view = open_chat(h)
    child(view, QAbstractButton, "transferButton").click()
    assert picker(h).isVisible()
    h.customers.leave(iid)
    h.wait_until(view.done_button.isEnabled)
    view.done_button.click()
    h.wait_until(lambda: h.chat_view(iid) is None)
    h.wait_until(lambda: h.window.findChild(TargetPicker, "targetPicker") is None)


def test_consult_and_conference_pickers_offer_no_queue(h: AppHarness) -> None:
    _, view = open_chat(h)
    child(view, QAbstractButton, "consultButton").click()
    p = picker(h)
    h.wait_until(lambda: len(list_names(p)) == 12)
    assert "Billing" not in list_names(p)
    p.reject()


def test_target_model_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    model = TargetModel()
    model.set_targets(
        [
            Target(id="colleague:a", name="Ann", kind="agent", presence="busy"),
            Target(id="colleague:b", name="Bob", kind="agent"),
            Target(id="queue:q", name="Queue", kind="queue"),
        ]
    )
    qtmodeltester.check(model)  # type: ignore[no-untyped-call]
    assert [model.index(r, 0).data() for r in range(3)] == ["Bob", "Queue", "Ann"]
    assert model.data(QModelIndex()) is None


# transfer ---------------------------------------------------------------------------------
def test_transfer_to_a_colleague_leaves_the_desk(start: StartHarness) -> None:
    slow = fast()
    slow["backends"]["demo"].update(colleague_answer_s=0.5, colleague_timeout_s=5)
    h = start(settings=slow)
    iid, view = open_chat(h)
    transfer = child(view, QAbstractButton, "transferButton")
    choose(h, view, "transferButton", CLAIRE)
    # the request runs: the button shows it and refuses a second click
    h.wait_until(lambda: not transfer.isEnabled() and transfer.text() == "Transferring…")
    h.wait_until(lambda: h.chat_view(iid) is None)
    assert h.window.store.get(iid) is None
    assert h.colleagues.in_interaction(iid) == [CLAIRE]
    h.wait_until(lambda: "transferred to Claire Moreau" in banner_text(h))
    record = h.backend.saved_interaction(iid)
    assert record is not None and record["state"] == "transferred"


def test_transfer_to_a_queue(h: AppHarness) -> None:
    iid, view = open_chat(h)
    choose(h, view, "transferButton", "Billing")
    h.wait_until(lambda: h.chat_view(iid) is None)
    h.wait_until(lambda: "Billing" in banner_text(h))


@pytest.mark.parametrize(
    ("setup", "expected"),
    [
        ("decline", "Claire Moreau declined the transfer request"),
        ("ignore", "Claire Moreau did not answer the transfer request within 0.4 s"),
        ("error", "the routing server is down"),
    ],
)
def test_failed_transfer_keeps_the_chat(
    h: AppHarness, monkeypatch: pytest.MonkeyPatch, setup: str, expected: str
) -> None:
    iid, view = open_chat(h)
    if setup == "decline":
        h.colleagues.decline_next(CLAIRE)
    elif setup == "ignore":
        h.colleagues.ignore_next(CLAIRE)
    else:

        async def broken(interaction_id: str, target_id: str) -> None:
            raise BackendError("the routing server is down")

        monkeypatch.setattr(h.backend, "transfer", broken)
    transfer = child(view, QAbstractButton, "transferButton")
    choose(h, view, "transferButton", CLAIRE)
    h.wait_until(lambda: expected in banner_text(h))
    assert "stays with you" in banner_text(h)
    assert h.chat_view(iid) is view
    h.wait_until(transfer.isEnabled)
    assert transfer.text() == "Transfer"
    # the chat works as before
    view.composer.setPlainText("Je suis toujours là.")
    view.send_button.click()
    h.wait_until(lambda: h.customers.received(iid) == ["Je suis toujours là."])


def test_double_request_transfers_once(h: AppHarness, monkeypatch: pytest.MonkeyPatch) -> None:
    iid, _ = open_chat(h)
    calls: list[str] = []
    real = h.backend.transfer

    async def counting(interaction_id: str, target_id: str) -> None:
        calls.append(target_id)
        await real(interaction_id, target_id)

    monkeypatch.setattr(h.backend, "transfer", counting)
    actions = h.window.interaction_actions
    assert actions is not None
    target = Target(id="colleague:claire", name=CLAIRE, kind="agent")
    assert actions.transfer(iid, target)
    assert not actions.transfer(iid, target)
    h.wait_until(lambda: h.chat_view(iid) is None)
    assert calls == ["colleague:claire"]


# conference -------------------------------------------------------------------------------
def test_conference_three_parties_everyone_sees_everyone(h: AppHarness) -> None:
    iid, view = open_chat(h)
    choose(h, view, "conferenceButton", CLAIRE)
    h.wait_until(lambda: CLAIRE in party_states(view))
    states = party_states(view)
    assert states[CLAIRE] == (PartyRole.COLLEAGUE.value, PartyState.CONNECTED.value)
    assert states["Marie Dupont"] == (PartyRole.CUSTOMER.value, PartyState.CONNECTED.value)
    assert states["Alex Martin"] == (PartyRole.AGENT.value, PartyState.CONNECTED.value)
    assert h.colleagues.in_interaction(iid) == [CLAIRE]
    view.composer.setPlainText("Ma collègue Claire nous rejoint.")
    view.send_button.click()
    h.wait_until(lambda: len(h.customers.received(iid)) == 1)
    h.colleagues.say(CLAIRE, "Bonjour Marie, je regarde votre dossier.")
    h.customers.say(iid, "Merci à vous deux")
    model = view.transcript.model()
    h.wait_until(lambda: model.index(model.rowCount() - 1, 0).data() == "Merci à vous deux")
    texts = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert "Bonjour Marie, je regarde votre dossier." in texts
    assert h.customers.received(iid) == [
        "Ma collègue Claire nous rejoint.",
        "Bonjour Marie, je regarde votre dossier.",
    ]


def test_party_menu_removes_a_colleague_then_the_agent_leaves(h: AppHarness) -> None:
    iid, view = open_chat(h)
    choose(h, view, "conferenceButton", CLAIRE)
    h.wait_until(lambda: CLAIRE in party_states(view))
    menu = party_menu(h, view, CLAIRE)
    trigger(menu, "partyRemoveAction")
    h.wait_until(lambda: party_states(view)[CLAIRE][1] == PartyState.LEFT.value)
    assert h.colleagues.in_interaction(iid) == []
    # no colleague left: the agent's own menu offers no "leave"
    own = party_menu(h, view, "Alex Martin")
    assert own.findChild(QAction, "partyLeaveAction") is None
    own.close()
    choose(h, view, "conferenceButton", "Julien Lefèvre")
    h.wait_until(lambda: party_states(view).get("Julien Lefèvre", ("", ""))[1] == "connected")
    trigger(party_menu(h, view, "Alex Martin"), "partyLeaveAction")
    h.wait_until(lambda: h.chat_view(iid) is None)
    assert h.colleagues.in_interaction(iid) == ["Julien Lefèvre"]


@pytest.mark.parametrize("action", ["conference", "consult"])
@pytest.mark.parametrize("failure", ["ignore", "error"])
def test_failed_conference_or_consultation_changes_nothing(
    h: AppHarness, monkeypatch: pytest.MonkeyPatch, action: str, failure: str
) -> None:
    iid, view = open_chat(h)
    if failure == "ignore":
        h.colleagues.ignore_next(CLAIRE)
        kind = "conference" if action == "conference" else "consultation"
        expected = f"Claire Moreau did not answer the {kind} request within 0.4 s"
    else:
        expected = "the team directory is unreachable"

        async def broken(interaction_id: str, target_id: str) -> str:
            raise BackendError(expected)

        monkeypatch.setattr(h.backend, action, broken)
    button = child(view, QAbstractButton, f"{action}Button")
    choose(h, view, f"{action}Button", CLAIRE)
    h.wait_until(lambda: expected in banner_text(h))
    h.wait_until(lambda: view.findChild(ConsultationView, "consultationView") is None)
    assert CLAIRE not in party_states(view)
    assert h.colleagues.in_interaction(iid) == []
    h.wait_until(button.isEnabled)
    assert h.chat_view(iid) is view


def test_failed_call_says_so(h: AppHarness, monkeypatch: pytest.MonkeyPatch) -> None:
    _, view = open_chat(h, phone="+33 6 39 98 12 34")

    async def broken(interaction_id: str | None, number: str) -> None:
        raise BackendError("no telephony line")

    monkeypatch.setattr(h.backend, "start_call", broken)
    child(view, QAbstractButton, "callContactButton").click()
    h.wait_until(lambda: "The call could not be started: no telephony line" in banner_text(h))
    assert h.colleagues.outbound == []


def test_declined_conference_changes_nothing(h: AppHarness) -> None:
    iid, view = open_chat(h)
    h.colleagues.decline_next(CLAIRE)
    choose(h, view, "conferenceButton", CLAIRE)
    h.wait_until(lambda: "declined the conference request" in banner_text(h))
    assert CLAIRE not in party_states(view)
    assert h.colleagues.in_interaction(iid) == []
    h.wait_until(child(view, QAbstractButton, "conferenceButton").isEnabled)


# consultation -----------------------------------------------------------------------------
def consultation(h: AppHarness, view: ChatView) -> ConsultationView:
    h.wait_until(lambda: view.findChild(ConsultationView, "consultationView") is not None)
    found = view.findChild(ConsultationView, "consultationView")
    assert found is not None
    return found


def consult_texts(cv: ConsultationView) -> list[str]:
    model = cv.transcript.model()
    return [model.index(r, 0).data() for r in range(model.rowCount())]


def test_consultation_is_beside_the_chat_and_invisible_to_the_contact(h: AppHarness) -> None:
    iid, view = open_chat(h)
    choose(h, view, "consultButton", CLAIRE)
    cv = consultation(h, view)
    assert cv.isVisible()
    send = child(cv, QPushButton, "sendButton")
    composer = child(cv, QPlainTextEdit, "composer")
    h.wait_until(composer.isEnabled)
    assert child(cv, QListView, "transcript") is cv.transcript
    composer.setPlainText("Tu connais ce client ?")
    send.click()
    assert consult_texts(cv) == ["Tu connais ce client ?"]  # local echo
    h.wait_until(lambda: h.colleagues.consultation_messages(CLAIRE) == ["Tu connais ce client ?"])
    h.colleagues.say(CLAIRE, "Oui, c'est une cliente fidèle.")
    h.wait_until(lambda: consult_texts(cv)[-1] == "Oui, c'est une cliente fidèle.")
    assert h.customers.received(iid) == []
    chat_texts = [view.model.index(r, 0).data() for r in range(view.model.rowCount())]
    assert "Oui, c'est une cliente fidèle." not in chat_texts
    # recorded for the agent's statistics
    consulted = [
        e.detail
        for e in h.desktop.recorder.events()
        if e.interaction_id == iid and e.kind.value == "consultation"
    ]
    assert consulted == [CLAIRE]
    # the colleague ends it: the view goes, the chat stays
    h.colleagues.end_consultation_by(CLAIRE)
    h.wait_until(lambda: view.findChild(ConsultationView, "consultationView") is None)
    assert "Claire Moreau ended the consultation" in banner_text(h)
    assert h.chat_view(iid) is view


def test_complete_transfer_from_a_consultation(h: AppHarness) -> None:
    iid, view = open_chat(h)
    choose(h, view, "consultButton", CLAIRE)
    cv = consultation(h, view)
    complete = child(cv, QPushButton, "completeTransferButton")
    h.wait_until(complete.isEnabled)
    complete.click()
    h.wait_until(lambda: h.chat_view(iid) is None)
    assert h.colleagues.in_interaction(iid) == [CLAIRE]


def test_consultation_turns_into_a_conference(h: AppHarness) -> None:
    iid, view = open_chat(h)
    choose(h, view, "consultButton", CLAIRE)
    cv = consultation(h, view)
    button = child(cv, QPushButton, "consultConferenceButton")
    h.wait_until(button.isEnabled)
    button.click()
    h.wait_until(lambda: CLAIRE in party_states(view))
    h.wait_until(lambda: view.findChild(ConsultationView, "consultationView") is None)
    assert h.colleagues.in_interaction(iid) == [CLAIRE]


def test_declined_consultation_shows_and_leaves_nothing(h: AppHarness) -> None:
    _, view = open_chat(h)
    h.colleagues.decline_next(CLAIRE)
    choose(h, view, "consultButton", CLAIRE)
    cv = consultation(h, view)
    assert "Waiting for Claire Moreau" in cv.status.text()
    h.wait_until(lambda: "declined the consultation request" in banner_text(h))
    h.wait_until(lambda: view.findChild(ConsultationView, "consultationView") is None)


# call and e-mail --------------------------------------------------------------------------
def test_call_and_email_the_contact(h: AppHarness) -> None:
    iid, view = open_chat(h, email="marie@example.fr", phone="+33 6 39 98 12 34")
    call = child(view, QAbstractButton, "callContactButton")
    email = child(view, QAbstractButton, "emailContactButton")
    assert call.isVisible() and email.isVisible()
    call.click()
    email.click()
    h.wait_until(lambda: len(h.colleagues.outbound) == 2)
    assert [(r.kind, r.interaction_id, r.address) for r in h.colleagues.outbound] == [
        ("call", iid, "+33 6 39 98 12 34"),
        ("email", iid, "marie@example.fr"),
    ]
    trigger(party_menu(h, view, "Marie Dupont"), "partyCallAction")
    h.wait_until(lambda: len(h.colleagues.outbound) == 3)


def test_call_and_email_hidden_without_phone_or_address(h: AppHarness) -> None:
    _, view = open_chat(h, name="Paul Sans-Numero")
    assert not child(view, QAbstractButton, "callContactButton").isVisible()
    assert not child(view, QAbstractButton, "emailContactButton").isVisible()
    menu = party_menu(h, view, "Paul Sans-Numero")
    assert menu.findChild(QAction, "partyCallAction") is None
    menu.close()


def test_buttons_hidden_when_the_backend_lacks_the_capability(h: AppHarness) -> None:
    h.backend.capabilities = frozenset()
    _, view = open_chat(h, email="marie@example.fr", phone="+33 6 39 98 12 34")
    for name in (
        "transferButton",
        "conferenceButton",
        "consultButton",
        "callContactButton",
        "emailContactButton",
    ):
        assert not child(view, QAbstractButton, name).isVisible(), name
    assert not child(view, QComboBox, "dispositionCombo").isVisible()


# disposition and note ---------------------------------------------------------------------
def end_chat(h: AppHarness, view: ChatView) -> None:
    view.end_button.click()
    h.wait_until(view.done_button.isEnabled)


def test_disposition_and_note_are_saved_with_the_interaction(h: AppHarness) -> None:
    iid, view = open_chat(h)
    combo = child(view, QComboBox, "dispositionCombo")
    assert [combo.itemText(i) for i in range(1, combo.count())] == list(
        h.settings.disposition.codes
    )
    combo.setCurrentIndex(combo.findText("Resolved"))
    note = child(view, QPlainTextEdit, "noteEdit")
    note.setFocus()
    QTest.keyClicks(note, "Refund sent by mail")
    end_chat(h, view)
    view.done_button.click()
    h.wait_until(lambda: h.chat_view(iid) is None)
    record = h.backend.saved_interaction(iid)
    assert record is not None
    assert (record["state"], record["disposition"], record["note"]) == (
        "done",
        "Resolved",
        "Refund sent by mail",
    )


def test_mandatory_disposition_refuses_mark_done_until_set(start: StartHarness) -> None:
    h = start(settings=fast(disposition={"mandatory": True, "codes": ["Sale", "No sale"]}))
    iid, view = open_chat(h)
    combo = child(view, QComboBox, "dispositionCombo")
    assert [combo.itemText(i) for i in range(1, combo.count())] == ["Sale", "No sale"]
    assert child(view, QWidget, "dispositionRequired").isVisible()
    end_chat(h, view)
    view.done_button.click()
    h.wait_until(lambda: "Choose a disposition code" in banner_text(h))
    assert h.window.banner.property("level") == "warning"
    assert h.chat_view(iid) is view
    record = h.backend.saved_interaction(iid)
    assert record is not None and record["state"] == "ended"
    combo.setCurrentIndex(combo.findText("No sale"))
    view.done_button.click()
    h.wait_until(lambda: h.chat_view(iid) is None)
    record = h.backend.saved_interaction(iid)
    assert record is not None and record["disposition"] == "No sale"


def test_note_shows_in_history(h: AppHarness) -> None:
    iid, view = open_chat(h)
    view.disposition.note.setPlainText("Called back on Tuesday")
    end_chat(h, view)
    view.done_button.click()
    h.wait_until(lambda: h.chat_view(iid) is None)
    # a later chat with the same contact: the saved interaction keeps its note
    record = h.backend.saved_interaction(iid)
    assert record is not None and record["note"] == "Called back on Tuesday"


def test_consultation_closes_when_its_chat_is_done(h: AppHarness) -> None:
    iid, view = open_chat(h)
    choose(h, view, "consultButton", CLAIRE)
    cv = consultation(h, view)
    h.wait_until(cv.composer.isEnabled)
    assert h.colleagues.in_consultation(CLAIRE)
    h.customers.leave(iid)
    h.wait_until(view.done_button.isEnabled)
    # the chat has ended: the consultation cannot hand it over any more
    child(cv, QPushButton, "completeTransferButton").click()
    h.wait_until(lambda: "It stays with you" in banner_text(h))
    view.done_button.click()
    h.wait_until(lambda: h.chat_view(iid) is None)
    # Claire does not wait in a consultation about a chat that is over
    h.wait_until(lambda: not h.colleagues.in_consultation(CLAIRE))
