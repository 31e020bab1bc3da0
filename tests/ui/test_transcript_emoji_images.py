"""Setting ``emoji.bundled_images`` in the transcript: Twemoji images replace the font's
glyphs, a missing image leaves the character, and links around emoji still work."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex, QRect, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QPixmap
from PySide6.QtTest import QTest

from agent_desktop.core.linkify import LinkSpan
from agent_desktop.testing import AppHarness
from agent_desktop.ui.chat_view import ChatView
from agent_desktop.ui.emoji_images import EmojiImages, shared_images
from tests.ui.conftest import StartHarness

TEXT = "Bravo 🎉 merci"
LINK_TEXT = "🎉👍 voir https://exemple.fr/suivi 😀 ok"
ON = {"chat": {"notification_sound": False}, "emoji": {"bundled_images": True}}


def row_of(h: AppHarness, view: ChatView, text: str) -> QModelIndex:
    model = view.transcript.model()
    h.wait_until(lambda: any(model.index(r, 0).data() == text for r in range(model.rowCount())))
    return next(
        model.index(r, 0) for r in range(model.rowCount()) if model.index(r, 0).data() == text
    )


def grab_row(view: ChatView, index: QModelIndex) -> QImage:
    view.transcript.viewport().repaint()
    rect = view.transcript.visualRect(index)
    return view.transcript.viewport().grab(rect).toImage()


def differing(a: QImage, b: QImage) -> list[tuple[int, int]]:
    assert a.size() == b.size()
    return [
        (x, y)
        for y in range(a.height())
        for x in range(a.width())
        if a.pixel(x, y) != b.pixel(x, y)
    ]


def set_bundled(h: AppHarness, on: bool) -> None:
    settings = h.window.settings_store.settings
    emoji = settings.emoji.model_copy(update={"bundled_images": on})
    h.window.settings_store.update(settings.model_copy(update={"emoji": emoji}))


def test_transcript_paints_twemoji_instead_of_the_font_live(
    start: StartHarness, monkeypatch: pytest.MonkeyPatch
) -> None:
    painted: list[str] = []
    original = EmojiImages.pixmap

    def spy(self: EmojiImages, emoji: str, size: int, ratio: float = 1.0) -> QPixmap | None:
        painted.append(emoji)
        return original(self, emoji, size, ratio)

    monkeypatch.setattr(EmojiImages, "pixmap", spy)
    h = start(settings=ON)
    view = h.accept(h.customers.start_chat("Marie", TEXT))
    view.transcript.resize(700, 400)
    index = row_of(h, view, TEXT)
    rect = view.transcript.visualRect(index)
    cells = view.delegate.emoji_cells(index, rect, view.transcript.font())
    assert [form for _, form in cells] == ["🎉"]
    cell = cells[0][0].translated(-rect.left(), -rect.top()).toAlignedRect()
    with_images = grab_row(view, index)
    assert "🎉" in painted

    # the setting applies at once, to the open transcript: the font draws the emoji again
    painted.clear()
    set_bundled(h, False)
    assert view.delegate.emoji_cells(index, rect, view.transcript.font()) == []
    with_font = grab_row(view, index)
    assert painted == []
    changed = differing(with_images, with_font)
    assert changed, "the image must replace the font's glyph"
    # only the emoji's cell changes: the text around it is laid out exactly as before
    assert all(cell.adjusted(-1, -1, 1, 1).contains(x, y) for x, y in changed)
    # and the row keeps its size
    assert view.transcript.visualRect(index) == rect

    set_bundled(h, True)
    assert grab_row(view, index) == with_images


def test_emoji_without_an_image_falls_back_to_the_character(start: StartHarness) -> None:
    class NoImages(EmojiImages):
        def svg(self, emoji: str) -> bytes | None:
            return None

    h = start(settings=ON)
    view = h.accept(h.customers.start_chat("Marie", TEXT))
    view.transcript.resize(700, 400)
    index = row_of(h, view, TEXT)
    rect = view.transcript.visualRect(index)
    assert view.delegate.emoji_cells(index, rect, view.transcript.font())
    view.delegate.set_emoji_images(None)
    with_font = grab_row(view, index)
    view.delegate.set_emoji_images(NoImages())
    assert view.delegate.emoji_cells(index, rect, view.transcript.font()) == []
    assert grab_row(view, index) == with_font  # the character, drawn by the font
    view.delegate.set_emoji_images(shared_images())
    assert grab_row(view, index) != with_font


def test_links_after_emoji_are_formatted_and_clicked_where_they_are(
    start: StartHarness, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []

    def fake_open(url: QUrl) -> bool:
        opened.append(url.toString())
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", fake_open)
    h = start(settings=ON)
    view = h.accept(h.customers.start_chat("Marie", LINK_TEXT))
    view.transcript.resize(700, 400)
    index = row_of(h, view, LINK_TEXT)
    rect = view.transcript.visualRect(index)
    font = view.transcript.font()
    (span,) = view.delegate.links(index)
    assert LINK_TEXT[span.start : span.end] == "https://exemple.fr/suivi"
    assert [form for _, form in view.delegate.emoji_cells(index, rect, font)] == [
        "🎉",
        "👍️",
        "😀",
    ]
    # the layout counts UTF-16 units: the link's format covers the URL, not 2 units before
    layout = view.delegate._place(index, rect.toRectF(), font).layout
    utf16 = LINK_TEXT.encode("utf-16-le")
    (link_format,) = layout.formats()
    first, length = link_format.start, link_format.length
    assert utf16[2 * first : 2 * (first + length)].decode("utf-16-le") == "https://exemple.fr/suivi"
    # the URL's last character is inside the link, the space after it is not
    last = view.delegate.link_point(index, rect, _span(span, span.end - 1), font)
    after = view.delegate.link_point(index, rect, _span(span, span.end), font)
    assert view.delegate.link_at(index, rect, last, font) == span
    assert view.delegate.link_at(index, rect, after, font) is None
    # the emoji images never cover the link
    link_box = QRect(view.delegate.link_point(index, rect, span, font), last)
    assert not any(
        cell.intersects(link_box.toRectF())
        for cell, _ in view.delegate.emoji_cells(index, rect, font)
    )
    QTest.mouseClick(view.transcript.viewport(), Qt.MouseButton.LeftButton, pos=last)
    assert opened == ["https://exemple.fr/suivi"]


def _span(span: LinkSpan, start: int) -> LinkSpan:
    return LinkSpan(start, start + 1, span.kind, span.target)


def test_every_message_list_of_a_chat_follows_the_setting(start: StartHarness) -> None:
    """Live chat, Conversation tab and the Communication view draw the bundled images."""
    from PySide6.QtWidgets import QAbstractItemView

    from agent_desktop.ui.message_delegate import MessageDelegate

    h = start(settings={"chat": {"notification_sound": False}, "emoji": {"bundled_images": True}})
    iid = h.customers.start_chat("Marie", "Bonjour 🎉")
    view = h.accept(iid)

    def delegates() -> list[MessageDelegate]:
        found = []
        for widget in (view, h.window.connect_area.view if h.window.connect_area else None):
            if widget is None:
                continue
            for item_view in widget.findChildren(QAbstractItemView):
                delegate = item_view.itemDelegate()
                if isinstance(delegate, MessageDelegate):
                    found.append(delegate)
        return found

    assert len(delegates()) >= 2  # the live transcript and the Conversation tab at least
    assert all(d.draws_emoji_images for d in delegates())
    h.desktop.settings_store.try_update({"emoji": {"bundled_images": False}})
    assert not any(d.draws_emoji_images for d in delegates())


def test_a_consultation_transcript_follows_the_setting(start: StartHarness) -> None:
    from tests.ui.test_interaction_actions import CLAIRE, choose, consultation, open_chat

    h = start(settings={"chat": {"notification_sound": False}, "emoji": {"bundled_images": True}})
    _iid, view = open_chat(h)
    choose(h, view, "consultButton", CLAIRE)
    assert consultation(h, view).delegate.draws_emoji_images
