"""Twenty simultaneous chats under a steady stream of customer messages.

The app runs on the demo backend (``AppHarness``, window shown, offscreen, auto-answer on,
room for 20 chats). A precise 2 ms timer makes the demo customers write (``say``) at
200 messages per second in total, round robin over the 20 chats, for 30 s.

- *Event-loop stall*: a 1 ms precise timer runs all along; its worst lateness
  (gap between two ticks minus 1 ms) is the longest the UI could not react.
- *Event to painted row*: the delegate of every chat view is replaced by a subclass that
  notes when a message's row is first painted (instrumentation stays in the benchmark).
  The time runs from the customer's ``say()`` (which queues the backend event) to the end
  of that row's paint; only the chat on screen paints, so its messages (10/s) are the sample.

*Soak*: the same load for 60 s (``--soak``: 10 minutes) while chats come and go (each
customer leaves after 100 messages, the agent marks the chat Done, a new customer
arrives, so 20 chats stay open). Resident memory is sampled every second; the growth is
the last sample against the sample at the end of the warm-up (the first fifth of the run).
"""

from __future__ import annotations

import gc
import re
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QStyleOptionViewItem

from agent_desktop.core.types import InteractionState
from agent_desktop.services.housekeeping import Housekeeping
from agent_desktop.testing import AppHarness
from agent_desktop.ui.message_delegate import MessageDelegate
from tests.benchmarks.qtdriver import Bot, application, process_events, rss_bytes, wait_until
from tests.benchmarks.stats import Metric, median, percentile
from tests.benchmarks.transcript import TEXTS

CHATS = 20
RATE = 200.0  # messages per second, all chats together
DURATION_S = 30.0
SEQ = re.compile(r"#(\d+)$")


class PaintClock(MessageDelegate):
    """The product's delegate, noting when each numbered message is first painted."""

    painted: dict[int, float]

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        super().paint(painter, option, index)
        match = SEQ.search(str(index.data(Qt.ItemDataRole.DisplayRole) or ""))
        if match is not None:
            self.painted.setdefault(int(match.group(1)), time.perf_counter())


@dataclass
class Desk:
    harness: AppHarness
    chats: list[str]
    housekeeping: Housekeeping
    painted: dict[int, float] = field(default_factory=dict)

    def close(self) -> None:
        self.housekeeping.stop()
        gc.unfreeze()  # the next repetition is a new start-up
        self.harness.close()

    def instrument(self, iid: str) -> None:
        view = self.harness.chat_view(iid)
        assert view is not None
        clock = PaintClock(view.transcript, view.delegate.theme)
        clock.painted = self.painted
        view.transcript.setItemDelegate(clock)
        view.delegate = clock


def open_desk(tmp: Path, chats: int = CHATS, *, instrument: bool = True) -> Desk:
    bot = Bot()
    harness = AppHarness.start(
        bot.as_qtbot(),
        tmp,
        settings={
            "chat": {"auto_answer": True, "notification_sound": False},
            "backends": {"demo": {"max_concurrent_chats": max(chats, 1)}},
        },
    )
    # as agent_desktop.__main__ does once the window is painted
    process_events(300)
    housekeeping = Housekeeping()
    housekeeping.watch(harness.desktop.store)
    housekeeping.start()
    desk = Desk(harness, [], housekeeping)
    for i in range(chats):
        desk.chats.append(start_chat(harness, i))
    wait_until(lambda: len(harness.window.views) == chats, 30)
    if instrument:
        for iid in desk.chats:
            desk.instrument(iid)
    process_events(300)
    return desk


def start_chat(harness: AppHarness, number: int) -> str:
    return harness.customers.start_chat(f"Client {number:04d}", "Bonjour, j'ai une question.")


class StallClock:
    """A 1 ms timer; ``worst_ms`` is its largest lateness."""

    def __init__(self) -> None:
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(1)
        self.timer.timeout.connect(self._tick)
        self.last = 0.0
        self.worst_ms = 0.0

    def start(self) -> None:
        self.last = time.perf_counter()
        self.worst_ms = 0.0
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def _tick(self) -> None:
        now = time.perf_counter()
        self.worst_ms = max(self.worst_ms, 1000 * (now - self.last) - 1.0)
        self.last = now


