"""The profile's local state (recent emojis, pushed URLs, preferences) in SQLite.

``paths.state_db`` holds one table per concern; later concerns (drafts, the outbox of unsent
messages, a history cache) add their own tables through a new entry in :data:`MIGRATIONS`.
:class:`StateDatabase` is synchronous and confined to one worker thread; :class:`LocalState`
is what the app uses: an in-memory copy for the UI thread (read once, off the UI thread, at
start-up), with every change written behind it on the worker, in order.
"""

from __future__ import annotations

import asyncio
import logging
import sqlite3
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from agent_desktop.core.emoji import EmojiCatalog, SkinTone, remember_sent
from agent_desktop.core.sqlite_db import VersionedDatabase
from agent_desktop.core.urls import remember_url
from agent_desktop.services.settings_store import SettingsStore
from agent_desktop.services.tasks import TaskKeeper

log = logging.getLogger(__name__)

# One script per schema version; MIGRATIONS[n] brings user_version n to n + 1.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE preferences (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    CREATE TABLE recent_emojis (
        position INTEGER PRIMARY KEY,  -- 0 = most recently sent
        emoji TEXT NOT NULL UNIQUE
    );
    CREATE TABLE url_history (
        position INTEGER PRIMARY KEY,  -- 0 = most recently pushed
        url TEXT NOT NULL UNIQUE
    );
    """,
    """
    -- the composer's unsent text, per interaction (kept across switches and restarts)
    CREATE TABLE drafts (
        interaction_id TEXT PRIMARY KEY,
        text TEXT NOT NULL,
        updated REAL NOT NULL
    );
    -- messages the agent sent that the backend has not confirmed yet (resent with the same
    -- txn id, which backends deduplicate, until confirmed)
    CREATE TABLE outbox (
        txn_id TEXT PRIMARY KEY,
        interaction_id TEXT NOT NULL,
        kind TEXT NOT NULL,  -- 'text' or 'url'
        body TEXT NOT NULL,
        created REAL NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0
    );
    """,
    """
    -- where an unconfirmed message goes when its interaction is gone after a restart: the
    -- contact's asynchronous conversation on the same channel (services/outbox.py)
    ALTER TABLE outbox ADD COLUMN contact_id TEXT NOT NULL DEFAULT '';
    ALTER TABLE outbox ADD COLUMN channel TEXT NOT NULL DEFAULT '';
    """,
    """
    -- why the backend refused a message for good ('' while it may still go): a refused
    -- message is shown failed and waits for the agent (retry or discard), never resent alone
    ALTER TABLE outbox ADD COLUMN refused TEXT NOT NULL DEFAULT '';
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)
#: the lists tables this module keeps, each a (position, value) ordered list
LIST_TABLES = {"recent_emojis": "emoji", "url_history": "url"}
SKIN_TONE_KEY = "emoji.skin_tone"


class StateError(Exception):
    """The state database cannot be used (for example, written by a newer version)."""


@dataclass(frozen=True)
class OutboxEntry:
    """One unconfirmed message: resent with the same ``txn_id`` until the backend confirms."""

    txn_id: str
    interaction_id: str
    #: "text" or "url" (in the interaction); "contact-text" or "contact-image" (into the
    #: contact's asynchronous conversation on ``channel``; an image's body is JSON)
    kind: str
    body: str
    created: float
    attempts: int = 0
    #: the interaction's contact and channel, for delivery once the interaction is gone
    contact_id: str = ""
    channel: str = ""
    #: the backend's reason when it refused the message for good ("" otherwise)
    refused: str = ""


@dataclass
class StateSnapshot:
    """Everything :class:`LocalState` reads at start-up."""

    recent_emojis: list[str] = field(default_factory=list)
    url_history: list[str] = field(default_factory=list)
    preferences: dict[str, str] = field(default_factory=dict)
    drafts: dict[str, str] = field(default_factory=dict)
    outbox: list[OutboxEntry] = field(default_factory=list)


