"""``./dev synapse`` as a newcomer uses it: its own Synapse with the demo accounts, the
demo agent logs in, and ``./dev synapse --customer NAME`` plays a customer who writes to
that agent and reads the answers (docs/matrix.md, "Trying it")."""

from __future__ import annotations

import asyncio
import json
import os
import queue
import signal
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import IO

import pytest

from agent_desktop.core import events as ev
from agent_desktop.core.types import Channel
from agent_desktop.testing.synapse import STATE_FILE, RegisteredUser, SynapseServer, free_port
from tests.integration.matrix_helpers import Agent, run_async, until

ROOT = Path(__file__).resolve().parents[2]
MODULE = [sys.executable, "-m", "agent_desktop.testing.synapse"]


def run_module(*args: str) -> subprocess.Popen[str]:
    """``./dev synapse ARGS`` (the module it runs), its standard input and output piped."""
    return subprocess.Popen(
        [*MODULE, *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


class Lines:
    """The lines a process prints, read on a thread so that waiting has a deadline."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        self.seen: list[str] = []
        self._lines: queue.Queue[str] = queue.Queue()
        stream = process.stdout
        assert stream is not None
        reader = threading.Thread(target=self._read, args=(stream,), daemon=True)
        reader.start()

    def _read(self, stream: IO[str]) -> None:
        for line in stream:
            self._lines.put(line)

    def until(self, predicate: Callable[[str], bool], timeout: float = 60.0) -> str:
        deadline = time.monotonic() + timeout
        while (left := deadline - time.monotonic()) > 0:
            try:
                line = self._lines.get(timeout=left)
            except queue.Empty:
                break
            self.seen.append(line)
            if predicate(line):
                return line
        raise AssertionError(f"not printed in time; got {self.seen!r}")


def test_dev_synapse_serves_the_demo_agent_and_plays_a_customer(tmp_path: Path) -> None:
    directory = tmp_path / "synapse"
    port = free_port()
    server = run_module(str(directory), str(port))
    customer: subprocess.Popen[str] | None = None
    try:
        Lines(server).until(lambda line: line.startswith("Play a customer"))
        state = json.loads((directory / STATE_FILE).read_text(encoding="utf-8"))
        assert state["url"] == f"http://127.0.0.1:{port}"
        assert (state["user_id"], state["password"]) == ("@agent:localhost", "agent-password")

        customer = run_module(str(directory), "--customer", "Marie Dupont", "--channel", "sms")
        assert customer.stdin is not None
        said = Lines(customer)
        said.until(lambda line: "Ctrl+D leaves" in line)
        customer.stdin.write("Bonjour, ma commande ?\n")
        customer.stdin.flush()

        demo = RegisteredUser(state["user_id"], "agent", state["password"], "", "")
        local = SynapseServer(directory, port)

        async def agent_side() -> None:
            agent = Agent(local, demo, tmp_path / "agent")
            await agent.start()
            try:
                await until(lambda: bool(agent.of(ev.InteractionOffered)), timeout=20)
                offer = agent.of(ev.InteractionOffered)[0].interaction
                assert (offer.contact.name, offer.channel) == ("Marie Dupont", Channel.SMS)
                await agent.backend.accept(offer.id)
                await until(lambda: agent.texts(offer.id) == ["Bonjour, ma commande ?"])
                await agent.backend.send_message(offer.id, "Je regarde", "txn-1")
                # off the loop: the agent's outbox must go on sending meanwhile
                await asyncio.to_thread(said.until, lambda line: line == "agent: Je regarde\n", 20)
                assert customer is not None and customer.stdin is not None
                customer.stdin.write("Merci\n")
                customer.stdin.close()  # Ctrl+D: the customer leaves
                await until(lambda: agent.texts(offer.id)[-1:] == ["Merci"], timeout=20)
                await until(lambda: bool(agent.of(ev.InteractionEnded)), timeout=20)
            finally:
                await agent.stop()

        run_async(agent_side())
        said.until(lambda line: line == "Marie Dupont left the chat.\n")
        assert customer.wait(timeout=20) == 0
        server.send_signal(signal.SIGTERM)
        assert server.wait(timeout=30) == 0
        with pytest.raises(urllib.error.URLError):  # Synapse stopped with it
            urllib.request.urlopen(f"{state['url']}/_matrix/client/versions", timeout=5)
    finally:
        for process in (customer, server):
            if process is not None and process.poll() is None:
                # SIGTERM first: ./dev synapse then stops its Synapse (a kill would orphan it)
                process.terminate()
                try:
                    process.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    process.kill()
                    process.wait()
