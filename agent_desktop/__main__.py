"""Command line: ``agent-desktop`` / ``python -m agent_desktop``."""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from agent_desktop import __version__

# Start-up imports only what paints the main window's frame (see main); asyncio, logging,
# pydantic and the services come after that first paint (docs/performance.md, cold start).
if TYPE_CHECKING:
    import asyncio

    from agent_desktop.ui.startup_window import WindowFrame

#: TEST HOOK (crash-safety and soak tests): a Python file defining ``async def run(desktop)``,
#: run on the app's loop right after start-up to drive the app from inside the process
#: (tests/ui/test_crash_safety.py). Whoever sets a process's environment can already run
#: code in it (PYTHONPATH...), so this opens nothing new; it is never set in production.
TEST_HOOK_ENV = "AGENT_DESKTOP_TEST_HOOK"


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="agent-desktop", description="Desktop client for contact-center chat agents."
    )
    parser.add_argument(
        "--backend", help="messaging backend by name (default: from settings, 'demo')"
    )
    parser.add_argument(
        "--profile", type=Path, help="keep every config, data and log file under this folder"
    )
    parser.add_argument("--lang", choices=("en", "fr"), help="user interface language")
    parser.add_argument("--log-level", default="INFO", help="DEBUG, INFO, WARNING or ERROR")
    parser.add_argument(
        "--demo-customers",
        action="store_true",
        help="demo backend: simulated customers arrive on their own",
    )
    parser.add_argument(
        "--self-test", action="store_true", help="run one chat unattended, then exit"
    )
    parser.add_argument("--version", action="version", version=f"agent-desktop {__version__}")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    # Qt is imported only once we know we will show something (fast --version / --help)
    from agent_desktop.startup import lighten_pyside_import_hook, paint_on_the_ui_thread

    lighten_pyside_import_hook()  # before any other module is imported (~40 ms)
    paint_on_the_ui_thread()  # before the first paint (docs/performance.md)
    from PySide6.QtWidgets import QApplication

    from agent_desktop.core.paths import ProfilePaths
    from agent_desktop.ui.theme import fusion_application

    scratch = None
    if args.self_test and args.profile is None:
        import tempfile

        scratch = tempfile.TemporaryDirectory(prefix="agent-desktop-selftest-")
        args.profile = Path(scratch.name)
    paths = ProfilePaths.portable(args.profile) if args.profile else ProfilePaths.platform()

    app = QApplication.instance() or fusion_application(sys.argv[0])
    assert isinstance(app, QApplication)
    app.setApplicationName("Agent Desktop")
    app.setOrganizationName("agent_desktop")
    app.setApplicationVersion(__version__)
    app.setQuitOnLastWindowClosed(False)  # the window's close ends the main coroutine
    # step 1: the main window's frame, on screen before the rest is even imported
    try:
        frame = _show_frame(app, paths, args)
    except Exception:
        _log_start_failure(paths, args.log_level)
        raise
    # step 2: logging, the asyncio loop, settings, backend and services
    import asyncio
    import logging

    import qasync

    from agent_desktop.logs import setup_logging
    from agent_desktop.services.crash_reporter import CrashReporter
    from agent_desktop.ui.app_icon import app_icon

    setup_logging(paths.log_dir, args.log_level)
    log = logging.getLogger("agent_desktop")
    log.info("agent-desktop %s starting", __version__)
    log.info("user interface language: %s", frame.language)
    app.setWindowIcon(app_icon())

    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    # from here on, an unhandled exception is logged and shown, never silently lost
    crash_reporter = CrashReporter(app)
    crash_reporter.install(loop)
    code = 0
    try:
        with loop:
            code = int(
                loop.run_until_complete(_run(app, paths, args, crash_reporter, frame.window))
            )
    finally:
        crash_reporter.uninstall()
        del frame
        if scratch is not None:
            scratch.cleanup()
    return code


def _show_frame(app: object, paths: object, args: argparse.Namespace) -> WindowFrame:
    """Step 1 of start-up (ui/startup_window.py); with :data:`EXIT_AFTER_FIRST_PAINT` set,
    the moment of the first paint is printed for the cold-start benchmark."""
    from PySide6.QtWidgets import QApplication

    from agent_desktop.core.paths import ProfilePaths
    from agent_desktop.ui.startup_window import show_window_frame

    assert isinstance(app, QApplication) and isinstance(paths, ProfilePaths)
    report = None
    if os.environ.get(EXIT_AFTER_FIRST_PAINT):

        def report() -> None:
            print(f"first-paint {time.time():.6f}", flush=True)

    return show_window_frame(app, paths, args.lang, report)


def _log_start_failure(paths: object, level: str) -> None:
    """Step 1 failed before logging was set up: the log file gets the error (a windowed
    Windows build has no console to show it)."""
    import logging

    from agent_desktop.core.paths import ProfilePaths
    from agent_desktop.logs import setup_logging

    if isinstance(paths, ProfilePaths):
        setup_logging(paths.log_dir, level)
    logging.getLogger("agent_desktop").exception("agent-desktop could not show its window")


