"""List model over a :class:`ConversationFeed`: messages plus a separator row per interaction.

A separator (date, channel, agent, disposition) precedes the first message of each
interaction. Older pages are fetched through ``canFetchMore`` / ``fetchMore``, which the
feed guards against overlapping requests.
"""

from __future__ import annotations

from collections import OrderedDict
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QDateTime,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QImage

from agent_desktop.core.models import Message
from agent_desktop.core.types import Channel, PartyRole
from agent_desktop.services.conversation_feed import ConversationFeed
from agent_desktop.services.image_loader import thumbnail
from agent_desktop.ui.labels import channel_label
from agent_desktop.ui.transcript_model import Roles
from agent_desktop.ui.wire_tooltip import wire_tooltip

ModelIndex = QModelIndex | QPersistentModelIndex

#: thumbnails are decoded at most this many pixels a side
THUMBNAIL_SIDE = 160
_THUMBNAIL_CACHE = 200


class ConversationRoles(IntEnum):
    KIND = Qt.ItemDataRole.UserRole + 20  # "message" or "separator"
    THUMBNAIL = Qt.ItemDataRole.UserRole + 21  # QImage or None
    MATCH = Qt.ItemDataRole.UserRole + 22  # 0 no, 1 a search match, 2 the current match
    CHANNEL = Qt.ItemDataRole.UserRole + 23
    INTERACTION_ID = Qt.ItemDataRole.UserRole + 24


#: a row: (is a separator, row of the message in the feed)
_Entry = tuple[bool, int]


