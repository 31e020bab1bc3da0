"""SQLite persistence of the demo contact center, confined to one worker thread.

:class:`DemoStore` is synchronous and owns the connection; :class:`StoreThread` runs every
call on a single dedicated thread (where the connection is opened, so SQLite's same-thread
check guards the rule) and lets coroutines await it without blocking the UI thread.
"""

from __future__ import annotations

import asyncio
import dataclasses
import functools
import logging
import sqlite3
import unicodedata
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any, Concatenate, ParamSpec, TypeVar

from agent_desktop.core.interaction_log import LogEvent
from agent_desktop.core.models import ChannelAddress, Contact, Message, valid_unicode
from agent_desktop.core.sqlite_db import VersionedDatabase
from agent_desktop.core.types import Channel, PartyRole

log = logging.getLogger(__name__)

P = ParamSpec("P")
T = TypeVar("T")

#: interaction states a new run must not inherit: their customers are gone
UNFINISHED_STATES = ("queued", "offered", "active")

# One script per schema version; MIGRATIONS[n] brings user_version n to n + 1.
MIGRATIONS: tuple[str, ...] = (
    """
    CREATE TABLE contacts (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        email TEXT,
        phone TEXT
    );
    CREATE INDEX contacts_by_name ON contacts (name);
    CREATE TABLE contact_channels (
        contact_id TEXT NOT NULL REFERENCES contacts (id) ON DELETE CASCADE,
        channel TEXT NOT NULL,
        address TEXT NOT NULL,
        PRIMARY KEY (contact_id, channel, address)
    );
    CREATE TABLE interactions (
        id TEXT PRIMARY KEY,
        contact_id TEXT NOT NULL REFERENCES contacts (id),
        channel TEXT NOT NULL,
        state TEXT NOT NULL,
        created_at REAL NOT NULL,
        offered_at REAL,
        accepted_at REAL,
        ended_at REAL,
        done_at REAL,
        disposition TEXT,
        note TEXT NOT NULL DEFAULT '',
        agent_id TEXT
    );
    CREATE INDEX interactions_by_state ON interactions (state);
    CREATE TABLE messages (
        id TEXT PRIMARY KEY,
        interaction_id TEXT NOT NULL REFERENCES interactions (id),
        contact_id TEXT NOT NULL REFERENCES contacts (id),
        author_id TEXT NOT NULL,
        author_name TEXT NOT NULL,
        author_role TEXT NOT NULL,
        text TEXT NOT NULL,
        time REAL NOT NULL,
        txn_id TEXT UNIQUE,
        url TEXT
    );
    CREATE INDEX messages_by_contact_time ON messages (contact_id, time);
    CREATE INDEX messages_by_interaction ON messages (interaction_id);
    """,
    # 2: the agent's interaction log, for statistics (record_agent_events)
    """
    CREATE TABLE agent_interaction_events (
        seq INTEGER PRIMARY KEY,
        agent_id TEXT NOT NULL,
        interaction_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        time REAL NOT NULL,
        channel TEXT NOT NULL,
        detail TEXT NOT NULL DEFAULT '',
        reply_delay_s REAL
    );
    CREATE INDEX agent_interaction_events_by_interaction
        ON agent_interaction_events (interaction_id);
    """,
    # 3: asynchronous conversations (see conversation_store.py)
    """
    ALTER TABLE messages ADD COLUMN delivered INTEGER NOT NULL DEFAULT 1;
    CREATE INDEX messages_undelivered ON messages (contact_id) WHERE delivered = 0;
    CREATE TABLE images (
        message_id TEXT PRIMARY KEY REFERENCES messages (id) ON DELETE CASCADE,
        mime TEXT NOT NULL,
        filename TEXT NOT NULL,
        width INTEGER NOT NULL,
        height INTEGER NOT NULL,
        data BLOB NOT NULL
    );
    CREATE TABLE public_posts (
        id TEXT PRIMARY KEY,
        contact_id TEXT NOT NULL REFERENCES contacts (id),
        network TEXT NOT NULL,
        text TEXT NOT NULL,
        time REAL NOT NULL
    );
    CREATE INDEX public_posts_by_contact ON public_posts (contact_id, time);
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)

_MESSAGE_COLUMNS = (
    "id, interaction_id, author_id, author_name, author_role, text, time, txn_id, url"
)


class StoreError(Exception):
    """The demo database cannot be used (for example, written by a newer version)."""


def fold(text: str | None) -> str:
    """Case- and accent-insensitive form of ``text``: "Hélène" and "HELENE" fold alike."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


class DemoStore(VersionedDatabase):
    """Contacts, interactions and messages of the demo contact center.

    Synchronous; every method must run on the thread that called :meth:`open`.
    """

    migrations = MIGRATIONS
    error = StoreError
    label = "the demo database"

    def _configure(self, connection: sqlite3.Connection) -> None:
        connection.execute("PRAGMA foreign_keys = ON")
        connection.create_function("fold", 1, fold, deterministic=True)

    @property
    def connection(self) -> sqlite3.Connection:
        """The open connection, for the store functions of other demo modules."""
        return self._db

    # contacts -------------------------------------------------------------------------
    def save_contact(self, contact: Contact) -> None:
        """Insert or update ``contact``; its channel addresses are added, never removed."""
        with self._transaction() as db:
            db.execute(
                "INSERT INTO contacts (id, name, email, phone) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (id) DO UPDATE SET"
                " name = excluded.name, email = excluded.email, phone = excluded.phone",
                (contact.id, contact.name, contact.email, contact.phone),
            )
            db.executemany(
                "INSERT OR IGNORE INTO contact_channels (contact_id, channel, address)"
                " VALUES (?, ?, ?)",
                [(contact.id, a.channel.value, a.address) for a in contact.channels],
            )

    def contact(self, contact_id: str) -> Contact | None:
        rows = self._db.execute(
            "SELECT id, name, email, phone FROM contacts WHERE id = ?", (contact_id,)
        ).fetchall()
        return self._contacts(rows)[0] if rows else None

    def contact_named(self, name: str) -> Contact | None:
        """The oldest contact whose name is exactly ``name``."""
        rows = self._db.execute(
            "SELECT id, name, email, phone FROM contacts WHERE name = ? ORDER BY rowid LIMIT 1",
            (name,),
        ).fetchall()
        return self._contacts(rows)[0] if rows else None

    def search_contacts(self, query: str, limit: int) -> list[Contact]:
        """Contacts whose name, e-mail or phone holds ``query``, ignoring case and accents."""
        rows = self._db.execute(
            "SELECT id, name, email, phone FROM contacts"
            " WHERE instr(fold(name), :q) OR instr(fold(email), :q) OR instr(fold(phone), :q)"
            " ORDER BY fold(name), rowid LIMIT :limit",
            {"q": fold(query), "limit": limit},
        ).fetchall()
        return self._contacts(rows)

    def _contacts(self, rows: Sequence[tuple[str, str, str | None, str | None]]) -> list[Contact]:
        ids = [row[0] for row in rows]
        channels: dict[str, list[ChannelAddress]] = {contact_id: [] for contact_id in ids}
        placeholders = ", ".join("?" * len(ids))
        for contact_id, channel, address in self._db.execute(
            "SELECT contact_id, channel, address FROM contact_channels"
            f" WHERE contact_id IN ({placeholders}) ORDER BY rowid",
            ids,
        ):
            channels[contact_id].append(ChannelAddress(channel=Channel(channel), address=address))
        return [
            Contact(
                id=contact_id,
                name=name,
                email=email,
                phone=phone,
                channels=tuple(channels[contact_id]),
            )
            for contact_id, name, email, phone in rows
        ]

    # interactions ---------------------------------------------------------------------
    def start_interaction(
        self,
        interaction_id: str,
        contact: Contact,
        channel: Channel,
        created_at: float,
        opening: Message | None,
    ) -> None:
        """Save the contact, a queued interaction and the customer's opening message."""
        self.save_contact(contact)
        with self._transaction() as db:
            db.execute(
                "INSERT INTO interactions (id, contact_id, channel, state, created_at)"
                " VALUES (?, ?, ?, 'queued', ?)",
                (interaction_id, contact.id, channel.value, created_at),
            )
            if opening is not None:
                self.insert_message(db, opening, contact.id)

    def has_interaction(self, interaction_id: str) -> bool:
        row = self._db.execute(
            "SELECT 1 FROM interactions WHERE id = ?", (interaction_id,)
        ).fetchone()
        return row is not None

    def interaction_record(self, interaction_id: str) -> dict[str, object] | None:
        """Every column of one interaction, by name (for diagnostics and tests)."""
        cursor = self._db.execute("SELECT * FROM interactions WHERE id = ?", (interaction_id,))
        row = cursor.fetchone()
        if row is None:
            return None
        return {column[0]: value for column, value in zip(cursor.description, row, strict=True)}

    def mark_offered(self, interaction_ids: Sequence[str], time: float) -> None:
        self._db.executemany(
            "UPDATE interactions SET state = 'offered', offered_at = ? WHERE id = ?",
            [(time, interaction_id) for interaction_id in interaction_ids],
        )

    def mark_accepted(self, interaction_id: str, time: float, agent_id: str) -> None:
        self._db.execute(
            "UPDATE interactions SET state = 'active', accepted_at = ?, agent_id = ? WHERE id = ?",
            (time, agent_id, interaction_id),
        )

    def mark_finished(self, interaction_id: str, state: str, time: float) -> None:
        """The interaction left the conversation (``state`` is ended or rejected)."""
        self._db.execute(
            "UPDATE interactions SET state = ?, ended_at = ? WHERE id = ?",
            (state, time, interaction_id),
        )

    def mark_done(
        self, interaction_id: str, time: float, disposition: str | None, note: str
    ) -> None:
        self._db.execute(
            "UPDATE interactions SET state = 'done', done_at = ?, disposition = ?, note = ?"
            " WHERE id = ?",
            (time, disposition, note, interaction_id),
        )

    def end_unfinished(self, time: float, states: Sequence[str] = UNFINISHED_STATES) -> int:
        """End the interactions a previous run left open (in ``states``); returns how many."""
        placeholders = ", ".join("?" * len(states))
        cursor = self._db.execute(
            f"UPDATE interactions SET state = 'ended', ended_at = ?"
            f" WHERE state IN ({placeholders})",
            (time, *states),
        )
        return cursor.rowcount

    def active_interactions(self) -> list[tuple[str, Contact, Channel, list[Message]]]:
        """Interactions a previous run left active, with their messages, oldest first."""
        rows = self._db.execute(
            "SELECT id, contact_id, channel FROM interactions WHERE state = 'active'"
            " ORDER BY created_at, rowid"
        ).fetchall()
        resumed: list[tuple[str, Contact, Channel, list[Message]]] = []
        for interaction_id, contact_id, channel in rows:
            contact = self.contact(str(contact_id))
            if contact is None:
                continue
            messages = [
                message_from_row(row)
                for row in self._db.execute(
                    f"SELECT {_MESSAGE_COLUMNS} FROM messages WHERE interaction_id = ?"
                    " ORDER BY time, rowid",
                    (interaction_id,),
                )
            ]
            resumed.append((str(interaction_id), contact, Channel(channel), messages))
        return resumed

    # messages -------------------------------------------------------------------------
    def add_message(self, message: Message, contact_id: str) -> None:
        self.insert_message(self._db, message, contact_id)

    def add_message_once(self, message: Message, contact_id: str, *, delivered: bool = True) -> str:
        """Store ``message`` unless one with its txn id exists; returns the stored id.

        ``delivered`` is false for a message written to a contact who is not connected.
        """
        if message.txn_id is None:
            raise ValueError("add_message_once needs a message with a txn_id")
        with self._transaction() as db:
            existing = self._message_id_for_txn(db, message.txn_id)
            if existing is not None:
                return existing
            self.insert_message(db, message, contact_id)
            if not delivered:
                db.execute("UPDATE messages SET delivered = 0 WHERE id = ?", (message.id,))
        return message.id

    def message_id_for_txn(self, txn_id: str) -> str | None:
        return self._message_id_for_txn(self._db, txn_id)

    @staticmethod
    def _message_id_for_txn(db: sqlite3.Connection, txn_id: str) -> str | None:
        row = db.execute("SELECT id FROM messages WHERE txn_id = ?", (txn_id,)).fetchone()
        return None if row is None else str(row[0])

    @staticmethod
    def insert_message(
        db: sqlite3.Connection, message: Message, contact_id: str, *, delivered: bool = True
    ) -> None:
        """One row of ``messages`` (``delivered`` false: held for a contact who is away)."""
        db.execute(
            "INSERT INTO messages (id, interaction_id, contact_id, author_id, author_name,"
            " author_role, text, time, txn_id, url, delivered)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                message.id,
                message.interaction_id,
                contact_id,
                message.author_id,
                message.author_name,
                message.author_role.value,
                message.text,
                message.time,
                message.txn_id,
                message.url,
                int(delivered),
            ),
        )

    def history(self, contact_id: str, before: float | None, limit: int) -> list[Message]:
        """The newest ``limit`` messages with the contact older than ``before``, oldest first."""
        rows = self._db.execute(
            f"SELECT {_MESSAGE_COLUMNS} FROM messages"
            " WHERE contact_id = :contact AND (:before IS NULL OR time < :before)"
            " ORDER BY time DESC, rowid DESC LIMIT :limit",
            {"contact": contact_id, "before": before, "limit": limit},
        ).fetchall()
        return [message_from_row(row) for row in reversed(rows)]

    def search_messages(self, contact_id: str, query: str) -> list[Message]:
        """The contact's messages holding ``query`` (case- and accent-insensitive), oldest first."""
        rows = self._db.execute(
            f"SELECT {_MESSAGE_COLUMNS} FROM messages"
            " WHERE contact_id = ? AND instr(fold(text), ?) ORDER BY time, rowid",
            (contact_id, fold(query)),
        ).fetchall()
        return [message_from_row(row) for row in rows]

    def texts_to_customer(self, interaction_id: str) -> list[str]:
        """What the customer received from the agent side in the interaction, in order."""
        rows = self._db.execute(
            "SELECT coalesce(url, text) FROM messages"
            " WHERE interaction_id = ? AND author_role != ? AND delivered"
            " ORDER BY time, rowid",
            (interaction_id, PartyRole.CUSTOMER.value),
        ).fetchall()
        return [str(row[0]) for row in rows]

    # the agent's interaction log (Capability.STATISTICS) ------------------------------
    def record_agent_events(self, agent_id: str, events: Sequence[LogEvent]) -> None:
        with self._transaction() as db:
            db.executemany(
                "INSERT INTO agent_interaction_events (agent_id, interaction_id, kind, time,"
                " channel, detail, reply_delay_s) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    (
                        agent_id,
                        event.interaction_id,
                        event.kind.value,
                        event.time,
                        event.channel.value,
                        event.detail,
                        event.reply_delay_s,
                    )
                    for event in events
                ],
            )

    def agent_events(self, interaction_id: str) -> list[tuple[str, str, float]]:
        """(agent id, kind, time) of the logged events of one interaction, in order."""
        rows = self._db.execute(
            "SELECT agent_id, kind, time FROM agent_interaction_events"
            " WHERE interaction_id = ? ORDER BY seq",
            (interaction_id,),
        ).fetchall()
        return [(str(agent), str(kind), float(time)) for agent, kind, time in rows]


