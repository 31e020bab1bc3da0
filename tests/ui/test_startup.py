"""Start-up: work after the first paint, lazy imports, garbage-collection housekeeping."""

from __future__ import annotations

import gc
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap, QPixmapCache
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from agent_desktop.core.emoji import EmojiCatalog, default_catalog
from agent_desktop.services.housekeeping import NO_AUTOMATIC_FULL_COLLECTION, Housekeeping
from agent_desktop.services.settings_store import SettingsStore
from agent_desktop.services.state_store import LocalState
from agent_desktop.ui.first_paint import when_first_painted
from tests.ui.conftest import StartHarness

HOOK = Path(__file__).parents[1] / "startup_hooks" / "modules.py"


def test_the_callback_runs_once_after_the_first_paint(qtbot: QtBot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    calls: list[bool] = []
    when_first_painted(widget, lambda: calls.append(widget.isVisible()))
    qtbot.wait(20)
    assert calls == []  # never painted: never called
    widget.show()
    qtbot.waitUntil(lambda: calls == [True])
    widget.update()
    widget.repaint()
    qtbot.wait(20)
    assert calls == [True]


def test_local_state_reads_the_emoji_catalog_only_when_it_needs_it(tmp_path: Path) -> None:
    reads: list[int] = []

    def catalog() -> EmojiCatalog:
        reads.append(1)
        return default_catalog()

    settings = SettingsStore(tmp_path / "settings.json")
    settings.load()
    state = LocalState(tmp_path / "state.db", catalog, settings)
    assert reads == []
    assert state.catalog is default_catalog()  # what record_sent_text() reads emoji with
    assert len(state.catalog.extract("merci \N{THUMBS UP SIGN}")) == 1
    assert reads == [1]


@pytest.fixture
def housekeeping() -> Iterator[Housekeeping]:
    before = gc.get_threshold()
    keeper = Housekeeping(period_s=3600, soon_s=0.05)
    yield keeper
    keeper.stop()
    gc.unfreeze()  # the rest of the suite collects as usual
    assert gc.get_threshold() == before


def test_housekeeping_takes_over_full_collections(housekeeping: Housekeeping) -> None:
    young, middle, _ = gc.get_threshold()
    housekeeping.start()
    assert housekeeping.active
    assert gc.get_freeze_count() > 0
    assert gc.get_threshold() == (young, middle, NO_AUTOMATIC_FULL_COLLECTION)

    class Cycle:
        other: object = None

    first, second = Cycle(), Cycle()
    first.other, second.other = second, first
    del first, second
    pixmap = QPixmap(8, 8)
    pixmap.fill(Qt.GlobalColor.red)
    key = QPixmapCache.insert(pixmap)  # as the style caches a closed chat's button
    assert QPixmapCache.find(key, QPixmap())
    housekeeping.run()
    assert housekeeping.last is not None
    assert housekeeping.last[1] >= 2  # the cycle was collected
    assert not QPixmapCache.find(key, QPixmap())  # cached pixmaps let go
    housekeeping.stop()
    assert not housekeeping.active
    assert gc.get_threshold()[2] != NO_AUTOMATIC_FULL_COLLECTION


def test_a_chat_leaving_the_desk_brings_the_next_full_collection_forward(
    start: StartHarness, housekeeping: Housekeeping
) -> None:
    h = start()
    housekeeping.watch(h.desktop.store)
    housekeeping.soon()
    assert housekeeping.last is None  # not started: nothing scheduled
    housekeeping.start()
    iid = h.customers.start_chat("Marie", "Bonjour")
    view = h.accept(iid)
    assert housekeeping.last is None
    view.end_button.click()
    h.wait_until(view.done_button.isEnabled)
    view.done_button.click()  # the chat leaves the desk
    h.wait_until(lambda: housekeeping.last is not None)  # 50 ms later, not in an hour
    assert housekeeping.active  # the hourly pass goes on


def run_app(arguments: list[str], **switches: str) -> subprocess.CompletedProcess[str]:
    """The app (or a script that starts it) in a new Python, offscreen, with the
    ``AGENT_DESKTOP_*`` ``switches`` set; it must end with code 0."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env.update({f"AGENT_DESKTOP_{name}": value for name, value in switches.items()})
    env.pop("QT_NO_GUI_THREADPOOL", None)  # the app sets it itself
    result = subprocess.run(
        [sys.executable, *arguments],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return result


def test_the_demo_app_starts_without_the_matrix_stack_or_the_settings_dialog(
    tmp_path: Path,
) -> None:
    result = run_app(["-m", "agent_desktop", "--profile", str(tmp_path)], TEST_HOOK=str(HOOK))
    lines = [line for line in result.stdout.splitlines() if line.startswith("MODULES ")]
    assert lines, result.stdout + result.stderr
    assert json.loads(lines[0].removeprefix("MODULES ")) == []
    # Qt paints on the UI thread: no thread pool to hand fills to (docs/performance.md)
    painting = [line for line in result.stdout.splitlines() if line.startswith("PAINTING ")]
    assert painting, result.stdout + result.stderr
    state = json.loads(painting[0].removeprefix("PAINTING "))
    assert state["switch"] == "1"
    assert state["pooled"] in (0, None)  # None: no /proc to count threads in


def test_the_light_pyside_import_hook_answers_as_pysides_own(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import agent_desktop.core.display
    import agent_desktop.ui.first_paint
    from agent_desktop import startup

    feature = sys.modules["shibokensupport.feature"]
    original = feature._mod_uses_pyside
    monkeypatch.setattr(feature, "_mod_uses_pyside", original)  # restored after the test
    assert startup.lighten_pyside_import_hook()
    assert not startup.lighten_pyside_import_hook()  # once
    light = feature._mod_uses_pyside
    assert light is not original
    for module in (agent_desktop.ui.first_paint, agent_desktop.core.display, sys, json):
        assert light(module) == original(module)
    assert light(agent_desktop.ui.first_paint)


FRAME_HOOK = Path(__file__).parents[1] / "startup_hooks" / "frame_first.py"


def test_the_main_window_is_painted_before_the_services_are_even_imported(
    tmp_path: Path,
) -> None:
    command = [str(FRAME_HOOK), "--profile", str(tmp_path), "--lang", "fr"]
    lines = run_app(command, EXIT_AFTER_FIRST_PAINT="1").stdout.splitlines()
    frame = [json.loads(line.removeprefix("FRAME ")) for line in lines if line[:6] == "FRAME "]
    assert frame == [
        {"heavy": [], "qt_namespace": False, "windows": ["mainWindow"], "status": "Démarrage…"}
    ]
    marks = [line.split()[0] for line in lines if line.split()[0] in ("first-paint", "started")]
    assert marks == ["first-paint", "started"]  # then the desk, connected, painted again


def test_the_desk_attaches_to_the_frame_painted_first(qtbot: QtBot, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QApplication, QLabel, QPushButton

    from agent_desktop.app import AgentDesktop
    from agent_desktop.core.models import AgentIdentity
    from agent_desktop.core.paths import ProfilePaths
    from agent_desktop.core.types import ConnectionState
    from agent_desktop.testing import AppHarness
    from agent_desktop.testing.harness import install_loop
    from agent_desktop.ui.startup_window import show_window_frame

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    paths = ProfilePaths.portable(tmp_path / "profile")
    painted: list[bool] = []
    frame = show_window_frame(app, paths, "en", lambda: painted.append(True))
    window = frame.window
    qtbot.addWidget(window)
    assert painted == [True]  # returned once painted
    assert not window.attached
    assert not window.ready_button.isEnabled()
    status = window.findChild(QLabel, "connectionStatus")
    assert status is not None and status.text() == "Starting…"
    loop = install_loop(app)
    desktop = AgentDesktop(
        app,
        paths,
        backend_name="demo",
        backend_overrides={"spontaneous": False},
        agent=AgentIdentity(id="agent1", name="Alex Martin", nickname="Alex"),
        window=window,
    )
    h = AppHarness(qtbot, desktop, loop)
    qtbot.addWidget(window.toast)
    try:
        assert desktop.window is window and window.attached
        assert window.windowTitle() == "Agent Desktop — Alex"  # the validated identity
        desktop.start()
        session = desktop.session
        assert session is not None
        h.wait_until(lambda: session.connection is ConnectionState.CONNECTED)
        assert window.findChild(QPushButton, "readyButton") is window.ready_button
        window.ready_button.click()
        h.wait_until(window.ready_button.isChecked)
        iid = h.customers.start_chat("Marie Dupont", "Bonjour")
        view = h.accept(iid)
        assert view.window() is window
    finally:
        h.close()


def test_a_window_closed_while_starting_ends_the_app(qtbot: QtBot, tmp_path: Path) -> None:
    import argparse
    import asyncio

    from PySide6.QtWidgets import QApplication

    from agent_desktop.__main__ import _run
    from agent_desktop.core.paths import ProfilePaths
    from agent_desktop.testing.harness import install_loop, release_loop
    from agent_desktop.ui.startup_window import show_window_frame

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    paths = ProfilePaths.portable(tmp_path / "profile")
    frame = show_window_frame(app, paths, "en")
    qtbot.addWidget(frame.window)
    frame.window.close()  # the agent closed it before the desk was there
    args = argparse.Namespace(self_test=False, backend="demo", demo_customers=False)
    loop = install_loop(app)
    try:
        task: asyncio.Task[int] = loop.create_task(_run(app, paths, args, None, frame.window))
        qtbot.waitUntil(task.done)
        assert task.result() == 0
        assert not frame.window.attached
        assert not paths.data_dir.exists()  # no backend, no database was started
    finally:
        release_loop()
