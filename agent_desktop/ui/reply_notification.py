"""Desktop notice that a contact answered an asynchronous conversation, with Show."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from agent_desktop.core.display import display_text
from agent_desktop.ui.theme import Theme

PREVIEW_CHARS = 200
#: above the incoming-chat notification, which takes the screen corner
OFFSET_Y = 200


class ReplyNotification(QFrame):
    """Shows the latest reply; Show opens the Communication tab on that contact."""

    showRequested = Signal(str)  # contact id

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        flags = (
            Qt.WindowType.Tool
            | Qt.WindowType.FramelessWindowHint
            | Qt.WindowType.WindowStaysOnTopHint
        )
        super().__init__(parent, flags)
        self.setObjectName("replyNotification")
        self.setAccessibleName(self.tr("A contact answered"))
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setFixedWidth(340)
        self.contact_id: str | None = None
        self.heading = QLabel(self.tr("New reply"), self)
        self.heading.setObjectName("toastHeading")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.contact = QLabel(self)
        self.contact.setObjectName("toastContact")
        self.contact.setTextFormat(Qt.TextFormat.PlainText)
        font = self.contact.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.contact.setFont(font)
        self.message = QLabel(self)
        self.message.setObjectName("toastMessage")
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.show_button = QPushButton(self.tr("Show"), self)
        self.show_button.setObjectName("showButton")
        self.show_button.setAccessibleName(self.tr("Show the conversation"))
        self.show_button.setDefault(True)
        self.dismiss_button = QPushButton(self.tr("Dismiss"), self)
        self.dismiss_button.setObjectName("dismissButton")
        self.dismiss_button.setAccessibleName(self.tr("Dismiss"))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.dismiss_button)
        buttons.addWidget(self.show_button)
        box = QVBoxLayout(self)
        box.setContentsMargins(16, 12, 16, 14)
        box.setSpacing(8)
        box.addWidget(self.heading)
        box.addWidget(self.contact)
        box.addWidget(self.message)
        box.addLayout(buttons)
        self.show_button.clicked.connect(self._show)
        self.dismiss_button.clicked.connect(self.hide)
        self.set_theme(theme)
        self.hide()

    def set_theme(self, theme: Theme) -> None:
        self.heading.setStyleSheet(f"color: {theme.muted.name()};")
        self.setStyleSheet(
            f"#replyNotification {{ background: {theme.raised.name()};"
            f" border: 1px solid {theme.border.name()}; border-radius: 10px; }}"
            f" QPushButton#showButton {{ background: {theme.accent.name()};"
            f" color: {theme.accent_text.name()}; border: none; border-radius: 6px;"
            f" padding: 6px 14px; font-weight: 600; }}"
        )

    def notify(self, contact_id: str, name: str, text: str) -> None:
        self.contact_id = contact_id
        name = display_text(name, limit=80)
        preview = display_text(text, limit=PREVIEW_CHARS)
        self.contact.setText(name)
        self.message.setText(preview)
        self.setAccessibleDescription(self.tr("{0} answered: {1}").format(name, preview))
        self.adjustSize()
        self._place()
        self.show()
        if QGuiApplication.platformName() != "offscreen":
            self.raise_()

    def _show(self) -> None:
        contact_id = self.contact_id
        self.hide()
        if contact_id is not None:
            self.showRequested.emit(contact_id)

    def _place(self) -> None:
        parent = self.parentWidget()
        screen = parent.screen() if parent is not None else QGuiApplication.primaryScreen()
        area = screen.availableGeometry()
        self.move(
            QPoint(
                area.right() - self.width() - 16,
                max(area.top(), area.bottom() - self.height() - 16 - OFFSET_Y),
            )
        )
