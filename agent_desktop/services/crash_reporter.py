"""Unhandled exceptions anywhere (Qt slots, threads, asyncio) go to the log and the UI.

Without this, an exception in a slot is printed to a console a windowed app does not have,
an exception in a thread vanishes, and a failed task is reported only when collected. The
reporter logs the traceback at CRITICAL and emits :attr:`CrashReporter.crashed`, which the
main window turns into a dialog (queued: it may come from any thread).
"""

from __future__ import annotations

import asyncio
import logging
import sys
import threading
import traceback
from types import TracebackType
from typing import Any

from PySide6.QtCore import QObject, Signal

log = logging.getLogger("agent_desktop.crash")

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


class CrashReporter(QObject):
    """Installs ``sys.excepthook``, ``threading.excepthook`` and a loop exception handler."""

    crashed = Signal(str, str)  # summary ("ValueError: ..."), details (the traceback)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._installed = False
        self._loop: asyncio.AbstractEventLoop | None = None
        self._previous_sys = sys.excepthook
        self._previous_thread = threading.excepthook
        self._previous_loop: Any = None

    def install(self, loop: asyncio.AbstractEventLoop | None = None) -> None:
        if self._installed:
            return
        self._installed = True
        self._previous_sys = sys.excepthook
        self._previous_thread = threading.excepthook
        sys.excepthook = self._sys_hook
        threading.excepthook = self._thread_hook
        if loop is not None:
            self._loop = loop
            self._previous_loop = loop.get_exception_handler()
            loop.set_exception_handler(self._loop_hook)

    def uninstall(self) -> None:
        if not self._installed:
            return
        self._installed = False
        sys.excepthook = self._previous_sys
        threading.excepthook = self._previous_thread
        if self._loop is not None and not self._loop.is_closed():
            self._loop.set_exception_handler(self._previous_loop)
        self._loop = None

    # hooks ----------------------------------------------------------------------------------
    def _sys_hook(
        self, exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            self._previous_sys(exc_type, exc, tb)
            return
        self.report("the main thread", (exc_type, exc, tb))

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit or args.exc_value is None:
            return
        name = args.thread.name if args.thread is not None else "?"
        self.report(f"the thread {name!r}", (args.exc_type, args.exc_value, args.exc_traceback))

    def _loop_hook(self, loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        exc = context.get("exception")
        message = str(context.get("message", ""))
        if not isinstance(exc, Exception):
            # asyncio's own warnings (an unclosed transport, a slow callback): log them only
            log.error("asyncio: %s (%s)", message, context)
            return
        self.report(f"an asynchronous task ({message})", (type(exc), exc, exc.__traceback__))

    # ----------------------------------------------------------------------------------------
    def report(self, where: str, info: ExcInfo) -> None:
        """Log the traceback and tell the UI; never raises."""
        try:
            exc_type, exc, tb = info
            details = "".join(traceback.format_exception(exc_type, exc, tb))
            log.critical("unhandled exception in %s:\n%s", where, details.rstrip())
            summary = f"{exc_type.__name__}: {exc}" if str(exc) else exc_type.__name__
            self.crashed.emit(summary, details)
        except Exception:  # the reporter must never become the crash
            sys.__stderr__ and sys.__stderr__.write("crash reporter failed\n")
