"""The local interaction log: SQLite (WAL) in the profile's data dir, on one worker thread.

:class:`InteractionLogDatabase` is synchronous and owns the connection;
:class:`InteractionLogWorker` runs every call on a single dedicated thread (where the
connection is opened), so the UI thread never waits for the disk: writes are queued
without waiting, reads are awaited.
"""

from __future__ import annotations

import asyncio
import functools
import logging
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any, Concatenate, ParamSpec, TypeVar

from agent_desktop.core.interaction_log import LogEvent, LogEventKind
from agent_desktop.core.sqlite_db import VersionedDatabase
from agent_desktop.core.types import Channel

log = logging.getLogger(__name__)

P = ParamSpec("P")
T = TypeVar("T")

#: file name of the log inside the profile's data dir
LOG_FILE_NAME = "interaction_log.sqlite3"

# One script per schema version; MIGRATIONS[n] brings user_version n to n + 1.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE events (
        seq INTEGER PRIMARY KEY,
        agent_id TEXT NOT NULL,
        interaction_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        time REAL NOT NULL,
        channel TEXT NOT NULL,
        contact_name TEXT NOT NULL DEFAULT '',
        detail TEXT NOT NULL DEFAULT '',
        reply_delay_s REAL
    );
    CREATE INDEX events_by_agent_time ON events (agent_id, time);
    CREATE INDEX events_by_interaction ON events (interaction_id);
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)

_COLUMNS = "interaction_id, kind, time, channel, contact_name, detail, reply_delay_s"


class LogStoreError(Exception):
    """The log cannot be used (for example, written by a newer version)."""


class InteractionLogDatabase(VersionedDatabase):
    """Append-only event log of one profile; every method runs on the opening thread."""

    migrations = MIGRATIONS
    error = LogStoreError
    label = "the interaction log"

    def append(self, agent_id: str, events: Sequence[LogEvent]) -> None:
        db = self._db
        db.execute("BEGIN")
        try:
            db.executemany(
                f"INSERT INTO events (agent_id, {_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        agent_id,
                        e.interaction_id,
                        e.kind.value,
                        e.time,
                        e.channel.value,
                        e.contact_name,
                        e.detail,
                        e.reply_delay_s,
                    )
                    for e in events
                ],
            )
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")

    def interactions_between(
        self, agent_id: str, start: float, end: float | None = None
    ) -> list[LogEvent]:
        """Every event of the agent's interactions that have an event in ``start``..``end``,
        in recorded order."""
        rows = self._db.execute(
            f"SELECT {_COLUMNS} FROM events WHERE agent_id = :agent AND interaction_id IN"
            " (SELECT interaction_id FROM events WHERE agent_id = :agent AND time >= :start"
            "  AND (:end IS NULL OR time <= :end)) ORDER BY seq",
            {"agent": agent_id, "start": start, "end": end},
        ).fetchall()
        return [_event(row) for row in rows]

    def count(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM events").fetchone()[0])


def _event(row: tuple[Any, ...]) -> LogEvent:
    iid, kind, time, channel, contact_name, detail, delay = row
    return LogEvent(
        interaction_id=str(iid),
        kind=LogEventKind(kind),
        time=float(time),
        channel=Channel(channel),
        contact_name=str(contact_name),
        detail=str(detail),
        reply_delay_s=None if delay is None else float(delay),
    )


class InteractionLogWorker:
    """Runs every :class:`InteractionLogDatabase` call on one dedicated thread, in order."""

    def __init__(self, path: Path) -> None:
        self.database = InteractionLogDatabase(path)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="interaction-log")
        self._closed = False

    def submit(
        self,
        method: Callable[Concatenate[InteractionLogDatabase, P], T],
        *args: P.args,
        **kwargs: P.kwargs,
    ) -> Future[T] | None:
        """Queue a call without waiting (a failure is logged); ``None`` once closed."""
        if self._closed:
            return None
        future = self._executor.submit(method, self.database, *args, **kwargs)
        future.add_done_callback(_log_failure)
        return future

    async def call(
        self,
        method: Callable[Concatenate[InteractionLogDatabase, P], T],
        *args: P.args,
        **kwargs: P.kwargs,
    ) -> T:
        if self._closed:
            raise LogStoreError("the interaction log is closed")
        loop = asyncio.get_running_loop()
        bound = functools.partial(method, self.database, *args, **kwargs)
        return await loop.run_in_executor(self._executor, bound)

    def run(self, function: Callable[[], T]) -> Future[T]:
        """Run any ``function`` on the log's thread (export: query and write the file)."""
        return self._executor.submit(function)

    async def close(self) -> None:
        """Close the connection after every queued call, then let the thread go."""
        if self._closed:
            return
        try:
            await self.call(InteractionLogDatabase.close)
        finally:
            self._closed = True
            self._executor.shutdown(wait=False)


def _log_failure(future: Future[Any]) -> None:
    if not future.cancelled() and (exc := future.exception()) is not None:
        log.error("interaction log write failed", exc_info=exc)