class StateDatabase(VersionedDatabase):
    """Synchronous access to the state database; every call on the thread that opened it."""

    migrations = MIGRATIONS
    error = StateError
    label = "the state database"

    # ordered lists --------------------------------------------------------------------
    def read_list(self, table: str) -> list[str]:
        column = LIST_TABLES[table]
        rows = self._db.execute(f"SELECT {column} FROM {table} ORDER BY position").fetchall()
        return [str(row[0]) for row in rows]

    def write_list(self, table: str, values: Sequence[str]) -> None:
        """Replace the whole list (they are short: at most a few hundred rows)."""
        column = LIST_TABLES[table]
        with self._transaction() as db:
            db.execute(f"DELETE FROM {table}")
            db.executemany(
                f"INSERT INTO {table} (position, {column}) VALUES (?, ?)", enumerate(values)
            )

    # preferences ----------------------------------------------------------------------
    def preferences(self) -> dict[str, str]:
        return {
            str(key): str(value)
            for key, value in self._db.execute("SELECT key, value FROM preferences")
        }

    def set_preference(self, key: str, value: str) -> None:
        self._db.execute(
            "INSERT INTO preferences (key, value) VALUES (?, ?)"
            " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            (key, value),
        )

    # drafts -------------------------------------------------------------------------------
    def drafts(self) -> dict[str, str]:
        rows = self._db.execute("SELECT interaction_id, text FROM drafts")
        return {str(iid): str(text) for iid, text in rows}

    def set_draft(self, interaction_id: str, text: str, updated: float) -> None:
        """Store the draft of ``interaction_id``; an empty text removes it."""
        if not text:
            self._db.execute("DELETE FROM drafts WHERE interaction_id = ?", (interaction_id,))
            return
        self._db.execute(
            "INSERT INTO drafts (interaction_id, text, updated) VALUES (?, ?, ?)"
            " ON CONFLICT (interaction_id) DO UPDATE"
            " SET text = excluded.text, updated = excluded.updated",
            (interaction_id, text, updated),
        )

    # outbox -------------------------------------------------------------------------------
    def outbox(self) -> list[OutboxEntry]:
        rows = self._db.execute(
            "SELECT txn_id, interaction_id, kind, body, created, attempts, contact_id, channel,"
            " refused FROM outbox ORDER BY created, txn_id"
        )
        return [
            OutboxEntry(str(t), str(i), str(k), str(b), float(c), int(a), str(ct), str(ch), str(r))
            for t, i, k, b, c, a, ct, ch, r in rows
        ]

    def outbox_put(self, entry: OutboxEntry) -> None:
        self._db.execute(
            "INSERT INTO outbox (txn_id, interaction_id, kind, body, created, attempts,"
            " contact_id, channel, refused) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
            " ON CONFLICT (txn_id) DO UPDATE"
            " SET attempts = excluded.attempts, refused = excluded.refused",
            (
                entry.txn_id,
                entry.interaction_id,
                entry.kind,
                entry.body,
                entry.created,
                entry.attempts,
                entry.contact_id,
                entry.channel,
                entry.refused,
            ),
        )

    def outbox_remove(self, txn_id: str) -> None:
        self._db.execute("DELETE FROM outbox WHERE txn_id = ?", (txn_id,))

    def snapshot(self) -> StateSnapshot:
        return StateSnapshot(
            recent_emojis=self.read_list("recent_emojis"),
            url_history=self.read_list("url_history"),
            preferences=self.preferences(),
            drafts=self.drafts(),
            outbox=self.outbox(),
        )


