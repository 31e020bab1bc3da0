"""The interactions on the agent's desk, their transcripts, typing and pending state."""

from __future__ import annotations

import time
from collections.abc import Iterator

from PySide6.QtCore import QObject, QTimer, Signal

from agent_desktop.core.interaction import InteractionLifecycle
from agent_desktop.core.models import Contact, InteractionSummary, Message, Party
from agent_desktop.core.pending import PendingResponsePolicy, PendingStatus
from agent_desktop.core.types import (
    Channel,
    Clock,
    InteractionState,
    PartyRole,
    PartyState,
)
from agent_desktop.services.transcript_store import TranscriptStore


class InteractionRecord(QObject):
    """One interaction: its summary, state, parties, transcript and live indicators."""

    stateChanged = Signal()
    partiesChanged = Signal()
    typingChanged = Signal(bool)
    pendingChanged = Signal()

    def __init__(
        self,
        summary: InteractionSummary,
        *,
        clock: Clock,
        warning_s: float,
        max_s: float,
        typing_timeout_s: float,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.summary = summary
        self._clock = clock
        self.lifecycle = InteractionLifecycle()
        self.lifecycle.entered[InteractionState.OFFERED] = clock()
        self.parties: list[Party] = list(summary.parties)
        self.transcript = TranscriptStore(self)
        self.policy = PendingResponsePolicy(clock, warning_s=warning_s, max_s=max_s)
        self.typing = False
        self._typing_timer = QTimer(self)
        self._typing_timer.setSingleShot(True)
        self._typing_timer.timeout.connect(lambda: self._set_typing(False))
        self.typing_timeout_s = typing_timeout_s
        self._pending_timer = QTimer(self)
        self._pending_timer.setSingleShot(True)
        self._pending_timer.timeout.connect(self._pending_tick)
        self._last_status = self.policy.status()

    # identity -------------------------------------------------------------------------
    @property
    def id(self) -> str:
        return self.summary.id

    @property
    def contact(self) -> Contact:
        return self.summary.contact

    @property
    def channel(self) -> Channel:
        return self.summary.channel

    @property
    def state(self) -> InteractionState:
        return self.lifecycle.state

    def elapsed_s(self) -> float:
        """Seconds since the chat was accepted (or offered, before that)."""
        entered = self.lifecycle.entered
        start = entered.get(InteractionState.ACTIVE, entered[InteractionState.OFFERED])
        end = entered.get(InteractionState.ENDED)
        return max(0.0, (end if end is not None else self._clock()) - start)

    # state ----------------------------------------------------------------------------
    def move(self, target: InteractionState) -> None:
        reactivated = self.state is InteractionState.ENDED and target is InteractionState.ACTIVE
        self.lifecycle.move(target, self._clock())
        if reactivated:
            # a new stretch of the conversation: elapsed time counts from now
            self.lifecycle.entered.pop(InteractionState.ENDED, None)
            self.policy.reactivated()
        if target is InteractionState.ACTIVE:
            last = self.transcript.last(1)
            self.policy.accepted(
                contact_waiting=bool(last) and last[0].author_role is PartyRole.CUSTOMER
            )
        elif target is not InteractionState.OFFERED:
            self.policy.ended()
            self._set_typing(False)
        if target is InteractionState.ENDED:
            self.parties = [
                p if p.state is PartyState.LEFT else p.model_copy(update={"state": PartyState.LEFT})
                for p in self.parties
            ]
            self.partiesChanged.emit()
        self._pending_tick()
        self.stateChanged.emit()

    def add_message(self, message: Message) -> None:
        if message.channel is None:
            # stamped once here, so the contact's conversation feed shares this object
            # rather than keeping a copy of its own (memory: one Message per message)
            message = message.model_copy(update={"channel": self.channel})
        if not self.transcript.append(message):
            return
        if message.author_role is PartyRole.CUSTOMER:
            self._set_typing(False)
            if self.state is InteractionState.ACTIVE:
                self.policy.contact_message()
        elif message.author_role is PartyRole.AGENT:
            self.policy.agent_message()
        self._pending_tick()

    def agent_replied(self) -> None:
        """The agent sent something (local echo): nothing pending any more."""
        self.policy.agent_message()
        self._pending_tick()

    def set_thresholds(self, warning_s: float, max_s: float, typing_timeout_s: float) -> None:
        self.policy.set_thresholds(warning_s, max_s)
        self.typing_timeout_s = typing_timeout_s
        self._pending_tick()

    # parties --------------------------------------------------------------------------
    def customer_party(self) -> Party | None:
        return next((p for p in self.parties if p.role is PartyRole.CUSTOMER), None)

    def upsert_party(self, party: Party) -> None:
        for i, existing in enumerate(self.parties):
            if existing.id == party.id:
                self.parties[i] = party
                break
        else:
            self.parties.append(party)
        self.partiesChanged.emit()

    def set_party_state(self, party_id: str, state: PartyState) -> None:
        for i, existing in enumerate(self.parties):
            if existing.id == party_id:
                self.parties[i] = existing.model_copy(update={"state": state})
                self.partiesChanged.emit()
                return

    # typing ---------------------------------------------------------------------------
    def contact_typing(self, on: bool) -> None:
        if on and self.lifecycle.is_open and self.state is not InteractionState.ENDED:
            self._typing_timer.start(int(self.typing_timeout_s * 1000))
            self._set_typing(True)
        else:
            self._set_typing(False)

    def _set_typing(self, on: bool) -> None:
        if not on:
            self._typing_timer.stop()
        if on != self.typing:
            self.typing = on
            self.typingChanged.emit(on)

    # pending --------------------------------------------------------------------------
    def pending(self) -> PendingStatus:
        return self._last_status

    def waited_s(self) -> float | None:
        """How long the contact has been waiting for a reply, or None."""
        since = self._last_status.waiting_since
        return None if since is None else max(0.0, self._clock() - since)

    def _pending_tick(self) -> None:
        status = self.policy.status()
        wait = self.policy.seconds_to_next_change()
        if wait is None:
            self._pending_timer.stop()
        else:
            # +1 ms so that the policy has crossed the threshold when the timer fires
            self._pending_timer.start(int(wait * 1000) + 1)
        if status.level != self._last_status.level or status.blinking != self._last_status.blinking:
            self._last_status = status
            self.pendingChanged.emit()
        else:
            self._last_status = status


class InteractionStore(QObject):
    """Every interaction offered to the agent and not yet done."""

    offered = Signal(str)
    revoked = Signal(str)
    opened = Signal(str)  # accepted: it gets a bar item and a chat view
    removed = Signal(str)  # done, rejected, transferred away
    stateChanged = Signal(str)
    pendingChanged = Signal(str)

    def __init__(
        self,
        *,
        warning_s: float,
        max_s: float,
        typing_timeout_s: float,
        clock: Clock = time.monotonic,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._warning_s = warning_s
        self._max_s = max_s
        self._typing_timeout_s = typing_timeout_s
        self._records: dict[str, InteractionRecord] = {}

    def __iter__(self) -> Iterator[InteractionRecord]:
        return iter(list(self._records.values()))

    def __len__(self) -> int:
        return len(self._records)

    def get(self, iid: str) -> InteractionRecord | None:
        return self._records.get(iid)

    def open_records(self) -> list[InteractionRecord]:
        """Accepted interactions still on the desk (active or ended), in arrival order."""
        return [
            r
            for r in self._records.values()
            if r.state in (InteractionState.ACTIVE, InteractionState.ENDED)
        ]

    def any_pending(self) -> bool:
        return any(r.pending().pending for r in self._records.values())

    def set_thresholds(self, warning_s: float, max_s: float, typing_timeout_s: float) -> None:
        self._warning_s, self._max_s, self._typing_timeout_s = warning_s, max_s, typing_timeout_s
        for record in self._records.values():
            record.set_thresholds(warning_s, max_s, typing_timeout_s)

    # changes driven by the session ------------------------------------------------------
    def offer(self, summary: InteractionSummary) -> InteractionRecord:
        existing = self._records.get(summary.id)
        if existing is not None:
            return existing
        record = InteractionRecord(
            summary,
            clock=self._clock,
            warning_s=self._warning_s,
            max_s=self._max_s,
            typing_timeout_s=self._typing_timeout_s,
            parent=self,
        )
        self._records[summary.id] = record
        record.stateChanged.connect(lambda iid=summary.id: self.stateChanged.emit(iid))
        record.pendingChanged.connect(lambda iid=summary.id: self.pendingChanged.emit(iid))
        self.offered.emit(summary.id)
        return record

    def activate(self, iid: str) -> None:
        record = self._records[iid]
        if record.state is InteractionState.OFFERED:
            record.move(InteractionState.ACTIVE)
            self.opened.emit(iid)

    def end(self, iid: str) -> None:
        record = self._records[iid]
        if record.state is InteractionState.OFFERED:
            self.revoke(iid)
        elif record.state is InteractionState.ACTIVE:
            record.move(InteractionState.ENDED)

    def reactivate(self, iid: str) -> bool:
        """An ended interaction (not yet Done) is live again; False if it was not ended."""
        record = self._records.get(iid)
        if record is None or record.state is not InteractionState.ENDED:
            return False
        record.move(InteractionState.ACTIVE)
        return True

    def revoke(self, iid: str) -> None:
        record = self._records.pop(iid, None)
        if record is not None:
            record.policy.ended()
            self.revoked.emit(iid)
            record.deleteLater()

    def finish(self, iid: str, state: InteractionState) -> None:
        """Done, rejected or transferred: off the desk."""
        record = self._records.get(iid)
        if record is None:
            return
        if record.state is not state and state in (
            InteractionState.DONE,
            InteractionState.REJECTED,
        ):
            record.move(state)
        if state is InteractionState.TRANSFERRED and record.state is InteractionState.ACTIVE:
            record.move(state)
        del self._records[iid]
        self.removed.emit(iid)
        record.deleteLater()
