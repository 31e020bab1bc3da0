"""The interaction bar: one item per open interaction, with a hover preview."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QPoint, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QEnterEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from agent_desktop.core.display import display_text, one_line
from agent_desktop.core.types import InteractionState, PartyRole, PendingLevel
from agent_desktop.services.interaction_store import InteractionRecord
from agent_desktop.ui.icons import icon
from agent_desktop.ui.labels import channel_label, format_elapsed, pending_label
from agent_desktop.ui.pending_indicator import level_path
from agent_desktop.ui.theme import Theme

PREVIEW_LINES = 3
PREVIEW_LINE_CHARS = 200


class InteractionPreview(QFrame):
    """Hover preview: elapsed time (``m:ss``) and the last transcript lines."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.ToolTip | Qt.WindowType.FramelessWindowHint)
        self.setObjectName("interactionPreview")
        self.setAccessibleName(self.tr("Interaction preview"))
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.title = QLabel(self)
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.elapsed = QLabel(self)
        self.elapsed.setObjectName("previewElapsed")
        self.elapsed.setTextFormat(Qt.TextFormat.PlainText)
        self.lines: list[QLabel] = []
        box = QVBoxLayout(self)
        box.setContentsMargins(12, 10, 12, 10)
        box.setSpacing(4)
        box.addWidget(self.title)
        box.addWidget(self.elapsed)
        for _ in range(PREVIEW_LINES):
            line = QLabel(self)
            line.setTextFormat(Qt.TextFormat.PlainText)
            line.setWordWrap(False)
            self.lines.append(line)
            box.addWidget(line)
        self.setFixedWidth(320)
        self.record: InteractionRecord | None = None

    def show_for(self, record: InteractionRecord, anchor: QPoint) -> None:
        self.record = record
        self.refresh()
        self.adjustSize()
        self.move(anchor)
        self.show()

    def refresh(self) -> None:
        record = self.record
        if record is None:
            return
        name = display_text(record.contact.name, limit=60)
        self.title.setText(f"{name} · {channel_label(record.channel)}")
        self.elapsed.setText(self.tr("Elapsed: {0}").format(format_elapsed(record.elapsed_s())))
        recent = record.transcript.last(PREVIEW_LINES)
        metrics = self.lines[0].fontMetrics()
        for i, label in enumerate(self.lines):
            if i < len(recent):
                message = recent[i]
                who = (
                    self.tr("You")
                    if message.author_role is PartyRole.AGENT
                    else message.author_name
                )
                line = one_line(f"{who}: {message.text}", PREVIEW_LINE_CHARS)
                label.setText(metrics.elidedText(line, Qt.TextElideMode.ElideRight, 296))
                label.show()
            else:
                label.clear()
                label.hide()
        if not recent:
            self.lines[0].setText(self.tr("No messages yet"))
            self.lines[0].show()


