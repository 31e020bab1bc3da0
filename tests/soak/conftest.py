"""The soak suite (``./dev soak``): long runs, not part of ``./dev test``."""

from __future__ import annotations

import pytest

pytest_plugins = ["tests.ui.conftest"]


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--minutes", type=float, default=10.0, help="how long the soak test runs (default 10)"
    )


@pytest.fixture
def soak_minutes(request: pytest.FixtureRequest) -> float:
    return float(request.config.getoption("--minutes"))
