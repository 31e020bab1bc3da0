"""The outbox routing policy and the reconnection backoff (pure core)."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from agent_desktop.core.backoff import Backoff
from agent_desktop.core.outbox import OutboxRoute, route


@pytest.mark.parametrize(
    ("on_desk", "accepted", "contact_known", "can_redirect", "expected"),
    [
        (True, True, True, True, OutboxRoute.RESEND),
        (True, True, False, False, OutboxRoute.RESEND),
        (True, False, True, True, OutboxRoute.WAIT),
        (False, False, True, True, OutboxRoute.REDIRECT),
        (False, False, False, True, OutboxRoute.KEEP),
        (False, False, True, False, OutboxRoute.KEEP),
    ],
)
def test_route(
    on_desk: bool, accepted: bool, contact_known: bool, can_redirect: bool, expected: OutboxRoute
) -> None:
    assert (
        route(
            on_desk=on_desk,
            accepted=accepted,
            contact_known=contact_known,
            can_redirect=can_redirect,
        )
        is expected
    )


@given(
    base=st.floats(0.01, 5),
    cap_factor=st.floats(1, 100),
    seed=st.integers(0, 2**32),
    attempts=st.integers(1, 200),
)
def test_backoff_delays_stay_within_the_growing_capped_ceiling(
    base: float, cap_factor: float, seed: int, attempts: int
) -> None:
    backoff = Backoff(base_s=base, cap_s=base * cap_factor, floor_s=0.0, rng=random.Random(seed))
    for attempt in range(attempts):
        delay = backoff.next_delay()
        assert 0.0 <= delay <= min(backoff.cap_s, base * 2.0**attempt) + 1e-9
    assert backoff.attempt == attempts


def test_backoff_grows_then_is_capped_and_reset_starts_over() -> None:
    backoff = Backoff(base_s=1.0, cap_s=8.0, floor_s=0.0, rng=random.Random(7))
    assert [backoff.ceiling(n) for n in range(6)] == [1, 2, 4, 8, 8, 8]
    assert backoff.ceiling(10_000) == 8.0  # no overflow on a long outage
    for _ in range(5):
        backoff.next_delay()
    backoff.reset()
    assert backoff.attempt == 0
    assert backoff.next_delay() <= 1.0


def test_backoff_jitter_spreads_desktops_apart() -> None:
    delays = {Backoff(rng=random.Random(seed)).next_delay() for seed in range(20)}
    assert len(delays) > 15


def test_backoff_refuses_nonsense_bounds() -> None:
    with pytest.raises(ValueError):
        Backoff(base_s=5.0, cap_s=1.0)
