"""Main window shell: hostile wire content, models, settings, backend failures, restarts."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt, QTimer
from PySide6.QtGui import QEnterEvent
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QToolButton, QWidget
from pytestqt.qtbot import QtBot

from agent_desktop.app import AgentDesktop
from agent_desktop.core.paths import ProfilePaths
from agent_desktop.testing import AppHarness, child, children, install_loop, release_loop
from agent_desktop.ui.interaction_bar import InteractionBarItem
from agent_desktop.ui.main_window import MainWindow
from agent_desktop.ui.settings_dialog import SettingsDialog
from tests.ui.conftest import CheckModel, StartHarness

HOSTILE_NAME = '<b>Bold</b><img src="x" onerror="alert(1)"> &amp; <a href="javascript:x">y</a>'
HOSTILE_TEXT = "<script>alert('x')</script><i>italic</i> <a href='file:///etc/passwd'>link</a>"


def test_hostile_names_and_texts_are_plain_text(h: AppHarness) -> None:
    iid = h.customers.start_chat(HOSTILE_NAME, HOSTILE_TEXT)
    h.wait_until(lambda: h.toast() is not None)
    toast = h.toast()
    assert toast is not None
    labels = {label.objectName(): label for label in toast.findChildren(QLabel)}
    assert labels["toastContact"].text() == HOSTILE_NAME
    assert labels["toastContact"].textFormat() == Qt.TextFormat.PlainText
    assert labels["toastMessage"].text() == HOSTILE_TEXT
    assert labels["toastMessage"].textFormat() == Qt.TextFormat.PlainText
    view = h.accept(iid)
    name = child(view, QLabel, "contactName")
    assert name.text() == HOSTILE_NAME
    assert name.textFormat() == Qt.TextFormat.PlainText
    model = view.transcript.model()
    assert model.index(0, 0).data() == HOSTILE_TEXT
    h.customers.typing(iid)
    notice = child(view, QLabel, "typingNotice")
    h.wait_until(notice.isVisible)
    assert notice.textFormat() == Qt.TextFormat.PlainText
    item = children(h.window, InteractionBarItem, "interactionBarItem")[0]
    QApplication.sendEvent(item, QEnterEvent(QPointF(3, 3), QPointF(3, 3), QPointF(3, 3)))
    preview = child(h.window, QWidget, "interactionPreview")
    h.wait_until(preview.isVisible)
    for label in preview.findChildren(QLabel):
        assert label.textFormat() == Qt.TextFormat.PlainText
    assert any(HOSTILE_NAME[:40] in label.text() for label in preview.findChildren(QLabel))
    # the painted transcript shows the markup as characters (no rich-text engine involved)
    view.transcript.viewport().grab()


def test_models_pass_the_model_tester(h: AppHarness, check_model: CheckModel) -> None:
    iid = h.customers.start_chat("Marie", "Bonjour")
    view = h.accept(iid)
    h.customers.say(iid, "Second message")
    view.composer.setPlainText("Réponse")
    view.send_button.click()
    h.wait_until(lambda: view.transcript.model().rowCount() == 3)
    check_model(view.transcript.model())
    check_model(view.party_list.model())


@pytest.fixture
def qt_loop(qapp: QApplication) -> Iterator[None]:
    """The qasync loop, for tests that build the app without the harness."""
    install_loop(qapp)
    yield
    release_loop()


@pytest.mark.usefixtures("qt_loop")
def test_unknown_backend_is_reported_not_fatal(qtbot: QtBot, tmp_path: Path) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    desktop = AgentDesktop(app, ProfilePaths.portable(tmp_path), backend_name="no-such-backend")
    qtbot.addWidget(desktop.window)
    desktop.start()
    window = desktop.window
    assert desktop.session is None
    assert window.banner.isVisible()
    assert "no-such-backend" in window.banner.label.text()
    assert not child(window, QPushButton, "readyButton").isEnabled()


@pytest.mark.usefixtures("qt_loop")
def test_backend_failing_at_import_is_reported(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from agent_desktop.backends import registry

    class BrokenEntryPoint:
        name = "broken"
        value = "broken_module:Backend"

        def load(self) -> object:
            raise ImportError("No module named 'broken_module'")

    monkeypatch.setattr(registry, "entry_points", lambda group: [BrokenEntryPoint()])
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    desktop = AgentDesktop(app, ProfilePaths.portable(tmp_path), backend_name="broken")
    qtbot.addWidget(desktop.window)
    desktop.start()
    assert desktop.session is None
    assert "broken_module" in desktop.window.banner.label.text()


def test_corrupt_settings_file_is_set_aside_with_a_warning(
    start: StartHarness, tmp_path: Path
) -> None:
    settings_file = ProfilePaths.portable(tmp_path / "profile").settings_file
    settings_file.parent.mkdir(parents=True)
    settings_file.write_text('{"chat": {"pending_response_warning_s": "soon"', encoding="utf-8")
    h = start()
    bad = settings_file.with_name("settings.json.bad")
    assert bad.exists()
    assert not settings_file.exists()
    assert h.settings.chat.pending_response_warning_s == 30
    assert h.window.banner.isVisible()
    assert "settings.json.bad" in h.window.banner.label.text()


def test_settings_dialog_saves_and_applies(h: AppHarness, tmp_path: Path) -> None:
    iid = h.customers.start_chat("Marie", "Bonjour")
    view = h.accept(iid)
    assert view.pending.property("level") == "green"

    def edit_dialog() -> None:
        dialog = h.window.findChild(SettingsDialog, "settingsDialog")
        assert dialog is not None
        dialog.warning_s.setValue(0.0)
        dialog.max_s.setValue(0.0)
        dialog.nickname.setText("Alex")
        dialog.accept()

    QTimer.singleShot(0, edit_dialog)
    child(h.window, QToolButton, "settingsButton").click()
    h.wait_until(lambda: view.pending.property("level") == "red")
    stored = json.loads(
        ProfilePaths.portable(tmp_path / "profile").settings_file.read_text(encoding="utf-8")
    )
    assert stored["chat"]["pending_response_max_s"] == 0.0
    assert stored["chat"]["nickname"] == "Alex"


def test_settings_dialog_refuses_inconsistent_values(h: AppHarness) -> None:
    dialog = SettingsDialog(h.settings, h.window)
    h.qtbot.addWidget(dialog)
    dialog.warning_s.setValue(40)
    dialog.max_s.setValue(10)
    error = h.desktop.settings_store.try_update(dialog.values())
    assert error is not None and "pending_response_max_s" in error
    assert h.settings.chat.pending_response_warning_s == 30


def test_history_survives_a_restart(start: StartHarness, qtbot: QtBot) -> None:
    h = start()
    iid = h.customers.start_chat("Marie Dupont", "Bonjour")
    view = h.accept(iid)
    view.composer.setPlainText("Bonjour Marie")
    view.send_button.click()
    h.wait_until(lambda: h.customers.received(iid) == ["Bonjour Marie"])
    view.end_button.click()
    h.wait_until(view.done_button.isEnabled)
    view.done_button.click()
    h.wait_until(lambda: h.chat_view(iid) is None)
    h.close()
    again = start()
    found = again.run(again.backend.search_contacts("Marie"))
    assert [c.name for c in found] == ["Marie Dupont"]
    history = again.run(again.backend.history(found[0].id))
    assert [m.text for m in history] == ["Bonjour", "Bonjour Marie"]


def test_main_window_object_names(h: AppHarness) -> None:
    window = h.window
    assert isinstance(window, MainWindow)
    assert window.objectName() == "mainWindow"
    ready = child(window, QPushButton, "readyButton")
    assert ready.isCheckable() and ready.isChecked()
    assert ready.accessibleName()
    assert child(window, QWidget, "interactionBar") is window.bar
