"""The Communication view's contact list: a flat model with an ``active`` role, and its dot."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from agent_desktop.core.display import display_text
from agent_desktop.core.models import Contact
from agent_desktop.ui.labels import channel_label
from agent_desktop.ui.theme import LIGHT, Theme
from agent_desktop.ui.wire_tooltip import wire_tooltip

ModelIndex = QModelIndex | QPersistentModelIndex

DOT = 9.0


class ContactRoles(IntEnum):
    ACTIVE = Qt.ItemDataRole.UserRole + 1  # bool: connected on some channel now
    CONTACT_ID = Qt.ItemDataRole.UserRole + 2
    CHANNELS = Qt.ItemDataRole.UserRole + 3  # list of channel values


class ContactListModel(QAbstractListModel):
    """``DisplayRole`` is the contact's name; role ``active`` (``ContactRoles.ACTIVE``)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._contacts: list[Contact] = []
        self._active: set[str] = set()

    def set_contacts(self, contacts: list[Contact]) -> None:
        self.beginResetModel()
        self._contacts = list(contacts)
        self.endResetModel()

    def update_contact(self, contact: Contact) -> None:
        for row, existing in enumerate(self._contacts):
            if existing.id == contact.id:
                self._contacts[row] = contact
                index = self.index(row, 0)
                self.dataChanged.emit(index, index)
                return

    def set_active(self, contact_id: str, active: bool) -> None:
        if (contact_id in self._active) == active:
            return
        if active:
            self._active.add(contact_id)
        else:
            self._active.discard(contact_id)
        row = self.row_of(contact_id)
        if row is not None:
            index = self.index(row, 0)
            self.dataChanged.emit(index, index, [ContactRoles.ACTIVE])

    def row_of(self, contact_id: str) -> int | None:
        for row, contact in enumerate(self._contacts):
            if contact.id == contact_id:
                return row
        return None

    def contact(self, row: int) -> Contact:
        return self._contacts[row]

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._contacts)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def roleNames(self) -> dict[int, Any]:
        names = dict(super().roleNames())
        names[int(ContactRoles.ACTIVE)] = QByteArray(b"active")
        names[int(ContactRoles.CONTACT_ID)] = QByteArray(b"contactId")
        names[int(ContactRoles.CHANNELS)] = QByteArray(b"channels")
        return names

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._contacts):
            return None
        contact = self._contacts[index.row()]
        active = contact.id in self._active
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return contact.name
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self.tr("{0} (connected)").format(contact.name) if active else contact.name
        if role == Qt.ItemDataRole.ToolTipRole:
            channels = ", ".join(channel_label(a.channel) for a in contact.channels)
            state = self.tr("Connected now") if active else self.tr("Not connected")
            return wire_tooltip(f"{contact.name}\n{state}" + (f"\n{channels}" if channels else ""))
        if role == ContactRoles.ACTIVE:
            return active
        if role == ContactRoles.CONTACT_ID:
            return contact.id
        if role == ContactRoles.CHANNELS:
            return [a.channel.value for a in contact.channels]
        return None


class ContactDelegate(QStyledItemDelegate):
    """Name on one line, with a white dot before it while the contact is connected."""

    def __init__(self, parent: QWidget, theme: Theme = LIGHT) -> None:
        super().__init__(parent)
        self.theme = theme

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:
        return QSize(option.rect.width(), int(option.fontMetrics.height() * 2.1))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        theme = self.theme
        rect = QRectF(option.rect)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if selected:
            fill = QColor(theme.accent)
            fill.setAlpha(60 if theme.dark else 36)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(fill)
            painter.drawRoundedRect(rect.adjusted(4, 1, -4, -1), 6, 6)
        if index.data(ContactRoles.ACTIVE):
            dot = QRectF(rect.left() + 12, rect.center().y() - DOT / 2, DOT, DOT)
            painter.setBrush(QColor("#ffffff"))
            ring = QColor(theme.green)
            painter.setPen(QPen(ring, 2))
            painter.drawEllipse(dot)
        painter.setPen(theme.text)
        painter.setFont(option.font)
        text_rect = rect.adjusted(12 + DOT + 8, 0, -8, 0)
        name = option.fontMetrics.elidedText(
            display_text(str(index.data() or ""), limit=200),
            Qt.TextElideMode.ElideRight,
            int(text_rect.width()),
        )
        painter.drawText(
            text_rect, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft), name
        )
        painter.restore()
