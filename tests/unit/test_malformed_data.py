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
from typing import Any, get_args

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

MESSAGE: dict[str, Any] = {
    "id": "m1",
    "interaction_id": "i1",
    "author_id": "c1",
    "author_name": "Marie",
    "author_role": "customer",
    "text": "Bonjour",
    "time": 1.0,
    "txn_id": None,
    "delivery": "sent",
    "url": None,
    "channel": "whatsapp",
    "image": {"mime": "image/png", "filename": "a.png", "data": "iVBORw0K", "width": 2},
    "image_refused": None,
}
CONTACT: dict[str, Any] = {
    "id": "c1",
    "name": "Marie",
    "channels": [{"channel": "sms", "address": "+1"}],
    "email": "marie@example.com",
    "phone": None,
}
PARTY: dict[str, Any] = {"id": "p1", "name": "Léa", "role": "colleague", "state": "connected"}

#: one well-formed example of every event type, every field set (see the coverage test)
VALID_EVENTS: list[dict[str, Any]] = [
    {
        "type": "interaction_offered",
        "interaction": {
            "id": "i1",
            "contact": CONTACT,
            "channel": "sms",
            "subject": "Commande",
            "first_message": "Bonjour",
            "offered_at": 3.0,
            "parties": [PARTY],
            "outbound": False,
        },
    },
    {"type": "interaction_accepted", "interaction_id": "i1", "time": 1.0},
    {"type": "interaction_revoked", "interaction_id": "i1", "reason": "timeout"},
    {"type": "interaction_ended", "interaction_id": "i1", "time": 2.0, "by_contact": True},
    {"type": "interaction_transferred", "interaction_id": "i1", "target_name": "Billing"},
    {"type": "consultation_ended", "consultation_id": "k1", "outcome": "conference"},
    {"type": "message_received", "message": MESSAGE},
    {
        "type": "message_delivered",
        "interaction_id": "i1",
        "txn_id": "t",
        "message_id": "m",
        "time": 2,
    },
    {"type": "message_status", "interaction_id": "i1", "txn_id": "t", "status": "read", "time": 3},
    {"type": "message_failed", "interaction_id": "i1", "txn_id": "t", "reason": "blocked"},
    {"type": "typing", "interaction_id": "i1", "party_id": "p1", "typing": True},
    {"type": "party_joined", "interaction_id": "i1", "party": PARTY},
    {"type": "party_left", "interaction_id": "i1", "party_id": "p1"},
    {"type": "party_connection", "interaction_id": "i1", "party_id": "p1", "state": "left"},
    {"type": "contact_presence", "contact_id": "c1", "channel": "webchat", "connected": True},
    {"type": "connection", "state": "connected", "detail": ""},
    {"type": "interaction_reactivated", "interaction_id": "i1", "time": 4.0},
    {"type": "conversation_reply", "contact": CONTACT, "message": MESSAGE},
    {
        "type": "public_post",
        "post": {
            "id": "post1",
            "contact_id": "c1",
            "author_name": "Marie",
            "network": "twitter",
            "text": "@company hello",
            "time": 5.0,
        },
    },
]
EVENT_TYPES = [example["type"] for example in VALID_EVENTS]


def test_the_examples_cover_every_event_type_and_are_valid() -> None:
    (union, _discriminator) = get_args(BackendEvent)
    declared = {cls.model_fields["type"].default for cls in get_args(union)}
    assert set(EVENT_TYPES) == declared
    for example in VALID_EVENTS:
        assert decode_event(example).type == example["type"]
        assert decode_event(json.dumps(example)).type == example["type"]


#: what a broken or hostile peer puts where a scalar belongs
ODD_SCALARS: st.SearchStrategy[Any] = st.sampled_from(
    [None, "", " ", "\x00", "\ud800", "\u202e", "x" * 5000, "1", "true", "null", 0, -1, 2**64,
     1e308, float("nan"), float("inf"), True, [], {}]
)  # fmt: skip


