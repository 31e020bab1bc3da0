"""Interaction actions: transfer, conference, consultation, call / e-mail, disposition, note.

Every intent runs through :meth:`AgentSession.run_intent` (one request in flight per action
and interaction: a double click does not send twice; a failure becomes a clear notice and
leaves the interaction as it was). Consultations are kept here, beside their customer chat.
"""

from __future__ import annotations

import logging
import time
import uuid
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, Signal

from agent_desktop.backends.base import BackendError, Target
from agent_desktop.core import events as ev
from agent_desktop.core.consultation import ConsultationLifecycle, ConsultationState
from agent_desktop.core.models import Message
from agent_desktop.core.types import Capability, DeliveryState, InteractionState, PartyRole
from agent_desktop.services.session import AgentSession
from agent_desktop.services.tasks import TaskKeeper
from agent_desktop.services.transcript_store import TranscriptStore

log = logging.getLogger(__name__)


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate: module helpers, empty context


@dataclass
class WrapUp:
    """Disposition code and note of one interaction, sent with Mark Done."""

    disposition: str | None = None
    note: str = ""


class Consultation(QObject):
    """An internal chat with a colleague about a customer chat (invisible to the customer)."""

    def __init__(self, parent_id: str, target: Target, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.target = target
        self.lifecycle = ConsultationLifecycle(parent_id=parent_id, target_name=target.name)
        self.transcript = TranscriptStore(self)

    @property
    def parent_id(self) -> str:
        return self.lifecycle.parent_id

    @property
    def id(self) -> str | None:
        return self.lifecycle.interaction_id

    @property
    def state(self) -> ConsultationState:
        return self.lifecycle.state


_OUTCOMES = {
    "ended": ConsultationState.ENDED,
    "transferred": ConsultationState.TRANSFERRED,
    "conference": ConsultationState.CONFERENCED,
}


class InteractionActions(QObject):
    """The agent's actions on an interaction beyond chatting."""

    #: a consultation of that customer interaction appeared, changed state or went away
    consultationChanged = Signal(str)
    #: (query, list[Target]) the answer of :meth:`find_targets`
    targetsFound = Signal(str, list)
    #: the disposition or note of that interaction changed
    wrapUpChanged = Signal(str)
    #: (iid, colleague's name) a consultation was accepted: recorded for the statistics
    consultationStarted = Signal(str, str)

    def __init__(self, session: AgentSession, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.backend = session.backend
        self.bridge = session.bridge
        self._tasks = TaskKeeper("actions")
        self._consultations: dict[str, Consultation] = {}  # by customer interaction id
        self._wrap_ups: dict[str, WrapUp] = {}
        session.event_listeners.append(self._on_event)
        session.store.removed.connect(self._forget)

    def has(self, capability: Capability) -> bool:
        return self.backend.has(capability)

    async def shutdown(self) -> None:
        await self._tasks.shutdown()

    # targets -------------------------------------------------------------------------------
    def find_targets(self, query: str) -> None:
        """Look colleagues and queues up; the answer comes as :attr:`targetsFound`."""

        async def run() -> None:
            try:
                found = await self.backend.targets(query)
            except (BackendError, OSError) as exc:
                self.bridge.error(tr("Could not list your colleagues: {0}").format(exc))
                return
            self.targetsFound.emit(query, found)

        self._tasks.spawn(run(), "targets")  # a newer query cancels the stale one

    # transfer and conference ---------------------------------------------------------------
    def transfer(self, iid: str, target: Target) -> bool:
        return self.session.run_intent(
            "transfer",
            iid,
            lambda: self.backend.transfer(iid, target.id),
            tr("The chat was not transferred: {0}. It stays with you."),
            lambda: self.bridge.info(tr("The chat was transferred to {0}.").format(target.name)),
        )

    def conference(self, iid: str, target: Target) -> bool:
        return self.session.run_intent(
            "conference",
            iid,
            lambda: self.backend.conference(iid, target.id),
            tr("{0} could not join the chat: {{0}}").format(target.name),
        )

    def leave_conference(self, iid: str) -> bool:
        return self.session.run_intent(
            "leave",
            iid,
            lambda: self.backend.leave_conference(iid),
            tr("Could not leave the conference: {0}"),
        )

    def remove_party(self, iid: str, party_id: str) -> bool:
        return self.session.run_intent(
            "remove",
            iid,
            lambda: self.backend.remove_party(iid, party_id),
            tr("Could not remove the participant: {0}"),
        )

    # consultation -----------------------------------------------------------------------------
    def consultation(self, iid: str) -> Consultation | None:
        return self._consultations.get(iid)

    def consult(self, iid: str, target: Target) -> bool:
        current = self._consultations.get(iid)
        if current is not None and not current.lifecycle.is_over:
            self.bridge.warning(
                tr("Finish the consultation with {0} first.").format(current.target.name)
            )
            return False
        if self.session.busy("consult", iid):
            return False
        consultation = Consultation(iid, target, self)

        async def call() -> None:
            try:
                consultation_id = await self.backend.consult(iid, target.id)
            except Exception:
                consultation.lifecycle.move(ConsultationState.FAILED)
                self._drop(iid, consultation)
                raise
            consultation.lifecycle.interaction_id = consultation_id
            consultation.lifecycle.move(ConsultationState.ACTIVE)
            self.consultationChanged.emit(iid)
            self.consultationStarted.emit(iid, target.name)

        started = self.session.run_intent(
            "consult", iid, call, tr("The consultation did not start: {0}")
        )
        if started:
            self._consultations[iid] = consultation
            self.consultationChanged.emit(iid)
        else:
            consultation.deleteLater()
        return started

    def send_consultation(self, iid: str, text: str) -> bool:
        """Show ``text`` in the consultation at once and send it to the colleague."""
        consultation = self._consultations.get(iid)
        text = text.strip()
        if consultation is None or not consultation.lifecycle.is_live or not text:
            return False
        consultation_id = consultation.id
        assert consultation_id is not None
        session = self.session
        txn_id = uuid.uuid4().hex
        consultation.transcript.append(
            Message(
                id=f"local:{txn_id}",
                interaction_id=consultation_id,
                author_id=session.agent_party_id,
                author_name=session.agent.display_name,
                author_role=PartyRole.AGENT,
                text=text,
                time=time.time(),
                txn_id=txn_id,
                delivery=DeliveryState.SENDING,
            )
        )

        async def run() -> None:
            try:
                await self.backend.send_message(consultation_id, text, txn_id)
            except (BackendError, OSError) as exc:
                consultation.transcript.set_delivery(txn_id, DeliveryState.FAILED)
                self.bridge.error(tr("A message could not be sent: {0}").format(exc))

        self._tasks.spawn(run(), f"consult-send:{txn_id}")
        return True

    def _consultation_call(self, iid: str, action: str, failure: str) -> bool:
        consultation = self._consultations.get(iid)
        if consultation is None or not consultation.lifecycle.is_live:
            return False
        consultation_id = consultation.id
        assert consultation_id is not None
        calls = {
            "complete_transfer": self.backend.complete_transfer,
            "consult_conference": self.backend.consultation_to_conference,
            "end_consultation": self.backend.end_consultation,
        }
        call = calls[action]
        return self.session.run_intent(action, iid, lambda: call(consultation_id), failure)

    def complete_transfer(self, iid: str) -> bool:
        """Two-step transfer: the consulted colleague takes the customer's chat."""
        return self._consultation_call(
            iid, "complete_transfer", tr("The chat was not transferred: {0}. It stays with you.")
        )

    def consultation_to_conference(self, iid: str) -> bool:
        return self._consultation_call(
            iid, "consult_conference", tr("The conference did not start: {0}")
        )

    def end_consultation(self, iid: str) -> bool:
        return self._consultation_call(
            iid, "end_consultation", tr("Could not end the consultation: {0}")
        )

    # call and e-mail ---------------------------------------------------------------------------
    def call_contact(self, iid: str, number: str | None = None) -> bool:
        record = self.session.store.get(iid)
        number = number or (record.contact.phone if record is not None else None)
        if not number:
            self.bridge.warning(tr("There is no phone number for this contact."))
            return False
        return self.session.run_intent(
            "call",
            iid,
            lambda: self.backend.start_call(iid, number),
            tr("The call could not be started: {0}"),
            lambda: self.bridge.info(tr("Calling {0}…").format(number)),
        )

    def email_contact(self, iid: str, address: str | None = None) -> bool:
        record = self.session.store.get(iid)
        address = address or (record.contact.email if record is not None else None)
        if not address:
            self.bridge.warning(tr("There is no e-mail address for this contact."))
            return False
        return self.session.run_intent(
            "email",
            iid,
            lambda: self.backend.start_email(iid, address),
            tr("The e-mail could not be started: {0}"),
            lambda: self.bridge.info(tr("An e-mail to {0} was started.").format(address)),
        )

    # disposition and note --------------------------------------------------------------------
    def wrap_up(self, iid: str) -> WrapUp:
        return self._wrap_ups.setdefault(iid, WrapUp())

    def set_disposition(self, iid: str, code: str | None) -> None:
        wrap_up = self.wrap_up(iid)
        if wrap_up.disposition != (code or None):
            wrap_up.disposition = code or None
            self.wrapUpChanged.emit(iid)

    def set_note(self, iid: str, note: str) -> None:
        wrap_up = self.wrap_up(iid)
        if wrap_up.note != note:
            wrap_up.note = note
            self.wrapUpChanged.emit(iid)

    def disposition_codes(self) -> list[str]:
        return list(self.session.settings.settings.disposition.codes)

    def mark_done(self, iid: str) -> bool:
        """Mark Done with the disposition and note; refused without a mandatory code."""
        wrap_up = self.wrap_up(iid)
        record = self.session.store.get(iid)
        mandatory = self.session.settings.settings.disposition.mandatory
        if (
            mandatory
            and wrap_up.disposition is None
            and record is not None
            and record.state is InteractionState.ENDED
        ):
            self.bridge.warning(tr("Choose a disposition code before marking the chat Done."))
            return False
        self.session.mark_done(iid, wrap_up.disposition, wrap_up.note.strip())
        return True

    # backend events --------------------------------------------------------------------------
    def _by_consultation_id(self, consultation_id: str) -> Consultation | None:
        return next((c for c in self._consultations.values() if c.id == consultation_id), None)

    def _on_event(self, event: ev.BackendEvent) -> None:
        match event:
            case ev.MessageReceived(message=message):
                consultation = self._by_consultation_id(message.interaction_id)
                if consultation is not None:
                    consultation.transcript.append(message)
            case ev.MessageDelivered(interaction_id=cid, txn_id=txn, message_id=mid, time=t):
                consultation = self._by_consultation_id(cid)
                if consultation is not None:
                    consultation.transcript.set_delivery(
                        txn, DeliveryState.SENT, message_id=mid, time=t
                    )
            case ev.ConsultationEnded(consultation_id=cid, outcome=outcome):
                consultation = self._by_consultation_id(cid)
                if consultation is None or consultation.lifecycle.is_over:
                    return
                consultation.lifecycle.move(_OUTCOMES[outcome])
                if outcome == "ended" and not self.session.busy(
                    "end_consultation", consultation.parent_id
                ):
                    self.bridge.info(
                        tr("{0} ended the consultation.").format(consultation.target.name)
                    )
                self._drop(consultation.parent_id, consultation)
            case ev.InteractionTransferred(interaction_id=iid):
                consultation = self._consultations.get(iid)
                if consultation is not None:
                    self._drop(iid, consultation)
            case _:
                pass

    def _drop(self, iid: str, consultation: Consultation) -> None:
        if self._consultations.get(iid) is consultation:
            del self._consultations[iid]
        self.consultationChanged.emit(iid)
        consultation.deleteLater()

    def _forget(self, iid: str) -> None:
        self._wrap_ups.pop(iid, None)
        consultation = self._consultations.pop(iid, None)
        if consultation is None:
            return
        consultation_id = consultation.id
        if consultation.lifecycle.is_live and consultation_id is not None:
            # the chat is off the desk: the colleague need not wait in the consultation

            async def close() -> None:
                try:
                    await self.backend.end_consultation(consultation_id)
                except (BackendError, OSError) as exc:
                    log.info("consultation %s not ended: %s", consultation_id, exc)

            self._tasks.spawn(close(), f"consult-close:{consultation_id}")
        self.consultationChanged.emit(iid)
        consultation.deleteLater()
