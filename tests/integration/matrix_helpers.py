"""Drive a MatrixBackend without Qt: collect its events, wait for conditions."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Coroutine
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from agent_desktop.backends.base import BackendContext
from agent_desktop.backends.matrix import MatrixBackend
from agent_desktop.core import events as ev
from agent_desktop.core.models import AgentIdentity
from agent_desktop.core.types import ConnectionState
from agent_desktop.testing import AppHarness
from agent_desktop.testing.synapse import RegisteredUser, SynapseServer

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

E = TypeVar("E")
T = TypeVar("T")


async def until(predicate: Callable[[], object], timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        await asyncio.sleep(0.02)


async def until_async(
    probe: Callable[[], Coroutine[Any, Any, T]], expected: T, timeout: float = 10.0
) -> None:
    """Call ``probe`` until it returns ``expected``."""
    deadline = time.monotonic() + timeout
    while (got := await probe()) != expected:
        if time.monotonic() > deadline:
            raise AssertionError(f"{got!r} != {expected!r}")
        await asyncio.sleep(0.1)


class Agent:
    """A MatrixBackend logged in as ``user``, with every event it emitted in ``events``."""

    def __init__(
        self,
        server: SynapseServer,
        user: RegisteredUser,
        data_dir: Path,
        *,
        login: bool = True,
        **config: Any,
    ) -> None:
        """``login``: log in with the user's password (as the login dialog does), else
        only with a token already in the keyring."""
        self.user = user
        self.server = server
        self._stopped = False
        settings = {
            "homeserver": server.url,
            "user_id": user.user_id,
            "backoff_base_s": 0.1,
            "backoff_cap_s": 0.5,
            "sync_timeout_s": 5,
        }
        settings.update(config)
        context = BackendContext(data_dir=data_dir, cache_dir=data_dir / "cache")
        backend = MatrixBackend.create(settings, context)
        assert isinstance(backend, MatrixBackend)
        if login:
            backend.set_credentials(str(settings["homeserver"]), user.user_id, user.password)
        self.backend = backend
        self.events: list[ev.BackendEvent] = []
        self._pump: asyncio.Task[None] | None = None

    async def start(self, ready: bool = True) -> None:
        await self.backend.connect(AgentIdentity(id=self.user.localpart, name="Agent"))
        self._pump = asyncio.get_running_loop().create_task(self._collect())
        await until(lambda: self.backend.connected)
        if ready:
            await self.backend.set_ready("chat", True)

    async def _collect(self) -> None:
        async for event in self.backend.events():
            self.events.append(event)

    async def stop(self) -> None:
        if self._stopped:
            return
        self._stopped = True
        await self.backend.disconnect()
        if self._pump is not None:
            await asyncio.wait_for(self._pump, 5)

    def of(self, kind: type[E]) -> list[E]:
        return [e for e in self.events if isinstance(e, kind)]

    def states(self) -> list[ConnectionState]:
        return [e.state for e in self.of(ev.ConnectionChanged)]

    async def offered(self, room_id: str) -> None:
        await until(
            lambda: any(e.interaction.id == room_id for e in self.of(ev.InteractionOffered))
        )

    def texts(self, room_id: str) -> list[str]:
        return [
            e.message.text
            for e in self.of(ev.MessageReceived)
            if e.message.interaction_id == room_id
        ]


def run_async(work: Coroutine[Any, Any, T]) -> T:
    """``asyncio.run(work)`` on a fresh thread: the UI tests leave a qasync loop running here."""
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="async-test") as pool:
        return pool.submit(asyncio.run, work).result()


def start_matrix_app(
    qtbot: QtBot, tmp_path: Path, config: dict[str, Any], **kwargs: Any
) -> AppHarness:
    """The app on the Matrix backend with ``config`` (no notification sound); ``kwargs`` go
    to :meth:`AppHarness.start` (``wait_connected=False, ready=False`` for a login)."""
    return AppHarness.start(
        qtbot,
        tmp_path,
        settings={"chat": {"notification_sound": False}},
        backend="matrix",
        backend_config=config,
        **kwargs,
    )
