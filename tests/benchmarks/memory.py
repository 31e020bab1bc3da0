"""Resident memory of 20 open chats of 1,000 messages each, against the empty window.

Each repetition is a fresh process: the app on the demo backend (``AppHarness``, window
shown, agent Ready, no chat) is the baseline; then 20 chats are accepted, 1,000 messages
each are delivered through the session as backend ``MessageReceived`` events (as a real
backend would, without the demo simulator keeping its own copy), and every chat is shown
once so that its transcript is laid out and painted. RSS is read after ``gc.collect()``.
"""

from __future__ import annotations

import gc
import tempfile
from pathlib import Path

from agent_desktop.core import events as ev
from tests.benchmarks.load import open_desk
from tests.benchmarks.qtdriver import application, process_events, rss_bytes
from tests.benchmarks.stats import Metric
from tests.benchmarks.transcript import message

CHATS = 20
MESSAGES = 1000
MB = 2**20


def measure_once() -> tuple[float, float]:
    """(empty window RSS, added RSS) in MB."""
    application()
    with tempfile.TemporaryDirectory(prefix="bench-mem-") as scratch:
        empty = open_desk(Path(scratch), chats=0)
        process_events(500)
        gc.collect()
        base = rss_bytes()
        empty.close()
    with tempfile.TemporaryDirectory(prefix="bench-mem-") as scratch:
        desk = open_desk(Path(scratch), chats=CHATS)
        h = desk.harness
        session = h.desktop.session
        assert session is not None
        for iid in desk.chats:
            record = h.window.store.get(iid)
            assert record is not None
            for seq in range(MESSAGES):
                session.apply(ev.MessageReceived(message=message(iid, seq, record.contact)))
        for iid in desk.chats:
            h.window.show_interaction(iid)
            process_events(30)
        process_events(300)
        gc.collect()
        full = rss_bytes()
        desk.close()
    return base / MB, (full - base) / MB


def measure(repeat: int) -> list[Metric]:
    metric = Metric(
        key="memory_20_chats",
        title=f"resident memory, {CHATS} open chats of {MESSAGES:,} messages, over empty window",
        unit="MB",
        max_value=150,
        note="value: RSS added; baseline: RSS of the empty window; ratio: added / empty",
    )
    for _ in range(repeat):
        base, added = measure_once()
        metric.baseline_samples.append(base)
        metric.samples.append(added)
    return [metric]
