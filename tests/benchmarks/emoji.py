"""Emoji search per keystroke, over every emoji with both languages' keywords.

The shipped catalog (``agent_desktop.core.emoji.default_catalog()``, read once, not timed)
is searched as the picker does it: each keystroke of the queries below (every prefix, as
typed) is one timed ``EmojiCatalog.search``.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from tests.benchmarks.stats import Metric, median, percentile

QUERIES = ("heureux", "triste", "party", "coeur", "thumbs up", "chat", "merci", "sourire")


def _search_function() -> Callable[[str], Any] | None:
    from agent_desktop.core.emoji import default_catalog

    return default_catalog().search


def measure(repeat: int) -> list[Metric]:
    metric = Metric(
        key="emoji_search_keystroke",
        title="emoji search per keystroke (median)",
        unit="ms",
        max_value=2,
    )
    search = _search_function()
    if search is None:
        metric.skipped = "not available yet (agent_desktop.core.emoji lands with issue 3)"
        return [metric]
    every: list[float] = []
    for _ in range(repeat):
        times: list[float] = []
        for query in QUERIES:
            for end in range(1, len(query) + 1):
                start = time.perf_counter()
                search(query[:end])
                times.append(1000 * (time.perf_counter() - start))
        metric.samples.append(median(times))
        every.extend(times)
    metric.note = f"{len(every)} keystrokes; p99 {percentile(every, 99):.2f} ms"
    return [metric]
