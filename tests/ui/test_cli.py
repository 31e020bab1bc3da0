"""The command line, run as the agent's workstation would run it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from agent_desktop import __version__

PENDING_TASK_WARNINGS = ("Task was destroyed but it is pending", "was never awaited", "Traceback")


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PYTHONUNBUFFERED"] = "1"
    return env


def test_version() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "agent_desktop", "--version"],
        capture_output=True,
        text=True,
        timeout=60,
        env=_env(),
        check=False,
    )
    assert result.returncode == 0
    assert result.stdout.strip() == f"agent-desktop {__version__}"


def test_self_test_runs_a_whole_chat(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "agent_desktop", "--self-test", "--profile", str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=120,
        env=_env(),
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("self-test ok")
    for warning in PENDING_TASK_WARNINGS:
        assert warning not in result.stderr
    log = (tmp_path / "logs" / "agent_desktop.log").read_text(encoding="utf-8")
    assert "ERROR" not in log


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
def test_ctrl_c_shuts_down_cleanly(tmp_path: Path) -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "agent_desktop", "--profile", str(tmp_path), "--demo-customers"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=_env(),
    )
    log = tmp_path / "logs" / "agent_desktop.log"
    deadline = time.monotonic() + 60
    try:
        # the log is the app's own signal that it is up; polling a file is not a timed assertion
        while not (log.exists() and "backend connection: connected" in log.read_text("utf-8")):
            assert process.poll() is None, process.communicate()
            assert time.monotonic() < deadline, "the app did not connect"
            time.sleep(0.05)
        process.send_signal(signal.SIGINT)
        _, stderr = process.communicate(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
    assert process.returncode == 130, stderr
    for warning in PENDING_TASK_WARNINGS:
        assert warning not in stderr
    assert "backend connection: disconnected" in log.read_text("utf-8")


def test_a_failing_test_hook_ends_the_app_at_once(tmp_path: Path) -> None:
    """A test hook (AGENT_DESKTOP_TEST_HOOK) that raises ends the app with code 3, so the
    test driving it fails at once instead of waiting for its own timeout."""
    hook = tmp_path / "hook.py"
    hook.write_text("async def run(desktop):\n    raise RuntimeError('hook went wrong')\n")
    env = _env()
    env["AGENT_DESKTOP_TEST_HOOK"] = str(hook)
    result = subprocess.run(
        [sys.executable, "-m", "agent_desktop", "--profile", str(tmp_path / "profile")],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        check=False,
    )
    assert result.returncode == 3
    log = (tmp_path / "profile" / "logs" / "agent_desktop.log").read_text(encoding="utf-8")
    assert "test hook failed" in log and "hook went wrong" in log
    assert f"WARNING agent_desktop: test hook {hook} runs inside the app" in log
