"""The main window: agent status, interaction bar, chat views and notifications."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from agent_desktop.core.types import ConnectionState
from agent_desktop.services.bridge import MessageBridge
from agent_desktop.services.conversations import ConversationService
from agent_desktop.services.interaction_store import InteractionStore
from agent_desktop.services.session import AgentSession
from agent_desktop.services.settings_store import SettingsStore
from agent_desktop.ui.chat_view import ChatView
from agent_desktop.ui.connect_area import ConnectArea
from agent_desktop.ui.icons import icon
from agent_desktop.ui.interaction_bar import InteractionBar
from agent_desktop.ui.settings_dialog import SettingsDialog
from agent_desktop.ui.sound import play_incoming
from agent_desktop.ui.taskbar import TaskbarFlasher
from agent_desktop.ui.theme import Theme
from agent_desktop.ui.toast import IncomingChatToast


class NoticeBanner(QFrame):
    """A dismissible line at the top of the window for errors and warnings."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noticeBanner")
        self.setAccessibleName(self.tr("Notice"))
        self.label = QLabel(self)
        self.label.setObjectName("noticeText")
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setWordWrap(True)
        self.close_button = QToolButton(self)
        self.close_button.setObjectName("noticeCloseButton")
        self.close_button.setText("✕")
        self.close_button.setAccessibleName(self.tr("Dismiss"))
        self.close_button.clicked.connect(self.hide)
        row = QHBoxLayout(self)
        row.setContentsMargins(14, 6, 8, 6)
        row.addWidget(self.label, 1)
        row.addWidget(self.close_button)
        self.hide()

    def show_notice(self, level: str, text: str) -> None:
        self.setProperty("level", level)
        self.style().unpolish(self)
        self.style().polish(self)
        self.label.setText(text)
        self.setAccessibleDescription(text)
        self.show()


