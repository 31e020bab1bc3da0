"""The agent's session: backend connection, Ready state, and every interaction intent."""

from __future__ import annotations

import asyncio
import logging
import time
import uuid
from collections.abc import Awaitable, Callable
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from agent_desktop.backends.base import (
    BackendError,
    ConnectionLost,
    LoginNeeded,
    MessageRefused,
    MessagingBackend,
    UntrustedServer,
)
from agent_desktop.core import events as ev
from agent_desktop.core.backoff import Backoff
from agent_desktop.core.images import image_from_json, image_to_json
from agent_desktop.core.models import AgentIdentity, ImageAttachment, Message
from agent_desktop.core.types import (
    Capability,
    ConnectionState,
    DeliveryState,
    InteractionState,
    PartyRole,
    PartyState,
)
from agent_desktop.services.bridge import MessageBridge
from agent_desktop.services.images import received_refusal_message
from agent_desktop.services.interaction_store import InteractionRecord, InteractionStore
from agent_desktop.services.settings_store import SettingsStore
from agent_desktop.services.tasks import TaskKeeper

log = logging.getLogger(__name__)

CHAT_CHANNEL = "chat"
#: how often "the agent is typing" is re-sent while they keep typing
TYPING_REFRESH_S = 3.0
#: the agent counts as no longer typing after this pause
TYPING_IDLE_S = 4.0
#: delivery states a receipt gave a message, further on than sent
RECEIPTS = frozenset({DeliveryState.DELIVERED, DeliveryState.READ})


def tr(text: str) -> str:
    # lupdate files the calls of module-level helpers under the empty context
    return QCoreApplication.translate("", text)


class Outbox(Protocol):
    """Where the session records unconfirmed messages (``services/outbox.py``)."""

    def put(self, iid: str, txn_id: str, kind: str, body: str) -> None: ...

    async def saved(self, txn_id: str) -> None: ...

    def confirmed(self, txn_id: str) -> None: ...

    def mark_refused(self, txn_id: str, reason: str) -> None:
        """The backend refused it for good (``reason``), or "" when the agent retries it."""

    def forget(self, txn_id: str) -> None:
        """The agent discarded it: never send it."""


def connect_failure(exc: BaseException) -> str:
    """The agent's notice for a failed connection attempt (translated)."""
    if isinstance(exc, UntrustedServer):
        return tr(
            "Could not connect securely to the messaging backend: {0}. The connection was refused."
        ).format(exc)
    return tr("Could not connect to the messaging backend: {0}").format(exc)


