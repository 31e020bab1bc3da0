"""Soak: 50 simultaneous chats for ``--minutes`` (10 by default) through the whole app.

Customers write, the agent answers each through the chat's composer, chats end and new ones
arrive to keep 50 on the desk, and the connection drops now and then. At the end: no error
in the log of any logger and no warning but the expected ones, memory bounded (resident size
growth after warm-up), every message delivered exactly once both ways (each agent message
to its customer, each customer message into the agent's transcript).
Run with ``./dev soak`` (``./dev soak --minutes 2`` for a short run).
"""

from __future__ import annotations

import logging
import random
import re
import resource
import sys
import time
from pathlib import Path

import pytest

from agent_desktop.core.backoff import Backoff
from agent_desktop.core.types import InteractionState, PartyRole
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


#: warnings the soak causes on purpose: (logger, message pattern, why it is expected)
EXPECTED_WARNINGS = [
    (
        "agent_desktop.services.session",
        r"connection lost \(.*\); reconnecting in",
        "the soak drops the connection every 20 rounds",
    ),
    (
        "agent_desktop.services.session",
        r"^\w+:\w* failed: the connection to the demo contact center was lost$",
        "a call (typing, accept...) on its way when the connection drops fails and is retried",
    ),
    (
        "agent_desktop.services.session",
        r"^accept:\w+ cut by the connection: the connection to the demo contact center was lost$",
        "an accept on its way when the connection drops is completed after reconnecting",
    ),
    (
        "agent_desktop.services.bridge",
        r"^notice: The connection dropped while the chat was being accepted: it is accepted "
        r"as soon as the connection is back\.$",
        "a chat offered just before a drop: the agent is told, it is accepted after reconnecting",
    ),
]


class LogAlarm(logging.Handler):
    """Every record of WARNING and above, from any logger; :meth:`unexpected` leaves out
    the warnings the soak causes on purpose (``EXPECTED_WARNINGS``)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)

    def unexpected(self) -> list[str]:
        return [
            f"{r.levelname} {r.name}: {r.getMessage()}"
            for r in self.records
            if r.levelno >= logging.ERROR or not expected(r)
        ]


def expected(record: logging.LogRecord) -> bool:
    return any(
        record.name == name and re.search(pattern, record.getMessage())
        for name, pattern, _why in EXPECTED_WARNINGS
    )


@pytest.mark.slow
def test_fifty_simultaneous_chats(start: StartHarness, soak_minutes: float) -> None:
    alarm = LogAlarm()
    root = logging.getLogger()
    root.addHandler(alarm)
    try:
        run_soak(start, soak_minutes, alarm)
    finally:
        root.removeHandler(alarm)


def customer_texts(h: AppHarness, iid: str) -> list[str]:
    """What the agent's transcript store holds from the customer of ``iid``, in order."""
    record = h.desktop.store.get(iid)
    assert record is not None, iid
    return [m.text for m in record.transcript.messages() if m.author_role is PartyRole.CUSTOMER]


def run_soak(start: StartHarness, minutes: float, alarm: LogAlarm) -> None:
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
    sent: dict[str, list[str]] = {}  # by the agent
    said: dict[str, list[str]] = {}  # by the customer
    serial = 0

    def new_chat() -> None:
        nonlocal serial
        serial += 1
        said_first = f"Bonjour, question {serial}"
        iid = h.customers.start_chat(f"Client {serial}", said_first)
        sent[iid] = []
        said[iid] = [said_first]

    for _ in range(CHATS):
        new_chat()
    h.wait_until(lambda: len(h.window.views) == CHATS, timeout=30)

    deadline = time.monotonic() + minutes * 60
    warm_until = time.monotonic() + min(60.0, minutes * 60 / 4)
    baseline: float | None = None
    rounds = drops = 0
    checked: set[str] = set()  # chats whose customer messages were all in the transcript
    while time.monotonic() < deadline:
        rounds += 1
        live = [iid for iid in sent if iid in h.window.views]
        for iid in live:
            view = h.window.views[iid]
            if view.record.state is not InteractionState.ACTIVE:
                continue
            said[iid].append(f"round {rounds}: où en est ma commande ?")
            h.customers.say(iid, said[iid][-1])
            reply = f"round {rounds}: je regarde 👍"
            view.composer.setPlainText(reply)
            view.send_button.click()
            sent[iid].append(reply)
        # two customers leave, the agent closes their chats, two new ones arrive
        for iid in rng.sample(live, k=min(2, len(live))):
            # they leave once they have read the agent's answers, and the agent theirs
            h.wait_until(lambda i=iid: h.customers.received(i) == sent[i], timeout=30)  # type: ignore[misc]
            h.wait_until(lambda i=iid: customer_texts(h, i) == said[i], timeout=30)  # type: ignore[misc]
            checked.add(iid)
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
    # and every customer message is in the agent's transcript, exactly once and in order
    still_open = [iid for iid in said if iid not in checked]
    for iid in still_open:
        h.wait_until(lambda i=iid: customer_texts(h, i) == said[i], timeout=30)  # type: ignore[misc]
    end = rss_mb()
    assert baseline is not None, "the run ended before the warm-up: memory was never measured"
    growth = end - baseline
    total = sum(len(texts) for texts in sent.values())
    heard = sum(len(texts) for texts in said.values())
    print(
        f"\nsoak: {minutes:g} min, {rounds} rounds, {len(sent)} chats, {total} agent messages, "
        f"{heard} customer messages, {drops} dropped connections, RSS {end:.0f} MB "
        f"(growth after warm-up {growth:+.1f} MB), "
        f"{len(alarm.records)} warnings (expected: {sum(map(expected, alarm.records))})"
    )
    assert alarm.unexpected() == []
    assert growth < MAX_GROWTH_MB
