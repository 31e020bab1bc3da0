"""Paints transcript rows as chat bubbles; sizes come from font metrics, never widgets."""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import QDateTime, QModelIndex, QPersistentModelIndex, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QTextLayout, QTextOption
from PySide6.QtWidgets import QAbstractItemView, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from agent_desktop.core.models import Message
from agent_desktop.core.types import DeliveryState, PartyRole
from agent_desktop.ui.theme import LIGHT, Theme
from agent_desktop.ui.transcript_model import Roles, TranscriptModel

ModelIndex = QModelIndex | QPersistentModelIndex

MARGIN = 14.0  # between the view's edge and a bubble
PAD_X = 11.0  # inside a bubble
PAD_Y = 7.0
ROW_GAP = 3.0  # between two bubbles of one author
GROUP_GAP = 10.0  # before a new author's first bubble
RADIUS = 10.0
MAX_BUBBLE_FRACTION = 0.72
MAX_BUBBLE_WIDTH = 620.0
_CACHE_SIZE = 20_000
_LAYOUT_CACHE_SIZE = 64  # a few screens of text layouts (each holds its glyphs)


def _text_option() -> QTextOption:
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    return option


def layout_text(text: str, font: QFont, width: float) -> tuple[QTextLayout, float, float]:
    """Lay ``text`` out in ``width``; returns the layout, its height and its widest line."""
    layout = QTextLayout(text, font)
    layout.setTextOption(_text_option())
    layout.beginLayout()
    height = 0.0
    widest = 0.0
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        line.setPosition(QPointF(0, height))
        height += line.height()
        widest = max(widest, line.naturalTextWidth())
    layout.endLayout()
    return layout, height, widest


