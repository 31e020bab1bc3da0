"""The local state database: schema, lists, preferences, drafts, outbox, migrations."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from agent_desktop.services.state_store import (
    MIGRATIONS,
    SCHEMA_VERSION,
    OutboxEntry,
    StateDatabase,
    StateError,
)


def test_lists_and_preferences_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    db = StateDatabase(path)
    db.open()
    assert db.schema_version == SCHEMA_VERSION
    db.write_list("recent_emojis", ["🎉", "👍🏽"])
    db.write_list("url_history", ["https://a.example", "https://b.example"])
    db.write_list("recent_emojis", ["👍🏽", "🎉", "😀"])
    db.set_preference("emoji.skin_tone", "3")
    db.set_preference("emoji.skin_tone", "4")
    db.close()
    again = StateDatabase(path)
    again.open()
    snapshot = again.snapshot()
    assert snapshot.recent_emojis == ["👍🏽", "🎉", "😀"]
    assert snapshot.url_history == ["https://a.example", "https://b.example"]
    assert snapshot.preferences == {"emoji.skin_tone": "4"}
    journal = again._db.execute("PRAGMA journal_mode").fetchone()[0]
    assert journal == "wal"
    again.close()


def test_a_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    with sqlite3.connect(path) as connection:
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db = StateDatabase(path)
    with pytest.raises(StateError, match="newer version"):
        db.open()


def test_drafts_and_outbox_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    db = StateDatabase(path)
    db.open()
    db.set_draft("i1", "Bonjour, je", 1.0)
    db.set_draft("i2", "gone soon", 1.0)
    db.set_draft("i1", "Bonjour, je vérifie", 2.0)
    db.set_draft("i2", "", 3.0)
    first = OutboxEntry("t1", "i1", "text", "Un instant", 10.0)
    second = OutboxEntry("t2", "i1", "url", "https://example.com", 11.0)
    db.outbox_put(second)
    db.outbox_put(first)
    db.outbox_put(OutboxEntry("t1", "i1", "text", "Un instant", 10.0, attempts=2))
    db.outbox_put(OutboxEntry("t3", "i9", "text", "confirmed", 12.0))
    db.outbox_remove("t3")
    db.close()
    again = StateDatabase(path)
    again.open()
    snapshot = again.snapshot()
    assert snapshot.drafts == {"i1": "Bonjour, je vérifie"}
    assert [e.txn_id for e in snapshot.outbox] == ["t1", "t2"]  # oldest first
    assert snapshot.outbox[0].attempts == 2
    assert snapshot.outbox[1] == second
    again.close()


def test_version_one_databases_are_migrated(tmp_path: Path) -> None:
    path = tmp_path / "state.sqlite3"
    with sqlite3.connect(path) as connection:
        connection.executescript(MIGRATIONS[0] + " PRAGMA user_version = 1;")
        connection.execute("INSERT INTO url_history VALUES (0, 'https://kept.example')")
    db = StateDatabase(path)
    db.open()
    assert db.schema_version == SCHEMA_VERSION
    assert db.snapshot().url_history == ["https://kept.example"]
    db.set_draft("i1", "text", 1.0)
    db.close()
