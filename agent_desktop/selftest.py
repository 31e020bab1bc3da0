"""``--self-test``: one whole chat on the demo backend without a person."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

from agent_desktop.app import AgentDesktop
from agent_desktop.backends.demo import DemoBackend
from agent_desktop.core.types import ConnectionState

STEP_TIMEOUT_S = 15.0


class SelfTestFailed(Exception):
    pass


async def _until(what: str, predicate: Callable[[], bool]) -> None:
    deadline = time.monotonic() + STEP_TIMEOUT_S
    while not predicate():
        if time.monotonic() > deadline:
            raise SelfTestFailed(f"timed out waiting for: {what}")
        await asyncio.sleep(0.02)


async def run_self_test(desktop: AgentDesktop) -> None:
    """Incoming chat, accept, reply, end, mark Done, driven through the widgets."""
    backend, session, window = desktop.backend, desktop.session, desktop.window
    if not isinstance(backend, DemoBackend) or session is None:
        raise SelfTestFailed(desktop.load_error or "the self-test needs the demo backend")
    await _until("connection", lambda: session.connection is ConnectionState.CONNECTED)
    window.ready_button.click()
    await _until("Ready", window.ready_button.isChecked)
    iid = backend.customers.start_chat("Self Test", "Bonjour, ceci est un test.")
    toast = window.toast
    await _until(
        "incoming chat notification", lambda: toast.isVisible() and toast.current is not None
    )
    toast.accept_button.click()
    await _until("chat view", lambda: iid in window.views)
    view = window.views[iid]
    view.composer.setPlainText("Bonjour ! Self-test reply.")
    view.send_button.click()
    await _until(
        "reply delivered", lambda: backend.customers.received(iid) == ["Bonjour ! Self-test reply."]
    )
    view.end_button.click()
    await _until("chat ended", view.done_button.isEnabled)
    view.done_button.click()
    await _until("interaction closed", lambda: iid not in window.views)
