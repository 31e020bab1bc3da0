"""The demo backend's SQLite store and the thread it runs on."""

from __future__ import annotations

import asyncio
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from agent_desktop.backends.demo.store import (
    SCHEMA_VERSION,
    DemoStore,
    StoreError,
    StoreThread,
    fold,
)
from agent_desktop.core.models import ChannelAddress, Contact, Message
from agent_desktop.core.types import Channel, PartyRole

CONTACT = Contact(
    id="c1",
    name="Hélène Martin",
    email="helene@example.fr",
    channels=(ChannelAddress(channel=Channel.SMS, address="+33 6 39 98 12 34"),),
)


def agent_message(message_id: str, txn_id: str, time: float = 10.0) -> Message:
    return Message(
        id=message_id,
        interaction_id="i1",
        author_id="agent:a1",
        author_name="Alice",
        author_role=PartyRole.AGENT,
        text="Bonjour",
        time=time,
        txn_id=txn_id,
    )


@pytest.fixture
def store(tmp_path: Path) -> Iterator[DemoStore]:
    opened = DemoStore(tmp_path / "demo.sqlite3")
    opened.open()
    yield opened
    opened.close()


def test_a_new_database_has_the_current_schema_in_wal_mode(store: DemoStore) -> None:
    assert store.schema_version == SCHEMA_VERSION
    with sqlite3.connect(store.path) as db:
        (mode,) = db.execute("PRAGMA journal_mode").fetchone()
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
    assert mode == "wal"
    assert {"contacts", "contact_channels", "interactions", "messages"} <= tables


def test_reopening_keeps_the_data(store: DemoStore) -> None:
    store.save_contact(CONTACT)
    store.close()
    store.open()
    assert store.contact("c1") == CONTACT
    assert store.contact_named("Hélène Martin") == CONTACT
    assert store.contact_named("Helene Martin") is None  # exact name only


def test_a_database_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "demo.sqlite3"
    with sqlite3.connect(path) as db:
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(StoreError, match="newer version"):
        DemoStore(path).open()


def test_fold_ignores_case_and_accents() -> None:
    assert fold("Hélène LEFÈVRE") == fold("helene lefevre") == "helene lefevre"
    assert fold("Straße") == "strasse"
    assert fold(None) == ""


def test_a_txn_id_is_stored_once(store: DemoStore) -> None:
    store.start_interaction("i1", CONTACT, Channel.SMS, 1.0, None)
    assert store.add_message_once(agent_message("m1", "t1"), "c1") == "m1"
    assert store.add_message_once(agent_message("m2", "t1", time=11.0), "c1") == "m1"
    assert store.message_id_for_txn("t1") == "m1"
    assert store.message_id_for_txn("t2") is None
    assert [m.id for m in store.history("c1", None, 50)] == ["m1"]
    assert store.texts_to_customer("i1") == ["Bonjour"]


def test_unfinished_interactions_are_ended(store: DemoStore) -> None:
    store.start_interaction("i1", CONTACT, Channel.SMS, 1.0, None)
    store.start_interaction("i2", CONTACT, Channel.SMS, 2.0, None)
    store.mark_offered(["i2"], 3.0)
    store.start_interaction("i3", CONTACT, Channel.SMS, 4.0, None)
    store.mark_offered(["i3"], 5.0)
    store.mark_accepted("i3", 6.0, "a1")
    store.mark_finished("i3", "ended", 7.0)
    store.mark_done("i3", 8.0, "Resolved", "")
    assert store.end_unfinished(9.0) == 2
    states = {iid: store.interaction_record(iid) for iid in ("i1", "i2", "i3")}
    assert {iid: record and record["state"] for iid, record in states.items()} == {
        "i1": "ended",
        "i2": "ended",
        "i3": "done",
    }
    assert store.interaction_record("nope") is None


def test_store_thread_runs_every_call_on_its_own_thread(tmp_path: Path) -> None:
    async def scenario() -> None:
        thread = StoreThread(tmp_path / "demo.sqlite3")
        await thread.open()
        await thread.call(DemoStore.save_contact, CONTACT)
        assert thread.call_sync(DemoStore.contact, "c1") == CONTACT

        def worker_name(_: DemoStore) -> str:
            return threading.current_thread().name

        name = await thread.call(worker_name)
        assert name.startswith("demo-store")
        assert thread.call_sync(worker_name) == name
        with pytest.raises(sqlite3.ProgrammingError):  # the connection stays on its thread
            thread.store.contact("c1")
        await thread.close()
        with pytest.raises(RuntimeError):  # shut down: no more calls
            thread.call_sync(DemoStore.contact, "c1")

    asyncio.run(scenario())
