"""Malformed backend data: every event is parsed by pydantic; garbage is logged and skipped;
hypothesis fuzzes the event decoder and the demo backend's API (no crash, no corrupt DB)."""

from __future__ import annotations

import asyncio
import contextlib
import inspect
import json
import logging
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from agent_desktop.backends.base import BackendContext, BackendError, MessagingBackend
from agent_desktop.backends.demo import DemoBackend, DemoConfig
from agent_desktop.core.events import (
    BackendEvent,
    MessageReceived,
    Typing,
    decode_event,
    parse_event,
)
from agent_desktop.core.interaction_log import LogEvent, LogEventKind
from agent_desktop.core.models import AgentIdentity, ImageAttachment, Message, valid_unicode
from agent_desktop.core.types import Channel, PartyRole

AGENT = AgentIdentity(id="a1", name="Alice")

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=12,
)

VALID_EVENTS: list[dict[str, Any]] = [
    {"type": "typing", "interaction_id": "i1", "party_id": "p1", "typing": True},
    {
        "type": "message_received",
        "message": {
            "id": "m1",
            "interaction_id": "i1",
            "author_id": "c1",
            "author_name": "Marie",
            "author_role": "customer",
            "text": "Bonjour",
            "time": 1.0,
        },
    },
    {
        "type": "message_delivered",
        "interaction_id": "i1",
        "txn_id": "t",
        "message_id": "m",
        "time": 2,
    },
    {"type": "connection", "state": "connected"},
    {
        "type": "interaction_offered",
        "interaction": {
            "id": "i1",
            "contact": {
                "id": "c1",
                "name": "Marie",
                "channels": [{"channel": "sms", "address": "+1"}],
            },
            "channel": "sms",
            "offered_at": 3.0,
        },
    },
]


def mutate(value: Any, data: st.DataObject) -> Any:
    """One random change somewhere inside ``value`` (a key dropped, a value replaced...)."""
    if isinstance(value, dict) and value:
        key = data.draw(st.sampled_from(sorted(value)))
        action = data.draw(st.sampled_from(["drop", "replace", "recurse", "add"]))
        copy = dict(value)
        if action == "drop":
            del copy[key]
        elif action == "replace":
            copy[key] = data.draw(JSON_VALUES)
        elif action == "add":
            copy[data.draw(st.text(max_size=8))] = data.draw(JSON_VALUES)
        else:
            copy[key] = mutate(copy[key], data)
        return copy
    if isinstance(value, list) and value:
        index = data.draw(st.integers(0, len(value) - 1))
        return [mutate(v, data) if i == index else v for i, v in enumerate(value)]
    return data.draw(JSON_VALUES)


@given(st.one_of(JSON_VALUES, st.text(), st.binary()))
def test_decode_event_returns_an_event_or_raises_validation_error(raw: Any) -> None:
    if not isinstance(raw, dict | str | bytes):
        raw = json.dumps(raw)
    try:
        event = decode_event(raw)
    except ValidationError:
        return
    assert event.type  # a real event


@given(st.data())
def test_mutated_events_decode_or_are_refused(data: st.DataObject) -> None:
    original = data.draw(st.sampled_from(VALID_EVENTS))
    mutated = mutate(original, data)
    as_text = data.draw(st.booleans())
    try:
        raw: Any = json.dumps(mutated) if as_text else mutated
    except ValueError:  # NaN in JSON is fine for json.dumps; anything else we skip
        return
    try:
        decoded: BackendEvent | None = decode_event(raw)
    except ValidationError:
        decoded = None
    # parse_event never raises: it gives the same event, or None for what decode refuses
    assert parse_event(raw, source="fuzz") == decoded


@given(st.one_of(JSON_VALUES, st.text(), st.binary()))
def test_parse_event_never_raises(raw: Any) -> None:
    parse_event(raw if isinstance(raw, dict | str | bytes) else json.dumps(raw))


def test_a_malformed_event_is_logged_with_its_raw_form_and_skipped(
    caplog: pytest.LogCaptureFixture,
) -> None:
    with caplog.at_level(logging.WARNING, logger="agent_desktop.core.events"):
        assert parse_event('{"type": "typing", "interaction_id": 5}', source="test") is None
        assert parse_event("not json at all \x00", source="test") is None
        assert parse_event({"type": "nope", "evil": "\u202e"}, source="test") is None
    lines = [r.getMessage() for r in caplog.records]
    assert len(lines) == 3
    assert '{"type": "typing", "interaction_id": 5}' in lines[0]
    assert "\\x00" in lines[1]  # escaped, never a raw control character in the log
    assert "\\u202e" in lines[2]
    assert all("\x00" not in line and "\u202e" not in line for line in lines)


def test_the_raw_form_in_the_log_is_bounded(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING, logger="agent_desktop.core.events"):
        parse_event("x" * 1_000_000)
    assert len(caplog.records[0].getMessage()) < 3000


