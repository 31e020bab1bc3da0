"""Settings dialog for what an agent or administrator may change on this workstation."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from agent_desktop.core.settings import Settings
from agent_desktop.ui.accessibility import name_unnamed_controls


def _seconds(value: float, minimum: float = 0.0) -> QDoubleSpinBox:
    box = QDoubleSpinBox()
    box.setRange(minimum, 3600.0)
    box.setDecimals(1)
    box.setSingleStep(5.0)
    box.setValue(value)
    box.setSuffix(" s")
    return box


class SettingsDialog(QDialog):
    """Edits a copy of the settings; :meth:`values` is the nested dict to validate."""

    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setWindowTitle(self.tr("Settings"))
        self.setAccessibleName(self.tr("Settings"))
        chat = settings.chat

        self.warning_s = _seconds(chat.pending_response_warning_s)
        self.warning_s.setObjectName("pendingWarningSetting")
        self.max_s = _seconds(chat.pending_response_max_s)
        self.max_s.setObjectName("pendingMaxSetting")
        self.typing_timeout_s = _seconds(chat.typing_timeout_s, 0.5)
        self.typing_timeout_s.setObjectName("typingTimeoutSetting")
        self.auto_answer = QCheckBox(self.tr("Accept incoming chats automatically"))
        self.auto_answer.setObjectName("autoAnswerSetting")
        self.auto_answer.setChecked(chat.auto_answer)
        self.flash_taskbar = QCheckBox(self.tr("Flash the taskbar while a reply is pending"))
        self.flash_taskbar.setObjectName("flashTaskbarSetting")
        self.flash_taskbar.setChecked(chat.flash_taskbar)
        self.sound = QCheckBox(self.tr("Play a sound when a chat arrives"))
        self.sound.setObjectName("notificationSoundSetting")
        self.sound.setChecked(chat.notification_sound)
        self.nickname = QLineEdit(chat.nickname or "")
        self.nickname.setObjectName("nicknameSetting")
        self.nickname.setPlaceholderText(self.tr("Your user name"))

        chat_box = QGroupBox(self.tr("Chat"))
        chat_form = QFormLayout(chat_box)
        chat_form.addRow(self.tr("Reply overdue (yellow) after"), self.warning_s)
        chat_form.addRow(self.tr("Reply urgently overdue (red) after"), self.max_s)
        chat_form.addRow(self.tr("Hide the typing notice after"), self.typing_timeout_s)
        chat_form.addRow(self.tr("Name shown to contacts"), self.nickname)
        chat_form.addRow(self.auto_answer)
        chat_form.addRow(self.flash_taskbar)
        chat_form.addRow(self.sound)

        emoji = settings.emoji
        self.emoji_enabled = QCheckBox(self.tr("Allow emojis"))
        self.emoji_enabled.setChecked(emoji.enabled)
        self.emoji_picker = QCheckBox(self.tr("Show the emoji picker"))
        self.emoji_picker.setChecked(emoji.picker_enabled)
        self.emoji_images = QCheckBox(self.tr("Use the bundled emoji images"))
        self.emoji_images.setChecked(emoji.bundled_images)
        self.emoji_recent = QSpinBox()
        self.emoji_recent.setRange(1, 200)
        self.emoji_recent.setValue(emoji.recent_count)
        self.push_url = QCheckBox(self.tr("Allow pushing web addresses"))
        self.push_url.setChecked(settings.push_url.enabled)
        self.url_history = QSpinBox()
        self.url_history.setRange(1, 500)
        self.url_history.setValue(settings.push_url.history_size)
        tools_box = QGroupBox(self.tr("Emoji and web addresses"))
        tools_form = QFormLayout(tools_box)
        tools_form.addRow(self.emoji_enabled)
        tools_form.addRow(self.emoji_picker)
        tools_form.addRow(self.emoji_images)
        tools_form.addRow(self.tr("Recent emojis kept"), self.emoji_recent)
        tools_form.addRow(self.push_url)
        tools_form.addRow(self.tr("Web addresses remembered"), self.url_history)

        self.mandatory = QCheckBox(self.tr("A disposition code is required to mark Done"))
        self.mandatory.setChecked(settings.disposition.mandatory)
        self.codes = QPlainTextEdit("\n".join(settings.disposition.codes))
        self.codes.setObjectName("dispositionCodesSetting")
        self.codes.setFixedHeight(self.fontMetrics().lineSpacing() * 6)
        done_box = QGroupBox(self.tr("Disposition"))
        done_form = QFormLayout(done_box)
        done_form.addRow(self.mandatory)
        done_form.addRow(self.tr("Codes, one per line"), self.codes)

        self.language = QComboBox()
        self.language.setObjectName("languageSetting")
        for label, value in ((self.tr("System"), None), ("English", "en"), ("Français", "fr")):
            self.language.addItem(label, value)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.ui.language)))
        self.theme = QComboBox()
        self.theme.setObjectName("themeSetting")
        for label, value in (
            (self.tr("Follow the system"), "system"),
            (self.tr("Light"), "light"),
            (self.tr("Dark"), "dark"),
            (self.tr("High contrast"), "high_contrast"),
        ):
            self.theme.addItem(label, value)
        self.theme.setCurrentIndex(max(0, self.theme.findData(settings.ui.theme)))
        look_box = QGroupBox(self.tr("Appearance"))
        look_form = QFormLayout(look_box)
        look_form.addRow(self.tr("Language (after a restart)"), self.language)
        look_form.addRow(self.tr("Theme"), self.theme)

        self.error = QLabel()
        self.error.setObjectName("settingsError")
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        root = QVBoxLayout(self)
        root.addWidget(chat_box)
        root.addWidget(tools_box)
        root.addWidget(done_box)
        root.addWidget(look_box)
        root.addWidget(self.error)
        root.addWidget(buttons)
        name_unnamed_controls(self)

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def values(self) -> dict[str, Any]:
        codes = [line.strip() for line in self.codes.toPlainText().splitlines() if line.strip()]
        return {
            "chat": {
                "pending_response_warning_s": self.warning_s.value(),
                "pending_response_max_s": self.max_s.value(),
                "typing_timeout_s": self.typing_timeout_s.value(),
                "auto_answer": self.auto_answer.isChecked(),
                "flash_taskbar": self.flash_taskbar.isChecked(),
                "notification_sound": self.sound.isChecked(),
                "nickname": self.nickname.text().strip() or None,
            },
            "emoji": {
                "enabled": self.emoji_enabled.isChecked(),
                "picker_enabled": self.emoji_picker.isChecked(),
                "bundled_images": self.emoji_images.isChecked(),
                "recent_count": self.emoji_recent.value(),
            },
            "push_url": {
                "enabled": self.push_url.isChecked(),
                "history_size": self.url_history.value(),
            },
            "disposition": {"mandatory": self.mandatory.isChecked(), "codes": codes},
            "ui": {"language": self.language.currentData(), "theme": self.theme.currentData()},
        }
