"""UI tests drive the app through :class:`AppHarness`, as automation would."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from PySide6.QtCore import QAbstractItemModel
from pytestqt.qtbot import QtBot

from agent_desktop.testing import AppHarness

if TYPE_CHECKING:  # importing it at collection time needs pytest-qt's Qt binding chosen first
    from pytestqt.modeltest import ModelTester

#: short thresholds so that levels change within a test
FAST = {
    "chat": {
        "pending_response_warning_s": 0.3,
        "pending_response_max_s": 0.6,
        "typing_timeout_s": 0.4,
        "notification_sound": False,
    }
}

#: delivery states of a message the backend accepted (receipts move it on from "sent")
CONFIRMED = ("sent", "delivered", "read")

StartHarness = Callable[..., AppHarness]
CheckModel = Callable[[QAbstractItemModel], None]


@pytest.fixture
def check_model(qtmodeltester: ModelTester) -> CheckModel:
    """pytest-qt's model tester, typed for mypy --strict."""

    def check(model: QAbstractItemModel) -> None:
        qtmodeltester.check(model)  # type: ignore[no-untyped-call]

    return check


@pytest.fixture
def start(qtbot: QtBot, tmp_path: Path) -> Iterator[StartHarness]:
    """``start(settings=..., ready=...)`` → a harness that is closed after the test."""
    started: list[AppHarness] = []

    def _start(settings: dict[str, Any] | None = None, **kwargs: Any) -> AppHarness:
        merged = {"chat": {"notification_sound": False}} if settings is None else settings
        h = AppHarness.start(qtbot, tmp_path, settings=merged, **kwargs)
        started.append(h)
        return h

    yield _start
    for h in started:
        h.close()


@pytest.fixture
def h(start: StartHarness) -> AppHarness:
    return start()
