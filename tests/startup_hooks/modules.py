"""Test hook run inside the app (AGENT_DESKTOP_TEST_HOOK) by tests/ui/test_startup.py.

Once the demo backend is connected and the window painted, prints ``MODULES {json}``: which
of the modules start-up must not load are loaded, then closes the app.
"""

from __future__ import annotations

import asyncio
import json
import sys
import time

from agent_desktop.app import AgentDesktop
from agent_desktop.core.types import ConnectionState

#: heavy modules the first window on the demo backend does not need
NOT_AT_START = ("nio", "agent_desktop.backends.matrix", "agent_desktop.ui.settings_dialog")


async def run(desktop: AgentDesktop) -> None:
    session = desktop.session
    assert session is not None
    deadline = time.monotonic() + 30
    while session.connection is not ConnectionState.CONNECTED or not desktop.painted:
        if time.monotonic() > deadline:
            raise TimeoutError("not connected and painted")
        await asyncio.sleep(0.02)
    loaded = [name for name in NOT_AT_START if name in sys.modules]
    print("MODULES " + json.dumps(loaded), flush=True)
    desktop.window.close()
