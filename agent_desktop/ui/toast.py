"""The incoming-chat notification: contact, channel, first message, Accept / Reject."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from agent_desktop.core.display import display_text
from agent_desktop.core.models import InteractionSummary
from agent_desktop.ui.icons import icon
from agent_desktop.ui.labels import channel_label
from agent_desktop.ui.theme import Theme

FIRST_MESSAGE_CHARS = 280
NAME_CHARS = 80


class IncomingChatToast(QFrame):
    """Shows the oldest pending offer; the next one follows when it is answered."""

    acceptRequested = Signal(str)
    rejectRequested = Signal(str)

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        flags = (
            Qt.WindowType.Tool
            | Qt.WindowType.FramelessWindowHint
            | Qt.WindowType.WindowStaysOnTopHint
        )
        super().__init__(parent, flags)
        self.setObjectName("incomingChatToast")
        self.setAccessibleName(self.tr("Incoming chat"))
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setFixedWidth(340)
        self._queue: list[InteractionSummary] = []
        self._theme = theme

        self.heading = QLabel(self.tr("Incoming chat"), self)
        self.heading.setObjectName("toastHeading")
        self.channel_icon = QLabel(self)
        self.channel = QLabel(self)
        self.channel.setObjectName("toastChannel")
        self.contact = QLabel(self)
        self.contact.setObjectName("toastContact")
        self.contact.setTextFormat(Qt.TextFormat.PlainText)
        font = self.contact.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.contact.setFont(font)
        self.message = QLabel(self)
        self.message.setObjectName("toastMessage")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.more = QLabel(self)
        self.more.setObjectName("toastMore")
        self.accept_button = QPushButton(self.tr("Accept"), self)
        self.accept_button.setObjectName("acceptButton")
        self.accept_button.setAccessibleName(self.tr("Accept"))
        self.accept_button.setToolTip(self.tr("Accept the chat (Ctrl+Shift+A)"))
        self.accept_button.setDefault(True)
        self.reject_button = QPushButton(self.tr("Reject"), self)
        self.reject_button.setObjectName("rejectButton")
        self.reject_button.setAccessibleName(self.tr("Reject"))

        top = QHBoxLayout()
        top.setSpacing(6)
        top.addWidget(self.channel_icon)
        top.addWidget(self.channel)
        top.addStretch(1)
        top.addWidget(self.heading)
        buttons = QHBoxLayout()
        buttons.addWidget(self.more)
        buttons.addStretch(1)
        buttons.addWidget(self.reject_button)
        buttons.addWidget(self.accept_button)
        box = QVBoxLayout(self)
        box.setContentsMargins(16, 12, 16, 14)
        box.setSpacing(8)
        box.addLayout(top)
        box.addWidget(self.contact)
        box.addWidget(self.message)
        box.addLayout(buttons)

        for label in self.findChildren(QLabel):
            label.setTextFormat(Qt.TextFormat.PlainText)  # nothing here is ever rich text
        self.accept_button.clicked.connect(self._accept)
        self.reject_button.clicked.connect(self._reject)
        # Ctrl+Shift+A / Ctrl+Shift+X are the main window's (ui/shortcuts.py): a second
        # binding here would make them ambiguous, and then neither fires
        escape = QShortcut(QKeySequence("Escape"), self)
        escape.activated.connect(self._reject)
        self.set_theme(theme)

    @property
    def current(self) -> InteractionSummary | None:
        return self._queue[0] if self._queue else None

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        self.heading.setStyleSheet(f"color: {theme.muted.name()};")
        self.channel.setStyleSheet(f"color: {theme.muted.name()};")
        self.more.setStyleSheet(f"color: {theme.muted.name()};")
        self._render()

    def offer(self, summary: InteractionSummary) -> None:
        if any(s.id == summary.id for s in self._queue):
            return
        self._queue.append(summary)
        self._render()

    def withdraw(self, iid: str) -> None:
        self._queue = [s for s in self._queue if s.id != iid]
        self._render()

    def _accept(self) -> None:
        if self.current is not None:
            self.acceptRequested.emit(self.current.id)

    def _reject(self) -> None:
        if self.current is not None:
            self.rejectRequested.emit(self.current.id)

    def _render(self) -> None:
        summary = self.current
        if summary is None:
            self.hide()
            return
        self.channel.setText(channel_label(summary.channel))
        self.channel_icon.setPixmap(icon(summary.channel.value, self._theme.accent).pixmap(18, 18))
        self.contact.setText(display_text(summary.contact.name, limit=NAME_CHARS))
        first = summary.first_message
        self.message.setText(
            display_text(first, limit=FIRST_MESSAGE_CHARS) if first else self.tr("(no message yet)")
        )
        waiting = len(self._queue) - 1
        self.more.setText(self.tr("+{0} waiting").format(waiting) if waiting else "")
        self.accept_button.setEnabled(True)
        self.reject_button.setEnabled(True)
        self.adjustSize()
        self._place()
        if not self.isVisible():
            self.show()
            if QGuiApplication.platformName() != "offscreen":  # it cannot raise windows
                self.raise_()

    def set_busy(self, iid: str, busy: bool) -> None:
        if self.current is not None and self.current.id == iid:
            self.accept_button.setEnabled(not busy)
            self.reject_button.setEnabled(not busy)

    def _place(self) -> None:
        parent = self.parentWidget()
        screen = parent.screen() if parent is not None else QGuiApplication.primaryScreen()
        area = screen.availableGeometry()
        self.move(QPoint(area.right() - self.width() - 16, area.bottom() - self.height() - 16))
