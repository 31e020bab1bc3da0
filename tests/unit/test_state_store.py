"""The local state database: schema, ordered lists, preferences, newer-version refusal."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from agent_desktop.services.state_store import SCHEMA_VERSION, StateDatabase, StateError


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
