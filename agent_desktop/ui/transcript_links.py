"""Clicks and hover on the links that the message delegate underlines in a transcript."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QAbstractItemView

from agent_desktop.core.linkify import LinkSpan
from agent_desktop.ui.message_delegate import MessageDelegate


class TranscriptLinks(QObject):
    """Watches a transcript's viewport: a hand over a link, ``activated`` on a click."""

    activated = Signal(str, str)  # LinkKind value, target (http(s):, mailto:, tel:)

    def __init__(self, view: QAbstractItemView, delegate: MessageDelegate) -> None:
        super().__init__(view)
        self._view = view
        self._delegate = delegate
        self._pressed: LinkSpan | None = None
        view.viewport().setMouseTracking(True)
        view.viewport().installEventFilter(self)

    def link_at(self, pos: QPoint) -> LinkSpan | None:
        index = self._view.indexAt(pos)
        if not index.isValid():
            return None
        rect = self._view.visualRect(index)
        return self._delegate.link_at(index, rect, pos, self._view.font())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.MouseMove:
            assert isinstance(event, QMouseEvent)
            over = self.link_at(event.position().toPoint()) is not None
            if over:
                self._view.viewport().setCursor(Qt.CursorShape.PointingHandCursor)
            else:
                self._view.viewport().unsetCursor()
        elif kind == QEvent.Type.MouseButtonPress:
            assert isinstance(event, QMouseEvent)
            if event.button() == Qt.MouseButton.LeftButton:
                self._pressed = self.link_at(event.position().toPoint())
        elif kind == QEvent.Type.MouseButtonRelease:
            assert isinstance(event, QMouseEvent)
            pressed, self._pressed = self._pressed, None
            if pressed is not None and event.button() == Qt.MouseButton.LeftButton:
                released = self.link_at(event.position().toPoint())
                if released == pressed:
                    self.activated.emit(pressed.kind.value, pressed.target)
                    return True
        return False
