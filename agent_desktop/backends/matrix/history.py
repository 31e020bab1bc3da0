"""A contact's history read back through ``/messages`` pagination tokens.

Each conversation room has a cursor: the messages read so far (newest first) and the
``end`` token of the last page, so that the next, older page goes on from there however
long the history is. A room whose timeline moves on (a sync brought new events into it,
:meth:`HistoryReader.moved`) is read again from its newest event when the newest messages
are asked for; older pages still go on from the cursor (the new events are newer than
anything it holds), so paging far back in a busy chat does not read it again each time.

Pages of the contract (``history(contact, before, limit)``) merge every room of the
contact: the newest ``limit`` messages older than ``before``, plus any message that shares
the oldest one's timestamp (Matrix times are milliseconds; the next page asks for messages
older than that time, so a tie cut in two would lose its other half).
"""

from __future__ import annotations

import asyncio
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field

from agent_desktop.core.models import Message

#: reads one page of a room backwards: (room id, ``from`` token or None, event count) ->
#: (its messages newest first, the token of the next older page or None at the start)
PageReader = Callable[[str, str | None, int], Awaitable[tuple[list[Message], str | None]]]

#: events asked for per ``/messages`` request (Synapse serves at most 1000)
PAGE_EVENTS = 100
MAX_PAGE_EVENTS = 1000
#: rooms whose read history is kept (least recently used go first)
ROOMS_KEPT = 64


@dataclass
class RoomCursor:
    """What was read of one room so far, newest first, and where the next page starts."""

    room_id: str
    messages: list[Message] = field(default_factory=list)
    token: str | None = None
    started: bool = False
    exhausted: bool = False
    #: the timeline has newer events than those read
    moved: bool = False
    lock: asyncio.Lock = field(default_factory=asyncio.Lock)

    def older_than(self, before: float | None) -> list[Message]:
        """The messages read so far older than ``before`` (all if None), newest first."""
        if before is None:
            return self.messages
        return [m for m in self.messages if m.time < before]


def page_of(messages: Iterable[Message], limit: int) -> list[Message]:
    """The newest ``limit`` of ``messages`` oldest first, plus those tied with the oldest."""
    ordered = sorted(messages, key=lambda m: m.time)
    if limit <= 0 or not ordered:
        return []
    if len(ordered) <= limit:
        return ordered
    cutoff = ordered[-limit].time
    return [m for m in ordered if m.time >= cutoff]


class HistoryReader:
    """Cursors over the rooms' timelines (see the module docstring)."""

    def __init__(self, read_page: PageReader, *, page_events: int = PAGE_EVENTS) -> None:
        self._read_page = read_page
        #: events per request; tests set a small one to page through many requests
        self.page_events = page_events
        self._cursors: OrderedDict[str, RoomCursor] = OrderedDict()
        #: requests made (what tests count)
        self.requests = 0

    def moved(self, room_id: str) -> None:
        """The room's timeline has new events (a sync brought them)."""
        cursor = self._cursors.get(room_id)
        if cursor is not None:
            cursor.moved = True

    def _cursor(self, room_id: str, before: float | None = None) -> RoomCursor:
        """The room's cursor, a new one if it lacks messages newer than ``before`` (None:
        the newest) that its timeline now has."""
        cursor = self._cursors.get(room_id)
        if cursor is not None and cursor.moved:
            newest = cursor.messages[0].time if cursor.messages else None
            if before is None or newest is None or before > newest:
                del self._cursors[room_id]
                cursor = None
        if cursor is None:
            cursor = RoomCursor(room_id)
            self._cursors[room_id] = cursor
            while len(self._cursors) > ROOMS_KEPT:
                self._cursors.popitem(last=False)
        else:
            self._cursors.move_to_end(room_id)
        return cursor

    async def _read_until(
        self, cursor: RoomCursor, enough: Callable[[RoomCursor], bool], events: int
    ) -> None:
        """Read older pages into ``cursor`` until ``enough(cursor)`` or its start."""
        async with cursor.lock:  # one reader per room at a time: no page read twice
            while not cursor.exhausted and not enough(cursor):
                self.requests += 1
                messages, token = await self._read_page(cursor.room_id, cursor.token, events)
                cursor.messages.extend(messages)
                cursor.exhausted = token is None or (cursor.started and token == cursor.token)
                cursor.token = token
                cursor.started = True

    async def page(
        self, room_ids: Iterable[str], before: float | None, limit: int
    ) -> list[Message]:
        """The newest ``limit`` messages of the rooms older than ``before``, oldest first
        (with the ties of the oldest one: see the module docstring)."""
        if limit <= 0:
            return []

        def enough(cursor: RoomCursor) -> bool:
            older = cursor.older_than(before)
            # one more than the page, and past any tie with its oldest message
            return len(older) > limit and older[-1].time < older[limit - 1].time

        events = min(max(self.page_events, limit + 1), MAX_PAGE_EVENTS)
        found: list[Message] = []
        for room_id in dict.fromkeys(room_ids):
            cursor = self._cursor(room_id, before)
            await self._read_until(cursor, enough, events)
            found.extend(reversed(cursor.older_than(before)))  # oldest first: ties in order
        return page_of(found, limit)

    async def scan(
        self, room_ids: Iterable[str], matches: Callable[[Message], bool]
    ) -> list[Message]:
        """Every message of the rooms for which ``matches`` holds, oldest first (each room
        is read to its start, in large pages)."""
        found: list[Message] = []
        for room_id in dict.fromkeys(room_ids):
            cursor = self._cursor(room_id)
            await self._read_until(cursor, lambda _cursor: False, MAX_PAGE_EVENTS)
            found.extend(m for m in reversed(cursor.messages) if matches(m))
        found.sort(key=lambda m: m.time)
        return found
