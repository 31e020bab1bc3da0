"""The whole text of a long message, read-only: what "Show more" under a collapsed bubble opens.

Plain text only (a ``QPlainTextEdit``: nothing is parsed as HTML), made safe to display by
``core.display.display_text``. A line longer than :data:`CHUNK_CHARS` is held in several
blocks of the document (cut at a space when there is one): Qt lays a block out whole and a
1 MB line without a space costs it tens of seconds, so no block is ever longer. Those cuts
are the viewer's, not the message's: copying joins them back.
"""

from __future__ import annotations

from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QGuiApplication, QPalette, QTextCursor, QTextOption
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from agent_desktop.core.display import display_text

#: the longest block the viewer's document holds (a longer line is cut into several)
CHUNK_CHARS = 10_000
#: a chunk ends at a space when there is one this close to its end
CHUNK_SLACK = 200
#: the user state of a block that continues the line of the block before it
CONTINUED = 1


def chunk_lines(text: str) -> tuple[list[str], list[bool]]:
    """``text`` as document blocks of at most :data:`CHUNK_CHARS`: (blocks, whether each
    block continues the line before it). ``"".join`` / ``"\\n".join`` give ``text`` back."""
    blocks: list[str] = []
    continued: list[bool] = []
    for line in text.split("\n"):
        rest, first = line, True
        while len(rest) > CHUNK_CHARS:
            cut = rest.rfind(" ", CHUNK_CHARS - CHUNK_SLACK, CHUNK_CHARS) + 1 or CHUNK_CHARS
            blocks.append(rest[:cut])
            continued.append(not first)
            rest, first = rest[cut:], False
        blocks.append(rest)
        continued.append(not first)
    return blocks, continued


class MessageText(QPlainTextEdit):
    """Read-only text whose long lines are held in chunks; copying gives the lines whole."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageViewerText")
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setUndoRedoEnabled(False)
        self.document().setDocumentMargin(8)

    def set_text(self, text: str) -> None:
        blocks, continued = chunk_lines(text)
        self.setPlainText("\n".join(blocks))
        block = self.document().firstBlock()
        for goes_on in continued:
            if goes_on:
                block.setUserState(CONTINUED)
            block = block.next()

    def longest_block(self) -> int:
        """Characters of the document's longest block (what one layout has to shape)."""
        longest = 0
        block = self.document().firstBlock()
        while block.isValid():
            longest = max(longest, block.length() - 1)
            block = block.next()
        return longest

    def selected_text(self) -> str:
        """The selection as the message has it (the viewer's own cuts joined back)."""
        selection = self.textCursor()
        start, end = selection.selectionStart(), selection.selectionEnd()
        cursor = QTextCursor(self.document())
        parts: list[str] = []
        block = self.document().findBlock(start)
        while block.isValid() and block.position() <= end:
            if parts:
                parts.append("" if block.userState() == CONTINUED else "\n")
            cursor.setPosition(max(start, block.position()))
            cursor.setPosition(
                min(end, block.position() + block.length() - 1), QTextCursor.MoveMode.KeepAnchor
            )
            parts.append(cursor.selectedText())
            block = block.next()
        return "".join(parts)

    def createMimeDataFromSelection(self) -> QMimeData:
        data = QMimeData()
        data.setText(self.selected_text())
        return data


class MessageViewer(QDialog):
    """A window with one message's whole text: selectable, copyable, never interpreted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("messageViewer")
        self.setAccessibleName(self.tr("Whole message"))
        self.setWindowModality(Qt.WindowModality.NonModal)
        self.author = QLabel(self)
        self.author.setObjectName("messageViewerAuthor")
        self.author.setTextFormat(Qt.TextFormat.PlainText)
        font = self.author.font()
        font.setBold(True)
        self.author.setFont(font)
        self.details = QLabel(self)
        self.details.setObjectName("messageViewerDetails")
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setForegroundRole(QPalette.ColorRole.PlaceholderText)  # secondary text
        self.text_view = MessageText(self)
        self.text_view.setAccessibleName(self.tr("Message text"))
        self.copy_button = QPushButton(self.tr("Copy all"), self)
        self.copy_button.setObjectName("messageViewerCopyButton")
        self.copy_button.setAccessibleName(self.tr("Copy the whole message"))
        self.close_button = QPushButton(self.tr("Close"), self)
        self.close_button.setObjectName("messageViewerCloseButton")
        self.close_button.setAccessibleName(self.tr("Close"))
        self.close_button.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.close_button)
        box = QVBoxLayout(self)
        box.setContentsMargins(16, 14, 16, 14)
        box.setSpacing(6)
        box.addWidget(self.author)
        box.addWidget(self.details)
        box.addWidget(self.text_view, 1)
        box.addLayout(buttons)
        self.copy_button.clicked.connect(self.copy_all)
        self.close_button.clicked.connect(self.close)
        self.resize(640, 520)
        self._text = ""

    def set_message(self, author: str, when: str, text: str) -> None:
        """Show ``text`` (wire text: made safe here) by ``author`` at ``when``."""
        name = display_text(author, limit=80)
        self.setWindowTitle(self.tr("Message from {0}").format(name))
        self.author.setText(name)
        count = self.locale().toString(len(text))
        self.details.setText(self.tr("{0}  ·  {1} characters").format(when, count))
        self._text = display_text(text)
        self.text_view.set_text(self._text)
        self.text_view.moveCursor(QTextCursor.MoveOperation.Start)

    def text(self) -> str:
        """The whole text shown (made safe to display)."""
        return self._text

    def copy_all(self) -> None:
        QGuiApplication.clipboard().setText(self._text)
