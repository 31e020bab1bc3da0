"""Agent productivity on every chat view: standard responses, length limits and the
WhatsApp reply window, idle contacts, spell check, transcript zoom and the
command palette.

One :class:`ProductivityController` per main window; it attaches a :class:`ChatExtras`
to each chat view the window opens (after the window built it) and owns the window-wide
shortcuts. Chat views stay passive: the extras watch their widgets and emit through the
view's own ``sendRequested``.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QBoxLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from agent_desktop.core.message_limits import (
    LengthStatus,
    ReplyWindow,
    check_length,
    reply_window,
)
from agent_desktop.core.models import AgentIdentity
from agent_desktop.core.standard_responses import FieldContext, StandardResponse, fill_fields
from agent_desktop.core.types import InteractionState, PartyRole
from agent_desktop.services.bridge import MessageBridge
from agent_desktop.services.settings_store import SettingsStore
from agent_desktop.services.spelling import SpellingService
from agent_desktop.services.standard_responses import StandardResponses
from agent_desktop.services.state_store import LocalState
from agent_desktop.ui.chat_view import ChatView
from agent_desktop.ui.command_palette import Command, CommandPalette
from agent_desktop.ui.composer_tools import ui_language
from agent_desktop.ui.spell_check import ComposerSpelling
from agent_desktop.ui.standard_responses_popup import StandardResponsePopup
from agent_desktop.ui.theme import Theme

#: a "/" command in the composer is at most this long (longer text is a message)
SLASH_MAX = 40
SHORTCUT_RESPONSES = "Ctrl+Shift+S"  # bound by the main window (ui/shortcuts.py)


def format_remaining(seconds: float) -> str:
    hours, rest = divmod(int(seconds), 3600)
    return f"{hours} h {rest // 60:02d}"


class ChatExtras(QObject):
    """The productivity widgets and behaviour of one chat view."""

    def __init__(self, view: ChatView, controller: ProductivityController) -> None:
        super().__init__(view)
        self.view = view
        self.controller = controller
        self.record = view.record
        self.popup: StandardResponsePopup | None = None
        self._slash_mode = False
        composer = view.composer

        # counter beside Send ---------------------------------------------------------------
        self.counter = QLabel(view.composer_frame)
        self.counter.setObjectName("lengthCounter")
        self.counter.setAccessibleName(self.tr("Message length"))
        self.counter.setTextFormat(Qt.TextFormat.PlainText)
        self.counter.hide()
        tools = view.composer_tools
        tools.insertWidget(tools.indexOf(view.send_button), self.counter)

        # notices above the editor ----------------------------------------------------
        frame_box = view.composer_frame.layout()
        assert isinstance(frame_box, QBoxLayout)
        self.window_notice = QLabel(view.composer_frame)
        self.window_notice.setObjectName("replyWindowNotice")
        self.window_notice.setAccessibleName(self.tr("Reply window"))
        self.window_notice.setTextFormat(Qt.TextFormat.PlainText)
        self.window_notice.setWordWrap(True)
        self.window_notice.hide()
        self.idle_notice = QFrame(view.composer_frame)
        self.idle_notice.setObjectName("idleNotice")
        self.idle_notice.setAccessibleName(self.tr("Idle contact"))
        self.idle_label = QLabel(self.idle_notice)
        self.idle_label.setObjectName("idleNoticeText")
        self.idle_label.setTextFormat(Qt.TextFormat.PlainText)
        self.still_there = QPushButton(self.tr("Ask if they are still there"), self.idle_notice)
        self.still_there.setObjectName("stillThereButton")
        self.still_there.setAccessibleName(self.tr("Ask if the contact is still there"))
        idle_row = QHBoxLayout(self.idle_notice)
        idle_row.setContentsMargins(0, 0, 0, 0)
        idle_row.addWidget(self.idle_label, 1)
        idle_row.addWidget(self.still_there)
        self.idle_notice.hide()
        frame_box.insertWidget(0, self.window_notice)
        frame_box.insertWidget(1, self.idle_notice)

        self.spelling = (
            ComposerSpelling(composer, controller.spelling)
            if controller.spelling is not None
            else None
        )

        composer.textChanged.connect(self._text_changed)
        # compared by identity only: an event may come while the view is being destroyed
        self._composer = composer
        composer.installEventFilter(self)
        self.record.stateChanged.connect(self.refresh)
        self.still_there.clicked.connect(self.ask_still_there)
        view.submit_guards.append(self.blocks_send)
        self.set_theme(controller.theme)
        self.refresh()

    # limits and the reply window -------------------------------------------------------
    def length_status(self) -> LengthStatus:
        chat = self.controller.settings.settings.chat
        text = self.view.composer.toPlainText().strip()
        return check_length(text, self.record.channel, chat.webchat_max_length)

    def window(self) -> ReplyWindow:
        last: float | None = None
        for message in reversed(self.record.transcript.messages()):
            if message.author_role is PartyRole.CUSTOMER:
                last = message.time
                break
        if last is None:  # the contact opened the chat when it was offered
            last = self.record.summary.offered_at
        return reply_window(self.record.channel, last, self.controller.clock())

    def blocks_send(self, text: str) -> bool:
        """A submit guard: beyond the limit or outside the reply window, nothing leaves."""
        return self.length_status().over or not self.window().open

    def refresh(self) -> None:
        """Counter, Send button, reply window and idle notices, from the current state."""
        status = self.length_status()
        window = self.window()
        # live, or ended with a composer that reactivates the chat (asynchronous chat)
        active = self.record.state is InteractionState.ACTIVE or (
            self.view.composer.isEnabled() and not self.view.composer.isReadOnly()
        )
        self._show_counter(status)
        if not window.open and active:
            self.window_notice.setText(
                self.tr(
                    "More than 24 hours have passed since the contact's last WhatsApp message: "
                    "WhatsApp does not allow a free reply until they write again."
                )
            )
            self.window_notice.show()
        elif window.remaining_s is not None and active and window.remaining_s < 3600 * 4:
            self.window_notice.setText(
                self.tr("WhatsApp reply window closes in {0}.").format(
                    format_remaining(window.remaining_s)
                )
            )
            self.window_notice.show()
        else:
            self.window_notice.hide()
        blocked = active and (status.over or not window.open)
        has_text = bool(self.view.composer.toPlainText().strip())
        # an ended chat the backend lets the agent continue is writable too (it reactivates)
        writable = self.view.is_writable()
        self.view.send_button.setEnabled(writable and has_text and not blocked)
        if blocked:
            reason = (
                self.window_notice.text()
                if not window.open
                else self.tr("The message is too long for this channel.")
            )
        else:
            reason = self.tr("Send the message (Enter)")
        if self.view.send_button.toolTip() != reason:
            self.view.send_button.setToolTip(reason)
        self._refresh_idle()

    def _show_counter(self, status: LengthStatus) -> None:
        if not status.near:
            self.counter.hide()
            return
        if status.sms is not None:
            sms = status.sms
            text = self.tr("{0} · {1} SMS").format(
                f"{sms.remaining}/{sms.per_segment}", sms.segments
            )
            if sms.encoding.value == "ucs2":
                text += " · " + self.tr("Unicode")
        else:
            text = f"{status.used} / {status.limit}"
        self.counter.setText(text)
        self.counter.setProperty("over", status.over)
        theme = self.controller.theme
        style = f"color: {(theme.failed if status.over else theme.muted).name()};"
        if self.counter.styleSheet() != style:
            self.counter.setStyleSheet(style)
        self.counter.setToolTip(
            self.tr("Too long: shorten the message to send it.")
            if status.over
            else self.tr("Characters used and allowed")
        )
        self.counter.show()

    # idle contact ---------------------------------------------------------------------------
    def idle_for(self) -> float | None:
        """Seconds the contact has been silent since the agent's last message, when the
        agent wrote last in a live chat; else None."""
        if self.record.state is not InteractionState.ACTIVE:
            return None
        last = self.record.transcript.last(1)
        if not last or last[0].author_role is not PartyRole.AGENT:
            return None
        return max(0.0, self.controller.clock() - last[0].time)

    def is_idle(self) -> bool:
        limit = self.controller.settings.settings.chat.idle_contact_s
        silent = self.idle_for()
        return limit > 0 and silent is not None and silent >= limit

    def _refresh_idle(self) -> None:
        idle = self.is_idle()
        silent = self.idle_for() or 0.0
        if idle:
            name = self.record.contact.name[:60]
            self.idle_label.setText(
                self.tr("{0} has not answered for {1} min.").format(name, int(silent // 60))
                if silent >= 60
                else self.tr("{0} has not answered for {1} s.").format(name, int(silent))
            )
        self.idle_notice.setVisible(idle)
        item = self.controller.bar_item(self.record.id)
        if item is not None:
            text = self.tr("idle") if idle else ""
            if (item.property("idleText") or "") != text:
                item.setProperty("idleText", text)
                item.setProperty("idle", idle)
                item.setAccessibleDescription(self.tr("The contact is idle") if idle else "")
                item.update()

    def ask_still_there(self) -> None:
        text = self.tr("Are you still there, {0}?").format(
            self.record.contact.name.split()[0] if self.record.contact.name.split() else ""
        )
        if self.record.state is InteractionState.ACTIVE and not self.blocks_send(text):
            self.view.sendRequested.emit(text)
            self.idle_notice.hide()

    # composer ------------------------------------------------------------------------------
    # (drafts are saved and restored by services/drafts.py DraftKeeper, bound by the window)
    def _text_changed(self) -> None:
        self.refresh()
        self._follow_slash()

    # standard responses ---------------------------------------------------------------------
    def responses_popup(self) -> StandardResponsePopup:
        if self.popup is None:
            popup = StandardResponsePopup(self.view, self.view.composer_frame, ui_language())
            popup.set_theme(self.controller.theme)
            popup.set_library(self.controller.responses.library)
            popup.responseChosen.connect(self.insert_response)
            popup.cancelled.connect(self._popup_closed)
            self.popup = popup
        return self.popup

    def open_responses(self) -> StandardResponsePopup:
        """Shortcut / palette / button: the picker with its own search field focused."""
        popup = self.responses_popup()
        self._slash_mode = False
        popup.open("")
        return popup

    def _follow_slash(self) -> None:
        """``/words`` at the start of the composer filters the standard responses."""
        text = self.view.composer.toPlainText()
        slash = (
            text.startswith("/")
            and "\n" not in text
            and len(text) <= SLASH_MAX
            and self.record.state is InteractionState.ACTIVE
        )
        if slash:
            popup = self.responses_popup()
            if not popup.isVisible():
                self._slash_mode = True
                popup.open(text[1:], focus_search=False)
            elif self._slash_mode:
                popup.search.setText(text[1:])
        elif self._slash_mode and self.popup is not None:
            self._slash_mode = False
            self.popup.hide()

    def _popup_closed(self) -> None:
        self._slash_mode = False
        self.view.focus_composer()

    def insert_response(self, response: StandardResponse) -> None:
        agent = self.controller.agent
        filled = fill_fields(
            response.text,
            FieldContext(
                contact_name=self.record.contact.name,
                agent_name=agent.name,
                agent_nickname=self.controller.settings.settings.chat.nickname or agent.nickname,
                now=datetime.fromtimestamp(self.controller.clock()),
                language=response.language or ui_language(),
            ),
        )
        composer = self.view.composer
        cursor = composer.textCursor()
        if self._slash_mode:  # the "/words" typed to find it go away
            cursor.select(cursor.SelectionType.Document)
            self._slash_mode = False
        cursor.insertText(filled.text)
        composer.setTextCursor(cursor)
        self.view.focus_composer()
        if filled.unknown:
            self.controller.bridge.warning(
                self.tr(
                    "The standard response holds field codes this desktop does not know: {0}. "
                    "Check the text before sending it."
                ).format(", ".join("{" + code + "}" for code in filled.unknown))
            )

    # theme ----------------------------------------------------------------------------------
    def set_theme(self, theme: Theme) -> None:
        self.window_notice.setStyleSheet(f"color: {theme.failed.name()};")
        self.idle_label.setStyleSheet(f"color: {theme.muted.name()};")
        if self.popup is not None:
            self.popup.set_theme(theme)
        self._show_counter(self.length_status())

    # events ---------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self._composer and kind == QEvent.Type.KeyPress:
            popup = self.popup
            if self._slash_mode and popup is not None and popup.isVisible():
                assert isinstance(event, QKeyEvent)
                if popup.handle_key(event):
                    return True
        return super().eventFilter(watched, event)


class ProductivityController(QObject):
    """Attaches :class:`ChatExtras` to every chat view and owns the window shortcuts."""

    def __init__(
        self,
        window: QObject,
        settings: SettingsStore,
        responses: StandardResponses,
        bridge: MessageBridge,
        agent: AgentIdentity,
        *,
        local_state: LocalState | None = None,
        spelling: SpellingService | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        from agent_desktop.ui.main_window import MainWindow

        super().__init__(window)
        assert isinstance(window, MainWindow)
        self.window = window
        self.settings = settings
        self.responses = responses
        self.bridge = bridge
        self.agent = agent
        self.local_state = local_state
        self.spelling = spelling
        self.clock = clock
        self.extras: dict[str, ChatExtras] = {}
        self.palette = CommandPalette(window.centralWidget() or window)
        self.palette.set_theme(window.theme)

        store = window.store
        store.opened.connect(self._opened)  # after the window built the view
        store.removed.connect(self._removed)
        responses.changed.connect(self._library_changed)
        settings.changed.connect(self._settings_changed)
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self.tick)
        self._tick.start()
        # the window binds every shortcut from one table (ui/shortcuts.py); these are ours
        window.extra_actions["palette"] = self.open_palette
        window.extra_actions["responses"] = self.open_responses
        for iid in list(window.views):
            self._opened(iid)

    @property
    def theme(self) -> Theme:
        return self.window.theme

    # views ----------------------------------------------------------------------------------
    def _opened(self, iid: str) -> None:
        view = self.window.views.get(iid)
        if view is not None and iid not in self.extras:
            self.extras[iid] = ChatExtras(view, self)

    def _removed(self, iid: str) -> None:
        self.extras.pop(iid, None)

    def bar_item(self, iid: str) -> QWidget | None:
        return self.window.bar.items.get(iid)

    def current(self) -> ChatExtras | None:
        view = self.window.current_view()
        return None if view is None else self.extras.get(view.record.id)

    def tick(self) -> None:
        for extras in self.extras.values():
            extras.refresh()

    def _library_changed(self) -> None:
        for extras in self.extras.values():
            if extras.popup is not None:
                extras.popup.set_library(self.responses.library)

    def _settings_changed(self) -> None:
        self.palette.set_theme(self.theme)
        for extras in self.extras.values():
            extras.set_theme(self.theme)
            extras.refresh()

    # standard responses and the palette ----------------------------------------------
    def open_responses(self) -> StandardResponsePopup | None:
        extras = self.current()
        if extras is None or extras.record.state is not InteractionState.ACTIVE:
            return None
        return extras.open_responses()

    def commands(self) -> list[Command]:
        window = self.window
        zoom = window.zoom_transcripts

        def view_button(name: str) -> tuple[Callable[[], None], Callable[[], bool]]:
            def button() -> QAbstractButton | None:
                view = window.current_view()
                if view is None:
                    return None
                found = view.findChild(QAbstractButton, name)
                return found if found is not None and found.isVisible() else None

            def run() -> None:
                found = button()
                if found is not None and found.isEnabled():
                    found.click()

            return run, lambda: (b := button()) is not None and b.isEnabled()

        def tool(attr: str) -> Callable[[], None]:
            def run() -> None:
                view = window.current_view()
                tools = window.composer_tools.get(view.record.id) if view is not None else None
                if tools is None:
                    return
                if attr == "emoji":
                    tools.open_picker()
                else:
                    tools.url_button.setChecked(True)

            return run

        def has_tool(attr: str) -> Callable[[], bool]:
            def check() -> bool:
                view = window.current_view()
                tools = window.composer_tools.get(view.record.id) if view is not None else None
                if tools is None or view is None:
                    return False
                live = view.record.state is InteractionState.ACTIVE
                button = tools.emoji_button if attr == "emoji" else tools.url_button
                return live and not button.isHidden()

            return check

        def has_views() -> bool:
            return len(window.views) > 1

        def live() -> bool:
            extras = self.current()
            return extras is not None and extras.record.state is InteractionState.ACTIVE

        send_run, send_ok = view_button("sendButton")
        end_run, end_ok = view_button("endChatButton")
        done_run, done_ok = view_button("markDoneButton")
        transfer_run, transfer_ok = view_button("transferButton")
        conference_run, conference_ok = view_button("conferenceButton")
        consult_run, consult_ok = view_button("consultButton")
        spelling = self.spelling
        result = [
            Command("send", self.tr("Send the message"), send_run, "Return", send_ok),
            Command("end", self.tr("End the chat"), end_run, "Ctrl+Shift+E", end_ok),
            Command("done", self.tr("Mark Done"), done_run, "Ctrl+Shift+D", done_ok),
            Command("transfer", self.tr("Transfer…"), transfer_run, "", transfer_ok),
            Command("conference", self.tr("Conference…"), conference_run, "", conference_ok),
            Command("consult", self.tr("Consult a colleague…"), consult_run, "", consult_ok),
            Command(
                "standard_responses",
                self.tr("Insert a standard response…"),
                self._open_responses_command,
                SHORTCUT_RESPONSES,
                live,
            ),
            Command("emoji", self.tr("Insert an emoji…"), tool("emoji"), "", has_tool("emoji")),
            Command("push_url", self.tr("Push a link…"), tool("url"), "", has_tool("url")),
            Command(
                "next_interaction",
                self.tr("Next interaction"),
                lambda: window._cycle(1),
                "Ctrl+Tab",
                has_views,
            ),
            Command(
                "previous_interaction",
                self.tr("Previous interaction"),
                lambda: window._cycle(-1),
                "Ctrl+Shift+Tab",
                has_views,
            ),
            Command(
                "ready",
                self.tr("Ready / Not Ready"),
                window.ready_button.click,
                "Ctrl+Shift+R",
                window.ready_button.isEnabled,
            ),
            Command(
                "accept",
                self.tr("Accept the incoming chat"),
                window.toast.accept_button.click,
                "Ctrl+Shift+A",
                window.toast.isVisible,
            ),
            Command("zoom_in", self.tr("Zoom in"), lambda: zoom(1), "Ctrl++"),
            Command("zoom_out", self.tr("Zoom out"), lambda: zoom(-1), "Ctrl+-"),
            Command("zoom_reset", self.tr("Reset zoom"), lambda: zoom(0), "Ctrl+0"),
            Command("settings", self.tr("Settings…"), window.open_settings),
        ]
        if spelling is not None:
            result += [
                Command(
                    "spelling_en",
                    self.tr("Spell check in English"),
                    lambda: spelling.set_language("en"),
                ),
                Command(
                    "spelling_fr",
                    self.tr("Spell check in French"),
                    lambda: spelling.set_language("fr"),
                ),
                Command(
                    "spelling_off",
                    self.tr("Turn spell check off"),
                    lambda: spelling.set_language(None),
                ),
            ]
        return result

    def _open_responses_command(self) -> None:
        self.open_responses()

    def open_palette(self) -> CommandPalette:
        self.palette.open_with(self.commands())
        return self.palette
