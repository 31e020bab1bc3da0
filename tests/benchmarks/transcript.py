"""A long transcript: opening it to its first paint, then scrolling it from bottom to top.

*Open*: a chat whose transcript store already holds 50,000 messages is opened (its view
built and shown) and timed to the first Paint of the transcript's viewport. The baseline is
a ``QTextBrowser`` that ``append()``s the same messages as HTML, timed the same way.

*Scroll*: from the bottom, one page (the scroll bar's ``pageStep``) up at a time; each
frame is the scroll (history paged in, layout) and one pass of the event loop over what is
pending (``processEvents()``: the paint the scroll asked for, and the idle work due, such as
the next page measured ahead); a ``viewport().repaint()`` only if that pass painted nothing.
The worst frame of the way to the very first message counts.

The history tab (issue 5) is not on this branch yet: ``OPENER`` opens a ``ChatView`` over
an ``InteractionRecord`` whose ``TranscriptStore`` holds the messages. To measure the
Conversation tab instead, point ``OPENER`` at a function that opens it and returns
``(widget to show, its transcript QAbstractItemView)``.
"""

from __future__ import annotations

import gc
import html
import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QAbstractItemView, QTextBrowser, QWidget

from agent_desktop.core.models import Contact, InteractionSummary, Message, Party
from agent_desktop.core.types import Channel, PartyRole
from agent_desktop.services.housekeeping import Housekeeping
from agent_desktop.services.interaction_store import InteractionRecord
from agent_desktop.ui.chat_view import ChatView
from agent_desktop.ui.theme import LIGHT
from tests.benchmarks.qtdriver import FirstPaint, application, process_events, wait_until
from tests.benchmarks.stats import Metric, median

HISTORY = 50_000
SIZE = (1120, 660)

#: message texts of every length, both languages (one chat line is rarely one word)
TEXTS = (
    "Bonjour, je n'arrive pas à me connecter à mon espace client depuis ce matin.",
    "ok",
    "Merci beaucoup !",
    "Could you give me the order number? It starts with FR- and has 8 digits.",
    "Je vous envoie le lien vers la page de réinitialisation du mot de passe : "
    "https://example.com/reset — il est valable 24 heures. Dites-moi si cela fonctionne "
    "ou si vous voyez un message d'erreur, je reste en ligne avec vous.",
    "Yes, that worked, thank you so much for your help today 🙂",
    "Un instant s'il vous plaît, je vérifie votre dossier.",
    "The parcel left our warehouse on Monday; the carrier says it will be delivered "
    "tomorrow between 9 and 12. You will get a text message with a tracking link.",
)

Opener = Callable[[InteractionRecord], tuple[QWidget, QAbstractItemView]]


def open_chat_view(record: InteractionRecord) -> tuple[QWidget, QAbstractItemView]:
    view = ChatView(record, LIGHT)
    return view, view.transcript


#: what "opening the chat" means; see the module docstring
OPENER: Opener = open_chat_view


