"""The Push URL editor below the composer: field, Open, Send, and the pushed-URL history."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QModelIndex,
    QObject,
    QPoint,
    QStringListModel,
    Qt,
    QUrl,
    Signal,
)
from PySide6.QtGui import QDesktopServices, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from agent_desktop.core.urls import UrlRefusal, check_url


def _tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate: module helpers, empty context


def refusal_text(reason: UrlRefusal) -> str:
    """Why a URL cannot be pushed, in the agent's language."""
    tr = _tr
    return {
        UrlRefusal.EMPTY: "",
        UrlRefusal.UNSUPPORTED_SCHEME: tr(
            "Only web links (http:// or https://) can be sent to a contact."
        ),
        UrlRefusal.MISSING_SCHEME: tr("Add https:// in front of the address."),
        UrlRefusal.NOT_A_URL: tr("This is not a web address."),
        UrlRefusal.NO_HOST: tr("The address has no site name."),
        UrlRefusal.CREDENTIALS: tr(
            "Addresses with a user name (name@site) are refused: they can hide the real site."
        ),
        UrlRefusal.INVALID_CHARACTERS: tr(
            "A web address cannot contain spaces or hidden characters."
        ),
    }[reason]


class UrlHistoryList(QListView):
    """Popup list of pushed URLs: Up/Down move, Left/Right/Enter pick, Escape closes."""

    picked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowFlags(Qt.WindowType.Popup)
        self.setObjectName("urlHistoryList")
        self.setAccessibleName(self.tr("Sent links"))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setUniformItemSizes(True)
        self.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.clicked.connect(self._pick)

    def _pick(self, index: QModelIndex) -> None:
        if index.isValid():
            self.picked.emit(str(index.data(Qt.ItemDataRole.DisplayRole)))
        self.hide()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._pick(self.currentIndex())
            event.accept()
            return
        if key == Qt.Key.Key_Escape:
            self.hide()
            event.accept()
            return
        super().keyPressEvent(event)


class UrlEditor(QFrame):
    """Passive: checks what the agent types and emits :attr:`pushRequested` with a good URL."""

    pushRequested = Signal(str)
    closeRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("urlEditor")
        self.setAccessibleName(self.tr("Push a link"))
        self.field = QLineEdit(self)
        self.field.setObjectName("urlField")
        self.field.setAccessibleName(self.tr("Link to send"))
        self.field.setPlaceholderText(self.tr("https://… — a link for the contact to open"))
        self.field.setClearButtonEnabled(True)
        self.field.installEventFilter(self)
        self.history_button = QToolButton(self)
        self.history_button.setObjectName("urlHistoryButton")
        self.history_button.setAccessibleName(self.tr("Sent links"))
        self.history_button.setToolTip(self.tr("Links you have sent (Alt+Down)"))
        self.history_button.setArrowType(Qt.ArrowType.DownArrow)
        self.history_button.setAutoRaise(True)
        self.open_button = QPushButton(self.tr("Open"), self)
        self.open_button.setObjectName("urlOpenButton")
        self.open_button.setAccessibleName(self.tr("Open the link in the browser"))
        self.open_button.setToolTip(self.tr("Check the page in your browser"))
        self.send_button = QPushButton(self.tr("Send link"), self)
        self.send_button.setObjectName("urlSendButton")
        self.send_button.setAccessibleName(self.tr("Send the link"))
        self.send_button.setToolTip(self.tr("Send the link to the contact (Enter)"))
        self.error = QLabel(self)
        self.error.setObjectName("urlError")
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        self.error.setAccessibleName(self.tr("Link problem"))
        self.error.hide()

        self.history_model = QStringListModel(self)
        self.history = UrlHistoryList(self)
        self.history.setModel(self.history_model)
        self.history.picked.connect(self._history_picked)

        row = QHBoxLayout()
        row.setSpacing(4)
        row.addWidget(self.field, 1)
        row.addWidget(self.history_button)
        row.addWidget(self.open_button)
        row.addWidget(self.send_button)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 4, 0, 0)
        box.setSpacing(2)
        box.addLayout(row)
        box.addWidget(self.error)

        self.field.textChanged.connect(self._validate)
        self.open_button.clicked.connect(self._open)
        self.send_button.clicked.connect(self._send)
        self.history_button.clicked.connect(self.show_history)
        self.set_history([])
        self._validate("")

    # state ------------------------------------------------------------------------------
    def set_history(self, urls: Sequence[str]) -> None:
        self.history_model.setStringList(list(urls))
        self.history_button.setVisible(bool(urls))

    def checked_url(self) -> str | None:
        return check_url(self.field.text()).url

    def _validate(self, text: str) -> None:
        result = check_url(text)
        self.open_button.setEnabled(result.ok)
        self.send_button.setEnabled(result.ok)
        message = "" if result.refusal is None else refusal_text(result.refusal)
        self.error.setText(message)
        self.error.setVisible(bool(message))
        self.setProperty("refusal", "" if result.refusal is None else result.refusal.value)

    # actions ----------------------------------------------------------------------------
    def _open(self) -> None:
        url = self.checked_url()
        if url is not None:
            QDesktopServices.openUrl(QUrl(url))

    def _send(self) -> None:
        url = self.checked_url()
        if url is None:
            return
        self.field.clear()
        self.pushRequested.emit(url)

    def show_history(self) -> None:
        if self.history_model.rowCount() == 0:
            return
        self.history.setMinimumWidth(self.field.width())
        rows = min(self.history_model.rowCount(), 8)
        height = self.history.sizeHintForRow(0) * rows + 2 * self.history.frameWidth() + 2
        self.history.resize(max(self.field.width(), 240), height)
        self.history.move(self.field.mapToGlobal(QPoint(0, self.field.height())))
        self.history.setCurrentIndex(self.history_model.index(0, 0))
        self.history.show()
        self.history.setFocus(Qt.FocusReason.PopupFocusReason)

    def _history_picked(self, url: str) -> None:
        self.field.setText(url)
        self.field.setFocus(Qt.FocusReason.OtherFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._send()
                return True
            if key == Qt.Key.Key_Escape:
                self.closeRequested.emit()
                return True
            if key == Qt.Key.Key_Down and (
                event.modifiers() & Qt.KeyboardModifier.AltModifier or not self.field.text()
            ):
                self.show_history()
                return True
        return super().eventFilter(watched, event)
