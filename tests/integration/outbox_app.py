"""A headless agent process for the kill -9 test (run as ``python -m``, not collected).

``die ROOM``: accept the offered ROOM, queue five messages, and SIGKILL itself right after
the server acknowledged the first one (before the outbox forgot it).
``resume``: connect with the stored token and wait until the outbox is empty.
"""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from pathlib import Path

import keyring
from keyrings.alt.file import PlaintextKeyring

from agent_desktop.backends.base import BackendContext
from agent_desktop.backends.matrix import MatrixBackend
from agent_desktop.core.events import InteractionOffered
from agent_desktop.core.models import AgentIdentity


async def main(homeserver: str, user_id: str, password: str, data: Path, mode: str) -> None:
    ring = PlaintextKeyring()
    ring.file_path = str(data / "keyring.cfg")
    keyring.set_keyring(ring)
    config = {"homeserver": homeserver, "user_id": user_id, "backoff_base_s": 0.1}
    backend = MatrixBackend.create(config, BackendContext(data_dir=data, cache_dir=data))
    assert isinstance(backend, MatrixBackend)
    if mode == "die":
        backend.set_credentials(homeserver, user_id, password)
    await backend.connect(AgentIdentity(id="agent", name="Agent"))
    if mode == "die":
        room = sys.argv[6]
        await backend.set_ready("chat", True)
        async for event in backend.events():
            if isinstance(event, InteractionOffered) and event.interaction.id == room:
                break
        await backend.accept(room)
        real_remove = backend.outbox.remove

        async def remove_then_die(txn_id: str) -> None:
            os.kill(os.getpid(), signal.SIGKILL)  # acknowledged, but still in the outbox
            await real_remove(txn_id)

        backend.outbox.remove = remove_then_die  # type: ignore[method-assign]
        for i in range(1, 6):
            await backend.send_message(room, f"m{i}", f"txn-{i}")
        await asyncio.sleep(30)  # killed long before
    else:
        while await backend.outbox.pending():
            await asyncio.sleep(0.05)
        print("empty", flush=True)
        await backend.disconnect()


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2], sys.argv[3], Path(sys.argv[4]), sys.argv[5]))