def message_from_row(row: tuple[Any, ...], **extra: object) -> Message:
    """A message from the nine columns every message query selects first; ``extra``
    fields (channel, image) come from queries that select more."""
    message_id, interaction_id, author_id, author_name, role, text, time, txn_id, url = row[:9]
    return Message(
        id=str(message_id),
        interaction_id=str(interaction_id),
        author_id=str(author_id),
        author_name=str(author_name),
        author_role=PartyRole(role),
        text=str(text),
        time=float(time),
        txn_id=None if txn_id is None else str(txn_id),
        url=None if url is None else str(url),
        **extra,
    )


class StoreThread:
    """Runs every :class:`DemoStore` call on one dedicated worker thread.

    Coroutines ``await`` :meth:`call`; synchronous test and automation code (the customer
    simulator) uses :meth:`call_sync`, which waits for its turn behind earlier calls, or
    :meth:`post` for a write it need not wait for; every call sees the writes in the order
    they were made.
    """

    def __init__(self, path: Path) -> None:
        self.store = DemoStore(path)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="demo-store")

    async def open(self) -> None:
        await self.call(DemoStore.open)

    async def close(self) -> None:
        """Close the connection after every pending call, then let the thread go."""
        try:
            await self.call(DemoStore.close)
        finally:
            # the queue is empty now: nothing left to wait for, the worker exits on its own
            self._executor.shutdown(wait=False)

    async def call(
        self, method: Callable[Concatenate[DemoStore, P], T], *args: P.args, **kwargs: P.kwargs
    ) -> T:
        loop = asyncio.get_running_loop()
        bound = functools.partial(_unicode_safe(method), self.store, *args, **kwargs)
        return await loop.run_in_executor(self._executor, bound)

    def call_sync(
        self, method: Callable[Concatenate[DemoStore, P], T], *args: P.args, **kwargs: P.kwargs
    ) -> T:
        return self._executor.submit(_unicode_safe(method), self.store, *args, **kwargs).result()

    def post(
        self, method: Callable[Concatenate[DemoStore, P], object], *args: P.args, **kwargs: P.kwargs
    ) -> None:
        """Queue a write without waiting for it (later calls still see it); failures are logged.

        Waiting costs the caller's thread a thread switch and the write (5-30 ms under load
        when the caller is the UI thread).
        """
        future = self._executor.submit(_unicode_safe(method), self.store, *args, **kwargs)
        future.add_done_callback(_log_failure)


