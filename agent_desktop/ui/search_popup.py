"""A search field over a list, floating over its parent widget (not a separate window,
so the composer can keep the focus while it filters)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QModelIndex, QObject, QRect, Qt, Signal
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

NAVIGATION_KEYS = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)


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
