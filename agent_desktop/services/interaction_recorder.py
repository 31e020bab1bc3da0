"""Records every interaction's events: into the local log and, when it can, the backend.

Listens to the :class:`InteractionStore` (offered, accepted, revoked, ended, Done,
rejected, removed while live = transferred away), to each interaction's transcript
(messages each way; an agent message that answers a waiting contact carries its delay),
to the :class:`AgentSession` (who ended a chat, transfer targets, disposition codes) and
to the main window (which chat is shown, and whether the window is active: talk time).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from agent_desktop.backends.base import BackendError, MessagingBackend
from agent_desktop.core import events as ev
from agent_desktop.core.interaction_log import LogEvent, LogEventKind, ReplyTimer, StatsLedger
from agent_desktop.core.log_export import ExportShape, write_csv
from agent_desktop.core.stats import start_of_day
from agent_desktop.core.types import Capability, Channel, Clock, InteractionState, PartyRole
from agent_desktop.services.interaction_log_store import (
    InteractionLogDatabase,
    InteractionLogWorker,
)
from agent_desktop.services.interaction_store import InteractionStore
from agent_desktop.services.tasks import TaskKeeper

if TYPE_CHECKING:
    from agent_desktop.services.session import AgentSession

log = logging.getLogger(__name__)

#: events handed to the backend in one call at most
BACKEND_BATCH = 500
#: events waiting for the backend at most: beyond, the oldest are dropped (the local log
#: keeps every event; the backend's copy is best effort, as when a call fails)
BACKEND_QUEUE_LIMIT = 10_000


@dataclass
class _Tracked:
    """What the recorder needs to know about one interaction on the desk."""

    channel: Channel
    timer: ReplyTimer = field(default_factory=ReplyTimer)
    accepted: bool = False
    ended: bool = False
    ended_by: str = ""
    transfer_target: str = ""
    disposition: str = ""
    disconnect: Callable[[], None] | None = None


class InteractionRecorder(QObject):
    """Appends the desk's interaction events to the log; keeps this week's for the
    statistics in memory (:attr:`ledger`), folded as interactions leave the desk."""

    recorded = Signal()  # an event was appended (figures may have changed)
    loaded = Signal()  # the recent log was read back at start

    def __init__(
        self,
        path: Path,
        store: InteractionStore,
        agent_id: str,
        *,
        backend: MessagingBackend | None = None,
        clock: Clock = time.time,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.path = path
        self.agent_id = agent_id
        self._store = store
        self._backend = backend
        self._clock = clock
        self._worker = InteractionLogWorker(path)
        self._worker.submit(InteractionLogDatabase.open)
        self.ledger = StatsLedger()
        #: interactions fold only once the log is read back: a folded one cannot take in
        #: the earlier events the read-back brings
        self._loaded = False
        self._tracked: dict[str, _Tracked] = {}
        self._focus: tuple[str, bool] = ("", False)
        self._viewing = ""
        self._tasks = TaskKeeper("recorder")
        self._outbox: asyncio.Queue[LogEvent] | None = None
        self._dropped = 0
        self._closed = False
        store.offered.connect(self._offered)
        store.opened.connect(self._opened)
        store.revoked.connect(self._revoked)
        store.stateChanged.connect(self._state_changed)
        store.removed.connect(self._removed)

    # lifecycle ------------------------------------------------------------------------
    def attach_session(self, session: AgentSession) -> None:
        session.eventReceived.connect(self._backend_event)
        session.markDoneRequested.connect(self.set_disposition)

    def start(self, since: float) -> None:
        """Read back the log's interactions with events since ``since``; start the
        backend's copy if the backend keeps statistics."""
        self._tasks.spawn(self._load(since), "load")
        if self._backend is not None and self._backend.has(Capability.STATISTICS):
            self._outbox = asyncio.Queue()
            self._tasks.spawn(self._pump(self._outbox), "backend")

    async def _load(self, since: float) -> None:
        # queued before any event of this run is written, so nothing is read twice
        try:
            earlier = await self._worker.call(
                InteractionLogDatabase.interactions_between, self.agent_id, since
            )
            self.ledger.add_earlier(earlier)
        finally:
            self._loaded = True  # a log that cannot be read must not keep every event
            self.ledger.fold_finished()
        self.loaded.emit()

    async def _pump(self, outbox: asyncio.Queue[LogEvent]) -> None:
        """Hand the events to the backend, all those queued up meanwhile in one call: one
        call per event fell behind 200 messages a second, and the queue grew without end."""
        assert self._backend is not None
        while True:
            batch = [await outbox.get()]
            while len(batch) < BACKEND_BATCH and not outbox.empty():
                batch.append(outbox.get_nowait())
            try:
                await self._backend.record_interaction_events(batch)
            except (BackendError, OSError) as exc:
                log.warning("the backend did not keep %d statistics events: %s", len(batch), exc)
            finally:
                for _ in batch:
                    outbox.task_done()

    async def close(self) -> None:
        """Hand the last events to the backend (briefly), then close the log. Idempotent."""
        if self._closed:
            return
        self._closed = True
        if self._outbox is not None and not self._outbox.empty():
            try:
                await asyncio.wait_for(self._outbox.join(), timeout=2)
            except TimeoutError:
                log.warning("statistics events not handed to the backend before exit")
        await self._tasks.shutdown()
        await self._worker.close()

    # what the statistics read -----------------------------------------------------------
    def events(self) -> list[LogEvent]:
        """The events kept in memory, in order: of this run and of the interactions read
        back at start, except those of interactions folded since (:class:`StatsLedger`;
        the log itself keeps every event: :meth:`recorded_events`)."""
        return self.ledger.events()

    async def recorded_events(self, since: float = 0.0) -> list[LogEvent]:
        """Every event of the log's interactions with an event since ``since``, read back
        from the log (after every event queued before the call is written)."""
        return await self._worker.call(
            InteractionLogDatabase.interactions_between, self.agent_id, since
        )

    async def export_csv(
        self,
        path: Path,
        shape: ExportShape,
        *,
        start: date,
        end: date,
        tz: tzinfo,
        now: float,
    ) -> int:
        """Write the log of ``start``..``end`` (local dates) to ``path``; returns the rows.

        The query and the file are both handled on the log's thread.
        """
        # a day's margin on each side: the exact local dates are checked while writing
        first = start_of_day(start - timedelta(days=1), tz)
        last = start_of_day(end + timedelta(days=2), tz)

        def export() -> int:
            events = self._worker.database.interactions_between(self.agent_id, first, last)
            with path.open("w", encoding="utf-8-sig", newline="") as stream:
                return write_csv(shape, events, stream, start=start, end=end, tz=tz, now=now)

        return await asyncio.wrap_future(self._worker.run(export))

    # what the window and session tell -------------------------------------------------
    def set_focus(self, iid: str, window_active: bool) -> None:
        """The main window shows ``iid`` ("" for none); ``window_active``: it has focus."""
        self._focus = (iid, window_active)
        self._sync_view()

    def set_disposition(self, iid: str, disposition: str) -> None:
        tracked = self._tracked.get(iid)
        if tracked is not None:
            tracked.disposition = disposition

    def record_consultation(self, iid: str, target: str) -> None:
        """The agent consulted ``target`` about ``iid``."""
        if iid in self._tracked:
            self._record(iid, LogEventKind.CONSULTATION, detail=target)

    def _backend_event(self, event: object) -> None:
        match event:
            case ev.InteractionEnded(interaction_id=iid, by_contact=by_contact):
                if (tracked := self._tracked.get(iid)) is not None:
                    tracked.ended_by = "contact" if by_contact else "agent"
            case ev.InteractionTransferred(interaction_id=iid, target_name=target):
                if (tracked := self._tracked.get(iid)) is not None:
                    tracked.transfer_target = target

    # store signals ----------------------------------------------------------------------
    def _offered(self, iid: str) -> None:
        record = self._store.get(iid)
        if record is None or iid in self._tracked:
            return
        tracked = _Tracked(record.channel)
        self._tracked[iid] = tracked
        transcript = record.transcript

        def appended(first: int, last: int) -> None:
            for row in range(first, last + 1):
                self._message(iid, transcript[row].author_role)

        transcript.appended.connect(appended)

        def disconnect() -> None:
            transcript.appended.disconnect(appended)

        tracked.disconnect = disconnect
        self._record(iid, LogEventKind.OFFERED, contact_name=record.contact.name)
        for message in transcript.messages():  # anything already there
            self._message(iid, message.author_role)

    def _message(self, iid: str, role: PartyRole) -> None:
        tracked = self._tracked.get(iid)
        if tracked is None:
            return
        now = self._clock()
        if role is PartyRole.CUSTOMER:
            tracked.timer.contact_message(now)
            self._record(iid, LogEventKind.CONTACT_MESSAGE, at=now)
        elif role is PartyRole.AGENT:
            delay = tracked.timer.agent_message(now)
            self._record(iid, LogEventKind.AGENT_MESSAGE, at=now, reply_delay_s=delay)

    def _opened(self, iid: str) -> None:
        tracked = self._tracked.get(iid)
        if tracked is None or tracked.accepted:
            return
        tracked.accepted = True
        now = self._clock()
        tracked.timer.accepted(now)
        self._record(iid, LogEventKind.ACCEPTED, at=now)
        self._sync_view()

    def _revoked(self, iid: str) -> None:
        if iid in self._tracked:
            self._record(iid, LogEventKind.TIMED_OUT)
            self._forget(iid)

    def _state_changed(self, iid: str) -> None:
        record = self._store.get(iid)
        tracked = self._tracked.get(iid)
        if record is None or tracked is None:
            return
        state = record.state
        if state is InteractionState.ENDED and not tracked.ended:
            tracked.ended = True
            tracked.timer.ended()
            self._record(iid, LogEventKind.ENDED, detail=tracked.ended_by)
        elif state is InteractionState.DONE:
            self._record(iid, LogEventKind.DONE, detail=tracked.disposition)
            self._forget(iid)
        elif state is InteractionState.REJECTED:
            self._record(iid, LogEventKind.REJECTED)
            self._forget(iid)

    def _removed(self, iid: str) -> None:
        tracked = self._tracked.get(iid)
        if tracked is None:
            return  # done or rejected: already recorded
        if tracked.accepted:
            # off the desk while not Done: transferred away
            self._record(iid, LogEventKind.TRANSFERRED, detail=tracked.transfer_target)
        self._forget(iid)

    def _forget(self, iid: str) -> None:
        tracked = self._tracked.pop(iid, None)
        if tracked is not None and tracked.disconnect is not None:
            tracked.disconnect()
        if self._loaded:
            self.ledger.fold(iid)  # off the desk: only its figures are kept
        if self._viewing == iid:
            self._viewing = ""  # its view span ends with the interaction
        self._sync_view()

    def _sync_view(self) -> None:
        iid, active = self._focus
        tracked = self._tracked.get(iid)
        viewing = iid if active and tracked is not None and tracked.accepted else ""
        if viewing == self._viewing:
            return
        if self._viewing in self._tracked:
            self._record(self._viewing, LogEventKind.VIEW_INACTIVE)
        self._viewing = viewing
        if viewing:
            self._record(viewing, LogEventKind.VIEW_ACTIVE)

    def _to_backend(self, outbox: asyncio.Queue[LogEvent], event: LogEvent) -> None:
        if outbox.qsize() >= BACKEND_QUEUE_LIMIT:
            outbox.get_nowait()  # the oldest: the backend is far behind
            outbox.task_done()
            self._dropped += 1
            if self._dropped % 1000 == 1:
                log.warning("the backend is behind: %d statistics events not handed", self._dropped)
        outbox.put_nowait(event)

    # appending ----------------------------------------------------------------------------
    def _record(
        self,
        iid: str,
        kind: LogEventKind,
        *,
        at: float | None = None,
        contact_name: str = "",
        detail: str = "",
        reply_delay_s: float | None = None,
    ) -> None:
        if self._closed:
            return
        tracked = self._tracked[iid]
        event = LogEvent(
            interaction_id=iid,
            kind=kind,
            time=self._clock() if at is None else at,
            channel=tracked.channel,
            contact_name=contact_name,
            detail=detail,
            reply_delay_s=reply_delay_s,
        )
        self.ledger.add(event)
        self._worker.submit(InteractionLogDatabase.append, self.agent_id, [event])
        if self._outbox is not None:
            self._to_backend(self._outbox, event)
        self.recorded.emit()
