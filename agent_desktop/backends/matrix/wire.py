"""What the Matrix backend reads off the wire, parsed by pydantic before it is used.

A homeserver relays what customers (and bridges) put into events and room state, so any
field may hold anything. Every sync reply, event and content the backend reads goes through
a model here: strict where the backend depends on a field (an event's type, sender, id and
timestamp; a message's body; a membership), lenient where the specification is (a display
name or a pushed URL of the wrong type is dropped, an unknown channel shows as web chat,
unknown fields are ignored). Each event is decoded on its own: a malformed one is logged
with its raw form (bounded, escaped: ``core.events.raw_for_log``) and skipped, so one
hostile event never takes the rest of a sync reply with it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Annotated, Any, TypeVar

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StrictBool,
    StrictStr,
    ValidationError,
    ValidationInfo,
    ValidatorFunctionWrapHandler,
    WrapValidator,
)

from agent_desktop.backends.matrix.client import MatrixError
from agent_desktop.core.events import raw_for_log
from agent_desktop.core.models import Frozen

log = logging.getLogger(__name__)

M = TypeVar("M", bound=BaseModel)

#: the largest timestamp taken (ms; 2**53: exact as a float, far past any real date)
MAX_TIMESTAMP_MS = 2**53
#: validation context key: the lenient fields dropped while decoding
DROPPED = "dropped"
#: extra field of an m.text message that carries a pushed URL
PUSHED_URL_FIELD = "com.agent_desktop.pushed_url"


def _or_none(value: object, handler: ValidatorFunctionWrapHandler, info: ValidationInfo) -> object:
    """Lenient field: a value of the wrong type counts as absent (and is reported through
    the validation context, for :func:`decode` to log)."""
    try:
        return handler(value)
    except ValidationError:
        if isinstance(info.context, dict) and info.field_name:
            info.context.setdefault(DROPPED, []).append(info.field_name)
        return None


#: a string field the specification makes optional: anything else is dropped
OptionalText = Annotated[StrictStr | None, WrapValidator(_or_none)]
#: a Matrix timestamp (ms since the epoch)
Timestamp = Annotated[int, Field(strict=True, ge=0, le=MAX_TIMESTAMP_MS)]


class WireModel(Frozen):
    """Frozen, text with lone surrogates repaired (``Frozen``), unknown fields ignored: the
    specification lets servers and clients add fields."""

    model_config = ConfigDict(frozen=True, extra="ignore")


# events ---------------------------------------------------------------------------------
class Unsigned(WireModel):
    transaction_id: OptionalText = None


def _unsigned(value: object, handler: ValidatorFunctionWrapHandler, info: ValidationInfo) -> object:
    return _or_none(value, handler, info) or Unsigned()


class StateEvent(WireModel):
    """A state event: a stripped one of an invite (no id, no timestamp) or a full one."""

    type: StrictStr
    content: dict[str, Any]
    sender: StrictStr
    state_key: StrictStr
    event_id: StrictStr = ""


class RoomEvent(WireModel):
    """A timeline event (``ClientEventWithoutRoomID``; ``room_id`` in search results)."""

    type: StrictStr
    content: dict[str, Any]
    sender: StrictStr
    event_id: StrictStr
    origin_server_ts: Timestamp
    state_key: StrictStr | None = None
    room_id: StrictStr | None = None
    unsigned: Annotated[Unsigned, WrapValidator(_unsigned)] = Unsigned()

    @property
    def time(self) -> float:
        return self.origin_server_ts / 1000


class EphemeralEvent(WireModel):
    """``m.typing`` or ``m.receipt`` of a joined room."""

    type: StrictStr
    content: dict[str, Any]


# contents -------------------------------------------------------------------------------
class MemberContent(WireModel):
    membership: StrictStr
    displayname: OptionalText = None


class ContactContent(WireModel):
    id: OptionalText = None
    name: OptionalText = None
    email: OptionalText = None
    phone: OptionalText = None


class ConversationContent(WireModel):
    """``com.agent_desktop.conversation`` (and its consultation twin): see docs/matrix.md.
    Every field is optional and has a default (the customer: the event's sender; the
    contact: the customer), so a field of the wrong type is dropped (and logged)."""

    channel: OptionalText = None
    customer: OptionalText = None
    contact: Annotated[ContactContent | None, WrapValidator(_or_none)] = None
    subject: OptionalText = None
    first_message: OptionalText = None
    interaction: OptionalText = None


class ImageInfo(WireModel):
    mimetype: OptionalText = None
    size: Annotated[int | None, Field(strict=True), WrapValidator(_or_none)] = None


class MessageContent(WireModel):
    """``m.room.message``: the body is what the agent sees, so it must be text."""

    model_config = ConfigDict(frozen=True, extra="ignore", populate_by_name=True)

    body: StrictStr
    msgtype: OptionalText = None
    url: OptionalText = None
    info: Annotated[ImageInfo | None, WrapValidator(_or_none)] = None
    pushed_url: OptionalText = Field(default=None, alias=PUSHED_URL_FIELD)


class TypingContent(WireModel):
    user_ids: list[StrictStr]


class ReceiptContent(WireModel):
    """``{event id: {receipt type: {user id: {...}}}}`` (the model's root)."""

    receipts: dict[StrictStr, dict[StrictStr, dict[StrictStr, Any]]]


# replies --------------------------------------------------------------------------------
class _Events(WireModel):
    events: list[Any] = Field(default_factory=list)


class _Timeline(_Events):
    """A room's timeline in a sync reply: ``limited`` when events were left out before
    these (more than the filter's limit arrived), to be read back from ``prev_batch``."""

    limited: Annotated[StrictBool | None, WrapValidator(_or_none)] = None
    prev_batch: OptionalText = None


class _RoomSections(WireModel):
    state: _Events = _Events()
    timeline: _Timeline = _Timeline()
    ephemeral: _Events = _Events()
    invite_state: _Events = _Events()


class _Rooms(WireModel):
    join: dict[StrictStr, Any] = Field(default_factory=dict)
    invite: dict[StrictStr, Any] = Field(default_factory=dict)
    leave: dict[StrictStr, Any] = Field(default_factory=dict)


class _SyncReply(WireModel):
    next_batch: StrictStr
    rooms: Any = None


class _Page(WireModel):
    chunk: list[Any] = Field(default_factory=list)
    end: OptionalText = None


class _SearchResult(WireModel):
    result: RoomEvent


class _RoomEventResults(WireModel):
    results: list[Any] = Field(default_factory=list)
    next_batch: OptionalText = None


class _SearchCategories(WireModel):
    room_events: _RoomEventResults = _RoomEventResults()


class _SearchReply(WireModel):
    search_categories: _SearchCategories = _SearchCategories()


class Versions(WireModel):
    """``GET /_matrix/client/versions``: what makes a server a Matrix homeserver."""

    versions: list[StrictStr]


class EventId(WireModel):
    """The answer to a send (``PUT /rooms/{room}/send/...``)."""

    event_id: StrictStr


class RoomId(WireModel):
    """The answer to ``createRoom``, ``join`` or a room alias lookup."""

    room_id: StrictStr


class ContentUri(WireModel):
    """The answer to a media upload."""

    content_uri: StrictStr


class _JoinedMembers(WireModel):
    joined: dict[StrictStr, Any]


class _Profile(WireModel):
    display_name: OptionalText = None


class _DirectoryUser(WireModel):
    user_id: StrictStr
    display_name: OptionalText = None


class _UserDirectory(WireModel):
    results: list[Any] = Field(default_factory=list)


class PresenceStatus(WireModel):
    presence: StrictStr


class JoinedRooms(WireModel):
    """``GET /joined_rooms``."""

    joined_rooms: list[StrictStr]


class Disposition(WireModel):
    """The room account data written by "Mark Done" (``com.agent_desktop.disposition``)."""

    disposition: OptionalText = None
    note: OptionalText = None


@dataclass(frozen=True)
class Page:
    """A ``/messages`` page: its decoded events, the token of the next one (None at the
    end) and how many events the server sent (malformed ones included)."""

    events: list[RoomEvent]
    end: str | None
    size: int


@dataclass(frozen=True)
class SearchPage:
    """A batch of ``/search`` results: their decoded events (each with its ``room_id``),
    the token of the next batch (None at the end) and how many results the server sent."""

    events: list[RoomEvent]
    next_batch: str | None
    size: int


@dataclass(frozen=True)
class RoomUpdate:
    """One room of a sync reply, every event already decoded (malformed ones dropped);
    ``limited``: events came before ``timeline`` that the reply left out (read them back
    with ``/messages`` from ``prev_batch``)."""

    room_id: str
    state: list[StateEvent] = field(default_factory=list)
    timeline: list[RoomEvent] = field(default_factory=list)
    ephemeral: list[EphemeralEvent] = field(default_factory=list)
    limited: bool = False
    prev_batch: str | None = None


@dataclass(frozen=True)
class SyncUpdate:
    next_batch: str
    invite: list[RoomUpdate] = field(default_factory=list)
    join: list[RoomUpdate] = field(default_factory=list)
    leave: list[RoomUpdate] = field(default_factory=list)


# decoding -------------------------------------------------------------------------------
def skipped(what: str, raw: object, reason: str) -> None:
    """Log a malformed piece of wire data with its raw form (bounded, escaped)."""
    log.warning("matrix: skipped a malformed %s (%s); raw: %s", what, reason, raw_for_log(raw))


def decode(model: type[M], raw: object, what: str, *, quiet: bool = False) -> M | None:
    """``raw`` as ``model``, or None (logged) when it does not fit; lenient fields of the
    wrong type are dropped, and logged too. ``quiet``: a second look at data already
    decoded (and logged) elsewhere."""
    return _validate(model, raw, what, raw, quiet)


def _validate(model: type[M], data: object, what: str, raw: object, quiet: bool) -> M | None:
    """``data`` as ``model``; what is wrong is logged with ``raw`` (the whole event)."""
    context: dict[str, list[str]] = {}
    try:
        decoded = model.model_validate(data, context=context)
    except (ValidationError, ValueError, TypeError, RecursionError) as exc:
        if not quiet:
            skipped(what, raw, _reason(exc))
        return None
    if context.get(DROPPED) and not quiet:
        fields = ", ".join(sorted({_wire_name(model, name) for name in context[DROPPED]}))
        log.warning(
            "matrix: ignored the malformed %s of a %s; raw: %s", fields, what, raw_for_log(raw)
        )
    return decoded


def _wire_name(model: type[BaseModel], name: str) -> str:
    field = model.model_fields.get(name)
    return field.alias if field is not None and field.alias else name


def _reason(exc: Exception) -> str:
    if isinstance(exc, ValidationError) and exc.errors():
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        return f"{where}: {first['msg']}" if where else first["msg"]
    text = str(exc).splitlines()[0] if str(exc) else ""
    return text or type(exc).__name__


def decode_each(model: type[M], raws: list[Any], what: str) -> list[M]:
    """Every item of ``raws`` that fits ``model``; the others are logged and skipped."""
    decoded = (decode(model, raw, what) for raw in raws)
    return [item for item in decoded if item is not None]


def decode_content(
    model: type[M],
    event: StateEvent | RoomEvent | EphemeralEvent,
    *,
    quiet: bool = False,
) -> M | None:
    """The content of ``event`` as ``model`` (see :func:`decode`), logged with the whole
    event; ``quiet``: a second look at an event already decoded (and logged) elsewhere."""
    raw = event.model_dump(exclude_defaults=True)
    return _validate(model, event.content, f"{event.type} content", raw, quiet)


def receipts_of(event: EphemeralEvent) -> ReceiptContent | None:
    data = {"receipts": event.content}
    raw = event.model_dump(exclude_defaults=True)
    return _validate(ReceiptContent, data, "m.receipt content", raw, False)


def _room(room_id: str, raw: object, invite: bool) -> RoomUpdate | None:
    sections = decode(_RoomSections, raw, f"room {room_id} of a sync reply")
    if sections is None:
        return None
    state_raw = sections.invite_state.events if invite else sections.state.events
    return RoomUpdate(
        room_id=room_id,
        state=decode_each(StateEvent, state_raw, f"state event of {room_id}"),
        timeline=decode_each(RoomEvent, sections.timeline.events, f"event of {room_id}"),
        ephemeral=decode_each(EphemeralEvent, sections.ephemeral.events, f"event of {room_id}"),
        limited=bool(sections.timeline.limited),
        prev_batch=sections.timeline.prev_batch,
    )


def decode_sync(raw: object) -> SyncUpdate | None:
    """A ``/sync`` reply, each room and event decoded on its own; None (logged) when the
    reply itself is unusable (no ``next_batch``)."""
    reply = decode(_SyncReply, raw, "sync reply")
    if reply is None:
        return None
    rooms = _Rooms()
    if reply.rooms is not None:
        rooms = decode(_Rooms, reply.rooms, "rooms of a sync reply") or rooms
    sections: dict[str, list[RoomUpdate]] = {}
    for kind, members in (("invite", rooms.invite), ("join", rooms.join), ("leave", rooms.leave)):
        updates = (_room(room_id, info, kind == "invite") for room_id, info in members.items())
        sections[kind] = [u for u in updates if u is not None]
    return SyncUpdate(
        next_batch=reply.next_batch,
        invite=sections["invite"],
        join=sections["join"],
        leave=sections["leave"],
    )


def decode_page(raw: object) -> Page:
    """A ``/messages`` page, each event decoded on its own."""
    page = decode(_Page, raw, "page of room messages")
    if page is None:
        return Page([], None, 0)
    return Page(decode_each(RoomEvent, page.chunk, "room message"), page.end, len(page.chunk))


def decode_search(raw: object) -> SearchPage:
    """A batch of server-side ``/search`` results, each result decoded on its own."""
    reply = decode(_SearchReply, raw, "search answer")
    if reply is None:
        return SearchPage([], None, 0)
    found = reply.search_categories.room_events
    results = decode_each(_SearchResult, found.results, "search result")
    return SearchPage([r.result for r in results], found.next_batch, len(found.results))


def joined_members(raw: object) -> dict[str, str | None]:
    """``GET /rooms/{room}/joined_members``: user id → display name (None if unset)."""
    reply = decode(_JoinedMembers, raw, "member list")
    if reply is None:
        return {}
    members: dict[str, str | None] = {}
    for user_id, member in reply.joined.items():
        profile = decode(_Profile, member, "member") if isinstance(member, dict) else None
        members[user_id] = profile.display_name if profile is not None else None
    return members


def directory_users(raw: object) -> list[tuple[str, str | None]]:
    """``POST /user_directory/search``: (user id, display name) of each result."""
    reply = decode(_UserDirectory, raw, "user directory answer")
    if reply is None:
        return []
    users = decode_each(_DirectoryUser, reply.results, "user directory entry")
    return [(u.user_id, u.display_name) for u in users]


def expect(model: type[M], raw: object, what: str) -> M:
    """``raw`` as ``model``; an answer the backend cannot use is a :class:`MatrixError`
    (logged with its raw form), never a crash."""
    decoded = decode(model, raw, what)
    if decoded is None:
        raise MatrixError(f"the homeserver sent an unexpected answer to {what}", 502)
    return decoded
