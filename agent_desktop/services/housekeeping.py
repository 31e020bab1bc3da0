"""Memory housekeeping of the app process: when Python collects garbage, and giving the
freed heap back to the operating system.

CPython starts a *full* garbage collection (generation 2) on its own every so often; it
walks every object the collector tracks and, with 20 chats open, held the UI thread for
55-90 ms, the worst frame of the load benchmark (docs/performance.md). So, once the first
window is painted:

- ``gc.freeze()`` moves everything alive after start-up (modules, classes, the pydantic
  schemas, the window) out of every later collection: a full collection then walks about
  half as many objects;
- automatic full collections are left out (generation 2's threshold raised), and
  :class:`Housekeeping` runs one every ``period_s`` instead, followed on glibc by
  ``malloc_trim(0)``, which returns the freed heap pages to the system (without it the
  resident size of a long session creeps up even when the Python heap is flat).

A chat that goes leaves its view, models and messages to the full collection (Qt objects
and their Python wrappers form cycles): :meth:`Housekeeping.soon` brings the next one
forward to a few seconds after a chat leaves the desk (several leaving together share one),
so closed chats do not pile up between two scheduled passes.

Each pass also empties Qt's pixmap cache. The style caches what it draws of buttons, combo
boxes and scroll bars there, keyed by each widget's palette, and under the app's style
sheet every widget has its own palette: the entries of a chat's widgets outlive them, and
the cache filled towards its 10 MB limit with the widgets of closed chats (most of the
10-minute soak's growth). Redrawing what is on screen costs ~0.1 ms afterwards.

Young objects are still collected by CPython as before (generations 0 and 1, < 2 ms).
Started by ``__main__`` for the app (and by the benchmarks that mirror it), not by tests.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import logging
import sys
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QPixmapCache

if TYPE_CHECKING:
    from agent_desktop.services.interaction_store import InteractionStore

log = logging.getLogger(__name__)

#: generation 2 is never started by CPython itself (the scheduled collection does it)
NO_AUTOMATIC_FULL_COLLECTION = 1_000_000_000


def _glibc_trim() -> Callable[[], object] | None:
    """``malloc_trim(0)`` of glibc, or None on another C library or system."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        trim = libc.malloc_trim
    except (OSError, AttributeError):  # musl and others have no malloc_trim
        return None
    trim.argtypes = [ctypes.c_size_t]
    trim.restype = ctypes.c_int
    return lambda: trim(0)


def freeze_startup_objects() -> None:
    """Collect once, then keep everything alive now out of every later collection."""
    gc.collect()
    gc.freeze()


class Housekeeping(QObject):
    """Full garbage collection, pixmap cache emptied and heap trim every ``period_s``, on
    the UI thread."""

    def __init__(
        self, period_s: float = 120.0, soon_s: float = 5.0, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._trim = _glibc_trim()
        self._timer = QTimer(self)
        self._timer.setInterval(int(period_s * 1000))
        self._timer.timeout.connect(self.run)
        self._soon = QTimer(self)
        self._soon.setSingleShot(True)
        self._soon.setInterval(int(soon_s * 1000))
        self._soon.timeout.connect(self.run)
        self._thresholds = gc.get_threshold()
        #: (duration in ms, objects collected) of the last scheduled pass
        self.last: tuple[float, int] | None = None

    def start(self) -> None:
        """Freeze the start-up objects, take over full collections, start the timer."""
        freeze_startup_objects()
        young, middle, _ = self._thresholds
        gc.set_threshold(young, middle, NO_AUTOMATIC_FULL_COLLECTION)
        self._timer.start()

    def stop(self) -> None:
        """Stop the timers and give full collections back to CPython."""
        self._timer.stop()
        self._soon.stop()
        gc.set_threshold(*self._thresholds)

    def soon(self) -> None:
        """Run the next pass in ``soon_s`` (a chat left: its objects wait in cycles); calls
        while one is already due do not postpone it."""
        if self._timer.isActive() and not self._soon.isActive():
            self._soon.start()

    def watch(self, store: InteractionStore) -> None:
        """Bring the next pass forward whenever an interaction leaves ``store``."""
        store.removed.connect(lambda _iid: self.soon())

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def run(self) -> None:
        """One full collection, the pixmap cache emptied, then the heap trim; the time is
        logged at debug level."""
        self._soon.stop()
        if self._timer.isActive():
            self._timer.start()  # the next scheduled pass counts from this one
        started = time.perf_counter()
        collected = gc.collect()
        QPixmapCache.clear()  # styled pixmaps of widgets gone (see the module's docstring)
        if self._trim is not None:
            self._trim()
        elapsed_ms = 1000 * (time.perf_counter() - started)
        self.last = (elapsed_ms, collected)
        log.debug("housekeeping: %d objects collected, %.1f ms", collected, elapsed_ms)
