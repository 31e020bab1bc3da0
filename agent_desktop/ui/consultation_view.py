"""The internal consultation with a colleague, beside its customer chat."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from agent_desktop.core.consultation import ConsultationState
from agent_desktop.core.display import display_text
from agent_desktop.services.actions import Consultation
from agent_desktop.ui.chat_view import TranscriptView
from agent_desktop.ui.composer import ComposerEdit
from agent_desktop.ui.icons import icon
from agent_desktop.ui.message_delegate import MessageDelegate
from agent_desktop.ui.theme import Theme
from agent_desktop.ui.transcript_model import TranscriptModel
from agent_desktop.ui.wire_tooltip import wire_tooltip


class ConsultationView(QFrame):
    """Passive: its own transcript and composer; every action leaves as a signal."""

    sendRequested = Signal(str)
    completeTransferRequested = Signal()
    conferenceRequested = Signal()
    endRequested = Signal()

    def __init__(
        self, consultation: Consultation, theme: Theme, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("consultationView")
        # a colleague's name comes from the backend: made safe like any wire text
        raw = consultation.target.name
        name = display_text(raw, limit=80)
        self.setAccessibleName(self.tr("Consultation with {0}").format(name))
        self.consultation = consultation

        self.title = QLabel(self.tr("Consultation with {0}").format(name), self)
        self.title.setObjectName("consultationTitle")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.status = QLabel(self)
        self.status.setObjectName("consultationStatus")
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.status.setWordWrap(True)
        self.end_button = QToolButton(self)
        self.end_button.setObjectName("endConsultationButton")
        self.end_button.setAccessibleName(self.tr("End the consultation"))
        self.end_button.setToolTip(self.tr("End the consultation"))
        self.end_button.setAutoRaise(True)
        title_row = QHBoxLayout()
        title_box = QVBoxLayout()
        title_box.setSpacing(0)
        title_box.addWidget(self.title)
        title_box.addWidget(self.status)
        title_row.addLayout(title_box, 1)
        title_row.addWidget(self.end_button, 0, Qt.AlignmentFlag.AlignTop)

        self.transcript = TranscriptView(self)
        self.transcript.setAccessibleName(self.tr("Consultation transcript"))
        self.model = TranscriptModel(consultation.transcript, self.transcript)
        self.transcript.setModel(self.model)
        self.delegate = MessageDelegate(self.transcript, theme)
        self.transcript.setItemDelegate(self.delegate)

        self.composer_frame = QFrame(self)
        self.composer_frame.setObjectName("composerFrame")
        self.composer = ComposerEdit(self.composer_frame)
        self.composer.setAccessibleName(self.tr("Message to {0}").format(name))
        self.composer.setPlaceholderText(self.tr("Only {0} reads this").format(name))
        self.send_button = QPushButton(self.tr("Send"), self.composer_frame)
        self.send_button.setObjectName("sendButton")
        self.send_button.setAccessibleName(self.tr("Send to {0}").format(name))
        frame_box = QVBoxLayout(self.composer_frame)
        frame_box.setContentsMargins(8, 6, 8, 6)
        frame_box.addWidget(self.composer)
        send_row = QHBoxLayout()
        send_row.addStretch(1)
        send_row.addWidget(self.send_button)
        frame_box.addLayout(send_row)

        self.complete_transfer_button = QPushButton(self.tr("Transfer"), self)
        self.complete_transfer_button.setObjectName("completeTransferButton")
        self.complete_transfer_button.setAccessibleName(self.tr("Complete the transfer"))
        self.complete_transfer_button.setToolTip(
            wire_tooltip(self.tr("{0} takes over the chat with the contact").format(raw))
        )
        self.conference_button = QPushButton(self.tr("Conference"), self)
        self.conference_button.setObjectName("consultConferenceButton")
        self.conference_button.setAccessibleName(self.tr("Turn into a conference"))
        self.conference_button.setToolTip(
            wire_tooltip(self.tr("{0} joins the chat with the contact").format(raw))
        )
        action_row = QHBoxLayout()
        action_row.addWidget(self.complete_transfer_button)
        action_row.addWidget(self.conference_button)

        box = QVBoxLayout(self)
        box.setContentsMargins(10, 10, 10, 10)
        box.setSpacing(6)
        box.addLayout(title_row)
        box.addWidget(self.transcript, 1)
        box.addWidget(self.composer_frame)
        box.addLayout(action_row)
        self.setMinimumWidth(260)

        self.send_button.clicked.connect(self._submit)
        self.composer.submitted.connect(self._submit)
        self.composer.textChanged.connect(self._sync)
        self.complete_transfer_button.clicked.connect(self.completeTransferRequested)
        self.conference_button.clicked.connect(self.conferenceRequested)
        self.end_button.clicked.connect(self.endRequested)
        self._busy: set[str] = set()
        self.set_theme(theme)
        self.sync_state()

    def set_theme(self, theme: Theme) -> None:
        self.delegate.set_theme(theme)
        self.end_button.setIcon(icon("close", theme.muted))
        self.send_button.setIcon(icon("send", theme.accent_text, theme.muted))
        self.complete_transfer_button.setIcon(icon("transfer", theme.text, theme.muted))
        self.conference_button.setIcon(icon("conference", theme.text, theme.muted))
        # a tinted panel: the internal chat must not be mistaken for the customer's
        self.setStyleSheet(
            f"#consultationView {{ background: {theme.window.name()};"
            f" border-left: 1px solid {theme.border.name()}; }}"
            f" #consultationStatus {{ color: {theme.muted.name()}; }}"
            " #consultationTitle { font-weight: 600; }"
            f" #consultationView #transcript {{ border: 1px solid {theme.border.name()};"
            " border-radius: 6px; }"
        )

    def sync_state(self) -> None:
        state = self.consultation.state
        live = state is ConsultationState.ACTIVE
        name = display_text(self.consultation.target.name, limit=80)
        self.status.setText(
            self.tr("Waiting for {0} to answer…").format(name)
            if state is ConsultationState.REQUESTED
            else self.tr("Not visible to the contact")
        )
        self.composer.setEnabled(live)
        busy = bool(self._busy)
        self.complete_transfer_button.setEnabled(live and not busy)
        self.conference_button.setEnabled(live and not busy)
        self.end_button.setEnabled(live and not busy)
        self._sync()

    def set_busy(self, action: str, busy: bool) -> None:
        if busy:
            self._busy.add(action)
        else:
            self._busy.discard(action)
        texts = {
            "complete_transfer": (
                self.complete_transfer_button,
                self.tr("Transferring…"),
                self.tr("Transfer"),
            ),
            "consult_conference": (
                self.conference_button,
                self.tr("Joining…"),
                self.tr("Conference"),
            ),
        }
        if action in texts:
            button, busy_text, idle_text = texts[action]
            button.setText(busy_text if busy else idle_text)
            button.setProperty("busy", busy)
        self.sync_state()

    def _sync(self) -> None:
        self.send_button.setEnabled(
            self.consultation.state is ConsultationState.ACTIVE
            and bool(self.composer.toPlainText().strip())
        )

    def _submit(self) -> None:
        text = self.composer.toPlainText().strip()
        if not text or self.consultation.state is not ConsultationState.ACTIVE:
            return
        self.composer.clear()
        self.sendRequested.emit(text)
