"""The chat interaction view: header, transcript, typing notice, composer, participants."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeySequence, QShortcut, QShowEvent, QWheelEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from agent_desktop.core.display import display_text
from agent_desktop.core.models import Message
from agent_desktop.core.types import DeliveryState, InteractionState
from agent_desktop.services.interaction_store import InteractionRecord
from agent_desktop.ui.action_buttons import ActionButtons
from agent_desktop.ui.composer import ComposerEdit
from agent_desktop.ui.conversation_delegate import ConversationDelegate
from agent_desktop.ui.disposition_panel import DispositionPanel
from agent_desktop.ui.icons import icon
from agent_desktop.ui.labels import channel_label
from agent_desktop.ui.message_delegate import MessageDelegate
from agent_desktop.ui.party_list import PartyListView
from agent_desktop.ui.pending_indicator import PendingIndicator
from agent_desktop.ui.theme import Theme
from agent_desktop.ui.transcript_model import Roles, TranscriptModel

#: rows measured per idle turn when the view measures the next page ahead of need
WARM_BATCH = 10
#: the next page is measured ahead once the view is within this many screens of an end
WARM_SCREENS = 6


class TranscriptView(QListView):
    """The message list: pixel scrolling, follows new messages while at the bottom.

    Over a :class:`TranscriptModel` it pages history in as the agent scrolls towards either
    end, keeping the message under the agent's eyes where it was. Paging in relays out
    every row of the window (``QListView`` does on any insertion), so the rows of the next
    page are measured beforehand, a few per idle turn, once the agent nears that end: the
    frame that pages them in finds their sizes cached.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("transcript")
        self.setAccessibleName(self.tr("Transcript"))
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setUniformItemSizes(False)
        self.setWordWrap(True)
        self._follow = True
        self._paging = False
        self._stick_pending = False
        self.verticalScrollBar().valueChanged.connect(self._track_bottom)
        #: rows of the next page still to measure; which page that is (older?, store row)
        self._warm_rows: list[tuple[Message, bool, bool]] = []
        self._warmed: tuple[bool, int] | None = None
        self._warm_timer = QTimer(self)
        self._warm_timer.setSingleShot(True)
        self._warm_timer.setInterval(0)
        self._warm_timer.timeout.connect(self._warm_step)

    def _track_bottom(self, value: int) -> None:
        self._follow = value >= self.verticalScrollBar().maximum() - 4

    def rowsInserted(
        self, parent: QModelIndex | QPersistentModelIndex, start: int, end: int
    ) -> None:
        follow = self._follow
        super().rowsInserted(parent, start, end)
        # a hidden view catches up when shown: scrolling would force its layout now
        if follow and self.isVisible() and not self._paging and not self._stick_pending:
            self._stick_pending = True
            QTimer.singleShot(0, self, self._stick_to_bottom)  # never after the view is gone

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._follow:
            self._stick_to_bottom()

    def _stick_to_bottom(self) -> None:
        self._stick_pending = False
        model = self.model()
        if isinstance(model, TranscriptModel) and model.rowCount() > model.max_rows:
            model.trim_older(model.max_rows)
        self.scrollToBottom()
        self._follow = True

    def verticalScrollbarValueChanged(self, value: int) -> None:
        super().verticalScrollbarValueChanged(value)
        model = self.model()
        if self._paging or not isinstance(model, TranscriptModel):
            return
        bar = self.verticalScrollBar()
        margin = self.viewport().height()
        if value <= margin and model.can_fetch_older():
            self._page(model, model.fetch_older)
        elif value >= bar.maximum() - margin and model.can_fetch_newer():
            self._page(model, model.fetch_newer)
        self._plan_warm(model)

    def _plan_warm(self, model: TranscriptModel) -> None:
        """Near an end that can page, have the rows of the next page measured in idle time."""
        bar = self.verticalScrollBar()
        value = bar.value()
        reach = WARM_SCREENS * self.viewport().height()
        if value <= reach and model.can_fetch_older():
            page = (True, model.first_row)
        elif value >= bar.maximum() - reach and model.can_fetch_newer():
            page = (False, model.first_row + model.rowCount())
        else:
            return
        if page != self._warmed:
            self._warmed = page
            self._warm_rows = model.rows_outside(model.page, older=page[0])
            self._warm_timer.start()

    def _warm_step(self) -> None:
        batch = self._warm_rows[:WARM_BATCH]
        del self._warm_rows[:WARM_BATCH]
        delegate = self.itemDelegate()
        if batch and isinstance(delegate, MessageDelegate):
            delegate.prepare_sizes(batch, self.font())  # the font sizeHint's option carries
        if self._warm_rows:
            self._warm_timer.start()

    def _page(self, model: TranscriptModel, fetch: Callable[[], int]) -> None:
        """Run ``fetch`` and scroll so that the top visible message stays where it was."""
        self._paging = True
        try:
            anchor = self.indexAt(QPoint(1, 1))
            store_row = model.first_row + anchor.row() if anchor.isValid() else -1
            offset = self.visualRect(anchor).top() if anchor.isValid() else 0
            fetch()
            self.executeDelayedItemsLayout()
            row = store_row - model.first_row
            if anchor.isValid() and 0 <= row < model.rowCount():
                bar = self.verticalScrollBar()
                moved = self.visualRect(model.index(row, 0)).top() - offset
                bar.setValue(bar.value() + moved)
        finally:
            self._paging = False
        self._plan_warm(model)  # the agent goes on that way: the page after this one

    zoomRequested = Signal(int)  # +1 larger, -1 smaller

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() // 120
            if steps:
                self.zoomRequested.emit(1 if steps > 0 else -1)
            event.accept()
            return
        super().wheelEvent(event)

    def set_zoom(self, percent: int) -> None:
        """Message text at ``percent`` of the application font (bubbles re-measure)."""
        font = QFont(QApplication.font(self))
        font.setPointSizeF(font.pointSizeF() * percent / 100)
        self.setFont(font)
        self.scheduleDelayedItemsLayout()

    def copy_selection(self) -> str:
        rows = sorted(index.row() for index in self.selectedIndexes())
        model = self.model()
        return "\n".join(
            f"{model.index(r, 0).data(Roles.AUTHOR)}: {model.index(r, 0).data()}" for r in rows
        )


