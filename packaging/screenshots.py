"""Render the README screenshots of the main window from the app harness.

    ./dev screenshots                      # docs/screenshots/main-light.png, main-dark.png
    QT_SCALE_FACTOR=2 ./dev screenshots --out /tmp/shots --lang fr --themes light

A few chats on different channels (one reply pending yellow, one green, one answered), the
conversation with the first contact in front, and an incoming-chat notification composited
where the desktop shows it (bottom right of the screen, here of the window).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QPoint
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtWidgets import QApplication, QWidget

from agent_desktop.core.models import AgentIdentity
from agent_desktop.core.types import PendingLevel
from agent_desktop.testing import AppHarness
from agent_desktop.ui.chat_view import ChatView
from agent_desktop.ui.translations import install_translators

ROOT = Path(__file__).resolve().parent.parent


class _Bot:
    """The two things AppHarness asks of pytest-qt's qtbot, without pytest."""

    def addWidget(self, widget: QWidget) -> None:
        pass

    def waitUntil(self, predicate: Callable[[], object], timeout: int = 5000) -> None:
        deadline = time.monotonic() + timeout / 1000
        while not predicate():
            if time.monotonic() > deadline:
                raise TimeoutError("screenshot scene did not settle")
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
            time.sleep(0.01)

    def wait(self, ms: int) -> None:
        deadline = time.monotonic() + ms / 1000
        self.waitUntil(lambda: time.monotonic() >= deadline, ms + 1000)


def _texts(view: ChatView) -> list[str]:
    model = view.transcript.model()
    return [str(model.index(row, 0).data()) for row in range(model.rowCount())]


def _scene(h: AppHarness, bot: _Bot, french: bool) -> None:
    """Chats on four channels in several states; the first one in front."""
    say = h.customers.say
    marie = h.customers.start_chat(
        "Marie Dupont",
        "Bonjour, ma commande n° 48213 n'est toujours pas arrivée." if french else
        "Hello, my order #48213 still hasn't arrived.",
    )  # fmt: skip
    view = h.accept(marie)
    # (customer, agent) turns; the agent has the last word, Marie is typing again
    replies = (
        ("Parfait, et je peux changer l'adresse de livraison ?",
         "Bonjour Marie, le colis est parti hier de l'entrepôt de Lyon ; il arrive jeudi."),
    ) if french else (
        ("Great, and can I still change the delivery address?",
         "Hi Marie, the parcel left our Lyon warehouse yesterday; it arrives on Thursday."),
    )  # fmt: skip
    closing = (
        "Oui, tant qu'il n'est pas en tournée : quelle adresse souhaitez-vous ?" if french
        else "Yes, until it is out for delivery: which address would you like?"
    )  # fmt: skip
    for customer_text, agent_text in replies:
        view.composer.setPlainText(agent_text)
        view.send_button.click()
        h.wait_until(lambda t=agent_text: t in h.customers.received(marie))
        say(marie, customer_text)
        h.wait_until(lambda t=customer_text: t in _texts(view))
    view.composer.setPlainText(closing)
    view.send_button.click()
    h.wait_until(lambda: closing in h.customers.received(marie))
    question = "Le magasin est-il ouvert dimanche ?" if french else "Is the shop open on Sunday?"
    tom = h.customers.start_chat("Tom Becker", question, channel="whatsapp")
    h.accept(tom)
    bot.wait(1300)  # past the warning threshold: Tom's reply is overdue (yellow)
    lucas = h.customers.start_chat(
        "Lucas Bernard", "Mon code promo ne marche pas" if french else "My promo code fails",
        channel="sms",
    )  # fmt: skip
    h.accept(lucas)
    h.window.show_interaction(marie)
    h.customers.typing(marie, True)
    h.customers.start_chat(
        "Sofia Rossi",
        "Bonjour ! Je voudrais modifier ma réservation." if french else
        "Hi! I would like to change my booking.",
        channel="messenger",
    )  # fmt: skip
    h.wait_until(lambda: h.toast() is not None)
    tom_view = h.chat_view(tom)
    assert tom_view is not None
    h.wait_until(lambda: tom_view.pending.current_level is PendingLevel.YELLOW)
    h.wait_until(view.typing_notice.isVisible)
    bot.wait(300)


def _grab(h: AppHarness) -> QPixmap:
    """The window with the notification painted over it, above the message field.

    (On the desktop it floats at the screen's corner; over the window's corner it would
    hide the Send button.)
    """
    shot = h.window.grab()
    toast = h.toast()
    view = h.window.current_view()
    if toast is not None and view is not None:
        frame = view.composer_frame
        bottom_right = frame.mapTo(h.window, QPoint(frame.width(), 0))
        margin = 12
        at = QPoint(bottom_right.x() - toast.width(), bottom_right.y() - toast.height() - margin)
        painter = QPainter(shot)
        painter.drawPixmap(at, toast.grab())
        painter.end()
    return shot


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--themes", nargs="+", default=["light", "dark"])
    parser.add_argument("--lang", choices=("en", "fr"), default="en")
    parser.add_argument("--size", default="1120x720", help="window size, WIDTHxHEIGHT")
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    translators = install_translators(app, args.lang)
    bot = _Bot()
    width, height = (int(v) for v in args.size.split("x"))
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="agent-desktop-shots-") as tmp:
        h = AppHarness.start(
            bot,  # type: ignore[arg-type]
            Path(tmp),
            settings={
                "chat": {
                    "pending_response_warning_s": 1.0,
                    "pending_response_max_s": 3600,
                    "notification_sound": False,
                },
                "ui": {"theme": args.themes[0]},
            },
            agent=AgentIdentity(id="alex", name="Alex Martin"),
        )
        try:
            h.window.resize(width, height)
            _scene(h, bot, args.lang == "fr")
            for theme in args.themes:
                h.desktop.settings_store.try_update({"ui": {"theme": theme}})
                bot.wait(150)
                path = args.out / f"main-{theme}.png"
                _grab(h).save(str(path))
                print(path)
        finally:
            h.close()
    del translators
    return 0


if __name__ == "__main__":
    sys.exit(main())
