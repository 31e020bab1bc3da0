"""Soak: 50 simultaneous chats for ``--minutes`` (10 by default) through the whole app.

Customers write, the agent answers each through the chat's composer, chats end and new ones
arrive to keep 50 on the desk, and the connection drops now and then. At the end: no error
in the log, memory bounded (resident size growth after warm-up), every message delivered.
Run with ``./dev soak`` (``./dev soak --minutes 1`` for a short run).
"""

from __future__ import annotations

import logging
import random
import resource
import sys
import time
from pathlib import Path

import pytest

from agent_desktop.core.backoff import Backoff
from agent_desktop.core.types import InteractionState
from agent_desktop.testing import AppHarness
from tests.ui.conftest import StartHarness

CHATS = 50
#: resident memory may grow this much after the warm-up minute (caches fill, then stay)
MAX_GROWTH_MB = 120.0


def rss_mb() -> float:
    """Resident set size now (Linux /proc), else the peak (other systems)."""
    statm = Path("/proc/self/statm")
    if statm.exists():
        pages = int(statm.read_text().split()[1])
        return pages * resource.getpagesize() / 2**20
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 1024


class ErrorLog(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@pytest.mark.slow
def test_fifty_simultaneous_chats(start: StartHarness, soak_minutes: float) -> None:
    errors = ErrorLog()
    logging.getLogger("agent_desktop").addHandler(errors)
    try:
        run_soak(start, soak_minutes, errors)
    finally:
        logging.getLogger("agent_desktop").removeHandler(errors)


def run_soak(start: StartHarness, minutes: float, errors: ErrorLog) -> None:
    h: AppHarness = start(
        settings={
            "chat": {"auto_answer": True, "notification_sound": False},
            "backends": {"demo": {"max_concurrent_chats": CHATS}},
        }
    )
    session = h.desktop.session
    assert session is not None
    session.backoff = Backoff(base_s=0.1, cap_s=1.0)
    rng = random.Random(20261124)
    sent: dict[str, list[str]] = {}
    serial = 0

    def new_chat() -> None:
        nonlocal serial
        serial += 1
        iid = h.customers.start_chat(f"Client {serial}", f"Bonjour, question {serial}")
        sent[iid] = []

    for _ in range(CHATS):
        new_chat()
    h.wait_until(lambda: len(h.window.views) == CHATS, timeout=30)

    deadline = time.monotonic() + minutes * 60
    warm_until = time.monotonic() + min(60.0, minutes * 60 / 4)
    baseline: float | None = None
    rounds = drops = 0
    while time.monotonic() < deadline:
        rounds += 1
        live = [iid for iid in sent if iid in h.window.views]
        for iid in live:
            view = h.window.views[iid]
            if view.record.state is not InteractionState.ACTIVE:
                continue
            h.customers.say(iid, f"round {rounds}: où en est ma commande ?")
            reply = f"round {rounds}: je regarde 👍"
            view.composer.setPlainText(reply)
            view.send_button.click()
            sent[iid].append(reply)
        # two customers leave, the agent closes their chats, two new ones arrive
        for iid in rng.sample(live, k=min(2, len(live))):
            # they leave once they have read the agent's answers
            h.wait_until(lambda i=iid: h.customers.received(i) == sent[i], timeout=30)  # type: ignore[misc]
            h.customers.leave(iid)
            view = h.window.views[iid]
            h.wait_until(view.done_button.isEnabled)
            view.done_button.click()
            h.wait_until(lambda gone=iid: gone not in h.window.views)  # type: ignore[misc]
            new_chat()
        if rounds % 20 == 0:  # the link drops now and then
            drops += 1
            h.backend.faults.drop_connection()
        h.qtbot.wait(500)
        if baseline is None and time.monotonic() > warm_until:
            baseline = rss_mb()

    # every message the agent sent reached its customer, exactly once and in order
    def all_delivered() -> bool:
        return all(h.customers.received(iid) == texts for iid, texts in sent.items())

    h.wait_until(all_delivered, timeout=60)
    h.wait_until(lambda: not h.desktop.local_state.outbox, timeout=30)
    end = rss_mb()
    growth = end - (baseline if baseline is not None else end)
    total = sum(len(texts) for texts in sent.values())
    print(
        f"\nsoak: {minutes:g} min, {rounds} rounds, {len(sent)} chats, {total} agent messages, "
        f"{drops} dropped connections, RSS {end:.0f} MB (growth after warm-up {growth:+.1f} MB)"
    )
    assert [r.getMessage() for r in errors.records] == []
    assert growth < MAX_GROWTH_MB
