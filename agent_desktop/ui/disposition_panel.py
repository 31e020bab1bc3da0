"""Disposition code and note of an interaction, in the chat view's side panel."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QComboBox, QFrame, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from agent_desktop.core.settings import DEFAULT_DISPOSITION_CODES
from agent_desktop.ui.labels import default_code_label

#: the note is handed over this long after the last keystroke (and on leaving the field)
NOTE_SETTLE_MS = 300


class NoteEdit(QPlainTextEdit):
    focusLost = Signal()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self.focusLost.emit()


class DispositionPanel(QFrame):
    """Passive: shows the codes and the note; changes leave as signals."""

    dispositionChanged = Signal(str)  # "" = no code
    noteChanged = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dispositionPanel")
        self.setAccessibleName(self.tr("Disposition and note"))
        self.title = QLabel(self.tr("Disposition"), self)
        self.title.setObjectName("sectionTitle")
        self.combo = QComboBox(self)
        self.combo.setObjectName("dispositionCombo")
        self.combo.setAccessibleName(self.tr("Disposition code"))
        self.note_title = QLabel(self.tr("Note"), self)
        self.note_title.setObjectName("sectionTitle")
        self.note = NoteEdit(self)
        self.note.setObjectName("noteEdit")
        self.note.setAccessibleName(self.tr("Note"))
        self.note.setPlaceholderText(self.tr("Notes about this interaction"))
        self.note.setTabChangesFocus(True)
        fm = self.note.fontMetrics()
        self.note.setMinimumHeight(int(fm.lineSpacing() * 3.5))
        self.note.setMaximumHeight(int(fm.lineSpacing() * 8))
        self.required = QLabel(self.tr("Required before Mark Done"), self)
        self.required.setObjectName("dispositionRequired")
        self.required.setVisible(False)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 8, 0, 0)
        box.setSpacing(4)
        box.addWidget(self.title)
        box.addWidget(self.combo)
        box.addWidget(self.required)
        box.addSpacing(4)
        box.addWidget(self.note_title)
        box.addWidget(self.note)

        self._note_timer = QTimer(self)
        self._note_timer.setSingleShot(True)
        self._note_timer.setInterval(NOTE_SETTLE_MS)
        self._note_timer.timeout.connect(self._flush_note)
        self.note.textChanged.connect(self._note_timer.start)
        self.note.focusLost.connect(self._flush_note)
        self.combo.currentIndexChanged.connect(self._code_chosen)
        self._last_note = ""

    def set_codes(self, codes: list[str], current: str | None, mandatory: bool) -> None:
        self.combo.blockSignals(True)
        self.combo.clear()
        self.combo.addItem(self.tr("— No disposition —"), "")
        for code in codes:
            # the built-in codes are shown in the interface language; the stored value stays
            shown = default_code_label(code) if code in DEFAULT_DISPOSITION_CODES else code
            self.combo.addItem(shown, code)
        index = self.combo.findData(current or "")
        self.combo.setCurrentIndex(max(0, index))
        self.combo.blockSignals(False)
        self.required.setVisible(mandatory)

    def set_note(self, note: str) -> None:
        self._last_note = note
        self.note.blockSignals(True)
        self.note.setPlainText(note)
        self.note.blockSignals(False)

    def choose(self, code: str) -> bool:
        """Pick ``code`` (automation and tests)."""
        index = self.combo.findData(code, Qt.ItemDataRole.UserRole)
        if index < 0:
            return False
        self.combo.setCurrentIndex(index)
        return True

    def flush(self) -> None:
        """Hand over a note still settling (before Mark Done)."""
        self._flush_note()

    def _code_chosen(self, index: int) -> None:
        self.dispositionChanged.emit(str(self.combo.itemData(index) or ""))

    def _flush_note(self) -> None:
        self._note_timer.stop()
        text = self.note.toPlainText()
        if text != self._last_note:
            self._last_note = text
            self.noteChanged.emit(text)
