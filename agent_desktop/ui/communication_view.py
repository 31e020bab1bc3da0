"""The Connect area's Communication tab: contacts, their conversations, public posts.

Contact list (search, white dot while connected) on the left, the selected contact's whole
conversation with a composer in the middle (or, under Public, the posts and tweets that
mention the company), and a contact-info column with a button per chat channel.
Passive: intents leave as signals and the main window wires them to the services.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any
from weakref import WeakSet

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QDateTime,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from agent_desktop.core.channels import PRIVATE_CHANNELS, contact_info_channels
from agent_desktop.core.display import display_text
from agent_desktop.core.models import Contact, PublicPost
from agent_desktop.core.types import Channel, PartyRole
from agent_desktop.services.conversation_feed import ConversationFeed
from agent_desktop.ui.chat_view import TranscriptView
from agent_desktop.ui.connect_style import panel_rules
from agent_desktop.ui.contact_list import ContactDelegate, ContactListModel, ContactRoles
from agent_desktop.ui.conversation_panel import ConversationPanel
from agent_desktop.ui.icons import icon
from agent_desktop.ui.message_delegate import MessageDelegate
from agent_desktop.ui.theme import Theme
from agent_desktop.ui.transcript_model import Roles
from agent_desktop.ui.wire_tooltip import wire_tooltip

ModelIndex = QModelIndex | QPersistentModelIndex

CONTACT_SEARCH_DELAY_MS = 200
#: the contact-info column's width when it first shows
INFO_WIDTH = 200

_NETWORK_LABELS = {"facebook": "Facebook", "twitter": "X"}


class PublicPostModel(QAbstractListModel):
    """Public posts, oldest first; roles compatible with :class:`MessageDelegate`."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._posts: list[PublicPost] = []

    def set_posts(self, posts: list[PublicPost]) -> None:
        self.beginResetModel()
        self._posts = list(posts)
        self.endResetModel()

    def add(self, post: PublicPost) -> None:
        row = len(self._posts)
        self.beginInsertRows(QModelIndex(), row, row)
        self._posts.append(post)
        self.endInsertRows()

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._posts)

    def flags(self, index: ModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def roleNames(self) -> dict[int, Any]:
        names = dict(super().roleNames())
        for role in Roles:
            names[int(role)] = QByteArray(role.name.lower().encode())
        return names

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._posts):
            return None
        post = self._posts[index.row()]
        network = _NETWORK_LABELS.get(post.network, post.network)
        if role == Qt.ItemDataRole.ToolTipRole:  # as a message row's: author and time
            when = QDateTime.fromMSecsSinceEpoch(int(post.time * 1000))
            stamp = when.toString("yyyy-MM-dd HH:mm:ss")
            return wire_tooltip(f"{post.author_name} · {network} · {stamp}")
        values: dict[int, Any] = {
            Qt.ItemDataRole.DisplayRole: post.text,
            Qt.ItemDataRole.AccessibleTextRole: f"{post.author_name} ({network}): {post.text}",
            Roles.AUTHOR: f"{post.author_name} · {network}",
            Roles.AUTHOR_ID: f"{post.contact_id}:{post.network}",
            Roles.AUTHOR_ROLE: PartyRole.CUSTOMER.value,
            Roles.TIME: post.time,
            Roles.MESSAGE_ID: post.id,
            Roles.DELIVERY: "sent",
        }
        return values.get(role)