def mutate_scalar(value: Any, data: st.DataObject) -> Any:
    """``value`` changed a little (its text edited, its type swapped) or replaced."""
    how = data.draw(st.sampled_from(["odd", "random", "edit", "retype"]))
    if how == "odd":
        return data.draw(ODD_SCALARS)
    if how == "random" or value is None:
        return data.draw(JSON_VALUES)
    if how == "edit" and isinstance(value, str):
        at = data.draw(st.integers(0, len(value)))
        return value[:at] + data.draw(st.text(ANY_CHAR, min_size=1, max_size=3)) + value[at:]
    if how == "edit" and isinstance(value, bool):
        return not value
    if how == "edit" and isinstance(value, int | float):
        return value * data.draw(st.sampled_from([-1, 0, 10**20, 0.5]))
    return str(value) if not isinstance(value, str) else [value]  # "1.0" for 1.0, [s] for s


def mutate(value: Any, data: st.DataObject) -> Any:
    """One change somewhere inside ``value``: a key dropped, renamed or added, a value edited
    or replaced, a list emptied or grown, the event's type swapped for another's."""
    if isinstance(value, dict) and value:
        key = data.draw(st.sampled_from(sorted(value)))
        action = data.draw(st.sampled_from(["drop", "rename", "replace", "recurse", "add"]))
        copy = dict(value)
        if action == "drop":
            del copy[key]
        elif action == "rename":
            copy[key.upper() if key != key.upper() else key + "_"] = copy.pop(key)
        elif action == "replace":
            copy[key] = data.draw(JSON_VALUES)
        elif action == "add":
            copy[data.draw(st.text(max_size=8))] = data.draw(JSON_VALUES)
        elif key == "type" and data.draw(st.booleans()):
            copy[key] = data.draw(st.sampled_from(EVENT_TYPES))  # another event's fields
        else:
            copy[key] = mutate(copy[key], data)
        return copy
    if isinstance(value, list) and value:
        action = data.draw(st.sampled_from(["recurse", "empty", "grow"]))
        if action == "empty":
            return []
        if action == "grow":
            return value * data.draw(st.integers(2, 50))
        index = data.draw(st.integers(0, len(value) - 1))
        return [mutate(v, data) if i == index else v for i, v in enumerate(value)]
    return mutate_scalar(value, data)


@given(st.one_of(JSON_VALUES, st.text(), st.binary()))
def test_decode_event_returns_an_event_or_raises_validation_error(raw: Any) -> None:
    if not isinstance(raw, dict | str | bytes):
        raw = json.dumps(raw)
    try:
        event = decode_event(raw)
    except ValidationError:
        return
    assert event.type  # a real event


@pytest.mark.parametrize("original", VALID_EVENTS, ids=EVENT_TYPES)
@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_mutated_events_decode_or_are_refused(
    original: dict[str, Any], data: st.DataObject
) -> None:
    """Every event type, changed a little (one to three times): decoded into a valid event
    or refused with ``ValidationError`` by ``decode_event``, never anything else; skipped
    (None) by ``parse_event``, which never raises; what decodes survives a round trip."""
    mutated: Any = original
    for _ in range(data.draw(st.integers(1, 3))):
        mutated = mutate(mutated, data)
    as_text = data.draw(st.booleans())
    try:
        raw: Any = json.dumps(mutated) if as_text else mutated
    except ValueError:  # out-of-range floats and the like cannot even be sent as JSON
        return
    try:
        decoded: BackendEvent | None = decode_event(raw)
    except ValidationError:
        decoded = None
    # parse_event never raises: it gives the same event, or None for what decode refuses
    assert parse_event(raw, source="fuzz") == decoded
    if decoded is not None:
        again = decode_event(decoded.model_dump_json())
        assert again == decoded or again.model_dump_json() == decoded.model_dump_json()


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


# the demo backend's API under random and mutated input ------------------------------------

