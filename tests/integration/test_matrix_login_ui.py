"""The login dialog against a real Synapse: first login, wrong URL, expired token."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import keyring
import pytest
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from agent_desktop.backends.matrix.backend import KEYRING_SERVICE, keyring_user
from agent_desktop.core.types import ConnectionState
from agent_desktop.testing import AppHarness, child
from agent_desktop.testing.synapse import SynapseServer, free_port
from agent_desktop.ui.login_dialog import LoginDialog


@pytest.fixture
def open_app(qtbot: QtBot, tmp_path: Path) -> Iterator[Any]:
    started: list[AppHarness] = []

    def _open(config: dict[str, Any]) -> AppHarness:
        h = AppHarness.start(
            qtbot,
            tmp_path,
            settings={"chat": {"notification_sound": False}},
            backend="matrix",
            backend_config=config,
            wait_connected=False,
            ready=False,
        )
        started.append(h)
        return h

    yield _open
    for h in started:
        h.close()


def dialog_of(h: AppHarness) -> LoginDialog:
    h.wait_until(lambda: (d := h.desktop.login_dialog) is not None and d.isVisible())
    dialog = h.desktop.login_dialog
    assert dialog is not None
    return dialog


def message(dialog: LoginDialog) -> str:
    return child(dialog, QLabel, "loginMessage").text()


def test_first_login_with_a_wrong_then_right_homeserver(
    open_app: Any, synapse: SynapseServer
) -> None:
    user = synapse.register()
    h: AppHarness = open_app({})
    dialog = dialog_of(h)
    assert message(dialog) == "Log in to your Matrix account."
    login = child(dialog, QPushButton, "loginButton")
    assert not login.isEnabled()
    wrong = f"http://127.0.0.1:{free_port()}"
    QTest.keyClicks(child(dialog, QLineEdit, "homeserverEdit"), wrong)
    QTest.keyClicks(child(dialog, QLineEdit, "userEdit"), user.user_id)
    QTest.keyClicks(child(dialog, QLineEdit, "passwordEdit"), user.password)
    login.click()
    h.wait_until(lambda: "Check the homeserver address" in message(dialog), timeout=10)
    assert f"cannot reach the Matrix homeserver at {wrong}" in message(dialog)
    assert login.isEnabled()
    homeserver = child(dialog, QLineEdit, "homeserverEdit")
    homeserver.setText(synapse.url)
    QTest.keyClicks(child(dialog, QLineEdit, "teamRoomEdit"), "#team:localhost")
    login.click()
    h.wait_until(lambda: h.desktop.login_dialog is None, timeout=10)
    session = h.desktop.session
    assert session is not None and session.connection is ConnectionState.CONNECTED
    saved = h.settings.backends["matrix"]
    assert saved["homeserver"] == synapse.url and saved["user_id"] == user.user_id
    assert saved["team_room"] == "#team:localhost"
    assert "password" not in saved
    token = keyring.get_password(KEYRING_SERVICE, keyring_user(synapse.url, user.user_id))
    assert token is not None and json.loads(token)["access_token"]


def test_expired_token_prompts_to_log_in_again(open_app: Any, synapse: SynapseServer) -> None:
    user = synapse.register()
    keyring.set_password(
        KEYRING_SERVICE,
        keyring_user(synapse.url, user.user_id),
        json.dumps({"access_token": "syt_revoked", "device_id": "OLD"}),
    )
    h: AppHarness = open_app(
        {"homeserver": synapse.url, "user_id": user.user_id, "team_room": "#agents:localhost"}
    )
    dialog = dialog_of(h)
    assert child(dialog, QLineEdit, "teamRoomEdit").text() == "#agents:localhost"
    assert message(dialog) == "Your session has expired or was signed out. Please log in again."
    assert child(dialog, QLineEdit, "homeserverEdit").text() == synapse.url
    assert child(dialog, QLineEdit, "userEdit").text() == user.user_id
    QTest.keyClicks(child(dialog, QLineEdit, "passwordEdit"), "wrong-password")
    child(dialog, QPushButton, "loginButton").click()
    h.wait_until(lambda: "refused" in message(dialog), timeout=10)
    password = child(dialog, QLineEdit, "passwordEdit")
    password.setText(user.password)
    child(dialog, QPushButton, "loginButton").click()
    h.wait_until(lambda: h.desktop.login_dialog is None, timeout=10)
    session = h.desktop.session
    assert session is not None and session.connection is ConnectionState.CONNECTED
