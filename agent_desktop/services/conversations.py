"""Asynchronous conversations: contact history feeds, presence, replies, sending to contacts.

The conversation tab of a chat view and the Communication view both show a contact's
:class:`ConversationFeed`; this service keeps one feed per contact up to date from the live
interactions and the backend's conversation events, and turns the agent's intents (send,
attach an image, start a chat) into backend calls.
"""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Callable
from pathlib import Path

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Signal

from agent_desktop.backends.base import BackendError, MessagingBackend
from agent_desktop.core import events as ev
from agent_desktop.core.conversation_features import ConversationFeatures
from agent_desktop.core.images import ImageRejected
from agent_desktop.core.models import Contact, ImageAttachment, Message, PublicPost
from agent_desktop.core.types import (
    Capability,
    Channel,
    ConnectionState,
    DeliveryState,
    InteractionState,
    PartyRole,
)
from agent_desktop.services.bridge import MessageBridge
from agent_desktop.services.conversation_feed import ConversationFeed
from agent_desktop.services.image_loader import load_image, rejection_text
from agent_desktop.services.interaction_store import InteractionRecord, InteractionStore
from agent_desktop.services.outbox import OutboxKeeper
from agent_desktop.services.session import AgentSession
from agent_desktop.services.tasks import TaskKeeper

log = logging.getLogger(__name__)

#: contacts listed at most in the Communication view
CONTACT_LIMIT = 200


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate: module helpers, empty context


