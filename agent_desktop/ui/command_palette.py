"""The command palette (Ctrl+K): every action of the window with its shortcut, searchable
and runnable from the keyboard."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QObject,
    QRect,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QFontMetricsF, QKeySequence, QPainter
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from agent_desktop.core.emoji import fold
from agent_desktop.ui.search_popup import ModelIndex, RowListModel, SearchPopup
from agent_desktop.ui.theme import LIGHT, Theme


@dataclass(frozen=True)
class Command:
    """One action: ``key`` is stable (automation), ``title`` translated."""

    key: str
    title: str
    run: Callable[[], None]
    shortcut: str = ""
    enabled: Callable[[], bool] = lambda: True

    def shortcut_text(self) -> str:
        return QKeySequence(self.shortcut).toString(QKeySequence.SequenceFormat.NativeText)


class CommandRoles(IntEnum):
    KEY = Qt.ItemDataRole.UserRole
    SHORTCUT = Qt.ItemDataRole.UserRole + 1


class CommandModel(RowListModel[Command]):
    """``DisplayRole`` the title, ``UserRole`` the command key, ``UserRole+1`` the shortcut;
    a command that cannot run now is disabled."""

    def command(self, row: int) -> Command | None:
        return self.item(row)

    def item_data(self, command: Command, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return command.title
        if role == CommandRoles.KEY:
            return command.key
        if role == CommandRoles.SHORTCUT:
            return command.shortcut_text()
        if role == Qt.ItemDataRole.AccessibleTextRole:
            shortcut = command.shortcut_text()
            return f"{command.title} ({shortcut})" if shortcut else command.title
        return None

    def item_enabled(self, command: Command) -> bool:
        return command.enabled()


class CommandDelegate(QStyledItemDelegate):
    """The title on the left, the shortcut muted on the right."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.theme: Theme = LIGHT

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:
        return QSize(200, int(QFontMetricsF(option.font).height() + 12))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        theme = self.theme
        painter.save()
        enabled = bool(index.flags() & Qt.ItemFlag.ItemIsEnabled)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if selected:
            painter.fillRect(option.rect, theme.accent)
        text = theme.accent_text if selected else (theme.text if enabled else theme.muted)
        muted = theme.accent_text if selected else theme.muted
        rect = QRectF(option.rect).adjusted(10, 0, -10, 0)
        shortcut = str(index.data(CommandRoles.SHORTCUT) or "")
        fm = QFontMetricsF(option.font)
        shortcut_w = fm.horizontalAdvance(shortcut) + 12 if shortcut else 0.0
        align = int(Qt.AlignmentFlag.AlignVCenter)
        painter.setPen(muted)
        painter.drawText(
            QRectF(rect.right() - shortcut_w, rect.top(), shortcut_w, rect.height()),
            align | int(Qt.AlignmentFlag.AlignRight),
            shortcut,
        )
        painter.setPen(text)
        title = fm.elidedText(
            str(index.data()), Qt.TextElideMode.ElideRight, rect.width() - shortcut_w
        )
        painter.drawText(QRectF(rect.left(), rect.top(), rect.width(), rect.height()), align, title)
        painter.restore()


class CommandPalette(SearchPopup):
    """Floats at the top of the window; Enter runs the highlighted command."""

    def __init__(self, host: QWidget) -> None:
        super().__init__(host)
        self.setObjectName("commandPalette")
        self.setAccessibleName(self.tr("Command palette"))
        self.search.setObjectName("commandSearch")
        self.search.setAccessibleName(self.tr("Search commands"))
        self.search.setPlaceholderText(self.tr("Type a command…"))
        self.list.setObjectName("commandList")
        self.list.setAccessibleName(self.tr("Commands"))
        self.model = CommandModel(self)
        self.list.setModel(self.model)
        self.delegate = CommandDelegate(self.list)
        self.list.setItemDelegate(self.delegate)
        self.commands: list[Command] = []
        self.chosen.connect(self._run)
        self.cancelled.connect(self._give_focus_back)
        self._return_focus: QWidget | None = None

    def set_theme(self, theme: Theme) -> None:
        self.delegate.theme = theme

    def open_with(self, commands: Sequence[Command]) -> None:
        self.commands = list(commands)
        self._return_focus = self.window().focusWidget()
        self.open()

    def refilter(self, query: str) -> None:
        words = fold(query).split()

        def matches(command: Command) -> bool:
            hay = fold(f"{command.title} {command.key.replace('_', ' ')}").split()
            return all(any(h.startswith(w) for h in hay) for w in words)

        found = [c for c in self.commands if matches(c)]
        found.sort(key=lambda c: not c.enabled())
        self.model.set_items(found)

    def select_row(self, row: int) -> None:
        # skip disabled commands
        count = self.model.rowCount()
        row = max(0, min(row, count - 1))
        while 0 <= row < count and not self.model.flags(self.model.index(row, 0)):
            row -= 1
        if row >= 0:
            super().select_row(row)

    def place(self) -> QRect:
        host = self.parentWidget()
        assert host is not None
        width = min(560, max(300, host.width() - 80))
        height = min(420, max(200, host.height() - 120))
        return QRect((host.width() - width) // 2, 56, width, height)

    def _run(self, row: int) -> None:
        command = self.model.command(row)
        self._give_focus_back()
        if command is not None and command.enabled():
            command.run()

    def _give_focus_back(self) -> None:
        target, self._return_focus = self._return_focus, None
        if target is not None and target.isVisible():
            target.setFocus(Qt.FocusReason.OtherFocusReason)
