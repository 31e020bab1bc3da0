"""The keyboard shortcuts: one table used to install them and to show them (F1)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from agent_desktop.ui.accessibility import name_unnamed_controls


@dataclass(frozen=True)
class Shortcut:
    action: str  # what MainWindow binds it to
    keys: tuple[str, ...]  # portable key sequences (QKeySequence text), first one is shown
    description: str  # translated

    def native_text(self) -> str:
        """The keys as this platform writes them (Ctrl+Maj+A in French, ⌘⇧A on macOS)."""
        return ", ".join(
            QKeySequence(k).toString(QKeySequence.SequenceFormat.NativeText) for k in self.keys
        )


def _tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate: module helpers, empty context


def shortcuts() -> list[Shortcut]:
    """Every application-wide shortcut, in the order the help dialog lists them."""
    return [
        Shortcut("ready", ("Ctrl+Shift+R",), _tr("Go Ready / Not Ready on the Chat channel")),
        Shortcut("accept", ("Ctrl+Shift+A",), _tr("Accept the incoming chat")),
        Shortcut("reject", ("Ctrl+Shift+X",), _tr("Reject the incoming chat")),
        Shortcut("composer", ("Ctrl+L",), _tr("Go to the message field")),
        Shortcut("end", ("Ctrl+Shift+E",), _tr("End the chat")),
        Shortcut("done", ("Ctrl+Shift+D",), _tr("Mark the interaction Done")),
        Shortcut("next", ("Ctrl+Tab", "Ctrl+PgDown"), _tr("Next interaction")),
        Shortcut("previous", ("Ctrl+Shift+Tab", "Ctrl+PgUp"), _tr("Previous interaction")),
        Shortcut("emoji", ("Ctrl+Shift+M",), _tr("Open the emoji picker")),
        Shortcut("url", ("Ctrl+Shift+U",), _tr("Push a web address (URL)")),
        Shortcut("zoom_in", ("Ctrl++", "Ctrl+="), _tr("Larger transcript text (also Ctrl+wheel)")),
        Shortcut("zoom_out", ("Ctrl+-",), _tr("Smaller transcript text")),
        Shortcut("zoom_reset", ("Ctrl+0",), _tr("Transcript text at 100%")),
        Shortcut("responses", ("Ctrl+Shift+S",), _tr("Standard responses (or / in the message)")),
        Shortcut("palette", ("Ctrl+K",), _tr("Command palette: every action")),
        Shortcut("settings", ("Ctrl+,",), _tr("Settings")),
        Shortcut("help", ("F1",), _tr("Keyboard shortcuts")),
    ]


def editor_keys() -> list[tuple[str, str]]:
    """Keys of the message field itself (not window shortcuts): (keys, description)."""
    native = QKeySequence.SequenceFormat.NativeText
    return [
        (QKeySequence("Enter").toString(native), _tr("Send the message")),
        (QKeySequence("Shift+Enter").toString(native), _tr("New line in the message")),
        (QKeySequence("Tab").toString(native), _tr("Next control")),
        (QKeySequence("Shift+Tab").toString(native), _tr("Previous control")),
    ]


class ShortcutsDialog(QDialog):
    """Help > Keyboard shortcuts: a read-only, keyboard-navigable table."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("shortcutsDialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.setAccessibleName(self.tr("Keyboard shortcuts"))
        rows = [(s.native_text(), s.description) for s in shortcuts()] + editor_keys()
        self.table = QTableWidget(len(rows), 2, self)
        self.table.setObjectName("shortcutsTable")
        self.table.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("Action")])
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        for row, (keys, description) in enumerate(rows):
            key_item = QTableWidgetItem(keys)
            font = key_item.font()
            font.setBold(True)
            key_item.setFont(font)
            self.table.setItem(row, 0, key_item)
            self.table.setItem(row, 1, QTableWidgetItem(description))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        note = QLabel(self.tr("Every control is also reachable with Tab and Shift+Tab."), self)
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        box = QVBoxLayout(self)
        box.addWidget(self.table, 1)
        box.addWidget(note)
        box.addWidget(buttons)
        self.table.setWordWrap(True)
        rows_header = self.table.verticalHeader()
        rows_header.setMinimumSectionSize(self.fontMetrics().height() + 12)
        rows_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.resize(680, 580)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        name_unnamed_controls(self)
