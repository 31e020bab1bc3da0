"""A contact's whole conversation with a composer: the Conversation tab of a chat view and
the transcript area of the Communication view.

Passive: it shows a :class:`ConversationModel` and emits intents (send, attach, search,
refresh); the main window wires them to the conversation service.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from agent_desktop.core.channels import preferred_channel, selector_channels
from agent_desktop.core.images import ACCEPTED_SUFFIXES
from agent_desktop.core.types import Channel
from agent_desktop.services.conversation_feed import ConversationFeed
from agent_desktop.ui.chat_view import TranscriptView
from agent_desktop.ui.composer import ComposerEdit
from agent_desktop.ui.connect_style import panel_rules
from agent_desktop.ui.conversation_delegate import ConversationDelegate
from agent_desktop.ui.conversation_model import ConversationModel
from agent_desktop.ui.icons import icon
from agent_desktop.ui.labels import channel_label
from agent_desktop.ui.theme import Theme

#: start loading the previous page this close to the top (pixels)
FETCH_MARGIN_PX = 60
#: pause after the last keystroke before the search runs
SEARCH_DELAY_MS = 250


class PagedTranscriptView(TranscriptView):
    """A transcript that pages older history in as it is scrolled to the top."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self._distance_from_bottom: int | None = None
        self.verticalScrollBar().valueChanged.connect(self._near_top)

    def verticalScrollbarValueChanged(self, value: int) -> None:
        # the base class fetches more at the *bottom*; our older pages come in at the top
        pass

    def request_older(self) -> None:
        """Page in the messages before the oldest one shown (one request at a time)."""
        model = self.model()
        if isinstance(model, ConversationModel):
            model.want_older()
            if model.canFetchMore(QModelIndex()):
                model.fetchMore(QModelIndex())
            else:
                model.want_older(False)  # nothing to fetch now: stay unarmed

    def _near_top(self, value: int) -> None:
        bar = self.verticalScrollBar()
        # near the top, but never at the bottom of a barely scrolling view
        if value <= min(FETCH_MARGIN_PX, bar.maximum() // 4) and self.isVisible():
            self.request_older()

    def fill(self) -> None:
        """Page in until the view is full (no scroll bar yet) or the history is exhausted."""
        if not self.isVisible():
            return
        self.doItemsLayout()
        if self.verticalScrollBar().maximum() == 0:
            self.request_older()

    def setModel(self, model: QAbstractItemModel | None) -> None:
        super().setModel(model)
        if model is not None:
            model.rowsAboutToBeInserted.connect(self._about_to_insert)

    def _about_to_insert(
        self, _parent: QModelIndex | QPersistentModelIndex, start: int, _end: int
    ) -> None:
        if start == 0 and self.model().rowCount() > 0:
            bar = self.verticalScrollBar()
            self._distance_from_bottom = bar.maximum() - bar.value()

    def rowsInserted(
        self, parent: QModelIndex | QPersistentModelIndex, start: int, end: int
    ) -> None:
        super().rowsInserted(parent, start, end)
        distance = self._distance_from_bottom
        if distance is not None:
            self._distance_from_bottom = None
            # keep the message the agent was reading where it was
            QTimer.singleShot(0, self, lambda: self._restore(distance))

    def _restore(self, distance: int) -> None:
        self.doItemsLayout()
        bar = self.verticalScrollBar()
        bar.setValue(max(0, bar.maximum() - distance))
        self.fill()


class ChannelSelector(QComboBox):
    """The channel a message goes out on; ``Qt.UserRole`` of an item is the channel value."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("channelSelector")
        self.setAccessibleName(self.tr("Channel"))
        self.setToolTip(self.tr("The channel your message goes out on"))
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self._theme: Theme | None = None

    def set_sessions(self, channels: Iterable[Channel], sessions: Iterable[Channel]) -> None:
        """Offer web chat and every channel the contact has (``channels``); select the one
        the priority rule picks among the channels the contact has a session on now."""
        present = list(sessions)
        self._fill(selector_channels([*channels, *present]))
        self.select(preferred_channel(present))

    def set_only(self, channel: Channel) -> None:
        """Offer ``channel`` alone (a chat's own, when nothing goes out on another)."""
        self._fill([channel])

    def _fill(self, channels: Iterable[Channel]) -> None:
        self.blockSignals(True)
        self.clear()
        for channel in channels:
            self.addItem(channel_label(channel), channel.value)
            if self._theme is not None:
                self.setItemIcon(self.count() - 1, icon(channel.value, self._theme.accent))
        self.blockSignals(False)

    def select(self, channel: Channel) -> None:
        position = self.findData(channel.value)
        if position >= 0:
            self.setCurrentIndex(position)

    def channel(self) -> Channel:
        value = self.currentData(Qt.ItemDataRole.UserRole)
        return Channel(value) if value else Channel.WEBCHAT

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        for position in range(self.count()):
            value = str(self.itemData(position))
            self.setItemIcon(position, icon(value, theme.accent))


class ConversationPanel(QWidget):
    """Search bar, paged transcript and composer for one contact's conversation."""

    sendRequested = Signal(str, str)  # channel value, text
    attachRequested = Signal(str, str)  # channel value, file path
    refreshRequested = Signal()

    def __init__(
        self,
        feed: ConversationFeed,
        theme: Theme,
        *,
        transcript_name: str,
        composer_name: str,
        send_name: str,
        searchable: bool,
        attachable: bool = True,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.feed = feed
        self._theme = theme
        self._matches: list[str] = []
        self._current_match = -1
        #: each guard sees the text about to be sent and returns True to keep it unsent
        #: (the emoji tools add one, as in the chat view)
        self.submit_guards: list[Callable[[str], bool]] = []

        # search bar -------------------------------------------------------------------
        self.search_bar = QFrame(self)
        self.search_bar.setObjectName("conversationToolbar")
        self.search = QLineEdit(self.search_bar)
        self.search.setObjectName("conversationSearch")
        self.search.setAccessibleName(self.tr("Search the conversation"))
        self.search.setPlaceholderText(self.tr("Search this conversation"))
        self.search.setClearButtonEnabled(True)
        self.previous_match = QToolButton(self.search_bar)
        self.previous_match.setObjectName("previousMatchButton")
        self.previous_match.setAccessibleName(self.tr("Previous match"))
        self.previous_match.setToolTip(self.tr("Previous (older) match (Enter)"))
        self.previous_match.setText("↑")
        self.next_match = QToolButton(self.search_bar)
        self.next_match.setObjectName("nextMatchButton")
        self.next_match.setAccessibleName(self.tr("Next match"))
        self.next_match.setToolTip(self.tr("Next (newer) match (Shift+Enter)"))
        self.next_match.setText("↓")
        self.match_label = QLabel(self.search_bar)
        self.match_label.setObjectName("matchCount")
        self.refresh_button = QToolButton(self.search_bar)
        self.refresh_button.setObjectName("conversationRefreshButton")
        self.refresh_button.setAccessibleName(self.tr("Refresh the conversation"))
        self.refresh_button.setToolTip(self.tr("Refresh the conversation"))
        self.refresh_button.setAutoRaise(True)
        bar_row = QHBoxLayout(self.search_bar)
        bar_row.setContentsMargins(12, 6, 8, 6)
        bar_row.setSpacing(4)
        bar_row.addWidget(self.search, 1)
        bar_row.addWidget(self.match_label)
        bar_row.addWidget(self.previous_match)
        bar_row.addWidget(self.next_match)
        bar_row.addSpacing(6)
        bar_row.addWidget(self.refresh_button)
        self.search_bar.setVisible(searchable)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)

        # transcript -------------------------------------------------------------------
        self.transcript = PagedTranscriptView(transcript_name, self)
        self.transcript.setAccessibleName(self.tr("Conversation history"))
        self.model = ConversationModel(feed, self.transcript)
        self.transcript.setModel(self.model)
        self.delegate = ConversationDelegate(self.transcript, theme)
        self.transcript.setItemDelegate(self.delegate)
        self.loading_label = QLabel(self.tr("Loading earlier messages…"), self)
        self.loading_label.setObjectName("loadingNotice")
        self.loading_label.setVisible(False)

        # composer ---------------------------------------------------------------------
        self.composer_frame = QFrame(self)
        self.composer_frame.setObjectName("composerFrame")
        self.composer = ComposerEdit(self.composer_frame)
        self.composer.setObjectName(composer_name)
        # a short editor: the history is what this page is for
        self.composer.setMaximumHeight(int(self.composer.fontMetrics().lineSpacing() * 4.5))
        self.composer.setPlaceholderText(
            self.tr("Write to the contact — delivered when they are back if they are away")
        )
        self.channel_selector = ChannelSelector(self.composer_frame)
        self.attach_button = QToolButton(self.composer_frame)
        self.attach_button.setObjectName("attachImageButton")
        self.attach_button.setAccessibleName(self.tr("Attach an image"))
        self.attach_button.setToolTip(self.tr("Attach an image (PNG, JPEG, GIF or WebP)"))
        self.attach_button.setAutoRaise(True)
        self.attach_button.setVisible(attachable)
        self.send_button = QToolButton(self.composer_frame)
        self.send_button.setObjectName(send_name)
        self.send_button.setAccessibleName(self.tr("Send"))
        self.send_button.setToolTip(self.tr("Send the message (Enter)"))
        self.send_button.setText(self.tr("Send"))
        self.send_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        #: EMOJI HOOK: the emoji picker (issue 3) adds its ``emojiButton`` to this row
        #: with :meth:`add_composer_tool` and inserts into :attr:`composer`.
        self.composer_tools = QHBoxLayout()
        self.composer_tools.setSpacing(4)
        self.composer_tools.addWidget(self.channel_selector)
        self.composer_tools.addWidget(self.attach_button)
        self.composer_tools.addStretch(1)
        self.composer_tools.addWidget(self.send_button)
        frame_box = QVBoxLayout(self.composer_frame)
        frame_box.setContentsMargins(8, 6, 8, 6)
        frame_box.setSpacing(4)
        frame_box.addWidget(self.composer)
        frame_box.addLayout(self.composer_tools)

        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 10)
        root.setSpacing(4)
        root.addWidget(self.search_bar)
        root.addWidget(self.loading_label, 0, Qt.AlignmentFlag.AlignHCenter)
        root.addWidget(self.transcript, 1)
        # said instead of the composer where the agent cannot write (see set_read_only)
        self.read_only_notice = QLabel(self)
        self.read_only_notice.setObjectName("readOnlyNotice")
        self.read_only_notice.setWordWrap(True)
        self.read_only_notice.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.read_only_notice.setContentsMargins(16, 4, 16, 4)
        self.read_only_notice.setVisible(False)
        root.addWidget(self.read_only_notice)
        composer_row = QHBoxLayout()
        composer_row.setContentsMargins(12, 0, 12, 0)
        composer_row.addWidget(self.composer_frame)
        root.addLayout(composer_row)

        self._connect_signals()
        self.set_theme(theme)
        self._update_send_enabled()
        self._sync_matches()

    def _connect_signals(self) -> None:
        self.send_button.clicked.connect(self._submit)
        self.composer.submitted.connect(self._submit)
        self.composer.textChanged.connect(self._update_send_enabled)
        self.composer.focusChanged.connect(self._composer_focus)
        self.attach_button.clicked.connect(self._choose_image)
        self.refresh_button.clicked.connect(self.refreshRequested)
        self.refresh_button.clicked.connect(self.feed.refresh)
        self.search.textChanged.connect(lambda _text: self._search_timer.start())
        self.search.returnPressed.connect(self.go_previous_match)
        self._search_timer.timeout.connect(self.run_search)
        self.previous_match.clicked.connect(self.go_previous_match)
        self.next_match.clicked.connect(self.go_next_match)
        self.feed.searchFinished.connect(self._search_finished)
        self.feed.loadingChanged.connect(self._loading_changed)

    def _loading_changed(self, loading: bool) -> None:
        self.loading_label.setVisible(loading)
        if not loading:
            QTimer.singleShot(0, self.transcript, self.transcript.fill)

    def add_composer_tool(self, widget: QWidget) -> None:
        """Put a tool button (the emoji picker's, for one) beside attach image."""
        self.composer_tools.insertWidget(2, widget)

    def set_sessions(self, channels: Iterable[Channel], sessions: Iterable[Channel]) -> None:
        self.channel_selector.set_sessions(channels, sessions)

    def write_into_chat(self, channel: Channel) -> None:
        """What is written here goes into the live chat on ``channel`` only (a backend
        without asynchronous chat): no channel to choose; :meth:`set_writable` follows the
        chat's state."""
        self.channel_selector.set_only(channel)
        self.channel_selector.setVisible(False)
        self.set_writable(True)

    def set_writable(self, writable: bool) -> None:
        """Whether the composer and the attach button send (an active chat)."""
        self.composer.setEnabled(writable)
        self.composer.setReadOnly(not writable)
        self.attach_button.setEnabled(writable)
        self.composer.setPlaceholderText(
            self.tr("Type your message — Enter to send, Shift+Enter for a new line")
            if writable
            else self.tr("The chat has ended.")
        )
        self._update_send_enabled()

    def set_read_only(self, notice: str) -> None:
        """No composer (nothing can be written from here); ``notice`` says where to."""
        self.composer_frame.setVisible(False)
        self.composer.setEnabled(False)
        self.read_only_notice.setText(notice)
        self.read_only_notice.setVisible(True)

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        self.delegate.set_theme(theme)
        self.channel_selector.set_theme(theme)
        self.refresh_button.setIcon(icon("refresh", theme.muted))
        self.attach_button.setIcon(icon("image", theme.muted))
        self.send_button.setIcon(icon("send", theme.accent_text, theme.muted))
        self.loading_label.setStyleSheet(f"color: {theme.muted.name()};")
        self.read_only_notice.setStyleSheet(f"color: {theme.muted.name()};")
        self.match_label.setStyleSheet(f"color: {theme.muted.name()};")
        self.setStyleSheet(panel_rules(theme))

    def open(self) -> None:
        """Load the newest page (once) and show the bottom."""
        self.feed.open()
        self.transcript.scrollToBottom()
        QTimer.singleShot(0, self.transcript, self.transcript.fill)

    # composer -------------------------------------------------------------------------
    def _update_send_enabled(self) -> None:
        self.send_button.setEnabled(
            self.composer.isEnabled() and bool(self.composer.toPlainText().strip())
        )

    def _composer_focus(self, focused: bool) -> None:
        self.composer_frame.setProperty("focused", focused)
        self.composer_frame.style().unpolish(self.composer_frame)
        self.composer_frame.style().polish(self.composer_frame)

    def _submit(self) -> None:
        text = self.composer.toPlainText().strip()
        if not text or not self.composer.isEnabled():
            return
        if any(guard(text) for guard in self.submit_guards):
            return
        self.composer.clear()
        self.sendRequested.emit(self.channel_selector.channel().value, text)

    def _choose_image(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Attach an image"),
            "",
            self.tr("Images ({0})").format(" ".join(ACCEPTED_SUFFIXES)),
        )
        if path:
            self.attach_file(Path(path))

    def attach_file(self, path: Path) -> None:
        """Send the image at ``path`` (validated by the service before it leaves)."""
        self.attachRequested.emit(self.channel_selector.channel().value, str(path))

    # search ---------------------------------------------------------------------------
    def run_search(self) -> None:
        self._search_timer.stop()
        self.feed.search(self.search.text())

    def _search_finished(self, ids: list[str]) -> None:
        if not self.search.text().strip():
            ids = []
        self._matches = list(ids)
        self._current_match = len(ids) - 1  # the newest first
        self._sync_matches()

    @property
    def matches(self) -> list[str]:
        return list(self._matches)

    @property
    def current_match(self) -> str | None:
        if 0 <= self._current_match < len(self._matches):
            return self._matches[self._current_match]
        return None

    def go_previous_match(self) -> None:
        if self._matches:
            self._current_match = (self._current_match - 1) % len(self._matches)
            self._sync_matches()

    def go_next_match(self) -> None:
        if self._matches:
            self._current_match = (self._current_match + 1) % len(self._matches)
            self._sync_matches()

    def _sync_matches(self) -> None:
        current = self.current_match
        self.model.set_matches(set(self._matches), current)
        has = bool(self._matches)
        self.previous_match.setEnabled(has)
        self.next_match.setEnabled(has)
        if not self.search.text().strip():
            self.match_label.setText("")
        elif not has:
            self.match_label.setText(self.tr("No match"))
        else:
            self.match_label.setText(
                self.tr("{0} of {1}").format(self._current_match + 1, len(self._matches))
            )
        if current is not None:
            when = self.feed.time_of_match(current)
            if when is None:
                self._reveal(current)
            else:
                self.feed.load_until(when, lambda: self._reveal(current))

    def _reveal(self, message_id: str) -> None:
        if message_id != self.current_match:
            return  # the agent moved on meanwhile
        self.model.set_matches(set(self._matches), message_id)
        row = self.model.row_of_message(message_id)
        if row is not None:
            index = self.model.index(row, 0)
            self.transcript.scrollTo(index, TranscriptView.ScrollHint.PositionAtCenter)
