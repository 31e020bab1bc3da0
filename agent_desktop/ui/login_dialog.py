"""Log in to a Matrix homeserver: URL, user and password, with a clear reason when asked."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class LoginDialog(QDialog):
    """Passive: emits ``loginRequested(homeserver, user, password)``; shows what it is told."""

    loginRequested = Signal(str, str, str)

    def __init__(
        self,
        homeserver: str = "",
        user: str = "",
        parent: QWidget | None = None,
        team_room: str = "",
    ):
        super().__init__(parent)
        self.setObjectName("loginDialog")
        self.setWindowTitle(self.tr("Log in to Matrix"))
        self.setAccessibleName(self.tr("Log in to Matrix"))
        self.setModal(True)
        self.setMinimumWidth(420)

        self.message = QLabel(self)
        self.message.setObjectName("loginMessage")
        self.message.setAccessibleName(self.tr("Login status"))
        self.message.setTextFormat(Qt.TextFormat.PlainText)
        self.message.setWordWrap(True)
        self.message.hide()

        self.homeserver = QLineEdit(homeserver, self)
        self.homeserver.setObjectName("homeserverEdit")
        self.homeserver.setAccessibleName(self.tr("Homeserver URL"))
        self.homeserver.setPlaceholderText("https://matrix.example.org")
        self.user = QLineEdit(user, self)
        self.user.setObjectName("userEdit")
        self.user.setAccessibleName(self.tr("Matrix user"))
        self.user.setPlaceholderText("@alex:example.org")
        self.password = QLineEdit(self)
        self.password.setObjectName("passwordEdit")
        self.password.setAccessibleName(self.tr("Password"))
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        # optional: the room whose members are the agent's colleagues (transfer targets)
        self.team_room = QLineEdit(team_room, self)
        self.team_room.setObjectName("teamRoomEdit")
        self.team_room.setAccessibleName(self.tr("Team room"))
        self.team_room.setPlaceholderText(self.tr("#team:example.org (optional)"))
        self.team_room.setToolTip(
            self.tr("The room whose members are your colleagues, for transfers and consultations")
        )

        form = QFormLayout()
        form.addRow(self.tr("Homeserver"), self.homeserver)
        form.addRow(self.tr("User"), self.user)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Team room"), self.team_room)

        buttons = QDialogButtonBox(self)
        self.login_button = QPushButton(self.tr("Log in"), self)
        self.login_button.setObjectName("loginButton")
        self.login_button.setAccessibleName(self.tr("Log in"))
        self.login_button.setDefault(True)
        buttons.addButton(self.login_button, QDialogButtonBox.ButtonRole.AcceptRole)
        cancel = buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setObjectName("loginCancelButton")
        cancel.setAccessibleName(self.tr("Cancel"))
        self.login_button.clicked.connect(self._submit)
        cancel.clicked.connect(self.reject)
        for edit in (self.homeserver, self.user, self.password):
            edit.textChanged.connect(self._update)

        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self._update()
        if homeserver and user:
            self.password.setFocus()

    def _update(self) -> None:
        filled = all(e.text().strip() for e in (self.homeserver, self.user, self.password))
        self.login_button.setEnabled(filled)

    def _submit(self) -> None:
        if not self.login_button.isEnabled():
            return
        self.set_busy(True)
        self.loginRequested.emit(
            self.homeserver.text().strip(), self.user.text().strip(), self.password.text()
        )

    def set_busy(self, busy: bool) -> None:
        for edit in (self.homeserver, self.user, self.password, self.team_room):
            edit.setEnabled(not busy)
        self.login_button.setEnabled(not busy)
        if busy:
            self.show_message(self.tr("Connecting…"), error=False)
        else:
            self._update()

    def show_message(self, text: str, *, error: bool = True) -> None:
        self.message.setText(text)
        self.message.setProperty("error", error)
        dark = self.palette().window().color().lightness() < 128
        red = "#ef9a9a" if dark else "#c62828"
        self.message.setStyleSheet(f"color: {red};" if error else "")
        self.message.show()
