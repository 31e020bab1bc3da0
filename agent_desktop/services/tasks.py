"""No fire-and-forget: every task is kept, named, logged on failure and cancelled on exit."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Coroutine
from typing import Any

log = logging.getLogger(__name__)


class TaskKeeper:
    """Owns the asyncio tasks a component starts."""

    def __init__(self, owner: str) -> None:
        self._owner = owner
        self._tasks: dict[str, asyncio.Task[Any]] = {}
        self._counter = 0

    def spawn(self, coro: Coroutine[Any, Any, Any], name: str | None = None) -> asyncio.Task[Any]:
        """Start ``coro``. A task with the same ``name`` still running is cancelled first."""
        if name is None:
            self._counter += 1
            name = f"{self._owner}-{self._counter}"
        elif (stale := self._tasks.get(name)) is not None and not stale.done():
            stale.cancel()
        task = asyncio.get_event_loop().create_task(coro, name=name)
        self._tasks[name] = task
        task.add_done_callback(self._finished)
        return task

    def running(self, name: str) -> bool:
        task = self._tasks.get(name)
        return task is not None and not task.done()

    def _finished(self, task: asyncio.Task[Any]) -> None:
        if self._tasks.get(task.get_name()) is task:
            del self._tasks[task.get_name()]
        if task.cancelled():
            return
        exc = task.exception()
        if exc is not None:
            log.error("task %s failed", task.get_name(), exc_info=exc)

    def cancel_all(self) -> list[asyncio.Task[Any]]:
        """Cancel every running task; returns them so the caller can await their end."""
        tasks = [t for t in self._tasks.values() if not t.done()]
        for task in tasks:
            task.cancel()
        return tasks

    async def shutdown(self) -> None:
        tasks = self.cancel_all()
        if tasks:
            await asyncio.gather(*tasks, return_exceptions=True)

    def __len__(self) -> int:
        return sum(1 for t in self._tasks.values() if not t.done())
