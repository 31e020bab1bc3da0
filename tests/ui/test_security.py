"""docs/security.md: only http / https / mailto / tel links ever open, and only on a click;
everything the app writes stays inside its profile."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices

from agent_desktop.testing import AppHarness
from agent_desktop.ui.main_window import OPENABLE_SCHEMES
from tests.ui.conftest import StartHarness


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    urls: list[str] = []

    def fake_open(url: QUrl) -> bool:
        urls.append(url.toString())
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", fake_open)
    return urls


@pytest.mark.parametrize(
    "target",
    [
        "javascript:alert(1)",
        "JAVASCRIPT:alert(1)",
        "file:///etc/passwd",
        "file://server/share/payload.exe",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "smb://attacker.example/share",
        "ms-settings:privacy",
        "ftp://example.com/file",
        "  javascript:alert(1)",
        "\u202ejavascript:alert(1)",
    ],
)
def test_no_other_scheme_ever_opens(h: AppHarness, opened: list[str], target: str) -> None:
    iid = h.customers.start_chat("Mallory", "hello")
    h.accept(iid)
    h.window.open_link(iid, "url", target)
    assert opened == []


def test_the_four_safe_schemes_open(h: AppHarness, opened: list[str]) -> None:
    assert OPENABLE_SCHEMES == ("http", "https", "mailto", "tel")
    iid = h.customers.start_chat("Marie", "hello")
    h.accept(iid)
    for target in ("https://example.com/a", "http://example.com/b"):
        h.window.open_link(iid, "url", target)
    assert opened == ["https://example.com/a", "http://example.com/b"]


def test_a_message_opens_nothing_by_itself(h: AppHarness, opened: list[str]) -> None:
    iid = h.customers.start_chat("Mallory", "https://evil.example/x mailto:a@b.example tel:123")
    view = h.accept(iid)
    view.transcript.viewport().update()
    h.wait_until(lambda: view.transcript.model().rowCount() == 1)
    assert opened == []


def test_every_file_the_app_writes_is_inside_its_profile(
    start: StartHarness, tmp_path: Path
) -> None:
    h = start()
    iid = h.customers.start_chat("Marie", "Bonjour")
    view = h.accept(iid)
    view.composer.setPlainText("Réponse")
    view.send_button.click()
    h.wait_until(lambda: h.customers.received(iid) == ["Réponse"])
    h.close()
    home = tmp_path / "home"  # the user's real directories, redirected by tests/conftest.py
    written = [p for p in home.rglob("*") if p.is_file()]
    assert written == []
    profile = {
        p.relative_to(tmp_path / "profile").parts[0] for p in (tmp_path / "profile").rglob("*")
    }
    assert profile <= {"config", "data", "cache", "logs"}


@pytest.mark.skipif(os.name != "posix", reason="POSIX modes; Windows profiles are private")
def test_the_profile_folders_are_readable_by_the_user_only(
    start: StartHarness, tmp_path: Path
) -> None:
    """Transcripts, drafts and the outbox are in the profile: its folders are created 0700,
    and a folder left open by an older version is closed at the next start."""
    (tmp_path / "profile" / "data").mkdir(parents=True)
    (tmp_path / "profile" / "data").chmod(0o755)
    h = start()
    iid = h.customers.start_chat("Marie", "Bonjour")
    h.accept(iid)
    h.close()
    folders = [tmp_path / "profile" / name for name in ("config", "data", "cache", "logs")]
    assert all(folder.is_dir() for folder in folders)
    assert {oct(folder.stat().st_mode & 0o777) for folder in folders} == {oct(0o700)}
