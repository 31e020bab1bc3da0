"""Malformed Matrix data (no server): every sync reply, event and content is parsed by
pydantic (backends/matrix/wire.py); a malformed one is logged with its raw form and skipped,
and the rest of the sync still reaches the agent. Hypothesis fuzzes the decoders and the
backend's handling of whole sync replies with random and mutated events."""

from __future__ import annotations

import asyncio
import copy
import logging
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from agent_desktop.backends.base import BackendContext
from agent_desktop.backends.matrix import CONVERSATION_EVENT, MatrixBackend, wire
from agent_desktop.backends.matrix.client import MatrixError
from agent_desktop.core import events as ev
from agent_desktop.core.models import AgentIdentity
from agent_desktop.core.types import Channel
from tests.unit.test_malformed_data import JSON_VALUES, mutate

AGENT = "@agent:localhost"
HOSTILE = "@hostile:localhost"
MARIE = "@marie:localhost"
PAUL = "@paul:localhost"
#: a room the agent was in before (resumed by the first sync), then written into
ACTIVE = "!active:localhost"
#: a hostile customer's invite and a well-behaved customer's invite, in the same reply
HOSTILE_ROOM = "!hostile:localhost"
INVITE = "!invite:localhost"


def conversation(customer: str, name: str, channel: str = "whatsapp") -> dict[str, Any]:
    return {
        "type": CONVERSATION_EVENT,
        "state_key": "",
        "sender": customer,
        "content": {
            "channel": channel,
            "customer": customer,
            "contact": {"id": f"crm-{name}", "name": name, "email": None, "phone": "+33600"},
            "first_message": "Bonjour",
        },
    }


def member(user: str, membership: str, sender: str, name: str | None = None) -> dict[str, Any]:
    content: dict[str, Any] = {"membership": membership}
    if name is not None:
        content["displayname"] = name
    return {"type": "m.room.member", "state_key": user, "sender": sender, "content": content}


def timeline_event(n: int, sender: str, content: object, **extra: Any) -> dict[str, Any]:
    return {
        "type": "m.room.message",
        "event_id": f"$e{n}",
        "sender": sender,
        "origin_server_ts": 1_700_000_000_000 + n,
        "content": content,
        **extra,
    }


def invite_room(customer: str, name: str) -> dict[str, Any]:
    return {
        "invite_state": {
            "events": [
                conversation(customer, name),
                member(customer, "join", customer, name),
                member(AGENT, "invite", customer),
            ]
        }
    }


def first_sync() -> dict[str, Any]:
    """The first sync of a restarted app: the agent's open chat with Paul."""
    return {
        "next_batch": "s1",
        "rooms": {
            "join": {
                ACTIVE: {
                    "state": {
                        "events": [
                            conversation(PAUL, "Paul Martin"),
                            member(PAUL, "join", PAUL, "Paul"),
                            member(AGENT, "join", AGENT, "Agent"),
                        ]
                    },
                    "timeline": {"events": []},
                }
            }
        },
    }


def second_sync() -> dict[str, Any]:
    """Paul writes; a hostile customer and Marie each offer a chat."""
    return {
        "next_batch": "s2",
        "rooms": {
            "invite": {
                HOSTILE_ROOM: invite_room(HOSTILE, "Hostile"),
                INVITE: invite_room(MARIE, "Marie Dupont"),
            },
            "join": {
                ACTIVE: {
                    "timeline": {
                        "events": [
                            timeline_event(1, PAUL, {"msgtype": "m.text", "body": "one"}),
                            timeline_event(2, PAUL, {"msgtype": "m.text", "body": "two"}),
                        ]
                    },
                    "ephemeral": {
                        "events": [{"type": "m.typing", "content": {"user_ids": [PAUL]}}]
                    },
                }
            },
        },
    }


def backend(tmp_path: Path) -> MatrixBackend:
    context = BackendContext(data_dir=tmp_path, cache_dir=tmp_path)
    made = MatrixBackend.create({"homeserver": "http://127.0.0.1:9", "user_id": AGENT}, context)
    assert isinstance(made, MatrixBackend)
    made._client.restore_login(AGENT, "DEVICE", "token")  # as a login does
    made._agent = AgentIdentity(id="agent", name="Agent")
    made._ready = True  # invites are offered at once
    return made


def apply(made: MatrixBackend, *replies: object) -> list[ev.BackendEvent]:
    """Feed ``replies`` to the backend as the sync loop does; the events it emitted."""

    async def run() -> None:
        for index, reply in enumerate(replies):
            update = wire.decode_sync(reply)
            if update is not None:
                await made._apply_sync(update, initial=index == 0)

    asyncio.run(run())
    emitted: list[ev.BackendEvent] = []
    while not made._events.empty():
        event = made._events.get_nowait()
        assert event is not None
        emitted.append(event)
    return emitted


def offered(events: list[ev.BackendEvent]) -> dict[str, ev.InteractionOffered]:
    return {e.interaction.id: e for e in events if isinstance(e, ev.InteractionOffered)}


