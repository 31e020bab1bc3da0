"""One real Synapse per test session (SQLite, 127.0.0.1, shared-secret registration)."""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from pathlib import Path

import pytest


def _missing(*modules: str) -> list[str]:
    missing = []
    for module in modules:
        try:
            importlib.import_module(module)
        except ImportError:
            missing.append(module)
    return missing


# never skipped quietly: without the test extra the whole Matrix suite would not run
if missing := _missing("synapse", "trustme", "keyrings.alt"):
    raise pytest.UsageError(
        f"the Matrix integration tests need {', '.join(missing)} (the test extra): "
        "pip install -e '.[test]', or run ./dev test"
    )

from agent_desktop.testing.synapse import SynapseServer  # noqa: E402
from tests.integration.proxy import LoopbackProxy  # noqa: E402


@pytest.fixture(scope="session")
def synapse(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SynapseServer]:
    server = SynapseServer(tmp_path_factory.mktemp("synapse"))
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def link(synapse: SynapseServer) -> Iterator[LoopbackProxy]:
    """The network between an app and Synapse, to cut or hold (the customers and the other
    side reach Synapse directly)."""
    proxy = LoopbackProxy(synapse.port)
    proxy.start()
    yield proxy
    proxy.stop()


@pytest.fixture(autouse=True)
def _file_keyring(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Access tokens go to a plain file under tmp_path, never to the real keyring."""
    import keyring
    from keyrings.alt.file import PlaintextKeyring

    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyrings.alt.file.PlaintextKeyring")
    previous = keyring.get_keyring()
    ring = PlaintextKeyring()
    ring.file_path = str(tmp_path / "keyring.cfg")
    keyring.set_keyring(ring)
    yield
    keyring.set_keyring(previous)
