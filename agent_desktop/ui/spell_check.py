"""Spell checking in a composer: wavy underlines, suggestions in the context menu."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint
from PySide6.QtGui import (
    QColor,
    QContextMenuEvent,
    QSyntaxHighlighter,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QMenu, QPlainTextEdit

from agent_desktop.core.spelling import WordSpan
from agent_desktop.services.spelling import SpellingService


class SpellHighlighter(QSyntaxHighlighter):
    """Underlines every word the current dictionary does not know."""

    def __init__(self, document: QTextDocument, service: SpellingService) -> None:
        super().__init__(document)
        self.service = service
        self.mistake = QTextCharFormat()
        self.mistake.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SpellCheckUnderline)
        self.mistake.setUnderlineColor(QColor("#d1242f"))

    def highlightBlock(self, text: str) -> None:
        speller = self.service.speller
        if speller is None:
            return
        for span in speller.misspelled(text):
            self.setFormat(span.start, span.end - span.start, self.mistake)


class ComposerSpelling(QObject):
    """Spell checking of one composer: the highlighter plus the context menu."""

    def __init__(self, composer: QPlainTextEdit, service: SpellingService) -> None:
        super().__init__(composer)
        self.composer = composer
        self.service = service
        self.highlighter = SpellHighlighter(composer.document(), service)
        service.changed.connect(self.highlighter.rehighlight)
        composer.installEventFilter(self)

    def misspelled_at(self, pos: QPoint) -> tuple[WordSpan, int] | None:
        """The flagged word under ``pos`` (viewport coordinates) and its block's position."""
        speller = self.service.speller
        if speller is None:
            return None
        cursor = self.composer.cursorForPosition(pos)
        block = cursor.block()
        offset = cursor.position() - block.position()
        for span in speller.misspelled(block.text()):
            if span.start <= offset <= span.end:
                return span, block.position()
        return None

    def build_menu(self, pos: QPoint) -> QMenu:
        """The context menu at ``pos``: suggestions and "Add to dictionary" over a flagged
        word, the usual editing actions, and the spelling language."""
        standard = self.composer.createStandardContextMenu(
            self.composer.viewport().mapToGlobal(pos)
        )
        menu = QMenu(self.composer)
        menu.setObjectName("composerContextMenu")
        standard.setParent(menu, standard.windowFlags())
        found = self.misspelled_at(pos)
        speller = self.service.speller
        if found is not None and speller is not None:
            span, block_start = found
            suggestions = speller.suggestions(span.word)
            for word in suggestions:
                action = menu.addAction(word)
                action.setObjectName("spellSuggestion")
                action.triggered.connect(
                    lambda _c=False, w=word, s=span, b=block_start: self.replace(s, b, w)
                )
            if not suggestions:
                menu.addAction(self.tr("No suggestions")).setEnabled(False)
            add = menu.addAction(self.tr("Add “{0}” to the dictionary").format(span.word))
            add.setObjectName("spellAddWord")
            add.triggered.connect(lambda _c=False, w=span.word: self.service.add_word(w))
            menu.addSeparator()
        for action in standard.actions():
            menu.addAction(action)
        menu.addSeparator()
        languages = menu.addMenu(self.tr("Spelling"))
        languages.setObjectName("spellLanguageMenu")
        current = self.service.language
        for code, label in (("en", "English"), ("fr", "Français"), (None, self.tr("Off"))):
            action = languages.addAction(label)
            action.setObjectName(f"spellLanguage_{code or 'off'}")
            action.setCheckable(True)
            action.setChecked(current == code)
            action.triggered.connect(lambda _c=False, c=code: self.service.set_language(c))
        return menu

    def replace(self, span: WordSpan, block_start: int, word: str) -> None:
        cursor = QTextCursor(self.composer.document())
        cursor.setPosition(block_start + span.start)
        cursor.setPosition(block_start + span.end, QTextCursor.MoveMode.KeepAnchor)
        cursor.insertText(word)
        self.composer.setTextCursor(cursor)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.composer and event.type() == QEvent.Type.ContextMenu:
            assert isinstance(event, QContextMenuEvent)
            menu = self.build_menu(event.pos())
            menu.exec(event.globalPos())
            menu.deleteLater()
            return True
        return super().eventFilter(watched, event)
