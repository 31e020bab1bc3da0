"""Drafts: what the agent typed and has not sent survives switching chats and restarts.

The one place that keeps composer drafts (widget-free), each under a key: a chat's
interaction id, or :func:`consultation_key`, :func:`conversation_key` (the chat's
Conversation tab) and :func:`communication_key` (the Communication view, per contact). The
window tells :meth:`edited` on every change of a composer; the text is written to
:class:`LocalState` (SQLite) after a short pause (debounced, so typing does not write a row
per key; :attr:`saved` tells when it is on disk, so a kill after that loses nothing) and read
back with :meth:`draft` when the composer is created. Drafts read at start-up after a composer
already exists are announced with :attr:`restored`. A chat that leaves the desk forgets its
drafts (its consultation's and its Conversation tab's too); a contact's draft in the
Communication view stays until it is sent or erased.
"""

from __future__ import annotations

from concurrent.futures import Future

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from agent_desktop.services.interaction_store import InteractionStore
from agent_desktop.services.state_store import LocalState

#: a draft is saved this long after the agent's last keystroke
SAVE_DELAY_MS = 400


def consultation_key(iid: str) -> str:
    """The draft key of the consultation composer beside chat ``iid``."""
    return f"consultation:{iid}"


def conversation_key(iid: str) -> str:
    """The draft key of the Conversation tab's composer of chat ``iid``."""
    return f"conversation:{iid}"


def communication_key(contact_id: str) -> str:
    """The draft key of the Communication view's composer for contact ``contact_id``."""
    return f"communication:{contact_id}"


class DraftKeeper(QObject):
    """Saves and restores the composer's unsent text of every interaction."""

    #: (key, text): a draft read from disk after its composer was created
    restored = Signal(str, str)
    #: (key): the draft of ``key`` as last edited is on disk (written by the debounce or
    #: :meth:`flush`); emitted on the UI thread
    saved = Signal(str)
    _written = Signal(str)  # from the state's worker thread

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
        self._written.connect(self.saved, Qt.ConnectionType.QueuedConnection)

    def draft(self, key: str) -> str:
        """The saved draft of ``key`` ("" if none); asked when its composer is created."""
        if not self.state.is_loaded:
            self._waiting.add(key)
        return self._pending.get(key, self.state.drafts.get(key, ""))

    def edited(self, key: str, text: str) -> None:
        """The composer of ``key`` now holds ``text`` (saved after a short pause)."""
        self._waiting.discard(key)  # what the agent typed wins over a late read
        self._pending[key] = text
        self._timer.start()

    def discard(self, iid: str) -> None:
        """The interaction left the desk: its drafts go too."""
        for key in (iid, consultation_key(iid), conversation_key(iid)):
            self._pending.pop(key, None)
            self._waiting.discard(key)
            self.state.set_draft(key, "")

    def flush(self) -> None:
        """Write every pending draft now (called on exit and by the timer)."""
        self._timer.stop()
        pending, self._pending = self._pending, {}
        writes = [self.state.set_draft(key, text) for key, text in pending.items()]
        # the state writes in order: once this is done, every write queued before it is
        # (an unchanged draft queues none: an earlier write of it is what must be done)
        behind = self.state.after_queued_writes() if pending else None
        if behind is not None:
            keys = list(pending)
            done = [w for w in writes if w is not None]
            behind.add_done_callback(lambda _: self._announce(keys, done))

    def _announce(self, keys: list[str], writes: list[Future[None]]) -> None:
        if all(not w.cancelled() and w.exception() is None for w in writes):
            for key in keys:
                self._written.emit(key)

    def _loaded(self) -> None:
        waiting, self._waiting = self._waiting, set()
        for key in sorted(waiting):
            text = self.state.drafts.get(key, "")
            if text:
                self.restored.emit(key, text)
