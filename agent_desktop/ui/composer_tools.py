"""The composer's tools row: emoji button + picker, and the Push URL button + editor.

Added to any chat view's composer (its ``composer_tools`` row, and the editor below its
edit area). Passive like every widget: the picker inserts into the composer (a purely
visual edit); pushing a URL and remembering a skin tone leave as signals.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QLocale, QObject, Qt, Signal
from PySide6.QtWidgets import QBoxLayout, QLabel, QPlainTextEdit, QToolButton, QWidget

from agent_desktop.core.emoji import EmojiCatalog, SkinTone
from agent_desktop.core.settings import Settings
from agent_desktop.ui.emoji_images import EmojiImages, shared_images
from agent_desktop.ui.emoji_picker import EmojiPicker
from agent_desktop.ui.icons import icon
from agent_desktop.ui.theme import Theme
from agent_desktop.ui.url_editor import UrlEditor

LANGUAGES = ("en", "fr")


def ui_language() -> str:
    """The language emoji names and search follow: the UI's, English when unsupported."""
    language = QLocale().name().split("_")[0]
    return language if language in LANGUAGES else "en"


class ComposerTools(QObject):
    """Emoji and URL tools of one composer."""

    urlPushRequested = Signal(str)
    skinToneChosen = Signal(int)

    def __init__(
        self,
        composer: QPlainTextEdit,
        tools_row: QBoxLayout,
        editor_box: QBoxLayout,
        catalog: EmojiCatalog,
        theme: Theme,
        *,
        push_available: bool,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent or composer)
        self.composer = composer
        self.catalog = catalog
        self.push_available = push_available
        self._picker: EmojiPicker | None = None
        self._recent: list[str] = []
        self._tone = SkinTone.NONE
        self._images: EmojiImages | None = None
        self._emoji_enabled = True
        host = composer.parentWidget()

        self.emoji_button = QToolButton(host)
        self.emoji_button.setObjectName("emojiButton")
        self.emoji_button.setAccessibleName(self.tr("Emoji"))
        self.emoji_button.setToolTip(self.tr("Insert an emoji"))
        self.emoji_button.setAutoRaise(True)
        self.url_button = QToolButton(host)
        self.url_button.setObjectName("urlButton")
        self.url_button.setAccessibleName(self.tr("Push a link"))
        self.url_button.setToolTip(self.tr("Send a link for the contact to open"))
        self.url_button.setCheckable(True)
        self.url_button.setAutoRaise(True)
        tools_row.insertWidget(0, self.emoji_button)
        tools_row.insertWidget(1, self.url_button)

        self.url_editor = UrlEditor(host)
        self.url_editor.hide()
        self.emoji_notice = QLabel(host)
        self.emoji_notice.setObjectName("emojiBlockedNotice")
        self.emoji_notice.setTextFormat(Qt.TextFormat.PlainText)
        self.emoji_notice.setWordWrap(True)
        self.emoji_notice.setAccessibleName(self.tr("Emoji notice"))
        self.emoji_notice.setText(
            self.tr(
                "Emoji are turned off in your settings, so this message cannot be sent. "
                "Remove the emoji to send it."
            )
        )
        self.emoji_notice.hide()
        position = editor_box.indexOf(composer) + 1
        editor_box.insertWidget(position, self.url_editor)
        editor_box.insertWidget(position + 1, self.emoji_notice)

        self.emoji_button.clicked.connect(self.open_picker)
        self.url_button.toggled.connect(self._url_toggled)
        self.url_editor.pushRequested.connect(self._push)
        self.url_editor.closeRequested.connect(lambda: self.url_button.setChecked(False))
        composer.textChanged.connect(self._composer_changed)
        # the emoji button follows the composer: usable whenever the agent can write
        composer.installEventFilter(self)
        self._url_enabled = True
        self.set_theme(theme)
        self._sync_enabled()

    # settings and state -----------------------------------------------------------------
    def apply_settings(self, settings: Settings) -> None:
        emoji = settings.emoji
        self._emoji_enabled = emoji.enabled
        self.emoji_button.setVisible(emoji.enabled and emoji.picker_enabled)
        if not self.emoji_button.isVisible() and self._picker is not None:
            self._picker.hide()
        self._images = shared_images() if emoji.bundled_images else None
        if self._picker is not None:
            self._picker.set_images(self._images)
        push = settings.push_url.enabled and self.push_available
        self.url_button.setVisible(push)
        if not push:
            self.url_button.setChecked(False)
        self._composer_changed()

    def set_recent(self, emojis: Sequence[str]) -> None:
        self._recent = list(emojis)
        if self._picker is not None:
            self._picker.set_recent(self._recent)

    def set_tone(self, tone: int) -> None:
        self._tone = SkinTone(tone)
        if self._picker is not None:
            self._picker.set_tone(self._tone)

    def set_url_history(self, urls: Sequence[str]) -> None:
        self.url_editor.set_history(urls)

    def set_theme(self, theme: Theme) -> None:
        self.emoji_button.setIcon(icon("emoji", theme.muted))
        self.url_button.setIcon(icon("link", theme.muted))
        self.emoji_notice.setStyleSheet(f"color: {theme.failed.name()};")
        self.url_editor.error.setStyleSheet(f"color: {theme.failed.name()};")

    def set_enabled(self, enabled: bool) -> None:
        """Push URL only while the chat is live (a link needs the contact's browser).

        The emoji button is not driven from here: it follows the composer's enabled state,
        so it stays usable in an ended chat whose composer can reactivate it.
        """
        self._url_enabled = enabled
        self._sync_enabled()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.composer and event.type() == QEvent.Type.EnabledChange:
            self._sync_enabled()
        return False

    def _sync_enabled(self) -> None:
        writable = self.composer.isEnabled() and not self.composer.isReadOnly()
        self.emoji_button.setEnabled(writable)
        self.url_button.setEnabled(writable and self._url_enabled)
        if not self.url_button.isEnabled():
            self.url_button.setChecked(False)
        if not writable and self._picker is not None:
            self._picker.hide()

    # emoji ----------------------------------------------------------------------------------
    @property
    def picker(self) -> EmojiPicker | None:
        return self._picker

    def open_picker(self) -> EmojiPicker:
        if self._picker is None:
            picker = EmojiPicker(self.catalog, ui_language(), self._images, self.composer)
            picker.set_recent(self._recent)
            picker.set_tone(self._tone)
            picker.show_view("recent" if self._recent else "all")
            picker.emojiChosen.connect(self.insert_emoji)
            picker.skinToneChosen.connect(self._tone_chosen)
            self._picker = picker
        self._picker.search.clear()
        self._picker.popup_at(self.emoji_button)
        return self._picker

    def insert_emoji(self, emoji: str) -> None:
        """Insert at the composer's cursor (replacing a selection), picker left open."""
        cursor = self.composer.textCursor()
        cursor.insertText(emoji)
        self.composer.setTextCursor(cursor)

    def _tone_chosen(self, tone: int) -> None:
        self._tone = SkinTone(tone)
        self.skinToneChosen.emit(tone)

    def blocks_send(self, text: str) -> bool:
        """A submit guard: with emoji turned off, a text holding one is not sent."""
        if self._emoji_enabled or not self.catalog.contains_emoji(text):
            return False
        self.emoji_notice.show()
        return True

    def _composer_changed(self) -> None:
        blocked = not self._emoji_enabled and self.catalog.contains_emoji(
            self.composer.toPlainText()
        )
        self.emoji_notice.setVisible(blocked)

    # URL ------------------------------------------------------------------------------------
    def _url_toggled(self, on: bool) -> None:
        self.url_editor.setVisible(on)
        if on:
            self.url_editor.field.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.url_editor.history.hide()
            self.composer.setFocus(Qt.FocusReason.OtherFocusReason)

    def _push(self, url: str) -> None:
        self.urlPushRequested.emit(url)
        self.url_button.setChecked(False)


def install(
    view: QWidget, catalog: EmojiCatalog, theme: Theme, push_available: bool
) -> ComposerTools:
    """Add the tools to a :class:`~agent_desktop.ui.chat_view.ChatView`."""
    from agent_desktop.ui.chat_view import ChatView

    assert isinstance(view, ChatView)
    frame_box = view.composer_frame.layout()
    assert isinstance(frame_box, QBoxLayout)
    tools = ComposerTools(
        view.composer,
        view.composer_tools,
        frame_box,
        catalog,
        theme,
        push_available=push_available,
        parent=view,
    )
    view.submit_guards.append(tools.blocks_send)
    return tools
