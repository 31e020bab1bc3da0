"""Runs the real ``agent-desktop`` start (``python frame_first.py --profile DIR``) and reports
what was imported when the main window was first painted (tests/ui/test_startup.py).

At the first paint it prints ``FRAME {json}``: the heavy modules already loaded, whether Qt's
``Qt`` namespace had been touched (its ~90 enums are created then), and the window's name
and connection text. The app itself prints ``first-paint`` / ``started`` and exits
(``AGENT_DESKTOP_EXIT_AFTER_FIRST_PAINT``).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from typing import Any

from agent_desktop import __main__ as entry
from agent_desktop.ui import startup_window

#: what the first window must not wait for (module name prefixes)
HEAVY = (
    "asyncio",
    "qasync",
    "pydantic",
    "aiohttp",
    "nio",
    "sqlite3",
    "agent_desktop.app",
    "agent_desktop.backends",
    "agent_desktop.services",
    "agent_desktop.core.models",
    "agent_desktop.core.events",
    "agent_desktop.core.settings",
    "agent_desktop.ui.chat_view",
)

show = startup_window.show_window_frame


def reporting(*args: Any, **kwargs: Any) -> startup_window.WindowFrame:
    then: Callable[[], None] | None = args[3] if len(args) > 3 else None
    frame: list[startup_window.WindowFrame] = []

    def painted() -> None:
        import PySide6.QtCore
        from PySide6.QtWidgets import QApplication, QLabel

        windows = [w for w in QApplication.topLevelWidgets() if w.objectName() == "mainWindow"]
        status = windows[0].findChild(QLabel, "connectionStatus") if windows else None
        loaded = sorted(
            {m for m in sys.modules for heavy in HEAVY if m == heavy or m.startswith(heavy + ".")}
        )
        report = {
            "heavy": loaded,
            "qt_namespace": "Qt" in vars(PySide6.QtCore),
            "windows": [w.objectName() for w in windows if w.isVisible()],
            "status": status.text() if status is not None else None,
        }
        print("FRAME " + json.dumps(report), flush=True)
        if then is not None:
            then()

    frame.append(show(args[0], args[1], args[2], painted))
    return frame[0]


startup_window.show_window_frame = reporting

if __name__ == "__main__":
    sys.exit(entry.main(sys.argv[1:]))
