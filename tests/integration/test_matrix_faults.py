"""Faults against a real Synapse: the server going away, the app killed, bad logins."""

from __future__ import annotations

import asyncio
import json
import os
import subprocess
import sys
from pathlib import Path

import keyring
import pytest
from keyrings.alt.file import PlaintextKeyring

from agent_desktop.backends.base import BackendError
from agent_desktop.backends.matrix import LoginRequired
from agent_desktop.backends.matrix.backend import KEYRING_SERVICE, keyring_user, store_login
from agent_desktop.core import events as ev
from agent_desktop.core.paths import ProfilePaths
from agent_desktop.core.types import ConnectionState
from agent_desktop.testing.matrix_customers import MatrixCustomerSimulator
from agent_desktop.testing.synapse import SynapseServer, free_port
from tests.integration.matrix_helpers import Agent, run_async, until
from tests.ui.conftest import CONFIRMED
from tests.ui.test_crash_safety import kill, wait_ready

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
        # killed inside the outbox's removal of m1: the server stored it, the ack was lost
        assert customers.received(room) == ["m1"]
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


HOOK = ROOT / "tests" / "crash_hooks" / "matrix_outbox.py"
APP = [sys.executable, "-m", "agent_desktop", "--backend", "matrix"]


def launch_app(profile: Path, phase: str, room: str, **env: str) -> subprocess.Popen[str]:
    """``python -m agent_desktop --backend matrix --profile DIR`` with the test hook."""
    environment = {
        **os.environ,  # with the test keyring backend (conftest) and the test's home
        "QT_QPA_PLATFORM": "offscreen",
        "AGENT_DESKTOP_TEST_HOOK": str(HOOK),
        "CRASH_PHASE": phase,
        "CRASH_ROOM": room,
        "PYTHONPATH": str(ROOT),
        **env,
    }
    with (profile / f"stderr-{phase}.txt").open("w") as stderr:
        return subprocess.Popen(
            [*APP, "--profile", str(profile)],
            stdout=subprocess.PIPE,
            stderr=stderr,
            text=True,
            env=environment,
            cwd=ROOT,
        )


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_the_app_killed_mid_send_delivers_each_message_once(
    synapse: SynapseServer, tmp_path: Path
) -> None:
    """The real app (not a headless script) is killed with SIGKILL while five messages wait
    in its outbox, the first one already stored by the homeserver but not yet confirmed;
    restarted, it sends the rest and the customer gets each message exactly once."""
    user = synapse.register(displayname="Alex")
    # the app's process finds this token in the same (file) keyring: its default file under
    # the test's XDG_DATA_HOME, never the real keyring
    PlaintextKeyring().set_password(
        KEYRING_SERVICE,
        keyring_user(synapse.url, user.user_id),
        json.dumps({"access_token": user.access_token, "device_id": user.device_id}),
    )
    profile = tmp_path / "profile"
    paths = ProfilePaths.portable(profile)
    paths.create()
    matrix = {"homeserver": synapse.url, "user_id": user.user_id, "sync_timeout_s": 5}
    matrix |= {"backoff_base_s": 0.1, "backoff_cap_s": 1.0}
    settings = {"chat": {"notification_sound": False}, "backends": {"matrix": matrix}}
    paths.settings_file.write_text(json.dumps(settings), encoding="utf-8")
    customers = MatrixCustomerSimulator(synapse, user.user_id)
    try:
        room = customers.start_chat("Marie", "Bonjour")
        process = launch_app(profile, "sending", room)
        assert wait_ready(process, timeout=60) == {"pending": 5}
        kill(process)
        assert customers.received(room) == ["m1"]  # stored, never confirmed to the app

        result = profile / "result.json"
        process = launch_app(profile, "check", room, CRASH_RESULT=str(result))
        try:
            code = process.wait(timeout=90)
        finally:
            if process.poll() is None:
                process.kill()
        assert code == 0, (profile / "stderr-check.txt").read_text()
        assert customers.received(room) == ["m1", "m2", "m3", "m4", "m5"]
        transcript = json.loads(result.read_text(encoding="utf-8"))["transcript"]
        assert [text for text, _ in transcript] == ["m1", "m2", "m3", "m4", "m5"]
        assert all(state in CONFIRMED for _, state in transcript), transcript
    finally:
        customers.close()


@pytest.mark.parametrize("token", ["never valid", "signed out"])
def test_expired_token_asks_to_log_in_again(
    synapse: SynapseServer, tmp_path: Path, token: str
) -> None:
    user = synapse.register()
    dead = "syt_expired" if token == "never valid" else user.access_token
    store_login(synapse.url, user.user_id, dead, user.device_id)
    if token == "signed out":  # a real token, revoked (another client, an administrator)
        synapse.sign_out_everywhere(user)

    async def main() -> None:
        agent = Agent(synapse, user, tmp_path / "agent", login=False)
        with pytest.raises(LoginRequired, match=r"expired.*log in again") as raised:
            await agent.start()
        assert raised.value.kind == "expired"
        assert agent.backend.login_problem is not None
        # the dead token is forgotten; logging in again works and keeps the new token
        assert (
            keyring.get_password(KEYRING_SERVICE, keyring_user(synapse.url, user.user_id)) is None
        )
        agent.backend.set_credentials(synapse.url, user.user_id, user.password)
        await agent.start()
        await agent.stop()
        saved = keyring.get_password(KEYRING_SERVICE, keyring_user(synapse.url, user.user_id))
        assert saved is not None and dead not in saved

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
