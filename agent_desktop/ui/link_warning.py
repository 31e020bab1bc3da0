"""The warning before a link whose address imitates another site (a homograph) opens."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from agent_desktop.core.display import display_text
from agent_desktop.core.urls import LookAlike


class LookAlikeLinkDialog(QMessageBox):
    """Says where the link really goes; ``openConfirmed(url)`` only if the agent insists.
    Window-modal and opened with :meth:`open`, so nothing waits on it."""

    openConfirmed = Signal(str)

    def __init__(self, url: str, lookalike: LookAlike, parent: QWidget) -> None:
        super().__init__(parent)
        self.url = url
        self.setObjectName("lookalikeLinkDialog")
        self.setWindowTitle(self.tr("Check this link"))
        self.setAccessibleName(self.tr("Check this link"))
        self.setIcon(QMessageBox.Icon.Warning)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setText(self.tr("This link may imitate another site."))
        self.setInformativeText(
            self.tr(
                "The address shows:\n    {0}\nbut really goes to:\n    {1}\n\nSome of its "
                "letters come from another alphabet and only look the same. Open it only if "
                "you trust it."
            ).format(display_text(lookalike.host, limit=120), lookalike.ascii_host)
        )
        # wide enough for an address on one line
        self.setStyleSheet("QLabel#qt_msgbox_informativelabel { min-width: 26em; }")
        self.open_button = QPushButton(self.tr("Open anyway"), self)
        self.open_button.setObjectName("openAnywayButton")
        self.cancel_button = QPushButton(self.tr("Do not open"), self)
        self.cancel_button.setObjectName("doNotOpenButton")
        self.addButton(self.open_button, QMessageBox.ButtonRole.AcceptRole)
        self.addButton(self.cancel_button, QMessageBox.ButtonRole.RejectRole)
        self.setDefaultButton(self.cancel_button)
        self.setEscapeButton(self.cancel_button)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.buttonClicked.connect(self._clicked)

    def _clicked(self, button: object) -> None:
        if button is self.open_button:
            self.openConfirmed.emit(self.url)
