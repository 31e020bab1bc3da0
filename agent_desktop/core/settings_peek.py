"""A look at the few settings the window's frame needs, before the settings are loaded.

Start-up paints the main window's frame before the settings model (pydantic) is even
imported (docs/performance.md, cold start): the interface language, the theme and the
agent's nickname are read here from the raw JSON, each only if it has the right type. The
settings store does the real, validating load right after, and sets aside a corrupt file;
anything unreadable here simply counts as unset.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class SettingsPeek:
    #: ``ui.language``, as written (the caller checks it is a supported language)
    language: str | None = None
    #: ``ui.theme``, as written (the caller checks it is a known theme)
    theme: str | None = None
    #: ``chat.nickname``: the name the window's title shows instead of the user name
    nickname: str | None = None


def peek_settings(settings_file: Path) -> SettingsPeek:
    """The frame's settings from ``settings_file``; a missing or unreadable file (or value)
    gives ``None`` for what could not be read."""
    try:
        data = json.loads(settings_file.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return SettingsPeek()
    return SettingsPeek(
        language=_text(data, "ui", "language"),
        theme=_text(data, "ui", "theme"),
        nickname=_text(data, "chat", "nickname"),
    )


def _text(data: Any, section: str, key: str) -> str | None:
    part = data.get(section) if isinstance(data, dict) else None
    value = part.get(key) if isinstance(part, dict) else None
    return value if isinstance(value, str) and value.strip() else None
