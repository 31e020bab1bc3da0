"""The login dialog against a real Synapse: first login, wrong URL, an expired or revoked
token at start and during a session."""

from __future__ import annotations

import asyncio
import gc
import json
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import keyring
import pytest
from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from agent_desktop.backends.matrix import MatrixBackend
from agent_desktop.backends.matrix.backend import KEYRING_SERVICE, keyring_user, store_login
from agent_desktop.core import events as ev
from agent_desktop.core.backoff import Backoff
from agent_desktop.core.models import AgentIdentity
from agent_desktop.core.paths import ProfilePaths
from agent_desktop.core.types import ConnectionState, DeliveryState
from agent_desktop.testing import AppHarness, child
from agent_desktop.testing.matrix_customers import MatrixCustomerSimulator
from agent_desktop.testing.synapse import SynapseServer, free_port
from agent_desktop.ui.login_dialog import LoginDialog
from agent_desktop.ui.transcript_model import Roles
from tests.integration.matrix_helpers import start_matrix_app


@pytest.fixture
def open_app(qtbot: QtBot, tmp_path: Path) -> Iterator[Any]:
    started: list[AppHarness] = []

    def _open(config: dict[str, Any]) -> AppHarness:
        h = start_matrix_app(qtbot, tmp_path, config, wait_connected=False, ready=False)
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


def test_a_password_in_an_old_settings_file_is_not_used_and_leaves_the_file(
    open_app: Any, synapse: SynapseServer, tmp_path: Path
) -> None:
    """Older versions accepted ``password`` (and ``verify_tls``) in ``backends.matrix``: the
    app ignores both, rewrites the file without them, and asks for the password."""
    user = synapse.register()
    settings_file = ProfilePaths.portable(tmp_path / "profile").settings_file
    settings_file.parent.mkdir(parents=True)
    old = {"homeserver": synapse.url, "user_id": user.user_id, "password": user.password}
    settings_file.write_text(json.dumps({"backends": {"matrix": {**old, "verify_tls": False}}}))
    h: AppHarness = open_app({})
    dialog = dialog_of(h)
    assert message(dialog) == "Log in to your Matrix account."
    on_disk = settings_file.read_text(encoding="utf-8")
    assert user.password not in on_disk
    assert "password" not in on_disk and "verify_tls" not in on_disk
    assert json.loads(on_disk)["backends"]["matrix"]["homeserver"] == synapse.url
    child(dialog, QLineEdit, "passwordEdit").setText(user.password)
    child(dialog, QPushButton, "loginButton").click()
    h.wait_until(lambda: h.desktop.login_dialog is None, timeout=10)
    assert user.password not in settings_file.read_text(encoding="utf-8")


EXPIRED = "Your session has expired or was signed out. Please log in again."


def nothing_happens_for_a_while(qtbot: QtBot, h: AppHarness) -> None:
    """No connection change until a probe timer fired, 10 times later than a reconnection
    attempt would have come (the session's backoff is set to 50 ms): the session waits for
    the login instead of retrying with the forgotten token."""
    session = h.desktop.session
    assert session is not None
    probe = QTimer()
    probe.setSingleShot(True)
    with (
        qtbot.assertNotEmitted(session.connectionChanged),
        qtbot.waitSignal(probe.timeout, timeout=10_000),
    ):
        probe.start(500)


def quick_retries(h: AppHarness) -> None:
    session = h.desktop.session
    assert session is not None
    session.backoff = Backoff(base_s=0.05, cap_s=0.05, floor_s=0.05)


@pytest.mark.parametrize("token", ["never valid", "signed out"])
def test_expired_token_prompts_to_log_in_again(
    open_app: Any, synapse: SynapseServer, qtbot: QtBot, token: str
) -> None:
    user = synapse.register()
    if token == "never valid":
        store_login(synapse.url, user.user_id, "syt_revoked", "OLD")
    else:  # a real token, signed out from another client (or by an administrator)
        store_login(synapse.url, user.user_id, user.access_token, user.device_id)
        synapse.sign_out_everywhere(user)
    h: AppHarness = open_app(
        {"homeserver": synapse.url, "user_id": user.user_id, "team_room": "#agents:localhost"}
    )
    quick_retries(h)
    dialog = dialog_of(h)
    assert child(dialog, QLineEdit, "teamRoomEdit").text() == "#agents:localhost"
    assert message(dialog) == EXPIRED
    nothing_happens_for_a_while(qtbot, h)
    assert message(dialog) == EXPIRED  # not turned into "Log in to your Matrix account."
    assert dialog.isVisible()
    assert child(dialog, QLineEdit, "homeserverEdit").text() == synapse.url
    assert child(dialog, QLineEdit, "userEdit").text() == user.user_id
    QTest.keyClicks(child(dialog, QLineEdit, "passwordEdit"), "wrong-password")
    child(dialog, QPushButton, "loginButton").click()
    h.wait_until(lambda: "refused" in message(dialog), timeout=10)
    nothing_happens_for_a_while(qtbot, h)  # a refused password is not tried again either
    password = child(dialog, QLineEdit, "passwordEdit")
    password.setText(user.password)
    child(dialog, QPushButton, "loginButton").click()
    h.wait_until(lambda: h.desktop.login_dialog is None, timeout=10)
    session = h.desktop.session
    assert session is not None and session.connection is ConnectionState.CONNECTED


