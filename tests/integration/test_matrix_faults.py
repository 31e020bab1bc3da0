"""Faults against a real Synapse: the server going away, the app killed, bad logins."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
from pathlib import Path

import keyring
import pytest

from agent_desktop.backends.base import BackendError
from agent_desktop.backends.matrix import LoginRequired
from agent_desktop.backends.matrix.backend import KEYRING_SERVICE, keyring_user
from agent_desktop.core import events as ev
from agent_desktop.core.types import ConnectionState
from agent_desktop.testing.matrix_customers import MatrixCustomerSimulator
from agent_desktop.testing.synapse import SynapseServer, free_port
from tests.integration.matrix_helpers import Agent, run_async, until

ROOT = Path(__file__).resolve().parents[2]


def test_synapse_restart_while_sending_loses_and_duplicates_nothing(
    synapse: SynapseServer, tmp_path: Path
) -> None:
    user = synapse.register(displayname="Alex")
    customers = MatrixCustomerSimulator(synapse, user.user_id)

    async def main() -> None:
        agent = Agent(synapse, user, tmp_path / "agent")
        await agent.start()
        try:
            room = customers.start_chat("Marie", "Bonjour")
            await agent.offered(room)
            await agent.backend.accept(room)
            await agent.backend.send_message(room, "before", "t-0")
            await until(lambda: customers.received(room) == ["before"])
            await asyncio.to_thread(synapse.stop)
            for i in range(1, 6):
                await agent.backend.send_message(room, f"during {i}", f"t-{i}")
            await until(lambda: ConnectionState.RECONNECTING in agent.states())
            assert len(await agent.backend.outbox.pending()) == 5
            await asyncio.to_thread(synapse.start)
            await until(lambda: agent.states()[-1] is ConnectionState.CONNECTED, timeout=20)
            await until(lambda: len(customers.received(room)) == 6, timeout=20)
            await asyncio.sleep(0.5)  # a duplicate would show up by now
            expected = ["before"] + [f"during {i}" for i in range(1, 6)]
            assert customers.received(room) == expected
            assert await agent.backend.outbox.pending() == []
            assert sorted(d.txn_id for d in agent.of(ev.MessageDelivered)) == sorted(
                f"t-{i}" for i in range(6)
            )
        finally:
            await agent.stop()

    try:
        run_async(main())
    finally:
        customers.close()


def test_app_killed_with_messages_in_the_outbox_delivers_each_once(
    synapse: SynapseServer, tmp_path: Path
) -> None:
    user = synapse.register(displayname="Alex")
    customers = MatrixCustomerSimulator(synapse, user.user_id)
    data = tmp_path / "app"
    data.mkdir()
    base = [sys.executable, "-m", "tests.integration.outbox_app", synapse.url, user.user_id]
    base += [user.password, str(data)]
    try:
        room = customers.start_chat("Marie", "Bonjour")
        died = subprocess.run(
            [*base, "die", room], check=False, cwd=ROOT, timeout=60, capture_output=True
        )
        assert died.returncode == -9, died.stderr.decode()
        customers_got = customers.received(room)
        assert customers_got in ([], ["m1"])  # m1 reached the server, its ack was lost
        resumed = subprocess.run(
            [*base, "resume"], check=False, cwd=ROOT, timeout=60, capture_output=True, text=True
        )
        assert resumed.returncode == 0, resumed.stderr
        assert resumed.stdout.strip() == "empty"

        async def arrived() -> None:
            await until(lambda: len(customers.received(room)) >= 5)
            await asyncio.sleep(0.5)

        run_async(arrived())
        assert customers.received(room) == ["m1", "m2", "m3", "m4", "m5"]
    finally:
        customers.close()


def test_expired_token_asks_to_log_in_again(synapse: SynapseServer, tmp_path: Path) -> None:
    user = synapse.register()
    keyring.set_password(
        KEYRING_SERVICE,
        keyring_user(synapse.url, user.user_id),
        json.dumps({"access_token": "syt_expired", "device_id": "OLD"}),
    )

    async def main() -> None:
        agent = Agent(synapse, user, tmp_path / "agent", login=False)
        with pytest.raises(LoginRequired, match=r"expired.*log in again"):
            await agent.start()
        assert agent.backend.login_problem is not None
        # the bad token is forgotten; logging in again works and keeps the new token
        agent.backend.set_credentials(synapse.url, user.user_id, user.password)
        await agent.start()
        await agent.stop()
        saved = keyring.get_password(KEYRING_SERVICE, keyring_user(synapse.url, user.user_id))
        assert saved is not None and "syt_expired" not in saved

    run_async(main())


def test_wrong_homeserver_url_is_a_clear_message(synapse: SynapseServer, tmp_path: Path) -> None:
    user = synapse.register()

    async def main() -> None:
        nobody = f"http://127.0.0.1:{free_port()}"
        agent = Agent(synapse, user, tmp_path / "a", homeserver=nobody)
        with pytest.raises(BackendError, match=r"cannot reach the Matrix homeserver at http://"):
            await agent.start()
        not_matrix = Agent(synapse, user, tmp_path / "b", homeserver=synapse.url + "/nope")
        with pytest.raises(BackendError, match="not a Matrix homeserver"):
            await not_matrix.start()

    run_async(main())