def _log_failure(future: Future[object]) -> None:
    if not future.cancelled() and (error := future.exception()) is not None:
        log.error("demo store write failed", exc_info=error)


def _unicode_safe(method: Callable[..., T]) -> Callable[..., T]:
    """``method`` with lone surrogates in its text arguments replaced (SQLite stores UTF-8:
    a query or name with one would raise UnicodeEncodeError, an undocumented failure)."""

    def call(*args: Any, **kwargs: Any) -> T:
        args = tuple(_safe_text(a) for a in args)
        kwargs = {k: _safe_text(v) for k, v in kwargs.items()}
        return method(*args, **kwargs)

    return call


def _safe_text(value: object) -> object:
    """``value`` with lone surrogates replaced in text, in a list or tuple of texts (ids)
    and in the text fields of a :class:`LogEvent`; any other value as it is."""
    if isinstance(value, str):
        return valid_unicode(value)
    if type(value) is list:
        return [_safe_text(item) for item in value]
    if type(value) is tuple:
        return tuple(_safe_text(item) for item in value)
    if isinstance(value, LogEvent):
        texts = (value.interaction_id, value.contact_name, value.detail)
        if all(valid_unicode(text) is text for text in texts):
            return value
        return dataclasses.replace(
            value,
            interaction_id=valid_unicode(value.interaction_id),
            contact_name=valid_unicode(value.contact_name),
            detail=valid_unicode(value.detail),
        )
    return value
