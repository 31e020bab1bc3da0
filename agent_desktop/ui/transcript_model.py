"""List model over a :class:`TranscriptStore`: one row per message, plain text only."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QDateTime,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from agent_desktop.services.transcript_store import TranscriptStore

ModelIndex = QModelIndex | QPersistentModelIndex


class Roles(IntEnum):
    AUTHOR = Qt.ItemDataRole.UserRole + 1
    AUTHOR_ID = Qt.ItemDataRole.UserRole + 2
    AUTHOR_ROLE = Qt.ItemDataRole.UserRole + 3
    TIME = Qt.ItemDataRole.UserRole + 4
    DELIVERY = Qt.ItemDataRole.UserRole + 5
    MESSAGE_ID = Qt.ItemDataRole.UserRole + 6
    TXN_ID = Qt.ItemDataRole.UserRole + 7
    URL = Qt.ItemDataRole.UserRole + 8


class TranscriptModel(QAbstractListModel):
    """``DisplayRole`` is the message's plain text; the rest through :class:`Roles`."""

    def __init__(self, store: TranscriptStore, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._store = store
        store.aboutToAppend.connect(self._about_to_append)
        store.appended.connect(self._appended)
        store.rowChanged.connect(self._row_changed)

    @property
    def store(self) -> TranscriptStore:
        return self._store

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._store)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._store):
            return None
        message = self._store[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return message.text
        if role == Qt.ItemDataRole.ToolTipRole:
            when = QDateTime.fromMSecsSinceEpoch(int(message.time * 1000))
            return f"{message.author_name} · {when.toString('yyyy-MM-dd HH:mm:ss')}"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{message.author_name}: {message.text}"
        if role == Roles.AUTHOR:
            return message.author_name
        if role == Roles.AUTHOR_ID:
            return message.author_id
        if role == Roles.AUTHOR_ROLE:
            return message.author_role.value
        if role == Roles.TIME:
            return message.time
        if role == Roles.DELIVERY:
            return message.delivery.value
        if role == Roles.MESSAGE_ID:
            return message.id
        if role == Roles.TXN_ID:
            return message.txn_id
        if role == Roles.URL:
            return message.url
        return None

    def roleNames(self) -> dict[int, Any]:
        names = dict(super().roleNames())
        for role in Roles:
            names[int(role)] = QByteArray(role.name.lower().encode())
        return names

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def _about_to_append(self, first: int, last: int) -> None:
        self.beginInsertRows(QModelIndex(), first, last)

    def _appended(self, first: int, last: int) -> None:
        self.endInsertRows()

    def _row_changed(self, row: int) -> None:
        index = self.index(row, 0)
        self.dataChanged.emit(index, index)