def test_lone_surrogates_from_the_wire_become_replacement_characters() -> None:
    event = decode_event(
        {
            "type": "message_received",
            "message": {
                "id": "m\ud800",
                "interaction_id": "i1",
                "author_id": "c1",
                "author_name": "Ma\udfffrie",
                "author_role": "customer",
                "text": "a\ud83d",
                "time": 1.0,
            },
        }
    )
    assert isinstance(event, MessageReceived)
    assert event.message.text == "a\ufffd"
    assert event.message.author_name == "Ma\ufffdrie"
    assert event.message.id == "m\ufffd"
    assert valid_unicode("ok 👍") == "ok 👍"
    # a pair split in two code units is joined back, not replaced
    assert valid_unicode("\ud83d\udc4d") == "👍"
    typing = decode_event(
        {"type": "typing", "interaction_id": "\udc00", "party_id": "p", "typing": 1}
    )
    assert isinstance(typing, Typing) and typing.interaction_id == "\ufffd"


# the demo backend's API under random input ------------------------------------------------

TEXT = st.text(max_size=30)  # includes controls, NUL and lone surrogates
OPERATIONS = st.lists(
    st.one_of(
        st.tuples(st.just("start_chat"), TEXT, st.one_of(st.none(), TEXT)),
        st.tuples(st.just("say"), st.integers(0, 5), TEXT),
        st.tuples(st.just("typing"), st.integers(0, 5), st.booleans()),
        st.tuples(st.just("leave"), st.integers(0, 5)),
        st.tuples(st.just("accept"), st.integers(0, 5)),
        st.tuples(st.just("reject"), st.integers(0, 5)),
        st.tuples(st.just("end"), st.integers(0, 5)),
        st.tuples(
            st.just("send"), st.integers(0, 5), TEXT, st.one_of(st.sampled_from(["t1", "t2"]), TEXT)
        ),
        st.tuples(st.just("push_url"), st.integers(0, 5), TEXT),
        st.tuples(st.just("done"), st.integers(0, 5), st.one_of(st.none(), TEXT), TEXT),
        st.tuples(st.just("search_contacts"), TEXT, st.integers(-3, 100)),
        st.tuples(st.just("history"), TEXT, st.one_of(st.none(), st.floats()), st.integers(-3, 50)),
        st.tuples(st.just("search_messages"), TEXT, TEXT),
        st.tuples(st.just("raw"), st.one_of(JSON_VALUES, TEXT)),
        st.tuples(st.just("received"), st.integers(0, 5)),
    ),
    max_size=25,
)


async def apply(backend: DemoBackend, ids: list[str], op: tuple[Any, ...]) -> None:
    def iid(n: int) -> str:
        return ids[n] if n < len(ids) else f"unknown-{n}"

    kind, *args = op
    customers = backend.customers
    match kind:
        case "start_chat":
            ids.append(customers.start_chat(args[0], args[1]))
        case "say":
            customers.say(iid(args[0]), args[1])
        case "typing":
            customers.typing(iid(args[0]), args[1])
        case "leave":
            customers.leave(iid(args[0]))
        case "received":
            customers.received(iid(args[0]))
        case "accept":
            await backend.accept(iid(args[0]))
        case "reject":
            await backend.reject(iid(args[0]))
        case "end":
            await backend.end(iid(args[0]))
        case "send":
            await backend.send_message(iid(args[0]), args[1], args[2])
        case "push_url":
            await backend.push_url(iid(args[0]), args[1], f"url-{args[1]!r}")
        case "done":
            await backend.mark_done(iid(args[0]), args[1], args[2])
        case "search_contacts":
            await backend.search_contacts(args[0], args[1])
        case "history":
            await backend.history(args[0], args[1], args[2])
        case "search_messages":
            await backend.search_messages(args[0], args[1])
        case "raw":
            raw = args[0]
            backend.inject_raw_event(raw if isinstance(raw, dict | str) else json.dumps(raw))


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(OPERATIONS)
def test_the_demo_backend_api_survives_random_calls(operations: list[tuple[Any, ...]]) -> None:
    """Only documented exceptions (BackendError from the agent side, KeyError / ValueError
    from the simulator); the database stays intact and opens again."""

    async def scenario(folder: Path) -> None:
        context = BackendContext(data_dir=folder, cache_dir=folder / "cache")
        backend = DemoBackend(DemoConfig(), context)
        events: list[BackendEvent] = []

        async def collect() -> None:
            async for event in backend.events():
                events.append(event)

        collector = asyncio.get_running_loop().create_task(collect())
        await backend.connect(AGENT)
        await backend.set_ready("chat", True)
        ids: list[str] = []
        try:
            for op in operations:
                with contextlib.suppress(BackendError, KeyError, ValueError):
                    await apply(backend, ids, op)
        finally:
            await backend.disconnect()
            await collector
        for event in events:
            if isinstance(event, MessageReceived):
                assert isinstance(event.message, Message)
                assert event.message.author_role in set(PartyRole)
        database = sqlite3.connect(folder / "demo.sqlite3")
        try:
            assert database.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        finally:
            database.close()
        again = DemoBackend(DemoConfig(), context)
        await again.connect(AGENT)
        await again.disconnect()

    with tempfile.TemporaryDirectory() as folder:
        asyncio.run(scenario(Path(folder)))