class LocalState(QObject):
    """Recent emojis, pushed-URL history and the skin tone, for the UI thread.

    The UI reads the in-memory values; each change is queued to the single worker thread
    that owns the SQLite connection (never blocking the UI thread), and :meth:`close` waits
    for every queued write.
    """

    loaded = Signal()
    recentEmojisChanged = Signal()
    urlHistoryChanged = Signal()
    skinToneChanged = Signal(int)

    def __init__(
        self,
        path: Path,
        catalog: EmojiCatalog | Callable[[], EmojiCatalog],
        settings: SettingsStore,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        #: the catalog, or a function that reads it when first needed (start-up stays fast)
        self._catalog = catalog
        self.settings = settings
        self.database = StateDatabase(path)
        self.recent_emojis: list[str] = []
        self.url_history: list[str] = []
        self.drafts: dict[str, str] = {}
        self.outbox: dict[str, OutboxEntry] = {}
        #: small named values of other features (spelling words...): set_preference()
        self.preferences: dict[str, str] = {}
        self.skin_tone = SkinTone.NONE
        self.is_loaded = False
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="state-store")
        self._tasks = TaskKeeper("state")
        self._closed = False

    @property
    def catalog(self) -> EmojiCatalog:
        if not isinstance(self._catalog, EmojiCatalog):
            self._catalog = self._catalog()
        return self._catalog

    # lifecycle ------------------------------------------------------------------------
    def start(self) -> None:
        self._tasks.spawn(self.load(), "state-load")

    async def load(self) -> None:
        loop = asyncio.get_running_loop()
        try:
            snapshot = await loop.run_in_executor(self._executor, self._open_and_read)
        except (sqlite3.Error, StateError, OSError):
            log.exception("local state unavailable; recent emojis and URLs start empty")
            snapshot = StateSnapshot()
        # what the agent did before the read finished comes first
        self.recent_emojis = remember_sent(
            snapshot.recent_emojis, reversed(self.recent_emojis), self._recent_limit()
        )
        history = snapshot.url_history
        for url in reversed(self.url_history):
            history = remember_url(history, url, self._history_limit())
        self.url_history = history[: self._history_limit()]
        try:
            tone = SkinTone(int(snapshot.preferences.get(SKIN_TONE_KEY, "0")))
        except ValueError:
            tone = SkinTone.NONE
        if not self.is_loaded:
            self.skin_tone = tone
        # drafts typed and messages queued before the read finished win over stored ones
        self.drafts = {**snapshot.drafts, **self.drafts}
        self.outbox = {**{e.txn_id: e for e in snapshot.outbox}, **self.outbox}
        self.preferences = {**snapshot.preferences, **self.preferences}
        self.is_loaded = True
        self.loaded.emit()
        self.recentEmojisChanged.emit()
        self.urlHistoryChanged.emit()
        self.skinToneChanged.emit(int(self.skin_tone))

    def _open_and_read(self) -> StateSnapshot:
        self.database.open()
        return self.database.snapshot()

    async def close(self) -> None:
        """Finish every queued write, close the database and let the worker go."""
        if self._closed:
            return
        self._closed = True
        await self._tasks.shutdown()
        loop = asyncio.get_running_loop()
        try:
            await loop.run_in_executor(self._executor, self.database.close)
        finally:
            self._executor.shutdown(wait=False)

    # changes --------------------------------------------------------------------------
    def _recent_limit(self) -> int:
        return self.settings.settings.emoji.recent_count

    def _history_limit(self) -> int:
        return self.settings.settings.push_url.history_size

    def record_sent_text(self, text: str) -> None:
        """The agent sent ``text``: its emojis become the most recent ones."""
        sent = self.catalog.extract(text)
        if not sent:
            return
        self.recent_emojis = remember_sent(self.recent_emojis, sent, self._recent_limit())
        self.recentEmojisChanged.emit()
        self._write_list("recent_emojis", list(self.recent_emojis))

    def record_pushed_url(self, url: str) -> None:
        self.url_history = remember_url(self.url_history, url, self._history_limit())
        self.urlHistoryChanged.emit()
        self._write_list("url_history", list(self.url_history))

    def set_skin_tone(self, tone: SkinTone) -> None:
        if tone == self.skin_tone:
            return
        self.skin_tone = tone
        self.skinToneChanged.emit(int(tone))
        self._write(lambda: self.database.set_preference(SKIN_TONE_KEY, str(int(tone))))

    def set_draft(self, key: str, text: str) -> Future[None] | None:
        """Remember a composer's text under ``key`` (empty: forget it); returns the pending
        write (done once on disk), None if there is nothing to write or the state is closed."""
        if self.drafts.get(key, "") == text:
            return None
        if text:
            self.drafts[key] = text
        else:
            self.drafts.pop(key, None)
        now = time.time()
        return self._write(lambda: self.database.set_draft(key, text, now))

    def set_preference(self, key: str, value: str) -> None:
        """Remember a small named value (kept across restarts)."""
        if self.preferences.get(key) == value:
            return
        self.preferences[key] = value
        self._write(lambda: self.database.set_preference(key, value))

    def outbox_put(self, entry: OutboxEntry) -> Future[None] | None:
        """Keep ``entry`` until :meth:`outbox_remove` (the backend confirmed it); returns
        the pending write (done once the entry is on disk), None if the state is closed."""
        self.outbox[entry.txn_id] = entry
        return self._write(lambda: self.database.outbox_put(entry))

    def outbox_remove(self, txn_id: str) -> None:
        if self.outbox.pop(txn_id, None) is not None:
            self._write(lambda: self.database.outbox_remove(txn_id))

    def after_queued_writes(self) -> Future[None] | None:
        """A future done once every change queued so far is in the database (None if the
        state is closed)."""
        return None if self._closed else self._executor.submit(lambda: None)

    async def flush(self) -> None:
        """Wait until every change queued so far is in the database (crash-safety tests)."""
        behind = self.after_queued_writes()
        if behind is not None:
            await asyncio.wrap_future(behind)

    def _write_list(self, table: str, values: list[str]) -> None:
        self._write(lambda: self.database.write_list(table, values))

    def _write(self, job: Callable[[], None]) -> Future[None] | None:
        if self._closed:
            log.warning("local state closed; a change was not saved")
            return None
        # the start-up read was queued first, so the database is open when this runs (if it
        # could not be opened, the write fails and is logged); close() queues behind it
        future = self._executor.submit(job)
        future.add_done_callback(_log_failure)
        return future


def _log_failure(future: Future[None]) -> None:
    if not future.cancelled():
        error = future.exception()
        if error is not None:
            log.error("could not save the local state", exc_info=error)
