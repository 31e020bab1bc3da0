"""The interaction's participants with their connection state."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QListView, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from agent_desktop.core.display import display_text
from agent_desktop.core.types import PartyRole, PartyState
from agent_desktop.services.interaction_store import InteractionRecord
from agent_desktop.ui.labels import party_state_label
from agent_desktop.ui.theme import LIGHT, Theme
from agent_desktop.ui.wire_tooltip import wire_tooltip

ModelIndex = QModelIndex | QPersistentModelIndex


class PartyRoles(IntEnum):
    STATE = Qt.ItemDataRole.UserRole + 1
    ROLE = Qt.ItemDataRole.UserRole + 2
    PARTY_ID = Qt.ItemDataRole.UserRole + 3


class PartyModel(QAbstractListModel):
    def __init__(self, record: InteractionRecord, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._record = record
        self._rows = list(record.parties)
        record.partiesChanged.connect(self._reload)

    def _reload(self) -> None:
        self.beginResetModel()
        self._rows = list(self._record.parties)
        self.endResetModel()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        party = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return party.name
        if role == Qt.ItemDataRole.ToolTipRole:  # Qt would take a name like <b>x</b> as HTML
            return wire_tooltip(f"{party.name} — {party_state_label(party.state)}")
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{display_text(party.name, limit=80)} — {party_state_label(party.state)}"
        if role == PartyRoles.STATE:
            return party.state.value
        if role == PartyRoles.ROLE:
            return party.role.value
        if role == PartyRoles.PARTY_ID:
            return party.id
        return None


class PartyDelegate(QStyledItemDelegate):
    def __init__(self, parent: QObject, theme: Theme = LIGHT) -> None:
        super().__init__(parent)
        self.theme = theme

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:
        fm = option.fontMetrics
        return QSize(160, int(fm.height() * 2.6))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        rect = QRectF(option.rect).adjusted(10, 4, -8, -4)
        state = PartyState(str(index.data(PartyRoles.STATE)))
        role = PartyRole(str(index.data(PartyRoles.ROLE)))
        fm = option.fontMetrics
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        dot = QColor(self.theme.green if state is PartyState.CONNECTED else self.theme.muted)
        side = fm.height() * 0.55
        dot_rect = QRectF(rect.left(), rect.top() + (fm.height() - side) / 2 + 1, side, side)
        painter.setPen(dot)
        painter.setBrush(dot if state is PartyState.CONNECTED else Qt.BrushStyle.NoBrush)
        painter.drawEllipse(dot_rect)
        text_left = dot_rect.right() + 8
        painter.setPen(self.theme.text)
        name_rect = QRectF(text_left, rect.top(), rect.right() - text_left, fm.height())
        shown = display_text(str(index.data()), limit=80)
        name = fm.elidedText(shown, Qt.TextElideMode.ElideRight, int(name_rect.width()))
        painter.drawText(name_rect, int(Qt.AlignmentFlag.AlignLeft), name)
        painter.setPen(self.theme.muted)
        role_text = {
            PartyRole.CUSTOMER: self.tr("Contact"),
            PartyRole.AGENT: self.tr("You"),
            PartyRole.COLLEAGUE: self.tr("Colleague"),
            PartyRole.SYSTEM: self.tr("System"),
        }[role]
        detail = f"{role_text} · {party_state_label(state)}"
        detail_rect = QRectF(
            text_left, rect.top() + fm.height() + 1, name_rect.width(), fm.height()
        )
        painter.drawText(detail_rect, int(Qt.AlignmentFlag.AlignLeft), detail)
        painter.restore()


class PartyListView(QListView):
    def __init__(self, record: InteractionRecord, theme: Theme, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("partyList")
        self.setAccessibleName(self.tr("Participants"))
        self.setModel(PartyModel(record, self))
        self._delegate = PartyDelegate(self, theme)
        self.setItemDelegate(self._delegate)
        self.setSelectionMode(QListView.SelectionMode.SingleSelection)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def set_theme(self, theme: Theme) -> None:
        self._delegate.theme = theme
        self.viewport().update()