#: any code point: controls, NUL and lone surrogates included (hypothesis leaves surrogates
#: out unless asked)
ANY_CHAR = st.characters(exclude_categories=())
TEXT = st.text(ANY_CHAR, max_size=30)
#: a chat started in the scenario (its index), or one of them changed a little
ID_MUTATIONS = ("truncate", "upper", "space", "nul", "surrogate", "empty")
REF = st.one_of(st.integers(0, 5), st.tuples(st.integers(0, 5), st.sampled_from(ID_MUTATIONS)))
CHANNELS = st.one_of(st.sampled_from([c.value for c in Channel]), TEXT)
LIMITS = st.one_of(st.integers(-3, 100), st.sampled_from([0, 1, 2**31, 2**63 - 1]))
TIMES = st.one_of(st.none(), st.floats(), st.sampled_from([0.0, -1.0, 1e300]))
TXNS = st.one_of(st.sampled_from(["t1", "t2"]), TEXT)
#: (name, arguments): what the customers do (synchronous; KeyError for an unknown chat,
#: ValueError for what a customer cannot do) and what the agent does (BackendError)
CUSTOMER_OPS = st.one_of(
    st.tuples(st.just("start_chat"), TEXT, st.one_of(st.none(), TEXT), CHANNELS),
    st.tuples(st.just("say"), REF, TEXT),
    st.tuples(st.just("typing"), REF, st.booleans()),
    st.tuples(st.just("leave"), REF),
    st.tuples(st.just("received"), REF),
    st.tuples(st.just("send_offline"), TEXT, TEXT, CHANNELS),
    st.tuples(st.just("post_public"), TEXT, TEXT, st.sampled_from(["facebook", "twitter", "x"])),
)
AGENT_OPS = st.one_of(
    st.tuples(st.just("set_ready"), st.one_of(st.just("chat"), TEXT), st.booleans()),
    st.tuples(st.just("accept"), REF),
    st.tuples(st.just("reject"), REF),
    st.tuples(st.just("end"), REF),
    st.tuples(st.just("send"), REF, TEXT, TXNS),
    st.tuples(st.just("send_typing"), REF, st.booleans()),
    st.tuples(st.just("push_url"), REF, TEXT, TXNS),
    st.tuples(st.just("done"), REF, st.one_of(st.none(), TEXT), TEXT),
    st.tuples(st.just("reactivate"), REF),
    st.tuples(st.just("transfer"), REF, st.sampled_from(["queue:billing", "nobody", ""])),
    st.tuples(st.just("targets"), TEXT),
    st.tuples(st.just("search_contacts"), TEXT, LIMITS),
    st.tuples(st.just("history"), REF, TIMES, LIMITS),
    st.tuples(st.just("search_messages"), REF, TEXT),
    st.tuples(st.just("contact"), REF),
    st.tuples(st.just("start_interaction"), REF, CHANNELS),
    st.tuples(st.just("send_to_contact"), REF, CHANNELS, TEXT, TXNS),
    st.tuples(st.just("interaction_infos"), st.lists(REF, max_size=3)),
    st.tuples(st.just("public_posts"), st.one_of(st.none(), REF), LIMITS),
)
OPERATIONS = st.lists(
    st.one_of(CUSTOMER_OPS, AGENT_OPS, st.tuples(st.just("raw"), st.one_of(JSON_VALUES, TEXT))),
    max_size=25,
)
AGENT_OP_NAMES = {
    "set_ready", "accept", "reject", "end", "send", "send_typing", "push_url", "done",
    "reactivate", "transfer", "targets", "search_contacts", "history", "search_messages",
    "contact", "start_interaction", "send_to_contact", "interaction_infos", "public_posts",
}  # fmt: skip


def mutated_id(value: str, how: str) -> str:
    return {
        "truncate": value[:-1],
        "upper": value.upper(),
        "space": value + " ",
        "nul": value + "\x00",
        "surrogate": "\ud800" + value,
        "empty": "",
    }[how]


