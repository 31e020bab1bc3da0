"""The Matrix history reader's paging rules (merging rooms, timestamp ties, cursors), over
timelines held in memory; the real /messages paging is tested against Synapse in
tests/integration/test_matrix_backend.py."""

from __future__ import annotations

import asyncio

from agent_desktop.backends.matrix.history import HistoryReader, page_of
from agent_desktop.core.models import Message
from agent_desktop.core.types import PartyRole


def message(room: str, n: int, at: float) -> Message:
    return Message(
        id=f"{room}-{n}",
        interaction_id=room,
        author_id="@c:x",
        author_name="C",
        author_role=PartyRole.CUSTOMER,
        text=f"{room} {n}",
        time=at,
    )


class Timelines:
    """Rooms' messages oldest first, served backwards in pages like /messages does."""

    def __init__(self, rooms: dict[str, list[Message]]) -> None:
        self.rooms = rooms
        self.reads: list[tuple[str, str | None]] = []

    async def read(
        self, room: str, token: str | None, count: int
    ) -> tuple[list[Message], str | None]:
        self.reads.append((room, token))
        timeline = self.rooms[room]
        end = len(timeline) if token is None else int(token)
        start = max(0, end - count)
        return list(reversed(timeline[start:end])), (str(start) if start > 0 else None)


def every_page(reader: HistoryReader, rooms: list[str], limit: int) -> list[str]:
    """Page like the Conversation tab does: before = the oldest message shown."""

    async def run() -> list[str]:
        shown: list[Message] = []
        while True:
            before = shown[0].time if shown else None
            page = await reader.page(rooms, before, limit)
            shown[:0] = page
            if len(page) < limit:
                return [m.text for m in shown]

    return asyncio.run(run())


def test_pages_merge_rooms_in_time_order_and_reach_the_start() -> None:
    a = [message("a", n, 100 + 2 * n) for n in range(25)]
    b = [message("b", n, 101 + 2 * n) for n in range(20)]
    timelines = Timelines({"a": a, "b": b})
    reader = HistoryReader(timelines.read, page_events=4)
    expected = [m.text for m in sorted(a + b, key=lambda m: m.time)]
    assert every_page(reader, ["a", "b"], limit=6) == expected
    # each page was read once (pages of 7: a limit of 6 plus one), the cursors going on
    # from their last token: 25 messages in 4 pages, 20 in 3
    assert len(timelines.reads) == len(set(timelines.reads)) == 4 + 3


def test_a_timestamp_tie_across_a_page_boundary_loses_nothing() -> None:
    timeline = [message("a", n, 100 + n) for n in range(10)]
    timeline += [message("a", n, 110) for n in range(10, 16)]  # six in the same millisecond
    timeline += [message("a", n, 111 + n) for n in range(16, 20)]
    reader = HistoryReader(Timelines({"a": timeline}).read, page_events=3)
    assert every_page(reader, ["a"], limit=5) == [f"a {n}" for n in range(20)]


def test_page_of_keeps_the_ties_of_its_oldest_message_in_order() -> None:
    tied = [message("a", n, 5.0) for n in range(3)]
    messages = [message("a", 9, 1.0), *tied, message("a", 10, 6.0)]
    assert [m.text for m in page_of(messages, 2)] == ["a 0", "a 1", "a 2", "a 10"]
    assert page_of(messages, 0) == []


def test_a_room_that_moved_on_is_read_again_for_its_newest_messages_only() -> None:
    timeline = [message("a", n, float(n)) for n in range(30)]
    timelines = Timelines({"a": timeline})
    reader = HistoryReader(timelines.read, page_events=10)

    async def run() -> list[list[str]]:
        pages = [await reader.page(["a"], None, 10)]
        pages.append(await reader.page(["a"], None, 10))  # nothing new: the same
        timeline.append(message("a", 30, 30.0))  # a sync brings a new message
        reader.moved("a")
        reads = len(timelines.reads)
        # an older page goes on from the cursor: the new message is newer than all of it
        pages.append(await reader.page(["a"], pages[0][0].time, 10))
        assert timelines.reads[reads:] == [("a", "19")]
        pages.append(await reader.page(["a"], None, 10))  # the newest: read again
        assert timelines.reads[-1] == ("a", None)
        return [[m.text for m in page] for page in pages]

    first, same, older, fresh = asyncio.run(run())
    assert first == same == [f"a {n}" for n in range(20, 30)]
    assert older == [f"a {n}" for n in range(10, 20)]
    assert fresh == [f"a {n}" for n in range(21, 31)]


def test_scan_reads_every_room_to_its_start() -> None:
    a = [message("a", n, float(2 * n)) for n in range(30)]
    b = [message("b", n, float(2 * n + 1)) for n in range(30)]
    reader = HistoryReader(Timelines({"a": a, "b": b}).read, page_events=4)
    found = asyncio.run(reader.scan(["a", "b"], lambda m: m.text.endswith("7")))
    assert [m.text for m in found] == ["a 7", "b 7", "a 17", "b 17", "a 27", "b 27"]
