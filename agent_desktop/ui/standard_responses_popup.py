"""The standard responses picker: search, category filter and a list with previews."""

from __future__ import annotations

from enum import IntEnum
from typing import Any

from PySide6.QtCore import (
    QObject,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QFontMetricsF, QPainter
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from agent_desktop.core.standard_responses import ResponseLibrary, StandardResponse
from agent_desktop.ui.search_popup import ModelIndex, RowListModel, SearchPopup
from agent_desktop.ui.theme import LIGHT, Theme


class ResponseRoles(IntEnum):
    ID = Qt.ItemDataRole.UserRole
    TEXT = Qt.ItemDataRole.UserRole + 1
    CATEGORY = Qt.ItemDataRole.UserRole + 2


class ResponseListModel(RowListModel[StandardResponse]):
    """One row per response: ``DisplayRole`` title, ``UserRole`` id, text and category."""

    def response(self, row: int) -> StandardResponse | None:
        return self.item(row)

    def item_data(self, response: StandardResponse, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return response.title
        if role in (Qt.ItemDataRole.ToolTipRole, ResponseRoles.TEXT):
            return response.text
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{response.title}: {response.text}"
        if role == ResponseRoles.ID:
            return response.id
        if role == ResponseRoles.CATEGORY:
            return response.category
        return None


class ResponseDelegate(QStyledItemDelegate):
    """Title and category on the first line, the text's start below, muted."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.theme: Theme = LIGHT

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:
        height = QFontMetricsF(option.font).height() * 2 + 14
        return QSize(200, int(height))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        theme = self.theme
        painter.save()
        rect = QRectF(option.rect).adjusted(8, 5, -8, -5)
        if option.state & QStyle.StateFlag.State_Selected:
            painter.fillRect(option.rect, theme.accent)
            text_color = muted = theme.accent_text
        else:
            text_color, muted = theme.text, theme.muted
        fm = QFontMetricsF(option.font)
        bold = QFont(option.font)
        bold.setBold(True)
        category = str(index.data(ResponseRoles.CATEGORY) or "")
        category_w = fm.horizontalAdvance(category) + 8 if category else 0.0
        painter.setPen(muted)
        painter.setFont(option.font)
        painter.drawText(
            QRectF(rect.right() - category_w, rect.top(), category_w, fm.height()),
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            category,
        )
        painter.setPen(text_color)
        painter.setFont(bold)
        title = QFontMetricsF(bold).elidedText(
            str(index.data()), Qt.TextElideMode.ElideRight, rect.width() - category_w
        )
        painter.drawText(QRectF(rect.left(), rect.top(), rect.width(), fm.height()), 0, title)
        painter.setFont(option.font)
        painter.setPen(muted)
        preview = " ".join(str(index.data(ResponseRoles.TEXT) or "").split())
        preview = fm.elidedText(preview, Qt.TextElideMode.ElideRight, rect.width())
        painter.drawText(
            QRectF(rect.left(), rect.top() + fm.height() + 2, rect.width(), fm.height()), 0, preview
        )
        painter.restore()


class StandardResponsePopup(SearchPopup):
    """Floats above a chat view's composer; ``responseChosen(response)`` on Enter / click."""

    responseChosen = Signal(object)  # StandardResponse

    def __init__(self, host: QWidget, anchor: QWidget, language: str) -> None:
        super().__init__(host)
        self.setObjectName("standardResponses")
        self.setAccessibleName(self.tr("Standard responses"))
        self._anchor = anchor
        self.language = language
        self.library = ResponseLibrary()
        self.search.setObjectName("standardResponseSearch")
        self.search.setAccessibleName(self.tr("Search standard responses"))
        self.search.setPlaceholderText(self.tr("Search standard responses"))
        self.category = QComboBox(self)
        self.category.setObjectName("standardResponseCategory")
        self.category.setAccessibleName(self.tr("Category"))
        self.category.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.list.setObjectName("standardResponseList")
        self.list.setAccessibleName(self.tr("Standard responses"))
        self.model = ResponseListModel(self)
        self.list.setModel(self.model)
        self.delegate = ResponseDelegate(self.list)
        self.list.setItemDelegate(self.delegate)
        self.empty = QLabel(self)
        self.empty.setObjectName("standardResponseEmpty")
        self.empty.setTextFormat(Qt.TextFormat.PlainText)
        self.empty.setWordWrap(True)
        self.empty.hide()
        row = QHBoxLayout()
        row.setSpacing(6)
        row.addWidget(self.search, 1)
        row.addWidget(self.category)
        self.box.removeWidget(self.search)
        self.box.insertLayout(0, row)
        self.box.addWidget(self.empty)
        hint = QLabel(self.tr("Enter inserts · Esc closes"), self)
        hint.setObjectName("popupHint")
        self.hint = hint
        self.box.addWidget(hint)
        self.category.currentIndexChanged.connect(
            lambda _i: self._search_changed(self.search.text())
        )
        self.chosen.connect(self._row_chosen)

    def set_theme(self, theme: Theme) -> None:
        self.delegate.theme = theme
        self.hint.setStyleSheet(f"color: {theme.muted.name()};")
        self.empty.setStyleSheet(f"color: {theme.muted.name()};")

    def set_library(self, library: ResponseLibrary) -> None:
        self.library = library
        current = self.category.currentData()
        self.category.blockSignals(True)
        self.category.clear()
        self.category.addItem(self.tr("All categories"), None)
        for name in library.categories(self.language):
            self.category.addItem(name, name)
        found = self.category.findData(current)
        self.category.setCurrentIndex(max(0, found))
        self.category.blockSignals(False)
        if self.isVisible():
            self._search_changed(self.search.text())

    def refilter(self, query: str) -> None:
        category = self.category.currentData()
        found = self.library.search(
            query, category=category if isinstance(category, str) else None, language=self.language
        )
        self.model.set_items(found)
        if not len(self.library):
            self.empty.setText(self.tr("No standard responses are available."))
        else:
            self.empty.setText(self.tr("No standard response matches “{0}”.").format(query))
        self.empty.setVisible(not found)

    def place(self) -> QRect:
        host = self.parentWidget()
        assert host is not None
        top_left = self._anchor.mapTo(host, self._anchor.rect().topLeft())
        width = min(560, max(280, host.width() - 24))
        height = min(340, max(160, top_left.y() - 8))
        x = max(8, min(top_left.x(), host.width() - width - 8))
        return QRect(x, max(4, top_left.y() - height - 4), width, height)

    def _row_chosen(self, row: int) -> None:
        response = self.model.response(row)
        if response is not None:
            self.responseChosen.emit(response)