def texts(events: list[ev.BackendEvent], room: str) -> list[str]:
    return [
        e.message.text
        for e in events
        if isinstance(e, ev.MessageReceived) and e.message.interaction_id == room
    ]


def test_a_well_formed_sync_offers_resumes_and_delivers(tmp_path: Path) -> None:
    events = apply(backend(tmp_path), first_sync(), second_sync())
    chats = offered(events)
    assert set(chats) == {ACTIVE, HOSTILE_ROOM, INVITE}
    marie = chats[INVITE].interaction
    assert (marie.contact.name, marie.contact.id, marie.channel) == (
        "Marie Dupont",
        "crm-Marie Dupont",
        Channel.WHATSAPP,
    )
    assert texts(events, ACTIVE) == ["one", "two"]
    assert [e.party_id for e in events if isinstance(e, ev.Typing)] == [PAUL]


def test_a_hostile_invite_does_not_take_other_chats_with_it(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """The audit's case: an invite whose contact is a string, next to Marie's invite and
    Paul's messages in the same sync reply: all of those still reach the agent, and the
    malformed state is logged with its raw form."""
    reply = second_sync()
    hostile = reply["rooms"]["invite"][HOSTILE_ROOM]["invite_state"]["events"]
    hostile[0]["content"]["contact"] = "\u202eevil"
    hostile[1]["content"]["displayname"] = {"not": "a name"}
    with caplog.at_level(logging.WARNING, logger="agent_desktop.backends.matrix.wire"):
        events = apply(backend(tmp_path), first_sync(), reply)
    chats = offered(events)
    assert chats[INVITE].interaction.contact.name == "Marie Dupont"
    assert texts(events, ACTIVE) == ["one", "two"]
    # the hostile chat is offered too, its malformed fields dropped (the defaults apply)
    hostile = chats[HOSTILE_ROOM].interaction
    assert (hostile.contact.id, hostile.contact.name, hostile.channel) == (
        HOSTILE,
        HOSTILE,
        Channel.WHATSAPP,
    )
    logged = [r.getMessage() for r in caplog.records]
    assert any(
        f"ignored the malformed contact of a {CONVERSATION_EVENT} content" in line
        and "\\u202eevil" in line
        for line in logged
    ), logged
    assert any("ignored the malformed displayname of a m.room.member" in x for x in logged)
    assert all("\u202e" not in line for line in logged)  # escaped, never raw


@pytest.mark.parametrize(
    ("bad", "why"),
    [
        ("not an event", "a string"),
        ({"type": "m.room.message", "sender": PAUL, "content": {"body": "x"}}, "no id"),
        (timeline_event(9, PAUL, {"body": 42}), "a body that is not text"),
        (timeline_event(9, PAUL, "content as a string"), "content not an object"),
        ({**timeline_event(9, PAUL, {"body": "x"}), "origin_server_ts": 10**400}, "huge"),
        ({**timeline_event(9, PAUL, {"body": "x"}), "origin_server_ts": "soon"}, "text ts"),
        ({**timeline_event(9, PAUL, {"body": "x"}), "sender": ["a"]}, "sender a list"),
        ({**timeline_event(9, PAUL, {"body": "x"}), "event_id": None}, "id null"),
    ],
)
def test_a_malformed_timeline_event_is_skipped_and_the_next_one_arrives(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, bad: Any, why: str
) -> None:
    reply = second_sync()
    events = reply["rooms"]["join"][ACTIVE]["timeline"]["events"]
    events.insert(1, bad)
    with caplog.at_level(logging.WARNING, logger="agent_desktop.backends.matrix.wire"):
        emitted = apply(backend(tmp_path), first_sync(), reply)
    assert texts(emitted, ACTIVE) == ["one", "two"], why
    assert INVITE in offered(emitted)
    assert any("skipped a malformed" in r.getMessage() for r in caplog.records), why


def test_odd_but_lenient_fields_keep_the_message(tmp_path: Path) -> None:
    """Where the specification is lenient, so is the backend: an unknown channel shows as
    web chat, a pushed URL or a display name of the wrong type is dropped, unknown fields
    are ignored, and a lone surrogate is repaired."""
    reply = second_sync()
    invite = reply["rooms"]["invite"][INVITE]["invite_state"]["events"]
    invite[0]["content"]["channel"] = "carrier-pigeon"
    invite[0]["content"]["extra"] = {"anything": [1, 2]}
    reply["rooms"]["join"][ACTIVE]["timeline"]["events"] = [
        timeline_event(
            1, PAUL, {"body": "one\ud800", wire.PUSHED_URL_FIELD: 7, "info": "big", "new": 1}
        ),
        timeline_event(2, PAUL, {"body": "two"}, unsigned={"transaction_id": 5}),
    ]
    emitted = apply(backend(tmp_path), first_sync(), reply)
    assert offered(emitted)[INVITE].interaction.channel is Channel.WEBCHAT
    messages = [e.message for e in emitted if isinstance(e, ev.MessageReceived)]
    assert [m.text for m in messages] == ["one\ufffd", "two"]
    assert [m.url for m in messages] == [None, None]
    assert [m.txn_id for m in messages] == [None, None]


def test_a_limited_timeline_keeps_its_prev_batch(caplog: pytest.LogCaptureFixture) -> None:
    reply = second_sync()
    reply["rooms"]["join"][ACTIVE]["timeline"].update(limited=True, prev_batch="t9-1")
    update = wire.decode_sync(reply)
    assert update is not None
    assert (update.join[0].limited, update.join[0].prev_batch) == (True, "t9-1")
    reply["rooms"]["join"][ACTIVE]["timeline"].update(limited="yes", prev_batch=3)
    with caplog.at_level(logging.WARNING, logger="agent_desktop.backends.matrix.wire"):
        update = wire.decode_sync(reply)
    assert update is not None
    assert (update.join[0].limited, update.join[0].prev_batch) == (False, None)
    assert [e.event_id for e in update.join[0].timeline] == ["$e1", "$e2"]  # still there
    assert "ignored the malformed limited, prev_batch" in caplog.text


def test_a_sync_reply_without_next_batch_is_refused_and_logged(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.WARNING, logger="agent_desktop.backends.matrix.wire"):
        assert wire.decode_sync({"rooms": {}}) is None
        assert wire.decode_sync(["not", "a", "reply"]) is None
    assert len([r for r in caplog.records if "sync reply" in r.getMessage()]) == 2


def test_api_answers_are_parsed_too(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="agent_desktop.backends.matrix.wire"):
        with pytest.raises(MatrixError, match="unexpected answer to the room creation"):
            wire.expect(wire.RoomId, {"room_id": 12}, "the room creation")
        assert wire.joined_members({"joined": {"@a:x": {"display_name": 3}, "@b:x": "?"}}) == {
            "@a:x": None,
            "@b:x": None,
        }
        assert wire.joined_members({"joined": "everyone"}) == {}
        assert wire.directory_users({"results": [{"user_id": "@a:x"}, {"user_id": 1}, 2]}) == [
            ("@a:x", None)
        ]
        page = wire.decode_page({"chunk": [timeline_event(1, PAUL, {"body": "a"}), 3], "end": 4})
        assert [e.event_id for e in page.events] == ["$e1"]
        assert (page.end, page.size) == (None, 2)
        found = wire.decode_search({"search_categories": {"room_events": {"results": [1]}}})
        assert (found.events, found.next_batch, found.size) == ([], None, 1)


# fuzzing --------------------------------------------------------------------------------
FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(
    st.one_of(JSON_VALUES, st.dictionaries(st.sampled_from(["next_batch", "rooms"]), JSON_VALUES))
)
def test_decode_sync_never_raises_on_random_data(raw: Any) -> None:
    update = wire.decode_sync(raw)
    assert update is None or isinstance(update.next_batch, str)


@FUZZ
@given(JSON_VALUES)
def test_every_decoder_never_raises_on_random_data(raw: Any) -> None:
    wire.decode_page(raw)
    wire.decode_search(raw)
    wire.joined_members(raw)
    wire.directory_users(raw)
    models: tuple[type[wire.RoomEvent | wire.StateEvent | wire.EphemeralEvent], ...] = (
        wire.RoomEvent,
        wire.StateEvent,
        wire.EphemeralEvent,
    )
    for model in models:
        event = wire.decode(model, raw, "fuzz")
        if event is not None:
            for content in (
                wire.MessageContent,
                wire.MemberContent,
                wire.ConversationContent,
                wire.TypingContent,
            ):
                wire.decode_content(content, event)
            if isinstance(event, wire.EphemeralEvent):
                wire.receipts_of(event)


@pytest.fixture(scope="module")
def fuzz_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("matrix-fuzz")


@FUZZ
@given(data=st.data())
def test_a_mutated_hostile_room_never_hides_another_customer(
    data: st.DataObject, fuzz_dir: Path
) -> None:
    """Random changes anywhere in the hostile customer's invite (its state, its events,
    the room's whole entry): never a crash, and Marie's invite and Paul's messages in the
    same reply always reach the agent."""
    reply = second_sync()
    entry = reply["rooms"]["invite"][HOSTILE_ROOM]
    reply["rooms"]["invite"][HOSTILE_ROOM] = mutate(entry, data)
    emitted = apply(backend(fuzz_dir), first_sync(), reply)
    assert INVITE in offered(emitted)
    assert texts(emitted, ACTIVE) == ["one", "two"]


@FUZZ
@given(data=st.data())
def test_a_mutated_sync_reply_never_crashes_the_backend(
    data: st.DataObject, fuzz_dir: Path
) -> None:
    """Random changes anywhere in a whole sync reply (and a second one on top): the backend
    never raises, and every event it emits is a valid backend event."""
    made = backend(fuzz_dir)
    first = mutate(first_sync(), data) if data.draw(st.booleans()) else first_sync()
    second = mutate(copy.deepcopy(second_sync()), data)
    for event in apply(made, first, second):
        assert ev.EVENT_ADAPTER.validate_python(event.model_dump()) == event
