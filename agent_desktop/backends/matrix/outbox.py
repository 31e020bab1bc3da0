"""The persistent outbox: every outgoing Matrix event, kept until the server acknowledges it.

Each entry carries the client transaction id it is sent with; Synapse deduplicates a
``PUT /rooms/{room}/send/{type}/{txnId}`` repeated with the same txn id by the same device,
so re-sending an entry whose acknowledgement was lost (a dropped connection, the app killed
mid-send) does not duplicate the message. SQLite on one worker thread, like the demo store.
"""

from __future__ import annotations

import asyncio
import functools
import json
import sqlite3
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Concatenate, ParamSpec, TypeVar

P = ParamSpec("P")
T = TypeVar("T")

SCHEMA = """
CREATE TABLE IF NOT EXISTS outbox (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    txn_id TEXT NOT NULL UNIQUE,
    room_id TEXT NOT NULL,
    event_type TEXT NOT NULL,
    content TEXT NOT NULL,
    created_at REAL NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0
);
"""


@dataclass(frozen=True)
class OutboxEntry:
    txn_id: str
    room_id: str
    event_type: str
    content: dict[str, Any]
    created_at: float
    attempts: int = 0


class OutboxDb:
    """Synchronous; every method runs on the thread that called :meth:`open`."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._db: sqlite3.Connection | None = None

    @property
    def db(self) -> sqlite3.Connection:
        if self._db is None:
            raise RuntimeError("the outbox is closed")
        return self._db

    def open(self) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        db = sqlite3.connect(self.path, isolation_level=None)
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = FULL")  # an entry must survive a kill -9
        db.executescript(SCHEMA)
        self._db = db

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    def add(self, entry: OutboxEntry) -> bool:
        """Keep ``entry``; False when its txn id is already queued (a retry)."""
        cursor = self.db.execute(
            "INSERT OR IGNORE INTO outbox (txn_id, room_id, event_type, content, created_at)"
            " VALUES (?, ?, ?, ?, ?)",
            (
                entry.txn_id,
                entry.room_id,
                entry.event_type,
                json.dumps(entry.content),
                entry.created_at,
            ),
        )
        return cursor.rowcount == 1

    def pending(self) -> list[OutboxEntry]:
        """Every entry not yet acknowledged, oldest first."""
        rows = self.db.execute(
            "SELECT txn_id, room_id, event_type, content, created_at, attempts"
            " FROM outbox ORDER BY seq"
        ).fetchall()
        return [
            OutboxEntry(txn, room, kind, json.loads(content), created, attempts)
            for txn, room, kind, content, created, attempts in rows
        ]

    def attempted(self, txn_id: str) -> None:
        self.db.execute("UPDATE outbox SET attempts = attempts + 1 WHERE txn_id = ?", (txn_id,))

    def remove(self, txn_id: str) -> None:
        """The server acknowledged (or refused for good) the entry: forget it."""
        self.db.execute("DELETE FROM outbox WHERE txn_id = ?", (txn_id,))


class Outbox:
    """:class:`OutboxDb` on its own worker thread, awaited from the UI loop."""

    def __init__(self, path: Path) -> None:
        self.db = OutboxDb(path)
        self._executor: ThreadPoolExecutor | None = None

    async def open(self) -> None:
        if self._executor is None:
            self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="matrix-outbox")
        await self._call(OutboxDb.open)

    async def close(self) -> None:
        executor, self._executor = self._executor, None
        if executor is None:
            return
        try:
            loop = asyncio.get_running_loop()
            await loop.run_in_executor(executor, self.db.close)
        finally:
            executor.shutdown(wait=False)

    async def _call(
        self, method: Callable[Concatenate[OutboxDb, P], T], *args: P.args, **kwargs: P.kwargs
    ) -> T:
        if self._executor is None:
            raise RuntimeError("the outbox is closed")
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(
            self._executor, functools.partial(method, self.db, *args, **kwargs)
        )

    async def run(self, function: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        """Run any blocking ``function`` (a keyring call) on the outbox's worker thread."""
        if self._executor is None:
            raise RuntimeError("the outbox is closed")
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(
            self._executor, functools.partial(function, *args, **kwargs)
        )

    async def add(
        self, txn_id: str, room_id: str, event_type: str, content: dict[str, Any]
    ) -> bool:
        entry = OutboxEntry(txn_id, room_id, event_type, content, time.time())
        return await self._call(OutboxDb.add, entry)

    async def pending(self) -> list[OutboxEntry]:
        return await self._call(OutboxDb.pending)

    async def attempted(self, txn_id: str) -> None:
        await self._call(OutboxDb.attempted, txn_id)

    async def remove(self, txn_id: str) -> None:
        await self._call(OutboxDb.remove, txn_id)
