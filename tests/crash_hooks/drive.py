"""Test hook run inside the app (AGENT_DESKTOP_TEST_HOOK) by tests/ui/test_crash_safety.py.

``CRASH_PHASE`` picks what it does: ``sending``, ``settings`` or ``state`` drive the app into
the middle of that work and print ``READY {json}`` for the test to kill the process with
SIGKILL; ``check`` (after the restart) waits for recovery and writes what it sees to
``CRASH_RESULT`` as JSON, then closes the app cleanly.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from agent_desktop.app import AgentDesktop
from agent_desktop.backends.demo import DemoBackend
from agent_desktop.core.sqlite_db import VersionedDatabase
from agent_desktop.core.types import Channel, ConnectionState


async def until(what: str, predicate: Callable[[], object], timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError(what)
        await asyncio.sleep(0.02)


def ready(payload: object) -> None:
    print("READY " + json.dumps(payload), flush=True)


async def start_chats(desktop: AgentDesktop, names: list[str]) -> list[str]:
    backend, session = desktop.backend, desktop.session
    assert isinstance(backend, DemoBackend) and session is not None
    await until("connected", lambda: session.connection is ConnectionState.CONNECTED)
    await until("state loaded", lambda: desktop.local_state.is_loaded)
    session.set_ready(True)
    await until("ready", lambda: session.ready)
    iids = [backend.customers.start_chat(name, "Bonjour") for name in names]
    for iid in iids:
        await accept(desktop, iid)
    return iids


async def accept(desktop: AgentDesktop, iid: str) -> None:
    session = desktop.session
    assert session is not None
    await until("offered", lambda: desktop.store.get(iid) is not None)
    session.accept(iid)
    await until("view", lambda: iid in desktop.window.views)


async def send(desktop: AgentDesktop, iid: str, text: str) -> None:
    view = desktop.window.views[iid]
    view.composer.setPlainText(text)
    view.send_button.click()


async def on_disk(desktop: AgentDesktop) -> None:
    desktop.drafts.flush()
    await desktop.local_state.flush()


async def sending(desktop: AgentDesktop) -> None:
    backend = desktop.backend
    assert isinstance(backend, DemoBackend)
    first, second = await start_chats(desktop, ["Client Un", "Client Deux"])
    await send(desktop, first, "m1 delivered")
    await until("m1", lambda: backend.customers.received(first) == ["m1 delivered"])
    backend.faults.lose_confirmations(1)  # stored by the backend, unconfirmed
    await send(desktop, first, "m2 unconfirmed")
    await until("m2", lambda: len(backend.customers.received(first)) == 2)
    backend.faults.slow(600_000)  # the backend never gets this one before the kill
    await send(desktop, first, "m3 in flight")
    await send(desktop, second, "m4 in flight")
    # and one into the first contact's asynchronous conversation (the Communication view)
    conversations = desktop.conversations
    assert conversations is not None
    contact = desktop.window.views[first].record.contact.id
    conversations.send_text(contact, Channel.WEBCHAT, "m5 conversation")
    desktop.window.views[first].composer.setPlainText("draft one")
    desktop.window.views[second].composer.setPlainText("draft two")
    await until("outbox", lambda: len(desktop.local_state.outbox) == 4)
    await on_disk(desktop)
    ready({"iids": [first, second]})
    await asyncio.Future()  # until killed


def mark_settings_writes(markers: Path) -> None:
    """Write "<" when a settings save is about to replace the file and ">" once it has: a
    kill that leaves "<" last landed mid-write (the temp file written, not yet in place)."""
    real_replace = os.replace
    fd = os.open(markers, os.O_WRONLY | os.O_CREAT | os.O_APPEND)

    def replacing(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        if not str(dst).endswith("settings.json"):
            real_replace(src, dst)
            return
        os.write(fd, b"<")
        time.sleep(0.02)  # widens the window the test kills in
        real_replace(src, dst)
        os.write(fd, b">")

    os.replace = replacing  # type: ignore[assignment]


async def settings(desktop: AgentDesktop) -> None:
    markers = os.environ.get("CRASH_MARKERS")
    if markers:
        mark_settings_writes(Path(markers))
    ready({})
    for n in itertools.count():
        desktop.settings_store.try_update({"chat": {"typing_timeout_s": 1 + n % 50}})
        await asyncio.sleep(0)


def mark_state_transactions(markers: Path) -> None:
    """Write "<" when a state-database transaction has done its writes but not committed
    them, and ">" once committed: a kill that leaves "<" last landed inside a transaction
    (a list rewrite's DELETE done, its COMMIT not)."""
    real = VersionedDatabase._transaction
    fd = os.open(markers, os.O_WRONLY | os.O_CREAT | os.O_APPEND)

    @contextmanager
    def marked(self: VersionedDatabase) -> Iterator[sqlite3.Connection]:
        with real(self) as db:
            yield db
            if self.path.name == "state.sqlite3":
                os.write(fd, b"<")
                time.sleep(0.02)  # widens the window the test kills in
        if self.path.name == "state.sqlite3":
            os.write(fd, b">")

    VersionedDatabase._transaction = marked  # type: ignore[method-assign]


async def state(desktop: AgentDesktop) -> None:
    markers = os.environ.get("CRASH_MARKERS")
    if markers:
        mark_state_transactions(Path(markers))
    (iid,) = await start_chats(desktop, ["Client Trois"])
    ready({"iids": [iid]})
    local = desktop.local_state
    for n in itertools.count():
        local.record_sent_text("👍 merci 🎉")
        local.record_pushed_url(f"https://example.com/page/{n}")
        desktop.window.views[iid].composer.setPlainText(f"draft {n}")
        desktop.drafts.flush()
        if n % 20 == 0:
            await asyncio.sleep(0)


async def check(desktop: AgentDesktop) -> None:
    backend, session, window = desktop.backend, desktop.session, desktop.window
    assert isinstance(backend, DemoBackend) and session is not None
    iids: list[str] = json.loads(os.environ.get("CRASH_IIDS", "[]"))
    await until("connected", lambda: session.connection is ConnectionState.CONNECTED)
    await until("state loaded", lambda: desktop.local_state.is_loaded)
    await until("views", lambda: all(iid in window.views for iid in iids))
    await until("outbox empty", lambda: not desktop.local_state.outbox)

    def drafts_back() -> bool:
        return all(window.views[iid].composer.toPlainText() for iid in iids)

    await until("drafts", drafts_back, timeout=5)
    result = {
        "drafts": {iid: window.views[iid].composer.toPlainText() for iid in iids},
        "received": {iid: backend.customers.received(iid) for iid in iids},
        "load_warning": desktop.settings_store.load_warning,
        "banner": window.banner.label.text() if window.banner.isVisible() else "",
        "typing_timeout_s": desktop.settings_store.settings.chat.typing_timeout_s,
        "url_history": len(desktop.local_state.url_history),
        "recent_emojis": desktop.local_state.recent_emojis,
    }
    Path(os.environ["CRASH_RESULT"]).write_text(json.dumps(result), encoding="utf-8")
    window.close()


PHASES = {"sending": sending, "settings": settings, "state": state, "check": check}


async def run(desktop: AgentDesktop) -> None:
    await PHASES[os.environ["CRASH_PHASE"]](desktop)
