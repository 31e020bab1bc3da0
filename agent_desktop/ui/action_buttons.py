"""Transfer, conference, consult, call and e-mail buttons of a chat view's header."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QToolButton, QWidget

from agent_desktop.core.types import Capability, InteractionState
from agent_desktop.services.interaction_store import InteractionRecord
from agent_desktop.ui.icons import icon
from agent_desktop.ui.theme import Theme


class ActionButtons(QWidget):
    """Passive: each click leaves as a signal; hidden where the backend cannot do it."""

    transferRequested = Signal()
    conferenceRequested = Signal()
    consultRequested = Signal()
    callRequested = Signal()
    emailRequested = Signal()

    def __init__(self, record: InteractionRecord, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("interactionActions")
        self.record = record
        self._capabilities: frozenset[Capability] = frozenset()
        self._busy: set[str] = set()
        name = record.contact.name
        self.transfer_button = self._button(
            "transferButton",
            self.tr("Transfer"),
            self.tr("Transfer the chat to a colleague or queue"),
        )
        self.conference_button = self._button(
            "conferenceButton", self.tr("Conference"), self.tr("Add a colleague to the chat")
        )
        self.consult_button = self._button(
            "consultButton",
            self.tr("Consult"),
            self.tr("Chat with a colleague; the contact does not see it"),
        )
        self.call_button = self._button(
            "callContactButton",
            self.tr("Call"),
            self.tr("Call {0} ({1})").format(name, record.contact.phone or ""),
            with_text=False,
        )
        self.email_button = self._button(
            "emailContactButton",
            self.tr("E-mail"),
            self.tr("E-mail {0} ({1})").format(name, record.contact.email or ""),
            with_text=False,
        )
        separator = QFrame(self)
        separator.setFrameShape(QFrame.Shape.VLine)
        separator.setObjectName("actionSeparator")
        self.separator = separator
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(2)
        for button in (self.transfer_button, self.conference_button, self.consult_button):
            row.addWidget(button)
        row.addWidget(separator)
        row.addWidget(self.call_button)
        row.addWidget(self.email_button)
        self.transfer_button.clicked.connect(self.transferRequested)
        self.conference_button.clicked.connect(self.conferenceRequested)
        self.consult_button.clicked.connect(self.consultRequested)
        self.call_button.clicked.connect(self.callRequested)
        self.email_button.clicked.connect(self.emailRequested)
        record.stateChanged.connect(self.sync)
        self.sync()

    def _button(self, name: str, label: str, tip: str, *, with_text: bool = True) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(name)
        button.setText(label)
        button.setAccessibleName(label)
        button.setToolTip(tip)
        button.setAutoRaise(True)
        button.setProperty("idleText", label)
        button.setToolButtonStyle(
            Qt.ToolButtonStyle.ToolButtonTextBesideIcon
            if with_text
            else Qt.ToolButtonStyle.ToolButtonIconOnly
        )
        return button

    # what the window tells it -----------------------------------------------------------
    def set_capabilities(self, capabilities: frozenset[Capability]) -> None:
        self._capabilities = capabilities
        self.sync()

    def set_theme(self, theme: Theme) -> None:
        for button, name in (
            (self.transfer_button, "transfer"),
            (self.conference_button, "conference"),
            (self.consult_button, "consult"),
            (self.call_button, "phone"),
            (self.email_button, "mail"),
        ):
            button.setIcon(icon(name, theme.text, theme.muted))
        self.separator.setStyleSheet(f"color: {theme.border.name()};")

    def set_busy(self, action: str, busy: bool) -> None:
        """Show a request in progress: disabled, with a busy text."""
        button = self._by_action().get(action)
        if button is None:
            return
        if busy:
            self._busy.add(action)
        else:
            self._busy.discard(action)
        busy_texts = {
            "transfer": self.tr("Transferring…"),
            "conference": self.tr("Adding…"),
            "consult": self.tr("Calling…"),
        }
        idle = str(button.property("idleText"))
        button.setText(busy_texts.get(action, idle) if busy else idle)
        button.setProperty("busy", busy)
        self.sync()

    def _by_action(self) -> dict[str, QToolButton]:
        return {
            "transfer": self.transfer_button,
            "conference": self.conference_button,
            "consult": self.consult_button,
            "call": self.call_button,
            "email": self.email_button,
        }

    def sync(self) -> None:
        caps = self._capabilities
        contact = self.record.contact
        live = self.record.state is InteractionState.ACTIVE
        handing_over = bool(self._busy & {"transfer", "conference", "consult"})
        shown = {
            "transfer": Capability.TRANSFER in caps,
            "conference": Capability.CONFERENCE in caps,
            "consult": Capability.CONSULT in caps,
            "call": Capability.CALL in caps and bool(contact.phone),
            "email": Capability.EMAIL in caps and bool(contact.email),
        }
        for action, button in self._by_action().items():
            button.setVisible(shown[action])
            if action in ("call", "email"):
                button.setEnabled(action not in self._busy)
            else:
                button.setEnabled(live and not handing_over)
        self.separator.setVisible(
            (shown["transfer"] or shown["conference"] or shown["consult"])
            and (shown["call"] or shown["email"])
        )