#: ids and texts a broken or hostile client might send
HOSTILE = ["", " ", "\x00", "\ud800", "a\udfffb", "x" * 10_000, "' OR 1=1 --", "%", "unknown"]


def api_calls(backend: DemoBackend, iid: str, contact: str, value: str) -> dict[str, Any]:
    """Every agent-side method of the demo backend, with ``value`` in one argument (an id,
    a text or a query) and real ids (``iid``, ``contact``) in the others."""
    return {
        "set_ready": lambda: backend.set_ready(value, True),
        "accept": lambda: backend.accept(value),
        "reject": lambda: backend.reject(value),
        "send_message": lambda: backend.send_message(value, "texte", "txn-a"),
        "send_message text": lambda: backend.send_message(iid, value, f"txn-{value}"),
        "send_message txn": lambda: backend.send_message(iid, "texte", value),
        "send_typing": lambda: backend.send_typing(value, True),
        "push_url": lambda: backend.push_url(iid, value, f"url-{value}"),
        "send_image": lambda: backend.send_image(value, b"\x89PNG", "image/png", value, "img"),
        "end": lambda: backend.end(value),
        "mark_done": lambda: backend.mark_done(value, value, value),
        "transfer": lambda: backend.transfer(iid, value),
        "conference": lambda: backend.conference(iid, value),
        "consult": lambda: backend.consult(value, value),
        "complete_transfer": lambda: backend.complete_transfer(value),
        "consultation_to_conference": lambda: backend.consultation_to_conference(value),
        "end_consultation": lambda: backend.end_consultation(value),
        "leave_conference": lambda: backend.leave_conference(value),
        "remove_party": lambda: backend.remove_party(iid, value),
        "start_call": lambda: backend.start_call(value, value),
        "start_email": lambda: backend.start_email(value, value),
        "targets": lambda: backend.targets(value),
        "search_contacts": lambda: backend.search_contacts(value),
        "history": lambda: backend.history(value),
        "search_messages": lambda: backend.search_messages(contact, value),
        "send_to_contact": lambda: backend.send_to_contact(value, Channel.SMS, value, value),
        "send_image_to_contact": lambda: backend.send_image_to_contact(
            value,
            Channel.SMS,
            ImageAttachment(mime="image/png", filename=value, data=b"\x89PNG"),
            value,
        ),
        "reactivate": lambda: backend.reactivate(value),
        "start_interaction": lambda: backend.start_interaction(value, Channel.WEBCHAT),
        "contact": lambda: backend.contact(value),
        "interaction_infos": lambda: backend.interaction_infos([iid, value]),
        "public_posts": lambda: backend.public_posts(value),
        "record_interaction_event": lambda: backend.record_interaction_event(
            LogEvent(value, LogEventKind.ACCEPTED, 1.0, Channel.SMS, value, value)
        ),
        "standard_responses": backend.standard_responses,
        "connected_contacts": backend.connected_contacts,
    }


def test_every_demo_api_method_answers_hostile_input_with_a_backend_error_at_most() -> None:
    """Each agent-side method, with each hostile value: a result or ``BackendError``."""

    async def scenario(folder: Path) -> list[str]:
        context = BackendContext(data_dir=folder, cache_dir=folder / "cache")
        backend = DemoBackend(DemoConfig(colleague_answer_s=0), context)
        await backend.connect(AGENT)
        await backend.set_ready("chat", True)
        iid = backend.customers.start_chat("Marie", "Bonjour")
        await backend.accept(iid)
        infos = await backend.interaction_infos([iid])
        contact = infos[0].contact_id
        undocumented: list[str] = []
        try:
            for value in HOSTILE:
                for name, call in api_calls(backend, iid, contact, value).items():
                    try:
                        await call()
                    except BackendError:
                        pass
                    except Exception as exc:
                        undocumented.append(f"{name}({value[:12]!r}): {exc!r}")
        finally:
            await backend.disconnect()
        return undocumented

    with tempfile.TemporaryDirectory() as folder:
        undocumented = asyncio.run(scenario(Path(folder)))
    assert undocumented == [], "\n".join(undocumented)


def test_the_hostile_input_test_calls_every_method_of_the_contract(tmp_path: Path) -> None:
    backend = DemoBackend(DemoConfig(), BackendContext(data_dir=tmp_path, cache_dir=tmp_path))
    contract = {
        name
        for name, _ in inspect.getmembers(MessagingBackend, inspect.iscoroutinefunction)
        if name not in ("connect", "disconnect")
    }
    called = {name.split()[0] for name in api_calls(backend, "", "", "")}
    assert contract <= called, contract - called
