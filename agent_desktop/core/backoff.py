"""Capped exponential backoff with full jitter, for reconnecting to a backend (pure)."""

from __future__ import annotations

import random
from dataclasses import dataclass, field


@dataclass
class Backoff:
    """Delays before each reconnection attempt.

    Attempt ``n`` (from 0) waits a random time in ``[floor, min(cap, base * 2**n)]``
    ("full jitter": many desktops that lost the same server do not come back in step).
    :meth:`reset` after a successful connection starts over.
    """

    base_s: float = 0.5
    cap_s: float = 30.0
    floor_s: float = 0.05
    rng: random.Random = field(default_factory=random.Random)
    attempt: int = 0

    def __post_init__(self) -> None:
        if not 0 <= self.floor_s <= self.base_s <= self.cap_s:
            raise ValueError("backoff needs 0 <= floor_s <= base_s <= cap_s")

    def ceiling(self, attempt: int) -> float:
        # 2**64 is plenty: past it the cap always wins, and the float never overflows
        return min(self.cap_s, self.base_s * 2.0 ** min(attempt, 64))

    def next_delay(self) -> float:
        high = self.ceiling(self.attempt)
        self.attempt += 1
        return self.rng.uniform(self.floor_s, high) if high > self.floor_s else high

    def reset(self) -> None:
        self.attempt = 0
