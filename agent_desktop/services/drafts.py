"""Drafts: what the agent typed and has not sent survives switching chats and restarts.

The one place that keeps composer drafts (widget-free). The window tells :meth:`edited` on
every change of a chat's composer; the text is written to :class:`LocalState` (SQLite) after
a short pause (debounced, so typing does not write a row per key) and read back with
:meth:`draft` when the chat's view is created. Drafts read at start-up after a view already
exists are announced with :attr:`restored`. A chat that leaves the desk forgets its draft.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from agent_desktop.services.interaction_store import InteractionStore
from agent_desktop.services.state_store import LocalState

#: a draft is saved this long after the agent's last keystroke
SAVE_DELAY_MS = 400


class DraftKeeper(QObject):
    """Saves and restores the composer's unsent text of every interaction."""

    #: (interaction id, text): a draft read from disk after its chat's view was created
    restored = Signal(str, str)

    def __init__(
        self, state: LocalState, store: InteractionStore, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.state = state
        self._pending: dict[str, str] = {}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.flush)
        #: interactions whose view asked for its draft before the state was read
        self._waiting: set[str] = set()
        state.loaded.connect(self._loaded)
        store.removed.connect(self.discard)

    def draft(self, iid: str) -> str:
        """The saved draft of ``iid`` ("" if none); asked when its view is created."""
        if not self.state.is_loaded:
            self._waiting.add(iid)
        return self._pending.get(iid, self.state.drafts.get(iid, ""))

    def edited(self, iid: str, text: str) -> None:
        """The composer of ``iid`` now holds ``text`` (saved after a short pause)."""
        self._waiting.discard(iid)  # what the agent typed wins over a late read
        self._pending[iid] = text
        self._timer.start()

    def discard(self, iid: str) -> None:
        """The interaction left the desk: its draft goes too."""
        self._pending.pop(iid, None)
        self._waiting.discard(iid)
        self.state.set_draft(iid, "")

    def flush(self) -> None:
        """Write every pending draft now (called on exit and by the timer)."""
        self._timer.stop()
        pending, self._pending = self._pending, {}
        for iid, text in pending.items():
            self.state.set_draft(iid, text)

    def _loaded(self) -> None:
        waiting, self._waiting = self._waiting, set()
        for iid in sorted(waiting):
            text = self.state.drafts.get(iid, "")
            if text:
                self.restored.emit(iid, text)
