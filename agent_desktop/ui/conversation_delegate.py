"""Paints conversation rows: bubbles (with image thumbnails), interaction separators, matches.

Also the live chat transcript's delegate, so that images show as thumbnails there too: a
model without a thumbnail role (the chat's :class:`TranscriptModel`) gets them made here from
the message's image, cached.
"""

from __future__ import annotations

from collections import OrderedDict

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QFontMetricsF, QImage, QPainter, QPen
from PySide6.QtWidgets import QAbstractItemView, QStyleOptionViewItem

from agent_desktop.core.linkify import LinkSpan
from agent_desktop.core.models import Message
from agent_desktop.core.types import PartyRole
from agent_desktop.services.image_loader import thumbnail
from agent_desktop.ui.conversation_model import THUMBNAIL_SIDE, ConversationRoles
from agent_desktop.ui.message_delegate import MARGIN, MessageDelegate
from agent_desktop.ui.theme import LIGHT, Theme
from agent_desktop.ui.transcript_model import Roles, TranscriptModel

ModelIndex = QModelIndex | QPersistentModelIndex

THUMB_GAP = 6
SEPARATOR_HEIGHT_PAD = 14
_THUMBNAIL_CACHE = 100


class ConversationDelegate(MessageDelegate):
    """A :class:`MessageDelegate` that also draws separators, thumbnails and search hits."""

    def __init__(self, view: QAbstractItemView, theme: Theme = LIGHT) -> None:
        super().__init__(view, theme)
        self._thumbnails: OrderedDict[str, QImage] = OrderedDict()

    def thumbnail(self, index: ModelIndex) -> QImage | None:
        """The row's thumbnail: the model's, or made from the message's image."""
        model = index.model()
        if isinstance(model, TranscriptModel):
            # no thumbnail role there: one Python call for the message, not two through Qt
            message = model.data(index, Roles.MESSAGE)
        else:
            image = index.data(ConversationRoles.THUMBNAIL)
            if isinstance(image, QImage):
                return image
            message = index.data(Roles.MESSAGE)
        if not isinstance(message, Message) or message.image is None:
            return None
        key = message.txn_id or message.id
        cached = self._thumbnails.get(key)
        if cached is None:
            cached = thumbnail(message.image, THUMBNAIL_SIDE)
            self._thumbnails[key] = cached
            if len(self._thumbnails) > _THUMBNAIL_CACHE:
                self._thumbnails.popitem(last=False)
        return None if cached.isNull() else cached

    def _is_separator(self, index: ModelIndex) -> bool:
        # the chat's TranscriptModel has no separator rows (and no KIND role to ask)
        if isinstance(index.model(), TranscriptModel):
            return False
        return bool(index.data(ConversationRoles.KIND) == "separator")

    def link_at(self, index: ModelIndex, rect: QRect, pos: QPoint, base: QFont) -> LinkSpan | None:
        return None if self._is_separator(index) else super().link_at(index, rect, pos, base)

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:
        model = index.model()
        if isinstance(model, TranscriptModel):
            # the chat's transcript asks for every row at each layout: one read of the row,
            # no separator to look for, the cached size as is when there is no image
            message, header, day_start = model.row_at(index.row())
            fonts = self._fonts(option.font)
            size = self._size(message, header, day_start, fonts, self._available())
            if message.image is None:
                return size
        if self._is_separator(index):
            height = QFontMetricsF(option.font).height() + 2 * SEPARATOR_HEIGHT_PAD
            return QSize(int(self._available()), int(height))
        # a copy: the base class hands out its cached sizes
        size = QSize(super().sizeHint(option, index))
        image = self.thumbnail(index)
        if image is not None:
            size.setHeight(size.height() + image.height() + THUMB_GAP)
        return size

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        theme = self.theme
        rect = QRectF(option.rect)
        if self._is_separator(index):
            self._paint_separator(painter, option, index)
            return
        match = int(index.data(ConversationRoles.MATCH) or 0)
        if match:
            color = QColor(theme.yellow)
            color.setAlpha(70 if match == 2 else 28)
            painter.fillRect(rect, color)
            if match == 2:  # the current match also gets a bar at the edge
                painter.fillRect(QRectF(rect.left(), rect.top(), 3, rect.height()), theme.accent)
        image = self.thumbnail(index)
        if image is None:
            super().paint(painter, option, index)
            return
        text_option = QStyleOptionViewItem(option)
        text_rect = QRect(option.rect)
        text_rect.setHeight(option.rect.height() - image.height() - THUMB_GAP)
        text_option.rect = text_rect
        super().paint(painter, text_option, index)
        mine = index.data(Roles.AUTHOR_ROLE) == PartyRole.AGENT.value
        top = rect.top() + text_rect.height() + THUMB_GAP / 2
        left = rect.right() - MARGIN - image.width() if mine else rect.left() + MARGIN
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        target = QRectF(left, top, image.width(), image.height())
        painter.drawImage(target, image)
        painter.setPen(QPen(theme.border, 1))
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(target.adjusted(0.5, 0.5, -0.5, -0.5), 4, 4)
        painter.restore()

    def _paint_separator(
        self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex
    ) -> None:
        theme = self.theme
        rect = QRectF(option.rect)
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        font = option.font
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.85))
        metrics = QFontMetricsF(font)
        width = min(metrics.horizontalAdvance(text), rect.width() - 2 * MARGIN - 40)
        text = metrics.elidedText(text, Qt.TextElideMode.ElideRight, width)
        middle = rect.center().y()
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(theme.border, 1))
        gap = 10.0
        text_left = rect.center().x() - width / 2
        painter.drawLine(QPointF(rect.left() + MARGIN, middle), QPointF(text_left - gap, middle))
        painter.drawLine(
            QPointF(text_left + width + gap, middle), QPointF(rect.right() - MARGIN, middle)
        )
        painter.setFont(font)
        painter.setPen(theme.muted)
        painter.drawText(
            QRectF(text_left, rect.top(), width, rect.height()),
            int(Qt.AlignmentFlag.AlignCenter),
            text,
        )
        painter.restore()