class ConversationModel(QAbstractListModel):
    """``DisplayRole`` is the message's plain text, or the separator's line."""

    def __init__(self, feed: ConversationFeed, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._feed = feed
        #: only messages on these channels are shown (None: every message)
        self._channels: frozenset[Channel] | None = None
        self._entries: list[_Entry] = self._build(0, len(feed))
        self._matches: set[str] = set()
        self._current: str | None = None
        self._thumbnails: OrderedDict[str, QImage] = OrderedDict()
        self._armed = False
        feed.prepended.connect(self._prepended)
        feed.appended.connect(self._appended)
        feed.rowChanged.connect(self._row_changed)
        feed.aboutToReset.connect(self.beginResetModel)
        feed.reset.connect(self._reset)
        feed.infosChanged.connect(self._infos_changed)

    @property
    def feed(self) -> ConversationFeed:
        return self._feed

    # structure ------------------------------------------------------------------------
    @property
    def channel_filter(self) -> frozenset[Channel] | None:
        return self._channels

    def set_channel_filter(self, channels: frozenset[Channel] | None) -> None:
        """Show only the messages that went over ``channels`` (``None``: all of them).

        A message whose channel is unknown is always shown.
        """
        if channels == self._channels:
            return
        self.beginResetModel()
        self._channels = channels
        self._entries = self._build(0, len(self._feed))
        self.endResetModel()

    def _shown(self, row: int) -> bool:
        channel = self._feed[row].channel
        return self._channels is None or channel is None or channel in self._channels

    def _build(self, first: int, last_exclusive: int, previous: str | None = None) -> list[_Entry]:
        """Entries for the shown feed rows ``first`` .. ``last_exclusive - 1``, separators
        included; ``previous`` is the interaction of the shown message just before."""
        entries: list[_Entry] = []
        for row in range(first, last_exclusive):
            if not self._shown(row):
                continue
            interaction = self._feed[row].interaction_id
            if interaction != previous:
                entries.append((True, row))
            entries.append((False, row))
            previous = interaction
        return entries

    def _prepended(self, count: int) -> None:
        # every existing entry moves down by ``count`` feed rows
        shifted = [(sep, row + count) for sep, row in self._entries]
        block = self._build(0, count)
        # the same rows, renumbered: no visible change
        self._entries = shifted
        if block and shifted and shifted[0][0]:
            last_new = self._feed[block[-1][1]].interaction_id
            if self._feed[shifted[0][1]].interaction_id == last_new:
                # the old top separator now sits inside one interaction's run
                self.beginRemoveRows(QModelIndex(), 0, 0)
                self._entries = shifted[1:]
                self.endRemoveRows()
        if block:
            self.beginInsertRows(QModelIndex(), 0, len(block) - 1)
            self._entries = block + self._entries
            self.endInsertRows()

    def _appended(self, first: int, last: int) -> None:
        previous = self._feed[self._entries[-1][1]].interaction_id if self._entries else None
        block = self._build(first, last + 1, previous)
        if not block:
            return
        start = len(self._entries)
        self.beginInsertRows(QModelIndex(), start, start + len(block) - 1)
        self._entries.extend(block)
        self.endInsertRows()

    def _row_changed(self, feed_row: int) -> None:
        for position in range(len(self._entries) - 1, -1, -1):
            sep, row = self._entries[position]
            if not sep and row == feed_row:
                index = self.index(position, 0)
                self.dataChanged.emit(index, index)
                return

    def _reset(self) -> None:
        self._entries = self._build(0, len(self._feed))
        self._thumbnails.clear()
        self.endResetModel()

    def _infos_changed(self) -> None:
        for position, (sep, _row) in enumerate(self._entries):
            if sep:
                index = self.index(position, 0)
                self.dataChanged.emit(index, index)

    # search ---------------------------------------------------------------------------
    def set_matches(self, message_ids: set[str], current: str | None) -> None:
        changed = self._matches | message_ids | {self._current, current}
        self._matches = set(message_ids)
        self._current = current
        for position, (sep, row) in enumerate(self._entries):
            if not sep and self._feed[row].id in changed:
                index = self.index(position, 0)
                self.dataChanged.emit(index, index)

    def row_of_message(self, message_id: str) -> int | None:
        for position in range(len(self._entries) - 1, -1, -1):
            sep, row = self._entries[position]
            if not sep and self._feed[row].id == message_id:
                return position
        return None

    # Qt API ---------------------------------------------------------------------------
    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def want_older(self, wanted: bool = True) -> None:
        """The view was scrolled to the top: the next ``fetchMore`` loads an older page.

        Qt's views also call ``fetchMore`` whenever the *last* row is visible, which for a
        transcript (newest at the bottom) is nearly always: only an armed model pages in.
        """
        self._armed = wanted

    def canFetchMore(self, parent: ModelIndex) -> bool:
        return (
            not parent.isValid()
            and self._armed
            and self._feed.can_load_older
            and len(self._feed) > 0
        )

    def fetchMore(self, parent: ModelIndex) -> None:
        if not parent.isValid() and self.canFetchMore(parent):
            self._armed = False
            self._feed.load_older()

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def roleNames(self) -> dict[int, Any]:
        names = dict(super().roleNames())
        for role in (*Roles, *ConversationRoles):
            names[int(role)] = QByteArray(role.name.lower().encode())
        return names

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        sep, row = self._entries[index.row()]
        message = self._feed[row]
        if sep:
            return self._separator_data(message, role)
        return self._message_data(message, role)

    def _separator_data(self, message: Message, role: int) -> Any:
        if role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.AccessibleTextRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return self.separator_text(message)
        if role == Roles.AUTHOR_ROLE:
            return PartyRole.SYSTEM.value
        if role == Roles.MESSAGE_ID:
            return f"separator:{message.interaction_id}:{hash(self.separator_text(message))}"
        if role in (Roles.AUTHOR_ID, Roles.AUTHOR):
            return ""
        if role == Roles.TIME:
            return message.time
        if role == ConversationRoles.KIND:
            return "separator"
        if role == ConversationRoles.INTERACTION_ID:
            return message.interaction_id
        if role == ConversationRoles.MATCH:
            return 0
        return None

    def separator_text(self, message: Message) -> str:
        info = self._feed.infos.get(message.interaction_id)
        when = info.started_at if info is not None else message.time
        stamp = QLocale().toString(
            QDateTime.fromMSecsSinceEpoch(int(when * 1000)), "d MMM yyyy, HH:mm"
        )
        channel = info.channel if info is not None else message.channel
        parts = [stamp]
        if channel is not None:
            parts.append(channel_label(channel))
        if info is not None and info.asynchronous:
            parts.append(self.tr("Asynchronous conversation"))
        elif info is not None and info.agent_name:
            parts.append(info.agent_name)
        if info is not None and info.disposition:
            parts.append(info.disposition)
        return "  ·  ".join(parts)

    def _message_data(self, message: Message, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return message.text
        if role == Qt.ItemDataRole.ToolTipRole:
            when = QDateTime.fromMSecsSinceEpoch(int(message.time * 1000))
            return wire_tooltip(f"{message.author_name} · {when.toString('yyyy-MM-dd HH:mm:ss')}")
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{message.author_name}: {message.text}"
        if role == ConversationRoles.KIND:
            return "message"
        if role == ConversationRoles.MATCH:
            if message.id == self._current:
                return 2
            return 1 if message.id in self._matches else 0
        if role == ConversationRoles.THUMBNAIL:
            return self._thumbnail(message)
        if role == ConversationRoles.CHANNEL:
            return None if message.channel is None else message.channel.value
        if role == ConversationRoles.INTERACTION_ID:
            return message.interaction_id
        simple = {
            Roles.AUTHOR: message.author_name,
            Roles.AUTHOR_ID: message.author_id,
            Roles.AUTHOR_ROLE: message.author_role.value,
            Roles.TIME: message.time,
            Roles.DELIVERY: message.delivery.value,
            Roles.MESSAGE_ID: message.id,
            Roles.TXN_ID: message.txn_id,
            Roles.URL: message.url,
        }
        return simple.get(Roles(role)) if role in set(Roles) else None

    def _thumbnail(self, message: Message) -> QImage | None:
        if message.image is None:
            return None
        key = message.txn_id or message.id
        cached = self._thumbnails.get(key)
        if cached is None:
            cached = thumbnail(message.image, THUMBNAIL_SIDE)
            self._thumbnails[key] = cached
            if len(self._thumbnails) > _THUMBNAIL_CACHE:
                self._thumbnails.popitem(last=False)
        else:
            self._thumbnails.move_to_end(key)
        return None if cached.isNull() else cached
