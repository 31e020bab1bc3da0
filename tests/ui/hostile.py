"""The hostile corpus (tests/data/hostile) and the checks the UI tests run on it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6 import QtGui
from PySide6.QtCore import QModelIndex, QRect, Qt
from PySide6.QtGui import QImage, QPainter, QTextDocument
from PySide6.QtWidgets import QAbstractItemView, QLabel, QStyleOptionViewItem

from agent_desktop.core.display import BIDI_CONTROLS, COLLAPSED_CHARS, display_text
from agent_desktop.core.models import valid_unicode
from agent_desktop.ui import message_delegate
from agent_desktop.ui.wire_tooltip import TOOLTIP_CHARS

HOSTILE = Path(__file__).resolve().parents[1] / "data" / "hostile"
#: the longest text a transcript row lays out: a collapsed message and its safe tags
#: (each character may become a tag such as ``⟦ZWSP⟧``, 6 characters)
ROW_TEXT_MAX = 8 * COLLAPSED_CHARS
#: the longest text a label showing wire data (notification, preview, banner...) holds
LABEL_MAX = 1_000


def corpus() -> list[Any]:
    """Each hostile text as a pytest param: every ``.txt`` file, and the ``.json`` ones
    decoded (lone surrogates cannot be written to a UTF-8 file, JSON escapes them)."""
    texts = [(path.stem, path.read_text("utf-8")) for path in sorted(HOSTILE.glob("*.txt"))]
    texts += [
        (path.stem, json.loads(path.read_text("utf-8"))["text"])
        for path in sorted(HOSTILE.glob("*.json"))
    ]
    return [pytest.param(text, id=name) for name, text in texts]


CORPUS = corpus()


def stored(text: str) -> str:
    """``text`` as the app keeps it (a lone surrogate becomes U+FFFD at the wire's edge)."""
    return valid_unicode(text)


def no_bidi(text: str) -> bool:
    return not any(ch in BIDI_CONTROLS for ch in text)


def no_surrogate(text: str) -> bool:
    return not any(0xD800 <= ord(ch) <= 0xDFFF for ch in text)


def safe(text: str) -> bool:
    """Nothing in ``text`` can reorder the display around it or break the text engine."""
    return no_bidi(text) and no_surrogate(text) and "\x00" not in text


def check_label(label: QLabel) -> None:
    """A label showing wire data: plain text, safe, bounded."""
    assert label.textFormat() == Qt.TextFormat.PlainText, label.objectName()
    assert safe(label.text()), label.objectName()
    assert len(label.text()) <= LABEL_MAX, label.objectName()


def as_shown(text: str) -> str:
    """What Qt shows of a tooltip string: rich text when it looks like HTML."""
    if QtGui.Qt.mightBeRichText(text):
        document = QTextDocument()
        document.setHtml(text)
        return document.toPlainText()
    return text


def check_tooltip(index: QModelIndex, source: str) -> None:
    """The row's tooltip shows ``source`` (its wire text) made safe and *as typed*: markup
    from the wire is text (escaped), not interpreted."""
    tip = str(index.data(Qt.ItemDataRole.ToolTipRole) or "")
    assert tip, "the row has no tooltip"
    shown = as_shown(tip)
    assert safe(shown)
    expected = display_text(source, limit=TOOLTIP_CHARS)
    assert shown.replace("\u00a0", " ").startswith(expected.replace("\u00a0", " ")), (
        shown[:80],
        expected[:80],
    )


class LaidOut:
    """Every text the message delegates lay out (to measure or to paint) while it is on."""

    def __init__(self) -> None:
        self.texts: list[str] = []

    def longest(self) -> int:
        return max((len(text) for text in self.texts), default=0)


def record_layouts(monkeypatch: pytest.MonkeyPatch) -> LaidOut:
    """From now on, note every text a message delegate lays out (``layout_text``)."""
    record = LaidOut()
    real = message_delegate.layout_text

    def recording(text: str, *args: Any, **kwargs: Any) -> Any:
        record.texts.append(text)
        return real(text, *args, **kwargs)

    monkeypatch.setattr(message_delegate, "layout_text", recording)
    return record


class RecordingPainter(QPainter):
    """A painter that notes every string a delegate hands to ``drawText``."""

    def __init__(self, device: QImage) -> None:
        super().__init__(device)
        self.texts: list[str] = []

    def drawText(self, *args: Any) -> None:  # type: ignore[override]
        self.texts.extend(a for a in args if isinstance(a, str))
        super().drawText(*args)


def painted_texts(view: QAbstractItemView) -> list[str]:
    """The strings the delegate of ``view`` draws with ``drawText`` for each of its rows."""
    model = view.model()
    delegate = view.itemDelegate()
    image = QImage(max(1, view.viewport().width()), 400, QImage.Format.Format_ARGB32)
    painter = RecordingPainter(image)
    try:
        for row in range(model.rowCount()):
            index = model.index(row, 0)
            option = QStyleOptionViewItem()
            option.initFrom(view)
            rect = view.visualRect(index)
            option.rect = QRect(0, 0, rect.width() or image.width(), rect.height() or 40)
            option.font = view.font()
            delegate.paint(painter, option, index)
    finally:
        painter.end()
    return painter.texts
