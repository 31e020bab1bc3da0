"""Unhandled exceptions are logged with their traceback and shown, not lost."""

from __future__ import annotations

import asyncio
import logging
import sys
import threading
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from agent_desktop.services.crash_reporter import CrashReporter
from agent_desktop.ui.crash_dialog import CrashDialog
from tests.ui.conftest import FAST, StartHarness


class Boom(Exception):
    pass


@pytest.fixture
def reporter(qapp: QApplication) -> Iterator[CrashReporter]:
    loop = asyncio.new_event_loop()
    reporter = CrashReporter()
    reporter.install(loop)
    yield reporter
    reporter.uninstall()
    loop.close()


# pytest-qt turns exceptions in slots into test failures with its own sys.excepthook;
# these tests need the app's hook in its place
pytestmark = pytest.mark.qt_no_exception_capture


def test_exception_in_a_thread(
    reporter: CrashReporter, qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    def work() -> None:
        raise Boom("disk on fire")

    with qtbot.waitSignal(reporter.crashed, timeout=5000) as blocker:
        thread = threading.Thread(target=work, name="importer")
        thread.start()
        thread.join()
    summary, details = blocker.args
    assert summary == "Boom: disk on fire"
    assert "in work" in details and 'raise Boom("disk on fire")' in details
    record = next(r for r in caplog.records if r.name == "agent_desktop.crash")
    assert record.levelno == logging.CRITICAL
    assert "the thread 'importer'" in record.getMessage()
    assert "Traceback" in record.getMessage()


def test_exception_in_an_asyncio_callback(reporter: CrashReporter, qtbot: QtBot) -> None:
    loop = reporter._loop
    assert loop is not None

    try:
        raise Boom("late")
    except Boom as exc:
        error = exc
    # what asyncio does with an exception escaping a callback or a never-awaited task
    with qtbot.waitSignal(reporter.crashed, timeout=5000) as blocker:
        loop.call_exception_handler(
            {"message": "Task exception was never retrieved", "exception": error}
        )
    assert blocker.args[0] == "Boom: late"
    assert "never retrieved" not in blocker.args[0]
    assert 'raise Boom("late")' in blocker.args[1]


def test_asyncio_warnings_without_exception_are_only_logged(
    reporter: CrashReporter, qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    loop = reporter._loop
    assert loop is not None
    with qtbot.assertNotEmitted(reporter.crashed):
        loop.call_exception_handler({"message": "unclosed transport"})
    assert any("unclosed transport" in r.getMessage() for r in caplog.records)


class Emitter(QObject):
    fire = Signal()


def test_exception_in_a_qt_slot(reporter: CrashReporter, qtbot: QtBot) -> None:
    emitter = Emitter()

    def slot() -> None:
        raise Boom("in a slot")

    emitter.fire.connect(slot)
    with qtbot.waitSignal(reporter.crashed, timeout=5000) as blocker:
        QTimer.singleShot(0, emitter.fire.emit)
    assert blocker.args[0] == "Boom: in a slot"


def test_uninstall_restores_the_hooks(qapp: QApplication) -> None:
    before = (sys.excepthook, threading.excepthook)
    reporter = CrashReporter()
    reporter.install()
    assert sys.excepthook != before[0]
    reporter.uninstall()
    assert (sys.excepthook, threading.excepthook) == before


def test_the_window_shows_a_dialog_instead_of_vanishing(
    start: StartHarness, reporter: CrashReporter, qtbot: QtBot
) -> None:
    h = start(settings=FAST)
    reporter.crashed.connect(h.window.show_crash, Qt.ConnectionType.QueuedConnection)
    emitter = Emitter()

    def slot() -> None:
        raise Boom("the agent keeps working")

    emitter.fire.connect(slot)
    emitter.fire.emit()
    emitter.fire.emit()  # a second failure does not stack a second box
    h.wait_until(lambda: h.window.findChild(CrashDialog, "crashDialog") is not None)
    qtbot.wait(50)
    dialogs = h.window.findChildren(CrashDialog, "crashDialog")
    assert len(dialogs) == 1
    dialog = dialogs[0]
    assert dialog.isVisible()
    assert not dialog.isModal() and dialog.windowModality() is Qt.WindowModality.NonModal
    assert "Boom: the agent keeps working" in dialog.informativeText()
    assert str(h.desktop.paths.log_dir) in dialog.informativeText()
    assert "Traceback" in dialog.detailedText()
    # chats still work behind the box
    iid = h.customers.start_chat("Marie", "Bonjour")
    h.accept(iid)
    dialog.quit_button.click()
    h.wait_until(lambda: not h.window.isVisible())
