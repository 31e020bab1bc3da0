"""A long message is shown collapsed with "Show more…" in every transcript (live chat,
consultation, Conversation tab, Communication view); the pill (a click), Enter or Space opens
its whole text in a read-only viewer that copies it as it is."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QListView, QPushButton
from pytestqt.qtbot import QtBot

from agent_desktop.core.display import COLLAPSE_CHARS, COLLAPSE_LINES, display_text
from agent_desktop.testing import AppHarness, child
from agent_desktop.ui.message_delegate import MessageDelegate
from agent_desktop.ui.message_viewer import CHUNK_CHARS, MessageViewer, chunk_lines
from tests.ui.conftest import StartHarness
from tests.ui.test_conversations import open_conversation_tab
from tests.ui.test_interaction_actions import CLAIRE, choose, consultation, fast

LONG = " ".join(f"Ligne {n} de mon message, avec des détails sur ma commande." for n in range(90))
LONG += " FIN"


@pytest.fixture
def h(start: StartHarness) -> AppHarness:
    return start(settings=fast())


def row_of(view: QListView, text: str) -> QModelIndex:
    model = view.model()
    return next(
        model.index(r, 0) for r in range(model.rowCount()) if model.index(r, 0).data() == text
    )


def click_show_more(h: AppHarness, view: QListView, index: QModelIndex) -> MessageViewer:
    delegate = view.itemDelegate()
    assert isinstance(delegate, MessageDelegate)
    assert delegate.is_collapsed(index)
    view.scrollTo(index)
    pill = delegate.show_more_rect(index, view.visualRect(index), view.font())
    assert pill is not None
    below = pill.bottom() + 4 - view.viewport().height()
    if below > 0:  # a narrow view (the consultation): the bubble is taller than the view
        view.verticalScrollBar().setValue(view.verticalScrollBar().value() + int(below))
        pill = delegate.show_more_rect(index, view.visualRect(index), view.font())
        assert pill is not None
    assert view.viewport().rect().contains(pill.toRect())
    view.viewport().grab()
    QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=pill.center().toPoint())
    viewer = view.findChild(MessageViewer, "messageViewer")
    assert viewer is not None, "no viewer opened"
    h.wait_until(viewer.isVisible)
    return viewer


def live_chat(h: AppHarness) -> QListView:
    iid = h.customers.start_chat("Marie Dupont", "Bonjour")
    view = h.accept(iid)
    h.customers.say(iid, LONG)
    h.wait_until(lambda: view.transcript.model().rowCount() == 2)
    return view.transcript


def consultation_transcript(h: AppHarness) -> QListView:
    iid = h.customers.start_chat("Marie Dupont", "Bonjour")
    view = h.accept(iid)
    choose(h, view, "consultButton", CLAIRE)
    cv = consultation(h, view)
    h.wait_until(cv.composer.isEnabled)
    h.colleagues.say(CLAIRE, LONG)
    h.wait_until(lambda: cv.transcript.model().rowCount() >= 1)
    return cv.transcript


def conversation_tab(h: AppHarness) -> QListView:
    transcript = live_chat(h)
    view = transcript.parentWidget()
    while view is not None and view.objectName() != "chatView":
        view = view.parentWidget()
    assert view is not None
    panel = open_conversation_tab(h, view)  # type: ignore[arg-type]
    h.wait_until(lambda: any(row == LONG for row in panel_rows(panel.transcript)))
    return panel.transcript


def communication_view(h: AppHarness) -> QListView:
    iid = h.customers.start_chat("Marie Dupont", "Bonjour")
    view = h.accept(iid)
    h.customers.say(iid, LONG)
    connect = h.window.connect_area
    assert connect is not None
    connect.show(view.record.contact.id)
    h.wait_until(lambda: h.window.findChild(QListView, "contactTranscript") is not None)
    transcript = child(h.window, QListView, "contactTranscript")
    h.wait_until(lambda: LONG in panel_rows(transcript))
    return transcript


def panel_rows(view: QListView) -> list[str]:
    model = view.model()
    return [str(model.index(r, 0).data()) for r in range(model.rowCount())]


SURFACES: dict[str, Callable[[AppHarness], QListView]] = {
    "live_chat": live_chat,
    "consultation": consultation_transcript,
    "conversation_tab": conversation_tab,
    "communication_view": communication_view,
}


@pytest.mark.parametrize("surface", SURFACES)
def test_show_more_opens_the_whole_message_in_every_transcript(h: AppHarness, surface: str) -> None:
    transcript = SURFACES[surface](h)
    index = row_of(transcript, LONG)
    delegate = transcript.itemDelegate()
    assert isinstance(delegate, MessageDelegate)
    shown = delegate.shown_text(index)
    assert shown.endswith("…") and len(shown) < len(LONG) and "FIN" not in shown
    viewer = click_show_more(h, transcript, index)
    assert viewer.text() == LONG  # all of it, "FIN" included
    assert child(viewer, QPushButton, "messageViewerCopyButton").isVisible()
    child(viewer, QPushButton, "messageViewerCopyButton").click()
    assert QApplication.clipboard().text() == LONG
    child(viewer, QPushButton, "messageViewerCloseButton").click()
    h.wait_until(lambda: transcript.findChild(MessageViewer, "messageViewer") is None)


def test_enter_or_space_on_a_collapsed_row_shows_the_whole_message(h: AppHarness) -> None:
    transcript = live_chat(h)
    short, long = transcript.model().index(0, 0), row_of(transcript, LONG)
    transcript.setFocus()
    for key in (Qt.Key.Key_Return, Qt.Key.Key_Space):
        transcript.setCurrentIndex(short)
        QTest.keyClick(transcript, key)
        assert transcript.findChild(MessageViewer, "messageViewer") is None  # whole already
        transcript.setCurrentIndex(long)
        QTest.keyClick(transcript, key)
        viewer = transcript.findChild(MessageViewer, "messageViewer")
        assert viewer is not None and viewer.isVisible()
        assert viewer.text() == LONG
        viewer.close()
        h.wait_until(lambda: transcript.findChild(MessageViewer, "messageViewer") is None)


def test_only_long_messages_are_collapsed(h: AppHarness) -> None:
    iid = h.customers.start_chat("Marie Dupont", "Bonjour")
    view = h.accept(iid)
    many_lines = "\n".join(f"ligne {n}" for n in range(COLLAPSE_LINES + 5))
    for text in (LONG[:COLLAPSE_CHARS], many_lines):
        h.customers.say(iid, text)
    model = view.transcript.model()
    h.wait_until(lambda: model.rowCount() == 3)
    transcript = view.transcript
    pills = [
        view.delegate.show_more_rect(index, transcript.visualRect(index), transcript.font())
        for index in (model.index(r, 0) for r in range(3))
    ]
    assert [pill is not None for pill in pills] == [False, False, True]
    assert view.delegate.shown_text(model.index(1, 0)) == LONG[:COLLAPSE_CHARS]


def test_the_viewer_shows_wire_text_as_text_and_copies_its_lines_whole(qtbot: QtBot) -> None:
    hostile = "<b>gras</b> \u202egnp.exe\n" + "x" * (3 * CHUNK_CHARS + 17) + "\nfin"
    viewer = MessageViewer()
    viewer.set_message("<i>Marie</i>", "today", hostile)
    qtbot.addWidget(viewer)
    expected = display_text(hostile)
    assert viewer.text() == expected
    assert "<b>gras</b>" in viewer.text_view.toPlainText()  # markup shown, not interpreted
    assert "\u202e" not in viewer.text_view.toPlainText()
    assert viewer.author.text() == "<i>Marie</i>"
    assert viewer.author.textFormat() == Qt.TextFormat.PlainText
    assert viewer.text_view.longest_block() <= CHUNK_CHARS
    assert viewer.text_view.document().blockCount() == 6  # the long line held in 4 blocks
    viewer.text_view.selectAll()
    assert viewer.text_view.selected_text() == expected


@pytest.mark.parametrize(
    "text",
    ["", "a", "a b\nc", "x" * (CHUNK_CHARS + 1), ("mot " * 3_000) + "\n\n" + "y" * 25_000],
)
def test_chunks_join_back_into_the_text(text: str) -> None:
    blocks, continued = chunk_lines(text)
    assert all(len(block) <= CHUNK_CHARS for block in blocks)
    rebuilt = blocks[0] + "".join(
        ("" if goes_on else "\n") + block
        for block, goes_on in zip(blocks[1:], continued[1:], strict=True)
    )
    assert rebuilt == text
    assert not continued[0]
