"""Crash safety: the app is killed with SIGKILL while it sends, while it writes its settings
and while it writes its local state; on restart nothing is lost and nothing is doubled.

The app runs as a subprocess (``python -m agent_desktop --profile DIR``, offscreen) driven
from inside by the test hook ``tests/crash_hooks/drive.py`` (``AGENT_DESKTOP_TEST_HOOK``).
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import selectors
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from agent_desktop.core.paths import ProfilePaths

HOOK = Path(__file__).resolve().parents[1] / "crash_hooks" / "drive.py"
ROOT = Path(__file__).resolve().parents[2]
SETTINGS = {
    "chat": {"notification_sound": False},
    "backends": {"demo": {"resume_active_chats": True}},
}

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")


def launch(profile: Path, phase: str, **env: str) -> subprocess.Popen[str]:
    environment = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "AGENT_DESKTOP_TEST_HOOK": str(HOOK),
        "CRASH_PHASE": phase,
        "PYTHONPATH": str(ROOT),
        **env,
    }
    stderr = (profile / f"stderr-{phase}.txt").open("w")
    try:
        return subprocess.Popen(
            [sys.executable, "-m", "agent_desktop", "--profile", str(profile)],
            stdout=subprocess.PIPE,
            stderr=stderr,
            text=True,
            env=environment,
            cwd=ROOT,
        )
    finally:
        stderr.close()


def wait_ready(process: subprocess.Popen[str], timeout: float = 30.0) -> Any:
    """The payload of the hook's ``READY {json}`` line."""
    assert process.stdout is not None
    selector = selectors.DefaultSelector()
    selector.register(process.stdout, selectors.EVENT_READ)
    deadline = time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            if not selector.select(timeout=max(0.0, deadline - time.monotonic())):
                break
            line = process.stdout.readline()
            if not line:
                break
            if line.startswith("READY "):
                return json.loads(line[len("READY ") :])
    finally:
        selector.close()
    process.kill()
    raise AssertionError(f"the app never got ready (exit code {process.poll()})")


def kill(process: subprocess.Popen[str], after_s: float = 0.0) -> None:
    if after_s:
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=after_s)  # it keeps working meanwhile
    os.kill(process.pid, signal.SIGKILL)
    assert process.wait(timeout=10) == -signal.SIGKILL


