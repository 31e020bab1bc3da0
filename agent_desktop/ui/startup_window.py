"""The first thing the agent sees: the main window's frame, painted before the services.

Start-up is split in two (docs/performance.md, cold start). This module is the first step:
it needs only Qt and a peek at the settings file, so the main window (its top bar, notice
banner and empty workspace) is on screen after little more than Qt's own start. The second
step (``__main__``: settings, backend, services, the desk of the window) attaches to this
same window once it is painted.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEventLoop, QTimer, QTranslator
from PySide6.QtWidgets import QApplication

from agent_desktop.core.paths import ProfilePaths, os_user_name
from agent_desktop.core.settings_peek import peek_settings
from agent_desktop.ui.first_paint import when_first_painted
from agent_desktop.ui.main_window import MainWindow
from agent_desktop.ui.theme import Theme, frame_theme, style_theme
from agent_desktop.ui.translations import SUPPORTED_LANGUAGES, install_translators, pick_language

log = logging.getLogger(__name__)

#: the theme the system asked for last time (``ui.theme`` = ``system``), in the cache dir
SYSTEM_THEME_FILE = "system-theme"

#: how long start-up waits for the frame's first paint before it goes on regardless (a
#: window that is never exposed, e.g. on a locked screen, is never painted)
FIRST_PAINT_WAIT_MS = 2000


@dataclass
class WindowFrame:
    window: MainWindow
    language: str
    #: Qt keeps no reference to an installed translator: whoever starts the app must
    translators: list[QTranslator]


def show_window_frame(
    app: QApplication,
    paths: ProfilePaths,
    requested_language: str | None,
    on_first_paint: Callable[[], None] | None = None,
) -> WindowFrame:
    """Show the main window's frame and return once it is painted (``on_first_paint`` runs
    at that moment). ``requested_language``: ``--lang``, which wins over the setting."""
    peek = peek_settings(paths.settings_file)
    configured = peek.language if peek.language in SUPPORTED_LANGUAGES else None
    language = pick_language(requested_language or configured)
    translators = install_translators(app, language)
    theme = frame_theme(peek.theme or "system", remembered_system_theme(paths.cache_dir))
    style_theme(app, theme)
    window = MainWindow(theme, peek.nickname or os_user_name().capitalize())
    window.show()
    _wait_for_first_paint(window, on_first_paint)
    return WindowFrame(window, language, translators)


def _wait_for_first_paint(window: MainWindow, on_first_paint: Callable[[], None] | None) -> None:
    waiting = QEventLoop()
    over = False

    def painted() -> None:
        if on_first_paint is not None:
            on_first_paint()
        stop()

    def stop() -> None:
        nonlocal over
        if not over:
            over = True
            waiting.quit()

    when_first_painted(window, painted)
    QTimer.singleShot(FIRST_PAINT_WAIT_MS, stop)
    if not over:
        waiting.exec()
    over = True  # a paint after the timeout finds the wait over


def remembered_system_theme(cache_dir: Path) -> str | None:
    """The name of the theme the system asked for last time (see :func:`frame_theme`)."""
    try:
        return (cache_dir / SYSTEM_THEME_FILE).read_text(encoding="utf-8").strip() or None
    except (OSError, ValueError):
        return None


def remember_system_theme(cache_dir: Path, theme: Theme) -> None:
    """Keep ``theme`` (what the system asks for now) for the next start's frame; written
    only when it changed."""
    if remembered_system_theme(cache_dir) == theme.name:
        return
    from agent_desktop.core.atomic import write_atomic  # not before the first paint

    try:
        cache_dir.mkdir(mode=0o700, parents=True, exist_ok=True)  # as ProfilePaths.create
        write_atomic(cache_dir / SYSTEM_THEME_FILE, theme.name.encode("utf-8"))
    except OSError as exc:
        log.warning("could not remember the system's theme: %s", exc)