class MainWindow(QMainWindow):
    """The composition of every view, wired to the services in :meth:`_connect_signals`."""

    closed = Signal()

    def __init__(
        self,
        session: AgentSession | None,
        store: InteractionStore,
        settings: SettingsStore,
        bridge: MessageBridge,
        theme: Theme,
        agent_name: str,
    ) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setAccessibleName(self.tr("Agent Desktop"))
        self.setWindowTitle(self.tr("Agent Desktop — {0}").format(agent_name))
        self.session = session
        self.store = store
        self.settings_store = settings
        self.bridge = bridge
        self.theme = theme
        self.views: dict[str, ChatView] = {}
        self._accepted_by_click: set[str] = set()
        #: the Connect area and Conversation tabs, once asynchronous chat is set up
        self.connect_area: ConnectArea | None = None

        # top bar -------------------------------------------------------------------------
        top = QFrame(self)
        top.setObjectName("topBar")
        self.agent_label = QLabel(agent_name, top)
        self.agent_label.setObjectName("agentName")
        self.agent_label.setTextFormat(Qt.TextFormat.PlainText)
        self.ready_button = QPushButton(top)
        self.ready_button.setObjectName("readyButton")
        self.ready_button.setCheckable(True)
        self.ready_button.setAccessibleName(self.tr("Ready on the Chat channel"))
        self.ready_button.setToolTip(
            self.tr("Ready / Not Ready on the Chat channel (Ctrl+Shift+R)")
        )
        self.connection_label = QLabel(top)
        self.connection_label.setObjectName("connectionStatus")
        self.connection_label.setAccessibleName(self.tr("Connection"))
        self.settings_button = QToolButton(top)
        self.settings_button.setObjectName("settingsButton")
        self.settings_button.setAccessibleName(self.tr("Settings"))
        self.settings_button.setToolTip(self.tr("Settings"))
        self.settings_button.setAutoRaise(True)
        top_row = QHBoxLayout(top)
        top_row.setContentsMargins(12, 6, 8, 6)
        top_row.setSpacing(10)
        self.agent_icon = QLabel(top)
        top_row.addWidget(self.agent_icon)
        top_row.addWidget(self.agent_label)
        top_row.addSpacing(6)
        top_row.addWidget(self.ready_button)
        top_row.addStretch(1)
        top_row.addWidget(self.connection_label)
        top_row.addWidget(self.settings_button)

        self.banner = NoticeBanner(self)
        self.bar = InteractionBar(theme, self)
        self.stack = QStackedWidget(self)
        self.stack.setObjectName("interactionStack")
        self.empty = self._empty_page()
        self.stack.addWidget(self.empty)
        self.toast = IncomingChatToast(theme, self)

        central = QWidget(self)
        root = QVBoxLayout(central)
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(0)
        root.addWidget(top)
        root.addWidget(self.banner)
        root.addWidget(self.bar)
        root.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.resize(1120, 720)
        self.setMinimumSize(720, 480)

        self.flasher = TaskbarFlasher(
            self, store, lambda: self.settings_store.settings.chat.flash_taskbar
        )
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._tick_views)
        self._tick.start()

        self._connect_signals()
        self._sync_ready(False)
        self._sync_connection(ConnectionState.DISCONNECTED.value, "")
        self.set_theme(theme)
        self._sync_bar_visibility()
        if settings.load_warning:
            bridge.warning(
                self.tr(
                    "Your settings file could not be read; defaults are used. "
                    "The unreadable file was kept as {0}."
                ).format(settings.load_warning)
            )

    def _empty_page(self) -> QWidget:
        page = QWidget(self)
        page.setObjectName("emptyState")
        self.empty_title = QLabel(self.tr("No open interaction"), page)
        font = self.empty_title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        self.empty_title.setFont(font)
        self.empty_hint = QLabel(page)
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        box = QVBoxLayout(page)
        box.addStretch(1)
        box.addWidget(self.empty_title, 0, Qt.AlignmentFlag.AlignHCenter)
        box.addWidget(self.empty_hint, 0, Qt.AlignmentFlag.AlignHCenter)
        box.addStretch(2)
        return page

    # wiring ---------------------------------------------------------------------------
    def _connect_signals(self) -> None:
        store, session = self.store, self.session
        self.bridge.notice.connect(self.banner.show_notice)
        self.settings_button.clicked.connect(self.open_settings)
        self.bar.selected.connect(self.show_interaction)
        store.offered.connect(self._offered)
        store.revoked.connect(self.toast.withdraw)
        store.opened.connect(self._opened)
        store.removed.connect(self._removed)
        shortcuts = (
            ("Ctrl+Shift+R", self.ready_button.click),
            ("Ctrl+Tab", lambda: self._cycle(1)),
            ("Ctrl+Shift+Tab", lambda: self._cycle(-1)),
            ("Ctrl+PgDown", lambda: self._cycle(1)),
            ("Ctrl+PgUp", lambda: self._cycle(-1)),
            ("Ctrl+Shift+E", lambda: self._current_action("end")),
            ("Ctrl+Shift+D", lambda: self._current_action("done")),
            ("Ctrl+Shift+A", self.toast.accept_button.click),
        )
        for key, slot in shortcuts:
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(slot)
        if session is None:
            self.ready_button.setEnabled(False)
            return
        self.ready_button.clicked.connect(self._ready_clicked)
        session.readyChanged.connect(self._sync_ready)
        session.connectionChanged.connect(self._sync_connection)
        session.busyChanged.connect(self._busy)
        self.toast.acceptRequested.connect(self._accept)
        self.toast.rejectRequested.connect(session.reject)

    def _connect_view(self, view: ChatView, iid: str) -> None:
        session = self.session
        if session is None:
            return
        view.sendRequested.connect(lambda text: session.send(iid, text))
        view.endRequested.connect(lambda: session.end(iid))
        view.doneRequested.connect(lambda: session.mark_done(iid))
        view.composing.connect(lambda: session.composing(iid))
        view.retryRequested.connect(lambda txn: session.retry(iid, txn))

    def set_conversations(self, service: ConversationService) -> None:
        """Add the Connect area (Communication tab) and a Conversation tab to chat views."""
        self.connect_area = ConnectArea(self, service)
        for view in self.views.values():
            self.connect_area.attach_conversation(view)

    # reactions --------------------------------------------------------------------------
    def _accept(self, iid: str) -> None:
        if self.session is not None:
            self._accepted_by_click.add(iid)
            self.session.accept(iid)

    def _ready_clicked(self, checked: bool) -> None:
        assert self.session is not None
        # show the confirmed state, not the wish: the session reports it
        self.ready_button.setChecked(self.session.ready)
        self.session.set_ready(checked)

    def _sync_ready(self, ready: bool) -> None:
        self.ready_button.setChecked(ready)
        self.ready_button.setText(self.tr("Ready") if ready else self.tr("Not Ready"))
        color = self.theme.green if ready else self.theme.muted
        self.ready_button.setIcon(icon("agent", color))
        self.ready_button.setAccessibleDescription(
            self.tr("You receive chats") if ready else self.tr("You receive no chats")
        )
        self._sync_empty_hint()

    def _sync_empty_hint(self) -> None:
        if self.session is None:
            hint = self.tr("No messaging backend is available. See the notice above.")
        elif self.ready_button.isChecked():
            hint = self.tr("You are Ready. New chats will appear here.")
        else:
            hint = self.tr("Go Ready to receive chats.")
        self.empty_hint.setText(hint)

    def _sync_connection(self, state: str, detail: str) -> None:
        labels = {
            ConnectionState.DISCONNECTED: self.tr("Offline"),
            ConnectionState.CONNECTING: self.tr("Connecting…"),
            ConnectionState.CONNECTED: self.tr("Connected"),
            ConnectionState.RECONNECTING: self.tr("Reconnecting…"),
            ConnectionState.FAILED: self.tr("Connection failed"),
        }
        value = ConnectionState(state)
        text = labels[value]
        self.connection_label.setText(text)
        self.connection_label.setProperty("state", state)
        self.connection_label.setToolTip(detail or text)
        color = {
            ConnectionState.CONNECTED: self.theme.green,
            ConnectionState.FAILED: self.theme.red,
            ConnectionState.RECONNECTING: self.theme.yellow,
        }.get(value, self.theme.muted)
        self.connection_label.setStyleSheet(f"color: {color.name()};")

    def _offered(self, iid: str) -> None:
        record = self.store.get(iid)
        if record is None or self.settings_store.settings.chat.auto_answer:
            return
        if record.summary.outbound:
            return  # the agent started it: nothing to answer
        self.toast.offer(record.summary)
        if self.settings_store.settings.chat.notification_sound:
            play_incoming()

    def _opened(self, iid: str) -> None:
        self.toast.withdraw(iid)
        record = self.store.get(iid)
        if record is None:
            return
        self.bar.add(record)
        view = ChatView(record, self.theme, self.stack)
        self.views[iid] = view
        self.stack.addWidget(view)
        self._connect_view(view, iid)
        if iid in self._accepted_by_click:
            # the agent accepted from the notification: bring the chat in front of them
            self._accepted_by_click.discard(iid)
            self.show_interaction(iid)
            self.activateWindow()
        elif self.stack.currentWidget() is self.empty:
            self.show_interaction(iid)
        self._sync_bar_visibility()

    def _removed(self, iid: str) -> None:
        self.toast.withdraw(iid)
        order = self.bar.ordered_ids()
        was_current = self.current_view() is self.views.get(iid)
        self.bar.remove(iid)
        view = self.views.pop(iid, None)
        if view is not None:
            self.stack.removeWidget(view)
            view.deleteLater()
        if was_current:
            rest = [i for i in order if i != iid]
            if rest:
                position = min(order.index(iid), len(rest) - 1)
                self.show_interaction(rest[position])
            else:
                self.stack.setCurrentWidget(self.empty)
        self._sync_bar_visibility()

    def _busy(self, key: str, busy: bool) -> None:
        action, _, iid = key.partition(":")
        if action in ("accept", "reject"):
            self.toast.set_busy(iid, busy)
        elif action == "ready":
            self.ready_button.setEnabled(not busy)
        view = self.views.get(iid)
        if view is not None:
            view.set_busy(action, busy)

    def _sync_bar_visibility(self) -> None:
        self.bar.setVisible(bool(self.bar.items))

    def _tick_views(self) -> None:
        self.bar.tick()
        view = self.current_view()
        if view is not None:
            view.tick()

    # navigation ---------------------------------------------------------------------------
    def current_view(self) -> ChatView | None:
        widget = self.stack.currentWidget()
        return widget if isinstance(widget, ChatView) else None

    def show_interaction(self, iid: str) -> None:
        view = self.views.get(iid)
        if view is None:
            return
        self.stack.setCurrentWidget(view)
        self.bar.select(iid)
        view.tick()
        view.focus_composer()

    def _cycle(self, step: int) -> None:
        order = self.bar.ordered_ids()
        if not order:
            return
        current = self.current_view()
        index = order.index(current.record.id) if current is not None else -1
        self.show_interaction(order[(index + step) % len(order)])

    def _current_action(self, action: str) -> None:
        view = self.current_view()
        if view is None:
            return
        button = view.end_button if action == "end" else view.done_button
        if button.isEnabled():
            button.click()

    # settings and theme ---------------------------------------------------------------------
    def open_settings(self) -> None:
        dialog = SettingsDialog(self.settings_store.settings, self)
        while dialog.exec() == SettingsDialog.DialogCode.Accepted:
            error = self.settings_store.try_update(dialog.values())
            if error is None:
                break
            dialog.show_error(error)
        dialog.deleteLater()

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.settings_button.setIcon(icon("settings", theme.muted))
        self.agent_icon.setPixmap(icon("person", theme.muted).pixmap(20, 20))
        self.toast.set_theme(theme)
        self.bar.set_theme(theme)
        for view in self.views.values():
            view.set_theme(theme)
        if self.connect_area is not None:
            self.connect_area.set_theme(theme)
        self._sync_ready(self.ready_button.isChecked())

    def closeEvent(self, event: QCloseEvent) -> None:
        self.toast.hide()
        self.bar.preview.hide()
        if self.connect_area is not None:
            self.connect_area.close()
        super().closeEvent(event)
        self.closed.emit()