class InteractionBarItem(QAbstractButton):
    """One open interaction: channel icon, contact, elapsed time and pending colour."""

    hovered = Signal(bool)

    def __init__(
        self,
        record: InteractionRecord,
        theme: Theme,
        blink_phase: Callable[[], bool],
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("interactionBarItem")
        self._blink_phase = blink_phase
        self.setProperty("interactionId", record.id)
        self.setCheckable(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.record = record
        self.theme = theme
        self.setMouseTracking(True)
        record.pendingChanged.connect(self._refresh)
        record.stateChanged.connect(self._refresh)
        self._refresh()

    def _refresh(self) -> None:
        status = self.record.pending()
        ended = self.record.state is InteractionState.ENDED
        parts = [self.record.contact.name, channel_label(self.record.channel)]
        parts.append(self.tr("ended") if ended else pending_label(status.level))
        self.setAccessibleName(", ".join(parts))
        self.setToolTip("")
        self.update()

    def sizeHint(self) -> QSize:
        fm = self.fontMetrics()
        return QSize(200, fm.height() * 2 + 16)

    def enterEvent(self, event: QEnterEvent) -> None:
        super().enterEvent(event)
        self.hovered.emit(True)

    def leaveEvent(self, event: QEvent) -> None:
        super().leaveEvent(event)
        self.hovered.emit(False)

    def paintEvent(self, event: QPaintEvent) -> None:
        theme = self.theme
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        rect = QRectF(self.rect()).adjusted(1, 3, -1, -3)
        status = self.record.pending()
        ended = self.record.state is InteractionState.ENDED
        fill = theme.surface if self.isChecked() else theme.window
        painter.setPen(theme.accent if self.isChecked() or self.hasFocus() else theme.border)
        painter.setBrush(fill)
        painter.drawRoundedRect(rect, 7, 7)
        # pending stripe on the left, with the level's shape beside the time
        color = theme.pending_color(status.level)
        if status.level is not PendingLevel.IDLE:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(color)
            painter.drawRoundedRect(
                QRectF(rect.left() + 3, rect.top() + 5, 4, rect.height() - 10), 2, 2
            )
        fm = self.fontMetrics()
        icon_rect = QRectF(rect.left() + 14, rect.center().y() - 10, 20, 20)
        icon(self.record.channel.value, theme.muted if ended else theme.accent).paint(
            painter, icon_rect.toRect()
        )
        text_left = icon_rect.right() + 8
        painter.setPen(theme.muted if ended else theme.text)
        name_font = painter.font()
        name_font.setBold(True)
        painter.setFont(name_font)
        name_rect = QRectF(text_left, rect.top() + 6, rect.right() - text_left - 8, fm.height())
        name = painter.fontMetrics().elidedText(
            display_text(self.record.contact.name, limit=60),
            Qt.TextElideMode.ElideRight,
            int(name_rect.width()),
        )
        painter.drawText(name_rect, int(Qt.AlignmentFlag.AlignLeft), name)
        name_font.setBold(False)
        painter.setFont(name_font)
        painter.setPen(theme.muted)
        detail_rect = QRectF(text_left, name_rect.bottom() + 1, name_rect.width(), fm.height())
        detail = self.tr("Ended") if ended else format_elapsed(self.record.elapsed_s())
        idle = self.property("idleText")  # set by ui/productivity.py while the contact is idle
        if idle and not ended:
            detail = f"{detail}  ·  {idle}"
        x = detail_rect.left()
        if status.level is not PendingLevel.IDLE:
            side = fm.height() * 0.55
            mark = QRectF(x, detail_rect.center().y() - side / 2, side, side)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(color)
            if not status.blinking or self._blink_phase():
                painter.drawPath(level_path(status.level, mark))
            x = mark.right() + 5
            painter.setPen(theme.muted)
        painter.drawText(
            QRectF(x, detail_rect.top(), detail_rect.right() - x, fm.height()),
            int(Qt.AlignmentFlag.AlignLeft),
            detail,
        )


class InteractionBar(QScrollArea):
    """Holds the items; clicking one shows its view (``selected``)."""

    selected = Signal(str)

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("interactionBar")
        self.setAccessibleName(self.tr("Interactions"))
        self.theme = theme
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        inner = QWidget(self)
        inner.setObjectName("interactionBarInner")
        self._row = QHBoxLayout(inner)
        self._row.setContentsMargins(8, 2, 8, 2)
        self._row.setSpacing(6)
        self._row.addStretch(1)
        self.setWidget(inner)
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self.items: dict[str, InteractionBarItem] = {}
        self.preview = InteractionPreview(self)
        self._blink_on = True
        self._blink_timer = QTimer(self)
        self._blink_timer.setInterval(500)
        self._blink_timer.timeout.connect(self._blink)
        self.setFixedHeight(self.fontMetrics().height() * 2 + 26)

    def add(self, record: InteractionRecord) -> InteractionBarItem:
        item = InteractionBarItem(record, self.theme, lambda: self._blink_on, self.widget())
        record.pendingChanged.connect(self._sync_blinking)
        item.setFixedSize(item.sizeHint())
        self._row.insertWidget(self._row.count() - 1, item)
        self._group.addButton(item)
        item.clicked.connect(lambda _=False, iid=record.id: self.selected.emit(iid))
        item.hovered.connect(lambda on, it=item: self._hover(it, on))
        self.items[record.id] = item
        return item

    def remove(self, iid: str) -> None:
        item = self.items.pop(iid, None)
        if item is None:
            return
        if self.preview.record is item.record:
            self.preview.hide()
            self.preview.record = None
        self._group.removeButton(item)
        item.deleteLater()
        self._sync_blinking()

    def select(self, iid: str) -> None:
        item = self.items.get(iid)
        if item is not None:
            item.setChecked(True)
            self.ensureWidgetVisible(item)

    def ordered_ids(self) -> list[str]:
        return list(self.items)

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        for item in self.items.values():
            item.theme = theme
            item.update()

    def tick(self) -> None:
        for item in self.items.values():
            item.update()
        if self.preview.isVisible():
            self.preview.refresh()

    def _sync_blinking(self) -> None:
        blinking = any(it.record.pending().blinking for it in self.items.values())
        if blinking and not self._blink_timer.isActive():
            self._blink_timer.start()
        elif not blinking:
            self._blink_timer.stop()
            self._blink_on = True

    def _blink(self) -> None:
        self._blink_on = not self._blink_on
        for item in self.items.values():
            if item.record.pending().blinking:
                item.update()

    def _hover(self, item: InteractionBarItem, on: bool) -> None:
        if on:
            self.preview.show_for(item.record, item.mapToGlobal(QPoint(0, item.height() + 4)))
        elif self.preview.record is item.record:
            self.preview.hide()
