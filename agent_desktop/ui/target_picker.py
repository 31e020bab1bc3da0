"""The team member / queue chooser for a transfer, conference or consultation."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRectF,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QKeyEvent, QPainter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from agent_desktop.backends.base import Target
from agent_desktop.core.display import display_text
from agent_desktop.ui.theme import LIGHT, Theme
from agent_desktop.ui.wire_tooltip import wire_tooltip

ModelIndex = QModelIndex | QPersistentModelIndex

#: how long typing in the search field settles before the backend is asked
SEARCH_DELAY_MS = 150


def _tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate: module helpers, empty context


def presence_label(target: Target) -> str:
    if target.kind == "queue":
        return _tr("Queue")
    return {
        "ready": _tr("Ready"),
        "busy": _tr("Busy"),
        "away": _tr("Away"),
        "offline": _tr("Offline"),
    }.get(target.presence, target.presence)


def presence_color(target: Target, theme: Theme) -> QColor:
    if target.kind == "queue":
        return theme.accent
    return {"ready": theme.green, "busy": theme.red, "away": theme.yellow}.get(
        target.presence, theme.muted
    )


class TargetRoles(IntEnum):
    TARGET_ID = Qt.ItemDataRole.UserRole + 1
    KIND = Qt.ItemDataRole.UserRole + 2
    PRESENCE = Qt.ItemDataRole.UserRole + 3
    AVAILABLE = Qt.ItemDataRole.UserRole + 4


class TargetModel(QAbstractListModel):
    """Colleagues and queues; unavailable ones are shown but neither enabled nor selectable."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._targets: list[Target] = []

    def set_targets(self, targets: list[Target]) -> None:
        self.beginResetModel()
        # available first, then by kind (colleagues before queues), keeping the backend order
        self._targets = sorted(targets, key=lambda t: (not t.available, t.kind == "queue"))
        self.endResetModel()

    def target(self, row: int) -> Target | None:
        return self._targets[row] if 0 <= row < len(self._targets) else None

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._targets)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        target = self.target(index.row()) if index.isValid() else None
        if target is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return target.name
        if role == Qt.ItemDataRole.ToolTipRole:  # Qt would take a name like <b>x</b> as HTML
            return wire_tooltip(f"{target.name} — {presence_label(target)}")
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{display_text(target.name, limit=80)} — {presence_label(target)}"
        if role == TargetRoles.TARGET_ID:
            return target.id
        if role == TargetRoles.KIND:
            return target.kind
        if role == TargetRoles.PRESENCE:
            return target.presence
        if role == TargetRoles.AVAILABLE:
            return target.available
        return None

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        target = self.target(index.row()) if index.isValid() else None
        if target is None:
            return Qt.ItemFlag.NoItemFlags
        if not target.available:  # shown greyed, never chosen
            return Qt.ItemFlag.ItemNeverHasChildren
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )


class TargetDelegate(QStyledItemDelegate):
    """Name, then a presence dot and its word (colour is never the only cue)."""

    def __init__(self, parent: QObject, theme: Theme = LIGHT) -> None:
        super().__init__(parent)
        self.theme = theme
        self.model: TargetModel | None = None

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:
        return QSize(220, int(option.fontMetrics.height() * 2.5))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        model = index.model()
        target = model.target(index.row()) if isinstance(model, TargetModel) else None
        if target is None:
            return
        theme = self.theme
        fm = option.fontMetrics
        rect = QRectF(option.rect).adjusted(10, 2, -10, -2)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if selected:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(theme.agent_bubble)
            painter.drawRoundedRect(QRectF(option.rect).adjusted(2, 1, -2, -1), 6, 6)
        available = target.available
        name_color = theme.text if available else theme.muted
        painter.setPen(theme.agent_bubble_text if selected else name_color)
        top = rect.top() + (rect.height() - 2 * fm.height()) / 2
        name_rect = QRectF(rect.left(), top, rect.width(), fm.height())
        painter.drawText(
            name_rect,
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            fm.elidedText(target.name, Qt.TextElideMode.ElideRight, int(rect.width())),
        )
        dot = presence_color(target, theme)
        if not available:
            dot = QColor(dot.red(), dot.green(), dot.blue(), 150)
        side = fm.height() * 0.5
        detail_top = top + fm.height()
        dot_rect = QRectF(rect.left(), detail_top + (fm.height() - side) / 2, side, side)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(dot)
        painter.drawEllipse(dot_rect)
        painter.setPen(theme.muted)
        painter.drawText(
            QRectF(dot_rect.right() + 6, detail_top, rect.width(), fm.height()),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            presence_label(target),
        )
        painter.restore()