class Stream:
    """Customers' messages at ``rate`` per second, round robin over the desk's chats."""

    def __init__(self, desk: Desk, rate: float, rotate_after: int | None = None) -> None:
        self.desk = desk
        self.rate = rate
        self.rotate_after = rotate_after
        self.sent_at: dict[int, float] = {}
        self.visible_seqs: list[int] = []
        self.seq = 0
        self.start = 0.0
        self.said: dict[str, int] = {}
        self.leaving: list[str] = []
        self.next_customer = len(desk.chats)
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(2)
        self.timer.timeout.connect(self._tick)

    def run(self, seconds: float, every_second: Callable[[float], None] | None = None) -> None:
        self.start = time.perf_counter()
        self.timer.start()
        end = self.start + seconds
        next_report = self.start + 1
        while time.perf_counter() < end:
            process_events(min(50.0, 1000 * (end - time.perf_counter())))
            if every_second is not None and time.perf_counter() >= next_report:
                next_report += 1
                every_second(time.perf_counter() - self.start)
        self.timer.stop()

    def _tick(self) -> None:
        h = self.desk.harness
        current = h.window.current_view()
        due = int(self.rate * (time.perf_counter() - self.start))
        chats = self.desk.chats
        while self.seq < due:
            slot = self.seq % len(chats)
            iid = chats[slot]
            seq = self.seq
            self.seq += 1
            if iid in self.leaving:
                continue
            if self.rotate_after is None:  # the soak keeps nothing per message
                self.sent_at[seq] = time.perf_counter()
                if current is not None and current.record.id == iid:
                    self.visible_seqs.append(seq)
            h.customers.say(iid, f"{TEXTS[seq % len(TEXTS)]} #{seq}")
            if self.rotate_after is not None:
                self.said[iid] = self.said.get(iid, 0) + 1
                if self.said[iid] >= self.rotate_after:
                    h.customers.leave(iid)
                    self.leaving.append(iid)
        if self.rotate_after is not None:
            self._rotate()

    def _rotate(self) -> None:
        h = self.desk.harness
        session = h.desktop.session
        assert session is not None
        for iid in list(self.leaving):
            record = h.window.store.get(iid)
            if record is None:  # done: a new customer takes the seat
                self.leaving.remove(iid)
                seat = self.desk.chats.index(iid)
                new = start_chat(h, self.next_customer)
                self.next_customer += 1
                self.desk.chats[seat] = new
            elif record.state is InteractionState.ENDED and not session.busy("done", iid):
                session.mark_done(iid)

    def latencies_ms(self) -> tuple[list[float], int]:
        painted = self.desk.painted
        values = [1000 * (painted[s] - self.sent_at[s]) for s in self.visible_seqs if s in painted]
        return values, len(self.visible_seqs) - len(values)


def measure(repeat: int) -> list[Metric]:
    application()
    stall = Metric(
        key="load_event_loop_stall",
        title=f"{CHATS} chats at {RATE:.0f} msg/s for {DURATION_S:.0f} s: event-loop stall",
        unit="ms",
        max_value=16,
        note="worst lateness of a 1 ms timer",
    )
    latency = Metric(
        key="load_event_to_paint_p99",
        title=f"{CHATS} chats at {RATE:.0f} msg/s: backend event to painted row, p99",
        unit="ms",
        max_value=16,
    )
    medians: list[float] = []
    full_ms: list[float] = []
    unpainted = 0
    count = 0
    for _ in range(repeat):
        with tempfile.TemporaryDirectory(prefix="bench-load-") as scratch:
            desk = open_desk(Path(scratch))
            clock = StallClock()
            stream = Stream(desk, RATE)
            clock.start()
            stream.run(DURATION_S)
            clock.stop()
            process_events(500)  # the last rows get painted
            values, missing = stream.latencies_ms()
            stall.samples.append(clock.worst_ms)
            # what the scheduled full collection costs when its time comes (every 2 min)
            desk.housekeeping.run()
            assert desk.housekeeping.last is not None
            full_ms.append(desk.housekeeping.last[0])
            latency.samples.append(percentile(values, 99))
            medians.append(median(values))
            unpainted += missing
            count += len(values)
            desk.close()
            process_events(200)
    latency.note = (
        f"{count} rows timed over all runs (the chat on screen), median "
        f"{median(medians):.1f} ms; {unpainted} never painted"
    )
    stall.note = (
        "worst lateness of a 1 ms timer; the scheduled full garbage collection and heap "
        f"trim (every 2 minutes, so in no 30 s run) took {median(full_ms):.0f} ms after "
        "the run (median)"
    )
    return [stall, latency]


def soak(seconds: float) -> list[Metric]:
    application()
    samples: list[tuple[float, int]] = []
    with tempfile.TemporaryDirectory(prefix="bench-soak-") as scratch:
        desk = open_desk(Path(scratch), instrument=False)
        stream = Stream(desk, RATE, rotate_after=100)
        stream.run(seconds, lambda at: samples.append((at, rss_bytes())))
        gc.collect()
        samples.append((seconds, rss_bytes()))
        chats_served = stream.next_customer
        desk.close()
    warm = seconds / 5
    after_warmup = next(rss for at, rss in samples if at >= warm)
    final = samples[-1][1]
    label = "10-minute" if seconds >= 600 else f"{seconds:.0f}-second"
    metric = Metric(
        key="soak_memory_growth",
        title=f"memory growth over a {label} soak at {RATE:.0f} msg/s, after warm-up",
        unit="%",
        samples=[100 * (final - after_warmup) / after_warmup],
        max_value=5,
        note=(
            f"{label} run (./dev bench --soak: 10 minutes); RSS {after_warmup / 2**20:.0f} MB "
            f"after {warm:.0f} s warm-up, {final / 2**20:.0f} MB at the end, peak "
            f"{max(r for _, r in samples) / 2**20:.0f} MB; {chats_served} chats served"
        ),
    )
    return [metric]
