"""Paints transcript rows as chat bubbles; sizes come from font metrics, never widgets.

A long message is painted collapsed (``core.display.collapse``: its first lines) with a
"Show more…" pill under it; a click on the pill, or Enter / Space on the row, opens its whole
text in a :class:`~agent_desktop.ui.message_viewer.MessageViewer`. So no row ever lays out
more than a few lines, whatever a contact sends.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import cache
from typing import NamedTuple, cast

from PySide6.QtCore import (
    QAbstractItemModel,
    QDate,
    QDateTime,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    QPointF,
    QRect,
    QRectF,
    QSize,
    QSizeF,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPen,
    QTextCharFormat,
    QTextLayout,
    QTextLine,
    QTextOption,
)
from PySide6.QtWidgets import QAbstractItemView, QStyle, QStyledItemDelegate, QStyleOptionViewItem

from agent_desktop.core.display import collapse, display_text
from agent_desktop.core.emoji import EmojiCatalog, default_catalog
from agent_desktop.core.linkify import LinkSpan, find_links
from agent_desktop.core.models import Message
from agent_desktop.core.types import DeliveryState, PartyRole
from agent_desktop.ui.emoji_images import EmojiImages
from agent_desktop.ui.message_viewer import MessageViewer
from agent_desktop.ui.theme import LIGHT, Theme
from agent_desktop.ui.transcript_model import (
    Roles,
    TranscriptModel,
    message_day,
    message_from_roles,
    starts,
)

ModelIndex = QModelIndex | QPersistentModelIndex

MARGIN = 14.0  # between the view's edge and a bubble
PAD_X = 11.0  # inside a bubble
PAD_Y = 7.0
ROW_GAP = 3.0  # between two bubbles of one author
GROUP_GAP = 10.0  # before a new author's first bubble
RADIUS = 10.0
MAX_BUBBLE_FRACTION = 0.72
MAX_BUBBLE_WIDTH = 620.0
#: messages whose size, shown text, links and emoji are kept: several times the rows a
#: transcript window holds. Not more: a full cache replaces an old entry with each new one,
#: which leaves CPython's young-object count unchanged, so the new entries pile up uncollected
#: until the next collection has to walk them all (20,000 made that a 6-12 ms pause)
_CACHE_SIZE = 1_000
_LAYOUT_CACHE_SIZE = 64  # a few screens of text layouts (each holds its glyphs)
#: the "Show more…" pill under a collapsed message
MORE_GAP = 6.0  # between the text and the pill
MORE_PAD_X = 10.0
MORE_PAD_Y = 3.0
MORE_COUNT_GAP = 8.0  # between the pill and the message's length beside it
#: an emoji image's side in its glyph's cell (the font's glyphs have side bearings)
EMOJI_SCALE = 0.86
DAY_PAD = 8.0  # above and below a day separator
HEADER_GAP = 3.0  # between the author header and the bubble
DISCARDED_OPACITY = 0.5  # a message the agent gave up (never sent)


@cache
def _text_option() -> QTextOption:
    """One option for every layout (QTextLayout.setTextOption copies it)."""
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


def utf16_positions(text: str) -> list[int] | None:
    """UTF-16 position (QTextLayout's) of each code point of ``text`` and of its end.

    ``None`` when they are the code point indices themselves (no character above U+FFFF).
    """
    if text.isascii() or max(text) <= "\uffff":  # both at C speed (paint asks per row)
        return None
    positions = [0]
    position = 0
    for c in text:
        position += 2 if ord(c) > 0xFFFF else 1
        positions.append(position)
    return positions


def _to_utf16(spans: Sequence[LinkSpan], positions: list[int] | None) -> list[LinkSpan]:
    if positions is None:
        return list(spans)
    return [replace(s, start=positions[s.start], end=positions[s.end]) for s in spans]


def _cursor_x(line: QTextLine, position: int) -> float:
    # PySide6 returns (x, position) here; its stub says object
    x, _ = cast(tuple[float, int], line.cursorToX(position))
    return float(x)


class _Fonts(NamedTuple):
    body: QFont
    header: QFont
    key: str  # the body font's key (size caches)
    header_h: float  # height of a header line
    strong: QFont  # the header font, semi-bold ("Show more…")


class _Placement(NamedTuple):
    """Where :meth:`MessageDelegate.paint` draws each part of a row (one geometry for all)."""

    message: Message
    layout: QTextLayout  # the shown text, links formatted
    origin: QPointF  # top-left of the text
    bubble: QRectF  # empty for a system note
    header_text: str  # empty when the row shows no author header
    header_rect: QRectF
    day: str | None  # the day separator's label above the row
    emoji: tuple[tuple[int, int, str], ...] = ()  # (start, end, emoji) drawn as images
    more: QRectF | None = None  # the "Show more…" pill of a collapsed message


class MessageDelegate(QStyledItemDelegate):
    """Contact on the left, agent on the right, system notes centred.

    ``sizeHint`` runs for every row of the model at each layout of the view, so it reads the
    row in one Python call (:meth:`TranscriptModel.row_at`) and keeps the result; ``paint``
    keeps the last text layouts. ``paint`` and the link hit-testing share
    :meth:`_place`, so a click lands on the character drawn under it.
    """

    def __init__(self, view: QAbstractItemView, theme: Theme = LIGHT) -> None:
        super().__init__(view)
        self._view = view
        self.theme = theme
        #: message id -> (length of its text, the text painted, whether it is collapsed)
        self._shown: OrderedDict[str, tuple[int, str, bool]] = OrderedDict()
        self._sizes: OrderedDict[tuple[str, int, int, str, bool, bool], QSize] = OrderedDict()
        self._layouts: OrderedDict[tuple[str, int, int, str], tuple[QTextLayout, float, float]] = (
            OrderedDict()
        )
        self._links: OrderedDict[tuple[str, str], list[LinkSpan]] = OrderedDict()
        self._font_cache: tuple[QFont, _Fonts] | None = None
        self._images: EmojiImages | None = None
        self._catalog: EmojiCatalog | None = None
        self._emoji: OrderedDict[tuple[str, str], tuple[tuple[int, int, str], ...]] = OrderedDict()
        self._viewer: MessageViewer | None = None
        view.activated.connect(self._activated)  # Enter (and a double click) on a row
        view.viewport().installEventFilter(self)  # a hand over the "Show more…" pill
        self._hand = False

    @property
    def draws_emoji_images(self) -> bool:
        """Whether emoji are painted with the bundled images (else with the font)."""
        return self._images is not None

    def set_emoji_images(
        self, images: EmojiImages | None, catalog: EmojiCatalog | None = None
    ) -> None:
        """Draw emoji with ``images`` (setting ``emoji.bundled_images``); ``None``: the font.

        Text, wrapping and links stay as the font lays them out: an image is painted over
        the emoji's own advance, so sizes and hit-testing do not change.
        """
        if images is self._images and (catalog is None or catalog is self._catalog):
            return
        self._images = images
        self._catalog = catalog if catalog is not None or images is None else default_catalog()
        self._emoji.clear()
        self._view.viewport().update()

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self._layouts.clear()  # they carry the link colour
        self._view.viewport().update()

    def clear_cache(self) -> None:
        self._sizes.clear()
        self._layouts.clear()
        self._font_cache = None

    # rows -----------------------------------------------------------------------------
    def _fonts(self, base: QFont) -> _Fonts:
        """Body and header fonts for the view's font ``base`` (kept while it is the same)."""
        cached = self._font_cache
        if cached is not None and cached[0] == base:
            return cached[1]
        body = QFont(base)
        header = QFont(base)
        header.setPointSizeF(max(7.0, base.pointSizeF() * 0.85))
        strong = QFont(header)
        strong.setWeight(QFont.Weight.DemiBold)
        fonts = _Fonts(body, header, base.key(), QFontMetricsF(header).height(), strong)
        self._font_cache = (QFont(base), fonts)
        return fonts

    @staticmethod
    def _row(index: ModelIndex) -> tuple[Message, bool, bool]:
        """(message, shows the author header, starts a day) of the row at ``index``."""
        model = index.model()
        if isinstance(model, TranscriptModel):  # one Python call instead of three data() calls
            return model.row_at(index.row())
        message = index.data(Roles.MESSAGE)
        group, day = index.data(Roles.GROUP_START), index.data(Roles.DAY_START)
        if isinstance(message, Message) and group is not None and day is not None:
            return message, bool(group), bool(day)
        # a model with the per-field roles only (conversation history, public posts)
        if not isinstance(message, Message):
            message = message_from_roles(index)
        previous = index.model().index(index.row() - 1, 0) if index.row() > 0 else None
        before = None
        if previous is not None and previous.isValid():
            earlier = previous.data(Roles.MESSAGE)
            before = earlier if isinstance(earlier, Message) else message_from_roles(previous)
        group_start, day_start = starts(before, message)
        return message, group_start, day_start

    def _shown_row(self, message: Message) -> tuple[int, str, bool]:
        raw = message.text
        cached = self._shown.get(message.id)
        if cached is not None and cached[0] == len(raw):
            return cached
        head = collapse(raw)
        shown = (len(raw), display_text(raw if head is None else head), head is not None)
        self._shown[message.id] = shown
        if len(self._shown) > _CACHE_SIZE:
            self._shown.popitem(last=False)
        return shown

    def _shown_text(self, message: Message) -> str:
        return self._shown_row(message)[1]

    def shown_text(self, index: ModelIndex) -> str:
        """What is painted for the message: safe (core.display) and collapsed when long."""
        return self._shown_text(self._row(index)[0])

    def is_collapsed(self, index: ModelIndex) -> bool:
        """Whether the row shows only the first lines of its message, with "Show more…"."""
        return self._shown_row(self._row(index)[0])[2]

    # geometry -------------------------------------------------------------------------
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
        """The shown text laid out in ``width`` with its links formatted (the last few kept)."""
        key = (message.id, len(message.text), int(width), font_key)
        cached = self._layouts.get(key)
        if cached is not None:
            self._layouts.move_to_end(key)
            return cached
        text = self._shown_text(message)
        spans = _to_utf16(self._links_in(message.id, text), utf16_positions(text))
        formats = self._link_formats(spans, self.theme.link)
        result = layout_text(text, font, width, formats)
        self._layouts[key] = result
        if len(self._layouts) > _LAYOUT_CACHE_SIZE:
            self._layouts.popitem(last=False)
        return result

    def _place(self, index: ModelIndex, rect: QRectF, base: QFont) -> _Placement:
        """The geometry of the row at ``index`` painted in ``rect`` with the view font ``base``."""
        message, header, day_start = self._row(index)
        fonts = self._fonts(base)
        day = self._day_label(message) if day_start else None
        top = rect.top() + (fonts.header_h + 2 * DAY_PAD if day_start else 0.0)
        y = top + (GROUP_GAP if header else ROW_GAP)
        collapsed = self._shown_row(message)[2]
        if message.author_role is PartyRole.SYSTEM:
            width = rect.width() - 2 * MARGIN
            layout, text_h, widest = self._layout(message, fonts.body, fonts.key, width)
            origin = QPointF(rect.left() + MARGIN + (width - widest) / 2, y + PAD_Y)
            emoji = self._emoji_in(message)
            more = self._more_rect(origin, text_h, fonts) if collapsed else None
            return _Placement(message, layout, origin, QRectF(), "", QRectF(), day, emoji, more)

        mine = message.author_role is PartyRole.AGENT
        max_w = self._bubble_max(rect.width())
        layout, text_h, widest = self._layout(message, fonts.body, fonts.key, max_w - 2 * PAD_X)
        header_text = self._header_text(message) if header else ""
        bubble_w = max(widest + 2 * PAD_X, 44.0)
        if collapsed:
            bubble_w = max(bubble_w, self._more_width(message, fonts) + 2 * PAD_X)
        if header_text:
            header_w = QFontMetricsF(fonts.header).horizontalAdvance(header_text)
            bubble_w = max(bubble_w, min(max_w, header_w))
        bubble_w = min(bubble_w, max_w)
        left = rect.right() - MARGIN - bubble_w if mine else rect.left() + MARGIN
        header_rect = QRectF(left, y, bubble_w, fonts.header_h)
        if header_text:
            y += fonts.header_h + HEADER_GAP
        extra = self._more_height(fonts) if collapsed else 0.0
        bubble = QRectF(left, y, bubble_w, text_h + extra + 2 * PAD_Y)
        origin = QPointF(bubble.left() + PAD_X, bubble.top() + PAD_Y)
        emoji = self._emoji_in(message)
        more = self._more_rect(origin, text_h, fonts) if collapsed else None
        return _Placement(
            message, layout, origin, bubble, header_text, header_rect, day, emoji, more
        )

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:
        message, header, day_start = self._row(index)
        return self._size(message, header, day_start, self._fonts(option.font), self._available())

    def prepare_sizes(self, rows: Iterable[tuple[Message, bool, bool]], font: QFont) -> None:
        """Measure ``rows`` (message, shows the author header, starts a day) in the view's
        ``font`` now, so that ``sizeHint`` finds them measured when the view pages them in
        (the transcript view calls this in idle time, ahead of need)."""
        fonts = self._fonts(font)
        available = self._available()
        for message, header, day_start in rows:
            self._size(message, header, day_start, fonts, available)

    def _size(
        self, message: Message, header: bool, day_start: bool, fonts: _Fonts, available: float
    ) -> QSize:
        key = (message.id, len(message.text), int(available), fonts.key, header, day_start)
        cached = self._sizes.get(key)
        if cached is not None:
            return cached
        # not kept: most measured rows are never on screen (paint keeps its own few)
        _, text, collapsed = self._shown_row(message)
        _, text_h, _ = layout_text(text, fonts.body, self._text_width(message, available))
        height = (GROUP_GAP if header else ROW_GAP) + text_h + 2 * PAD_Y
        if collapsed:
            height += self._more_height(fonts)
        if header and message.author_role is not PartyRole.SYSTEM:
            height += fonts.header_h + HEADER_GAP
        if day_start:
            height += fonts.header_h + 2 * DAY_PAD
        size = QSize(int(available), int(height + 0.999))
        self._sizes[key] = size
        if len(self._sizes) > _CACHE_SIZE:
            self._sizes.popitem(last=False)
        return size

    # day separators -------------------------------------------------------------------
    def day_label(self, index: ModelIndex) -> str | None:
        """The separator shown above the row: its day, when the day changes there."""
        message, _, day_start = self._row(index)
        return self._day_label(message) if day_start else None

    def _day_label(self, message: Message) -> str:
        day = message_day(message)
        today = QDate.currentDate()
        if day == today:
            return self.tr("Today")
        if day == today.addDays(-1):
            return self.tr("Yesterday")
        return self._view.locale().toString(day, "dddd d MMMM yyyy")

    def _paint_day(self, painter: QPainter, rect: QRectF, label: str, font: QFont) -> None:
        fm = QFontMetricsF(font)
        mid = rect.top() + DAY_PAD + fm.height() / 2
        text_w = fm.horizontalAdvance(label) + 24
        center = rect.center().x()
        painter.setPen(QPen(self.theme.border, 1))
        painter.drawLine(QPointF(rect.left() + MARGIN, mid), QPointF(center - text_w / 2, mid))
        painter.drawLine(QPointF(center + text_w / 2, mid), QPointF(rect.right() - MARGIN, mid))
        painter.setFont(font)
        painter.setPen(self.theme.muted)
        painter.drawText(
            QRectF(center - text_w / 2, rect.top() + DAY_PAD, text_w, fm.height()),
            int(Qt.AlignmentFlag.AlignCenter),
            label,
        )

    # painting -------------------------------------------------------------------------
    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        theme = self.theme
        rect = QRectF(option.rect)
        place = self._place(index, rect, option.font)
        message = place.message
        fonts = self._fonts(option.font)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        if place.day is not None:
            self._paint_day(painter, rect, place.day, fonts.header)

        if message.author_role is PartyRole.SYSTEM:
            painter.setPen(theme.system_text)
            self._draw_text(painter, place)
            if place.more is not None:
                self._paint_more(painter, place, fonts, option)
            painter.restore()
            return

        mine = message.author_role is PartyRole.AGENT
        if place.header_text:
            painter.setFont(fonts.header)
            painter.setPen(theme.muted)
            align = Qt.AlignmentFlag.AlignRight if mine else Qt.AlignmentFlag.AlignLeft
            painter.drawText(
                place.header_rect, int(align | Qt.AlignmentFlag.AlignVCenter), place.header_text
            )

        bubble = place.bubble
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        fill = theme.agent_bubble if mine else theme.customer_bubble
        painter.setPen(theme.accent if selected else Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        discarded = message.delivery is DeliveryState.DISCARDED
        if discarded:  # never sent: the bubble fades, its status says why
            painter.setOpacity(DISCARDED_OPACITY)
        painter.drawRoundedRect(bubble, RADIUS, RADIUS)
        painter.setPen(theme.agent_bubble_text if mine else theme.text)
        painter.setFont(fonts.body)
        self._draw_text(painter, place)
        painter.setOpacity(1.0)
        if place.more is not None:
            self._paint_more(painter, place, fonts, option)

        status_text, status_color = self._status(message) if mine else ("", theme.muted)
        if status_text:
            painter.setFont(fonts.header)
            painter.setPen(status_color)
            header_fm = QFontMetricsF(fonts.header)
            status_w = header_fm.horizontalAdvance(status_text) + 4
            status_rect = QRectF(
                bubble.left() - status_w - 6,
                bubble.bottom() - fonts.header_h,
                status_w,
                fonts.header_h,
            )
            painter.drawText(
                status_rect,
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom),
                status_text,
            )
        painter.restore()

    # "Show more…" -----------------------------------------------------------------------
    def _more_label(self) -> str:
        return self.tr("Show more…")

    def _length_label(self, message: Message) -> str:
        return self.tr("{0} characters").format(self._view.locale().toString(len(message.text)))

    def _more_height(self, fonts: _Fonts) -> float:
        return MORE_GAP + fonts.header_h + 2 * MORE_PAD_Y

    def _more_width(self, message: Message, fonts: _Fonts) -> float:
        """The pill and the message's length beside it."""
        pill = QFontMetricsF(fonts.strong).horizontalAdvance(self._more_label()) + 2 * MORE_PAD_X
        length = QFontMetricsF(fonts.header).horizontalAdvance(self._length_label(message))
        return pill + MORE_COUNT_GAP + length

    def _more_rect(self, origin: QPointF, text_h: float, fonts: _Fonts) -> QRectF:
        width = QFontMetricsF(fonts.strong).horizontalAdvance(self._more_label()) + 2 * MORE_PAD_X
        height = fonts.header_h + 2 * MORE_PAD_Y
        return QRectF(origin.x(), origin.y() + text_h + MORE_GAP, width, height)

    def _paint_more(
        self, painter: QPainter, place: _Placement, fonts: _Fonts, option: QStyleOptionViewItem
    ) -> None:
        pill = place.more
        assert pill is not None
        theme = self.theme
        radius = pill.height() / 2
        fill = QColor(theme.link)
        fill.setAlpha(36 if theme.dark else 24)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(fill)
        painter.drawRoundedRect(pill, radius, radius)
        if option.state & QStyle.StateFlag.State_HasFocus:  # Enter or Space opens it
            painter.setPen(QPen(theme.accent, 1.5))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(pill.adjusted(-2, -2, 2, 2), radius + 2, radius + 2)
        painter.setFont(fonts.strong)
        painter.setPen(theme.link)
        painter.drawText(pill, int(Qt.AlignmentFlag.AlignCenter), self._more_label())
        painter.setFont(fonts.header)
        painter.setPen(theme.muted)
        length = QRectF(pill.right() + MORE_COUNT_GAP, pill.top(), 10_000.0, pill.height())
        painter.drawText(
            length,
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            self._length_label(place.message),
        )

    def show_more_rect(self, index: ModelIndex, rect: QRect, base: QFont) -> QRectF | None:
        """Where the row drawn in ``rect`` paints its "Show more…" pill (None: not collapsed)."""
        return self._place(index, QRectF(rect), base).more

    def show_whole(self, index: ModelIndex) -> MessageViewer:
        """Open (or bring up) the viewer with the whole text of the message at ``index``."""
        message = self._row(index)[0]
        viewer = self._viewer
        if viewer is None:
            viewer = self._viewer = MessageViewer(self._view)
            viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            viewer.destroyed.connect(self._viewer_gone)
        when = QDateTime.fromMSecsSinceEpoch(int(message.time * 1000))
        shown_when = self._view.locale().toString(when, "d MMMM yyyy HH:mm")
        viewer.set_message(message.author_name, shown_when, message.text)
        viewer.show()
        viewer.raise_()
        viewer.activateWindow()
        return viewer

    def _viewer_gone(self) -> None:
        self._viewer = None

    def _in_use(self) -> bool:
        return self._view.itemDelegate() is self  # a replaced delegate stays the view's child

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid() and self._in_use() and self.is_collapsed(index):
            self.show_whole(index)

    def editorEvent(
        self,
        event: QEvent,
        model: QAbstractItemModel,
        option: QStyleOptionViewItem,
        index: ModelIndex,
    ) -> bool:
        """A click on the pill, or Space on the row, shows the whole message."""
        if isinstance(event, QMouseEvent):
            released = (
                event.type() == QEvent.Type.MouseButtonRelease
                and event.button() == Qt.MouseButton.LeftButton
            )
            pill = (
                self.show_more_rect(index, option.rect, option.font)
                if released and self.is_collapsed(index)
                else None
            )
            opens = pill is not None and pill.contains(event.position())
        else:
            opens = (
                isinstance(event, QKeyEvent)
                and event.type() == QEvent.Type.KeyPress
                and event.key() == Qt.Key.Key_Space
                and self.is_collapsed(index)
            )
        if opens:
            self.show_whole(index)
            return True
        return super().editorEvent(event, model, option, index)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The pointer over a "Show more…" pill shows a hand (links set theirs elsewhere)."""
        moved = event.type() == QEvent.Type.MouseMove
        if moved and isinstance(event, QMouseEvent) and self._in_use():
            pos = event.position().toPoint()
            index = self._view.indexAt(pos)
            over = False
            if index.isValid() and self.is_collapsed(index):
                pill = self.show_more_rect(index, self._view.visualRect(index), self._view.font())
                over = pill is not None and pill.contains(event.position())
            viewport = self._view.viewport()
            if over:
                viewport.setCursor(Qt.CursorShape.PointingHandCursor)
            elif self._hand:
                viewport.unsetCursor()
            self._hand = over
        return False

    # bundled emoji images ---------------------------------------------------------------
    def _emoji_in(self, message: Message) -> tuple[tuple[int, int, str], ...]:
        """(start, end, emoji) in layout (UTF-16) positions of each emoji with an image."""
        images, catalog = self._images, self._catalog
        if images is None or catalog is None:
            return ()
        text = self._shown_text(message)
        key = (message.id, text)
        found = self._emoji.get(key)
        if found is None:
            positions = utf16_positions(text)
            found = tuple(
                (start, end, form)
                if positions is None
                else (positions[start], positions[end], form)
                for start, end, form in catalog.find_all(text)
                if images.has(form)
            )
            self._emoji[key] = found
            if len(self._emoji) > _CACHE_SIZE:
                self._emoji.popitem(last=False)
        return found

    def _emoji_rects(self, place: _Placement) -> list[tuple[QRectF, str]]:
        """Where each emoji of ``place`` is laid out by the font: (its cell, the emoji)."""
        rects = []
        layout, origin = place.layout, place.origin
        for start, end, form in place.emoji:
            line = layout.lineForTextPosition(start)
            if not line.isValid():
                continue
            x0, x1 = _cursor_x(line, start), _cursor_x(line, end)
            rects.append(
                (
                    QRectF(
                        origin.x() + min(x0, x1),
                        origin.y() + line.y(),
                        abs(x1 - x0),
                        line.height(),
                    ),
                    form,
                )
            )
        return rects

    def emoji_cells(self, index: ModelIndex, rect: QRect, base: QFont) -> list[tuple[QRectF, str]]:
        """Where the row drawn in ``rect`` paints bundled emoji images (for automation)."""
        return self._emoji_rects(self._place(index, QRectF(rect), base))

    def _draw_text(self, painter: QPainter, place: _Placement) -> None:
        """Draw the text; with bundled images, each emoji's image replaces its glyph."""
        images = self._images
        cells = self._emoji_rects(place) if images is not None and place.emoji else []
        if not cells or images is None:
            place.layout.draw(painter, place.origin)
            return
        # the font's colour glyphs ignore the pen: keep them out with a clip
        visible = QPainterPath()
        visible.addRect(place.layout.boundingRect().translated(place.origin).adjusted(-4, -4, 4, 4))
        hidden = QPainterPath()
        for cell, _ in cells:
            hidden.addRect(cell)
        painter.save()
        painter.setClipPath(visible.subtracted(hidden), Qt.ClipOperation.IntersectClip)
        place.layout.draw(painter, place.origin)
        painter.restore()
        ratio = painter.device().devicePixelRatioF() if painter.device() is not None else 1.0
        for cell, form in cells:
            side = min(cell.width(), cell.height()) * EMOJI_SCALE
            pixmap = images.pixmap(form, max(1, round(side)), ratio)
            if pixmap is None:  # unreadable image: the character, after all
                place.layout.draw(painter, place.origin, [], cell)
                continue
            top_left = QPointF(cell.center().x() - side / 2, cell.center().y() - side / 2)
            painter.drawPixmap(QRectF(top_left, QSizeF(side, side)), pixmap, QRectF(pixmap.rect()))

    def _status(self, row: Message | ModelIndex) -> tuple[str, QColor]:
        """The delivery mark beside an agent's bubble: text and colour."""
        message = row if isinstance(row, Message) else self._row(row)[0]
        theme = self.theme
        state = message.delivery
        if state is DeliveryState.SENDING:
            return self.tr("Sending…"), theme.muted
        if state is DeliveryState.FAILED:
            return self.tr("Not sent · click to retry"), theme.failed
        if state is DeliveryState.DISCARDED:
            return self.tr("Not sent · discarded"), theme.muted
        if state is DeliveryState.SENT:
            return "✓", theme.muted
        if state is DeliveryState.DELIVERED:
            return "✓✓", theme.muted
        if state is DeliveryState.READ:
            return self.tr("✓✓ Read"), theme.link
        return "", theme.muted

    @staticmethod
    def _header_text(message: Message) -> str:
        when = QDateTime.fromMSecsSinceEpoch(int(message.time * 1000))
        # isolated: a right-to-left name never carries the time into its own run
        author = display_text(message.author_name, limit=80, isolate=True)
        return f"{author}  ·  {when.toString('HH:mm')}"

    # links ----------------------------------------------------------------------------
    def _links_in(self, message_id: str, text: str) -> list[LinkSpan]:
        key = (message_id, text)
        found = self._links.get(key)
        if found is None:
            found = find_links(text)
            self._links[key] = found
            if len(self._links) > _CACHE_SIZE:
                self._links.popitem(last=False)
        return found

    def links(self, index: ModelIndex) -> list[LinkSpan]:
        """The URLs, e-mail addresses and phone numbers in the message (cached)."""
        message = self._row(index)[0]
        return self._links_in(message.id, self._shown_text(message))

    @staticmethod
    def _link_formats(spans: Sequence[LinkSpan], color: QColor) -> list[QTextLayout.FormatRange]:
        ranges = []
        for span in spans:
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
        """Where :meth:`paint` draws the message text in ``rect``: (text, top-left)."""
        place = self._place(index, rect, base)
        return self._shown_text(place.message), place.origin

    def link_point(self, index: ModelIndex, rect: QRect, span: LinkSpan, base: QFont) -> QPoint:
        """The middle of the first character of ``span`` on screen (for automation)."""
        place = self._place(index, QRectF(rect), base)
        start = _to_utf16([span], utf16_positions(self._shown_text(place.message)))[0].start
        line = place.layout.lineForTextPosition(start)
        x0 = _cursor_x(line, start)
        x1 = _cursor_x(line, min(start + 1, line.textStart() + line.textLength()))
        return QPoint(
            round(place.origin.x() + (x0 + x1) / 2),
            round(place.origin.y() + line.y() + line.height() / 2),
        )

    def link_at(self, index: ModelIndex, rect: QRect, pos: QPoint, base: QFont) -> LinkSpan | None:
        """The link under ``pos`` (view coordinates) in the row at ``index`` drawn in ``rect``."""
        spans = self.links(index)
        if not spans:
            return None
        place = self._place(index, QRectF(rect), base)
        layout = place.layout
        positions = utf16_positions(self._shown_text(place.message))
        ranges = list(zip(_to_utf16(spans, positions), spans, strict=True))
        x = pos.x() - place.origin.x()
        y = pos.y() - place.origin.y()
        for number in range(layout.lineCount()):
            line = layout.lineAt(number)
            if not line.y() <= y < line.y() + line.height():
                continue
            if not 0 <= x <= line.naturalTextWidth():
                return None
            cursor = line.xToCursor(x, QTextLine.CursorPosition.CursorOnCharacter)
            return next((s for u, s in ranges if u.start <= cursor < u.end), None)
        return None