def test_a_login_dialog_closed_without_logging_in_can_be_opened_again(
    open_app: Any, synapse: SynapseServer, qtbot: QtBot
) -> None:
    user = synapse.register()
    h: AppHarness = open_app({"homeserver": synapse.url, "user_id": user.user_id})
    quick_retries(h)
    again = child(h.window, QPushButton, "showLoginButton")
    dialog = dialog_of(h)
    assert not again.isVisible()
    dialog.reject()  # the agent closes it: Cancel, Escape or the window's close button
    h.wait_until(again.isVisible)
    nothing_happens_for_a_while(qtbot, h)
    assert not dialog.isVisible() and again.isVisible()  # no retry, no dialog forced back
    again.click()
    h.wait_until(dialog.isVisible)
    assert not again.isVisible()
    assert message(dialog) == "Log in to your Matrix account."  # what it said before
    child(dialog, QLineEdit, "passwordEdit").setText(user.password)
    child(dialog, QPushButton, "loginButton").click()
    h.wait_until(lambda: h.desktop.login_dialog is None, timeout=10)
    session = h.desktop.session
    assert session is not None and session.connection is ConnectionState.CONNECTED
    assert not again.isVisible()


def test_signed_out_mid_session_asks_to_log_in_and_sends_the_waiting_message_once(
    qtbot: QtBot, tmp_path: Path, synapse: SynapseServer
) -> None:
    """The agent's token is revoked while the app is connected, with a message on its way:
    a clear prompt to log in again (that stays), then after the login the message arrives
    exactly once, confirmed once, and the previous connection left nothing behind (one sync
    and one outbox loop, the old HTTP session closed, no unclosed-session warning)."""
    user = synapse.register(displayname="Alex Martin")
    store_login(synapse.url, user.user_id, user.access_token, user.device_id)
    customers = MatrixCustomerSimulator(synapse, user.user_id)
    config = {
        "homeserver": synapse.url,
        "user_id": user.user_id,
        "backoff_base_s": 0.05,
        "backoff_cap_s": 0.05,
        "sync_timeout_s": 5,
    }
    agent = AgentIdentity(id=user.localpart, name="Alex Martin")
    h = start_matrix_app(qtbot, tmp_path, config, customers=customers, agent=agent)
    try:
        session, backend = h.desktop.session, h.desktop.backend
        assert session is not None and isinstance(backend, MatrixBackend)
        confirmed: list[str] = []
        session.eventReceived.connect(
            lambda e: confirmed.append(e.txn_id) if isinstance(e, ev.MessageDelivered) else None
        )
        quick_retries(h)
        iid = customers.start_chat("Marie", "Bonjour")
        view = h.accept(iid)
        first_client = backend._client
        synapse.sign_out_everywhere(user)
        view.composer.setPlainText("Toujours là ?")
        view.send_button.click()
        dialog = dialog_of(h)
        assert message(dialog) == EXPIRED
        nothing_happens_for_a_while(qtbot, h)
        assert message(dialog) == EXPIRED
        assert customers.received(iid) == []
        model = view.transcript.model()
        assert model.index(1, 0).data(Roles.DELIVERY) == DeliveryState.SENDING.value

        child(dialog, QLineEdit, "passwordEdit").setText(user.password)
        child(dialog, QPushButton, "loginButton").click()
        h.wait_until(lambda: h.desktop.login_dialog is None, timeout=10)
        h.wait_until(lambda: customers.received(iid) == ["Toujours là ?"], timeout=10)
        h.wait_until(lambda: model.index(1, 0).data(Roles.DELIVERY) != "sending")
        nothing_happens_for_a_while(qtbot, h)  # a second outbox loop would confirm it again
        assert customers.received(iid) == ["Toujours là ?"]
        assert len(confirmed) == 1
        matrix_tasks = sorted(
            t.get_name() for t in asyncio.all_tasks(h._loop) if t.get_name().startswith("matrix")
        )
        assert matrix_tasks == ["matrix-outbox", "matrix-sync"]
        assert first_client is not backend._client and first_client.client_session is None
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            gc.collect()
        assert [str(w.message) for w in caught if "Unclosed" in str(w.message)] == []
    finally:
        h.close()
        customers.close()
