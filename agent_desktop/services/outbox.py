"""The outbox: no message the agent sent is lost to a fault, a reconnect or a restart.

:class:`AgentSession` tells the :class:`OutboxKeeper` about every message before the backend
call (:meth:`OutboxKeeper.put`) and about every confirmation (:meth:`OutboxKeeper.confirmed`);
the keeper writes both to :class:`LocalState` (SQLite). Whenever the backend is connected (at
start-up and after each reconnect) the keeper sends what is still unconfirmed again, with the
same txn id, so backends that deduplicate on it deliver each message exactly once. The policy
is :func:`agent_desktop.core.outbox.route`; this module only applies it. Backend-agnostic.
"""

from __future__ import annotations

import asyncio
import logging
import time
from concurrent.futures import Future

from PySide6.QtCore import QCoreApplication, QObject, Signal

from agent_desktop.backends.base import BackendError
from agent_desktop.core.display import display_text
from agent_desktop.core.outbox import OutboxRoute, route
from agent_desktop.core.types import Capability, Channel, ConnectionState, InteractionState
from agent_desktop.services.session import AgentSession
from agent_desktop.services.state_store import LocalState, OutboxEntry
from agent_desktop.services.tasks import TaskKeeper

log = logging.getLogger(__name__)


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate: module helpers, empty context


class OutboxKeeper(QObject):
    """Persists the agent's unconfirmed messages and sends them again until confirmed."""

    #: messages whose interaction is gone and that nothing else can deliver (kept, not lost)
    undeliverable = Signal(list)  # list[OutboxEntry]
    #: an unconfirmed message reached the contact through their asynchronous conversation
    redirected = Signal(str)  # txn id

    def __init__(
        self, session: AgentSession, state: LocalState, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.state = state
        self._tasks = TaskKeeper("outbox")
        #: txn ids already reported as undeliverable in this run (one notice each)
        self._reported: set[str] = set()
        #: outbox writes not yet known to be on disk, by txn id
        self._saving: dict[str, Future[None]] = {}
        session.outbox = self
        session.connectionChanged.connect(self._connection_changed)
        session.store.opened.connect(self._interaction_opened)
        state.loaded.connect(self.flush)

    # what the session tells -----------------------------------------------------------
    def put(self, iid: str, txn_id: str, kind: str, body: str) -> None:
        """The agent sent ``body`` (``kind`` "text" or "url"); called before the backend."""
        record = self.session.store.get(iid)
        saving = self.state.outbox_put(
            OutboxEntry(
                txn_id=txn_id,
                interaction_id=iid,
                kind=kind,
                body=body,
                created=time.time(),
                contact_id=record.contact.id if record is not None else "",
                channel=record.channel.value if record is not None else "",
            )
        )
        if saving is not None:
            self._saving[txn_id] = saving

    async def saved(self, txn_id: str) -> None:
        """Wait until the entry of ``txn_id`` is on disk (write-ahead: before the backend)."""
        saving = self._saving.pop(txn_id, None)
        if saving is not None:
            try:
                await asyncio.wrap_future(saving)
            except Exception:  # logged by the state store; sending beats waiting forever
                log.warning("outbox entry %s may not be on disk", txn_id)

    def confirmed(self, txn_id: str) -> None:
        self.state.outbox_remove(txn_id)

    def pending(self, iid: str | None = None) -> list[OutboxEntry]:
        """Unconfirmed messages (of one interaction), oldest first."""
        entries = sorted(self.state.outbox.values(), key=lambda e: (e.created, e.txn_id))
        return [e for e in entries if iid is None or e.interaction_id == iid]

    # sending again ----------------------------------------------------------------------
    def _connection_changed(self, state: str, _detail: str) -> None:
        if state == ConnectionState.CONNECTED.value:
            self.flush()

    def _interaction_opened(self, iid: str) -> None:
        if self._ready():
            for entry in self.pending(iid):
                self._deliver(entry)

    def _ready(self) -> bool:
        return self.state.is_loaded and self.session.connection is ConnectionState.CONNECTED

    def flush(self) -> None:
        """Send every unconfirmed message again (the backend has announced its desk)."""
        if not self._ready():
            return
        kept = [entry for entry in self.pending() if self._deliver(entry) is OutboxRoute.KEEP]
        fresh = [entry for entry in kept if entry.txn_id not in self._reported]
        if fresh:
            self._reported.update(entry.txn_id for entry in fresh)
            self._report(fresh)

    def _deliver(self, entry: OutboxEntry) -> OutboxRoute:
        session = self.session
        record = session.store.get(entry.interaction_id)
        decision = route(
            on_desk=record is not None,
            accepted=record is not None and record.state is not InteractionState.OFFERED,
            contact_known=bool(entry.contact_id and entry.channel),
            can_redirect=session.backend.has(Capability.ASYNC_CHAT),
        )
        if decision is OutboxRoute.RESEND:
            if not session.busy("send", entry.txn_id):
                session.resend(entry.interaction_id, entry.txn_id, entry.kind, entry.body)
        elif decision is OutboxRoute.REDIRECT:
            self._redirect(entry)
        return decision

    def _redirect(self, entry: OutboxEntry) -> None:
        key = f"redirect:{entry.txn_id}"
        if self._tasks.running(key):
            return

        async def run() -> None:
            try:
                await self.session.backend.send_to_contact(
                    entry.contact_id, Channel(entry.channel), entry.body, entry.txn_id
                )
            except (BackendError, OSError, ValueError) as exc:
                log.warning("outbox message %s not redirected: %s", entry.txn_id, exc)
                if entry.txn_id not in self._reported:
                    self._reported.add(entry.txn_id)
                    self._report([entry])
                return
            log.info("outbox message %s sent to the contact's conversation", entry.txn_id)
            self.state.outbox_remove(entry.txn_id)
            self.redirected.emit(entry.txn_id)

        self._tasks.spawn(run(), key)

    def _report(self, entries: list[OutboxEntry]) -> None:
        first = display_text(entries[0].body, limit=80)
        if len(entries) == 1:
            text = tr(
                "A message you wrote could not be delivered because its chat is closed: "
                "“{0}”. It is kept and will be sent when possible."
            ).format(first)
        else:
            text = tr(
                "{0} messages you wrote could not be delivered because their chats are "
                "closed (first: “{1}”). They are kept and will be sent when possible."
            ).format(len(entries), first)
        self.session.bridge.warning(text)
        self.undeliverable.emit(entries)

    async def shutdown(self) -> None:
        await self._tasks.shutdown()