class ChatView(QWidget):
    """Passive view of one chat interaction; every action leaves as a signal."""

    sendRequested = Signal(str)
    endRequested = Signal()
    doneRequested = Signal()
    composing = Signal()
    retryRequested = Signal(str)  # txn id
    conversationShown = Signal()

    def __init__(self, record: InteractionRecord, theme: Theme, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("chatView")
        self.setProperty("interactionId", record.id)
        self.setAccessibleName(self.tr("Chat with {0}").format(record.contact.name))
        self.record = record
        self._theme = theme
        #: writing in the ended chat reactivates it (asynchronous chat, not yet Done)
        self._continuable = False
        #: each guard sees the text about to be sent and returns True to keep it unsent
        #: (it tells the agent why); the emoji setting adds one
        self.submit_guards: list[Callable[[str], bool]] = []

        # header ------------------------------------------------------------------------
        header = QFrame(self)
        header.setObjectName("chatHeader")
        self.channel_badge = QLabel(header)
        self.channel_badge.setObjectName("channelBadge")
        self.contact_name = QLabel(header)
        self.contact_name.setObjectName("contactName")
        self.contact_name.setTextFormat(Qt.TextFormat.PlainText)
        self.contact_name.setText(display_text(record.contact.name, limit=120))
        self.contact_name.setAccessibleName(self.tr("Contact"))
        self.contact_name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.channel_label = QLabel(channel_label(record.channel), header)
        self.channel_label.setObjectName("channelName")
        self.pending = PendingIndicator(theme, header)
        self.end_button = QPushButton(self.tr("End chat"), header)
        self.end_button.setObjectName("endChatButton")
        self.end_button.setAccessibleName(self.tr("End chat"))
        self.end_button.setToolTip(self.tr("End the chat (Ctrl+Shift+E)"))
        self.done_button = QPushButton(self.tr("Mark Done"), header)
        self.done_button.setObjectName("markDoneButton")
        self.done_button.setAccessibleName(self.tr("Mark Done"))
        self.done_button.setToolTip(self.tr("Close the interaction (Ctrl+Shift+D)"))
        name_box = QVBoxLayout()
        name_box.setSpacing(0)
        name_box.addWidget(self.contact_name)
        name_box.addWidget(self.channel_label)
        # a long name (or a large font) is clipped before the action buttons are
        for label in (self.contact_name, self.channel_label):
            label.setMinimumWidth(24)
            label.setToolTip(label.text())
        header_row = QHBoxLayout(header)
        header_row.setContentsMargins(14, 8, 14, 8)
        header_row.setSpacing(10)
        header_row.addWidget(self.channel_badge)
        header_row.addLayout(name_box, 1)
        header_row.addWidget(self.pending)
        header_row.addSpacing(8)
        self.action_buttons = ActionButtons(record, header)  # transfer, consult, call...
        header_row.addWidget(self.action_buttons)
        header_row.addWidget(self.end_button)
        header_row.addWidget(self.done_button)

        # transcript + composer ---------------------------------------------------------------
        self.transcript = TranscriptView(self)
        self.model = TranscriptModel(record.transcript, self.transcript)
        self.transcript.setModel(self.model)
        # the conversation delegate: images show as thumbnails, as in the Conversation tab
        self.delegate: MessageDelegate = ConversationDelegate(self.transcript, theme)
        self.transcript.setItemDelegate(self.delegate)
        self.transcript.clicked.connect(self._transcript_clicked)

        self.typing_notice = QLabel(self)
        self.typing_notice.setObjectName("typingNotice")
        self.typing_notice.setTextFormat(Qt.TextFormat.PlainText)
        self.typing_notice.setText(
            self.tr("{0} is typing…").format(display_text(record.contact.name, limit=60))
        )
        self.typing_notice.setAccessibleName(self.tr("Typing notice"))
        self.typing_notice.setVisible(False)

        composer_frame = QFrame(self)
        composer_frame.setObjectName("composerFrame")
        self.composer_frame = composer_frame
        self.composer = ComposerEdit(composer_frame)
        self.send_button = QPushButton(self.tr("Send"), composer_frame)
        self.send_button.setObjectName("sendButton")
        self.send_button.setAccessibleName(self.tr("Send"))
        self.send_button.setToolTip(self.tr("Send the message (Enter)"))
        self.composer_tools = QHBoxLayout()
        self.composer_tools.setSpacing(4)
        self.composer_tools.addStretch(1)
        self.composer_tools.addWidget(self.send_button)
        frame_box = QVBoxLayout(composer_frame)
        frame_box.setContentsMargins(8, 6, 8, 6)
        frame_box.setSpacing(4)
        frame_box.addWidget(self.composer)
        frame_box.addLayout(self.composer_tools)

        conversation = QWidget(self)
        conversation.setObjectName("conversationPane")
        conversation_box = QVBoxLayout(conversation)
        conversation_box.setContentsMargins(0, 0, 0, 10)
        conversation_box.setSpacing(4)
        conversation_box.addWidget(self.transcript, 1)
        typing_row = QHBoxLayout()
        typing_row.setContentsMargins(16, 0, 16, 0)
        typing_row.addWidget(self.typing_notice)
        conversation_box.addLayout(typing_row)
        composer_row = QHBoxLayout()
        composer_row.setContentsMargins(12, 0, 12, 0)
        composer_row.addWidget(composer_frame)
        conversation_box.addLayout(composer_row)

        # participants -----------------------------------------------------------------
        side = QFrame(self)
        side.setObjectName("sidePanel")
        side_title = QLabel(self.tr("Participants"), side)
        side_title.setObjectName("sectionTitle")
        self.party_list = PartyListView(record, theme, side)
        side_box = QVBoxLayout(side)
        side_box.setContentsMargins(8, 10, 8, 8)
        side_box.addWidget(side_title)
        side_box.addWidget(self.party_list, 1)
        self.party_list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.disposition = DispositionPanel(side)
        side_box.addWidget(self.disposition)
        self.side_panel = side

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self._pages(conversation))
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 0)
        splitter.setSizes([640, 200])
        splitter.setChildrenCollapsible(False)
        self.splitter = splitter  # a consultation view is inserted beside the chat

        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(0)
        root.addWidget(header)
        root.addWidget(splitter, 1)

        self._connect_signals()
        self.set_theme(theme)
        self._sync_state()
        self._sync_pending()

    def _pages(self, live: QWidget) -> QWidget:
        """The live chat page and, once set, the Conversation tab (asynchronous history)."""
        area = QWidget(self)
        self.tab_row = QFrame(area)
        self.tab_row.setObjectName("chatTabs")
        self.chat_tab = QToolButton(self.tab_row)
        self.chat_tab.setObjectName("chatTab")
        self.chat_tab.setText(self.tr("Chat"))
        self.chat_tab.setAccessibleName(self.tr("Chat"))
        self.conversation_tab = QToolButton(self.tab_row)
        self.conversation_tab.setObjectName("conversationTab")
        self.conversation_tab.setText(self.tr("Conversation"))
        self.conversation_tab.setAccessibleName(self.tr("Conversation"))
        self.conversation_tab.setToolTip(
            self.tr("This chat and every earlier conversation with the contact")
        )
        for tab in (self.chat_tab, self.conversation_tab):
            tab.setCheckable(True)
            tab.setAutoExclusive(True)
            tab.setProperty("tab", True)
        self.chat_tab.setChecked(True)
        tabs_box = QHBoxLayout(self.tab_row)
        tabs_box.setContentsMargins(12, 4, 12, 0)
        tabs_box.setSpacing(2)
        tabs_box.addWidget(self.chat_tab)
        tabs_box.addWidget(self.conversation_tab)
        tabs_box.addStretch(1)
        self.tab_row.setVisible(False)  # until a conversation page is set
        # pages are shown and hidden, not stacked: a QStackedWidget raises its current page,
        # which reorders children, and automation must find the live ``transcript`` first
        self.pages = QWidget(area)
        self.pages.setObjectName("chatPages")
        self._pages_box = QVBoxLayout(self.pages)
        self._pages_box.setContentsMargins(0, 0, 0, 0)
        self._pages_box.addWidget(live)
        self.chat_page = live
        self.conversation_page: QWidget | None = None
        box = QVBoxLayout(area)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        box.addWidget(self.tab_row)
        box.addWidget(self.pages, 1)
        self.chat_tab.clicked.connect(self.show_chat_page)
        self.conversation_tab.clicked.connect(self.show_conversation_page)
        return area

    def set_conversation_page(self, page: QWidget) -> None:
        """Add the Conversation tab (the main window builds it for asynchronous chat)."""
        page.setObjectName("conversationPage")
        self.conversation_page = page
        page.setVisible(False)
        self._pages_box.addWidget(page)
        self.tab_row.setVisible(True)

    def show_chat_page(self) -> None:
        self.chat_tab.setChecked(True)
        if self.conversation_page is not None:
            self.conversation_page.setVisible(False)
        self.chat_page.setVisible(True)

    def show_conversation_page(self) -> None:
        if self.conversation_page is None:
            return
        self.conversation_tab.setChecked(True)
        self.chat_page.setVisible(False)
        self.conversation_page.setVisible(True)
        self.conversationShown.emit()

    def set_continuable(self, continuable: bool) -> None:
        """Whether writing in the ended chat reactivates it (the backend allows it)."""
        self._continuable = continuable
        self._sync_state()

    def is_writable(self) -> bool:
        """Whether the composer sends: an active chat, or an ended one that continues."""
        return self._writable()

    def _writable(self) -> bool:
        state = self.record.state
        return state is InteractionState.ACTIVE or (
            state is InteractionState.ENDED and self._continuable
        )

    def _connect_signals(self) -> None:
        self.send_button.clicked.connect(self._submit)
        self.composer.submitted.connect(self._submit)
        self._composer_text = ""
        self.composer.textChanged.connect(self._text_changed)
        self.composer.focusChanged.connect(self._composer_focus)
        self.end_button.clicked.connect(self.endRequested)
        self.done_button.clicked.connect(self.doneRequested)
        self.record.stateChanged.connect(self._sync_state)
        self.record.typingChanged.connect(self.typing_notice.setVisible)
        self.record.pendingChanged.connect(self._sync_pending)
        copy = QShortcut(QKeySequence.StandardKey.Copy, self.transcript)
        copy.activated.connect(self._copy)

    # state --------------------------------------------------------------------------------
    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        self.delegate.set_theme(theme)
        self.party_list.set_theme(theme)
        self.pending.set_theme(theme)
        self.channel_badge.setPixmap(icon(self.record.channel.value, theme.accent).pixmap(28, 28))
        self.send_button.setIcon(icon("send", theme.accent_text, theme.muted))
        self.end_button.setIcon(icon("end-chat", theme.text, theme.muted))
        self.done_button.setIcon(icon("done", theme.text, theme.muted))
        self.action_buttons.set_theme(theme)

    def _sync_state(self) -> None:
        state = self.record.state
        live = state is InteractionState.ACTIVE
        writable = self._writable()
        self.composer.setReadOnly(not writable)
        self.composer.setEnabled(writable)
        self.end_button.setEnabled(live)
        self.done_button.setEnabled(state is InteractionState.ENDED)
        self._update_send_enabled()
        if state is InteractionState.ENDED:
            self.composer.setPlaceholderText(
                self.tr("The chat has ended. Write to continue the conversation, or mark it Done.")
                if writable
                else self.tr("The chat has ended. Mark it Done to close it.")
            )
            self.typing_notice.setVisible(False)
        elif live and self._continuable:
            self.composer.setPlaceholderText(
                self.tr("Type your message — Enter to send, Shift+Enter for a new line")
            )

    def _sync_pending(self) -> None:
        status = self.record.pending()
        self.pending.set_status(status.level, status.blinking, self.waited_s())

    def waited_s(self) -> float | None:
        return self.record.waited_s()

    def tick(self) -> None:
        """Called every second by the window while this view is visible."""
        self.pending.set_waited(self.waited_s())

    def set_busy(self, action: str, busy: bool) -> None:
        button = {"end": self.end_button, "done": self.done_button}.get(action)
        if button is not None:
            button.setEnabled(not busy and self._action_allowed(action))
            button.setProperty("busy", busy)
        self.action_buttons.set_busy(action, busy)

    def _action_allowed(self, action: str) -> bool:
        state = self.record.state
        return (action == "end" and state is InteractionState.ACTIVE) or (
            action == "done" and state is InteractionState.ENDED
        )

    # composer -----------------------------------------------------------------------------
    def _text_changed(self) -> None:
        self._update_send_enabled()
        text = self.composer.toPlainText()
        # textChanged also fires when only formats change (spell-check rehighlighting)
        changed, self._composer_text = text != self._composer_text, text
        if text and changed:
            self.composing.emit()

    def _update_send_enabled(self) -> None:
        self.send_button.setEnabled(self._writable() and bool(self.composer.toPlainText().strip()))

    def _composer_focus(self, focused: bool) -> None:
        self.composer_frame.setProperty("focused", focused)
        self.composer_frame.style().unpolish(self.composer_frame)
        self.composer_frame.style().polish(self.composer_frame)

    def _submit(self) -> None:
        text = self.composer.toPlainText().strip()
        if not text or not self._writable():
            return
        if any(guard(text) for guard in self.submit_guards):
            return
        self.composer.clear()
        self.sendRequested.emit(text)

    def focus_composer(self) -> None:
        self.composer.setFocus(Qt.FocusReason.OtherFocusReason)

    def _transcript_clicked(self, index: QModelIndex) -> None:
        if index.data(Roles.DELIVERY) == DeliveryState.FAILED.value:
            txn = index.data(Roles.TXN_ID)
            if txn:
                self.retryRequested.emit(str(txn))

    def _copy(self) -> None:
        from PySide6.QtGui import QGuiApplication

        text = self.transcript.copy_selection()
        if text:
            QGuiApplication.clipboard().setText(text)
