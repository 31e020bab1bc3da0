"""The emoji picker through the harness: search, insert, stay open, send, Recent, tones."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QLocale, QObject, QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QAbstractItemView, QLabel, QLineEdit, QToolButton
from pytestqt.qtbot import QtBot

from agent_desktop.testing import AppHarness, child
from agent_desktop.ui.chat_view import ChatView
from agent_desktop.ui.emoji_picker import EmojiListModel, EmojiPicker
from tests.ui.conftest import StartHarness


def open_picker(h: AppHarness, view: ChatView) -> EmojiPicker:
    child(view, QToolButton, "emojiButton").click()
    h.wait_until(lambda: h.window.findChild(EmojiPicker, "emojiPicker") is not None)
    picker = view.findChild(EmojiPicker, "emojiPicker")
    assert picker is not None
    h.wait_until(picker.isVisible)
    return picker


def grid_emojis(picker: EmojiPicker) -> list[str]:
    grid = child(picker, QAbstractItemView, "emojiGrid")
    model = grid.model()
    return [model.index(r, 0).data(Qt.ItemDataRole.UserRole) for r in range(model.rowCount())]


def search(picker: EmojiPicker, text: str) -> list[str]:
    field = child(picker, QLineEdit, "emojiSearch")
    field.clear()
    QTest.keyClicks(field, text)
    return grid_emojis(picker)


@pytest.fixture
def french() -> Iterator[None]:
    previous = QLocale()
    QLocale.setDefault(QLocale("fr"))
    yield
    QLocale.setDefault(previous)


def test_search_in_both_languages_accent_and_case_insensitive(h: AppHarness) -> None:
    view = h.accept(h.customers.start_chat("Marie", "Bonjour"))
    picker = open_picker(h, view)
    for name in ("emojiSearch", "emojiRecentTab", "emojiAllTab", "emojiGrid"):
        assert picker.findChild(QObject, name) is not None, name
    assert "🎉" in search(picker, "fete")  # French keyword "fête", typed without accent
    assert "🎉" in search(picker, "FETE")
    assert "🎉" in search(picker, "party")  # English
    happy = search(picker, "heureux")
    assert "😀" in happy
    assert "😢" in search(picker, "triste")
    assert search(picker, "thumbs up")[0] == "👍️"
    # word-prefix matches come before matches inside a word
    results = search(picker, "cat")
    assert results.index("🐈") < results.index("🛒") if "🛒" in results else True
    assert search(picker, "zzzzqqq") == []
    empty = child(picker, QLabel, "emojiEmpty")
    assert empty.isVisible() and "zzzzqqq" in empty.text()


def test_tooltip_is_the_name_in_the_ui_language(h: AppHarness, french: None) -> None:
    view = h.accept(h.customers.start_chat("Marie", "Bonjour"))
    picker = open_picker(h, view)
    search(picker, "party popper")
    grid = child(picker, QAbstractItemView, "emojiGrid")
    index = grid.model().index(0, 0)
    assert index.data(Qt.ItemDataRole.UserRole) == "🎉"
    assert index.data(Qt.ItemDataRole.ToolTipRole) == "cotillons"
    assert child(picker, QToolButton, "emojiGroupButton").toolTip() == "Smileys et émotion"


def test_click_inserts_at_cursor_and_picker_stays_open_until_escape(
    h: AppHarness, qtbot: QtBot
) -> None:
    view = h.accept(h.customers.start_chat("Marie", "Bonjour"))
    view.composer.setPlainText("Merci !")
    cursor = view.composer.textCursor()
    cursor.setPosition(5)  # "Merci| !"
    view.composer.setTextCursor(cursor)
    picker = open_picker(h, view)
    search(picker, "party popper")
    grid = child(picker, QAbstractItemView, "emojiGrid")
    rect = grid.visualRect(grid.model().index(0, 0))
    QTest.mouseClick(grid.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.composer.toPlainText() == "Merci🎉 !"
    assert picker.isVisible()
    # Enter on the current emoji inserts it too; arrows move in the grid
    search(picker, "heart")
    grid.setFocus()
    QTest.keyClick(grid, Qt.Key.Key_Right)
    second = grid.model().index(1, 0).data(Qt.ItemDataRole.UserRole)
    assert grid.currentIndex().row() == 1
    QTest.keyClick(grid, Qt.Key.Key_Return)
    assert view.composer.toPlainText() == f"Merci🎉{second} !"
    assert picker.isVisible()
    QTest.keyClick(grid, Qt.Key.Key_Escape)
    h.wait_until(lambda: not picker.isVisible())


def test_click_outside_closes_the_picker(h: AppHarness) -> None:
    view = h.accept(h.customers.start_chat("Marie", "Bonjour"))
    picker = open_picker(h, view)
    # through the window system, as a real click: the popup sees it land outside
    window = h.window.windowHandle()
    outside = view.transcript.viewport().mapTo(h.window, QPoint(5, 5))
    QTest.mouseClick(window, Qt.MouseButton.LeftButton, pos=outside)
    h.wait_until(lambda: not picker.isVisible())


def test_group_bar_jumps_to_a_category(h: AppHarness) -> None:
    view = h.accept(h.customers.start_chat("Marie", "Bonjour"))
    picker = open_picker(h, view)
    child(picker, QAbstractButton, "emojiAllTab").click()
    buttons = [b for b in picker.findChildren(QToolButton, "emojiGroupButton")]
    flags = next(b for b in buttons if b.property("groupKey") == "flags")
    flags.click()
    grid = child(picker, QAbstractItemView, "emojiGrid")
    current = grid.currentIndex().data(Qt.ItemDataRole.UserRole)
    assert current == "🏁"
    assert grid.viewport().rect().intersects(grid.visualRect(grid.currentIndex()))


def test_sent_emojis_become_recent_and_survive_a_restart(start: StartHarness) -> None:
    h = start()
    iid = h.customers.start_chat("Marie", "Bonjour")
    view = h.accept(iid)
    picker = open_picker(h, view)
    assert child(picker, QAbstractButton, "emojiAllTab").isChecked()  # nothing sent yet
    child(picker, QAbstractButton, "emojiRecentTab").click()
    assert grid_emojis(picker) == []
    # picked but not sent: not recent
    picker.emojiChosen.emit("🎉")
    picker.hide()
    assert grid_emojis(picker) == []
    view.composer.setPlainText("Bravo 🎉 et merci 👍🏽")
    view.send_button.click()
    h.wait_until(lambda: h.customers.received(iid) == ["Bravo 🎉 et merci 👍🏽"])
    picker = open_picker(h, view)
    child(picker, QAbstractButton, "emojiRecentTab").click()
    assert grid_emojis(picker) == ["👍🏽", "🎉"]
    h.close()

    again = start()
    state = again.desktop.local_state
    again.wait_until(lambda: state.is_loaded)
    assert state.recent_emojis == ["👍🏽", "🎉"]
    iid2 = again.customers.start_chat("Paul", "Hello")
    view2 = again.accept(iid2)
    picker2 = open_picker(again, view2)
    assert child(picker2, QAbstractButton, "emojiRecentTab").isChecked()
    assert grid_emojis(picker2) == ["👍🏽", "🎉"]


def test_recent_keeps_recent_count_distinct(start: StartHarness) -> None:
    h = start(settings={"chat": {"notification_sound": False}, "emoji": {"recent_count": 2}})
    iid = h.customers.start_chat("Marie", "Bonjour")
    view = h.accept(iid)
    for text in ("🎉", "😀 🎉", "👍"):
        view.composer.setPlainText(text)
        view.send_button.click()
    h.wait_until(lambda: len(h.customers.received(iid)) == 3)
    # stored in the catalog form (👍 with VS16), distinct, most recent first
    assert h.desktop.local_state.recent_emojis == ["👍️", "🎉"]


def test_skin_tone_is_applied_and_remembered(start: StartHarness) -> None:
    h = start()
    view = h.accept(h.customers.start_chat("Marie", "Bonjour"))
    picker = open_picker(h, view)
    picker.choose_tone(picker.tone.__class__(3))
    assert search(picker, "thumbs up")[0] == "👍🏽"
    assert "🎉" in search(picker, "party")  # no tone: unchanged
    h.close()
    again = start()
    again.wait_until(lambda: again.desktop.local_state.is_loaded)
    view2 = again.accept(again.customers.start_chat("Paul", "Hello"))
    picker2 = open_picker(again, view2)
    assert int(picker2.tone) == 3
    assert search(picker2, "thumbs up")[0] == "👍🏽"


def test_paste_emoji_into_composer_and_send(h: AppHarness, qtbot: QtBot) -> None:
    from PySide6.QtGui import QGuiApplication

    iid = h.customers.start_chat("Marie", "Bonjour")
    view = h.accept(iid)
    QGuiApplication.clipboard().setText("😀🇫🇷")
    view.composer.setFocus()
    view.composer.paste()
    assert view.composer.toPlainText() == "😀🇫🇷"
    view.send_button.click()
    h.wait_until(lambda: h.customers.received(iid) == ["😀🇫🇷"])


def test_emoji_disabled_hides_button_and_explains_refusal(start: StartHarness) -> None:
    h = start(settings={"chat": {"notification_sound": False}, "emoji": {"enabled": False}})
    iid = h.customers.start_chat("Marie", "Bonjour")
    view = h.accept(iid)
    assert not child(view, QToolButton, "emojiButton").isVisible()
    notice = child(view, QLabel, "emojiBlockedNotice")
    view.composer.setPlainText("Merci 🎉")
    assert notice.isVisible() and "emoji" in notice.text().lower()
    QTest.keyClick(view.composer, Qt.Key.Key_Return)
    assert view.composer.toPlainText() == "Merci 🎉"  # kept, not sent
    view.composer.setPlainText("Merci")
    assert not notice.isVisible()
    view.send_button.click()
    h.wait_until(lambda: h.customers.received(iid) == ["Merci"])


def test_picker_disabled_hides_only_the_button(start: StartHarness) -> None:
    h = start(settings={"chat": {"notification_sound": False}, "emoji": {"picker_enabled": False}})
    iid = h.customers.start_chat("Marie", "Bonjour")
    view = h.accept(iid)
    assert not child(view, QToolButton, "emojiButton").isVisible()
    view.composer.setPlainText("Merci 🎉")
    assert not child(view, QLabel, "emojiBlockedNotice").isVisible()
    view.send_button.click()
    h.wait_until(lambda: h.customers.received(iid) == ["Merci 🎉"])


def test_emoji_model(qtmodeltester: object) -> None:
    from agent_desktop.core.emoji import SkinTone, default_catalog

    model = EmojiListModel(default_catalog(), "en")
    model.set_entries(default_catalog().entries[:50], SkinTone.NONE)
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert model.index(0, 0).data(Qt.ItemDataRole.ToolTipRole) == "grinning face"


def test_bundled_images_replace_the_font_and_fall_back_to_the_character(
    start: StartHarness,
) -> None:
    from PySide6.QtGui import QIcon

    from agent_desktop.ui.emoji_images import EmojiImages, shared_images

    h = start(settings={"chat": {"notification_sound": False}, "emoji": {"bundled_images": True}})
    view = h.accept(h.customers.start_chat("Marie", "Bonjour"))
    picker = open_picker(h, view)
    search(picker, "party popper")
    index = child(picker, QAbstractItemView, "emojiGrid").model().index(0, 0)
    assert index.data(Qt.ItemDataRole.UserRole) == "🎉"
    icon = index.data(Qt.ItemDataRole.DecorationRole)
    assert isinstance(icon, QIcon) and not icon.isNull()
    assert index.data(Qt.ItemDataRole.DisplayRole) is None  # the image stands for it
    assert shared_images().pixmap("🎉", 24) is not None

    class NoImages(EmojiImages):
        def svg(self, emoji: str) -> bytes | None:
            return None

    picker.set_images(NoImages())
    index = picker.model.index(0, 0)
    assert index.data(Qt.ItemDataRole.DisplayRole) == "🎉"  # fallback: the character
    assert index.data(Qt.ItemDataRole.DecorationRole) is None
