"""TLS against a real HTTPS front of the test Synapse (tests/integration/proxy.py), its
certificate from a throw-away CA: certificates are always verified; an organisation's CA
is trusted through ``ca_file``, never by turning verification off."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton
from pytestqt.qtbot import QtBot

from agent_desktop.backends.base import BackendError
from agent_desktop.backends.matrix import MatrixBackend
from agent_desktop.backends.matrix.client import UntrustedCertificate
from agent_desktop.core.types import ConnectionState
from agent_desktop.testing import child
from agent_desktop.testing.synapse import SynapseServer
from agent_desktop.ui.login_dialog import LoginDialog
from tests.integration.matrix_helpers import Agent, run_async, start_matrix_app
from tests.integration.proxy import TlsProxy


@pytest.fixture(scope="module")
def tls(synapse: SynapseServer, tmp_path_factory: pytest.TempPathFactory) -> Iterator[TlsProxy]:
    proxy = TlsProxy(synapse.port, tmp_path_factory.mktemp("tls"))
    proxy.start()
    try:
        yield proxy
    finally:
        proxy.stop()


def log_in(qtbot: QtBot, tmp_path: Path, url: str, user: Any, config: dict[str, Any]) -> Any:
    """The app on Matrix with ``config``; the agent fills in the login dialog for ``url``."""
    h = start_matrix_app(qtbot, tmp_path, config, wait_connected=False, ready=False)
    h.wait_until(lambda: (d := h.desktop.login_dialog) is not None and d.isVisible())
    dialog = h.desktop.login_dialog
    assert isinstance(dialog, LoginDialog)
    QTest.keyClicks(child(dialog, QLineEdit, "homeserverEdit"), url)
    QTest.keyClicks(child(dialog, QLineEdit, "userEdit"), user.user_id)
    QTest.keyClicks(child(dialog, QLineEdit, "passwordEdit"), user.password)
    child(dialog, QPushButton, "loginButton").click()
    return h, dialog


def test_an_untrusted_certificate_is_refused_with_a_clear_message(
    qtbot: QtBot,
    tmp_path: Path,
    synapse: SynapseServer,
    tls: TlsProxy,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """An old settings file that turned verification off changes nothing (a warning says it
    is ignored): the login dialog and the banner say the certificate is not trusted."""
    user = synapse.register()
    with caplog.at_level(logging.WARNING, logger="agent_desktop.backends.matrix.config"):
        h, dialog = log_in(qtbot, tmp_path, tls.url, user, {"verify_tls": False})
    try:
        assert "'verify_tls' is ignored" in caplog.text
        label = child(dialog, QLabel, "loginMessage")
        h.wait_until(lambda: "certificate is not trusted" in label.text(), timeout=10)
        assert label.text() == (
            "The homeserver's certificate is not trusted (unable to get local issuer "
            "certificate), so the connection was refused. If your organisation uses its own "
            "certificate authority, ask your administrator to set it as ca_file in the "
            "Matrix settings."
        )
        assert h.window.banner.label.text() == (
            f"Could not connect securely to the messaging backend: the TLS certificate of "
            f"{tls.url} is not trusted (unable to get local issuer certificate). The "
            "connection was refused."
        )
        session = h.desktop.session
        assert session is not None and session.connection is not ConnectionState.CONNECTED
        assert tls.handshakes == 0  # nothing was sent over the refused connection
    finally:
        h.close()


def test_with_the_organisation_ca_the_login_works_over_tls(
    qtbot: QtBot, tmp_path: Path, synapse: SynapseServer, tls: TlsProxy
) -> None:
    user = synapse.register()
    before = tls.handshakes
    h, _ = log_in(qtbot, tmp_path, tls.url, user, {"ca_file": str(tls.ca_file)})
    try:
        h.wait_until(lambda: h.desktop.login_dialog is None, timeout=15)
        session = h.desktop.session
        assert session is not None and session.connection is ConnectionState.CONNECTED
        assert tls.handshakes > before  # the login and the sync went through the TLS front
        saved = h.settings.backends["matrix"]
        assert saved["homeserver"] == tls.url and "password" not in saved
    finally:
        h.close()


def test_the_backend_refuses_an_untrusted_server_and_an_unusable_ca_file(
    synapse: SynapseServer, tls: TlsProxy, tmp_path: Path
) -> None:
    user = synapse.register()
    bad_pem = tmp_path / "not-a-ca.pem"
    bad_pem.write_text("-----BEGIN CERTIFICATE-----\nnonsense\n-----END CERTIFICATE-----\n")

    async def main() -> None:
        untrusted = Agent(synapse, user, tmp_path / "a", homeserver=tls.url)
        with pytest.raises(UntrustedCertificate, match=r"TLS certificate of https://127\.0\.0\.1"):
            await untrusted.start()
        assert untrusted.backend.certificate_problem is not None
        for ca_file in (tmp_path / "missing.pem", bad_pem):
            broken = Agent(synapse, user, tmp_path / "b", homeserver=tls.url, ca_file=str(ca_file))
            with pytest.raises(BackendError, match=r"certificate authority file .* cannot be used"):
                await broken.start()
        trusted = Agent(synapse, user, tmp_path / "c", homeserver=tls.url, ca_file=str(tls.ca_file))
        await trusted.start()
        assert isinstance(trusted.backend, MatrixBackend) and trusted.backend.connected
        await trusted.stop()

    run_async(main())
