"""The main window: agent status, interaction bar, chat views and notifications."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6 import QtCore, QtGui, QtWidgets
from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QPushButton,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from agent_desktop.core.display import display_text
from agent_desktop.core.types import Capability, ConnectionState, InteractionState
from agent_desktop.ui.icons import icon
from agent_desktop.ui.theme import Theme

# Start-up (docs/performance.md, cold start): the window's frame is built and painted before
# the services exist, so this module imports only Qt and light modules at load time. The
# desk's parts (chat views, toast, interaction bar, dialogs...) and the services are
# imported where the window first needs them, once the frame is on screen. PySide6 creates a
# class's Python enums when the class is first reached (Qt's ``Qt`` namespace: ~90 of them,
# ~15 ms): what the frame does not use is reached through its module (``QtCore.Qt``,
# ``QtGui.QKeySequence``...) when the desk first needs it.
if TYPE_CHECKING:
    from PySide6.QtWidgets import QPlainTextEdit

    from agent_desktop.services.actions import InteractionActions
    from agent_desktop.services.bridge import MessageBridge
    from agent_desktop.services.conversations import ConversationService
    from agent_desktop.services.drafts import DraftKeeper
    from agent_desktop.services.interaction_store import InteractionStore
    from agent_desktop.services.session import AgentSession
    from agent_desktop.services.settings_store import SettingsStore
    from agent_desktop.services.state_store import LocalState
    from agent_desktop.services.statistics import StatisticsService
    from agent_desktop.ui.action_wiring import ActionsController
    from agent_desktop.ui.chat_view import ChatView
    from agent_desktop.ui.composer_tools import ComposerTools
    from agent_desktop.ui.connect_area import ConnectArea
    from agent_desktop.ui.crash_dialog import CrashDialog
    from agent_desktop.ui.interaction_bar import InteractionBar
    from agent_desktop.ui.stats_panel import StatsPanel
    from agent_desktop.ui.taskbar import TaskbarFlasher
    from agent_desktop.ui.toast import IncomingChatToast

#: the only kinds of link a click in a transcript may open
OPENABLE_SCHEMES = ("http", "https", "mailto", "tel")

#: the most characters of a notice the banner shows
NOTICE_CHARS = 600

#: transcript zoom notches, in percent of the application font
ZOOM_STEPS = (50, 67, 80, 90, 100, 110, 125, 150, 175, 200, 250, 300)


class NoticeBanner(QFrame):
    """A dismissible line at the top of the window for errors and warnings."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noticeBanner")
        self.setAccessibleName(self.tr("Notice"))
        self.label = QLabel(self)
        self.label.setObjectName("noticeText")
        self.label.setTextFormat(QtCore.Qt.TextFormat.PlainText)
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
        """Show ``text``, which may carry wire data (a colleague's name, a contact's number,
        a server's error): made safe and bounded like every other wire text."""
        self.setProperty("level", level)
        self.style().unpolish(self)
        self.style().polish(self)
        shown = display_text(text, limit=NOTICE_CHARS)
        self.label.setText(shown)
        self.setAccessibleDescription(shown)
        self.show()


