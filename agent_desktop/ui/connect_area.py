"""The Connect group of the main window (Communication tab) and the Conversation tab of every
chat view, wired to the :class:`ConversationService`.

Kept out of ``main_window.py`` so that the main window only calls :meth:`ConnectArea.attach`.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QBoxLayout, QFrame, QToolButton

from agent_desktop.core.emoji import SkinTone, default_catalog
from agent_desktop.core.models import Contact, PublicPost
from agent_desktop.core.types import Channel, DeliveryState, InteractionState
from agent_desktop.services.conversations import ConversationService
from agent_desktop.services.drafts import communication_key, conversation_key
from agent_desktop.ui.chat_view import ChatView
from agent_desktop.ui.communication_view import CommunicationView
from agent_desktop.ui.composer_tools import ComposerTools
from agent_desktop.ui.connect_style import tab_rules
from agent_desktop.ui.conversation_panel import ConversationPanel
from agent_desktop.ui.failed_message_menu import FailedMessageMenu
from agent_desktop.ui.icons import icon
from agent_desktop.ui.reply_notification import ReplyNotification
from agent_desktop.ui.theme import Theme
from agent_desktop.ui.transcript_links import TranscriptLinks
from agent_desktop.ui.transcript_model import Roles

if TYPE_CHECKING:
    from agent_desktop.ui.main_window import MainWindow


class ConnectArea(QObject):
    """Owns the Communication view, its tab button and the reply notification."""

    def __init__(self, window: MainWindow, service: ConversationService) -> None:
        super().__init__(window)
        self.window = window
        self.service = service
        self._select_after_search: str | None = None
        theme = window.theme
        self.view = CommunicationView(theme, window.stack)
        self.view.sessions_of = service.connected_channels
        window.stack.addWidget(self.view)
        self.tab = QToolButton(window)
        self.tab.setObjectName("communicationTab")
        self.tab.setText(self.tr("Communication"))
        self.tab.setAccessibleName(self.tr("Communication"))
        self.tab.setToolTip(self.tr("Connect: your conversations with contacts"))
        self.tab.setCheckable(True)
        self.tab.setProperty("tab", True)
        self.tab.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        top = window.findChild(QFrame, "topBar")
        layout = top.layout() if top is not None else None
        features = service.features
        if isinstance(layout, QBoxLayout) and features.communication_view:
            connect_label_at = layout.indexOf(window.ready_button) + 1
            layout.insertSpacing(connect_label_at, 10)
            layout.insertWidget(connect_label_at + 1, self.tab)
        self.tab.setVisible(features.communication_view)
        self.view.set_abilities(
            write=features.async_chat, start=features.async_chat, public=features.public_posts
        )
        self.notification = ReplyNotification(theme, window)
        self._connect_signals()
        self.set_theme(theme)

    def _connect_signals(self) -> None:
        service, view, window = self.service, self.view, self.window
        self.tab.clicked.connect(lambda: self.show(None))
        window.stack.currentChanged.connect(self._sync_tab)
        view.searchRequested.connect(service.search_contacts)
        view.contactSelected.connect(self._contact_selected)
        view.startInteractionRequested.connect(
            lambda cid, channel: service.start_interaction(cid, Channel(channel))
        )
        view.publicRequested.connect(self._load_public)
        service.contactsFound.connect(self._contacts_found)
        service.presenceChanged.connect(view.set_active)
        service.replied.connect(self._replied)
        service.publicPostReceived.connect(self._public_post)
        service.interactionStarted.connect(self._interaction_started)
        self.notification.showRequested.connect(self.show)
        window.store.opened.connect(self._chat_opened)
        window.store.removed.connect(lambda iid: self._drop_tools(conversation_key(iid)))

    # Communication tab ----------------------------------------------------------------
    def show(self, contact_id: str | None) -> None:
        """Bring the Communication tab in front, on ``contact_id`` if given."""
        window = self.window
        window.stack.setCurrentWidget(self.view)
        self._sync_tab()  # a click on the checked tab unchecks it: it stays checked here
        window.bar.select("")
        if contact_id is not None and not self.view.select_contact(contact_id):
            self._select_after_search = contact_id
            self.view.search.clear()
            self.service.search_contacts("")
        elif self.view.contact_model.rowCount() == 0:
            self.service.search_contacts(self.view.search.text())
        self.view.search.setFocus()

    def _sync_tab(self) -> None:
        self.tab.setChecked(self.window.stack.currentWidget() is self.view)

    def _contacts_found(self, query: str, contacts: list[Contact]) -> None:
        if query == "" and len(contacts) == 1 and self.view.contact_model.row_of(contacts[0].id):
            self.view.update_contact(contacts[0])  # a refreshed contact
            return
        if query != self.view.search.text():
            return  # an older search
        self.view.set_contacts(contacts)
        for contact in contacts:
            self.view.set_active(contact.id, self.service.is_connected(contact.id))
        wanted, self._select_after_search = self._select_after_search, None
        if wanted is not None:
            self.view.select_contact(wanted)

    def _contact_selected(self, contact_id: str) -> None:
        contact = self.view.current_contact
        if contact is None or contact.id != contact_id:
            return
        panel = self.view.set_conversation(contact, self.service.feed(contact_id))
        self._wire_panel(panel, contact_id, None)
        self.service.refresh_contact(contact_id)

    def _load_public(self, contact_id: str) -> None:
        self.service.load_public_posts(contact_id or None, self.view.set_public_posts)

    def _public_post(self, post: PublicPost) -> None:
        self.view.add_public_post(post)

    def _replied(self, contact_id: str, name: str, text: str) -> None:
        self.notification.notify(contact_id, name, text)

    def _interaction_started(self, iid: str) -> None:
        if iid in self.window.views:
            self.window.show_interaction(iid)
        else:
            self.window._accepted_by_click.add(iid)  # brought in front when it opens

    # Conversation tab of chat views ---------------------------------------------------
    def _chat_opened(self, iid: str) -> None:
        view = self.window.views.get(iid)
        if view is not None:
            self.attach_conversation(view)

    def attach_conversation(self, view: ChatView) -> None:
        """The Conversation tab of a chat view, if the backend carries one; without
        asynchronous chat, what is written there goes into this chat while it is live."""
        features = self.service.features
        if not features.conversation_tab:
            return
        record = view.record
        service, contact_id = self.service, record.contact.id
        panel = ConversationPanel(
            service.hold(contact_id),
            self.window.theme,
            transcript_name="transcript",
            composer_name="conversationComposer",
            send_name="conversationSendButton",
            searchable=features.search,
            attachable=features.images,
        )
        if features.async_chat:
            panel.set_sessions(
                (a.channel for a in record.contact.channels),
                self.service.connected_channels(record.contact.id),
            )
        else:
            panel.write_into_chat(record.channel)

            def follow_chat() -> None:
                if shiboken6.isValid(panel):  # the record may outlive its view
                    panel.set_writable(record.state is InteractionState.ACTIVE)

            record.stateChanged.connect(follow_chat)
            follow_chat()
        view.set_conversation_page(panel)
        view.tab_row.setStyleSheet(tab_rules(self.window.theme))
        view.set_continuable(features.async_chat)
        view.conversationShown.connect(panel.open)
        self._wire_panel(panel, record.contact.id, record.id)
        self.window.apply_emoji_images(view)  # the Conversation tab's list too
        panel.destroyed.connect(lambda *_: service.release(contact_id))

    def _add_emoji_tools(self, panel: ConversationPanel, key: str) -> None:
        """The emoji picker of the chat views, in this composer too (no Push URL here)."""
        window = self.window
        frame_box = panel.composer_frame.layout()
        if not isinstance(frame_box, QBoxLayout):
            return
        self._drop_tools(key)
        tools = ComposerTools(
            panel.composer,
            panel.composer_tools,
            frame_box,
            default_catalog(),
            window.theme,
            push_available=False,
            parent=panel,
        )
        tools.apply_settings(window.settings_store.settings)
        panel.submit_guards.append(tools.blocks_send)
        state = window.local_state
        if state is not None:
            tools.set_recent(state.recent_emojis)
            tools.set_tone(int(state.skin_tone))
            tools.skinToneChosen.connect(lambda tone: state.set_skin_tone(SkinTone(tone)))
        # registered with the window so that settings, recents and theme reach it
        window.composer_tools[key] = tools
        panel.destroyed.connect(lambda *_: self._drop_tools(key, tools))

    def _drop_tools(self, key: str, only: ComposerTools | None = None) -> None:
        tools = self.window.composer_tools.get(key)
        if tools is not None and (only is None or tools is only):
            del self.window.composer_tools[key]

    def _wire_panel(self, panel: ConversationPanel, contact_id: str, iid: str | None) -> None:
        key = conversation_key(iid) if iid is not None else communication_key(contact_id)
        self._add_emoji_tools(panel, key)
        self.window.bind_draft(key, panel.composer, panel)
        service = self.service
        panel.sendRequested.connect(
            lambda channel, text: service.send_text(contact_id, Channel(channel), text, iid)
        )
        panel.attachRequested.connect(
            lambda channel, path: service.send_image(contact_id, Channel(channel), Path(path), iid)
        )
        # a failed message: a click sends it again, the right-click menu also discards it
        panel.transcript.clicked.connect(
            lambda index: (
                service.retry(contact_id, str(index.data(Roles.TXN_ID)))
                if index.data(Roles.DELIVERY) == DeliveryState.FAILED.value
                else None
            )
        )
        failed = FailedMessageMenu(panel.transcript)
        failed.retryRequested.connect(lambda txn: service.retry(contact_id, txn))
        failed.discardRequested.connect(lambda txn: service.discard(contact_id, txn))
        # links open as in the chat's own transcript (look-alike hosts ask first)
        links = TranscriptLinks(panel.transcript, panel.delegate)
        links.activated.connect(lambda kind, target: self.window.open_link(iid or "", kind, target))

    def set_theme(self, theme: Theme) -> None:
        self.view.set_theme(theme)
        self.notification.set_theme(theme)
        self.tab.setIcon(icon("contacts", theme.muted))
        self.tab.setStyleSheet(tab_rules(theme))
        for view in self.window.views.values():
            view.tab_row.setStyleSheet(tab_rules(theme))
            page = view.conversation_page
            if isinstance(page, ConversationPanel):
                page.set_theme(theme)

    def close(self) -> None:
        self.notification.hide()
