"""Interaction state machine, event decoding, settings, atomic writes and paths."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
from pydantic import ValidationError

from agent_desktop.core.atomic import write_atomic
from agent_desktop.core.consultation import (
    ConsultationLifecycle,
    ConsultationState,
    InvalidConsultationTransition,
    can_consult_transition,
)
from agent_desktop.core.events import (
    InteractionOffered,
    MessageReceived,
    Typing,
    decode_event,
)
from agent_desktop.core.interaction import (
    InteractionLifecycle,
    InvalidTransition,
    can_transition,
)
from agent_desktop.core.models import Contact, InteractionSummary, Message
from agent_desktop.core.paths import ProfilePaths
from agent_desktop.core.settings import Settings, merge, settings_with
from agent_desktop.core.types import Channel, InteractionState, PartyRole

S = InteractionState
ALLOWED = {
    (S.OFFERED, S.ACTIVE),
    (S.OFFERED, S.REJECTED),
    (S.OFFERED, S.ENDED),
    (S.ACTIVE, S.ENDED),
    (S.ENDED, S.DONE),
    (S.ENDED, S.ACTIVE),  # reactivated: the agent writes in an ended chat
    (S.ACTIVE, S.TRANSFERRED),
}
C = ConsultationState
CONSULT_ALLOWED = {
    (C.REQUESTED, C.ACTIVE),
    (C.REQUESTED, C.FAILED),
    (C.ACTIVE, C.TRANSFERRED),
    (C.ACTIVE, C.CONFERENCED),
    (C.ACTIVE, C.ENDED),
}


@pytest.mark.parametrize(("current", "target"), list(itertools.product(S, S)))
def test_every_transition(current: S, target: S) -> None:
    lifecycle = InteractionLifecycle(state=current)
    if (current, target) in ALLOWED:
        assert can_transition(current, target)
        lifecycle.move(target, 5.0)
        assert lifecycle.state is target
        assert lifecycle.entered[target] == 5.0
    else:
        assert not can_transition(current, target)
        with pytest.raises(InvalidTransition):
            lifecycle.move(target, 5.0)
        assert lifecycle.state is current


@pytest.mark.parametrize(("current", "target"), list(itertools.product(C, C)))
def test_every_consultation_transition(current: C, target: C) -> None:
    lifecycle = ConsultationLifecycle(parent_id="i1", target_name="Claire", state=current)
    if (current, target) in CONSULT_ALLOWED:
        assert can_consult_transition(current, target)
        lifecycle.move(target)
        assert lifecycle.state is target
        assert lifecycle.history == [current]
    else:
        assert not can_consult_transition(current, target)
        with pytest.raises(InvalidConsultationTransition):
            lifecycle.move(target)
        assert lifecycle.state is current
        assert lifecycle.history == []


def test_consultation_live_and_over() -> None:
    lifecycle = ConsultationLifecycle(parent_id="i1", target_name="Claire")
    assert not lifecycle.is_live and not lifecycle.is_over
    lifecycle.move(C.ACTIVE)
    assert lifecycle.is_live and not lifecycle.is_over
    lifecycle.move(C.CONFERENCED)
    assert not lifecycle.is_live and lifecycle.is_over


def test_transferred_is_off_the_desk() -> None:
    lifecycle = InteractionLifecycle()
    lifecycle.move(S.ACTIVE, 1)
    lifecycle.move(S.TRANSFERRED, 2)
    assert not lifecycle.is_open and not lifecycle.is_live


def test_open_and_live() -> None:
    lifecycle = InteractionLifecycle()
    assert lifecycle.is_open and not lifecycle.is_live
    lifecycle.move(S.ACTIVE, 1)
    assert lifecycle.is_live
    lifecycle.move(S.ENDED, 2)
    assert lifecycle.is_open and not lifecycle.is_live
    lifecycle.move(S.DONE, 3)
    assert not lifecycle.is_open


def test_reactivation_records_the_new_start() -> None:
    lifecycle = InteractionLifecycle()
    lifecycle.move(S.ACTIVE, 1)
    lifecycle.move(S.ENDED, 2)
    lifecycle.move(S.ACTIVE, 7)
    assert lifecycle.is_live and lifecycle.entered[S.ACTIVE] == 7
    lifecycle.move(S.ENDED, 9)
    lifecycle.move(S.DONE, 10)
    with pytest.raises(InvalidTransition):
        lifecycle.move(S.ACTIVE, 11)  # done is final


def _message() -> Message:
    return Message(
        id="m1",
        interaction_id="i1",
        author_id="contact:c1",
        author_name="Marie",
        author_role=PartyRole.CUSTOMER,
        text="Bonjour",
        time=1.0,
    )


def test_events_round_trip_through_json() -> None:
    offered = InteractionOffered(
        interaction=InteractionSummary(
            id="i1",
            contact=Contact(id="c1", name="Marie Dupont"),
            channel=Channel.WHATSAPP,
            first_message="Bonjour",
            offered_at=3.0,
        )
    )
    for event in (
        offered,
        MessageReceived(message=_message()),
        Typing(interaction_id="i1", party_id="contact:c1", typing=True),
    ):
        assert decode_event(event.model_dump_json()) == event
        assert decode_event(json.loads(event.model_dump_json())) == event


@pytest.mark.parametrize(
    "raw",
    [
        "{}",
        '{"type": "nope"}',
        '{"type": "typing", "interaction_id": "i1"}',
        '{"type": "message_received", "message": {"id": 3}}',
        "not json",
    ],
)
def test_malformed_events_are_refused(raw: str) -> None:
    with pytest.raises(ValidationError):
        decode_event(raw)


def test_settings_defaults_match_the_contract() -> None:
    s = Settings()
    assert s.chat.pending_response_warning_s == 30
    assert s.chat.pending_response_max_s == 50
    assert s.chat.typing_timeout_s == 5
    assert s.chat.auto_answer is False
    assert s.chat.flash_taskbar is True
    assert s.chat.nickname is None
    assert (s.emoji.enabled, s.emoji.picker_enabled, s.emoji.bundled_images) == (True, True, False)
    assert s.emoji.recent_count == 24
    assert (s.push_url.enabled, s.push_url.history_size) == (True, 20)
    assert s.disposition.mandatory is False
    assert s.disposition.codes


def test_settings_overrides_merge_and_validate() -> None:
    s = settings_with({"chat": {"pending_response_warning_s": 0.3}})
    assert s.chat.pending_response_warning_s == 0.3
    assert s.chat.pending_response_max_s == 50
    with pytest.raises(ValidationError):
        settings_with({"chat": {"pending_response_warning_s": 60, "pending_response_max_s": 10}})
    with pytest.raises(ValidationError):
        settings_with({"chat": {"no_such_key": 1}})


def test_merge_is_deep_and_pure() -> None:
    base = {"a": {"b": 1, "c": 2}, "d": 3}
    assert merge(base, {"a": {"b": 9}}) == {"a": {"b": 9, "c": 2}, "d": 3}
    assert base == {"a": {"b": 1, "c": 2}, "d": 3}


def test_write_atomic_replaces_whole_file(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "f.json"
    write_atomic(target, b"one")
    write_atomic(target, b"two")
    assert target.read_bytes() == b"two"
    assert [p.name for p in target.parent.iterdir()] == ["f.json"]


def test_portable_profile_keeps_everything_under_root(tmp_path: Path) -> None:
    paths = ProfilePaths.portable(tmp_path / "p")
    paths.create()
    for folder in (paths.config_dir, paths.data_dir, paths.cache_dir, paths.log_dir):
        assert folder.is_dir()
        assert tmp_path in folder.parents
    assert paths.settings_file.parent == paths.config_dir
