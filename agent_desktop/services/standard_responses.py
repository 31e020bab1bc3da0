"""The standard responses offered to the agent: the administrator's file, then the
backend's library."""

from __future__ import annotations

import asyncio
import logging
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal

from agent_desktop.backends.base import BackendError, MessagingBackend, NotSupported
from agent_desktop.core.standard_responses import (
    ResponseLibrary,
    StandardResponse,
    load_response_file,
)
from agent_desktop.services.bridge import MessageBridge
from agent_desktop.services.tasks import TaskKeeper

log = logging.getLogger(__name__)


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate: module helpers, empty context


class StandardResponses(QObject):
    """Holds the :class:`ResponseLibrary`; ``changed`` once it is (re)loaded."""

    changed = Signal()

    def __init__(
        self,
        path: Path,
        backend: MessagingBackend | None,
        bridge: MessageBridge,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.path = path
        self.backend = backend
        self.bridge = bridge
        self.library = ResponseLibrary()
        self.is_loaded = False
        self._tasks = TaskKeeper("standard-responses")

    def start(self) -> None:
        self._tasks.spawn(self.load(), "standard-responses-load")

    async def load(self) -> None:
        # a plain worker thread (the qasync loop's default executor is a QThread pool)
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="responses") as executor:
            loop = asyncio.get_running_loop()
            loaded = await loop.run_in_executor(executor, load_response_file, self.path)
        if loaded.error is not None:
            log.warning("standard responses file %s unusable: %s", self.path, loaded.error)
            self.bridge.warning(
                tr(
                    "The standard responses file could not be read ({0}); it was kept as {1}."
                ).format(loaded.error, loaded.kept_as)
            )
        responses: list[StandardResponse] = list(loaded.responses)
        if self.backend is not None:
            try:
                responses += await self.backend.standard_responses()
            except NotSupported:
                pass
            except (BackendError, OSError) as exc:
                log.warning("standard responses from the backend unavailable: %s", exc)
        self.library = ResponseLibrary(responses)
        self.is_loaded = True
        self.changed.emit()

    async def shutdown(self) -> None:
        await self._tasks.shutdown()
