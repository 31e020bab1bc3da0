"""Run something once a window has been painted for the first time.

Start-up work the first window does not need (warming caches, reading dictionaries) waits
for the first paint, so that the agent sees the window as early as possible
(docs/performance.md, cold start).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class _FirstPaint(QObject):
    def __init__(self, widget: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(widget)
        self._widget = widget
        self._callback: Callable[[], None] | None = callback
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._callback is not None:
            callback, self._callback = self._callback, None
            self._widget.removeEventFilter(self)
            # the children are painted in the same pass: run once it is over
            QTimer.singleShot(0, callback)
            self.deleteLater()
        return False


def when_first_painted(widget: QWidget, callback: Callable[[], None]) -> None:
    """Call ``callback`` (once, on the UI thread) right after the first paint of ``widget``
    and of its children; never if the widget is never painted."""
    _FirstPaint(widget, callback)
