"""Keyboard-only use, accessible names, shortcuts, live themes and transcript zoom."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QKeySequence, QWheelEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QScrollBar,
    QTabBar,
    QTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from agent_desktop.core.types import PendingLevel
from agent_desktop.testing import AppHarness
from agent_desktop.ui.about import AboutDialog
from agent_desktop.ui.crash_dialog import CrashDialog
from agent_desktop.ui.settings_dialog import SettingsDialog
from agent_desktop.ui.shortcuts import ShortcutsDialog, shortcuts
from agent_desktop.ui.theme import DARK, HIGH_CONTRAST, LIGHT
from tests.ui.conftest import FAST, StartHarness
from tests.ui.widget_walk import describe, visible_widgets

INTERACTIVE = (
    QAbstractButton,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QComboBox,
    QAbstractSpinBox,
    QAbstractItemView,
    QAbstractSlider,
    QTabBar,
)


def is_part_of_another_control(widget: QWidget) -> bool:
    """The line edit inside a spin box, a table's headers, scroll bars: named by their owner."""
    parent = widget.parentWidget()
    return isinstance(widget, QScrollBar | QHeaderView) or isinstance(
        parent, QAbstractSpinBox | QComboBox
    )


def unnamed_controls(roots: list[QWidget]) -> list[str]:
    return sorted(
        describe(widget)
        for root in roots
        for widget in visible_widgets(root)
        if isinstance(widget, INTERACTIVE)
        and not is_part_of_another_control(widget)
        and not widget.accessibleName().strip()
    )


def unreachable_controls(roots: list[QWidget]) -> list[str]:
    return sorted(
        describe(widget)
        for root in roots
        for widget in visible_widgets(root)
        if isinstance(widget, INTERACTIVE)
        and not is_part_of_another_control(widget)
        and not widget.focusPolicy() & Qt.FocusPolicy.TabFocus
    )


def activate(h: AppHarness, qtbot: QtBot) -> None:
    h.window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is h.window)


def test_every_control_is_named_and_reachable(start: StartHarness) -> None:
    h = start(settings=FAST)
    first = h.customers.start_chat("Marie Dupont", "Bonjour")
    second = h.customers.start_chat("Paul", "Hello", channel="whatsapp")
    h.wait_until(lambda: h.toast() is not None)
    toast = h.toast()
    assert toast is not None
    assert unnamed_controls([toast]) == []
    h.accept(first)
    h.accept(second)
    dialogs: list[QWidget] = [
        SettingsDialog(h.settings, h.window),
        ShortcutsDialog(h.window),
        AboutDialog(h.desktop.paths.log_dir, h.window),
        CrashDialog("Boom", "Traceback", h.desktop.paths.log_dir, h.window),
    ]
    try:
        for dialog in dialogs:
            dialog.show()
        roots = [h.window, *dialogs]
        assert unnamed_controls(roots) == [], "\n".join(unnamed_controls(roots))
        assert unreachable_controls(roots) == [], "\n".join(unreachable_controls(roots))
    finally:
        for dialog in dialogs:
            dialog.close()
            dialog.deleteLater()


def test_the_check_catches_an_unnamed_control(start: StartHarness) -> None:
    h = start(settings=FAST)
    h.window.settings_button.setAccessibleName("")
    assert unnamed_controls([h.window]) == ["QToolButton settingsButton"]


def test_pending_level_is_announced_as_text(start: StartHarness) -> None:
    h = start(settings=FAST)
    iid = h.customers.start_chat("Marie", "Allo ?")
    view = h.accept(iid)
    h.wait_until(lambda: view.pending.current_level is PendingLevel.RED)
    assert view.pending.accessibleName() == "Pending response"
    assert view.pending.accessibleDescription() == "Reply urgently overdue"
    assert view.pending.toolTip() == "Reply urgently overdue"


