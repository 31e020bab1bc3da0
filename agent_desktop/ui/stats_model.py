"""Table model of the agent's figures: one row per channel with activity, then the total."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QFont

from agent_desktop.core.stats import Figures, PeriodStats
from agent_desktop.core.types import Channel
from agent_desktop.ui.labels import channel_label, format_elapsed

ModelIndex = QModelIndex | QPersistentModelIndex

#: ``Qt.UserRole`` of a cell: the raw figure (int, float seconds, share 0..1, or None)
RAW_ROLE = Qt.ItemDataRole.UserRole
#: ``Qt.UserRole + 1`` of any cell in a row: the channel value, "" for the total row
CHANNEL_ROLE = Qt.ItemDataRole.UserRole + 1


def _tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate: module helpers, empty context


def format_duration(seconds: float | None) -> str:
    """``m:ss`` under an hour, ``h:mm:ss`` above; an em dash when there is nothing."""
    if seconds is None:
        return "—"
    whole = max(0, round(seconds))
    if whole < 3600:
        return format_elapsed(whole)
    return f"{whole // 3600}:{whole % 3600 // 60:02d}:{whole % 60:02d}"


def format_share(share: float | None) -> str:
    return "—" if share is None else f"{round(share * 100)} %"


class Column(IntEnum):
    CHANNEL = 0
    HANDLED = 1
    TRANSFERRED = 2
    AVERAGE_HANDLE = 3
    AVERAGE_FIRST_REPLY = 4
    WORST_FIRST_REPLY = 5
    WITHIN_THRESHOLD = 6
    AVERAGE_TALK = 7
    AVERAGE_WRAP_UP = 8
    MESSAGES_IN = 9
    MESSAGES_OUT = 10
    MISSED = 11


def column_title(column: Column, warning_s: float) -> str:
    return {
        Column.CHANNEL: _tr("Channel"),
        Column.HANDLED: _tr("Handled"),
        Column.TRANSFERRED: _tr("Transferred"),
        Column.AVERAGE_HANDLE: _tr("Avg\nhandle"),
        Column.AVERAGE_FIRST_REPLY: _tr("Avg first\nreply"),
        Column.WORST_FIRST_REPLY: _tr("Worst first\nreply"),
        Column.WITHIN_THRESHOLD: _tr("Replies\n≤ {0}").format(format_threshold(warning_s)),
        Column.AVERAGE_TALK: _tr("Avg\ntalk"),
        Column.AVERAGE_WRAP_UP: _tr("Avg\nwrap-up"),
        Column.MESSAGES_IN: _tr("Messages\nin"),
        Column.MESSAGES_OUT: _tr("Messages\nout"),
        Column.MISSED: _tr("Rejected,\nmissed"),
    }[column]


def format_threshold(seconds: float) -> str:
    return _tr("{0} s").format(f"{seconds:g}")


def raw_value(figures: Figures, column: Column) -> int | float | None:
    return {
        Column.HANDLED: figures.handled,
        Column.TRANSFERRED: figures.transferred,
        Column.AVERAGE_HANDLE: figures.average_handle_s,
        Column.AVERAGE_FIRST_REPLY: figures.average_first_reply_s,
        Column.WORST_FIRST_REPLY: figures.worst_first_reply_s,
        Column.WITHIN_THRESHOLD: figures.share_within_threshold,
        Column.AVERAGE_TALK: figures.average_talk_s,
        Column.AVERAGE_WRAP_UP: figures.average_wrap_up_s,
        Column.MESSAGES_IN: figures.messages_in,
        Column.MESSAGES_OUT: figures.messages_out,
        Column.MISSED: figures.rejected + figures.timed_out,
    }.get(column)


_DURATIONS = frozenset(
    {
        Column.AVERAGE_HANDLE,
        Column.AVERAGE_FIRST_REPLY,
        Column.WORST_FIRST_REPLY,
        Column.AVERAGE_TALK,
        Column.AVERAGE_WRAP_UP,
    }
)


def display_value(figures: Figures, column: Column) -> str:
    value = raw_value(figures, column)
    if column in _DURATIONS:
        return format_duration(value)
    if column is Column.WITHIN_THRESHOLD:
        return format_share(value)
    return str(value)


class FiguresTableModel(QAbstractTableModel):
    """Rows: each channel of the period, in :class:`Channel` order, then "All channels"."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[Channel | None, Figures]] = [(None, Figures())]
        self._warning_s = 30.0

    def set_stats(self, stats: PeriodStats, warning_s: float) -> None:
        rows: list[tuple[Channel | None, Figures]] = list(stats.by_channel.items())
        rows.append((None, stats.total))
        self.beginResetModel()
        self._rows = rows
        self._warning_s = warning_s
        self.endResetModel()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(Column) - 1)

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(Column)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        channel, figures = self._rows[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            if column is Column.CHANNEL:
                return _tr("All channels") if channel is None else channel_label(channel)
            return display_value(figures, column)
        if role == RAW_ROLE:
            if column is Column.CHANNEL:
                return "" if channel is None else channel.value
            return raw_value(figures, column)
        if role == CHANNEL_ROLE:
            return "" if channel is None else channel.value
        if role == Qt.ItemDataRole.TextAlignmentRole and column is not Column.CHANNEL:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and channel is None:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role != Qt.ItemDataRole.DisplayRole
            or orientation is not Qt.Orientation.Horizontal
            or not 0 <= section < len(Column)
        ):
            return None
        return column_title(Column(section), self._warning_s)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def figures(self, channel: Channel | None) -> Figures | None:
        """The figures of ``channel`` (``None``: all channels), if shown."""
        return next((f for c, f in self._rows if c is channel), None)