def restart_and_check(profile: Path, iids: list[str], **env: str) -> dict[str, Any]:
    result = profile / "result.json"
    process = launch(profile, "check", CRASH_IIDS=json.dumps(iids), CRASH_RESULT=str(result), **env)
    try:
        code = process.wait(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
    log = profile / "stderr-check.txt"
    assert code == 0, log.read_text()
    data: dict[str, Any] = json.loads(result.read_text(encoding="utf-8"))
    return data


@pytest.fixture
def profile(tmp_path: Path) -> Path:
    paths = ProfilePaths.portable(tmp_path / "profile")
    paths.create()
    paths.settings_file.write_text(json.dumps(SETTINGS), encoding="utf-8")
    return tmp_path / "profile"


def test_killed_while_sending_every_message_arrives_once_and_drafts_come_back(
    profile: Path,
) -> None:
    process = launch(profile, "sending")
    first, second = wait_ready(process)["iids"]
    kill(process)

    seen = restart_and_check(profile, [first, second])
    assert seen["received"][first] == ["m1 delivered", "m2 unconfirmed", "m3 in flight"]
    assert seen["received"][second] == ["m4 in flight"]
    assert seen["drafts"] == {first: "draft one", second: "draft two"}
    # in the demo backend's database, each message of the agent is stored exactly once
    demo = sqlite3.connect(profile / "data" / "demo" / "demo.sqlite3")
    try:
        rows = demo.execute(
            "SELECT text, count(*), count(DISTINCT txn_id) FROM messages"
            " WHERE author_role = 'agent' GROUP BY text ORDER BY text"
        ).fetchall()
    finally:
        demo.close()
    assert rows == [
        ("m1 delivered", 1, 1),
        ("m2 unconfirmed", 1, 1),
        ("m3 in flight", 1, 1),
        ("m4 in flight", 1, 1),
        ("m5 conversation", 1, 1),  # into the contact's asynchronous conversation
    ]


def test_killed_after_typing_every_draft_comes_back_though_nothing_flushed(
    profile: Path,
) -> None:
    """The agent types into a chat's composer, its consultation's, its Conversation tab's and
    the Communication view's; no flush is called: once the app's own debounced save reports
    them on disk (DraftKeeper.saved), the process is killed. The drafts are in the state
    database as typed and come back in their composers after the restart."""
    settings = {
        **SETTINGS,
        "backends": {"demo": {"resume_active_chats": True, "colleague_answer_s": 0.05}},
    }
    (profile / "config" / "settings.json").write_text(json.dumps(settings), encoding="utf-8")
    process = launch(profile, "drafts")
    typed = wait_ready(process)
    (iid,) = typed["iids"]
    kill(process)

    state = sqlite3.connect(profile / "data" / "state.sqlite3")
    try:
        on_disk = dict(state.execute("SELECT interaction_id, text FROM drafts").fetchall())
    finally:
        state.close()
    assert on_disk == typed["drafts"]
    assert len(on_disk) == 4  # chat, consultation, Conversation tab, Communication view

    seen = restart_and_check(profile, [iid], CRASH_CONTACT=typed["contact"])
    assert seen["drafts"] == {iid: "chat draft"}
    assert seen["conversation_drafts"] == {iid: "conversation draft"}
    assert seen["contact_draft"] == "contact draft"


@pytest.mark.parametrize("when", ["before", "after"])
def test_killed_around_the_settings_rename_the_last_whole_settings_load(
    profile: Path, when: str
) -> None:
    """The hook stops the 20th settings save for good just before its ``os.replace`` (its
    temp file written) or just after it, then the process is killed there: before, the
    19th settings load; after, the 20th. Whole either way: no warning, nothing set aside,
    no temp file left."""
    process = launch(profile, "settings", CRASH_SETTINGS_HOLD=when, CRASH_SETTINGS_SAVES="20")
    save = wait_ready(process)
    settings_file = profile / "config" / "settings.json"
    leftovers = list(settings_file.parent.glob(".settings.json.*.tmp"))
    assert len(leftovers) == (1 if when == "before" else 0)
    kill(process)

    seen = restart_and_check(profile, [])
    assert seen["load_warning"] is None and seen["banner"] == ""
    assert not (settings_file.parent / "settings.json.bad").exists()
    if when == "before":  # the held save's value never reached the file
        assert save["held"] != save["placed"]
        expected = save["placed"]
    else:
        assert save["held"] == save["placed"]
        expected = save["held"]
    assert seen["typing_timeout_s"] == expected
    assert json.loads(settings_file.read_text(encoding="utf-8"))["chat"]["typing_timeout_s"] == (
        expected
    )
    assert not list(settings_file.parent.glob(".settings.json.*.tmp"))  # no leftovers


def test_killed_while_writing_state_it_opens_intact_with_the_draft(profile: Path) -> None:
    process = launch(profile, "state")
    (iid,) = wait_ready(process)["iids"]
    kill(process, after_s=random.uniform(0.1, 0.4))

    seen = restart_and_check(profile, [iid])
    assert seen["drafts"][iid].startswith("draft ")
    assert seen["url_history"] > 0
    assert len(seen["recent_emojis"]) == 2  # 👍 and 🎉, in catalog form
    state = sqlite3.connect(profile / "data" / "state.sqlite3")
    try:
        assert state.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        state.close()


def test_killed_inside_a_state_transaction_the_state_is_whole(profile: Path) -> None:
    """The kill provably lands inside a state-database transaction (a list rewrite has
    deleted the old rows, its commit not done: the hook marks each one); the next start
    finds the last committed lists, not an empty or half-written one."""
    markers = profile / "markers"
    process = launch(profile, "state", CRASH_MARKERS=str(markers))
    (iid,) = wait_ready(process)["iids"]
    deadline = time.monotonic() + 20

    def inside_a_later_transaction() -> bool:
        # after some committed rounds (the draft is on disk), in the middle of one
        seen = markers.read_bytes() if markers.exists() else b""
        return seen.count(b">") >= 20 and seen.endswith(b"<")

    while not inside_a_later_transaction():
        assert time.monotonic() < deadline, "no state transaction seen"
        time.sleep(0.001)
    kill(process)
    assert markers.read_bytes().endswith(b"<")  # killed mid-transaction

    seen = restart_and_check(profile, [iid])
    assert seen["url_history"] > 0
    assert len(seen["recent_emojis"]) == 2
    assert seen["drafts"][iid].startswith("draft ")
    state = sqlite3.connect(profile / "data" / "state.sqlite3")
    try:
        assert state.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    finally:
        state.close()
