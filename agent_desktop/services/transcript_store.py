"""Per-interaction transcript: owns local echo and delivery state (not the view model)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from agent_desktop.core.models import Message
from agent_desktop.core.types import DeliveryState


class TranscriptStore(QObject):
    """Ordered messages of one interaction; the list model is a view over it."""

    aboutToAppend = Signal(int, int)  # first, last row
    appended = Signal(int, int)
    rowChanged = Signal(int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._messages: list[Message] = []
        self._row_by_txn: dict[str, int] = {}
        self._ids: set[str] = set()

    def __len__(self) -> int:
        return len(self._messages)

    def __getitem__(self, row: int) -> Message:
        return self._messages[row]

    def messages(self) -> list[Message]:
        return list(self._messages)

    def last(self, count: int) -> list[Message]:
        return self._messages[-count:] if count > 0 else []

    def append(self, message: Message) -> bool:
        """Add a message; a message id or txn id already present is ignored (returns False)."""
        if message.id in self._ids:
            return False
        if message.txn_id is not None and message.txn_id in self._row_by_txn:
            row = self._row_by_txn[message.txn_id]
            # the server's copy of our local echo: adopt its id and time, keep one row
            self._replace(row, message)
            return False
        row = len(self._messages)
        self.aboutToAppend.emit(row, row)
        self._messages.append(message)
        self._ids.add(message.id)
        if message.txn_id is not None:
            self._row_by_txn[message.txn_id] = row
        self.appended.emit(row, row)
        return True

    def _replace(self, row: int, message: Message) -> None:
        old = self._messages[row]
        self._ids.discard(old.id)
        self._messages[row] = message
        self._ids.add(message.id)
        self.rowChanged.emit(row)

    def by_txn(self, txn_id: str) -> Message | None:
        row = self._row_by_txn.get(txn_id)
        return None if row is None else self._messages[row]

    def set_delivery(
        self,
        txn_id: str,
        state: DeliveryState,
        *,
        message_id: str | None = None,
        time: float | None = None,
    ) -> bool:
        """Update the delivery state of the agent's message ``txn_id``."""
        row = self._row_by_txn.get(txn_id)
        if row is None:
            return False
        old = self._messages[row]
        update: dict[str, object] = {"delivery": state}
        if message_id is not None:
            update["id"] = message_id
        if time is not None:
            update["time"] = time
        self._replace(row, old.model_copy(update=update))
        return True

    def advance_delivery(self, txn_id: str, state: DeliveryState) -> bool:
        """Move ``txn_id`` on to ``state`` (delivered, read) unless it is already further
        on; a receipt arriving late or twice never moves a message back."""
        message = self.by_txn(txn_id)
        if message is None:
            return False
        if _PROGRESS.get(state, 0) <= _PROGRESS.get(message.delivery, 0):
            return False
        return self.set_delivery(txn_id, state)


#: order of the states a sent message goes through (failed and sending are not receipts)
_PROGRESS = {DeliveryState.SENT: 1, DeliveryState.DELIVERED: 2, DeliveryState.READ: 3}