class AgentSession(QObject):
    """Turns the agent's intents into backend calls and backend events into store updates."""

    connectionChanged = Signal(str, str)  # ConnectionState value, detail
    readyChanged = Signal(bool)
    busyChanged = Signal(str, bool)  # "<action>:<iid>", in progress
    agentMessageSent = Signal(str, str)  # iid, text (local echo done)
    #: ContactPresence, ConversationReply, PublicPostReceived: for the conversation service
    conversationEvent = Signal(object)
    urlPushed = Signal(str, str)  # iid, url (local echo done)
    eventReceived = Signal(object)  # each BackendEvent, just before it is applied
    markDoneRequested = Signal(str, str)  # iid, disposition code ("" for none)

    def __init__(
        self,
        backend: MessagingBackend,
        store: InteractionStore,
        settings: SettingsStore,
        agent: AgentIdentity,
        bridge: MessageBridge,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.backend = backend
        self.store = store
        self.settings = settings
        self.agent = agent
        self.bridge = bridge
        self.ready = False
        self.connection = ConnectionState.DISCONNECTED
        self._tasks = TaskKeeper("session")
        self._typing_sent_at: dict[str, float] = {}
        self._typing_idle: dict[str, QTimer] = {}
        self._closing = False
        #: delays between reconnection attempts (capped exponential, with jitter)
        self.backoff = Backoff()
        #: told about every backend event after the session applied it (services/actions.py)
        self.event_listeners: list[Callable[[ev.BackendEvent], None]] = []
        #: records every agent message before the backend call (set by the OutboxKeeper)
        self.outbox: Outbox | None = None
        #: ended chats the agent wrote in, reactivated locally, not yet in the backend
        self._needs_reactivation: set[str] = set()
        #: the last send of each interaction: the next one reaches the backend after it, so
        #: that messages keep their order (the outbox writes before them finish in any order)
        self._last_send: dict[str, asyncio.Task[None]] = {}
        self._reactivation_locks: dict[str, asyncio.Lock] = {}
        #: offers the agent accepted when the connection dropped under the call
        self._accept_after_reconnect: set[str] = set()
        settings.changed.connect(self._apply_settings)

    @property
    def agent_party_id(self) -> str:
        return f"agent:{self.agent.id}"

    # lifecycle ------------------------------------------------------------------------
    def start(self) -> None:
        self._tasks.spawn(self._run(), "session-run")

    async def _run(self) -> None:
        """Connect, pump events; when the connection is lost, reconnect with backoff.

        A backend that needs the agent to log in (``LoginNeeded``) is not retried: the run
        ends there, and :meth:`start` begins again once the agent has logged in.
        """
        connected_once = False
        reported = False  # one notice per outage
        while not self._closing:
            self._set_connection(
                ConnectionState.RECONNECTING if connected_once else ConnectionState.CONNECTING
            )
            try:
                await self.backend.connect(self.agent)
            except (BackendError, OSError) as exc:
                if isinstance(exc, LoginNeeded):
                    log.warning("could not connect (%s); waiting for a login", exc)
                    self._set_connection(ConnectionState.FAILED, str(exc))
                    self.bridge.error(connect_failure(exc))
                    return
                delay = self.backoff.next_delay()
                log.warning("could not connect (%s); next attempt in %.1f s", exc, delay)
                if connected_once:
                    self._set_connection(ConnectionState.RECONNECTING, str(exc))
                else:
                    self._set_connection(ConnectionState.FAILED, str(exc))
                if not reported:
                    reported = True
                    self.bridge.error(connect_failure(exc))
                await asyncio.sleep(delay)
                continue
            self.backoff.reset()
            if reported:
                reported = False
                self.bridge.info(tr("Connected to the messaging backend again."))
            if connected_once and self.ready:
                self._tasks.spawn(self._restore_ready(), "restore-ready")
            connected_once = True
            reason = await self._pump()
            if self._closing:
                return
            delay = self.backoff.next_delay()
            log.warning("connection lost (%s); reconnecting in %.1f s", reason, delay)
            self._set_connection(ConnectionState.RECONNECTING, reason)
            await asyncio.sleep(delay)

    async def _pump(self) -> str:
        """Apply the backend's events until its stream ends; returns why it ended."""
        try:
            async for event in self.backend.events():
                try:
                    self.apply(event)
                except Exception:  # one bad event must not stop the pump
                    log.exception("could not apply backend event %r", event)
        except (BackendError, OSError) as exc:
            return str(exc) or type(exc).__name__
        except Exception as exc:  # a broken stream must not end the session for good
            log.exception("the backend's event stream failed")
            return str(exc) or type(exc).__name__
        return tr("the connection ended")

    async def _restore_ready(self) -> None:
        """After a reconnect, tell the backend again that the agent is Ready."""
        try:
            await self.backend.set_ready(CHAT_CHANNEL, True)
        except (BackendError, OSError) as exc:
            log.warning("could not restore Ready after reconnecting: %s", exc)

    async def shutdown(self) -> None:
        """Disconnect the backend and cancel every task this session started."""
        if self._closing:
            return
        self._closing = True
        for timer in self._typing_idle.values():
            timer.stop()
        try:
            await asyncio.wait_for(self.backend.disconnect(), timeout=5)
        except Exception:
            log.exception("backend disconnect failed")
        await self._tasks.shutdown()

    def _set_connection(self, state: ConnectionState, detail: str = "") -> None:
        log.info("backend connection: %s %s", state.value, detail)
        self.connection = state
        self.connectionChanged.emit(state.value, detail)

    def _apply_settings(self) -> None:
        chat = self.settings.settings.chat
        self.store.set_thresholds(
            chat.pending_response_warning_s, chat.pending_response_max_s, chat.typing_timeout_s
        )

    # running an intent --------------------------------------------------------------
    def busy(self, action: str, iid: str = "") -> bool:
        return self._tasks.running(f"{action}:{iid}")

    def _do(
        self,
        action: str,
        iid: str,
        call: Callable[[], Awaitable[None]],
        failure: str,
        on_success: Callable[[], None] | None = None,
    ) -> bool:
        """Run ``call`` once (a second click while it runs is ignored); report failure."""
        key = f"{action}:{iid}"
        if self._tasks.running(key):
            return False

        async def run() -> None:
            self.busyChanged.emit(key, True)
            try:
                await call()
            except (BackendError, OSError, KeyError) as exc:
                log.warning("%s failed: %s", key, exc)
                if isinstance(exc, ConnectionLost):  # not the agent's fault; they may retry
                    self.bridge.warning(failure.format(exc))
                else:
                    self.bridge.error(failure.format(exc))
            else:
                if on_success is not None:
                    on_success()
            finally:
                self.busyChanged.emit(key, False)

        self._tasks.spawn(run(), key)
        return True

    def run_intent(
        self,
        action: str,
        iid: str,
        call: Callable[[], Awaitable[None]],
        failure: str,
        on_success: Callable[[], None] | None = None,
    ) -> bool:
        """:meth:`_do` for the other intent services (one in flight per action and iid)."""
        return self._do(action, iid, call, failure, on_success)

    # agent ----------------------------------------------------------------------------
    def set_ready(self, ready: bool) -> None:
        def done() -> None:
            self.ready = ready
            self.readyChanged.emit(ready)

        started = self._do(
            "ready",
            "",
            lambda: self.backend.set_ready(CHAT_CHANNEL, ready),
            tr("Could not change your status: {0}"),
            done,
        )
        if not started:
            self.readyChanged.emit(self.ready)

    # interactions ---------------------------------------------------------------------
    def accept(self, iid: str) -> None:
        async def call() -> None:
            try:
                await self.backend.accept(iid)
            except ConnectionLost as exc:
                # the agent's choice stands: accepted once connected again, if still offered
                log.warning("accept:%s cut by the connection: %s", iid, exc)
                self._accept_after_reconnect.add(iid)
                self.bridge.warning(
                    tr(
                        "The connection dropped while the chat was being accepted: "
                        "it is accepted as soon as the connection is back."
                    )
                )

        self._do("accept", iid, call, tr("Could not accept: {0}"))

    def reject(self, iid: str) -> None:
        self._accept_after_reconnect.discard(iid)  # the agent changed their mind

        def done() -> None:
            self.store.finish(iid, InteractionState.REJECTED)

        self._do("reject", iid, lambda: self.backend.reject(iid), tr("Could not reject: {0}"), done)

    def end(self, iid: str) -> None:
        async def call() -> None:
            # a chat the agent just wrote in may still await its reactivation in the backend
            # (behind the outbox write): it must be live there before it can end
            await self._reactivate_once(iid)
            await self.backend.end(iid)

        self._do("end", iid, call, tr("Could not end the chat: {0}"))

    def mark_done(self, iid: str, disposition: str | None = None, note: str = "") -> None:
        record = self.store.get(iid)
        if record is None or record.state is not InteractionState.ENDED:
            self.bridge.warning(tr("End the chat before marking it Done."))
            return

        self.markDoneRequested.emit(iid, disposition or "")

        def done() -> None:
            self.store.finish(iid, InteractionState.DONE)

        self._do(
            "done",
            iid,
            lambda: self.backend.mark_done(iid, disposition, note),
            tr("Could not mark the interaction Done: {0}"),
            done,
        )

    def send(self, iid: str, text: str) -> bool:
        """Show ``text`` at once (local echo) and send it; False if nothing was sent."""
        text = text.strip()
        record = self.store.get(iid)
        reactivate = record is not None and self.can_reactivate(iid)
        if reactivate and text:
            self.store.reactivate(iid)  # writing in an ended chat continues the conversation
        if not text or record is None or record.state is not InteractionState.ACTIVE:
            return False
        txn_id = self._local_echo(record, "text", text)
        self._stop_typing(iid)
        self.agentMessageSent.emit(iid, text)
        self._transmit(iid, txn_id, "text", text, reactivate=reactivate)
        return True

    def send_image(self, iid: str, image: ImageAttachment) -> bool:
        """Show ``image`` (already checked and re-encoded) at once and send it through the
        outbox; False if the chat is not active."""
        record = self.store.get(iid)
        if record is None or record.state is not InteractionState.ACTIVE:
            return False
        txn_id = self._local_echo(record, "image", image_to_json(image), image)
        self._transmit(iid, txn_id, "image", image_to_json(image))
        return True

    def _local_echo(
        self, record: InteractionRecord, kind: str, body: str, image: ImageAttachment | None = None
    ) -> str:
        """Show the agent's ``body`` at once as sending, and keep it in the outbox (on disk
        before the backend hears of it); returns the new txn id."""
        txn_id = uuid.uuid4().hex
        record.add_message(self._echo(record.id, txn_id, kind, body, image))
        if self.outbox is not None:
            self.outbox.put(record.id, txn_id, kind, body)
        return txn_id

    def _echo(
        self, iid: str, txn_id: str, kind: str, body: str, image: ImageAttachment | None
    ) -> Message:
        """The local echo of an outbox entry, shown as sending."""
        return Message(
            id=f"local:{txn_id}",
            interaction_id=iid,
            author_id=self.agent_party_id,
            author_name=self.agent.display_name,
            author_role=PartyRole.AGENT,
            text=image.filename if image is not None else body,
            time=time.time(),
            txn_id=txn_id,
            delivery=DeliveryState.SENDING,
            url=body if kind == "url" else None,
            image=image,
        )

    def can_reactivate(self, iid: str) -> bool:
        """Whether writing in ``iid`` would reactivate it (ended, not Done, backend allows)."""
        record = self.store.get(iid)
        return (
            record is not None
            and record.state is InteractionState.ENDED
            and self.backend.has(Capability.ASYNC_CHAT)
        )

    def push_url(self, iid: str, url: str) -> bool:
        """Push ``url`` (already checked by ``core.urls.check_url``) with a local echo."""
        record = self.store.get(iid)
        if record is None or record.state is not InteractionState.ACTIVE or not url:
            return False
        txn_id = self._local_echo(record, "url", url)
        self.urlPushed.emit(iid, url)
        self._transmit(iid, txn_id, "url", url)
        return True

    def follow_contact_link(self, iid: str, kind: str, address: str) -> bool:
        """Start an e-mail (``kind`` "email") or a call ("phone") to ``address`` through
        the backend; False when the backend cannot, so the UI falls back to the OS."""
        capability = {"email": Capability.EMAIL, "phone": Capability.CALL}.get(kind)
        if capability is None or not self.backend.has(capability):
            return False

        async def call() -> None:
            if kind == "email":
                await self.backend.start_email(iid, address)
            else:
                await self.backend.start_call(iid, address)

        failure = (
            tr("Could not start the e-mail: {0}")
            if kind == "email"
            else tr("Could not start the call: {0}")
        )
        self._do(f"link-{kind}", iid, call, failure)
        return True

    def _failed(self, iid: str, txn_id: str) -> tuple[InteractionRecord, Message] | None:
        """The chat and its message ``txn_id``, if that message failed."""
        record = self.store.get(iid)
        message = record.transcript.by_txn(txn_id) if record is not None else None
        if record is None or message is None or message.delivery is not DeliveryState.FAILED:
            return None
        return record, message

    def retry(self, iid: str, txn_id: str) -> None:
        """Send a failed message again, with the same txn id (the backend dedupes)."""
        failed = self._failed(iid, txn_id)
        if failed is None:
            return
        record, message = failed
        record.transcript.set_delivery(txn_id, DeliveryState.SENDING)
        if self.outbox is not None:
            self.outbox.mark_refused(txn_id, "")  # the agent asks: it may go again
        if message.image is not None:
            self._transmit(iid, txn_id, "image", image_to_json(message.image))
        elif message.url:
            self._transmit(iid, txn_id, "url", message.url)
        else:
            self._transmit(iid, txn_id, "text", message.text)

    def _transmit(
        self, iid: str, txn_id: str, kind: str, body: str, *, reactivate: bool = False
    ) -> None:
        """Hand the outbox entry ``kind`` ("text", "url" or "image") to the backend."""
        if reactivate:
            # the backend still has it ended until the reactivation call succeeds (a message
            # held for a reconnect or resent from the outbox reactivates it first)
            self._needs_reactivation.add(iid)
        if self._held_for_reconnect():
            return

        previous = self._last_send.get(iid)

        async def run() -> None:
            reactivating = iid in self._needs_reactivation
            try:
                if self.outbox is not None:
                    await self.outbox.saved(txn_id)
                if previous is not None and not previous.done():
                    await asyncio.wait([previous])  # its outcome is its own
                await self._reactivate_once(iid)
                if kind == "url":
                    await self.backend.push_url(iid, body, txn_id)
                elif kind == "image":
                    image = image_from_json(body)
                    await self.backend.send_image(
                        iid, image.data, image.mime, image.filename, txn_id
                    )
                else:
                    await self.backend.send_message(iid, body, txn_id)
            except (BackendError, OSError, ValueError) as exc:
                refused = isinstance(exc, MessageRefused)
                lost = isinstance(exc, ConnectionLost)
                waits = self.outbox is not None and (lost or self._held_for_reconnect())
                if reactivating and iid in self._needs_reactivation and not waits:
                    self._needs_reactivation.discard(iid)
                    self.store.end(iid)  # the backend kept it ended
                if refused:
                    self._message_refused(iid, txn_id, str(exc))
                else:
                    self._send_failed(iid, txn_id, str(exc), lost)

        task: asyncio.Task[None] = self._tasks.spawn(run(), f"send:{txn_id}")
        self._last_send[iid] = task
        task.add_done_callback(lambda done: self._sent(iid, done))

    def _sent(self, iid: str, task: asyncio.Task[None]) -> None:
        if self._last_send.get(iid) is task:
            del self._last_send[iid]

    async def _reactivate_once(self, iid: str) -> None:
        """Reactivate ``iid`` in the backend if a send asked for it and no other send has
        done it yet (several messages may wait on one reactivation)."""
        if iid not in self._needs_reactivation:
            return
        lock = self._reactivation_locks.setdefault(iid, asyncio.Lock())
        async with lock:
            if iid in self._needs_reactivation:
                await self.backend.reactivate(iid)
                self._needs_reactivation.discard(iid)

    def _held_for_reconnect(self) -> bool:
        """While the backend is away, a message waits in the outbox (shown as sending)."""
        return self.outbox is not None and self.connection is not ConnectionState.CONNECTED

    def _send_failed(self, iid: str, txn_id: str, reason: str, lost: bool = False) -> None:
        if self.outbox is not None and lost:
            log.info("message %s waits for the connection: %s", txn_id, reason)
            return
        if self._held_for_reconnect():
            # the connection dropped under the call: the outbox sends it after reconnecting
            log.info("message %s waits for the connection: %s", txn_id, reason)
            return
        self._delivery_failed(iid, txn_id, reason)

    def resend(self, iid: str, txn_id: str, kind: str, body: str) -> None:
        """Send an unconfirmed message again with its txn id (the outbox, after a reconnect
        or a restart); its local echo is put back if this run never showed it."""
        record = self.store.get(iid)
        if record is not None:
            if record.transcript.by_txn(txn_id) is None:
                try:
                    image = image_from_json(body) if kind == "image" else None
                except ValueError:
                    image = None
                record.add_message(self._echo(iid, txn_id, kind, body, image))
            else:
                record.transcript.set_delivery(txn_id, DeliveryState.SENDING)
        self._transmit(iid, txn_id, kind, body)

    def _message_refused(self, iid: str, txn_id: str, reason: str) -> None:
        """Refused for good: failed on the message, told once, not resent on its own."""
        if self.outbox is not None:
            self.outbox.mark_refused(txn_id, reason)
        self._delivery_failed(iid, txn_id, reason)

    def discard(self, iid: str, txn_id: str) -> None:
        """The agent gives up a failed message: it stays shown as discarded, never sent."""
        failed = self._failed(iid, txn_id)
        if failed is None:
            return
        if self.outbox is not None:
            self.outbox.forget(txn_id)
        failed[0].transcript.set_delivery(txn_id, DeliveryState.DISCARDED)

    def _delivery_failed(self, iid: str, txn_id: str, reason: str) -> None:
        record = self.store.get(iid)
        if record is not None:
            record.transcript.set_delivery(txn_id, DeliveryState.FAILED)
        self.bridge.error(tr("A message could not be sent: {0}").format(reason))

    def composing(self, iid: str) -> None:
        """The agent typed in the composer of ``iid``: tell the contact, throttled."""
        record = self.store.get(iid)
        if record is None or record.state is not InteractionState.ACTIVE:
            return
        now = time.monotonic()
        if now - self._typing_sent_at.get(iid, -1e9) >= TYPING_REFRESH_S:
            self._typing_sent_at[iid] = now
            self._send_typing(iid, True)
        timer = self._typing_idle.get(iid)
        if timer is None:
            timer = QTimer(self)
            timer.setSingleShot(True)
            timer.timeout.connect(lambda: self._stop_typing(iid))
            self._typing_idle[iid] = timer
        timer.start(int(TYPING_IDLE_S * 1000))

    def _stop_typing(self, iid: str) -> None:
        timer = self._typing_idle.pop(iid, None)
        if timer is not None:
            timer.stop()
            timer.deleteLater()
        if self._typing_sent_at.pop(iid, None) is not None:
            record = self.store.get(iid)
            if record is not None and record.state is InteractionState.ACTIVE:
                self._send_typing(iid, False)

    def _send_typing(self, iid: str, on: bool) -> None:
        async def run() -> None:
            try:
                await self.backend.send_typing(iid, on)
            except (BackendError, OSError) as exc:
                log.info("typing notification for %s not sent: %s", iid, exc)

        self._tasks.spawn(run(), f"typing:{iid}")

    # backend events -------------------------------------------------------------------
    def apply(self, event: ev.BackendEvent) -> None:
        self.eventReceived.emit(event)
        store = self.store
        match event:
            case ev.ConnectionChanged(state=state, detail=detail):
                self._set_connection(state, detail)
                if state is ConnectionState.CONNECTED:
                    # an answer the connection cut short is tried again (the held events
                    # came first: an accept that got through has made its chat active)
                    auto_answer = self.settings.settings.chat.auto_answer
                    cut, self._accept_after_reconnect = self._accept_after_reconnect, set()
                    for offered in store:
                        if offered.state is InteractionState.OFFERED and (
                            auto_answer or offered.id in cut
                        ):
                            self.accept(offered.id)
            case ev.InteractionOffered(interaction=summary):
                offer = store.offer(summary)  # an offer delivered again: the known record
                still_offered = offer.state is InteractionState.OFFERED
                if self.settings.settings.chat.auto_answer and still_offered:
                    self.accept(summary.id)
            case ev.InteractionAccepted(interaction_id=iid):
                if store.get(iid) is not None:
                    store.activate(iid)
            case ev.InteractionRevoked(interaction_id=iid):
                store.revoke(iid)
            case ev.InteractionEnded(interaction_id=iid):
                if store.get(iid) is not None:
                    store.end(iid)
                self._stop_typing(iid)
            case ev.InteractionTransferred(interaction_id=iid):
                self._stop_typing(iid)
                store.finish(iid, InteractionState.TRANSFERRED)
            case ev.MessageReceived(message=message):
                record = store.get(message.interaction_id)
                if record is not None:
                    record.add_message(message)
                    notice = received_refusal_message(message)
                    if notice is not None:
                        record.add_message(notice)
            case ev.MessageDelivered(interaction_id=iid, txn_id=txn, message_id=mid, time=t):
                if self.outbox is not None:
                    self.outbox.confirmed(txn)
                record = store.get(iid)
                if record is not None:
                    shown = record.transcript.by_txn(txn)
                    delivery = DeliveryState.SENT
                    if shown is not None and shown.delivery in RECEIPTS:
                        # a confirmation delivered again (after a reconnect) never takes a
                        # message back from delivered or read
                        delivery = shown.delivery
                    record.transcript.set_delivery(txn, delivery, message_id=mid, time=t)
            case ev.MessageStatus(interaction_id=iid, txn_id=txn, status=status):
                if self.outbox is not None:
                    self.outbox.confirmed(txn)  # a receipt also confirms (its ack was lost)
                record = store.get(iid)
                if record is not None:
                    record.transcript.advance_delivery(txn, DeliveryState(status))
            case ev.MessageFailed(interaction_id=iid, txn_id=txn, reason=reason):
                self._message_refused(iid, txn, reason)
            case ev.Typing(interaction_id=iid, party_id=pid, typing=on):
                record = store.get(iid)
                if record is not None and pid != self.agent_party_id:
                    record.contact_typing(on)
            case ev.PartyJoined(interaction_id=iid, party=party):
                record = store.get(iid)
                if record is not None:
                    record.upsert_party(party)
            case ev.PartyLeft(interaction_id=iid, party_id=pid):
                record = store.get(iid)
                if record is not None:
                    record.set_party_state(pid, PartyState.LEFT)
            case ev.PartyConnectionChanged(interaction_id=iid, party_id=pid, state=state):
                record = store.get(iid)
                if record is not None:
                    record.set_party_state(pid, state)
            case ev.InteractionReactivated(interaction_id=iid):
                self._needs_reactivation.discard(iid)
                store.reactivate(iid)  # no-op when the agent's own send already did
            case ev.ContactPresence() | ev.ConversationReply() | ev.PublicPostReceived():
                self.conversationEvent.emit(event)  # the conversation service listens
        for listener in self.event_listeners:
            listener(event)
