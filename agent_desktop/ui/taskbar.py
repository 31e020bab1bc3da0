"""Flash the window in the taskbar while a reply is pending and the window is inactive."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QApplication, QWidget

from agent_desktop.services.interaction_store import InteractionStore


class TaskbarFlasher(QObject):
    """Calls ``QApplication.alert(window, 0)`` once per inactive spell with a reply pending.

    On Windows ``alert`` with no timeout flashes the taskbar button until the window is
    activated, whatever the indicator's colour.
    """

    def __init__(
        self, window: QWidget, store: InteractionStore, enabled: Callable[[], bool]
    ) -> None:
        super().__init__(window)
        self._window = window
        self._store = store
        self._enabled = enabled
        self._alerted = False
        self._was_pending: dict[str, bool] = {}
        store.pendingChanged.connect(self._pending_changed)
        store.removed.connect(lambda _iid: self.evaluate())
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusWindowChanged.connect(self._activation_changed)

    def window_active(self) -> bool:
        """The main window, or one of its own windows (toast, dialog), has the focus."""
        active = QApplication.activeWindow()
        while active is not None:
            if active is self._window:
                return True
            active = active.parentWidget()
        return False

    def _activation_changed(self, _window: object = None) -> None:
        if self.window_active():
            self._alerted = False
        else:
            self.evaluate()

    def _pending_changed(self, iid: str) -> None:
        record = self._store.get(iid)
        pending = record is not None and record.pending().pending
        # a new wait (idle -> green) while inactive deserves a fresh alert
        if pending and not self._was_pending.get(iid, False):
            self._alerted = False
        self._was_pending[iid] = pending
        self.evaluate()

    def evaluate(self) -> None:
        if (
            self._enabled()
            and not self._alerted
            and self._store.any_pending()
            and not self.window_active()
        ):
            self._alerted = True
            QApplication.alert(self._window, 0)