class ConversationService(QObject):
    """One per session: feeds by contact, presence, replies and public posts."""

    presenceChanged = Signal(str, bool)  # contact id, connected on some channel
    replied = Signal(str, str, str)  # contact id, contact name, text
    publicPostReceived = Signal(object)  # PublicPost
    contactsFound = Signal(str, list)  # query, list[Contact]
    imageRejected = Signal(str)  # translated reason
    interactionStarted = Signal(str)  # iid

    def __init__(
        self,
        session: AgentSession,
        store: InteractionStore,
        bridge: MessageBridge,
        parent: QObject | None = None,
        *,
        outbox: OutboxKeeper | None = None,
    ) -> None:
        super().__init__(parent)
        #: keeps messages into contacts' conversations until the backend takes them
        self.outbox = outbox
        self.session = session
        self.backend: MessagingBackend = session.backend
        self.store = store
        self.bridge = bridge
        self.tasks = TaskKeeper("conversations")
        self._feeds: dict[str, ConversationFeed] = {}
        #: open Conversation tabs per contact (hold/release); pinned: kept for the session
        self._holders: dict[str, int] = {}
        self._pinned: set[str] = set()
        self._presence: dict[str, set[Channel]] = {}
        self._contacts: dict[str, Contact] = {}
        store.offered.connect(self._track_record)
        session.conversationEvent.connect(self._apply)
        session.connectionChanged.connect(self._connection_changed)
        if outbox is not None:
            outbox.contactDelivery.connect(self._contact_delivery)

    @property
    def features(self) -> ConversationFeatures:
        """What of the conversation UI the backend carries (core/conversation_features.py)."""
        return ConversationFeatures.of(self.backend.capabilities)

    async def shutdown(self) -> None:
        await self.tasks.shutdown()

    # feeds ----------------------------------------------------------------------------
    def feed(self, contact_id: str) -> ConversationFeed:
        """The contact's feed, kept for the session (the Communication view's)."""
        self._pinned.add(contact_id)
        return self._feed(contact_id)

    def _feed(self, contact_id: str) -> ConversationFeed:
        feed = self._feeds.get(contact_id)
        if feed is None:
            feed = ConversationFeed(self.backend, contact_id, self.tasks, self)
            self._feeds[contact_id] = feed
            if self.outbox is not None:  # what a previous run could not send yet
                for entry in self.outbox.contact_pending(contact_id):
                    state = DeliveryState.FAILED if entry.refused else DeliveryState.SENDING
                    feed.add(self.outbox.echo(entry, state))
        return feed

    def _contact_delivery(self, contact_id: str, txn_id: str, state: str) -> None:
        feed = self._feeds.get(contact_id)
        if feed is not None:
            feed.set_delivery(txn_id, DeliveryState(state))

    def retry(self, contact_id: str, txn_id: str) -> None:
        """Send a failed message of the contact's feed again (same txn id)."""
        if self.outbox is not None and self.outbox.retry_contact(txn_id):
            return
        record = self._record_with(contact_id, txn_id)
        if record is not None:
            self.session.retry(record.id, txn_id)

    def discard(self, contact_id: str, txn_id: str) -> None:
        """Give up a failed message of the contact's feed: never sent, shown discarded."""
        if self.outbox is not None and self.outbox.discard_contact(txn_id):
            return
        record = self._record_with(contact_id, txn_id)
        if record is not None:
            self.session.discard(record.id, txn_id)

    def _record_with(self, contact_id: str, txn_id: str) -> InteractionRecord | None:
        for record in self.store:
            if record.contact.id == contact_id and record.transcript.by_txn(txn_id) is not None:
                return record
        return None

    def kept_feeds(self) -> frozenset[str]:
        """The contacts whose feed (loaded history) the service keeps."""
        return frozenset(self._feeds)

    def hold(self, contact_id: str) -> ConversationFeed:
        """The contact's feed for a chat's Conversation tab; :meth:`release` it when the
        tab goes, so that the history of every contact served does not stay in memory."""
        self._holders[contact_id] = self._holders.get(contact_id, 0) + 1
        return self._feed(contact_id)

    def release(self, contact_id: str) -> None:
        """A Conversation tab of the contact is gone; the last one lets the feed go (a later
        chat with the contact loads its history again from the backend)."""
        left = self._holders.get(contact_id, 0) - 1
        if left > 0:
            self._holders[contact_id] = left
            return
        self._holders.pop(contact_id, None)
        if contact_id in self._pinned:
            return
        feed = self._feeds.pop(contact_id, None)
        if feed is not None and shiboken6.isValid(feed):
            # Python's now: it goes with the last reference (a load still running keeps it)
            feed.setParent(None)

    def _track_record(self, iid: str) -> None:
        record = self.store.get(iid)
        if record is None:
            return
        self._contacts[record.contact.id] = record.contact
        transcript = record.transcript
        transcript.appended.connect(lambda first, _last, r=record: self._record_message(r, first))
        transcript.rowChanged.connect(lambda row, r=record: self._record_changed(r, row))

    def _record_changed(self, record: InteractionRecord, row: int) -> None:
        """A message of the chat changed (its server copy or delivery): update, never add.

        A late change must not append an old message after newer ones (after a refresh).
        """
        feed = self._feeds.get(record.contact.id)
        if feed is None or row >= len(record.transcript):
            return
        message = record.transcript[row]
        if message.txn_id is not None and feed.has_txn(message.txn_id):
            self._record_message(record, row)

    def _record_message(self, record: InteractionRecord, row: int) -> None:
        feed = self._feeds.get(record.contact.id)
        if feed is None or row >= len(record.transcript):
            return
        message = record.transcript[row]
        if message.channel is None:
            message = message.model_copy(update={"channel": record.channel})
        if not feed.add(message) and message.txn_id is not None:
            feed.set_delivery(message.txn_id, message.delivery)

    # presence and contacts ------------------------------------------------------------
    def connected_channels(self, contact_id: str) -> frozenset[Channel]:
        """The channels the contact has a session on now."""
        return frozenset(self._presence.get(contact_id, ()))

    def is_connected(self, contact_id: str) -> bool:
        return bool(self._presence.get(contact_id))

    def connected_contacts(self) -> frozenset[str]:
        """The contacts connected now (those who left keep no entry)."""
        return frozenset(self._presence)

    def contact(self, contact_id: str) -> Contact | None:
        return self._contacts.get(contact_id)

    def _connection_changed(self, state: str, _detail: str) -> None:
        if state == ConnectionState.CONNECTED.value and self.backend.has(Capability.ASYNC_CHAT):
            self.tasks.spawn(self._load_presence(), "presence")

    async def _load_presence(self) -> None:
        try:
            snapshot = await self.backend.connected_contacts()
        except (BackendError, OSError) as exc:
            log.info("no presence snapshot: %s", exc)
            return
        self._presence = {cid: set(channels) for cid, channels in snapshot.items()}
        for cid in snapshot:
            self.presenceChanged.emit(cid, True)

    def search_contacts(self, query: str) -> None:
        async def run() -> None:
            try:
                found = await self.backend.search_contacts(query, CONTACT_LIMIT)
            except (BackendError, OSError) as exc:
                self.bridge.error(tr("Could not search the contacts: {0}").format(exc))
                return
            for contact in found:
                self._contacts[contact.id] = contact
            self.contactsFound.emit(query, found)

        self.tasks.spawn(run(), "contact-search")

    def refresh_contact(self, contact_id: str) -> None:
        """Ask the backend for the contact's current details (channels gained since)."""

        async def run() -> None:
            try:
                contact = await self.backend.contact(contact_id)
            except (BackendError, OSError) as exc:
                log.info("contact %s not refreshed: %s", contact_id, exc)
                return
            if contact is not None:
                self._contacts[contact.id] = contact
                self.contactsFound.emit("", [contact])

        self.tasks.spawn(run(), f"contact:{contact_id}")

    # backend events -------------------------------------------------------------------
    def _apply(self, event: object) -> None:
        match event:
            case ev.ContactPresence(contact_id=cid, channel=channel, connected=on):
                channels = self._presence.setdefault(cid, set())
                was = bool(channels)
                if on:
                    channels.add(channel)
                else:
                    channels.discard(channel)
                if not channels:  # offline: no entry (one per contact ever seen, else)
                    del self._presence[cid]
                if was != bool(channels):
                    self.presenceChanged.emit(cid, bool(channels))
            case ev.ConversationReply(contact=contact, message=message):
                self._contacts[contact.id] = contact
                feed = self._feeds.get(contact.id)
                if feed is not None:
                    feed.add(message)
                self.replied.emit(contact.id, contact.name, message.text)
            case ev.PublicPostReceived(post=post):
                self.publicPostReceived.emit(post)

    # sending --------------------------------------------------------------------------
    def _live_record(self, iid: str | None, channel: Channel) -> InteractionRecord | None:
        """The interaction a message on ``channel`` goes into, if it belongs there."""
        record = self.store.get(iid) if iid else None
        if record is None or record.channel is not channel:
            return None
        if record.state is InteractionState.ACTIVE or self.session.can_reactivate(record.id):
            return record
        return None

    def send_text(
        self, contact_id: str, channel: Channel, text: str, iid: str | None = None
    ) -> bool:
        """Send ``text`` to the contact on ``channel``.

        Into the chat ``iid`` when it is on that channel (reactivating it if it ended),
        otherwise into the contact's asynchronous conversation, delivered when they return.
        """
        text = text.strip()
        if not text:
            return False
        record = self._live_record(iid, channel)
        if record is not None:
            return self.session.send(record.id, text)
        return self._send_async(contact_id, channel, text, None)

    def _echo(
        self, contact_id: str, channel: Channel, text: str, image: ImageAttachment | None
    ) -> str:
        txn_id = uuid.uuid4().hex
        agent = self.session.agent
        echo = Message(
            id=f"local:{txn_id}",
            interaction_id=f"async:{contact_id}:{channel.value}",
            author_id=self.session.agent_party_id,
            author_name=agent.display_name,
            author_role=PartyRole.AGENT,
            text=text,
            time=time.time(),
            txn_id=txn_id,
            delivery=DeliveryState.SENDING,
            channel=channel,
            image=image,
        )
        feed = self._feeds.get(contact_id)
        if feed is not None:
            feed.add(echo)
        return txn_id

    def _send_async(
        self, contact_id: str, channel: Channel, text: str, image: ImageAttachment | None
    ) -> bool:
        """Into the contact's asynchronous conversation; False (and the agent told) when
        the backend has none: the chat ended meanwhile (the UI writes only into live chats)."""
        if not self.features.async_chat:
            self.bridge.warning(tr("The chat has ended: the message was not sent."))
            return False
        txn_id = self._echo(contact_id, channel, text, image)
        if self.outbox is not None:
            self.outbox.send_to_contact(contact_id, channel, txn_id, text, image)
            return True

        async def run() -> None:
            feed = self._feeds.get(contact_id)
            try:
                if image is None:
                    await self.backend.send_to_contact(contact_id, channel, text, txn_id)
                else:
                    await self.backend.send_image_to_contact(contact_id, channel, image, txn_id)
            except (BackendError, OSError) as exc:
                if feed is not None:
                    feed.set_delivery(txn_id, DeliveryState.FAILED)
                self.bridge.error(tr("A message could not be sent: {0}").format(exc))
                return
            if feed is not None:
                feed.set_delivery(txn_id, DeliveryState.SENT)

        self.tasks.spawn(run(), f"send-async:{txn_id}")
        return True

    def send_image(
        self, contact_id: str, channel: Channel, path: Path, iid: str | None = None
    ) -> None:
        """Validate the image file off the UI thread (decoding it), then send it."""

        async def run() -> None:
            try:
                image = await load_image(path)
            except ImageRejected as refused:
                text = rejection_text(refused)
                log.info("image %s refused: %s", path, refused.detail)
                self.imageRejected.emit(text)
                self.bridge.warning(tr("{0} was not sent. {1}").format(path.name, text))
                return
            self._send_validated_image(contact_id, channel, image, iid)

        self.tasks.spawn(run(), f"image:{path}")

    def _send_validated_image(
        self, contact_id: str, channel: Channel, image: ImageAttachment, iid: str | None
    ) -> None:
        record = self._live_record(iid, channel)
        if record is None or record.state is not InteractionState.ACTIVE:
            self._send_async(contact_id, channel, image.filename, image)
            return
        self.session.send_image(record.id, image)

    # interactions ---------------------------------------------------------------------
    def start_interaction(self, contact_id: str, channel: Channel) -> None:
        """Open a chat interaction view with the contact on ``channel``."""
        for record in self.store.open_records():
            if record.contact.id == contact_id and record.channel is channel:
                self.interactionStarted.emit(record.id)  # already on the desk
                return

        async def run() -> None:
            try:
                iid = await self.backend.start_interaction(contact_id, channel)
            except (BackendError, OSError) as exc:
                self.bridge.error(tr("Could not start the chat: {0}").format(exc))
                return
            self.interactionStarted.emit(iid)

        self.tasks.spawn(run(), f"start:{contact_id}:{channel.value}")

    def load_public_posts(
        self, contact_id: str | None, reply: Callable[[list[PublicPost]], None]
    ) -> None:
        """Fetch public posts (of the contact, or all); calls ``reply(list[PublicPost])``."""

        async def run() -> None:
            try:
                posts: list[PublicPost] = await self.backend.public_posts(contact_id)
            except (BackendError, OSError) as exc:
                log.info("no public posts: %s", exc)
                posts = []
            reply(posts)

        self.tasks.spawn(run(), f"posts:{contact_id}")
