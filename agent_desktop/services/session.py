"""The agent's session: backend connection, Ready state, and every interaction intent."""

from __future__ import annotations

import asyncio
import logging
import time
import uuid
from collections.abc import Awaitable, Callable

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from agent_desktop.backends.base import BackendError, MessagingBackend
from agent_desktop.core import events as ev
from agent_desktop.core.models import AgentIdentity, Message
from agent_desktop.core.types import (
    Capability,
    ConnectionState,
    DeliveryState,
    InteractionState,
    PartyRole,
    PartyState,
)
from agent_desktop.services.bridge import MessageBridge
from agent_desktop.services.interaction_store import InteractionStore
from agent_desktop.services.settings_store import SettingsStore
from agent_desktop.services.tasks import TaskKeeper

log = logging.getLogger(__name__)

CHAT_CHANNEL = "chat"
#: how often "the agent is typing" is re-sent while they keep typing
TYPING_REFRESH_S = 3.0
#: the agent counts as no longer typing after this pause
TYPING_IDLE_S = 4.0


def tr(text: str) -> str:
    # lupdate files the calls of module-level helpers under the empty context
    return QCoreApplication.translate("", text)


class AgentSession(QObject):
    """Turns the agent's intents into backend calls and backend events into store updates."""

    connectionChanged = Signal(str, str)  # ConnectionState value, detail
    readyChanged = Signal(bool)
    busyChanged = Signal(str, bool)  # "<action>:<iid>", in progress
    agentMessageSent = Signal(str, str)  # iid, text (local echo done)
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
        #: told about every backend event after the session applied it (services/actions.py)
        self.event_listeners: list[Callable[[ev.BackendEvent], None]] = []
        settings.changed.connect(self._apply_settings)

    @property
    def agent_party_id(self) -> str:
        return f"agent:{self.agent.id}"

    # lifecycle ------------------------------------------------------------------------
    def start(self) -> None:
        self._tasks.spawn(self._run(), "session-run")

    async def _run(self) -> None:
        self._set_connection(ConnectionState.CONNECTING)
        try:
            await self.backend.connect(self.agent)
        except (BackendError, OSError) as exc:
            self._set_connection(ConnectionState.FAILED, str(exc))
            self.bridge.error(tr("Could not connect to the messaging backend: {0}").format(exc))
            return
        async for event in self.backend.events():
            try:
                self.apply(event)
            except Exception:  # one bad event must not stop the pump
                log.exception("could not apply backend event %r", event)

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
        self._do("accept", iid, lambda: self.backend.accept(iid), tr("Could not accept: {0}"))

    def reject(self, iid: str) -> None:
        def done() -> None:
            self.store.finish(iid, InteractionState.REJECTED)

        self._do("reject", iid, lambda: self.backend.reject(iid), tr("Could not reject: {0}"), done)

    def end(self, iid: str) -> None:
        self._do("end", iid, lambda: self.backend.end(iid), tr("Could not end the chat: {0}"))

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
        if not text or record is None or record.state is not InteractionState.ACTIVE:
            return False
        txn_id = uuid.uuid4().hex
        echo = Message(
            id=f"local:{txn_id}",
            interaction_id=iid,
            author_id=self.agent_party_id,
            author_name=self.agent.display_name,
            author_role=PartyRole.AGENT,
            text=text,
            time=time.time(),
            txn_id=txn_id,
            delivery=DeliveryState.SENDING,
        )
        record.add_message(echo)
        self._stop_typing(iid)
        self.agentMessageSent.emit(iid, text)
        self._transmit(iid, txn_id, text)
        return True

    def push_url(self, iid: str, url: str) -> bool:
        """Push ``url`` (already checked by ``core.urls.check_url``) with a local echo."""
        record = self.store.get(iid)
        if record is None or record.state is not InteractionState.ACTIVE or not url:
            return False
        txn_id = uuid.uuid4().hex
        echo = Message(
            id=f"local:{txn_id}",
            interaction_id=iid,
            author_id=self.agent_party_id,
            author_name=self.agent.display_name,
            author_role=PartyRole.AGENT,
            text=url,
            time=time.time(),
            txn_id=txn_id,
            delivery=DeliveryState.SENDING,
            url=url,
        )
        record.add_message(echo)
        self.urlPushed.emit(iid, url)
        self._transmit_url(iid, txn_id, url)
        return True

    def _transmit_url(self, iid: str, txn_id: str, url: str) -> None:
        async def run() -> None:
            try:
                await self.backend.push_url(iid, url, txn_id)
            except (BackendError, OSError) as exc:
                self._delivery_failed(iid, txn_id, str(exc))

        self._tasks.spawn(run(), f"send:{txn_id}")

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

    def retry(self, iid: str, txn_id: str) -> None:
        """Send a failed message again, with the same txn id (the backend dedupes)."""
        record = self.store.get(iid)
        if record is None:
            return
        message = record.transcript.by_txn(txn_id)
        if message is None or message.delivery is not DeliveryState.FAILED:
            return
        record.transcript.set_delivery(txn_id, DeliveryState.SENDING)
        if message.url:
            self._transmit_url(iid, txn_id, message.url)
            return
        self._transmit(iid, txn_id, message.text)

    def _transmit(self, iid: str, txn_id: str, text: str) -> None:
        async def run() -> None:
            try:
                await self.backend.send_message(iid, text, txn_id)
            except (BackendError, OSError) as exc:
                self._delivery_failed(iid, txn_id, str(exc))

        self._tasks.spawn(run(), f"send:{txn_id}")

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
            case ev.InteractionOffered(interaction=summary):
                store.offer(summary)
                if self.settings.settings.chat.auto_answer:
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
            case ev.MessageDelivered(interaction_id=iid, txn_id=txn, message_id=mid, time=t):
                record = store.get(iid)
                if record is not None:
                    record.transcript.set_delivery(txn, DeliveryState.SENT, message_id=mid, time=t)
            case ev.MessageStatus(interaction_id=iid, txn_id=txn, status=status):
                record = store.get(iid)
                if record is not None:
                    record.transcript.advance_delivery(txn, DeliveryState(status))
            case ev.MessageFailed(interaction_id=iid, txn_id=txn, reason=reason):
                self._delivery_failed(iid, txn, reason)
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
            case ev.ContactPresence():
                pass  # the Communication view (asynchronous chats) listens to this
        for listener in self.event_listeners:
            listener(event)
