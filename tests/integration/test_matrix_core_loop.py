"""The core-loop UI tests of tests/ui/test_core_loop.py, on Matrix against a real Synapse.

The test functions are imported unchanged; the ``start`` and ``h`` fixtures below start
the harness on the matrix backend, with a fresh agent account and Matrix customers.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from agent_desktop.core.models import AgentIdentity
from agent_desktop.core.types import DeliveryState
from agent_desktop.testing import AppHarness, child
from agent_desktop.testing.matrix_customers import MatrixCustomerSimulator
from agent_desktop.testing.synapse import SynapseServer
from agent_desktop.ui.transcript_model import Roles
from tests.ui.conftest import StartHarness
from tests.ui.test_core_loop import *  # noqa: F403  (the same tests, collected here too)


@pytest.fixture
def start(qtbot: QtBot, tmp_path: Path, synapse: SynapseServer) -> Iterator[StartHarness]:
    started: list[tuple[AppHarness, MatrixCustomerSimulator]] = []

    def _start(settings: dict[str, Any] | None = None, **kwargs: Any) -> AppHarness:
        merged = {"chat": {"notification_sound": False}} if settings is None else settings
        user = synapse.register(displayname="Alex Martin")
        customers = MatrixCustomerSimulator(synapse, user.user_id)
        config = {
            "homeserver": synapse.url,
            "user_id": user.user_id,
            "password": user.password,
            "backoff_base_s": 0.1,
            "backoff_cap_s": 1.0,
            "sync_timeout_s": 5,
        }
        h = AppHarness.start(
            qtbot,
            tmp_path / user.localpart,
            settings=merged,
            backend="matrix",
            backend_config=config,
            customers=customers,
            agent=AgentIdentity(id=user.localpart, name="Alex Martin"),
            **kwargs,
        )
        started.append((h, customers))
        return h

    yield _start
    for h, customers in started:
        h.close()
        customers.close()


@pytest.fixture
def h(start: StartHarness) -> AppHarness:
    return start()


def test_connection_state_shown_and_nothing_lost_across_a_server_restart(
    h: AppHarness, synapse: SynapseServer
) -> None:
    label = child(h.window, QLabel, "connectionStatus")
    assert label.property("state") == "connected"
    iid = h.customers.start_chat("Marie", "Bonjour")
    view = h.accept(iid)
    synapse.stop()
    try:
        h.wait_until(lambda: label.property("state") == "reconnecting", timeout=10)
        for text in ("First while away", "Second while away"):
            view.composer.setPlainText(text)
            view.send_button.click()
    finally:
        synapse.start()
    h.wait_until(lambda: label.property("state") == "connected", timeout=20)
    h.wait_until(
        lambda: h.customers.received(iid) == ["First while away", "Second while away"],
        timeout=20,
    )
    model = view.transcript.model()
    h.wait_until(
        lambda: all(
            model.index(r, 0).data(Roles.DELIVERY) == DeliveryState.SENT.value
            for r in range(1, model.rowCount())
        )
    )
