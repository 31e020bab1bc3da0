"""Test hook run inside the app (AGENT_DESKTOP_TEST_HOOK) by tests/ui/test_crash_safety.py.

``CRASH_PHASE`` picks what it does: ``sending``, ``settings``, ``state`` or ``drafts`` drive
the app into the middle of that work and print ``READY {json}`` for the test to kill the
process with SIGKILL; ``check`` (after the restart) waits for recovery and writes what it sees
to ``CRASH_RESULT`` as JSON, then closes the app cleanly.
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

from PySide6.QtWidgets import QPlainTextEdit

from agent_desktop.app import AgentDesktop
from agent_desktop.backends.demo import DemoBackend
from agent_desktop.core.sqlite_db import VersionedDatabase
from agent_desktop.core.types import Channel, ConnectionState
from agent_desktop.services.drafts import communication_key, consultation_key, conversation_key
from agent_desktop.ui.conversation_panel import ConversationPanel


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


def communication_composer(desktop: AgentDesktop) -> QPlainTextEdit | None:
    found = desktop.window.findChild(QPlainTextEdit, "contactComposer")
    return found if isinstance(found, QPlainTextEdit) else None


async def show_contact(desktop: AgentDesktop, contact_id: str) -> QPlainTextEdit:
    connect = desktop.window.connect_area
    assert connect is not None
    connect.show(contact_id)
    await until("communication view", lambda: communication_composer(desktop) is not None)
    composer = communication_composer(desktop)
    assert composer is not None
    return composer


def conversation_composer(desktop: AgentDesktop, iid: str) -> QPlainTextEdit:
    page = desktop.window.views[iid].conversation_page
    assert isinstance(page, ConversationPanel)
    return page.composer


async def drafts(desktop: AgentDesktop) -> None:
    """The agent types into the four kinds of composer; nothing calls a flush: once the
    app's own debounced save says every draft is on disk (DraftKeeper.saved), READY."""
    backend, window = desktop.backend, desktop.window
    assert isinstance(backend, DemoBackend) and window.interaction_actions is not None
    (iid,) = await start_chats(desktop, ["Client Quatre"])
    contact = window.views[iid].record.contact.id
    saved: set[str] = set()
    desktop.drafts.saved.connect(saved.add)
    claire = next(t for t in await backend.targets("Claire") if t.name == "Claire Moreau")
    window.interaction_actions.consult(iid, claire)
    controller = window.action_controller
    assert controller is not None
    await until(
        "consultation",
        lambda: (
            iid in controller.consultation_views
            and controller.consultation_views[iid].composer.isEnabled()
        ),
    )
    typed = {
        iid: (window.views[iid].composer, "chat draft"),
        consultation_key(iid): (controller.consultation_views[iid].composer, "consult draft"),
        conversation_key(iid): (conversation_composer(desktop, iid), "conversation draft"),
        communication_key(contact): (await show_contact(desktop, contact), "contact draft"),
    }
    for composer, text in typed.values():
        composer.insertPlainText(text)  # as typed: no flush follows
    await until("drafts saved", lambda: saved >= set(typed), timeout=10)
    ready({"iids": [iid], "contact": contact, "drafts": {k: t for k, (_, t) in typed.items()}})
    await asyncio.Future()  # until killed


def hold_settings_write(when: str, saves: int) -> None:
    """At the ``saves``-th settings save, stop for good (until killed) either just before its
    ``os.replace`` (``when`` = "before": its temp file written, not in place) or just after
    it ("after"), and print ``READY {"placed": the typing_timeout_s now in the file,
    "held": the one of the held save}``: the kill then lands provably on that side."""
    real_replace = os.replace
    placed: list[int] = []

    def replacing(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        if not str(dst).endswith("settings.json"):
            real_replace(src, dst)
            return
        value = json.loads(Path(src).read_text(encoding="utf-8"))["chat"]["typing_timeout_s"]
        last = len(placed) + 1 == saves
        if not last or when == "after":
            real_replace(src, dst)
            placed.append(value)
        if last:
            ready({"placed": placed[-1], "held": value})
            while True:  # the app stops here, inside its save, until the test kills it
                time.sleep(3600)

    os.replace = replacing  # type: ignore[assignment]


async def settings(desktop: AgentDesktop) -> None:
    hold_settings_write(
        os.environ["CRASH_SETTINGS_HOLD"], int(os.environ.get("CRASH_SETTINGS_SAVES", "20"))
    )
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
    contact = os.environ.get("CRASH_CONTACT")
    result = {
        "drafts": {iid: window.views[iid].composer.toPlainText() for iid in iids},
        "conversation_drafts": {
            iid: conversation_composer(desktop, iid).toPlainText() for iid in iids
        },
        "contact_draft": (await show_contact(desktop, contact)).toPlainText() if contact else "",
        "received": {iid: backend.customers.received(iid) for iid in iids},
        "load_warning": desktop.settings_store.load_warning,
        "banner": window.banner.label.text() if window.banner.isVisible() else "",
        "typing_timeout_s": desktop.settings_store.settings.chat.typing_timeout_s,
        "url_history": len(desktop.local_state.url_history),
        "recent_emojis": desktop.local_state.recent_emojis,
    }
    Path(os.environ["CRASH_RESULT"]).write_text(json.dumps(result), encoding="utf-8")
    window.close()


PHASES = {
    "sending": sending,
    "settings": settings,
    "state": state,
    "drafts": drafts,
    "check": check,
}


async def run(desktop: AgentDesktop) -> None:
    await PHASES[os.environ["CRASH_PHASE"]](desktop)
