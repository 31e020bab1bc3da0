"""Emoji search per keystroke, over every emoji with both languages' keywords.

ASSUMED API (the catalog lands with issue 3 on another branch; adapt here after merging):
``agent_desktop.core.emoji`` exposes either a module-level ``search(query) -> list`` or a
catalog class (``EmojiCatalog``) built by ``EmojiCatalog.load()`` or ``EmojiCatalog()``
whose instances have ``search(query) -> list``. Loading is not timed; each keystroke of the
queries below (every prefix, as typed) is one timed ``search``.
"""

from __future__ import annotations

import importlib
import time
from collections.abc import Callable
from typing import Any, cast

from tests.benchmarks.stats import Metric, median, percentile

QUERIES = ("heureux", "triste", "party", "coeur", "thumbs up", "chat", "merci", "sourire")


def _search_function() -> Callable[[str], Any] | None:
    try:
        module = importlib.import_module("agent_desktop.core.emoji")
    except ImportError:
        return None
    function = getattr(module, "search", None)
    if callable(function):
        return cast("Callable[[str], Any]", function)
    catalog_class = getattr(module, "EmojiCatalog", None)
    if catalog_class is None:
        return None
    load = getattr(catalog_class, "load", None)
    catalog = load() if callable(load) else catalog_class()
    method = getattr(catalog, "search", None)
    return cast("Callable[[str], Any]", method) if callable(method) else None


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
