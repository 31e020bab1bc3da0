"""List model over a :class:`TranscriptStore`: one row per message, plain text only.

The model is a window on the store: a transcript opens on its last ``page`` messages,
older ones are paged in as the agent scrolls up (:meth:`TranscriptModel.fetch_older`)
and the window never holds more than ``max_rows``, so that the view's layout (one
``sizeHint`` per row) stays cheap however long the history is. New messages join the
window while it reaches the end of the store.
"""

from __future__ import annotations

import time
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QDate,
    QDateTime,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from agent_desktop.core.models import Message
from agent_desktop.core.types import DeliveryState, PartyRole
from agent_desktop.services.transcript_store import TranscriptStore
from agent_desktop.ui.wire_tooltip import wire_tooltip

ModelIndex = QModelIndex | QPersistentModelIndex

#: rows a transcript opens with, and rows paged in at a time
PAGE_ROWS = 40
#: most rows the model holds at once
MAX_ROWS = 160
#: the same author again within this gap: no new author header
GROUP_WINDOW_S = 300.0


def message_day(message: Message) -> QDate:
    """The local calendar day of ``message`` (day separators start where it changes)."""
    return QDateTime.fromMSecsSinceEpoch(int(message.time * 1000)).date()


def starts(previous: Message | None, message: Message) -> tuple[bool, bool]:
    """(starts an author group, starts a day) of ``message`` after ``previous``.

    A new day also starts a group; so does the same author after ``GROUP_WINDOW_S``.
    """
    if previous is None:
        return True, True
    # sizeHint asks for every row at each layout: the same minute is the same day
    new_day = int(message.time) // 60 != int(previous.time) // 60 and (
        time.localtime(message.time)[:3] != time.localtime(previous.time)[:3]
    )
    group = (
        new_day
        or previous.author_id != message.author_id
        or message.time - previous.time > GROUP_WINDOW_S
    )
    return group, new_day


def message_from_roles(index: ModelIndex) -> Message:
    """The :class:`Message` a model that only offers the per-field roles describes."""
    return Message(
        id=str(index.data(Roles.MESSAGE_ID) or index.row()),
        interaction_id="",
        author_id=str(index.data(Roles.AUTHOR_ID) or ""),
        author_name=str(index.data(Roles.AUTHOR) or ""),
        author_role=PartyRole(str(index.data(Roles.AUTHOR_ROLE) or PartyRole.SYSTEM.value)),
        text=str(index.data(Qt.ItemDataRole.DisplayRole) or ""),
        time=float(index.data(Roles.TIME) or 0.0),
        txn_id=index.data(Roles.TXN_ID),
        delivery=DeliveryState(str(index.data(Roles.DELIVERY) or DeliveryState.SENT.value)),
        url=index.data(Roles.URL),
    )


class Roles(IntEnum):
    AUTHOR = Qt.ItemDataRole.UserRole + 1
    AUTHOR_ID = Qt.ItemDataRole.UserRole + 2
    AUTHOR_ROLE = Qt.ItemDataRole.UserRole + 3
    TIME = Qt.ItemDataRole.UserRole + 4
    DELIVERY = Qt.ItemDataRole.UserRole + 5
    MESSAGE_ID = Qt.ItemDataRole.UserRole + 6
    TXN_ID = Qt.ItemDataRole.UserRole + 7
    URL = Qt.ItemDataRole.UserRole + 8
    #: the :class:`Message` itself (one call instead of one per field, for the delegate)
    MESSAGE = Qt.ItemDataRole.UserRole + 9
    #: bool: the first of a run of messages by one author (shows the author header)
    GROUP_START = Qt.ItemDataRole.UserRole + 10
    #: bool: the first message of a calendar day (a day separator above it)
    DAY_START = Qt.ItemDataRole.UserRole + 11


