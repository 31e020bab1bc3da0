"""The core-loop UI tests of tests/ui/test_core_loop.py, on Matrix against a real Synapse.

The test functions are imported unchanged; the ``start`` and ``h`` fixtures below start
the harness on the matrix backend, with a fresh agent account and Matrix customers.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from agent_desktop.core.models import AgentIdentity
from agent_desktop.testing import AppHarness
from agent_desktop.testing.matrix_customers import MatrixCustomerSimulator
from agent_desktop.testing.synapse import SynapseServer
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
