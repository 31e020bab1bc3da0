"""Malformed events over the real protocol: customers put odd content and state into their
rooms through Synapse; the agent's other chats are never lost, the odd events are logged
with their raw form and skipped (docs/matrix.md, "Malformed data")."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from agent_desktop.backends.matrix import CONVERSATION_EVENT, PUSHED_URL_FIELD
from agent_desktop.core import events as ev
from agent_desktop.core.types import Channel
from agent_desktop.testing.matrix_customers import MatrixCustomerSimulator
from agent_desktop.testing.synapse import SynapseServer
from tests.integration.matrix_helpers import Agent, run_async, until


def test_odd_events_and_state_are_skipped_and_every_other_chat_still_arrives(
    synapse: SynapseServer, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """While the agent is away, Paul (whose chat is on the agent's desk) sends an image
    whose ``info`` is a string, one whose ``url`` is a number, a pushed URL that is an
    object, a display name that is a list and a conversation state whose contact is a
    string; a hostile customer offers a chat whose contact is a string; Marie offers a
    normal chat. All of it comes in the first sync of the restarted agent, one reply: Paul's
    chat is back with his real messages, both invites are offered, nothing crashes."""
    user = synapse.register(displayname="Alex Martin")
    customers = MatrixCustomerSimulator(synapse, user.user_id)
    shown = ["Bonjour", "x.png", "y.png", "lien"]

    async def main() -> None:
        agent = Agent(synapse, user, tmp_path / "agent")
        await agent.start()
        paul = customers.start_chat("Paul Martin", "Bonjour")
        await agent.offered(paul)
        await agent.backend.accept(paul)
        await agent.stop()

        customers.send_event(paul, {"msgtype": "m.image", "body": "x.png", "info": "big"})
        customers.send_event(paul, {"msgtype": "m.image", "body": "y.png", "url": 12})
        customers.send_event(paul, {"msgtype": "m.text", "body": "lien", PUSHED_URL_FIELD: {}})
        customers.set_state(
            paul,
            "m.room.member",
            {"membership": "join", "displayname": ["Paul"]},
            customers.user_id("Paul Martin"),
        )
        customers.set_state(paul, CONVERSATION_EVENT, {"customer": 5, "contact": "\u202eevil"})
        customers.say(paul, "toujours là")
        hostile = customers.start_chat_with_state(
            "Hostile", {"channel": ["sms"], "contact": "\u202eevil", "subject": {"a": 1}}
        )
        marie = customers.start_chat("Marie Dupont", "Bonjour", channel="sms")

        again = Agent(synapse, user, tmp_path / "agent", login=False)
        with caplog.at_level(logging.WARNING, logger="agent_desktop.backends.matrix"):
            await again.start()
            try:
                await again.offered(marie)
                await again.offered(hostile)
                await until(lambda: "toujours là" in again.texts(paul))
                # the same events read back as history and found by /search: decoded alike
                paul_id = customers.user_id("Paul Martin")
                history = await again.backend.history(paul_id)
                assert [m.text for m in history] == [*shown, "toujours là"]
                found = await again.backend.search_messages(paul_id, "toujours")
                assert [(m.text, m.channel) for m in found] == [("toujours là", Channel.WEBCHAT)]
            finally:
                await again.stop()
        offers = {e.interaction.id: e.interaction for e in again.of(ev.InteractionOffered)}
        assert offers[marie].contact.name == "Marie Dupont"
        assert offers[hostile].contact.id == customers.user_id("Hostile")
        assert offers[hostile].subject is None
        assert again.texts(paul) == [*shown, "toujours là"]
        logged = "\n".join(r.getMessage() for r in caplog.records)
        assert "ignored the malformed info of a m.room.message content" in logged
        assert "ignored the malformed url of a m.room.message content" in logged
        assert f"ignored the malformed {PUSHED_URL_FIELD} of a m.room.message" in logged
        assert "ignored the malformed displayname of a m.room.member content" in logged
        assert "ignored the malformed contact, customer of a com.agent_desktop" in logged
        assert "\u202e" not in logged and "\\u202eevil" in logged

    try:
        run_async(main())
    finally:
        customers.close()
