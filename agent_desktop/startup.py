"""Start-up: what runs in ``__main__`` before the app's own modules are imported.

PySide6 watches every module imported after it (its ``__feature__`` support, PYSIDE-2029):
to tell whether a module uses PySide6 it calls ``inspect.getsource(module)`` and searches
the text for "PySide6". That reads, decodes and splits every module's source into
``linecache`` (where it then stays): ~40 ms of the app's start-up over ~320 modules
(docs/performance.md). :func:`lighten_pyside_import_hook` gives PySide6 the same answer
from the raw bytes of the module's ``.py`` file, and falls back to PySide6's own check
for anything else (no file, extension modules, unreadable files).

:func:`paint_on_the_ui_thread` keeps Qt's raster painting on the UI thread (see there).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from types import ModuleType

_MARK = "_agent_desktop_light"


def lighten_pyside_import_hook() -> bool:
    """Replace PySide6's per-import source scan by a byte search; True if it was done.

    Does nothing (False) when this PySide6 has no such hook; call it after PySide6 is
    imported and before the app's modules are.
    """
    import PySide6.QtCore  # noqa: F401  (loads shibokensupport and its import hook)

    feature = sys.modules.get("shibokensupport.feature")
    original = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or not callable(original) or getattr(original, _MARK, False):
        return False
    setattr(feature, "_mod_uses_pyside", _light(original))  # noqa: B010 (not typed)
    return True


def _light(original: Callable[[ModuleType], bool]) -> Callable[[ModuleType], bool]:
    def uses_pyside(module: ModuleType) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return original(module)
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return original(module)

    setattr(uses_pyside, _MARK, True)
    return uses_pyside


#: Qt's switch that keeps it from creating its GUI thread pool (read once, at first use)
NO_GUI_THREAD_POOL = "QT_NO_GUI_THREADPOOL"


def paint_on_the_ui_thread() -> None:
    """Have Qt fill and blend on the UI thread instead of its GUI thread pool.

    Qt's raster engine hands every fill of 96 lines or more (a transcript's background, a
    scroll bar's groove) to a thread pool in slices and blocks the UI thread until all are
    done. For a window's worth of small fills the hand-off costs more than the fill: while
    scrolling a transcript it took ~175 context switches and up to 8 ms of kernel time a
    frame, and on a busy 2-core machine the UI thread waited for the pool's threads to be
    scheduled (frames of 80-110 ms). Call before the first paint; a value already in the
    environment is kept.
    """
    os.environ.setdefault(NO_GUI_THREAD_POOL, "1")
