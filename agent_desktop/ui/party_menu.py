"""The action menu of one participant of ``partyList``: what applies to that party."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QMenu, QWidget

from agent_desktop.core.models import Party
from agent_desktop.core.types import Capability, PartyRole, PartyState
from agent_desktop.services.interaction_store import InteractionRecord

#: action key → object name of its menu entry
ACTION_NAMES = {
    "call": "partyCallAction",
    "email": "partyEmailAction",
    "remove": "partyRemoveAction",
    "leave": "partyLeaveAction",
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate: module helpers, empty context


def party_actions(
    party: Party, record: InteractionRecord, capabilities: frozenset[Capability]
) -> list[tuple[str, str]]:
    """(action key, translated label) of what the agent can do with ``party`` now."""
    live = record.lifecycle.is_live
    contact = record.contact
    colleagues_here = any(
        p.role is PartyRole.COLLEAGUE and p.state is PartyState.CONNECTED for p in record.parties
    )
    found: list[tuple[str, str]] = []
    if party.role is PartyRole.CUSTOMER:
        if Capability.CALL in capabilities and contact.phone:
            found.append(("call", _tr("Call {0}").format(contact.phone)))
        if Capability.EMAIL in capabilities and contact.email:
            found.append(("email", _tr("E-mail {0}").format(contact.email)))
    elif party.role is PartyRole.COLLEAGUE:
        if live and party.state is PartyState.CONNECTED and Capability.CONFERENCE in capabilities:
            found.append(("remove", _tr("Remove {0} from the chat").format(party.name)))
    elif (
        party.role is PartyRole.AGENT
        and live
        and colleagues_here
        and Capability.CONFERENCE in capabilities
    ):
        found.append(("leave", _tr("Leave the conference")))
    return found


class PartyMenu(QMenu):
    """Popup with the actions of one party; the choice leaves as :attr:`chosen`."""

    chosen = Signal(str, str)  # action key, party id

    def __init__(
        self, party: Party, actions: list[tuple[str, str]], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("partyMenu")
        self.setAccessibleName(_tr("Actions for {0}").format(party.name))
        for key, label in actions:
            action = self.addAction(label)
            action.setObjectName(ACTION_NAMES[key])
            action.triggered.connect(lambda _checked=False, k=key: self.chosen.emit(k, party.id))
        if not actions:
            empty = self.addAction(_tr("No action for {0}").format(party.name))
            empty.setEnabled(False)
