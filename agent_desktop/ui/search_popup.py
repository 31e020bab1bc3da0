"""A search field over a list, floating over its parent widget (not a separate window,
so the composer can keep the focus while it filters)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRect,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGraphicsDropShadowEffect,
    QLineEdit,
    QListView,
    QVBoxLayout,
    QWidget,
)

ModelIndex = QModelIndex | QPersistentModelIndex
T = TypeVar("T")

NAVIGATION_KEYS = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)


class RowListModel(QAbstractListModel, Generic[T]):
    """A flat list of items for a :class:`SearchPopup`; subclasses answer :meth:`item_data`
    and may disable rows in :meth:`item_enabled`."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[T] = []

    def set_items(self, items: Sequence[T]) -> None:
        self.beginResetModel()
        self._rows = list(items)
        self.endResetModel()

    def item(self, row: int) -> T | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def item_data(self, item: T, role: int) -> Any:
        raise NotImplementedError

    def item_enabled(self, item: T) -> bool:
        return True

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        item = self.item(index.row()) if index.isValid() else None
        return None if item is None else self.item_data(item, role)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        item = self.item(index.row()) if index.isValid() else None
        if item is None or not self.item_enabled(item):
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


class SearchPopup(QFrame):
    """``search`` filters ``list``; Up/Down move, Enter chooses (``chosen(row)``), Escape
    closes (``cancelled``). Subclasses set the model and answer :meth:`refilter`."""

    chosen = Signal(int)
    cancelled = Signal()

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.list = QListView(self)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setUniformItemSizes(False)
        self.list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.list.activated.connect(self._activated)
        self.list.clicked.connect(self._activated)
        self.box = QVBoxLayout(self)
        self.box.setContentsMargins(8, 8, 8, 8)
        self.box.setSpacing(6)
        self.box.addWidget(self.search)
        self.box.addWidget(self.list, 1)
        shadow = QGraphicsDropShadowEffect(self)
        shadow.setBlurRadius(24)
        shadow.setOffset(0, 4)
        shadow.setColor(Qt.GlobalColor.gray)
        self.setGraphicsEffect(shadow)
        self.search.textChanged.connect(self._search_changed)
        self.search.installEventFilter(self)
        self.hide()

    # subclasses --------------------------------------------------------------------------
    def refilter(self, query: str) -> None:
        raise NotImplementedError

    def place(self) -> QRect:
        """Where to show in the parent's coordinates."""
        raise NotImplementedError

    # behaviour ---------------------------------------------------------------------------
    def open(self, query: str = "", *, focus_search: bool = True) -> None:
        self.search.blockSignals(True)
        self.search.setText(query)
        self.search.blockSignals(False)
        self.refilter(query)
        self.select_row(0)
        self.setGeometry(self.place())
        self.show()
        self.raise_()
        if focus_search:
            self.search.setFocus(Qt.FocusReason.PopupFocusReason)

    def close_popup(self) -> None:
        if self.isVisible():
            self.hide()
            self.cancelled.emit()

    def _search_changed(self, text: str) -> None:
        self.refilter(text)
        self.select_row(0)

    def select_row(self, row: int) -> None:
        model = self.list.model()
        if model is None or model.rowCount() == 0:
            return
        row = max(0, min(row, model.rowCount() - 1))
        index = model.index(row, 0)
        self.list.setCurrentIndex(index)
        self.list.scrollTo(index)

    def current_row(self) -> int:
        index = self.list.currentIndex()
        return index.row() if index.isValid() else -1

    def choose_current(self) -> bool:
        row = self.current_row()
        if row < 0:
            return False
        self.hide()
        self.chosen.emit(row)
        return True

    def _activated(self, index: QModelIndex) -> None:
        self.list.setCurrentIndex(index)
        self.choose_current()

    def handle_key(self, event: QKeyEvent) -> bool:
        """Keys typed in the search field, or in a field that drives this popup (the
        composer after ``/``): True when the popup used the key."""
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return self.choose_current() or True
        if key == Qt.Key.Key_Escape:
            self.close_popup()
            return True
        if key in NAVIGATION_KEYS:
            step = {
                Qt.Key.Key_Up: -1,
                Qt.Key.Key_Down: 1,
                Qt.Key.Key_PageUp: -8,
                Qt.Key.Key_PageDown: 8,
            }[Qt.Key(key)]
            self.select_row(max(0, self.current_row()) + step)
            return True
        return False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if self.handle_key(event):
                return True
        return super().eventFilter(watched, event)