class TranscriptModel(QAbstractListModel):
    """``DisplayRole`` is the message's plain text; the rest through :class:`Roles`."""

    def __init__(
        self,
        store: TranscriptStore,
        parent: QObject | None = None,
        *,
        page: int = PAGE_ROWS,
        max_rows: int = MAX_ROWS,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._page = max(1, page)
        self._max_rows = max(self._page, max_rows)
        self._end = len(store)  # the window is store[_first:_end]
        self._first = max(0, self._end - self._page)
        self._appending = False
        #: (group start, day start) per store row, as worked out once: every layout of the
        #: view asks for them again (``starts`` reads the local time). Kept for the window
        #: and a page either side; a changed row forgets its own and its follower's.
        self._flags: dict[int, tuple[bool, bool]] = {}
        store.aboutToAppend.connect(self._about_to_append)
        store.appended.connect(self._appended)
        store.rowChanged.connect(self._row_changed)

    @property
    def store(self) -> TranscriptStore:
        return self._store

    @property
    def first_row(self) -> int:
        """Store row of this model's row 0."""
        return self._first

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._end - self._first

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = index.row() + self._first
        if not index.isValid() or not self._first <= row < self._end:
            return None
        message = self._store[row]
        if role == Roles.MESSAGE:
            return message
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return message.text
        if role == Roles.GROUP_START:
            return self._flags_of(row, message)[0]
        if role == Roles.DAY_START:
            return self._flags_of(row, message)[1]
        if role == Qt.ItemDataRole.ToolTipRole:
            when = QDateTime.fromMSecsSinceEpoch(int(message.time * 1000))
            return wire_tooltip(f"{message.author_name} · {when.toString('yyyy-MM-dd HH:mm:ss')}")
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

    def row_at(self, row: int) -> tuple[Message, bool, bool]:
        """(message, group start, day start) of model row ``row``: the delegate's fast path."""
        store_row = row + self._first
        message = self._store[store_row]
        group, day = self._flags_of(store_row, message)
        return message, group, day

    def rows_outside(self, count: int, *, older: bool) -> list[tuple[Message, bool, bool]]:
        """(message, group start, day start) of the ``count`` store rows just outside the
        window, nearest first: those the next :meth:`fetch_older` (or ``fetch_newer``) pages
        in. The view has them measured in idle time before it needs them."""
        if older:
            rows = range(self._first - 1, max(0, self._first - count) - 1, -1)
        else:
            rows = range(self._end, min(len(self._store), self._end + count))
        store = self._store
        return [(store[row], *self._flags_of(row, store[row])) for row in rows]

    def _flags_of(self, row: int, message: Message) -> tuple[bool, bool]:
        """(group start, day start) of store row ``row``; a new day also starts a group."""
        flags = self._flags.get(row)
        if flags is None:
            flags = starts(self._store[row - 1] if row > 0 else None, message)
            self._flags[row] = flags
        return flags

    def _keep_flags_near_window(self) -> None:
        if len(self._flags) > 2 * self._max_rows + 2 * self._page:
            low, high = self._first - self._page, self._end + self._page
            self._flags = {row: f for row, f in self._flags.items() if low <= row < high}

    def roleNames(self) -> dict[int, Any]:
        names = dict(super().roleNames())
        for role in Roles:
            names[int(role)] = QByteArray(role.name.lower().encode())
        return names

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    # paging -------------------------------------------------------------------------------
    def can_fetch_older(self) -> bool:
        return self._first > 0

    def can_fetch_newer(self) -> bool:
        return self._end < len(self._store)

    def fetch_older(self) -> int:
        """Page older messages in at the top (dropping the newest beyond ``max_rows``)."""
        count = min(self._page, self._first)
        if count:
            self.beginInsertRows(QModelIndex(), 0, count - 1)
            self._first -= count
            self.endInsertRows()
            self._drop_newest(self.rowCount() - self._max_rows)
            self._keep_flags_near_window()
        return count

    def fetch_newer(self) -> int:
        """Page newer messages in at the bottom (dropping the oldest beyond ``max_rows``)."""
        count = min(self._page, len(self._store) - self._end)
        if count:
            rows = self.rowCount()
            self.beginInsertRows(QModelIndex(), rows, rows + count - 1)
            self._end += count
            self.endInsertRows()
            self.trim_older(self._max_rows)
            self._keep_flags_near_window()
        return count

    def trim_older(self, keep: int) -> int:
        """Drop the oldest rows so that at most ``keep`` remain (the view sits at the end)."""
        count = self.rowCount() - max(1, keep)
        if count > 0:
            self.beginRemoveRows(QModelIndex(), 0, count - 1)
            self._first += count
            self.endRemoveRows()
            self._keep_flags_near_window()
            return count
        return 0

    def _drop_newest(self, count: int) -> None:
        if count > 0:
            rows = self.rowCount()
            self.beginRemoveRows(QModelIndex(), rows - count, rows - 1)
            self._end -= count
            self.endRemoveRows()

    @property
    def max_rows(self) -> int:
        return self._max_rows

    @property
    def page(self) -> int:
        """Rows paged in at a time."""
        return self._page

    # store signals ---------------------------------------------------------------------------
    def _about_to_append(self, first: int, last: int) -> None:
        if first == self._end:  # the window reaches the end: the new rows join it
            self._appending = True
            self.beginInsertRows(QModelIndex(), first - self._first, last - self._first)
        else:
            self._appending = False

    def _appended(self, first: int, last: int) -> None:
        if self._appending:
            self._appending = False
            self._end = last + 1
            self.endInsertRows()

    def _row_changed(self, row: int) -> None:
        self._flags.pop(row, None)
        self._flags.pop(row + 1, None)  # its group start depends on this row
        if self._first <= row < self._end:
            index = self.index(row - self._first, 0)
            self.dataChanged.emit(index, index)
