"""Paints transcript rows as chat bubbles; sizes come from font metrics, never widgets."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from typing import cast

from PySide6.QtCore import (
    QDateTime,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QTextCharFormat,
    QTextLayout,
    QTextLine,
    QTextOption,
)
from PySide6.QtWidgets import QAbstractItemView, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from agent_desktop.core.display import display_text
from agent_desktop.core.linkify import LinkSpan, find_links
from agent_desktop.core.types import DeliveryState, PartyRole
from agent_desktop.ui.theme import LIGHT, Theme
from agent_desktop.ui.transcript_model import Roles

ModelIndex = QModelIndex | QPersistentModelIndex

MARGIN = 14.0  # between the view's edge and a bubble
PAD_X = 11.0  # inside a bubble
PAD_Y = 7.0
ROW_GAP = 3.0  # between two bubbles of one author
GROUP_GAP = 10.0  # before a new author's first bubble
RADIUS = 10.0
MAX_BUBBLE_FRACTION = 0.72
MAX_BUBBLE_WIDTH = 620.0
GROUP_WINDOW_S = 300.0  # same author within this gap: no repeated header
_CACHE_SIZE = 20_000
#: characters painted of one message; longer ones are cut with an ellipsis (no freeze)
DISPLAY_LIMIT = 6_000


def _text_option() -> QTextOption:
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    return option


def layout_text(
    text: str,
    font: QFont,
    width: float,
    formats: Sequence[QTextLayout.FormatRange] = (),
) -> tuple[QTextLayout, float, float]:
    """Lay ``text`` out in ``width``; returns the layout, its height and its widest line."""
    layout = QTextLayout(text, font)
    layout.setTextOption(_text_option())
    if formats:
        layout.setFormats(list(formats))
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


def _cursor_x(line: QTextLine, position: int) -> float:
    # PySide6 returns (x, position) here; its stub says object
    x, _ = cast(tuple[float, int], line.cursorToX(position))
    return float(x)


class MessageDelegate(QStyledItemDelegate):
    """Contact on the left, agent on the right, system notes centred."""

    def __init__(self, view: QAbstractItemView, theme: Theme = LIGHT) -> None:
        super().__init__(view)
        self._view = view
        self.theme = theme
        self._shown: OrderedDict[str, tuple[int, str]] = OrderedDict()
        self._sizes: OrderedDict[tuple[str, int, str, bool], tuple[float, float]] = OrderedDict()
        self._links: OrderedDict[tuple[str, str], list[LinkSpan]] = OrderedDict()

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self._view.viewport().update()

    def clear_cache(self) -> None:
        self._sizes.clear()

    # geometry -------------------------------------------------------------------------
    def _fonts(self, base: QFont) -> tuple[QFont, QFont]:
        header = QFont(base)
        header.setPointSizeF(max(7.0, base.pointSizeF() * 0.85))
        return base, header

    @staticmethod
    def _shows_header(index: ModelIndex) -> bool:
        if index.row() == 0:
            return True
        previous = index.model().index(index.row() - 1, 0)
        if previous.data(Roles.AUTHOR_ID) != index.data(Roles.AUTHOR_ID):
            return True
        gap = float(index.data(Roles.TIME) or 0) - float(previous.data(Roles.TIME) or 0)
        return gap > GROUP_WINDOW_S

    def _available(self) -> float:
        return float(max(120, self._view.viewport().width()))

    def _bubble_max(self, available: float) -> float:
        return min(MAX_BUBBLE_WIDTH, (available - 2 * MARGIN) * MAX_BUBBLE_FRACTION)

    def _measure(self, index: ModelIndex, font: QFont) -> tuple[float, float]:
        """(text height, text width) of the message at ``index`` for the current width."""
        text = self.shown_text(index)
        role = str(index.data(Roles.AUTHOR_ROLE))
        width = self._bubble_max(self._available()) - 2 * PAD_X
        if role == PartyRole.SYSTEM.value:
            width = self._available() - 2 * MARGIN
        key = (str(index.data(Roles.MESSAGE_ID)), int(width), font.key(), False)
        cached = self._sizes.get(key)
        if cached is not None:
            self._sizes.move_to_end(key)
            return cached
        _, height, widest = layout_text(text, font, width)
        result = (height, widest)
        self._sizes[key] = result
        if len(self._sizes) > _CACHE_SIZE:
            self._sizes.popitem(last=False)
        return result

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:
        body_font, header_font = self._fonts(option.font)
        text_h, _ = self._measure(index, body_font)
        header = self._shows_header(index)
        top = GROUP_GAP if header else ROW_GAP
        height = top + text_h + 2 * PAD_Y
        if header:
            height += QFontMetricsF(header_font).height() + 3
        return QSize(int(self._available()), int(height + 0.999))

    # painting -------------------------------------------------------------------------
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        theme = self.theme
        rect = QRectF(option.rect)
        body_font, header_font = self._fonts(option.font)
        role = str(index.data(Roles.AUTHOR_ROLE))
        text = self.shown_text(index)
        header = self._shows_header(index)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        y = rect.top() + (GROUP_GAP if header else ROW_GAP)

        if role == PartyRole.SYSTEM.value:
            width = rect.width() - 2 * MARGIN
            formats = self._link_formats(index, text, theme.link)
            layout, _, widest = layout_text(text, body_font, width, formats)
            painter.setPen(theme.system_text)
            layout.draw(painter, QPointF(rect.left() + MARGIN + (width - widest) / 2, y + PAD_Y))
            painter.restore()
            return

        mine = role == PartyRole.AGENT.value
        max_w = self._bubble_max(rect.width())
        formats = self._link_formats(index, text, theme.link)
        layout, text_h, widest = layout_text(text, body_font, max_w - 2 * PAD_X, formats)
        header_fm = QFontMetricsF(header_font)
        header_text = ""
        if header:
            header_text = self._header_text(index)
        status_text, status_failed = self._status(index) if mine else ("", False)
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

    def _status(self, index: ModelIndex) -> tuple[str, bool]:
        state = DeliveryState(str(index.data(Roles.DELIVERY)))
        if state is DeliveryState.SENDING:
            return self.tr("Sending…"), False
        if state is DeliveryState.FAILED:
            return self.tr("Not sent · click to retry"), True
        if state is DeliveryState.DELIVERED:
            return self.tr("Delivered"), False
        if state is DeliveryState.READ:
            return self.tr("Read"), False
        return "", False

    @staticmethod
    def _header_text(index: ModelIndex) -> str:
        when = QDateTime.fromMSecsSinceEpoch(int(float(index.data(Roles.TIME)) * 1000))
        author = display_text(str(index.data(Roles.AUTHOR)), limit=80)
        return f"{author}  ·  {when.toString('HH:mm')}"

    def shown_text(self, index: ModelIndex) -> str:
        """What is painted for the message: safe (core.display) and collapsed when huge."""
        raw = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        key = str(index.data(Roles.MESSAGE_ID))
        cached = self._shown.get(key)
        if cached is not None and cached[0] == len(raw):
            return cached[1]
        shown = display_text(raw, limit=DISPLAY_LIMIT)
        self._shown[key] = (len(raw), shown)
        if len(self._shown) > _CACHE_SIZE:
            self._shown.popitem(last=False)
        return shown

    # links ----------------------------------------------------------------------------
    def links(self, index: ModelIndex) -> list[LinkSpan]:
        """The URLs, e-mail addresses and phone numbers in the message (cached)."""
        text = self.shown_text(index)
        key = (str(index.data(Roles.MESSAGE_ID)), text)
        found = self._links.get(key)
        if found is None:
            found = find_links(text)
            self._links[key] = found
            if len(self._links) > _CACHE_SIZE:
                self._links.popitem(last=False)
        return found

    def _link_formats(
        self, index: ModelIndex, text: str, color: QColor
    ) -> list[QTextLayout.FormatRange]:
        ranges = []
        for span in self.links(index):
            char_format = QTextCharFormat()
            char_format.setForeground(color)
            char_format.setFontUnderline(True)
            char_format.setAnchor(True)
            char_format.setAnchorHref(span.target)
            link = QTextLayout.FormatRange()
            link.start, link.length, link.format = span.start, span.end - span.start, char_format
            ranges.append(link)
        return ranges

    def _text_placement(self, index: ModelIndex, rect: QRectF, base: QFont) -> tuple[str, QPointF]:
        """Where :meth:`paint` draws the message text in ``rect``: (text, top-left).

        Mirrors the geometry of :meth:`paint`; a UI test clicks a link to keep them in step.
        """
        body_font, header_font = self._fonts(base)
        role = str(index.data(Roles.AUTHOR_ROLE))
        text = self.shown_text(index)
        header = self._shows_header(index)
        y = rect.top() + (GROUP_GAP if header else ROW_GAP)
        if role == PartyRole.SYSTEM.value:
            width = rect.width() - 2 * MARGIN
            _, _, widest = layout_text(text, body_font, width)
            return text, QPointF(rect.left() + MARGIN + (width - widest) / 2, y + PAD_Y)
        mine = role == PartyRole.AGENT.value
        max_w = self._bubble_max(rect.width())
        _, _, widest = layout_text(text, body_font, max_w - 2 * PAD_X)
        header_fm = QFontMetricsF(header_font)
        bubble_w = max(widest + 2 * PAD_X, 44.0)
        if header:
            header_text = self._header_text(index)
            bubble_w = max(bubble_w, min(max_w, header_fm.horizontalAdvance(header_text)))
            y += header_fm.height() + 3
        bubble_w = min(bubble_w, max_w)
        left = rect.right() - MARGIN - bubble_w if mine else rect.left() + MARGIN
        return text, QPointF(left + PAD_X, y + PAD_Y)

    def _placed_layout(
        self, index: ModelIndex, rect: QRect, base: QFont
    ) -> tuple[QTextLayout, QPointF]:
        text, origin = self._text_placement(index, QRectF(rect), base)
        body_font, _ = self._fonts(base)
        role = str(index.data(Roles.AUTHOR_ROLE))
        width = (
            QRectF(rect).width() - 2 * MARGIN
            if role == PartyRole.SYSTEM.value
            else self._bubble_max(QRectF(rect).width()) - 2 * PAD_X
        )
        layout, _, _ = layout_text(text, body_font, width)
        return layout, origin

    def link_point(self, index: ModelIndex, rect: QRect, span: LinkSpan, base: QFont) -> QPoint:
        """The middle of the first character of ``span`` on screen (for automation)."""
        layout, origin = self._placed_layout(index, rect, base)
        line = layout.lineForTextPosition(span.start)
        x0 = _cursor_x(line, span.start)
        x1 = _cursor_x(line, min(span.start + 1, line.textStart() + line.textLength()))
        return QPoint(
            round(origin.x() + (x0 + x1) / 2), round(origin.y() + line.y() + line.height() / 2)
        )

    def link_at(self, index: ModelIndex, rect: QRect, pos: QPoint, base: QFont) -> LinkSpan | None:
        """The link under ``pos`` (view coordinates) in the row at ``index`` drawn in ``rect``."""
        spans = self.links(index)
        if not spans:
            return None
        layout, origin = self._placed_layout(index, rect, base)
        x = pos.x() - origin.x()
        y = pos.y() - origin.y()
        for number in range(layout.lineCount()):
            line = layout.lineAt(number)
            if not line.y() <= y < line.y() + line.height():
                continue
            if not 0 <= x <= line.naturalTextWidth():
                return None
            cursor = line.xToCursor(x, QTextLine.CursorPosition.CursorOnCharacter)
            return next((s for s in spans if s.start <= cursor < s.end), None)
        return None
