"""Every setting, declared once with its type, default and meaning."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator

DEFAULT_DISPOSITION_CODES = (
    "Resolved",
    "Follow-up needed",
    "Information provided",
    "Escalated",
    "No answer from contact",
)


class _Section(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_assignment=True)


class ChatSettings(_Section):
    pending_response_warning_s: float = Field(
        30.0, ge=0, description="pending reply turns the indicator from green to yellow"
    )
    pending_response_max_s: float = Field(
        50.0, ge=0, description="pending reply turns the indicator from yellow to red, blinking"
    )
    typing_timeout_s: float = Field(
        5.0, gt=0, description="typing notice disappears this long after the last keystroke"
    )
    auto_answer: bool = Field(False, description="accept incoming chats without the notification")
    flash_taskbar: bool = Field(
        True, description="flash the window in the taskbar while a reply is pending"
    )
    nickname: str | None = Field(
        None, description="name shown to contacts instead of the agent's user name"
    )
    notification_sound: bool = Field(True, description="play a sound when a chat is offered")
    webchat_max_length: int = Field(
        4000, ge=1, le=100_000, description="longest message the agent may send in a web chat"
    )
    idle_contact_s: float = Field(
        120.0,
        ge=0,
        description="a contact silent this long after the agent's message is shown as idle "
        "(0: never)",
    )

    @model_validator(mode="after")
    def _ordered_thresholds(self) -> ChatSettings:
        if self.pending_response_max_s < self.pending_response_warning_s:
            raise ValueError("pending_response_max_s must not be below pending_response_warning_s")
        return self


class EmojiSettings(_Section):
    enabled: bool = Field(True, description="emoji sending")
    picker_enabled: bool = Field(True, description="the emoji picker")
    bundled_images: bool = Field(False, description="bundled images instead of the OS emoji font")
    recent_count: int = Field(24, ge=1, le=200, description="recently sent emojis kept")


class PushUrlSettings(_Section):
    enabled: bool = Field(True, description="the Push URL editor")
    history_size: int = Field(20, ge=1, le=500, description="length of the pushed URL history")


class DispositionSettings(_Section):
    mandatory: bool = Field(False, description="Mark Done requires a disposition code")
    codes: list[str] = Field(
        default_factory=lambda: list(DEFAULT_DISPOSITION_CODES),
        description="disposition codes offered to the agent",
    )


class UiSettings(_Section):
    language: str | None = Field(None, description="'en' or 'fr'; None follows the system")
    theme: str = Field("system", description="'system', 'light', 'dark' or 'high_contrast'")
    transcript_zoom: int = Field(
        100, ge=50, le=300, description="transcript text size in percent (Ctrl+wheel, Ctrl +/-)"
    )


class SpellingSettings(_Section):
    enabled: bool = Field(True, description="spell check in the composer")
    language: str | None = Field(
        None, description="'en' or 'fr'; None follows the interface language"
    )


class Settings(_Section):
    """The whole settings file."""

    backend: str = Field("demo", description="messaging backend, by entry-point name")
    chat: ChatSettings = Field(default_factory=ChatSettings)
    emoji: EmojiSettings = Field(default_factory=EmojiSettings)
    push_url: PushUrlSettings = Field(default_factory=PushUrlSettings)
    disposition: DispositionSettings = Field(default_factory=DispositionSettings)
    ui: UiSettings = Field(default_factory=UiSettings)
    spelling: SpellingSettings = Field(default_factory=SpellingSettings)
    backends: dict[str, dict[str, Any]] = Field(
        default_factory=dict, description="per-backend configuration, validated by the backend"
    )


def merge(base: dict[str, Any], override: dict[str, Any]) -> dict[str, Any]:
    """Deep-merge ``override`` over ``base`` (dicts merged, everything else replaced)."""
    result = dict(base)
    for key, value in override.items():
        current = result.get(key)
        if isinstance(current, dict) and isinstance(value, dict):
            result[key] = merge(current, value)
        else:
            result[key] = value
    return result


def settings_with(overrides: dict[str, Any] | None) -> Settings:
    """Defaults with ``overrides`` (a nested dict) merged over them, validated."""
    return Settings.model_validate(merge(Settings().model_dump(), overrides or {}))
