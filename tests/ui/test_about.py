"""Help > About: version, licences, and the log folder one click away."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from pytestqt.qtbot import QtBot

from agent_desktop import __version__
from agent_desktop.ui.about import AboutDialog
from tests.ui.conftest import FAST, StartHarness


def test_about_box_from_the_help_menu(start: StartHarness, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[QUrl] = []

    def open_url(url: QUrl) -> bool:
        opened.append(url)
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", open_url)
    h = start(settings=FAST)
    assert h.window.help_menu.actions()[:2] == [h.window.shortcuts_action, h.window.about_action]
    h.window.about_action.trigger()
    h.wait_until(lambda: h.window.findChild(AboutDialog, "aboutDialog") is not None)
    dialog = h.window.findChild(AboutDialog, "aboutDialog")
    assert dialog is not None and dialog.isVisible()
    assert dialog.version.text() == f"Version {__version__}"
    credits = dialog.credits.toPlainText()
    for needed in ("Qt 6 / PySide6 — LGPL v3", "emojibase-data — MIT",
                   "Unicode CLDR — Unicode License v3", "Twemoji — CC-BY 4.0"):  # fmt: skip
        assert needed in credits
    log_dir = h.desktop.paths.log_dir
    assert dialog.log_path.text() == str(log_dir)
    dialog.open_logs.click()
    assert [url.toLocalFile() for url in opened] == [str(log_dir)]
    dialog.close()


def test_about_box_without_log_files(qtbot: QtBot) -> None:
    dialog = AboutDialog(None)
    assert not dialog.open_logs.isEnabled()
    assert dialog.log_path.text() == "Not writing log files"
    dialog.deleteLater()