class CommunicationView(QWidget):
    """Contacts and the conversation with the selected one."""

    searchRequested = Signal(str)
    contactSelected = Signal(str)  # contact id
    startInteractionRequested = Signal(str, str)  # contact id, channel value
    publicRequested = Signal(str)  # contact id ("" for everyone)

    def __init__(self, theme: Theme, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("communicationView")
        self.setAccessibleName(self.tr("Communication"))
        self._theme = theme
        self.panel: ConversationPanel | None = None
        self.private_notice: QLabel | None = None
        self._watched_feeds: WeakSet[ConversationFeed] = WeakSet()
        self.current_contact: Contact | None = None
        #: channels a contact has a session on now (set by the main window's wiring)
        self.sessions_of: Callable[[str], Iterable[Channel]] = lambda _contact_id: ()
        #: the backend lets the agent write to a contact from here, open a chat with them
        self._can_write = True
        self._can_start = True

        # contacts ---------------------------------------------------------------------
        contacts = QFrame(self)
        contacts.setObjectName("contactPanel")
        title = QLabel(self.tr("Contacts"), contacts)
        title.setObjectName("sectionTitle")
        self.search = QLineEdit(contacts)
        self.search.setObjectName("contactSearch")
        self.search.setAccessibleName(self.tr("Search contacts"))
        self.search.setPlaceholderText(self.tr("Search by name, e-mail or phone"))
        self.search.setClearButtonEnabled(True)
        self.all_filter = QToolButton(contacts)
        self.all_filter.setObjectName("allFilterButton")
        self.all_filter.setText(self.tr("All"))
        self.all_filter.setAccessibleName(self.tr("All conversations"))
        self.all_filter.setToolTip(
            self.tr("Every conversation with the contact, SMS and WhatsApp included")
        )
        self.private_filter = QToolButton(contacts)
        self.private_filter.setObjectName("privateFilterButton")
        self.private_filter.setText(self.tr("Private"))
        self.private_filter.setAccessibleName(self.tr("Private conversations"))
        self.private_filter.setToolTip(
            self.tr("Web chat, Messenger and X direct messages with the contact")
        )
        self.public_filter = QToolButton(contacts)
        self.public_filter.setObjectName("publicFilterButton")
        self.public_filter.setText(self.tr("Public"))
        self.public_filter.setAccessibleName(self.tr("Public posts"))
        self.public_filter.setToolTip(
            self.tr("Public Facebook posts and tweets that mention the company")
        )
        for filter_button in (self.all_filter, self.private_filter, self.public_filter):
            filter_button.setCheckable(True)
            filter_button.setAutoExclusive(True)
            filter_button.setProperty("tab", True)
        self.all_filter.setChecked(True)
        filters = QHBoxLayout()
        filters.setSpacing(2)
        filters.addWidget(self.all_filter)
        filters.addWidget(self.private_filter)
        filters.addWidget(self.public_filter)
        filters.addStretch(1)
        self.contact_list = QListView(contacts)
        self.contact_list.setObjectName("contactList")
        self.contact_list.setAccessibleName(self.tr("Contacts"))
        self.contact_model = ContactListModel(self.contact_list)
        self.contact_list.setModel(self.contact_model)
        self.contact_delegate = ContactDelegate(self.contact_list, theme)
        self.contact_list.setItemDelegate(self.contact_delegate)
        self.contact_list.setUniformItemSizes(True)
        contacts_box = QVBoxLayout(contacts)
        contacts_box.setContentsMargins(10, 10, 10, 10)
        contacts_box.setSpacing(6)
        contacts_box.addWidget(title)
        contacts_box.addWidget(self.search)
        contacts_box.addLayout(filters)
        contacts_box.addWidget(self.contact_list, 1)

        # conversation / public posts ----------------------------------------------------
        self.middle = QStackedWidget(self)
        self.placeholder = QLabel(self.tr("Select a contact to see your conversations."), self)
        self.placeholder.setObjectName("communicationPlaceholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.middle.addWidget(self.placeholder)
        self.posts_view = TranscriptView(self)
        self.posts_view.setObjectName("publicPostList")
        self.posts_view.setAccessibleName(self.tr("Public posts"))
        self.posts_model = PublicPostModel(self.posts_view)
        self.posts_view.setModel(self.posts_model)
        self.posts_delegate = MessageDelegate(self.posts_view, theme)
        self.posts_view.setItemDelegate(self.posts_delegate)
        self.middle.addWidget(self.posts_view)

        # contact info -----------------------------------------------------------------
        info = QFrame(self)
        info.setObjectName("contactInfo")
        # wide enough for a name and an address whatever buttons it shows (none on Matrix)
        info.setMinimumWidth(180)
        info_title = QLabel(self.tr("Contact info"), info)
        info_title.setObjectName("sectionTitle")
        self.info_name = QLabel(info)
        self.info_name.setObjectName("contactInfoName")
        self.info_name.setTextFormat(Qt.TextFormat.PlainText)
        self.info_name.setWordWrap(True)
        self.info_details = QLabel(info)
        self.info_details.setObjectName("contactInfoDetails")
        self.info_details.setTextFormat(Qt.TextFormat.PlainText)
        self.info_details.setWordWrap(True)
        self.info_details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.channel_buttons: dict[Channel, QPushButton] = {}
        self.info_box = QVBoxLayout(info)
        self.info_box.setContentsMargins(12, 10, 12, 10)
        self.info_box.setSpacing(6)
        self.info_box.addWidget(info_title)
        self.info_box.addWidget(self.info_name)
        self.info_box.addWidget(self.info_details)
        self.no_channel = QLabel(self.tr("No chat channel with this contact."), info)
        self.no_channel.setObjectName("noChannelNotice")
        self.no_channel.setWordWrap(True)
        self.info_box.addWidget(self.no_channel)
        for channel, name, text in (
            (Channel.WEBCHAT, "startChatButton", self.tr("Chat")),
            (Channel.SMS, "startSmsButton", self.tr("SMS")),
            (Channel.WHATSAPP, "startWhatsAppButton", self.tr("WhatsApp")),
        ):
            button = QPushButton(text, info)
            button.setObjectName(name)
            button.setAccessibleName(self.tr("Open a {0} interaction").format(text))
            button.setToolTip(self.tr("Open a {0} interaction with the contact").format(text))
            button.setProperty("channel", channel.value)
            button.clicked.connect(lambda _=False, c=channel: self._start(c))
            self.channel_buttons[channel] = button
            self.info_box.addWidget(button)
        self.info_box.addStretch(1)
        self.info = info

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(contacts)
        splitter.addWidget(self.middle)
        splitter.addWidget(info)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setStretchFactor(2, 0)
        splitter.setSizes([240, 600, INFO_WIDTH])
        splitter.setChildrenCollapsible(False)
        self.splitter = splitter
        root = QVBoxLayout(self)
        root.setContentsMargins(0, 0, 0, 0)
        root.addWidget(splitter)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(CONTACT_SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(lambda: self.searchRequested.emit(self.search.text()))
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.contact_list.selectionModel().currentChanged.connect(self._current_changed)
        self.all_filter.clicked.connect(self._sync_middle)
        self.private_filter.clicked.connect(self._sync_middle)
        self.public_filter.clicked.connect(self._public_clicked)
        self._show_info(None)
        self.set_theme(theme)

    def set_abilities(self, *, write: bool, start: bool, public: bool) -> None:
        """What the backend carries here: writing to the contact outside a chat, opening
        a chat with them, public posts. What it cannot do is hidden."""
        self._can_write, self._can_start = write, start
        self.public_filter.setVisible(public)
        if not public and self.public_filter.isChecked():
            self.all_filter.setChecked(True)
            self._sync_middle()
        self._show_info(self.current_contact)

    # contacts -------------------------------------------------------------------------
    def set_contacts(self, contacts: list[Contact]) -> None:
        selected = self.current_contact.id if self.current_contact is not None else None
        self.contact_model.set_contacts(contacts)
        if selected is not None:
            row = self.contact_model.row_of(selected)
            if row is not None:
                self.contact_list.setCurrentIndex(self.contact_model.index(row, 0))

    def update_contact(self, contact: Contact) -> None:
        self.contact_model.update_contact(contact)
        if self.current_contact is not None and self.current_contact.id == contact.id:
            self.current_contact = contact
            self._show_info(contact)
            if self.panel is not None:
                self.panel.set_sessions(
                    (a.channel for a in contact.channels), self.sessions_of(contact.id)
                )

    def set_active(self, contact_id: str, active: bool) -> None:
        self.contact_model.set_active(contact_id, active)

    def select_contact(self, contact_id: str) -> bool:
        row = self.contact_model.row_of(contact_id)
        if row is None:
            return False
        self.all_filter.setChecked(True)  # the reply it is opened for may be on any channel
        self.contact_list.setCurrentIndex(self.contact_model.index(row, 0))
        self._sync_middle()
        return True

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not current.isValid():
            return
        contact = self.contact_model.contact(current.row())
        if self.current_contact is not None and self.current_contact.id == contact.id:
            return
        self.current_contact = contact
        self._show_info(contact)
        self.contactSelected.emit(contact.id)
        if self.public_filter.isChecked():
            self.publicRequested.emit(contact.id)

    def set_conversation(self, contact: Contact, feed: ConversationFeed) -> ConversationPanel:
        """Show ``feed`` (the selected contact's conversation) with its composer."""
        if self.panel is not None:
            self.middle.removeWidget(self.panel)
            self.panel.deleteLater()
        panel = ConversationPanel(
            feed,
            self._theme,
            transcript_name="contactTranscript",
            composer_name="contactComposer",
            send_name="contactSendButton",
            searchable=False,
            parent=self.middle,
        )
        panel.transcript.setAccessibleName(self.tr("Conversation with {0}").format(contact.name))
        panel.set_sessions((a.channel for a in contact.channels), self.sessions_of(contact.id))
        notice = QLabel(
            self.tr("No web chat, Messenger or X conversation with this contact."), panel
        )
        notice.setObjectName("noPrivateConversationNotice")
        notice.setContentsMargins(16, 28, 16, 0)
        notice.setAlignment(Qt.AlignmentFlag.AlignCenter)
        notice.setWordWrap(True)
        notice.setStyleSheet(f"color: {self._theme.muted.name()};")
        notice.hide()
        root = panel.layout()
        if isinstance(root, QVBoxLayout):
            root.insertWidget(1, notice)
        self.private_notice = notice
        for changed in (panel.model.modelReset, panel.model.rowsInserted, panel.model.rowsRemoved):
            changed.connect(self._sync_private_notice)
        if panel.feed not in self._watched_feeds:  # feeds outlive panels: connect once
            self._watched_feeds.add(panel.feed)
            panel.feed.loadingChanged.connect(self._sync_private_notice)
        if not self._can_write:
            panel.set_read_only(self.tr("To write to this contact, use a chat with them."))
        panel.sendRequested.connect(lambda channel, _text: self._sent_on(Channel(channel)))
        panel.attachRequested.connect(lambda channel, _path: self._sent_on(Channel(channel)))
        self.panel = panel
        self.middle.addWidget(panel)
        self._sync_middle()
        panel.open()
        return panel

    def _public_clicked(self) -> None:
        self.publicRequested.emit(self.current_contact.id if self.current_contact else "")
        self._sync_middle()

    def set_public_posts(self, posts: list[PublicPost]) -> None:
        self.posts_model.set_posts(posts)

    def add_public_post(self, post: PublicPost) -> None:
        if self.current_contact is None or self.current_contact.id == post.contact_id:
            self.posts_model.add(post)

    def _sync_private_notice(self) -> None:
        """Under Private, say so when the whole history holds no private conversation."""
        panel, notice = self.panel, self.private_notice
        if panel is None or notice is None:
            return
        feed = panel.feed
        empty = (
            panel.model.channel_filter is not None
            and panel.model.rowCount() == 0
            and not feed.loading
            and (feed.exhausted or len(feed) == 0)
        )
        notice.setVisible(empty)

    def _sent_on(self, channel: Channel) -> None:
        """What the agent sends is never hidden: off the Private channels, show them all."""
        if self.private_filter.isChecked() and channel not in PRIVATE_CHANNELS:
            self.all_filter.setChecked(True)
            self._sync_middle()

    def _sync_middle(self) -> None:
        if self.public_filter.isChecked():
            self.middle.setCurrentWidget(self.posts_view)
        elif self.panel is not None:
            panel = self.panel
            wanted = PRIVATE_CHANNELS if self.private_filter.isChecked() else None
            if panel.model.channel_filter != wanted:
                panel.model.set_channel_filter(wanted)
                panel.transcript.scrollToBottom()
                QTimer.singleShot(0, panel.transcript, panel.transcript.fill)
            self._sync_private_notice()
            self.middle.setCurrentWidget(panel)
            self._give_info_room()
        else:
            self.middle.setCurrentWidget(self.placeholder)

    # contact info ---------------------------------------------------------------------
    def _show_info(self, contact: Contact | None) -> None:
        if contact is None:
            self.info.setVisible(False)
            return
        self.info_name.setText(display_text(contact.name, limit=120))
        details = [display_text(d, limit=120) for d in (contact.email, contact.phone) if d]
        self.info_details.setText("\n".join(details))
        self.info_details.setVisible(bool(details))
        present = contact_info_channels(a.channel for a in contact.channels)
        for channel, button in self.channel_buttons.items():
            button.setVisible(self._can_start and channel in present)
        self.no_channel.setVisible(self._can_start and not present)
        self.info.setVisible(True)
        self._give_info_room()

    def _give_info_room(self) -> None:
        """The contact-info column at its width again: the splitter lays out hidden
        columns at zero, and keeps that when one is shown after the window was resized."""
        left, middle, right = self.splitter.sizes()
        wanted = max(self.info.sizeHint().width(), INFO_WIDTH)
        if self.info.isVisible() and right < self.info.minimumWidth() and middle > wanted:
            self.splitter.setSizes([left, middle + right - wanted, wanted])

    def _start(self, channel: Channel) -> None:
        if self.current_contact is not None:
            self.startInteractionRequested.emit(self.current_contact.id, channel.value)

    def set_theme(self, theme: Theme) -> None:
        self._theme = theme
        self.contact_delegate.theme = theme
        self.contact_list.viewport().update()
        self.posts_delegate.set_theme(theme)
        if self.panel is not None:
            self.panel.set_theme(theme)
        if self.private_notice is not None:
            self.private_notice.setStyleSheet(f"color: {theme.muted.name()};")
        for channel, button in self.channel_buttons.items():
            button.setIcon(icon(channel.value, theme.accent))
        self.placeholder.setStyleSheet(f"color: {theme.muted.name()};")
        self.no_channel.setStyleSheet(f"color: {theme.muted.name()};")
        self.info_details.setStyleSheet(f"color: {theme.muted.name()};")
        self.setStyleSheet(panel_rules(theme))


__all__ = ["CommunicationView", "ContactRoles", "PublicPostModel"]
