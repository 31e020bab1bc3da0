"""The pending-response indicator: a coloured, shaped badge with the waiting time."""

from __future__ import annotations

from PySide6.QtCore import Property, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAccessible,
    QAccessibleEvent,
    QColor,
    QPainter,
    QPainterPath,
    QPaintEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from agent_desktop.core.types import PendingLevel
from agent_desktop.ui.labels import format_elapsed, pending_label
from agent_desktop.ui.theme import LIGHT, Theme

BLINK_INTERVAL_MS = 500


def level_path(level: PendingLevel, rect: QRectF) -> QPainterPath:
    """A shape per level, so the level does not rest on colour alone."""
    path = QPainterPath()
    if level is PendingLevel.YELLOW:  # triangle
        path.moveTo(rect.center().x(), rect.top())
        path.lineTo(rect.right(), rect.bottom())
        path.lineTo(rect.left(), rect.bottom())
        path.closeSubpath()
    elif level is PendingLevel.RED:  # diamond
        path.moveTo(rect.center().x(), rect.top())
        path.lineTo(rect.right(), rect.center().y())
        path.lineTo(rect.center().x(), rect.bottom())
        path.lineTo(rect.left(), rect.center().y())
        path.closeSubpath()
    else:  # circle (hollow when idle)
        path.addEllipse(rect)
    return path


class PendingIndicator(QWidget):
    """Qt properties ``level`` (idle/green/yellow/red) and ``blinking`` (bool)."""

    levelChanged = Signal(str)
    blinkingChanged = Signal(bool)

    def __init__(self, theme: Theme = LIGHT, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pendingIndicator")
        self._theme = theme
        self._level = PendingLevel.IDLE
        self._blinking = False
        self._blink_on = True
        self._waited_s: float | None = None
        self._blink_timer = QTimer(self)
        self._blink_timer.setInterval(BLINK_INTERVAL_MS)
        self._blink_timer.timeout.connect(self._blink)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self._announce()

    # properties -----------------------------------------------------------------------
    def _get_level(self) -> str:
        return self._level.value

    def _get_blinking(self) -> bool:
        return self._blinking

    level = Property(str, _get_level, notify=levelChanged)
    blinking = Property(bool, _get_blinking, notify=blinkingChanged)

    @property
    def current_level(self) -> PendingLevel:
        return self._level

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        self.update()

    def set_status(self, level: PendingLevel, blinking: bool, waited_s: float | None) -> None:
        self._waited_s = waited_s
        if level is not self._level:
            self._level = level
            self.levelChanged.emit(level.value)
        if blinking != self._blinking:
            self._blinking = blinking
            self._blink_on = True
            if blinking:
                self._blink_timer.start()
            else:
                self._blink_timer.stop()
            self.blinkingChanged.emit(blinking)
        self._announce()
        self.update()

    def set_waited(self, waited_s: float | None) -> None:
        if waited_s != self._waited_s:
            self._waited_s = waited_s
            self.update()

    def _announce(self) -> None:
        label = pending_label(self._level)
        changed = label != self.accessibleDescription()
        self.setAccessibleName(self.tr("Pending response"))
        self.setAccessibleDescription(label)
        self.setToolTip(label)
        if changed and QAccessible.isActive():
            # screen readers speak the new level, not only the colour and shape
            QAccessible.updateAccessibility(
                QAccessibleEvent(self, QAccessible.Event.DescriptionChanged)
            )

    def _blink(self) -> None:
        self._blink_on = not self._blink_on
        self.update()

    def _text(self) -> str:
        if self._level is PendingLevel.IDLE or self._waited_s is None:
            return self.tr("No reply pending")
        waited = format_elapsed(self._waited_s)
        if self._level is PendingLevel.GREEN:
            return self.tr("Waiting {0}").format(waited)
        if self._level is PendingLevel.YELLOW:
            return self.tr("Overdue {0}").format(waited)
        return self.tr("Urgent {0}").format(waited)

    # painting -------------------------------------------------------------------------
    def sizeHint(self) -> QSize:
        fm = self.fontMetrics()
        width = max(
            fm.horizontalAdvance(self.tr("No reply pending")), fm.horizontalAdvance("00:00")
        )
        return QSize(width + fm.height() + 22, fm.height() + 10)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        color = self._theme.pending_color(self._level)
        rect = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        radius = rect.height() / 2
        background = QColor(color)
        background.setAlpha(28 if self._level is PendingLevel.IDLE else 40)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(background)
        painter.drawRoundedRect(rect, radius, radius)
        side = self.fontMetrics().height() * 0.7
        mark = QRectF(rect.left() + 9, rect.center().y() - side / 2, side, side)
        if self._level is PendingLevel.IDLE:
            painter.setPen(color)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(level_path(self._level, mark))
        elif self._blink_on or not self._blinking:
            painter.setBrush(color)
            painter.drawPath(level_path(self._level, mark))
        painter.setPen(self._theme.text)
        text_rect = rect.adjusted(mark.right() - rect.left() + 6, 0, -8, 0)
        painter.drawText(text_rect, int(Qt.AlignmentFlag.AlignVCenter), self._text())
