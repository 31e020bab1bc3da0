"""``MatrixBackend``: customer chats as Matrix rooms, through matrix-nio.

Room conventions (docs/matrix.md): a customer conversation is a room carrying the state
event ``com.agent_desktop.conversation`` (channel and contact); an offered chat is an
invite to such a room (accept = join, reject = leave the invite); disposition and note are
room account data ``com.agent_desktop.disposition``.

Colleagues: transfer = invite then leave; conference = invite; a consultation is a room
of its own (``com.agent_desktop.conversation_consultation``) that ends when either side
leaves it; completing the transfer from it invites the colleague into the customer room
and leaves both rooms, turning it into a conference invites and stays; leaving a
conference leaves the room to the colleagues still in it; removing a colleague kicks them.
Targets are the members of the team room (``MatrixConfig.team_room``) with their presence.
Customer ``m.image`` media are downloaded (authenticated media, legacy fallback) and
checked (``core/images.py``) before the message is emitted, so a picture arrives with its
message and in order; the customer's ``m.read`` receipts mark the agent's messages read.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import random
import time
import uuid
from collections import OrderedDict
from collections.abc import AsyncIterator, Coroutine
from dataclasses import dataclass, field, replace
from typing import Any, ClassVar, Literal

import keyring
from nio import AsyncClient, LoginResponse

from agent_desktop.backends.base import (
    BackendConfig,
    BackendContext,
    BackendError,
    MessagingBackend,
    Target,
)
from agent_desktop.backends.matrix import wire
from agent_desktop.backends.matrix.client import (
    JsonDict,
    LoginRequired,
    MatrixError,
    MatrixUnreachable,
    MediaTooLarge,
    UntrustedCertificate,
    call,
    download,
    make_client,
    q,
)
from agent_desktop.backends.matrix.config import MatrixConfig
from agent_desktop.backends.matrix.history import HistoryReader
from agent_desktop.backends.matrix.outbox import Outbox, OutboxEntry
from agent_desktop.backends.matrix.wire import (
    ConversationContent,
    MemberContent,
    MessageContent,
    RoomEvent,
    RoomUpdate,
    StateEvent,
    SyncUpdate,
)
from agent_desktop.core.backoff import Backoff
from agent_desktop.core.emoji import fold
from agent_desktop.core.events import (
    BackendEvent,
    ConnectionChanged,
    ConsultationEnded,
    InteractionAccepted,
    InteractionEnded,
    InteractionOffered,
    InteractionRevoked,
    InteractionTransferred,
    MessageDelivered,
    MessageFailed,
    MessageReceived,
    MessageStatus,
    PartyConnectionChanged,
    PartyJoined,
    PartyLeft,
    Typing,
)
from agent_desktop.core.images import ImageLimits, ImageRejected, RejectReason, check_image
from agent_desktop.core.images import declared_size as image_size
from agent_desktop.core.models import (
    AgentIdentity,
    Contact,
    ImageAttachment,
    InteractionInfo,
    InteractionSummary,
    Message,
    Party,
)
from agent_desktop.core.types import Capability, Channel, ConnectionState, PartyRole, PartyState

log = logging.getLogger(__name__)

#: state event (state key "") that makes a room a customer conversation
CONVERSATION_EVENT = "com.agent_desktop.conversation"
#: state event of a consultation room between two agents
CONSULTATION_EVENT = "com.agent_desktop.conversation_consultation"
#: room account data written by "Mark Done"
DISPOSITION_EVENT = "com.agent_desktop.disposition"
#: extra field of an m.text message that carries a pushed URL
PUSHED_URL_FIELD = wire.PUSHED_URL_FIELD
#: keyring service under which access tokens are kept
KEYRING_SERVICE = "agent-desktop-matrix"
OUTBOX_NAME = "outbox.sqlite3"
#: events of a room's timeline one sync reply carries at most: when more arrived since the
#: last sync, the timeline is "limited" and the backend reads the rest back (``_read_back``)
TIMELINE_LIMIT = 50
#: events per ``/messages`` request when a room's timeline is read back
READ_BACK_PAGE = 200
#: events read back at most for one room (a longer chat shows its newest ones)
READ_BACK_MAX = 5000
SYNC_FILTER = {
    "room": {
        "include_leave": True,
        "timeline": {"limit": TIMELINE_LIMIT},
        "state": {"lazy_load_members": False},
    },
    # colleagues' presence is read when the target picker asks (targets), not streamed
    "presence": {"not_types": ["*"]},
    "account_data": {"not_types": ["*"]},
}
#: customer images kept in memory between their download and the transcript (bytes)
IMAGE_CACHE_BYTES = 64 * 1024 * 1024
#: image messages read in history, whose picture is downloaded when a page shows them
IMAGE_SOURCES_KEPT = 10_000
#: pictures of a history page downloaded at the same time
IMAGE_DOWNLOADS = 4
#: what the history reads of a room's timeline (``/messages`` filter)
HISTORY_FILTER = {"types": ["m.room.message"]}
#: server-side search results fetched at most (``/search`` batches)
SEARCH_RESULTS_MAX = 1000


def keyring_user(homeserver: str, user_id: str) -> str:
    return f"{user_id} {homeserver}"


def store_login(homeserver: str, user_id: str, access_token: str, device_id: str) -> None:
    """Keep an access token in the keyring, as a login does (blocking). Automation uses it
    to start the app already logged in: the token never goes into a file of the profile."""
    value = json.dumps({"access_token": access_token, "device_id": device_id})
    keyring.set_password(KEYRING_SERVICE, keyring_user(homeserver, user_id), value)


@dataclass(frozen=True)
class _Conversation:
    """The conversation (or consultation) state event of a room, decoded."""

    kind: str  # CONVERSATION_EVENT or CONSULTATION_EVENT
    sender: str
    content: ConversationContent

    @property
    def customer(self) -> str:
        return self.content.customer or self.sender


@dataclass(frozen=True)
class _RoomFacts:
    """What the conversation state of a room (current or past) says, for history."""

    customer_id: str
    channel: Channel
    consultation: bool


@dataclass
class _Room:
    """What the backend knows about one conversation room."""

    room_id: str
    summary: InteractionSummary
    customer_id: str
    state: str = "offered"  # offered / held / active / ended
    seen: set[str] = field(default_factory=set)
    typing: set[str] = field(default_factory=set)
    #: a consultation room this agent created: the customer room it is about
    parent: str | None = None
    #: event ids of the timeline, in order (read receipts cover what comes before)
    order: list[str] = field(default_factory=list)
    #: the agent's own events in this room: event id -> txn id, until read
    unread: dict[str, str] = field(default_factory=dict)
    #: while the agent accepts the offer: the events syncs bring meanwhile (None otherwise)
    pending: list[RoomEvent] | None = None


def image_content(uri: str, filename: str, mime: str, size: int) -> JsonDict:
    """The ``m.room.message`` content of an uploaded image (``uri``: its ``mxc://``)."""
    return {
        "msgtype": "m.image",
        "body": filename,
        "url": uri,
        "info": {"mimetype": mime, "size": size},
    }


def _channel(value: str | None) -> Channel:
    try:
        return Channel(value or Channel.WEBCHAT.value)
    except ValueError:
        return Channel.WEBCHAT


class MatrixBackend(MessagingBackend):
    """A Matrix account as a contact-center desktop (see module docstring)."""

    name: ClassVar[str] = "matrix"
    config_model: ClassVar[type[BackendConfig]] = MatrixConfig
    capabilities = frozenset(
        {
            Capability.TYPING,
            Capability.PUSH_URL,
            Capability.IMAGES,
            Capability.TRANSFER,
            Capability.CONFERENCE,
            Capability.CONSULT,
            Capability.DISPOSITION,
            Capability.HISTORY,
            Capability.SEARCH,
            Capability.CONTACTS,
            Capability.READ_RECEIPTS,
        }
    )
    #: what a customer image must respect to be shown (core/images.py)
    image_limits = ImageLimits()

    def __init__(
        self, config: MatrixConfig, context: BackendContext, *, rng: random.Random | None = None
    ) -> None:
        super().__init__(config, context)
        self.matrix = config
        self.outbox = Outbox(context.data_dir / OUTBOX_NAME)
        self._rng = rng or random.Random()
        # replaced by a client with the configured CA at each connect (_new_client)
        self._client = make_client(
            config.homeserver, config.user_id, request_timeout_s=config.request_timeout_s
        )
        #: given by the login dialog (set_credentials), in memory only, until a login works
        self._password: str | None = None
        #: the device of the last login: a login again keeps it (the device list stays tidy)
        self._device_id: str | None = None
        self._agent: AgentIdentity | None = None
        self._events: asyncio.Queue[BackendEvent | None] = asyncio.Queue()
        self._rooms: dict[str, _Room] = {}
        self._contacts: dict[str, Contact] = {}
        self._contact_rooms: dict[str, list[str]] = {}
        #: every conversation room seen (the desk's, earlier ones, declined ones)
        self._room_facts: dict[str, _RoomFacts] = {}
        self.history_reader = HistoryReader(self._read_history_page)
        self._names: dict[str, str] = {}
        self._since: str | None = None
        self._ready = False
        #: the presence the /sync call on its way carries, and that call
        self._sync_in_flight: tuple[str, asyncio.Future[JsonDict]] | None = None
        self._online = asyncio.Event()
        self._wake_outbox = asyncio.Event()
        self._tasks: list[asyncio.Task[None]] = []
        #: the event queue was ended by disconnect(): the next connect starts a new one
        self._events_ended = False
        #: best-effort requests started from the sync loop (leaving an ended consultation)
        self._chores: set[asyncio.Task[None]] = set()
        #: downloaded customer images (or why they were refused), by event id
        self._images: OrderedDict[str, ImageAttachment | ImageRejected] = OrderedDict()
        #: the content of image messages history has read, by event id (where to download)
        self._image_sources: OrderedDict[str, MessageContent] = OrderedDict()
        self._team_room_id: str | None = None
        self._state = ConnectionState.DISCONNECTED
        #: why the agent must log in (again), after a failed connect or sync
        self.login_problem: str | None = None
        self.login_kind: str | None = None
        #: why the homeserver's certificate was refused, after a failed connect
        self.certificate_problem: str | None = None

    @property
    def connected(self) -> bool:
        """Whether the last sync succeeded."""
        return self._state is ConnectionState.CONNECTED

    # credentials ----------------------------------------------------------------------
    @property
    def user_id(self) -> str:
        return str(self._client.user_id)

    def set_credentials(
        self, homeserver: str, user_id: str, password: str, team_room: str | None = None
    ) -> None:
        """Log in with these on the next :meth:`connect` (the login dialog)."""
        update = {"homeserver": homeserver.strip().rstrip("/"), "user_id": user_id.strip()}
        if team_room is not None:
            update["team_room"] = team_room.strip()
            self._team_room_id = None
        if (
            update["user_id"] != self.matrix.user_id
            or update["homeserver"] != self.matrix.homeserver
        ):
            self._device_id = None  # another account: another device
        self.matrix = self.matrix.model_copy(update=update)
        self.config = self.matrix
        self._password = password

    def _new_client(self) -> AsyncClient:
        return make_client(
            self.matrix.homeserver,
            self.matrix.user_id,
            request_timeout_s=self.matrix.request_timeout_s,
            ca_file=self.matrix.ca_file,
        )

    async def _stored_login(self) -> tuple[str, str] | None:
        key = keyring_user(self.matrix.homeserver, self.matrix.user_id)
        raw = await self.outbox.run(keyring.get_password, KEYRING_SERVICE, key)
        if not raw:
            return None
        try:
            saved = json.loads(raw)
            return str(saved["access_token"]), str(saved["device_id"])
        except (ValueError, KeyError, TypeError):
            return None

    async def _store_login(self, token: str, device_id: str) -> None:
        homeserver, user_id = self.matrix.homeserver, self.matrix.user_id
        await self.outbox.run(store_login, homeserver, user_id, token, device_id)

    async def _forget_login(self) -> None:
        key = keyring_user(self.matrix.homeserver, self.matrix.user_id)
        with contextlib.suppress(Exception):
            await self.outbox.run(keyring.delete_password, KEYRING_SERVICE, key)

    async def _check_homeserver(self) -> None:
        if not self.matrix.homeserver.startswith(("https://", "http://")):
            raise BackendError(
                f"{self.matrix.homeserver!r} is not a homeserver URL (https://matrix.example.org)"
            )
        try:
            versions = await call(self._client, "GET", "/_matrix/client/versions", timeout=10)
        except MatrixError as exc:
            raise BackendError(
                f"{self.matrix.homeserver} is not a Matrix homeserver ({exc})"
            ) from exc
        if wire.decode(wire.Versions, versions, "/versions answer") is None:
            raise BackendError(f"{self.matrix.homeserver} is not a Matrix homeserver")

    async def _login(self) -> None:
        if not self.matrix.homeserver or not self.matrix.user_id:
            raise LoginRequired("log in to your Matrix account", kind="missing")
        await self._check_homeserver()
        stored = await self._stored_login()
        if stored is not None:
            token, device_id = stored
            self._device_id = device_id
            self._client.restore_login(self.matrix.user_id, device_id, token)
            try:
                await call(self._client, "GET", "/_matrix/client/v3/account/whoami")
                return
            except LoginRequired:
                await self._forget_login()
                self._client.access_token = ""
                if self._password is None:
                    raise
        if self._password is None:
            raise LoginRequired("log in to your Matrix account", kind="missing")
        self._client.device_id = self._device_id
        response = await self._client.login(self._password, device_name=self.matrix.device_name)
        if not isinstance(response, LoginResponse):
            message = getattr(response, "message", "") or "login refused"
            raise LoginRequired(f"the homeserver refused the login: {message}", kind="refused")
        self._password = None
        self._device_id = response.device_id
        await self._store_login(response.access_token, response.device_id)

    # lifecycle ------------------------------------------------------------------------
    async def connect(self, agent: AgentIdentity) -> None:
        # a previous connection (a login again after the token was revoked) ends first: its
        # loops would send the same outbox entries as the new ones
        await self._stop_tasks()
        await self._client.close()
        await self.outbox.close()
        self._agent = agent
        if self._events_ended:
            self._events, self._events_ended = asyncio.Queue(), False
        self.login_problem = self.login_kind = self.certificate_problem = None
        self._online.clear()
        await self.outbox.open()
        try:
            self._client = self._new_client()
            await self._login()
            await self._set_presence()
        except BackendError as exc:
            if isinstance(exc, LoginRequired):
                self.login_problem, self.login_kind = str(exc), exc.kind
            elif isinstance(exc, UntrustedCertificate):
                self.certificate_problem = exc.reason
            await self._client.close()
            await self.outbox.close()
            raise
        loop = asyncio.get_running_loop()
        self._tasks = [
            loop.create_task(self._sync_loop(), name="matrix-sync"),
            loop.create_task(self._outbox_loop(), name="matrix-outbox"),
        ]

    async def _stop_tasks(self) -> None:
        """Cancel the sync and outbox loops and every chore, and wait until they ended."""
        tasks, self._tasks = self._tasks, []
        tasks += list(self._chores)
        self._chores.clear()
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)

    async def disconnect(self) -> None:
        await self._stop_tasks()
        self._online.clear()
        with contextlib.suppress(BackendError):
            if self._client.access_token and self.login_problem is None:
                await asyncio.wait_for(self._presence("offline"), timeout=2)
        await self._client.close()
        await self.outbox.close()
        self._emit_state(ConnectionState.DISCONNECTED)
        self._events.put_nowait(None)
        self._events_ended = True

    async def events(self) -> AsyncIterator[BackendEvent]:
        while True:
            event = await self._events.get()
            if event is None:
                return
            yield event

    def _emit(self, event: BackendEvent) -> None:
        self._events.put_nowait(event)

    def _emit_state(self, state: ConnectionState, detail: str = "") -> None:
        if state is self._state and not detail:
            return
        self._state = state
        self._emit(ConnectionChanged(state=state, detail=detail))

    async def _login_lost(self, exc: LoginRequired) -> None:
        """The token stopped working mid-session (expired, revoked, signed out elsewhere):
        forget it and ask for a login once; the loops wait until the next connect."""
        self._online.clear()
        if self.login_problem is not None:
            return  # already reported (the sync and the outbox both found out)
        self.login_problem, self.login_kind = str(exc), exc.kind
        await self._forget_login()
        self._emit_state(ConnectionState.FAILED, str(exc))

    # sync -----------------------------------------------------------------------------
    def _backoff(self) -> Backoff:
        base, cap = self.matrix.backoff_base_s, self.matrix.backoff_cap_s
        return Backoff(base_s=base, cap_s=cap, floor_s=min(0.05, base), rng=self._rng)

    async def _sync_loop(self) -> None:
        backoff = self._backoff()
        while True:
            presence = self._presence_state()
            params = f"filter={q(json.dumps(SYNC_FILTER))}&set_presence={presence}"
            if self._since:
                params += (
                    f"&since={q(self._since)}&timeout={int(self.matrix.sync_timeout_s * 1000)}"
                )
            try:
                reply = await self._sync_request(f"/_matrix/client/v3/sync?{params}", presence)
                if reply is None:  # the agent's presence changed: asked again with it
                    continue
                update = wire.decode_sync(reply)
                if update is None:  # logged: retried like a server error
                    raise MatrixError("the homeserver sent an unusable sync reply", 502)
                # a room's missing events that cannot be read now: the same sync again later
                await self._apply_sync(update, initial=self._since is None)
            except LoginRequired as exc:
                await self._login_lost(exc)
                return
            except (MatrixUnreachable, MatrixError) as exc:
                if isinstance(exc, MatrixError) and not exc.transient:
                    log.warning("sync refused: %s", exc)
                self._online.clear()
                delay = backoff.next_delay()
                self._emit_state(ConnectionState.RECONNECTING, f"{exc}; retrying in {delay:.0f} s")
                await asyncio.sleep(delay)
                continue
            backoff.reset()
            self._since = update.next_batch
            if not self._online.is_set():
                self._online.set()
                self._wake_outbox.set()
            self._emit_state(ConnectionState.CONNECTED)

    async def _sync_request(self, path: str, presence: str) -> JsonDict | None:
        """One ``/sync`` call; None when :meth:`set_ready` changed the presence it carries.

        Synapse applies a sync's ``set_presence`` when it starts handling it, so a sync sent
        just before the agent's change (the next long-poll after an event) could land after
        the presence update and undo it for a whole long-poll: colleagues would see the
        agent Ready (or not) for up to ``sync_timeout_s`` after they changed it."""
        timeout = self.matrix.sync_timeout_s + self.matrix.request_timeout_s
        request = asyncio.ensure_future(call(self._client, "GET", path, timeout=timeout))
        self._sync_in_flight = (presence, request)
        try:
            return await request
        except asyncio.CancelledError:
            task = asyncio.current_task()
            if request.cancelled() and task is not None and not task.cancelling():
                return None  # only the request was cancelled (set_ready), not the loop
            raise
        finally:
            self._sync_in_flight = None

    async def _apply_sync(self, update: SyncUpdate, *, initial: bool) -> None:
        """Every room of a decoded sync reply, each on its own: a room whose handling
        fails is logged and the others still go through. Raises (before anything is
        emitted) when the events a limited timeline left out cannot be read now."""
        self._timelines_moved(update)
        conversations = {
            room.room_id: self._remember_state(room.state, room.timeline) for room in update.join
        }
        update = await self._fill_gaps(update, conversations, initial=initial)
        try:
            await self._prefetch_images(update, conversations, initial=initial)
        except Exception:  # best effort: the messages still come, without their pictures
            log.exception("could not fetch the images of a sync reply")
        for kind, rooms in (
            ("invite", update.invite),
            ("join", update.join),
            ("leave", update.leave),
        ):
            for room in rooms:
                try:
                    if kind == "invite":
                        self._invited(room.room_id, room.state)
                    elif kind == "join":
                        self._joined(room, conversations[room.room_id], initial=initial)
                    else:
                        self._left(room, initial=initial)
                except Exception:  # a bug must not take the other rooms of the sync with it
                    log.exception("could not process the sync of room %s", room.room_id)

    def _remember_state(
        self, state: list[StateEvent], timeline: list[RoomEvent] | None = None
    ) -> _Conversation | None:
        """Names from member events; the conversation state of the room if it has one."""
        conversation: _Conversation | None = None
        events: list[StateEvent | RoomEvent] = [*state, *(timeline or [])]
        for event in events:
            if event.state_key is None:
                continue
            if event.type == "m.room.member":
                member = wire.decode_content(MemberContent, event)
                if member is not None and member.displayname is not None:
                    self._names[event.state_key] = member.displayname
            elif event.type in (CONVERSATION_EVENT, CONSULTATION_EVENT):
                content = wire.decode_content(ConversationContent, event)
                if content is not None:
                    conversation = _Conversation(event.type, event.sender, content)
        return conversation

    def _summary(
        self, room_id: str, conversation: _Conversation | None, inviter: str
    ) -> tuple[InteractionSummary, str]:
        content = conversation.content if conversation else ConversationContent()
        raw_contact = content.contact or wire.ContactContent()
        customer_id = (conversation.customer if conversation else "") or inviter
        name = raw_contact.name or self._names.get(customer_id) or customer_id
        contact = Contact(
            id=raw_contact.id or customer_id,
            name=name,
            email=raw_contact.email or None,
            phone=raw_contact.phone or None,
        )
        contact = self._remember_room(room_id, conversation, customer_id, contact)
        summary = InteractionSummary(
            id=room_id,
            contact=contact,
            channel=_channel(content.channel),
            subject=content.subject or None,
            first_message=content.first_message or None,
            offered_at=time.time(),
            parties=(Party(id=customer_id, name=name, role=PartyRole.CUSTOMER),),
        )
        return summary, customer_id

    def _invited(self, room_id: str, events: list[StateEvent]) -> None:
        if room_id in self._rooms:
            return
        conversation = self._remember_state(events)
        inviter = next(
            (e.sender for e in events if e.type == "m.room.member" and e.state_key == self.user_id),
            "",
        )
        summary, customer = self._summary(room_id, conversation, inviter)
        room = _Room(room_id, summary, customer, state="offered" if self._ready else "held")
        self._rooms[room_id] = room
        if self._ready:
            self._emit(InteractionOffered(interaction=summary))

    def _joined(
        self, update: RoomUpdate, conversation: _Conversation | None, *, initial: bool
    ) -> None:
        room_id = update.room_id
        room = self._rooms.get(room_id)
        if room is None:
            if initial and conversation is not None and self._still_open(conversation, update):
                # the agent's chat from a previous run: back on the desk before CONNECTED
                self._resume(room_id, conversation, update.timeline)
            elif conversation is not None and conversation.kind == CONVERSATION_EVENT:
                self._summary(room_id, conversation, "")  # for the directory and history only
            return
        if room.state != "active":
            if room.pending is not None:  # being accepted: kept until accept has read back
                room.pending.extend(update.timeline)
            return
        for event in update.timeline:
            self._timeline_event(room, event)
        for ephemeral in update.ephemeral:
            if ephemeral.type == "m.receipt":
                self._receipt(room, ephemeral)
            elif ephemeral.type == "m.typing":
                self._typing(room, ephemeral)

    def _typing(self, room: _Room, event: wire.EphemeralEvent) -> None:
        content = wire.decode_content(wire.TypingContent, event)
        if content is None:
            return
        typing = set(content.user_ids)
        typing.discard(self.user_id)
        for user in typing ^ room.typing:
            self._emit(Typing(interaction_id=room.room_id, party_id=user, typing=user in typing))
        room.typing = typing

    def _still_open(self, conversation: _Conversation, update: RoomUpdate) -> bool:
        """Whether a conversation room the agent is in (found by the first sync) is a chat
        still on their desk: a customer conversation whose customer has not left."""
        if conversation.kind != CONVERSATION_EVENT:
            return False
        customer = conversation.customer
        membership = "join"
        events: list[StateEvent | RoomEvent] = [*update.state, *update.timeline]
        for event in events:
            if event.type == "m.room.member" and event.state_key == customer:
                member = wire.decode_content(MemberContent, event, quiet=True)
                membership = member.membership if member is not None else ""
        return membership in ("join", "invite")

    def _resume(self, room_id: str, conversation: _Conversation, timeline: list[RoomEvent]) -> None:
        """Announce a chat a previous run left active (the backend contract: the desk is
        announced before ``ConnectionChanged(CONNECTED)``), with its recent transcript."""
        summary, customer = self._summary(room_id, conversation, "")
        room = _Room(room_id, summary, customer, state="active")
        self._rooms[room_id] = room
        now = time.time()
        self._emit(InteractionOffered(interaction=summary))
        self._emit(InteractionAccepted(interaction_id=room_id, time=now))
        agent = self._agent
        if agent is not None:
            party = Party(id=f"agent:{agent.id}", name=agent.display_name, role=PartyRole.AGENT)
            self._emit(PartyJoined(interaction_id=room_id, party=party))
        for event in timeline:
            room.seen.add(event.event_id)
            room.order.append(event.event_id)
            if event.type == "m.room.message":
                self._emit_message(room, event)
        log.info("resumed the conversation %s left active by a previous run", room_id)

    def _timeline_event(self, room: _Room, event: RoomEvent) -> None:
        event_id = event.event_id
        if event_id in room.seen:
            return
        room.seen.add(event_id)
        room.order.append(event_id)
        sender = event.sender
        kind = event.type
        if kind == "m.room.message" and sender == self.user_id:
            txn = event.unsigned.transaction_id
            if txn is not None:
                room.unread[event_id] = txn
        elif kind == "m.room.message":
            self._emit_message(room, event)
        elif kind == "m.room.member" and sender != self.user_id and event.state_key is not None:
            user = event.state_key
            member = wire.decode_content(MemberContent, event, quiet=True)
            if user == self.user_id or member is None:
                return
            membership = member.membership
            if room.parent is not None:
                self._consultation_member(room, user, membership)
            elif user == room.customer_id and membership in ("leave", "ban"):
                self._emit(
                    PartyConnectionChanged(
                        interaction_id=room.room_id, party_id=user, state=PartyState.LEFT
                    )
                )
                room.state = "ended"
                self._emit(
                    InteractionEnded(interaction_id=room.room_id, time=time.time(), by_contact=True)
                )
            elif membership == "join" and user != room.customer_id:
                name = self._names.get(user, user)
                self._emit(
                    PartyJoined(
                        interaction_id=room.room_id,
                        party=Party(id=user, name=name, role=PartyRole.COLLEAGUE),
                    )
                )
            elif membership == "leave" and user != room.customer_id:
                self._emit(PartyLeft(interaction_id=room.room_id, party_id=user))

    def _emit_message(self, room: _Room, event: RoomEvent) -> None:
        """A message of someone else (a refused image says why in ``image_refused``)."""
        message = self._message(room.room_id, event, room.customer_id)
        if message is None:
            return
        self._emit(MessageReceived(message=message))

    def _consultation_member(self, room: _Room, user: str, membership: str) -> None:
        """The colleague of a consultation this agent started joined or left it."""
        if user != room.customer_id:
            return
        if membership == "join":
            party = Party(id=user, name=self._names.get(user, user), role=PartyRole.COLLEAGUE)
            self._emit(PartyJoined(interaction_id=room.room_id, party=party))
        elif membership in ("leave", "ban") and room.state == "active":
            # declined or left: the consultation is over; the agent leaves the room too
            room.state = "ended"
            self._rooms.pop(room.room_id, None)
            self._emit(ConsultationEnded(consultation_id=room.room_id, outcome="ended"))
            self._chore(self._leave(room.room_id), f"leave-{room.room_id}")

    def _receipt(self, room: _Room, event: wire.EphemeralEvent) -> None:
        """The customer's read receipt: every message of the agent up to that event is read."""
        content = wire.receipts_of(event)
        if content is None:
            return
        position = -1
        for event_id, receipts in content.receipts.items():
            readers: set[str] = set()
            for kind in ("m.read", "m.read.private"):
                readers |= set(receipts.get(kind, {}))
            if room.customer_id in readers and event_id in room.order:
                position = max(position, room.order.index(event_id))
        if position < 0:
            return
        covered = set(room.order[: position + 1])
        for event_id in [e for e in room.unread if e in covered]:
            txn = room.unread.pop(event_id)
            self._emit(
                MessageStatus(
                    interaction_id=room.room_id, txn_id=txn, status="read", time=time.time()
                )
            )

    def _message(self, room_id: str, event: RoomEvent, customer_id: str) -> Message | None:
        """The message of ``event``; None (logged) when its content is not a message."""
        content = wire.decode_content(MessageContent, event)
        if content is None:
            return None
        sender = event.sender
        if sender == self.user_id:
            role, name = PartyRole.AGENT, self._agent_name()
        elif sender == customer_id:
            role = PartyRole.CUSTOMER
            room = self._rooms.get(room_id)
            name = room.summary.contact.name if room else self._names.get(sender, sender)
        else:
            role, name = PartyRole.COLLEAGUE, self._names.get(sender, sender)
        message = Message(
            id=event.event_id,
            interaction_id=room_id,
            author_id=self._party_id(sender),
            author_name=name,
            author_role=role,
            text=content.body,
            time=event.time,
            txn_id=event.unsigned.transaction_id,
            url=content.pushed_url,
        )
        return self._with_image(message, self._images.get(event.event_id))

    def _left(self, update: RoomUpdate, *, initial: bool) -> None:
        room_id = update.room_id
        conversation = self._remember_state(update.state, update.timeline)
        room = self._rooms.get(room_id)
        if room is None:
            if conversation is not None and conversation.kind == CONVERSATION_EVENT:
                self._summary(room_id, conversation, "")
            return
        if room.parent is not None:  # a consultation: the agent was removed from it
            del self._rooms[room_id]
            if room.state == "active":
                room.state = "ended"
                self._emit(ConsultationEnded(consultation_id=room_id, outcome="ended"))
            return
        if room.state == "offered":
            room.state = "ended"
            self._emit(InteractionRevoked(interaction_id=room_id, reason="the offer was withdrawn"))
        elif room.state == "held":
            room.state = "ended"
        elif room.state == "active":
            for event in update.timeline:
                self._timeline_event(room, event)
            if room.state == "active":  # removed from the room by someone else
                room.state = "ended"
                self._emit(InteractionEnded(interaction_id=room_id, time=time.time()))

    # customer images ------------------------------------------------------------------
    async def _prefetch_images(
        self,
        update: SyncUpdate,
        conversations: dict[str, _Conversation | None],
        *,
        initial: bool,
    ) -> None:
        """Download the images of the rooms on the desk before the sync is processed, so
        that each message reaches the transcript with its picture, in order."""
        for joined in update.join:
            if self._shown(joined, conversations.get(joined.room_id), initial=initial):
                await self._fetch_images(joined.timeline)

    def _shown(
        self, update: RoomUpdate, conversation: _Conversation | None, *, initial: bool
    ) -> bool:
        """Whether the timeline of ``update`` reaches a transcript: a chat on the desk (or
        being accepted), or one a previous run left open that the first sync resumes."""
        room = self._rooms.get(update.room_id)
        if room is not None:
            return room.state == "active" or room.pending is not None
        return initial and conversation is not None and self._still_open(conversation, update)

    # limited timelines ----------------------------------------------------------------
    async def _fill_gaps(
        self,
        update: SyncUpdate,
        conversations: dict[str, _Conversation | None],
        *,
        initial: bool,
    ) -> SyncUpdate:
        """The rooms whose timeline reaches a transcript get the events a limited timeline
        left out (more than ``TIMELINE_LIMIT`` arrived since the last sync: a reconnect,
        a burst), read back before the timeline's own, so that none is lost."""
        join = [
            await self._filled(room, conversations.get(room.room_id), initial=initial)
            for room in update.join
        ]
        leave = [await self._filled(room, None, initial=False) for room in update.leave]
        return replace(update, join=join, leave=leave)

    async def _filled(
        self, update: RoomUpdate, conversation: _Conversation | None, *, initial: bool
    ) -> RoomUpdate:
        if not update.limited or not self._shown(update, conversation, initial=initial):
            return update
        room = self._rooms.get(update.room_id)
        # a chat on the desk: back to where it was last synced (or an event already seen);
        # a chat resumed by the first sync: its whole transcript
        seen = room.seen if room is not None else set()
        try:
            missing = await self._read_back(update.room_id, update.prev_batch, self._since, seen)
        except MatrixError as exc:
            if exc.transient:
                raise
            log.warning(
                "room %s: the events before its timeline cannot be read: %s", update.room_id, exc
            )
            return update
        known = {event.event_id for event in missing}
        timeline = [*missing, *(e for e in update.timeline if e.event_id not in known)]
        if missing:
            log.info(
                "room %s: %d events read back before its timeline", update.room_id, len(missing)
            )
        return replace(update, timeline=timeline, limited=False)

    async def _read_back(
        self, room_id: str, start: str | None, stop: str | None, seen: set[str]
    ) -> list[RoomEvent]:
        """The room's events before ``start`` (a ``prev_batch`` token; None: its newest),
        oldest first, back to ``stop`` (a sync token), the newest event already ``seen`` or
        the start of the room, at most ``READ_BACK_MAX`` (``GET /messages``, ``dir=b``:
        every event type, as the sync's timeline)."""
        events: list[RoomEvent] = []  # newest first
        token = start
        while len(events) < READ_BACK_MAX:
            path = f"/_matrix/client/v3/rooms/{q(room_id)}/messages?dir=b&limit={READ_BACK_PAGE}"
            if token:
                path += f"&from={q(token)}"
            if stop:
                path += f"&to={q(stop)}"
            page = wire.decode_page(await self._call("GET", path))
            for event in page.events:
                if event.event_id in seen:
                    return events[::-1]
                events.append(event)
            if not page.end or not page.size or page.end == token:
                return events[::-1]
            token = page.end
        log.warning("room %s: only its newest %d events were read back", room_id, len(events))
        return events[::-1]

    async def _fetch_images(self, events: list[RoomEvent]) -> None:
        for event in events:
            if (
                event.type != "m.room.message"
                or event.sender == self.user_id
                or event.event_id in self._images
            ):
                continue
            content = wire.decode_content(MessageContent, event, quiet=True)
            if content is None or content.msgtype != "m.image":
                continue
            self._remember_image(event.event_id, await self._image(content))

    async def _image(self, content: MessageContent) -> ImageAttachment | ImageRejected:
        """The image of an ``m.image`` message, checked (core/images.py), or why not."""
        limits = self.image_limits
        filename = content.body or "image"
        declared = content.info.size if content.info is not None else None
        if declared is not None and declared > limits.max_bytes:
            return ImageRejected(
                RejectReason.TOO_LARGE, f"{declared} bytes; the limit is {limits.max_bytes}"
            )
        try:
            data = await download(
                self._client,
                content.url or "",
                limits.max_bytes,
                timeout=self.matrix.request_timeout_s,
            )
        except MediaTooLarge:
            return ImageRejected(RejectReason.TOO_LARGE, f"the limit is {limits.max_bytes} bytes")
        except BackendError as exc:
            log.warning("image %s not downloaded: %s", filename, exc)
            return ImageRejected(RejectReason.UNREADABLE, str(exc))
        try:
            fmt = check_image(data, limits)
        except ImageRejected as exc:
            return exc
        width, height = image_size(data, fmt) or (0, 0)
        return ImageAttachment(
            mime=fmt.mime, filename=filename, data=data, width=width, height=height
        )

    def _remember_image(self, event_id: str, image: ImageAttachment | ImageRejected) -> None:
        self._images[event_id] = image
        total = sum(len(i.data) for i in self._images.values() if isinstance(i, ImageAttachment))
        while total > IMAGE_CACHE_BYTES and len(self._images) > 1:
            _, dropped = self._images.popitem(last=False)
            if isinstance(dropped, ImageAttachment):
                total -= len(dropped.data)

    # helpers --------------------------------------------------------------------------
    def _chore(self, work: Coroutine[Any, Any, None], name: str) -> None:
        """Run a best-effort request beside the sync loop (cancelled on disconnect)."""
        task = asyncio.get_running_loop().create_task(work, name=name)
        self._chores.add(task)
        task.add_done_callback(self._chore_done)

    def _chore_done(self, task: asyncio.Task[None]) -> None:
        self._chores.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.info("%s failed: %s", task.get_name(), task.exception())

    async def _leave(self, room_id: str) -> None:
        await self._call("POST", f"/_matrix/client/v3/rooms/{q(room_id)}/leave", {})

    async def _membership(self, room_id: str, user_id: str) -> str:
        try:
            state = await self._call(
                "GET",
                f"/_matrix/client/v3/rooms/{q(room_id)}/state/m.room.member/{q(user_id)}",
            )
        except MatrixError as exc:
            if exc.status in (403, 404):  # never there, or no longer visible to us
                return "leave"
            raise
        member = wire.decode(MemberContent, state, "member state")
        return member.membership if member is not None else "leave"

    def _agent_name(self) -> str:
        return self._agent.display_name if self._agent else self.user_id

    def _party_id(self, user_id: str) -> str:
        if user_id == self.user_id and self._agent is not None:
            return f"agent:{self._agent.id}"
        return user_id

    def _room(self, interaction_id: str, *states: str) -> _Room:
        room = self._rooms.get(interaction_id)
        if room is None:
            raise BackendError(f"there is no interaction {interaction_id!r}")
        if states and room.state not in states:
            raise BackendError(f"the interaction {interaction_id!r} is {room.state}")
        return room

    async def _call(self, method: str, path: str, body: JsonDict | None = None) -> JsonDict:
        return await call(self._client, method, path, body)

    async def _presence(self, presence: str) -> None:
        await self._call(
            "PUT",
            f"/_matrix/client/v3/presence/{q(self.user_id)}/status",
            {"presence": presence},
        )

    def _presence_state(self) -> str:
        """The agent's presence: ``online`` when Ready, ``unavailable`` (busy) when not."""
        return "online" if self._ready else "unavailable"

    async def _set_presence(self) -> None:
        await self._presence(self._presence_state())

    # agent ----------------------------------------------------------------------------
    async def set_ready(self, channel: str, ready: bool) -> None:
        self._ready = ready
        in_flight = self._sync_in_flight
        if in_flight is not None and in_flight[0] != self._presence_state():
            in_flight[1].cancel()  # the sync loop asks again at once, with the new presence
        await self._set_presence()
        if ready:
            for room in self._rooms.values():
                if room.state == "held":
                    room.state = "offered"
                    self._emit(InteractionOffered(interaction=room.summary))

    # interaction ----------------------------------------------------------------------
    async def accept(self, interaction_id: str) -> None:
        room = self._room(interaction_id, "offered")
        room.pending = []  # what syncs bring from now on waits for the events read below
        try:
            await self._call("POST", f"/_matrix/client/v3/join/{q(interaction_id)}", {})
            # what the customer already wrote, before the chat opens (as the demo does)
            events = await self._read_back(interaction_id, None, None, set())
            await self._fetch_images(events)
        except BaseException:
            room.pending = None
            raise
        room.state = "active"
        events += room.pending  # their images came with their sync
        room.pending = None
        for event in events:
            self._timeline_event(room, event)  # once each: a pending one may be read too
        self._emit(InteractionAccepted(interaction_id=interaction_id, time=time.time()))
        agent = self._agent
        if agent is not None:
            party = Party(id=f"agent:{agent.id}", name=agent.display_name, role=PartyRole.AGENT)
            self._emit(PartyJoined(interaction_id=interaction_id, party=party))

    async def reject(self, interaction_id: str) -> None:
        room = self._room(interaction_id, "offered")
        await self._call("POST", f"/_matrix/client/v3/rooms/{q(interaction_id)}/leave", {})
        room.state = "ended"

    async def _queue(self, room_id: str, event_type: str, content: JsonDict, txn_id: str) -> None:
        self._room(room_id, "active")
        await self.outbox.add(txn_id, room_id, event_type, content)
        self._wake_outbox.set()

    async def send_message(self, interaction_id: str, text: str, txn_id: str) -> None:
        content = {"msgtype": "m.text", "body": text}
        await self._queue(interaction_id, "m.room.message", content, txn_id)

    async def push_url(self, interaction_id: str, url: str, txn_id: str) -> None:
        content = {"msgtype": "m.text", "body": url, PUSHED_URL_FIELD: url}
        await self._queue(interaction_id, "m.room.message", content, txn_id)

    async def send_image(
        self, interaction_id: str, data: bytes, mime: str, filename: str, txn_id: str
    ) -> None:
        self._room(interaction_id, "active")
        uploaded = await call(
            self._client,
            "POST",
            f"/_matrix/media/v3/upload?filename={q(filename)}",
            data=data,
            content_type=mime,
        )
        uri = wire.expect(wire.ContentUri, uploaded, "the image upload").content_uri
        content = image_content(uri, filename, mime, len(data))
        await self._queue(interaction_id, "m.room.message", content, txn_id)

    async def send_typing(self, interaction_id: str, typing: bool) -> None:
        self._room(interaction_id, "active")
        body: JsonDict = {"typing": typing}
        if typing:
            body["timeout"] = 10_000
        await self._call(
            "PUT",
            f"/_matrix/client/v3/rooms/{q(interaction_id)}/typing/{q(self.user_id)}",
            body,
        )

    async def end(self, interaction_id: str) -> None:
        room = self._room(interaction_id, "active")
        await self._flush_room(interaction_id)
        await self._call("POST", f"/_matrix/client/v3/rooms/{q(interaction_id)}/leave", {})
        room.state = "ended"
        self._emit(
            PartyConnectionChanged(
                interaction_id=interaction_id, party_id=room.customer_id, state=PartyState.LEFT
            )
        )
        self._emit(InteractionEnded(interaction_id=interaction_id, time=time.time()))

    async def mark_done(
        self, interaction_id: str, disposition: str | None = None, note: str = ""
    ) -> None:
        self._room(interaction_id, "ended")
        await self._call(
            "PUT",
            f"/_matrix/client/v3/user/{q(self.user_id)}/rooms/{q(interaction_id)}"
            f"/account_data/{DISPOSITION_EVENT}",
            {"disposition": disposition, "note": note, "time": time.time()},
        )
        del self._rooms[interaction_id]

    async def disposition(self, interaction_id: str) -> JsonDict:
        """The disposition and note saved for a room (room account data)."""
        return await self._call(
            "GET",
            f"/_matrix/client/v3/user/{q(self.user_id)}/rooms/{q(interaction_id)}"
            f"/account_data/{DISPOSITION_EVENT}",
        )

    async def _invite(self, room_id: str, user_id: str) -> None:
        await self._call(
            "POST", f"/_matrix/client/v3/rooms/{q(room_id)}/invite", {"user_id": user_id}
        )

    async def transfer(self, interaction_id: str, target_id: str) -> None:
        room = self._room(interaction_id, "active")
        await self._flush_room(interaction_id)
        await self._invite(interaction_id, target_id)
        await self._call("POST", f"/_matrix/client/v3/rooms/{q(interaction_id)}/leave", {})
        room.state = "ended"
        del self._rooms[interaction_id]
        name = self._names.get(target_id, target_id)
        self._emit(InteractionTransferred(interaction_id=interaction_id, target_name=name))

    async def conference(self, interaction_id: str, target_id: str) -> None:
        self._room(interaction_id, "active")
        await self._invite(interaction_id, target_id)

    async def consult(self, interaction_id: str, target_id: str) -> str:
        room = self._room(interaction_id, "active")
        contact = room.summary.contact
        created = await self._call(
            "POST",
            "/_matrix/client/v3/createRoom",
            {
                "preset": "private_chat",
                "is_direct": True,
                "invite": [target_id],
                "name": f"Consultation: {contact.name}",
                "initial_state": [
                    {
                        "type": CONSULTATION_EVENT,
                        "state_key": "",
                        "content": {
                            "interaction": interaction_id,
                            "customer": self.user_id,
                            "contact": {
                                "id": self.user_id,
                                "name": self._names.get(self.user_id, self._agent_name()),
                            },
                            "subject": contact.name,
                        },
                    }
                ],
            },
        )
        consult_id = wire.expect(wire.RoomId, created, "the room creation").room_id
        summary = InteractionSummary(
            id=consult_id,
            contact=Contact(id=target_id, name=self._names.get(target_id, target_id)),
            channel=room.summary.channel,
            subject=contact.name,
            offered_at=time.time(),
        )
        self._rooms[consult_id] = _Room(
            consult_id, summary, target_id, state="active", parent=interaction_id
        )
        return consult_id

    def _consultation(self, consultation_id: str) -> _Room:
        room = self._rooms.get(consultation_id)
        if room is None or room.parent is None:
            raise BackendError(f"there is no consultation {consultation_id!r}")
        if room.state != "active":
            raise BackendError("this consultation is over")
        return room

    async def _close_consultation(
        self, room: _Room, outcome: Literal["ended", "transferred", "conference"]
    ) -> None:
        """The agent leaves the consultation room; the consultation is over."""
        room.state = "ended"
        self._rooms.pop(room.room_id, None)
        self._emit(ConsultationEnded(consultation_id=room.room_id, outcome=outcome))
        try:
            await self._leave(room.room_id)
        except MatrixError as exc:  # already gone: nothing left to close
            log.info("consultation room %s not left: %s", room.room_id, exc)

    async def _invite_once(self, room_id: str, user_id: str) -> None:
        """Invite ``user_id`` unless they are already in the room (or invited)."""
        if await self._membership(room_id, user_id) not in ("join", "invite"):
            await self._invite(room_id, user_id)

    async def complete_transfer(self, consultation_id: str) -> None:
        """Two-step transfer: the consulted colleague is invited into the customer room, the
        agent leaves it (the chat leaves the desk) and the consultation room."""
        consultation = self._consultation(consultation_id)
        assert consultation.parent is not None
        parent = self._room(consultation.parent, "active")
        colleague = consultation.customer_id
        await self._flush_room(parent.room_id)
        await self._invite_once(parent.room_id, colleague)
        await self._leave(parent.room_id)
        parent.state = "ended"
        self._rooms.pop(parent.room_id, None)
        await self._close_consultation(consultation, "transferred")
        name = self._names.get(colleague, colleague)
        self._emit(InteractionTransferred(interaction_id=parent.room_id, target_name=name))

    async def consultation_to_conference(self, consultation_id: str) -> None:
        """The consulted colleague is invited into the customer room; the agent stays."""
        consultation = self._consultation(consultation_id)
        assert consultation.parent is not None
        parent = self._room(consultation.parent, "active")
        await self._invite_once(parent.room_id, consultation.customer_id)
        await self._close_consultation(consultation, "conference")

    async def end_consultation(self, consultation_id: str) -> None:
        await self._close_consultation(self._consultation(consultation_id), "ended")

    async def _colleagues_in(self, room: _Room) -> list[str]:
        """Members of a customer room besides the agent and the customer."""
        reply = await self._call(
            "GET", f"/_matrix/client/v3/rooms/{q(room.room_id)}/joined_members"
        )
        joined = wire.joined_members(reply)
        for user_id, name in joined.items():
            if name:
                self._names.setdefault(user_id, name)
        return [u for u in joined if u not in (self.user_id, room.customer_id)]

    async def leave_conference(self, interaction_id: str) -> None:
        """The agent leaves a conference room; the colleagues still in it keep the chat."""
        room = self._room(interaction_id, "active")
        colleagues = await self._colleagues_in(room)
        if not colleagues:
            raise BackendError("there is no colleague in this chat to leave it to")
        await self._flush_room(interaction_id)
        await self._leave(interaction_id)
        room.state = "ended"
        self._rooms.pop(interaction_id, None)
        name = self._names.get(colleagues[0], colleagues[0])
        self._emit(InteractionTransferred(interaction_id=interaction_id, target_name=name))

    async def remove_party(self, interaction_id: str, party_id: str) -> None:
        """Remove a colleague from a conference room (a kick)."""
        room = self._room(interaction_id, "active")
        if party_id in (room.customer_id, self.user_id, self._party_id(self.user_id)) or (
            await self._membership(interaction_id, party_id) not in ("join", "invite")
        ):
            raise BackendError("only a colleague in the conference can be removed")
        try:
            await self._call(
                "POST",
                f"/_matrix/client/v3/rooms/{q(interaction_id)}/kick",
                {"user_id": party_id, "reason": "removed from the conference"},
            )
        except MatrixError as exc:
            if exc.errcode != "M_FORBIDDEN":
                raise
            raise BackendError(
                "this room does not let you remove participants (agents need the kick power "
                "level; see docs/matrix.md)"
            ) from exc
        self._emit(PartyLeft(interaction_id=interaction_id, party_id=party_id))

    # outbox ---------------------------------------------------------------------------
    async def _outbox_loop(self) -> None:
        """Send every pending entry, oldest first, until the server acknowledges it."""
        backoff = self._backoff()
        while True:
            await self._wake_outbox.wait()
            self._wake_outbox.clear()
            await self._online.wait()
            for entry in await self.outbox.pending():
                if not await self._deliver(entry):
                    await asyncio.sleep(backoff.next_delay())
                    self._wake_outbox.set()
                    break
                backoff.reset()

    async def _deliver(self, entry: OutboxEntry) -> bool:
        """Send one entry; False if it must be retried later."""
        await self.outbox.attempted(entry.txn_id)
        try:
            reply = await self._call(
                "PUT",
                f"/_matrix/client/v3/rooms/{q(entry.room_id)}/send/{q(entry.event_type)}"
                f"/{q(entry.txn_id)}",
                entry.content,
            )
        except MatrixUnreachable:
            return False
        except LoginRequired as exc:  # kept: sent after the agent logged in again
            await self._login_lost(exc)
            return False
        except MatrixError as exc:
            if exc.transient:
                return False
            log.warning("message %s refused: %s", entry.txn_id, exc)
            await self.outbox.remove(entry.txn_id)
            self._emit(
                MessageFailed(interaction_id=entry.room_id, txn_id=entry.txn_id, reason=str(exc))
            )
            return True
        await self.outbox.remove(entry.txn_id)
        # the server stored it: an answer without a usable event id is logged, not retried
        sent = wire.decode(wire.EventId, reply, "the answer to a send")
        event_id = sent.event_id if sent is not None else ""
        room = self._rooms.get(entry.room_id)
        if room is not None and event_id:
            room.unread.setdefault(event_id, entry.txn_id)
        self._emit(
            MessageDelivered(
                interaction_id=entry.room_id,
                txn_id=entry.txn_id,
                message_id=event_id,
                time=time.time(),
            )
        )
        return True

    async def _flush_room(self, room_id: str, timeout: float = 10.0) -> None:
        """Wait (a while) until nothing for ``room_id`` is left in the outbox."""
        deadline = time.monotonic() + timeout
        while any(e.room_id == room_id for e in await self.outbox.pending()):
            if time.monotonic() > deadline:
                raise BackendError("messages are still waiting to be sent")
            self._wake_outbox.set()
            await asyncio.sleep(0.05)

    # contacts and history -------------------------------------------------------------
    def _remember_room(
        self,
        room_id: str,
        conversation: _Conversation | None,
        customer_id: str,
        contact: Contact,
    ) -> Contact:
        """Keep what a room's conversation state says, for the directory, history and
        search; the contact, with the details an earlier room gave and this one lacks."""
        known = self._contacts.get(contact.id)
        if known is not None:
            contact = contact.model_copy(
                update={
                    "email": contact.email or known.email,
                    "phone": contact.phone or known.phone,
                }
            )
        self._contacts[contact.id] = contact
        rooms = self._contact_rooms.setdefault(contact.id, [])
        if room_id not in rooms:
            rooms.append(room_id)
        self._room_facts[room_id] = _RoomFacts(
            customer_id=customer_id,
            channel=_channel(conversation.content.channel if conversation else None),
            consultation=conversation is not None and conversation.kind == CONSULTATION_EVENT,
        )
        return contact

    def _timelines_moved(self, update: SyncUpdate) -> None:
        """Rooms with new timeline events are read again from their newest event."""
        for room in [*update.join, *update.leave]:
            if room.timeline:
                self.history_reader.moved(room.room_id)

    def _directory(self) -> list[Contact]:
        """Contacts of the customer conversations (not the colleagues of consultations)."""
        return [c for cid, c in self._contacts.items() if self._customer_rooms(cid)]

    async def search_contacts(self, query: str, limit: int = 50) -> list[Contact]:
        folded = fold(query.strip())
        found = [
            c
            for c in self._directory()
            if not folded or any(folded in fold(v or "") for v in (c.name, c.email, c.phone))
        ]
        return sorted(found, key=lambda c: fold(c.name))[:limit]

    async def contact(self, contact_id: str) -> Contact | None:
        return self._contacts.get(contact_id)

    def _customer_rooms(self, contact_id: str) -> list[str]:
        """The contact's customer conversation rooms, in the order they were seen."""
        return [
            room_id
            for room_id in self._contact_rooms.get(contact_id, [])
            if not (facts := self._room_facts.get(room_id)) or not facts.consultation
        ]

    def _history_message(self, room_id: str, event: RoomEvent) -> Message | None:
        """A message of a room's timeline as history shows it (with the room's channel)."""
        if event.type != "m.room.message":
            return None
        facts = self._room_facts.get(room_id)
        message = self._message(room_id, event, facts.customer_id if facts else "")
        if message is None:
            return None
        content = wire.decode_content(MessageContent, event, quiet=True)
        if content is not None and content.msgtype == "m.image":
            self._image_sources[event.event_id] = content
            self._image_sources.move_to_end(event.event_id)
            while len(self._image_sources) > IMAGE_SOURCES_KEPT:
                self._image_sources.popitem(last=False)
        if facts is None:
            return message
        return message.model_copy(update={"channel": facts.channel})

    async def _with_images(self, messages: list[Message]) -> list[Message]:
        """``messages`` with the pictures of their ``m.image`` events (either side's: history
        has no local echo), downloaded and checked as a live chat's are, a refused one with
        its reason (``image_refused``); at most ``IMAGE_DOWNLOADS`` at a time."""
        found: dict[str, ImageAttachment | ImageRejected] = {}
        for message in messages:
            if (known := self._images.get(message.id)) is not None:
                found[message.id] = known
        wanted = [m.id for m in messages if m.id in self._image_sources and m.id not in found]
        gate = asyncio.Semaphore(IMAGE_DOWNLOADS)

        async def fetch(event_id: str) -> None:
            async with gate:
                found[event_id] = await self._image(self._image_sources[event_id])
            self._remember_image(event_id, found[event_id])

        await asyncio.gather(*(fetch(event_id) for event_id in dict.fromkeys(wanted)))
        return [self._with_image(m, found.get(m.id)) for m in messages]

    @staticmethod
    def _with_image(message: Message, image: ImageAttachment | ImageRejected | None) -> Message:
        if isinstance(image, ImageAttachment):
            return message.model_copy(update={"image": image, "image_refused": None})
        if isinstance(image, ImageRejected):
            refused = (image.reason.value, image.detail)
            return message.model_copy(update={"image": None, "image_refused": refused})
        return message

    async def _read_history_page(
        self, room_id: str, token: str | None, count: int
    ) -> tuple[list[Message], str | None]:
        """One page of ``GET /rooms/{room}/messages`` backwards from ``token`` (the newest
        event if None): its messages, newest first, and the token of the next older page."""
        path = (
            f"/_matrix/client/v3/rooms/{q(room_id)}/messages?dir=b&limit={count}"
            f"&filter={q(json.dumps(HISTORY_FILTER))}"
        )
        if token:
            path += f"&from={q(token)}"
        try:
            page = wire.decode_page(await self._call("GET", path))
        except MatrixError as exc:
            if exc.status == 403:  # an offer declined before joining: nothing to read
                return [], None
            raise
        messages = [
            message
            for event in page.events
            if (message := self._history_message(room_id, event)) is not None
        ]
        return messages, page.end

    async def history(
        self, contact_id: str, before: float | None = None, limit: int = 50
    ) -> list[Message]:
        """Paged with each room's ``/messages`` tokens (``history.py``): the next page goes
        on where the last one stopped, whatever the length of the history."""
        page = await self.history_reader.page(self._customer_rooms(contact_id), before, limit)
        return await self._with_images(page)

    async def search_messages(self, contact_id: str, query: str) -> list[Message]:
        """Server-side ``POST /search`` over the contact's rooms the agent is in; Synapse
        searches only joined rooms, so the rooms the agent has left are read back through
        ``/messages`` and matched here (case- and accent-insensitive)."""
        rooms = self._customer_rooms(contact_id)
        if not rooms or not query.strip():
            return []
        reply = await self._call("GET", "/_matrix/client/v3/joined_rooms")
        joined = set(wire.expect(wire.JoinedRooms, reply, "the joined rooms").joined_rooms)
        found = await self._server_search([r for r in rooms if r in joined], query)
        folded = fold(query.strip())
        found += await self.history_reader.scan(
            [r for r in rooms if r not in joined], lambda m: folded in fold(m.text)
        )
        unique = {m.id: m for m in found}
        return sorted(unique.values(), key=lambda m: m.time)

    async def _server_search(self, rooms: list[str], query: str) -> list[Message]:
        """Every ``/search`` result in ``rooms`` (following ``next_batch``), up to a limit."""
        if not rooms:
            return []
        body = {
            "search_categories": {
                "room_events": {
                    "search_term": query,
                    "keys": ["content.body"],
                    "filter": {"rooms": rooms, "types": ["m.room.message"]},
                    "order_by": "recent",
                }
            }
        }
        messages: list[Message] = []
        batch: str | None = None
        while len(messages) < SEARCH_RESULTS_MAX:
            path = "/_matrix/client/v3/search"
            if batch:
                path += f"?next_batch={q(batch)}"
            found = wire.decode_search(await self._call("POST", path, body))
            for event in found.events:
                message = self._history_message(event.room_id or "", event)
                if message is not None:
                    messages.append(message)
            batch = found.next_batch
            if not batch or not found.size:
                break
        return messages

    async def interaction_infos(self, interaction_ids: list[str]) -> list[InteractionInfo]:
        """Date, channel, agent and disposition of each conversation room: when its
        conversation state event was sent and the disposition in its room account data."""
        infos = []
        for room_id in interaction_ids:
            facts = self._room_facts.get(room_id)
            if facts is not None and not facts.consultation:
                infos.append(await self._interaction_info(room_id, facts))
        return infos

    async def _interaction_info(self, room_id: str, facts: _RoomFacts) -> InteractionInfo:
        started: float | None = None
        try:
            # the whole event (its time), not only its content: Synapse's ``format=event``
            reply = await self._call(
                "GET",
                f"/_matrix/client/v3/rooms/{q(room_id)}/state/{CONVERSATION_EVENT}/?format=event",
            )
            event = wire.decode(RoomEvent, reply, "conversation state event")
            started = (event.time or None) if event is not None else None
        except MatrixError as exc:
            if exc.status not in (403, 404):
                raise
        disposition: str | None = None
        try:
            saved = wire.decode(wire.Disposition, await self.disposition(room_id), "disposition")
            disposition = (saved.disposition or None) if saved is not None else None
        except MatrixError as exc:
            if exc.status != 404:
                raise
        room = self._rooms.get(room_id)
        return InteractionInfo(
            id=room_id,
            contact_id=room.summary.contact.id if room else self._contact_of(room_id),
            channel=facts.channel,
            started_at=started
            if started is not None
            else room.summary.offered_at
            if room
            else time.time(),
            agent_name=self._agent_name(),
            disposition=disposition,
        )

    def _contact_of(self, room_id: str) -> str:
        for contact_id, rooms in self._contact_rooms.items():
            if room_id in rooms:
                return contact_id
        return ""

    async def _team_members(self) -> dict[str, str]:
        """Members of the team room (``MatrixConfig.team_room``) by id, with their names;
        the agent joins the room the first time (it must be invited or the room public)."""
        room_id = self._team_room_id
        team = self.matrix.team_room
        if room_id is None:
            if team.startswith("#"):
                found = await self._call("GET", f"/_matrix/client/v3/directory/room/{q(team)}")
                room_id = wire.expect(wire.RoomId, found, "the team room lookup").room_id
            else:
                room_id = team
            self._team_room_id = room_id
        path = f"/_matrix/client/v3/rooms/{q(room_id)}/joined_members"
        try:
            reply = await self._call("GET", path)
        except MatrixError as exc:
            if exc.status != 403:
                raise
            # not a member yet: join (an invite or a public team room), then read again
            await self._call("POST", f"/_matrix/client/v3/join/{q(team)}", {})
            reply = await self._call("GET", path)
        members: dict[str, str] = {}
        for user_id, name in wire.joined_members(reply).items():
            members[user_id] = name or user_id
        return members

    async def _presence_of(self, user_id: str) -> str:
        """Ready (``online``), Not Ready (``unavailable``: busy) or offline."""
        try:
            status = await self._call("GET", f"/_matrix/client/v3/presence/{q(user_id)}/status")
        except MatrixError:
            return "offline"
        presence = wire.decode(wire.PresenceStatus, status, "presence status")
        return {"online": "ready", "unavailable": "busy"}.get(
            presence.presence if presence is not None else "", "offline"
        )

    async def targets(self, query: str = "") -> list[Target]:
        if self.matrix.team_room:
            folded = query.strip().casefold()
            found: list[Target] = []
            for user_id, name in (await self._team_members()).items():
                if user_id == self.user_id:
                    continue
                if folded and folded not in name.casefold() and folded not in user_id.casefold():
                    continue
                self._names[user_id] = name
                presence = await self._presence_of(user_id)
                found.append(Target(id=user_id, name=name, kind="agent", presence=presence))
            return sorted(found, key=lambda t: t.name.casefold())
        reply = await self._call(
            "POST",
            "/_matrix/client/v3/user_directory/search",
            {"search_term": query or "", "limit": 50},
        )
        customers = {r.customer_id for r in self._rooms.values()}
        listed: list[Target] = []
        for user_id, display_name in wire.directory_users(reply):
            if user_id == self.user_id or user_id in customers:
                continue
            name = display_name or user_id
            self._names[user_id] = name
            presence = await self._presence_of(user_id)
            listed.append(Target(id=user_id, name=name, kind="agent", presence=presence))
        return listed


def new_txn_id() -> str:
    return uuid.uuid4().hex