class MainWindow(QMainWindow):
    """The composition of every view, wired to the services in :meth:`_connect_signals`.

    It is built in two steps, so that the agent sees it as early as possible: the frame (top
    bar and the empty workspace) needs only a theme and the agent's name and is painted
    first; :meth:`attach` then adds the desk (notice banner, interaction bar, incoming-chat
    notification, chat views) and wires it to the services (docs/performance.md).
    """

    closed = Signal()
    #: the agent asks for the login dialog again (after closing it without logging in)
    loginRequested = Signal()
    #: the interaction shown ("" for none) and whether the window is active (talk time)
    viewFocusChanged = Signal(str, bool)

    # set by attach(): the window's frame exists (and is painted) before the services do
    session: AgentSession | None
    store: InteractionStore
    settings_store: SettingsStore
    bridge: MessageBridge
    bar: InteractionBar
    toast: IncomingChatToast
    flasher: TaskbarFlasher
    interaction_actions: InteractionActions | None
    action_controller: ActionsController | None

    def __init__(self, theme: Theme, agent_name: str) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setAccessibleName(self.tr("Agent Desktop"))
        self.theme = theme
        #: the desk is attached (see attach): until then the frame says it is starting
        self.attached = False
        self.views: dict[str, ChatView] = {}
        self.composer_tools: dict[str, ComposerTools] = {}
        self.local_state: LocalState | None = None
        self.drafts: DraftKeeper | None = None
        #: draft key -> (its composer, the widget whose signals a restore keeps quiet)
        self._draft_composers: dict[str, tuple[QPlainTextEdit, QWidget]] = {}
        self._reports_view_focus = False  # set by attach_statistics
        self._accepted_by_click: set[str] = set()
        #: the Connect area and Conversation tabs, once asynchronous chat is set up
        self.connect_area: ConnectArea | None = None
        #: actions of controllers attached after construction, by shortcut action name
        self.extra_actions: dict[str, Callable[[], object]] = {}
        self.shortcuts: list[QtGui.QShortcut] = []

        # top bar -------------------------------------------------------------------------
        top = QFrame(self)
        top.setObjectName("topBar")
        self.agent_label = QLabel(top)  # plain text from attach() on (see set_agent_name)
        self.agent_label.setObjectName("agentName")
        self.ready_button = QPushButton(top)
        self.ready_button.setObjectName("readyButton")
        self.ready_button.setCheckable(True)
        self.ready_button.setAccessibleName(self.tr("Ready on the Chat channel"))
        self.ready_button.setToolTip(
            self.tr("Ready / Not Ready on the Chat channel (Ctrl+Shift+R)")
        )
        self.ready_button.setEnabled(False)  # until a session is attached
        self.connection_label = QLabel(top)
        self.connection_label.setObjectName("connectionStatus")
        self.connection_label.setAccessibleName(self.tr("Connection"))
        self.connection_label.setText(self.tr("Starting…"))  # until attach()
        self.connection_label.setProperty("state", "starting")
        self.settings_button = QToolButton(top)
        self.settings_button.setObjectName("settingsButton")
        self.settings_button.setAccessibleName(self.tr("Settings"))
        self.settings_button.setToolTip(self.tr("Settings"))
        self.settings_button.setAutoRaise(True)
        self.help_button = QToolButton(top)
        self.help_button.setObjectName("helpButton")
        self.help_button.setAccessibleName(self.tr("Help"))
        self.help_button.setToolTip(self.tr("Help"))
        self.help_button.setAutoRaise(True)
        self.help_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.help_menu = QMenu(self.help_button)
        self.help_menu.setObjectName("helpMenu")
        self.help_menu.setAccessibleName(self.tr("Help"))
        self.shortcuts_action = self.help_menu.addAction(self.tr("Keyboard shortcuts"))
        self.shortcuts_action.setObjectName("shortcutsAction")
        self.about_action = self.help_menu.addAction(self.tr("About Agent Desktop"))
        self.about_action.setObjectName("aboutAction")
        self.help_button.setMenu(self.help_menu)
        self.shortcuts_action.triggered.connect(self.open_shortcuts)
        self.about_action.triggered.connect(self.open_about)
        # the menu is not open while F1 is pressed: its action must live on the window too
        self.addAction(self.shortcuts_action)
        #: the folder of the log files, shown in About (set by the composition root)
        self.log_dir: Path | None = None
        self._crash_dialog: CrashDialog | None = None
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
        self.login_button = QPushButton(top)
        self.login_button.setObjectName("showLoginButton")
        self.login_button.setText(self.tr("Log in…"))
        self.login_button.setAccessibleName(self.tr("Log in to the messaging backend"))
        self.login_button.clicked.connect(self.loginRequested)
        self.login_button.hide()  # see set_login_needed
        top_row.addWidget(self.login_button)
        top_row.addWidget(self.settings_button)
        top_row.addWidget(self.help_button)

        self.stack = QStackedWidget(self)
        self.stack.setObjectName("interactionStack")
        self.empty = self._empty_page()
        self.stack.addWidget(self.empty)

        central = QWidget(self)
        self._rows = QVBoxLayout(central)
        self._rows.setContentsMargins(0, 0, 0, 0)
        self._rows.setSpacing(0)
        self._rows.addWidget(top)
        self._rows.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.resize(1120, 720)
        self.setMinimumSize(720, 480)
        self.set_agent_name(agent_name)
        self.set_theme(theme)  # icons, the Ready button's look

    def set_login_needed(self, needed: bool) -> None:
        """Show "Log in…" beside the connection state while the backend waits for a login
        and its dialog is closed (the agent cancelled it)."""
        self.login_button.setVisible(needed)

    def set_agent_name(self, name: str) -> None:
        self._agent_name = name
        self.setWindowTitle(self.tr("Agent Desktop — {0}").format(name))
        if self.attached:
            self.agent_label.setTextFormat(QtCore.Qt.TextFormat.PlainText)
            self.agent_label.setText(name)
        elif "<" not in name:
            # the frame's label still has Qt's automatic format, which takes a text holding
            # a tag for rich text: such a name waits for attach()
            self.agent_label.setText(name)

    def attach(
        self,
        session: AgentSession | None,
        store: InteractionStore,
        settings: SettingsStore,
        bridge: MessageBridge,
    ) -> None:
        """Add the desk (interaction bar, notification, chat views) and wire the services."""
        from agent_desktop.services.actions import InteractionActions
        from agent_desktop.ui.action_wiring import ActionsController
        from agent_desktop.ui.interaction_bar import InteractionBar
        from agent_desktop.ui.taskbar import TaskbarFlasher
        from agent_desktop.ui.toast import IncomingChatToast

        assert not self.attached, "attach() once"
        self.attached = True
        self.set_agent_name(self._agent_name)
        # F1 from here: building a key sequence creates Qt's namespace enums (see imports)
        self.shortcuts_action.setShortcut(QtGui.QKeySequence("F1"))
        self.session = session
        self.store = store
        self.settings_store = settings
        self.bridge = bridge
        theme = self.theme
        #: transfer, conference, consultation, call / e-mail, disposition and note
        self.interaction_actions = (
            InteractionActions(session, self) if session is not None else None
        )
        self.action_controller = (
            ActionsController(self.interaction_actions, settings, self.views.get, theme, self)
            if self.interaction_actions is not None
            else None
        )
        if self.interaction_actions is not None:
            # after the controller built the consultation view: its transcript follows too
            self.interaction_actions.consultationChanged.connect(self._consultation_changed)
        self.bar = InteractionBar(theme, self)
        self._rows.insertWidget(self._rows.indexOf(self.stack), self.bar)
        self.toast = IncomingChatToast(theme, self)
        self.banner = NoticeBanner(self)
        self._rows.insertWidget(1, self.banner)
        self.empty_hint.setAlignment(QtCore.Qt.AlignmentFlag.AlignCenter)
        self.flasher = TaskbarFlasher(
            self, store, lambda: self.settings_store.settings.chat.flash_taskbar
        )
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._tick_views)
        self._tick.start()

        self._connect_signals()
        self._theme_desk(theme)
        self._sync_ready(False)
        self._sync_connection(ConnectionState.DISCONNECTED.value, "")
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
        self.empty_hint = QLabel(page)  # centred by attach(); empty until then
        self.empty_hint.setWordWrap(True)
        box = QVBoxLayout(page)
        box.addStretch(1)
        title_row = QHBoxLayout()  # centred by stretches: no alignment flag in the frame
        title_row.addStretch(1)
        title_row.addWidget(self.empty_title)
        title_row.addStretch(1)
        box.addLayout(title_row)
        box.addWidget(self.empty_hint)
        box.addStretch(2)
        return page

    # wiring ---------------------------------------------------------------------------
    def _connect_signals(self) -> None:
        store, session = self.store, self.session
        self.bridge.notice.connect(self.banner.show_notice)
        self.settings_button.clicked.connect(self.open_settings)
        self.settings_store.changed.connect(self._apply_zoom)
        self.bar.selected.connect(self.show_interaction)
        store.offered.connect(self._offered)
        store.revoked.connect(self.toast.withdraw)
        store.opened.connect(self._opened)
        store.removed.connect(self._removed)
        self._bind_shortcuts()
        if session is None:
            return
        self.ready_button.setEnabled(True)
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
        if self.action_controller is not None:
            controller = self.action_controller
            controller.attach(view, iid)
            view.doneRequested.connect(lambda: controller.mark_done(iid))
        else:
            view.doneRequested.connect(lambda: session.mark_done(iid))
        view.composing.connect(lambda: session.composing(iid))
        view.retryRequested.connect(lambda txn: session.retry(iid, txn))
        from agent_desktop.ui.failed_message_menu import FailedMessageMenu

        failed = FailedMessageMenu(view.transcript)  # right-click: send again or discard
        failed.retryRequested.connect(view.retryRequested)
        failed.discardRequested.connect(lambda txn: session.discard(iid, txn))
        view.transcript.zoomRequested.connect(self.zoom_transcripts)

    # emoji, Push URL and links (the composer tools of every chat view) ------------------
    def attach_local_state(self, state: LocalState) -> None:
        """Recent emojis, URL history and skin tone come from ``state``; changes go back."""
        self.local_state = state
        state.recentEmojisChanged.connect(self._sync_recent_emojis)
        state.urlHistoryChanged.connect(self._sync_url_history)
        state.skinToneChanged.connect(self._sync_skin_tone)
        self.settings_store.changed.connect(self._apply_tool_settings)
        if self.session is not None:
            self.session.agentMessageSent.connect(lambda _iid, text: state.record_sent_text(text))
            self.session.urlPushed.connect(lambda _iid, url: state.record_pushed_url(url))

    # drafts (services/drafts.py) ------------------------------------------------------------
    def attach_drafts(self, drafts: DraftKeeper) -> None:
        """Every composer's text (chats, consultations, Conversation tabs, the Communication
        view) is saved by ``drafts`` and restored with its composer."""
        self.drafts = drafts
        drafts.restored.connect(self._restore_draft)

    def bind_draft(self, key: str, composer: QPlainTextEdit, owner: QWidget) -> None:
        """Keep ``composer``'s text as the draft ``key``: put back what was saved (now, or
        once read from disk) with ``owner``'s signals blocked, since restoring a draft is not
        the agent typing; then save every change."""
        drafts = self.drafts
        bound = self._draft_composers.get(key)
        if drafts is None or (bound is not None and bound[0] is composer):
            return
        self._draft_composers[key] = (composer, owner)
        composer.destroyed.connect(lambda *_: self._unbind_draft(key, composer))
        text = drafts.draft(key)
        if text:
            self._put_draft(composer, owner, text)
        composer.textChanged.connect(lambda: drafts.edited(key, composer.toPlainText()))

    def _unbind_draft(self, key: str, composer: QPlainTextEdit) -> None:
        bound = self._draft_composers.get(key)
        if bound is not None and bound[0] is composer:
            del self._draft_composers[key]

    def _restore_draft(self, key: str, text: str) -> None:
        bound = self._draft_composers.get(key)
        if bound is not None and not bound[0].toPlainText():
            self._put_draft(*bound, text)

    @staticmethod
    def _put_draft(composer: QPlainTextEdit, owner: QWidget, text: str) -> None:
        owner.blockSignals(True)
        try:
            composer.setPlainText(text)
            composer.moveCursor(QtGui.QTextCursor.MoveOperation.End)
        finally:
            owner.blockSignals(False)

    def _add_composer_tools(self, view: ChatView, iid: str) -> None:
        from agent_desktop.core.emoji import SkinTone, default_catalog
        from agent_desktop.ui.composer_tools import install as install_composer_tools
        from agent_desktop.ui.transcript_links import TranscriptLinks

        session = self.session
        push = session is not None and session.backend.has(Capability.PUSH_URL)
        tools = install_composer_tools(view, default_catalog(), self.theme, push)
        self.composer_tools[iid] = tools
        tools.apply_settings(self.settings_store.settings)
        self.apply_emoji_images(view)
        links = TranscriptLinks(view.transcript, view.delegate)
        links.activated.connect(lambda kind, target: self.open_link(iid, kind, target))
        view.record.stateChanged.connect(
            lambda: tools.set_enabled(view.record.state is InteractionState.ACTIVE)
        )
        state = self.local_state
        if state is not None:
            tools.set_recent(state.recent_emojis)
            tools.set_url_history(state.url_history)
            tools.set_tone(int(state.skin_tone))
            tools.skinToneChosen.connect(lambda tone: state.set_skin_tone(SkinTone(tone)))
        if session is not None:
            tools.urlPushRequested.connect(lambda url: session.push_url(iid, url))

    def _apply_tool_settings(self) -> None:
        for tools in self.composer_tools.values():
            tools.apply_settings(self.settings_store.settings)
        for view in self.views.values():
            self.apply_emoji_images(view)
        if self.connect_area is not None:
            self.apply_emoji_images(self.connect_area.view)

    def _consultation_changed(self, iid: str) -> None:
        view = self.views.get(iid)
        if view is not None:
            self.apply_emoji_images(view)
        controller = self.action_controller
        consultation = None if controller is None else controller.consultation_views.get(iid)
        if consultation is not None:
            from agent_desktop.services.drafts import consultation_key

            self.bind_draft(consultation_key(iid), consultation.composer, consultation)

    def apply_emoji_images(self, widget: QWidget) -> None:
        """Setting ``emoji.bundled_images``: every message list under ``widget`` (live chat,
        Conversation tab, consultation, Communication view) draws Twemoji, not the font."""
        from agent_desktop.core.emoji import default_catalog
        from agent_desktop.ui.emoji_images import shared_images
        from agent_desktop.ui.message_delegate import MessageDelegate

        bundled = self.settings_store.settings.emoji.bundled_images
        images = shared_images() if bundled else None
        # the font draws emoji by itself: no catalog to read (it costs ~50 ms at start-up)
        catalog = default_catalog() if images is not None else None
        for item_view in widget.findChildren(QtWidgets.QAbstractItemView):
            delegate = item_view.itemDelegate()
            if isinstance(delegate, MessageDelegate):
                delegate.set_emoji_images(images, catalog)

    def _sync_recent_emojis(self) -> None:
        if self.local_state is not None:
            for tools in self.composer_tools.values():
                tools.set_recent(self.local_state.recent_emojis)

    def _sync_url_history(self) -> None:
        if self.local_state is not None:
            for tools in self.composer_tools.values():
                tools.set_url_history(self.local_state.url_history)

    def _sync_skin_tone(self, tone: int) -> None:
        for tools in self.composer_tools.values():
            tools.set_tone(tone)

    def open_link(self, iid: str, kind: str, target: str) -> None:
        """A link in a transcript was clicked: a web page opens in the browser; an e-mail
        address or phone number goes to the backend when it can, else to the OS."""
        from agent_desktop.core.linkify import LinkKind
        from agent_desktop.core.urls import lookalike_host
        from agent_desktop.ui.link_warning import LookAlikeLinkDialog

        url = QtCore.QUrl(target)
        if url.scheme().lower() not in OPENABLE_SCHEMES:
            return
        if kind in (LinkKind.EMAIL.value, LinkKind.PHONE.value) and self.session is not None:
            address = target.split(":", 1)[1]
            if self.session.follow_contact_link(iid, kind, address):
                return
        lookalike = lookalike_host(target) if kind == LinkKind.URL.value else None
        if lookalike is not None:
            warning = LookAlikeLinkDialog(target, lookalike, self)
            warning.openConfirmed.connect(
                lambda confirmed: QtGui.QDesktopServices.openUrl(QtCore.QUrl(confirmed))
            )
            warning.open()
            return
        QtGui.QDesktopServices.openUrl(url)

    def set_conversations(self, service: ConversationService) -> None:
        """Add the Connect area (Communication tab) and a Conversation tab to chat views."""
        from agent_desktop.ui.connect_area import ConnectArea

        self.connect_area = ConnectArea(self, service)
        for view in self.views.values():
            self.connect_area.attach_conversation(view)
            self.apply_emoji_images(view)
        self.apply_emoji_images(self.connect_area.view)

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
        if not self.attached:
            hint = ""  # starting: the connection label says so
        elif self.session is None:
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
            from agent_desktop.ui.sound import play_incoming

            play_incoming()

    def _opened(self, iid: str) -> None:
        from agent_desktop.ui.chat_view import ChatView

        self.toast.withdraw(iid)
        record = self.store.get(iid)
        if record is None:
            return
        self.bar.add(record)
        view = ChatView(record, self.theme, self.stack)
        view.transcript.set_zoom(self.settings_store.settings.ui.transcript_zoom)
        self.views[iid] = view
        self.stack.addWidget(view)
        self.bind_draft(iid, view.composer, view)  # a restored draft is not typing
        self._connect_view(view, iid)
        self._add_composer_tools(view, iid)
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
        self.composer_tools.pop(iid, None)
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
        return next((view for view in self.views.values() if view is widget), None)

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

    # keyboard -------------------------------------------------------------------------------
    def _bind_shortcuts(self) -> None:
        """Every shortcut of :func:`shortcuts.shortcuts`, window-wide (F1 lists them)."""
        from agent_desktop.ui.shortcuts import shortcuts

        slots: dict[str, Callable[[], object]] = {
            "ready": self.ready_button.click,
            "accept": self._accept_shortcut,
            "reject": self._reject_shortcut,
            "composer": self._focus_composer,
            "end": lambda: self._current_action("end"),
            "done": lambda: self._current_action("done"),
            "next": lambda: self._cycle(1),
            "previous": lambda: self._cycle(-1),
            "emoji": lambda: self._click_in_current("emojiButton"),
            "url": lambda: self._click_in_current("urlButton"),
            "zoom_in": lambda: self.zoom_transcripts(1),
            "zoom_out": lambda: self.zoom_transcripts(-1),
            "zoom_reset": lambda: self.zoom_transcripts(0),
            "settings": self.open_settings,
            "help": lambda: None,  # the Help menu's action owns F1
            "responses": lambda: self._run_extra("responses"),
            "palette": lambda: self._run_extra("palette"),
        }
        for spec in shortcuts():
            if spec.action == "help":
                continue
            for key in spec.keys:
                shortcut = QtGui.QShortcut(QtGui.QKeySequence(key), self)
                shortcut.setObjectName(f"{spec.action}Shortcut")
                shortcut.setContext(QtCore.Qt.ShortcutContext.WindowShortcut)
                shortcut.activated.connect(slots[spec.action])
                self.shortcuts.append(shortcut)

    def _run_extra(self, action: str) -> None:
        """Shortcuts whose action a controller attached later provides (extra_actions)."""
        run = self.extra_actions.get(action)
        if run is not None:
            run()

    def _accept_shortcut(self) -> None:
        if self.toast.current is not None and self.toast.accept_button.isEnabled():
            self.toast.accept_button.click()

    def _reject_shortcut(self) -> None:
        if self.toast.current is not None and self.toast.reject_button.isEnabled():
            self.toast.reject_button.click()

    def _focus_composer(self) -> None:
        view = self.current_view()
        if view is not None:
            view.focus_composer()

    def _click_in_current(self, name: str) -> None:
        """Click the current chat's button ``name`` (contract object names) if it is usable."""
        view = self.current_view()
        button = view.findChild(QtWidgets.QAbstractButton, name) if view is not None else None
        if button is not None and button.isVisible() and button.isEnabled():
            button.click()

    def zoom_transcripts(self, step: int) -> None:
        """``step`` +1 / -1: one notch larger / smaller; 0: back to 100%. Remembered."""
        current = self.settings_store.settings.ui.transcript_zoom
        if step == 0:
            zoom = 100
        else:
            notches = [z for z in ZOOM_STEPS if (z > current if step > 0 else z < current)]
            if not notches:
                return
            zoom = notches[0] if step > 0 else notches[-1]
        if zoom != current:
            self.settings_store.try_update({"ui": {"transcript_zoom": zoom}})

    def _apply_zoom(self) -> None:
        zoom = self.settings_store.settings.ui.transcript_zoom
        for view in self.views.values():
            view.transcript.set_zoom(zoom)

    # help ---------------------------------------------------------------------------------
    def open_shortcuts(self) -> None:
        from agent_desktop.ui.shortcuts import ShortcutsDialog

        dialog = ShortcutsDialog(self)
        dialog.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def open_about(self) -> None:
        from agent_desktop.ui.about import AboutDialog

        dialog = AboutDialog(self.log_dir, self)
        dialog.setAttribute(QtCore.Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()

    def show_crash(self, summary: str, details: str) -> None:
        """An unhandled exception (see services/crash_reporter.py): tell the agent once."""
        if self._crash_dialog is not None and self._crash_dialog.isVisible():
            return  # one box at a time; every traceback is in the log
        from agent_desktop.ui.crash_dialog import CrashDialog

        dialog = CrashDialog(summary, details, self.log_dir, self)
        dialog.quit_button.clicked.connect(self.close)
        self._crash_dialog = dialog
        # not modal: incoming chats and open conversations stay usable behind it
        dialog.setWindowModality(QtCore.Qt.WindowModality.NonModal)
        dialog.show()

    # settings and theme ---------------------------------------------------------------------
    def open_settings(self) -> None:
        # imported when first opened: ~20 ms of start-up for a dialog seldom shown
        from agent_desktop.ui.settings_dialog import SettingsDialog

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
        self.help_button.setIcon(icon("info", theme.muted))
        self.agent_icon.setPixmap(icon("person", theme.muted).pixmap(20, 20))
        if self.attached:
            self._theme_desk(theme)
        self._sync_ready(self.ready_button.isChecked())

    def _theme_desk(self, theme: Theme) -> None:
        self.toast.set_theme(theme)
        self.bar.set_theme(theme)
        for view in self.views.values():
            view.set_theme(theme)
        if self.connect_area is not None:
            self.connect_area.set_theme(theme)
        for tools in self.composer_tools.values():
            tools.set_theme(theme)
        if self.action_controller is not None:
            self.action_controller.set_theme(theme)

    # statistics -------------------------------------------------------------------------
    def attach_statistics(self, statistics: StatisticsService) -> None:
        """Add "My statistics" to the top bar; report which chat is in front of the agent."""
        self.statistics = statistics
        self.stats_panel: StatsPanel | None = None
        top = self.settings_button.parentWidget()
        top_row = top.layout() if top is not None else None
        assert isinstance(top_row, QHBoxLayout)
        from agent_desktop.ui.stats_button import StatsButton

        self.stats_button = StatsButton(top)
        top_row.insertWidget(top_row.indexOf(self.settings_button), self.stats_button)
        self.stats_button.clicked.connect(self.open_statistics)
        self.stack.currentChanged.connect(self._report_view_focus)
        self._reports_view_focus = True
        self._report_view_focus()

    def open_statistics(self) -> StatsPanel:
        if self.stats_panel is None:
            # imported on first use: the charting library is not needed to start the app
            from agent_desktop.ui.stats_panel import StatsPanel

            self.stats_panel = StatsPanel(self.statistics, self)
        self.stats_panel.show()
        self.stats_panel.raise_()
        self.stats_panel.activateWindow()
        return self.stats_panel

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() is QEvent.Type.ActivationChange and self._reports_view_focus:
            self._report_view_focus()

    def _report_view_focus(self, *_: object) -> None:
        view = self.current_view()
        self.viewFocusChanged.emit(
            "" if view is None else view.record.id, self.isVisible() and self.isActiveWindow()
        )

    def closeEvent(self, event: QtGui.QCloseEvent) -> None:
        if self.attached:
            self.toast.hide()
            self.bar.preview.hide()
        if self.connect_area is not None:
            self.connect_area.close()
        super().closeEvent(event)
        self.viewFocusChanged.emit("", False)
        self.closed.emit()
