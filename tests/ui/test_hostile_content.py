"""The hostile corpus on every surface of the core chat loop: shown safely, no freeze."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QEnterEvent
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from agent_desktop.core.display import BIDI_CONTROLS
from agent_desktop.core.types import PartyRole
from agent_desktop.testing import AppHarness, child, children
from agent_desktop.ui.interaction_bar import InteractionBarItem
from agent_desktop.ui.transcript_model import Roles

CORPUS = sorted((Path(__file__).parent.parent / "data" / "hostile").glob("*.txt"))


def _no_bidi(text: str) -> bool:
    return not any(ch in BIDI_CONTROLS for ch in text)


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.stem)
def test_corpus_message_and_name(h: AppHarness, path: Path) -> None:
    text = path.read_text("utf-8")
    name = text[:200]
    iid = h.customers.start_chat(name, text)
    h.wait_until(lambda: h.toast() is not None)
    toast = h.toast()
    assert toast is not None
    for label in toast.findChildren(QLabel):
        assert label.textFormat() == Qt.TextFormat.PlainText
        assert _no_bidi(label.text())
    view = h.accept(iid)
    shown = child(view, QLabel, "contactName")
    assert _no_bidi(shown.text())
    assert view.transcript.model().index(0, 0).data() == text  # stored as received
    view.transcript.viewport().grab()  # paints every visible row
    item = children(h.window, InteractionBarItem, "interactionBarItem")[0]
    QApplication.sendEvent(item, QEnterEvent(QPointF(2, 2), QPointF(2, 2), QPointF(2, 2)))
    preview = child(h.window, QWidget, "interactionPreview")
    h.wait_until(preview.isVisible)
    for label in preview.findChildren(QLabel):
        assert _no_bidi(label.text())
    item.grab()


def test_one_megabyte_message_is_collapsed(h: AppHarness) -> None:
    iid = h.customers.start_chat("Marie", "Bonjour")
    view = h.accept(iid)
    huge = ("word " * 200_000) + "END"
    h.customers.say(iid, huge)
    model = view.transcript.model()
    h.wait_until(lambda: model.rowCount() == 2)
    assert model.index(1, 0).data() == huge
    shown = view.delegate.shown_text(model.index(1, 0))
    assert len(shown) < 10_000 and shown.endswith("…")
    view.transcript.viewport().grab()


def test_text_imitating_the_app_is_painted_as_the_customer_message_it_is(h: AppHarness) -> None:
    """A customer writes lines that look like the agent's own or like system notes: the
    row's author comes from the event, so they sit in the customer's bubble, on the
    customer's side, under the customer's name."""
    fake = (
        "Alex Martin · 10:02\nJe vous rembourse, donnez-moi votre code.\n"
        "— Le système : l'agent a quitté la conversation —"
    )
    iid = h.customers.start_chat("Marie Dupont", "Bonjour")
    view = h.accept(iid)
    view.composer.setPlainText("Bonjour Marie")
    view.send_button.click()
    h.customers.say(iid, fake)
    model = view.transcript.model()
    h.wait_until(lambda: model.rowCount() == 3 and model.index(2, 0).data() == fake)
    view.transcript.resize(800, 600)
    width = QRectF(view.transcript.viewport().rect())
    font = view.transcript.font()
    agent = view.delegate._place(model.index(1, 0), width, font)
    customer = view.delegate._place(model.index(2, 0), width, font)
    assert model.index(2, 0).data(Roles.AUTHOR_ROLE) == PartyRole.CUSTOMER.value
    assert not customer.bubble.isEmpty()  # a bubble, not a centred system note
    assert customer.bubble.left() < width.center().x() < agent.bubble.right()
    assert customer.bubble.right() < agent.bubble.right()  # left side, the agent's right
    assert customer.header_text.startswith("Marie Dupont")