class TargetPicker(QDialog):
    """A popup: search field over a list of colleagues (and queues); emits the choice."""

    searchRequested = Signal(str)
    chosen = Signal(object)  # Target

    def __init__(
        self,
        title: str,
        theme: Theme,
        *,
        queues: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("targetPicker")
        self.setAccessibleName(title)
        self.setWindowTitle(title)
        self.setModal(False)
        self._queues = queues
        self.heading = QLabel(title, self)
        self.heading.setObjectName("sectionTitle")
        self.search = QLineEdit(self)
        self.search.setObjectName("targetSearch")
        self.search.setAccessibleName(_tr("Search colleagues"))
        self.search.setPlaceholderText(
            _tr("Search colleagues and queues") if queues else _tr("Search colleagues")
        )
        self.search.setClearButtonEnabled(True)
        self.model = TargetModel(self)
        self.list = QListView(self)
        self.list.setObjectName("targetList")
        self.list.setAccessibleName(_tr("Colleagues and queues"))
        self.list.setModel(self.model)
        self.delegate = TargetDelegate(self.list, theme)
        self.list.setItemDelegate(self.delegate)
        self.list.setSelectionMode(QListView.SelectionMode.SingleSelection)
        self.list.setMinimumHeight(280)
        self.empty = QLabel(_tr("Nobody matches."), self)
        self.empty.setObjectName("targetEmpty")
        self.empty.setVisible(False)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setObjectName("chooseTargetButton")
        self.ok_button.setText(_tr("Choose"))
        self.ok_button.setAccessibleName(_tr("Choose"))
        self.ok_button.setEnabled(False)
        box = QVBoxLayout(self)
        box.addWidget(self.heading)
        box.addWidget(self.search)
        box.addWidget(self.list, 1)
        box.addWidget(self.empty)
        box.addWidget(self.buttons)
        self.resize(340, 420)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(lambda: self.searchRequested.emit(self.query()))
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.search.returnPressed.connect(self._choose_selected)
        self.list.activated.connect(lambda _index: self._choose_selected())
        self.list.selectionModel().selectionChanged.connect(self._sync_ok)
        self.buttons.accepted.connect(self._choose_selected)
        self.buttons.rejected.connect(self.reject)
        self.search.installEventFilter(self)

    def query(self) -> str:
        return self.search.text().strip()

    def set_theme(self, theme: Theme) -> None:
        self.delegate.theme = theme
        self.list.viewport().update()

    def set_targets(self, query: str, targets: list[Target]) -> None:
        """Show the backend's answer to ``query`` (a stale answer is ignored)."""
        if query != self.query():
            return
        if not self._queues:
            targets = [t for t in targets if t.kind != "queue"]
        self.model.set_targets(targets)
        self.empty.setVisible(not targets)
        self._sync_ok()

    def selected(self) -> Target | None:
        rows = self.list.selectionModel().selectedRows()
        return self.model.target(rows[0].row()) if rows else None

    def select_name(self, name: str) -> bool:
        """Select the available target called ``name`` (automation and tests)."""
        for row in range(self.model.rowCount()):
            index = self.model.index(row, 0)
            if index.data() == name and index.flags() & Qt.ItemFlag.ItemIsSelectable:
                self.list.setCurrentIndex(index)
                return True
        return False

    def _sync_ok(self) -> None:
        self.ok_button.setEnabled(self.selected() is not None)

    def _choose_selected(self) -> None:
        target = self.selected()
        if target is None:
            return
        self.chosen.emit(target)
        self.accept()

    def eventFilter(self, watched: QObject, event: Any) -> bool:
        # Down from the search field walks into the list
        if (
            watched is self.search
            and isinstance(event, QKeyEvent)
            and event.type() == QKeyEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Down
        ):
            self.list.setFocus()
            for row in range(self.model.rowCount()):
                index = self.model.index(row, 0)
                if index.flags() & Qt.ItemFlag.ItemIsSelectable:
                    self.list.setCurrentIndex(index)
                    break
            return True
        return super().eventFilter(watched, event)
