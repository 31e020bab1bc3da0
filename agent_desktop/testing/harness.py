"""``AppHarness``: the whole app on the demo backend, driven from pytest-qt."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar, cast

import qasync
from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication

from agent_desktop.app import AgentDesktop
from agent_desktop.backends.demo import CustomerSimulator, DemoBackend
from agent_desktop.backends.demo.team import TeamSimulator
from agent_desktop.core.models import AgentIdentity
from agent_desktop.core.paths import ProfilePaths
from agent_desktop.core.settings import Settings
from agent_desktop.core.types import ConnectionState
from agent_desktop.ui.chat_view import ChatView
from agent_desktop.ui.main_window import MainWindow
from agent_desktop.ui.toast import IncomingChatToast

if TYPE_CHECKING:
    from pytestqt.qtbot import QtBot

W = TypeVar("W", bound=QObject)
T = TypeVar("T")


def child(parent: QObject, kind: type[W], name: str) -> W:
    """The descendant of ``parent`` of type ``kind`` named ``name``; fails loudly if absent."""
    found = parent.findChild(kind, name)
    if found is None:
        raise LookupError(f"no {kind.__name__} named {name!r} under {parent.objectName()!r}")
    return found


def children(parent: QObject, kind: type[W], name: str) -> list[W]:
    return list(parent.findChildren(kind, name))


_LOOPS: dict[int, qasync.QEventLoop] = {}
_OPEN: set[AppHarness] = set()


def release_loop() -> None:
    """Undo :func:`install_loop`: the thread has no running asyncio loop any more."""
    asyncio.events._set_running_loop(None)
    asyncio.set_event_loop(None)


def install_loop(app: QApplication) -> qasync.QEventLoop:
    """One qasync loop per QApplication, made the thread's running loop.

    It is created with ``already_running=True`` so that any Qt event processing
    (``qtbot.waitUntil``, ``waitSignal``) also runs coroutines. It is never stopped:
    stopping it calls ``QApplication.exit()``, which would end pytest-qt's own waiting.
    """
    loop = _LOOPS.get(id(app))
    if loop is None or loop.is_closed():
        loop = qasync.QEventLoop(app, already_running=True)
        _LOOPS[id(app)] = loop
    asyncio.set_event_loop(loop)
    # qasync marks the loop running only when it is constructed; a reused loop is marked
    # again here, and unmarked by AppHarness.close so that plain asyncio code (asyncio.run in
    # a later unit test) works after a harness test in the same process.
    asyncio.events._set_running_loop(loop)
    return loop


class AppHarness:
    """The app with every file under ``tmp_path``, the agent Ready, no spontaneous customers."""

    def __init__(
        self,
        qtbot: QtBot,
        desktop: AgentDesktop,
        loop: qasync.QEventLoop,
        customers: CustomerSimulator | None = None,
    ) -> None:
        self.qtbot = qtbot
        self.desktop = desktop
        self._loop = loop
        self._closed = False
        self._customers = customers

    @classmethod
    def start(
        cls,
        qtbot: QtBot,
        tmp_path: Path,
        *,
        settings: dict[str, Any] | None = None,
        ready: bool = True,
        agent: AgentIdentity | None = None,
        backend: str = "demo",
        backend_config: dict[str, Any] | None = None,
        customers: CustomerSimulator | None = None,
        wait_connected: bool = True,
    ) -> AppHarness:
        """Start the app; ``backend="matrix"`` with its ``backend_config`` and the
        ``customers`` that play the other side (a ``MatrixCustomerSimulator``)."""
        app = QApplication.instance()
        assert isinstance(app, QApplication), "pytest-qt's qapp must exist"
        app.setQuitOnLastWindowClosed(False)
        loop = install_loop(app)
        desktop = AgentDesktop(
            app,
            ProfilePaths.portable(tmp_path / "profile"),
            backend_name=backend,
            settings_overrides=settings,
            backend_overrides=backend_config
            if backend_config is not None
            else ({"spontaneous": False} if backend == "demo" else None),
            agent=agent or AgentIdentity(id="agent1", name="Alex Martin"),
        )
        harness = cls(qtbot, desktop, loop, customers)
        _OPEN.add(harness)
        qtbot.addWidget(desktop.window)
        qtbot.addWidget(desktop.window.toast)
        desktop.start()
        session = desktop.session
        assert session is not None, desktop.load_error
        if not wait_connected:
            return harness
        harness.wait_until(lambda: session.connection is ConnectionState.CONNECTED, timeout=15)
        if ready:
            session.set_ready(True)
            harness.wait_until(desktop.window.ready_button.isChecked)
        return harness

    # what tests use ---------------------------------------------------------------------
    @property
    def window(self) -> MainWindow:
        return self.desktop.window

    @property
    def backend(self) -> DemoBackend:
        backend = self.desktop.backend
        assert backend is not None, self.desktop.load_error
        if self._customers is not None:
            # another backend (Matrix): tests use only the MessagingBackend API through this
            return cast(DemoBackend, backend)
        assert isinstance(backend, DemoBackend)
        return backend

    @property
    def customers(self) -> CustomerSimulator:
        if self._customers is not None:
            return self._customers
        return self.backend.customers

    @property
    def colleagues(self) -> TeamSimulator:
        """The demo backend's team members (CONTRACT.md ``h.colleagues``)."""
        return self.backend.team

    @property
    def settings(self) -> Settings:
        return self.desktop.settings_store.settings

    def wait_until(self, predicate: Callable[[], object], timeout: float = 5.0) -> None:
        self.qtbot.waitUntil(lambda: bool(predicate()), timeout=int(timeout * 1000))

    def run(self, coro: Coroutine[Any, Any, T], timeout: float = 5.0) -> T:
        """Run ``coro`` on the app's loop (e.g. a backend query) and return its result."""
        task: asyncio.Task[T] = self._loop.create_task(coro)
        try:
            self.wait_until(task.done, timeout)
        finally:
            if not task.done():
                task.cancel()
        return task.result()

    def toast(self) -> IncomingChatToast | None:
        toast = self.window.toast
        return toast if toast.isVisible() else None

    def chat_view(self, iid: str) -> ChatView | None:
        return self.window.views.get(iid)

    def accept(self, iid: str) -> ChatView:
        """Accept ``iid`` through its notification and return its chat view."""
        self.wait_until(
            lambda: (
                (t := self.toast()) is not None and t.current is not None and t.current.id == iid
            )
        )
        toast = self.toast()
        assert toast is not None
        toast.accept_button.click()
        self.wait_until(lambda: self.chat_view(iid) is not None)
        view = self.chat_view(iid)
        assert view is not None
        return view

    def close(self) -> None:
        """Close every window, disconnect the backend, cancel every task; idempotent."""
        if self._closed:
            return
        self._closed = True
        install_loop(self.desktop.app)
        task = self._loop.create_task(self.desktop.shutdown())
        try:
            with contextlib.suppress(Exception):
                self.qtbot.waitUntil(task.done, timeout=10_000)
            if task.done() and not task.cancelled() and task.exception() is not None:
                raise task.exception()
            for widget in QApplication.topLevelWidgets():
                widget.close()
        finally:
            _OPEN.discard(self)
            if not _OPEN:  # the last open harness hands the thread back to plain asyncio
                release_loop()