class MessageDelegate(QStyledItemDelegate):
    """Contact on the left, agent on the right, system notes centred.

    ``sizeHint`` runs for every row of the model at each layout of the view, so it reads the
    row in one ``data()`` call and keeps the result; ``paint`` keeps the last text layouts.
    """

    def __init__(self, view: QAbstractItemView, theme: Theme = LIGHT) -> None:
        super().__init__(view)
        self._view = view
        self.theme = theme
        self._sizes: OrderedDict[tuple[str, int, str, bool], QSize] = OrderedDict()
        self._layouts: OrderedDict[tuple[str, int, str], tuple[QTextLayout, float, float]] = (
            OrderedDict()
        )
        self._font_cache: tuple[QFont, QFont, QFont, str] | None = None

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self._view.viewport().update()

    def clear_cache(self) -> None:
        self._sizes.clear()
        self._layouts.clear()
        self._font_cache = None

    # geometry -------------------------------------------------------------------------
    def _fonts(self, base: QFont) -> tuple[QFont, QFont, str]:
        """(body font, header font, font key) for the view's font ``base``."""
        cached = self._font_cache
        if cached is not None and cached[0] == base:
            return cached[1], cached[2], cached[3]
        body = QFont(base)
        header = QFont(base)
        header.setPointSizeF(max(7.0, base.pointSizeF() * 0.85))
        key = base.key()
        self._font_cache = (QFont(base), body, header, key)
        return body, header, key

    @staticmethod
    def _row(index: ModelIndex) -> tuple[Message, bool]:
        model = index.model()
        if isinstance(model, TranscriptModel):  # one Python call instead of two data() calls
            return model.row_at(index.row())
        message = index.data(Roles.MESSAGE)
        assert isinstance(message, Message)
        return message, bool(index.data(Roles.GROUP_START))

    def _available(self) -> float:
        return float(max(120, self._view.viewport().width()))

    def _bubble_max(self, available: float) -> float:
        return min(MAX_BUBBLE_WIDTH, (available - 2 * MARGIN) * MAX_BUBBLE_FRACTION)

    def _text_width(self, message: Message, available: float) -> float:
        if message.author_role is PartyRole.SYSTEM:
            return available - 2 * MARGIN
        return self._bubble_max(available) - 2 * PAD_X

    def _layout(
        self, message: Message, font: QFont, font_key: str, width: float
    ) -> tuple[QTextLayout, float, float]:
        key = (message.id, int(width), font_key)
        cached = self._layouts.get(key)
        if cached is not None:
            self._layouts.move_to_end(key)
            return cached
        result = layout_text(message.text, font, width)
        self._layouts[key] = result
        if len(self._layouts) > _LAYOUT_CACHE_SIZE:
            self._layouts.popitem(last=False)
        return result

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:
        message, header = self._row(index)
        body_font, header_font, font_key = self._fonts(option.font)
        available = self._available()
        key = (message.id, int(available), font_key, header)
        cached = self._sizes.get(key)
        if cached is not None:
            return cached
        # not kept: most measured rows are never on screen (paint keeps its own few)
        _, text_h, _ = layout_text(message.text, body_font, self._text_width(message, available))
        height = (GROUP_GAP if header else ROW_GAP) + text_h + 2 * PAD_Y
        if header and message.author_role is not PartyRole.SYSTEM:
            height += QFontMetricsF(header_font).height() + 3
        size = QSize(int(available), int(height + 0.999))
        self._sizes[key] = size
        if len(self._sizes) > _CACHE_SIZE:
            self._sizes.popitem(last=False)
        return size

    # painting -------------------------------------------------------------------------
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        theme = self.theme
        rect = QRectF(option.rect)
        message, header = self._row(index)
        body_font, header_font, font_key = self._fonts(option.font)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        y = rect.top() + (GROUP_GAP if header else ROW_GAP)

        if message.author_role is PartyRole.SYSTEM:
            width = rect.width() - 2 * MARGIN
            layout, _, widest = self._layout(message, body_font, font_key, width)
            painter.setPen(theme.system_text)
            layout.draw(painter, QPointF(rect.left() + MARGIN + (width - widest) / 2, y + PAD_Y))
            painter.restore()
            return

        mine = message.author_role is PartyRole.AGENT
        max_w = self._bubble_max(rect.width())
        layout, text_h, widest = self._layout(message, body_font, font_key, max_w - 2 * PAD_X)
        header_fm = QFontMetricsF(header_font)
        header_text = ""
        if header:
            when = QDateTime.fromMSecsSinceEpoch(int(message.time * 1000))
            header_text = f"{message.author_name}  ·  {when.toString('HH:mm')}"
        status_text, status_failed = self._status(message) if mine else ("", False)
        bubble_w = max(widest + 2 * PAD_X, 44.0)
        if header_text:
            bubble_w = max(bubble_w, min(max_w, header_fm.horizontalAdvance(header_text)))
        bubble_w = min(bubble_w, max_w)
        left = rect.right() - MARGIN - bubble_w if mine else rect.left() + MARGIN

        if header_text:
            painter.setFont(header_font)
            painter.setPen(theme.muted)
            header_rect = QRectF(left, y, bubble_w, header_fm.height())
            align = Qt.AlignmentFlag.AlignRight if mine else Qt.AlignmentFlag.AlignLeft
            painter.drawText(header_rect, int(align | Qt.AlignmentFlag.AlignVCenter), header_text)
            y += header_fm.height() + 3

        bubble = QRectF(left, y, bubble_w, text_h + 2 * PAD_Y)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        fill = theme.agent_bubble if mine else theme.customer_bubble
        painter.setPen(theme.accent if selected else Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRoundedRect(bubble, RADIUS, RADIUS)
        painter.setPen(theme.agent_bubble_text if mine else theme.text)
        painter.setFont(body_font)
        layout.draw(painter, QPointF(bubble.left() + PAD_X, bubble.top() + PAD_Y))

        if status_text:
            painter.setFont(header_font)
            painter.setPen(theme.failed if status_failed else theme.muted)
            status_w = header_fm.horizontalAdvance(status_text) + 4
            status_rect = QRectF(
                bubble.left() - status_w - 6,
                bubble.bottom() - header_fm.height(),
                status_w,
                header_fm.height(),
            )
            painter.drawText(
                status_rect,
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom),
                status_text,
            )
        painter.restore()

    def _status(self, message: Message) -> tuple[str, bool]:
        state = message.delivery
        if state is DeliveryState.SENDING:
            return self.tr("Sending…"), False
        if state is DeliveryState.FAILED:
            return self.tr("Not sent · click to retry"), True
        if state is DeliveryState.DELIVERED:
            return self.tr("Delivered"), False
        if state is DeliveryState.READ:
            return self.tr("Read"), False
        return "", False
