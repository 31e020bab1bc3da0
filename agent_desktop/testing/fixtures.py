"""pytest fixtures: ``-p agent_desktop.testing.fixtures`` or import in a conftest."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from agent_desktop.testing.harness import AppHarness


@pytest.fixture
def harness(qtbot: QtBot, tmp_path: Path) -> Iterator[AppHarness]:
    """An :class:`AppHarness` with default settings, closed after the test."""
    h = AppHarness.start(qtbot, tmp_path)
    try:
        yield h
    finally:
        h.close()
