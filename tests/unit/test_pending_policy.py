"""PendingResponsePolicy: a pure function of events and an injected clock."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from agent_desktop.core.pending import PendingResponsePolicy
from agent_desktop.core.types import PendingLevel


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def policy(clock: FakeClock, warning: float = 30, maximum: float = 50) -> PendingResponsePolicy:
    return PendingResponsePolicy(clock, warning_s=warning, max_s=maximum)


def test_idle_until_something_is_pending(clock: FakeClock) -> None:
    p = policy(clock)
    assert p.status().level is PendingLevel.IDLE
    assert p.seconds_to_next_change() is None


def test_accept_with_opening_message_goes_green_yellow_red(clock: FakeClock) -> None:
    p = policy(clock)
    p.accepted(contact_waiting=True)
    assert p.status().level is PendingLevel.GREEN
    assert p.seconds_to_next_change() == pytest.approx(30)
    clock.advance(29.9)
    assert p.status().level is PendingLevel.GREEN
    clock.advance(0.1)
    status = p.status()
    assert (status.level, status.blinking) == (PendingLevel.YELLOW, False)
    assert p.seconds_to_next_change() == pytest.approx(20)
    clock.advance(20)
    status = p.status()
    assert (status.level, status.blinking) == (PendingLevel.RED, True)
    assert p.seconds_to_next_change() is None


def test_accept_without_contact_message_stays_idle(clock: FakeClock) -> None:
    p = policy(clock)
    p.accepted(contact_waiting=False)
    clock.advance(100)
    assert p.status().level is PendingLevel.IDLE


def test_agent_reply_resets_to_idle(clock: FakeClock) -> None:
    p = policy(clock)
    p.accepted(contact_waiting=True)
    clock.advance(40)
    p.agent_message()
    assert p.status().level is PendingLevel.IDLE


def test_timer_starts_at_first_unanswered_contact_message(clock: FakeClock) -> None:
    p = policy(clock)
    p.accepted(contact_waiting=False)
    p.contact_message()
    clock.advance(20)
    p.contact_message()  # a second message does not restart the wait
    clock.advance(15)
    assert p.status().level is PendingLevel.YELLOW
    assert p.status().waiting_since == pytest.approx(1000.0)


def test_end_stops_everything(clock: FakeClock) -> None:
    p = policy(clock)
    p.accepted(contact_waiting=True)
    p.ended()
    assert p.status().level is PendingLevel.IDLE
    p.contact_message()
    assert p.status().level is PendingLevel.IDLE


def test_thresholds_are_validated(clock: FakeClock) -> None:
    with pytest.raises(ValueError):
        policy(clock, warning=10, maximum=5)
    with pytest.raises(ValueError):
        policy(clock, warning=-1, maximum=5)


def test_threshold_change_applies_to_running_wait(clock: FakeClock) -> None:
    p = policy(clock)
    p.contact_message()
    clock.advance(5)
    p.set_thresholds(2, 4)
    assert p.status().level is PendingLevel.RED


@given(
    warning=st.floats(min_value=0, max_value=1000),
    extra=st.floats(min_value=0, max_value=1000),
    waited=st.floats(min_value=0, max_value=3000),
)
def test_level_is_a_monotonic_function_of_waiting(
    warning: float, extra: float, waited: float
) -> None:
    clock = FakeClock()
    clock.now = 0.0  # exact float arithmetic for the comparison below
    p = PendingResponsePolicy(clock, warning_s=warning, max_s=warning + extra)
    p.contact_message()
    clock.advance(waited)
    level = p.status().level
    order = [PendingLevel.GREEN, PendingLevel.YELLOW, PendingLevel.RED]
    expected = (
        PendingLevel.RED
        if waited >= warning + extra
        else PendingLevel.YELLOW
        if waited >= warning
        else PendingLevel.GREEN
    )
    assert level is expected
    assert order.index(level) >= 0
    assert p.status().blinking == (level is PendingLevel.RED)
