"""Test hook run inside the app (AGENT_DESKTOP_TEST_HOOK) by tests/ui/test_startup.py.

Once the demo backend is connected and the window painted, prints ``MODULES {json}``: which
of the modules start-up must not load are loaded, and ``PAINTING {json}``: Qt's switch for
its GUI thread pool and how many of the pool's threads run (Linux), then closes the app.
"""

from __future__ import annotations

import asyncio
import json
import os
import sys
import time
from pathlib import Path

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
    tasks = Path("/proc/self/task")
    pooled = (
        sum((task / "comm").read_text().strip() == "Thread (pooled)" for task in tasks.iterdir())
        if tasks.is_dir()
        else None
    )
    switch = os.environ.get("QT_NO_GUI_THREADPOOL")
    print("PAINTING " + json.dumps({"switch": switch, "pooled": pooled}), flush=True)
    desktop.window.close()