class Scenario:
    """The chats (and their contacts) the operations started, to point at or mutate."""

    def __init__(self, backend: DemoBackend) -> None:
        self.backend = backend
        self.ids: list[str] = []
        self.contacts: list[str] = []

    def resolve(self, ref: int | tuple[int, str], pool: list[str]) -> tuple[str, bool]:
        """(the id ``ref`` points at, whether it is one of ``pool``)."""
        index, how = ref if isinstance(ref, tuple) else (ref, None)
        if index >= len(pool):
            return f"unknown-{index}", False
        value = pool[index] if how is None else mutated_id(pool[index], how)
        return value, value in pool

    def iid(self, ref: int | tuple[int, str]) -> str:
        return self.resolve(ref, self.ids)[0]

    def contact(self, ref: int | tuple[int, str]) -> str:
        return self.resolve(ref, self.contacts)[0]

    async def apply(self, op: tuple[Any, ...]) -> None:
        kind, *args = op
        if kind in AGENT_OP_NAMES:
            await self.agent(kind, args)
        elif kind == "raw":
            raw = args[0]
            self.backend.inject_raw_event(raw if isinstance(raw, dict | str) else json.dumps(raw))
        else:
            await self.customer(kind, args)

    async def customer(self, kind: str, args: list[Any]) -> None:
        customers = self.backend.customers
        if kind == "start_chat":
            iid = customers.start_chat(args[0], args[1], channel=args[2])
            self.ids.append(iid)
            (info,) = await self.backend.interaction_infos([iid])
            self.contacts.append(info.contact_id)
            return
        if kind == "send_offline":
            customers.send_offline(args[0], args[1], channel=args[2])
            return
        if kind == "post_public":
            customers.post_public(args[0], args[1], channel=args[2])
            return
        iid, known = self.resolve(args[0], self.ids)
        try:
            match kind:
                case "say":
                    customers.say(iid, args[1])
                case "typing":
                    customers.typing(iid, args[1])
                case "leave":
                    customers.leave(iid)
                case "received":
                    customers.received(iid)
        except KeyError:
            assert not known, f"{kind} of a chat that was started raised KeyError"
            raise

    async def agent(self, kind: str, args: list[Any]) -> None:
        backend = self.backend
        match kind:
            case "set_ready":
                await backend.set_ready(args[0], args[1])
            case "accept":
                await backend.accept(self.iid(args[0]))
            case "reject":
                await backend.reject(self.iid(args[0]))
            case "end":
                await backend.end(self.iid(args[0]))
            case "send":
                await backend.send_message(self.iid(args[0]), args[1], args[2])
            case "send_typing":
                await backend.send_typing(self.iid(args[0]), args[1])
            case "push_url":
                await backend.push_url(self.iid(args[0]), args[1], args[2])
            case "done":
                await backend.mark_done(self.iid(args[0]), args[1], args[2])
            case "reactivate":
                await backend.reactivate(self.iid(args[0]))
            case "transfer":
                await backend.transfer(self.iid(args[0]), args[1])
            case "targets":
                await backend.targets(args[0])
            case "search_contacts":
                await backend.search_contacts(args[0], args[1])
            case "history":
                await backend.history(self.contact(args[0]), args[1], args[2])
            case "search_messages":
                await backend.search_messages(self.contact(args[0]), args[1])
            case "contact":
                await backend.contact(self.contact(args[0]))
            case "start_interaction":
                await backend.start_interaction(self.contact(args[0]), args[1])
            case "send_to_contact":
                await backend.send_to_contact(self.contact(args[0]), args[1], args[2], args[3])
            case "interaction_infos":
                await backend.interaction_infos([self.iid(ref) for ref in args[0]])
            case "public_posts":
                contact = None if args[0] is None else self.contact(args[0])
                await backend.public_posts(contact, args[1])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(OPERATIONS)
def test_the_demo_backend_api_survives_random_calls(operations: list[tuple[Any, ...]]) -> None:
    """Only the documented exceptions: ``BackendError`` from the agent's side (base.py), and
    from the customers' side ``KeyError`` for a chat never started and ``ValueError`` for
    what a customer cannot do (simulator.py). Anything else fails the test. The database
    stays intact and opens again."""

    async def scenario(folder: Path) -> None:
        context = BackendContext(data_dir=folder, cache_dir=folder / "cache")
        config = DemoConfig(colleague_answer_s=0, delivered_after_s=0, read_after_s=0)
        backend = DemoBackend(config, context)
        events: list[BackendEvent] = []

        async def collect() -> None:
            async for event in backend.events():
                events.append(event)

        collector = asyncio.get_running_loop().create_task(collect())
        await backend.connect(AGENT)
        await backend.set_ready("chat", True)
        state = Scenario(backend)
        try:
            for op in operations:
                documented = (BackendError,) if op[0] in AGENT_OP_NAMES else (KeyError, ValueError)
                with contextlib.suppress(*documented):
                    await state.apply(op)
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
        "record_interaction_events": lambda: backend.record_interaction_events(
            [
                LogEvent(value, LogEventKind.ACCEPTED, 1.0, Channel.SMS, value, value),
                LogEvent(iid, LogEventKind.CONTACT_MESSAGE, 2.0, Channel.WEBCHAT, value, value),
            ]
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