def message(iid: str, seq: int, contact: Contact, *, start: float = 1.7e9) -> Message:
    customer = seq % 3 != 2
    return Message(
        id=f"{iid}-m{seq}",
        interaction_id=iid,
        author_id=f"customer:{contact.id}" if customer else "agent:agent1",
        author_name=contact.name if customer else "Alex Martin",
        author_role=PartyRole.CUSTOMER if customer else PartyRole.AGENT,
        text=f"{TEXTS[seq % len(TEXTS)]} #{seq}",
        # bursts of a few messages, then a pause: author headers come and go
        time=start + seq * 20 + (seq // 7) * 400,
    )


def record_with_history(count: int, iid: str = "bench-long") -> InteractionRecord:
    contact = Contact(id=f"c-{iid}", name="Marie Dupont")
    summary = InteractionSummary(
        id=iid,
        contact=contact,
        channel=Channel.WEBCHAT,
        offered_at=time.time(),
        parties=(Party(id=f"customer:{contact.id}", name=contact.name, role=PartyRole.CUSTOMER),),
    )
    record = InteractionRecord(
        summary, clock=time.monotonic, warning_s=30, max_s=50, typing_timeout_s=5
    )
    for seq in range(count):
        record.transcript.append(message(iid, seq, contact))
    return record


def _open_ms(record: InteractionRecord) -> tuple[float, QWidget, QAbstractItemView]:
    start = time.perf_counter()
    widget, view = OPENER(record)
    clock = FirstPaint(view.viewport())
    widget.resize(*SIZE)
    widget.show()
    wait_until(lambda: clock.at is not None, 60)
    assert clock.at is not None
    return 1000 * (clock.at - start), widget, view


def _browser_ms(record: InteractionRecord) -> float:
    start = time.perf_counter()
    browser = QTextBrowser()
    clock = FirstPaint(browser.viewport())
    for m in record.transcript.messages():
        browser.append(
            f"<p><b>{html.escape(m.author_name)}</b> "
            f"<span style='color:gray'>{time.strftime('%H:%M', time.localtime(m.time))}</span>"
            f"<br>{html.escape(m.text)}</p>"
        )
    browser.resize(*SIZE)
    browser.show()
    wait_until(lambda: clock.at is not None, 300)
    assert clock.at is not None
    elapsed = 1000 * (clock.at - start)
    browser.close()
    browser.deleteLater()
    process_events(50)
    return elapsed


class PaintCount(QObject):
    """Counts the Paint events of the watched widget."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def _scroll_to_top(view: QAbstractItemView, cpu: list[float] | None = None) -> list[float]:
    """Frame times (ms) of paging from the bottom to the very first message; ``cpu`` gets
    the UI thread's CPU time of each frame (what the machine's other jobs do not inflate)."""
    bar = view.verticalScrollBar()
    model = view.model()
    process_events(50)
    view.scrollToBottom()
    process_events(50)
    paints = PaintCount(view.viewport())
    frames: list[float] = []
    for _ in range(100_000):
        can_fetch_older = getattr(model, "can_fetch_older", None)
        if bar.value() == 0 and not (callable(can_fetch_older) and can_fetch_older()):
            break
        painted = paints.count
        start = time.perf_counter()
        start_cpu = time.thread_time()
        bar.setValue(bar.value() - bar.pageStep())
        QCoreApplication.processEvents()  # one pass over what is pending, no waiting
        if paints.count == painted:
            view.viewport().repaint()
        frames.append(1000 * (time.perf_counter() - start))
        if cpu is not None:
            cpu.append(1000 * (time.thread_time() - start_cpu))
    first = view.indexAt(view.viewport().rect().topLeft())
    text = str(first.data() or "")
    if not text.endswith(" #0"):
        raise RuntimeError(f"scrolling stopped before the first message (top row: {text!r})")
    return frames


def measure(repeat: int) -> list[Metric]:
    application()
    record = record_with_history(HISTORY)
    opening = Metric(
        key="open_long_chat",
        title=f"open a chat with {HISTORY:,} messages, to first painted transcript",
        unit="ms",
        max_value=50,
        max_ratio=0.05,
        note="baseline: QTextBrowser appending the same messages as HTML",
    )
    scrolling = Metric(
        key="scroll_worst_frame",
        title="scroll that transcript bottom to top, worst frame",
        unit="ms",
        max_value=16,
    )
    medians: list[float] = []
    worst_cpu: list[float] = []
    # as agent_desktop.__main__ once its window is painted (full collections at set times)
    housekeeping = Housekeeping()
    housekeeping.start()
    # the app has shown chats before: Qt's one-time costs (fonts, style, icons) are not timed
    _, warm, _ = _open_ms(record_with_history(50, iid="bench-warm-up"))
    warm.close()
    warm.deleteLater()
    for _ in range(repeat):
        elapsed, widget, view = _open_ms(record)
        opening.samples.append(elapsed)
        cpu: list[float] = []
        frames = _scroll_to_top(view, cpu)
        scrolling.samples.append(max(frames))
        worst_cpu.append(max(cpu))
        medians.append(median(frames))
        widget.close()
        widget.deleteLater()
        process_events(50)
        opening.baseline_samples.append(_browser_ms(record))
    housekeeping.stop()
    gc.unfreeze()
    scrolling.note = (
        f"{len(frames)} page steps per run; median frame {median(medians):.2f} ms; worst "
        f"frame in UI-thread CPU time {median(worst_cpu):.1f} ms (median of the runs)"
    )
    return [opening, scrolling]
