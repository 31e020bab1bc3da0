"""The hostile content corpus (tests/data/hostile/) sent by Matrix customers through a real
Synapse: each text as a customer's display name, contact name, first message and message,
shown safely on every surface of the chat loop (the Matrix twin of
tests/ui/test_hostile_content.py::test_corpus_message_and_name; a text longer than one
Matrix event can carry is cut to what fits)."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QAbstractItemModel, QPointF, Qt
from PySide6.QtGui import QEnterEvent
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from agent_desktop.core.types import PartyRole
from agent_desktop.testing import AppHarness, child, children
from agent_desktop.testing.matrix_customers import MatrixCustomerSimulator
from agent_desktop.ui.interaction_bar import InteractionBarItem
from agent_desktop.ui.transcript_model import Roles
from tests.integration.test_matrix_core_loop import h, start  # noqa: F401 (fixtures)
from tests.ui.hostile import HOSTILE, no_bidi

#: a Matrix event is at most 64 KiB: a customer sends at most this much of a long text
EVENT_TEXT_BYTES = 30_000


def _toast_offers(harness: AppHarness, iid: str) -> bool:
    toast = harness.toast()
    return toast is not None and toast.current is not None and toast.current.id == iid


def _rows(model: QAbstractItemModel, count: int) -> bool:
    return model.rowCount() >= count


def _fitting(text: str) -> str:
    """The longest start of ``text`` that one Matrix event can carry."""
    return text.encode("utf-8")[:EVENT_TEXT_BYTES].decode("utf-8", "ignore")


def test_the_hostile_corpus_from_matrix_customers_is_shown_safely(h: AppHarness) -> None:  # noqa: F811
    customers = h.customers
    assert isinstance(customers, MatrixCustomerSimulator)
    # the .txt texts (the .json ones hold lone surrogates: tests/ui covers them)
    corpus = sorted(HOSTILE.glob("*.txt"))
    texts = {path.name: _fitting(path.read_text("utf-8")) for path in corpus}
    # every customer writes first (their chats wait in the queue), then the agent takes each
    chats = {customers.start_chat(text[:200], text): name for name, text in texts.items()}
    for iid, name in chats.items():
        text = texts[name]
        h.wait_until(partial(_toast_offers, h, iid), timeout=10)
        toast = h.toast()
        assert toast is not None
        for label in toast.findChildren(QLabel):
            assert label.textFormat() == Qt.TextFormat.PlainText, name
            assert no_bidi(label.text()), name
        view = h.accept(iid)
        assert no_bidi(child(view, QLabel, "contactName").text()), name
        model = view.transcript.model()
        h.wait_until(partial(_rows, model, 1))
        assert model.index(0, 0).data() == text, name  # stored as received
        assert model.index(0, 0).data(Roles.AUTHOR_ROLE) == PartyRole.CUSTOMER.value
        customers.say(iid, text)  # again, into the open chat (through the sync)
        h.wait_until(partial(_rows, model, 2), timeout=10)
        assert model.index(1, 0).data() == text, name
        view.transcript.viewport().grab()  # paints every visible row
        item = next(
            i
            for i in children(h.window, InteractionBarItem, "interactionBarItem")
            if i.property("interactionId") == iid
        )
        QApplication.sendEvent(item, QEnterEvent(QPointF(2, 2), QPointF(2, 2), QPointF(2, 2)))
        preview = child(h.window, QWidget, "interactionPreview")
        h.wait_until(preview.isVisible)
        for label in preview.findChildren(QLabel):
            assert no_bidi(label.text()), name
        item.grab()
