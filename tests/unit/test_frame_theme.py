"""The theme of the window's frame at start-up (ui/theme.py frame_theme) and the system's
theme remembered for it (ui/startup_window.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from agent_desktop.ui.startup_window import (
    SYSTEM_THEME_FILE,
    remember_system_theme,
    remembered_system_theme,
)
from agent_desktop.ui.theme import DARK, HIGH_CONTRAST, LIGHT, frame_theme


def test_an_explicit_theme_is_the_frames(qapp: QApplication) -> None:
    assert frame_theme("dark", "light") is DARK
    assert frame_theme("light", "dark") is LIGHT
    assert frame_theme("high_contrast", None) is HIGH_CONTRAST


def test_the_system_theme_remembered_wins(qapp: QApplication) -> None:
    assert frame_theme("system", "high_contrast") is HIGH_CONTRAST
    assert frame_theme("system", "dark") is DARK
    assert frame_theme("nonsense", "dark") is DARK  # an unknown mode is the system's


def test_without_memory_the_platform_palette_decides(
    qapp: QApplication, monkeypatch: pytest.MonkeyPatch
) -> None:
    def palette(window: str) -> QPalette:
        pal = QPalette()
        pal.setColor(QPalette.ColorRole.Window, QColor(window))
        return pal

    monkeypatch.setattr(QGuiApplication, "palette", staticmethod(lambda: palette("#202020")))
    assert frame_theme("system", None) is DARK
    assert frame_theme("system", "unknown-theme") is DARK
    monkeypatch.setattr(QGuiApplication, "palette", staticmethod(lambda: palette("#f0f0f0")))
    assert frame_theme("system", None) is LIGHT


def test_the_system_theme_is_remembered_when_it_changes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    assert remembered_system_theme(cache) is None
    remember_system_theme(cache, DARK)
    assert remembered_system_theme(cache) == "dark"
    written: list[Path] = []
    from agent_desktop.core import atomic

    original = atomic.write_atomic

    def write_atomic(path: Path, data: bytes) -> None:
        written.append(path)
        original(path, data)

    monkeypatch.setattr(atomic, "write_atomic", write_atomic)
    remember_system_theme(cache, DARK)
    assert written == []  # unchanged: nothing written
    remember_system_theme(cache, HIGH_CONTRAST)
    assert written == [cache / SYSTEM_THEME_FILE]
    assert remembered_system_theme(cache) == "high_contrast"
    (cache / SYSTEM_THEME_FILE).write_bytes(b"\xff\xfe")
    assert remembered_system_theme(cache) is None  # unreadable: as if never remembered