def test_chat_handled_with_the_keyboard_only(start: StartHarness, qtbot: QtBot) -> None:
    h = start(settings=FAST)
    activate(h, qtbot)
    first = h.customers.start_chat("Anne", "Un")
    h.wait_until(lambda: (t := h.toast()) is not None and t.current is not None)
    QTest.keyClick(
        h.window,
        Qt.Key.Key_A,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    h.wait_until(lambda: h.chat_view(first) is not None)
    view = h.chat_view(first)
    assert view is not None
    h.wait_until(view.composer.hasFocus)
    QTest.keyClicks(view.composer, "Bonjour Anne")
    QTest.keyClick(view.composer, Qt.Key.Key_Return)
    h.wait_until(lambda: h.customers.received(first) == ["Bonjour Anne"])

    second = h.customers.start_chat("Bob", "Two", channel="sms")
    h.wait_until(
        lambda: (t := h.toast()) is not None and t.current is not None and t.current.id == second
    )
    QTest.keyClick(
        h.window,
        Qt.Key.Key_X,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    h.wait_until(lambda: h.toast() is None)
    assert h.chat_view(second) is None

    third = h.customers.start_chat("Chloe", "Trois")
    h.wait_until(
        lambda: (t := h.toast()) is not None and t.current is not None and t.current.id == third
    )
    QTest.keyClick(
        h.window,
        Qt.Key.Key_A,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    h.wait_until(lambda: h.window.current_view() is h.chat_view(third))
    QTest.keyClick(h.window, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    h.wait_until(lambda: h.window.current_view() is view)
    QTest.keyClick(h.window, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    h.wait_until(lambda: h.window.current_view() is h.chat_view(third))
    QTest.keyClick(h.window, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    h.wait_until(lambda: h.window.current_view() is view)

    view.transcript.setFocus()
    QTest.keyClick(h.window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    h.wait_until(view.composer.hasFocus)

    QTest.keyClick(
        h.window,
        Qt.Key.Key_E,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    h.wait_until(view.done_button.isEnabled)
    QTest.keyClick(
        h.window,
        Qt.Key.Key_D,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    h.wait_until(lambda: h.chat_view(first) is None)

    QTest.keyClick(
        h.window,
        Qt.Key.Key_R,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    h.wait_until(lambda: not h.window.ready_button.isChecked())


def test_every_listed_shortcut_is_bound_once() -> None:
    keys = [QKeySequence(k).toString() for s in shortcuts() for k in s.keys]
    assert len(keys) == len(set(keys)), "two actions share a key"
    assert {s.action for s in shortcuts()} >= {
        "accept", "end", "done", "next", "previous", "emoji", "url", "zoom_in", "zoom_out",
        "zoom_reset", "ready", "help",
    }  # fmt: skip


def test_window_binds_what_the_help_lists(start: StartHarness) -> None:
    h = start(settings=FAST)
    bound = {s.key().toString() for s in h.window.shortcuts}
    bound |= {h.window.shortcuts_action.shortcut().toString()}
    listed = {QKeySequence(k).toString() for s in shortcuts() for k in s.keys}
    assert listed == bound


def test_f1_opens_the_shortcuts_dialog(start: StartHarness, qtbot: QtBot) -> None:
    h = start(settings=FAST)
    activate(h, qtbot)
    QTest.keyClick(h.window, Qt.Key.Key_F1)
    h.wait_until(lambda: h.window.findChild(ShortcutsDialog, "shortcutsDialog") is not None)
    dialog = h.window.findChild(ShortcutsDialog, "shortcutsDialog")
    assert dialog is not None and dialog.isVisible()
    table = dialog.table
    rows = {item.text() for r in range(table.rowCount()) if (item := table.item(r, 1))}
    assert {"Accept the incoming chat", "End the chat", "Open the emoji picker"} <= rows
    dialog.close()


def test_theme_switches_live_from_the_settings(start: StartHarness) -> None:
    h = start(settings={**FAST, "ui": {"theme": "light"}})
    iid = h.customers.start_chat("Marie", "Bonjour")
    view = h.accept(iid)
    assert h.window.theme is LIGHT
    for mode, theme in (("dark", DARK), ("high_contrast", HIGH_CONTRAST), ("light", LIGHT)):
        assert h.desktop.settings_store.try_update({"ui": {"theme": mode}}) is None
        assert h.window.theme is theme
        assert view.delegate.theme is theme
        assert QApplication.palette().window().color() == theme.window


def wheel(widget: QWidget, delta: int, modifiers: Qt.KeyboardModifier) -> None:
    event = QWheelEvent(
        QPointF(10, 10),
        QPointF(widget.mapToGlobal(QPoint(10, 10))),
        QPoint(0, 0),
        QPoint(0, delta),
        Qt.MouseButton.NoButton,
        modifiers,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(
        widget.viewport() if isinstance(widget, QAbstractItemView) else widget, event
    )


def test_transcript_zoom_is_remembered(start: StartHarness, qtbot: QtBot) -> None:
    h = start(settings=FAST)
    activate(h, qtbot)
    iid = h.customers.start_chat("Marie", "Bonjour, un message assez long pour voir la taille")
    view = h.accept(iid)
    base = QApplication.font().pointSizeF()
    assert view.transcript.font().pointSizeF() == base
    QTest.keyClick(h.window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    h.wait_until(lambda: h.settings.ui.transcript_zoom == 110)
    assert view.transcript.font().pointSizeF() == base * 1.1
    wheel(view.transcript, 120, Qt.KeyboardModifier.ControlModifier)
    assert h.settings.ui.transcript_zoom == 125
    wheel(view.transcript, -120, Qt.KeyboardModifier.NoModifier)  # plain wheel scrolls
    assert h.settings.ui.transcript_zoom == 125
    QTest.keyClick(h.window, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert h.settings.ui.transcript_zoom == 110
    row = view.transcript.model().index(0, 0)
    tall = view.transcript.visualRect(row).height()
    QTest.keyClick(h.window, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert h.settings.ui.transcript_zoom == 100
    h.wait_until(lambda: view.transcript.visualRect(row).height() < tall)
    for _ in range(20):
        QTest.keyClick(h.window, Qt.Key.Key_Plus, Qt.KeyboardModifier.ControlModifier)
    assert h.settings.ui.transcript_zoom == 300  # the largest notch, no further
    saved = h.desktop.settings_store.path.read_text(encoding="utf-8")
    assert '"transcript_zoom": 300' in saved
