"""Test hook run inside the app on Matrix (AGENT_DESKTOP_TEST_HOOK) by
tests/integration/test_matrix_faults.py::test_the_app_killed_mid_send_delivers_each_message_once.

``CRASH_PHASE=sending``: accept the chat ``CRASH_ROOM``, send five messages through the
composer and hold the backend's outbox right after the homeserver acknowledged the first
(its entry not yet removed); print ``READY`` with all five waiting, for the test to kill the
process with SIGKILL. ``CRASH_PHASE=check`` (after the restart): wait until both outboxes
are empty and every message shows as sent, write the transcript to ``CRASH_RESULT`` and
close the app.
"""

from __future__ import annotations

import asyncio
import json
import os
from pathlib import Path

from agent_desktop.app import AgentDesktop
from agent_desktop.backends.matrix import MatrixBackend
from agent_desktop.core.types import ConnectionState, DeliveryState, PartyRole
from agent_desktop.ui.transcript_model import Roles
from tests.crash_hooks.drive import until

MESSAGES = [f"m{n}" for n in range(1, 6)]


def parts(desktop: AgentDesktop) -> MatrixBackend:
    backend, session = desktop.backend, desktop.session
    assert isinstance(backend, MatrixBackend) and session is not None
    return backend


async def sending(desktop: AgentDesktop) -> None:
    backend, session = parts(desktop), desktop.session
    assert session is not None
    room = os.environ["CRASH_ROOM"]
    await until("connected", lambda: session.connection is ConnectionState.CONNECTED)
    await until("state loaded", lambda: desktop.local_state.is_loaded)
    session.set_ready(True)
    await until("offered", lambda: desktop.store.get(room) is not None)
    session.accept(room)
    await until("view", lambda: room in desktop.window.views)
    acknowledged = asyncio.Event()

    async def hold(txn_id: str) -> None:
        # the homeserver has the message; the app dies before the outbox forgets it
        acknowledged.set()
        await asyncio.Future()

    backend.outbox.remove = hold  # type: ignore[method-assign]
    view = desktop.window.views[room]
    for text in MESSAGES:
        view.composer.setPlainText(text)
        view.send_button.click()
    await acknowledged.wait()

    async def all_waiting() -> bool:
        return len(await backend.outbox.pending()) == len(MESSAGES)

    while not await all_waiting():
        await asyncio.sleep(0.02)
    await desktop.local_state.flush()
    print("READY " + json.dumps({"pending": len(MESSAGES)}), flush=True)
    await asyncio.Future()  # until killed


async def check(desktop: AgentDesktop) -> None:
    backend, session = parts(desktop), desktop.session
    assert session is not None
    room = os.environ["CRASH_ROOM"]
    await until("connected", lambda: session.connection is ConnectionState.CONNECTED)
    await until("state loaded", lambda: desktop.local_state.is_loaded)
    await until("view", lambda: room in desktop.window.views)
    await until("app outbox empty", lambda: not desktop.local_state.outbox)

    async def backend_outbox_empty() -> bool:
        return not await backend.outbox.pending()

    while not await backend_outbox_empty():
        await asyncio.sleep(0.05)
    model = desktop.window.views[room].transcript.model()

    def agent_rows() -> list[tuple[str, str]]:
        rows = [model.index(r, 0) for r in range(model.rowCount())]
        return [
            (str(i.data()), str(i.data(Roles.DELIVERY)))
            for i in rows
            if i.data(Roles.AUTHOR_ROLE) == PartyRole.AGENT.value
        ]

    await until(
        "all sent",
        lambda: (
            len(agent_rows()) == len(MESSAGES)
            and all(state != DeliveryState.SENDING.value for _, state in agent_rows())
        ),
    )
    result = {"transcript": agent_rows()}
    Path(os.environ["CRASH_RESULT"]).write_text(json.dumps(result), encoding="utf-8")
    desktop.window.close()


PHASES = {"sending": sending, "check": check}


async def run(desktop: AgentDesktop) -> None:
    await PHASES[os.environ["CRASH_PHASE"]](desktop)
