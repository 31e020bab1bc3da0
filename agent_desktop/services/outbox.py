"""The outbox: no message the agent sent is lost to a fault, a reconnect or a restart.

:class:`AgentSession` tells the :class:`OutboxKeeper` about every message before the backend
call (:meth:`OutboxKeeper.put`) and about every confirmation (:meth:`OutboxKeeper.confirmed`);
the keeper writes both to :class:`LocalState` (SQLite). Whenever the backend is connected (at
start-up and after each reconnect) the keeper sends what is still unconfirmed again, with the
same txn id, so backends that deduplicate on it deliver each message exactly once. The policy
is :func:`agent_desktop.core.outbox.route`; this module only applies it. Backend-agnostic.

Messages into a contact's asynchronous conversation (the Conversation tab, the Communication
view: :meth:`OutboxKeeper.send_to_contact`) go through the same table and are sent by the
keeper itself. A message the backend refuses for good (``MessageRefused`` or a
``MessageFailed`` event) stays, marked refused: shown failed once, never resent until the
agent retries it, gone when they discard it.
"""

from __future__ import annotations

import asyncio
import logging
import time
from concurrent.futures import Future
from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QObject, Signal

from agent_desktop.backends.base import BackendError, ConnectionLost, MessageRefused
from agent_desktop.core.display import display_text
from agent_desktop.core.images import image_from_json, image_to_json
from agent_desktop.core.models import ImageAttachment, Message
from agent_desktop.core.outbox import OutboxRoute, route
from agent_desktop.core.types import (
    Capability,
    Channel,
    ConnectionState,
    DeliveryState,
    InteractionState,
    PartyRole,
)
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
    #: a message into a contact's conversation changed state (the feeds show it)
    contactDelivery = Signal(str, str, str)  # contact id, txn id, DeliveryState value

    CONTACT_KINDS = ("contact-text", "contact-image")
    IMAGE_KINDS = ("image", "contact-image")

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

    def forget(self, txn_id: str) -> None:
        """The agent discarded the message: it is never sent."""
        self.state.outbox_remove(txn_id)

    def mark_refused(self, txn_id: str, reason: str) -> None:
        """Refused for good (kept, not resent), or ``reason`` "": the agent retries it."""
        entry = self.state.outbox.get(txn_id)
        if entry is not None and entry.refused != reason:
            self.state.outbox_put(replace(entry, refused=reason))

    def refused(self, txn_id: str) -> bool:
        entry = self.state.outbox.get(txn_id)
        return entry is not None and bool(entry.refused)

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
                if entry.kind not in self.CONTACT_KINDS:
                    self._deliver(entry)

    def _ready(self) -> bool:
        return self.state.is_loaded and self.session.connection is ConnectionState.CONNECTED

    def flush(self) -> None:
        """Send every unconfirmed message again (the backend has announced its desk)."""
        if not self._ready():
            return
        kept: list[OutboxEntry] = []
        for entry in self.pending():
            if entry.kind in self.CONTACT_KINDS:
                if not entry.refused:
                    self._send_contact(entry)
            elif self._deliver(entry) is OutboxRoute.KEEP:
                kept.append(entry)
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
        if entry.refused:  # waits for the agent: shown failed, never resent on its own
            if record is not None:
                self._show_refused(entry)
            return OutboxRoute.WAIT
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
                await self._to_contact(entry)
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

    async def _to_contact(self, entry: OutboxEntry) -> None:
        """Send ``entry`` (text or image) into its contact's asynchronous conversation."""
        backend, channel = self.session.backend, Channel(entry.channel)
        if entry.kind in self.IMAGE_KINDS:
            image = image_from_json(entry.body)
            await backend.send_image_to_contact(entry.contact_id, channel, image, entry.txn_id)
        else:
            await backend.send_to_contact(entry.contact_id, channel, entry.body, entry.txn_id)

    def _report(self, entries: list[OutboxEntry]) -> None:
        first = display_text(self.echo(entries[0], DeliveryState.SENDING).text, limit=80)
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

    def _show_refused(self, entry: OutboxEntry) -> None:
        """Put back, as failed, the echo of a refused message this run never showed."""
        record = self.session.store.get(entry.interaction_id)
        if record is None or record.transcript.by_txn(entry.txn_id) is not None:
            return
        message = self.echo(entry, DeliveryState.FAILED)
        record.add_message(message.model_copy(update={"interaction_id": record.id}))

    def echo(self, entry: OutboxEntry, delivery: DeliveryState) -> Message:
        """The local echo of ``entry`` as the agent sees it until the backend confirms it."""
        session = self.session
        image = image_from_json(entry.body) if entry.kind in self.IMAGE_KINDS else None
        contact = entry.kind in self.CONTACT_KINDS
        return Message(
            id=f"local:{entry.txn_id}",
            interaction_id=(
                f"async:{entry.contact_id}:{entry.channel}" if contact else entry.interaction_id
            ),
            author_id=session.agent_party_id,
            author_name=session.agent.display_name,
            author_role=PartyRole.AGENT,
            text=image.filename if image is not None else entry.body,
            time=entry.created,
            txn_id=entry.txn_id,
            delivery=delivery,
            url=entry.body if entry.kind == "url" else None,
            channel=Channel(entry.channel) if contact and entry.channel else None,
            image=image,
        )

    # the contact's asynchronous conversation ------------------------------------------
    def send_to_contact(
        self,
        contact_id: str,
        channel: Channel,
        txn_id: str,
        text: str,
        image: ImageAttachment | None = None,
    ) -> None:
        """Keep the message (on disk first) and send it into the contact's conversation
        now, or as soon as the backend is connected; confirmed when the backend takes it."""
        entry = OutboxEntry(
            txn_id=txn_id,
            interaction_id="",
            kind="contact-text" if image is None else "contact-image",
            body=text if image is None else image_to_json(image),
            created=time.time(),
            contact_id=contact_id,
            channel=channel.value,
        )
        saving = self.state.outbox_put(entry)
        if saving is not None:
            self._saving[txn_id] = saving
        if self._ready():
            self._send_contact(entry)
        # else: shown as sending, sent by flush() once connected

    def contact_pending(self, contact_id: str) -> list[OutboxEntry]:
        """Unconfirmed messages into ``contact_id``'s conversation, oldest first."""
        return [
            e for e in self.pending() if e.kind in self.CONTACT_KINDS and e.contact_id == contact_id
        ]

    def retry_contact(self, txn_id: str) -> bool:
        """The agent sends a failed conversation message again (same txn id)."""
        entry = self.state.outbox.get(txn_id)
        if entry is None or entry.kind not in self.CONTACT_KINDS:
            return False
        self.mark_refused(txn_id, "")
        self.contactDelivery.emit(entry.contact_id, txn_id, DeliveryState.SENDING.value)
        if self._ready():
            self._send_contact(replace(entry, refused=""))
        return True

    def discard_contact(self, txn_id: str) -> bool:
        entry = self.state.outbox.get(txn_id)
        if entry is None or entry.kind not in self.CONTACT_KINDS:
            return False
        self.forget(txn_id)
        self.contactDelivery.emit(entry.contact_id, txn_id, DeliveryState.DISCARDED.value)
        return True

    def _send_contact(self, entry: OutboxEntry) -> None:
        key = f"contact:{entry.txn_id}"
        if self._tasks.running(key):
            return

        async def run() -> None:
            await self.saved(entry.txn_id)
            try:
                await self._to_contact(entry)
            except MessageRefused as exc:
                log.warning("conversation message %s refused: %s", entry.txn_id, exc)
                self.mark_refused(entry.txn_id, str(exc) or type(exc).__name__)
                self._contact_failed(entry, str(exc))
                return
            except ConnectionLost as exc:
                log.info("conversation message %s waits for the connection: %s", entry.txn_id, exc)
                return
            except (BackendError, OSError, ValueError) as exc:
                if not self._ready():  # the link dropped under the call: flush() sends it
                    log.info("conversation message %s waits: %s", entry.txn_id, exc)
                    return
                log.warning("conversation message %s not sent: %s", entry.txn_id, exc)
                self._contact_failed(entry, str(exc))
                return
            self.state.outbox_remove(entry.txn_id)
            self.contactDelivery.emit(entry.contact_id, entry.txn_id, DeliveryState.SENT.value)

        self._tasks.spawn(run(), key)

    def _contact_failed(self, entry: OutboxEntry, reason: str) -> None:
        self.contactDelivery.emit(entry.contact_id, entry.txn_id, DeliveryState.FAILED.value)
        self.session.bridge.error(tr("A message could not be sent: {0}").format(reason))

    async def shutdown(self) -> None:
        await self._tasks.shutdown()
