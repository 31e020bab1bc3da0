"""Busy rooms against a real Synapse: when more events reach a room than one sync reply
carries (``TIMELINE_LIMIT``), its timeline is "limited" and the backend reads the rest back;
no message is lost or shown twice, across a cut link, a stalled one, an accept or a restart
(docs/matrix.md, "Reliability")."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from PySide6.QtWidgets import QLabel

from agent_desktop.backends.matrix.backend import TIMELINE_LIMIT
from agent_desktop.testing import AppHarness, child
from agent_desktop.testing.matrix_customers import MatrixCustomerSimulator
from agent_desktop.testing.synapse import SynapseServer
from tests.integration.matrix_helpers import Agent, run_async, until
from tests.integration.proxy import LoopbackProxy
from tests.integration.test_matrix_core_loop import start  # noqa: F401 (fixture)
from tests.ui.conftest import StartHarness
from tests.ui.test_backend_slow_and_failing import customer_texts

#: more messages than one sync reply carries
BURST = TIMELINE_LIMIT + 20
READ_BACK = "events read back before its timeline"


def write(customers: MatrixCustomerSimulator, iid: str, prefix: str) -> list[str]:
    texts = [f"{prefix} {n:03}" for n in range(BURST)]
    for text in texts:
        customers.say(iid, text)
    return texts


def read_backs(caplog: pytest.LogCaptureFixture) -> int:
    return sum(READ_BACK in r.getMessage() for r in caplog.records)


def test_a_busy_room_loses_nothing_across_a_cut_link_or_a_stalled_one(
    start: StartHarness,  # noqa: F811
    link: LoopbackProxy,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO, logger="agent_desktop.backends.matrix.backend")
    h: AppHarness = start(matrix={"homeserver": link.url})
    customers = h.customers
    assert isinstance(customers, MatrixCustomerSimulator)
    iid = customers.start_chat("Marie Dupont", "Bonjour")
    view = h.accept(iid)
    expected = ["Bonjour"]
    label = child(h.window, QLabel, "connectionStatus")

    # the link is cut: the app reconnects while Marie writes
    link.cut()
    h.wait_until(lambda: label.property("state") == "reconnecting", timeout=10)
    expected += write(customers, iid, "pendant la coupure")
    link.heal()
    h.wait_until(lambda: len(customer_texts(view)) >= len(expected), timeout=60)
    assert customer_texts(view) == expected  # each once, in order
    assert read_backs(caplog) == 1

    # the link stalls: the answers to the app's requests wait meanwhile
    link.hold()
    expected += write(customers, iid, "en rafale")
    link.release()
    h.wait_until(lambda: len(customer_texts(view)) >= len(expected), timeout=60)
    assert customer_texts(view) == expected
    assert read_backs(caplog) == 2
    h.wait_until(lambda: label.property("state") == "connected")


def test_an_accept_and_a_restart_bring_the_whole_transcript(
    synapse: SynapseServer, tmp_path: Path
) -> None:
    """An offer whose customer wrote more than a sync carries before the agent accepted it,
    then a restart of the app while the customer writes as much again: the accepted chat
    and the chat the first sync puts back on the desk hold every message, once, in order."""
    user = synapse.register(displayname="Alex Martin")
    customers = MatrixCustomerSimulator(synapse, user.user_id)

    async def main() -> None:
        agent = Agent(synapse, user, tmp_path / "agent")
        await agent.start()
        try:
            room = customers.start_chat("Marie Dupont", "Bonjour")
            expected = ["Bonjour", *write(customers, room, "avant")]
            await agent.offered(room)
            await agent.backend.accept(room)
            await until(lambda: len(agent.texts(room)) >= len(expected))
            assert agent.texts(room) == expected
        finally:
            await agent.stop()
        expected += write(customers, room, "pendant l'absence")
        again = Agent(synapse, user, tmp_path / "agent", login=False)
        await again.start(ready=False)  # the chat comes back before it is connected
        try:
            await until(lambda: len(again.texts(room)) >= len(expected))
            assert again.texts(room) == expected
        finally:
            await again.stop()

    try:
        run_async(main())
    finally:
        customers.close()
