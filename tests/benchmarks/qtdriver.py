"""Driving Qt from a plain benchmark process: a qtbot stand-in, first-paint clocks, RSS."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject
from PySide6.QtWidgets import QApplication, QWidget

from agent_desktop.startup import paint_on_the_ui_thread

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot


def application() -> QApplication:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    paint_on_the_ui_thread()  # as agent_desktop.__main__ does
    app = QApplication.instance() or QApplication(["agent-desktop-bench"])
    assert isinstance(app, QApplication)
    return app


def process_events(ms: float) -> None:
    """Run the event loop (and so the qasync coroutines) for ``ms`` milliseconds."""
    end = time.perf_counter() + ms / 1000
    while (left := end - time.perf_counter()) > 0:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, int(left * 1000))


def wait_until(predicate: Callable[[], object], timeout_s: float = 10.0) -> None:
    end = time.perf_counter() + timeout_s
    while not predicate():
        if time.perf_counter() > end:
            raise TimeoutError("condition not reached")
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)


class Bot:
    """The part of pytest-qt's ``qtbot`` that :class:`AppHarness` uses."""

    def __init__(self) -> None:
        self.widgets: list[QWidget] = []

    def addWidget(self, widget: QWidget) -> None:
        self.widgets.append(widget)

    def waitUntil(self, callback: Callable[[], object], *, timeout: int = 5000) -> None:
        wait_until(callback, timeout / 1000)

    def as_qtbot(self) -> QtBot:
        return cast("QtBot", self)


class FirstPaint(QObject):
    """Records ``time.perf_counter()`` at the first Paint event of the watched widget."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.at: float | None = None
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self.at is None and event.type() == QEvent.Type.Paint:
            self.at = time.perf_counter()
        return False


def rss_bytes() -> int:
    """Resident set size now (Linux /proc; elsewhere the peak from getrusage)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            pages = int(statm.read().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE")
    except OSError:
        import resource  # not on Windows

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