async def _run(
    app: object,
    paths: object,
    args: argparse.Namespace,
    reporter: object = None,
    frame: object = None,
) -> int:
    """Step 2 of start-up, then the app's life: ``frame`` is the main window painted by
    step 1 (None: the window is built here)."""
    import asyncio
    import logging

    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from agent_desktop.app import AgentDesktop
    from agent_desktop.core.paths import ProfilePaths
    from agent_desktop.services.crash_reporter import CrashReporter
    from agent_desktop.services.housekeeping import Housekeeping
    from agent_desktop.ui.first_paint import when_first_painted
    from agent_desktop.ui.main_window import MainWindow

    log = logging.getLogger("agent_desktop")
    assert isinstance(app, QApplication) and isinstance(paths, ProfilePaths)
    window = frame if isinstance(frame, MainWindow) else None
    if window is not None and not window.isVisible():
        log.info("the window was closed while the app was starting")
        return 0
    on_demo = args.self_test or args.backend in (None, "demo")
    backend_overrides = {"spontaneous": True} if args.demo_customers and on_demo else None
    desktop = AgentDesktop(
        app,
        paths,
        backend_name="demo" if args.self_test else args.backend,
        backend_overrides=backend_overrides,
        window=window,
    )
    loop = asyncio.get_running_loop()
    finished: asyncio.Future[int] = loop.create_future()

    def finish(code: int) -> None:
        if not finished.done():
            finished.set_result(code)

    desktop.window.closed.connect(lambda: finish(0))
    if isinstance(reporter, CrashReporter):
        reporter.crashed.connect(desktop.window.show_crash, Qt.ConnectionType.QueuedConnection)
    _install_signal_handlers(loop, lambda: finish(130))
    if os.environ.get(EXIT_AFTER_FIRST_PAINT):
        exit_once_started(desktop, lambda: finish(0))
    desktop.start()
    # garbage collection at set times, not in the middle of work (services/housekeeping.py)
    housekeeping = Housekeeping()
    housekeeping.watch(desktop.store)
    when_first_painted(desktop.window, housekeeping.start)
    hook = _start_test_hook(desktop, lambda: finish(3))
    if args.self_test:
        from agent_desktop.selftest import SelfTestFailed, run_self_test

        try:
            await run_self_test(desktop)
        except SelfTestFailed as exc:
            print(f"self-test FAILED: {exc}", file=sys.stderr)
            log.error("self-test FAILED: %s", exc)
            finish(1)
        else:
            print("self-test ok")
            log.info("self-test ok")  # a windowed Windows build has no stdout: see the log
            finish(0)
    code = await finished
    housekeeping.stop()
    if hook is not None and not hook.done():
        hook.cancel()
    await desktop.shutdown()
    return code


def _start_test_hook(desktop: object, failed: Callable[[], None]) -> asyncio.Task[None] | None:
    """Run the :data:`TEST_HOOK_ENV` script's ``run(desktop)`` as a task, if one is set;
    ``failed`` ends the app when the hook raises (exit code 3), so a test sees it at once."""
    import asyncio
    import logging
    import runpy

    log = logging.getLogger("agent_desktop")
    script = os.environ.get(TEST_HOOK_ENV)
    if not script:
        return None
    log.warning("test hook %s runs inside the app", script)
    namespace = runpy.run_path(script)
    task: asyncio.Task[None] = asyncio.get_running_loop().create_task(namespace["run"](desktop))

    def finished(done: asyncio.Task[None]) -> None:
        if not done.cancelled() and done.exception() is not None:
            log.error("test hook failed", exc_info=done.exception())
            failed()

    task.add_done_callback(finished)
    return task


_WAKE_UP: list[object] = []


#: hidden switch for the cold-start benchmark (docs/performance.md): print
#: ``first-paint <time.time()>`` once the main window is first painted (its frame), then
#: ``started <time.time()>`` once it is usable (desk attached, backend connected, painted
#: again), and exit
EXIT_AFTER_FIRST_PAINT = "AGENT_DESKTOP_EXIT_AFTER_FIRST_PAINT"


def exit_once_started(desktop: object, finish: Callable[[], None]) -> None:
    """Report when ``desktop`` is usable on stdout, then ``finish``: its backend connected
    (or failed to load) and its window painted after that."""
    from agent_desktop.app import AgentDesktop
    from agent_desktop.core.types import ConnectionState
    from agent_desktop.ui.first_paint import when_first_painted

    assert isinstance(desktop, AgentDesktop)
    window = desktop.window

    def report() -> None:
        print(f"started {time.time():.6f}", flush=True)
        finish()

    def painted_next() -> None:
        when_first_painted(window, report)
        window.update()

    session = desktop.session
    if session is None:
        painted_next()
        return

    def connection(state: str, _detail: str) -> None:
        if state == ConnectionState.CONNECTED.value:
            session.connectionChanged.disconnect(connection)
            painted_next()

    session.connectionChanged.connect(connection)


def _install_signal_handlers(loop: asyncio.AbstractEventLoop, stop: object) -> None:
    """Ctrl+C and SIGTERM end the app cleanly (shutdown runs, tasks are cancelled)."""
    import signal

    assert callable(stop)
    for sig in (signal.SIGINT, signal.SIGTERM):
        try:
            loop.add_signal_handler(sig, stop)
        except (NotImplementedError, RuntimeError):
            # Windows: Python runs signal handlers between bytecodes only, and the Qt loop
            # may sit in C++ for long; a light timer gives the interpreter a turn.
            signal.signal(sig, lambda *_: loop.call_soon_threadsafe(stop))
            if not _WAKE_UP:
                from PySide6.QtCore import QTimer

                timer = QTimer()
                timer.timeout.connect(lambda: None)
                timer.start(250)
                _WAKE_UP.append(timer)


if __name__ == "__main__":
    sys.exit(main())
