"""Walk the visible widgets of windows and collect what a person or a screen reader meets."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabBar,
    QTableWidget,
    QTextEdit,
    QWidget,
)


def visible_widgets(root: QWidget) -> Iterator[QWidget]:
    """``root`` and its visible descendants (hidden subtrees are skipped)."""
    if not root.isVisible():
        return
    yield root
    for child in root.findChildren(QWidget):
        if child.isVisibleTo(root) and child.isVisible():
            yield child


def describe(widget: QWidget) -> str:
    name = widget.objectName() or "<unnamed>"
    return f"{type(widget).__name__} {name}"


def texts(widget: QWidget) -> Iterator[tuple[str, str]]:
    """(what, text) for every user-visible or assistive-technology string of ``widget``."""
    yield "accessibleName", widget.accessibleName()
    yield "accessibleDescription", widget.accessibleDescription()
    yield "toolTip", widget.toolTip()
    if widget.isWindow():
        yield "windowTitle", widget.windowTitle()
    if isinstance(widget, QLabel | QAbstractButton):
        yield "text", widget.text()
    elif isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
        yield "placeholderText", widget.placeholderText()
    elif isinstance(widget, QGroupBox):
        yield "title", widget.title()
    elif isinstance(widget, QComboBox):
        for i in range(widget.count()):
            yield f"item {i}", widget.itemText(i)
    elif isinstance(widget, QTabBar):
        for i in range(widget.count()):
            yield f"tab {i}", widget.tabText(i)
    elif isinstance(widget, QTableWidget):
        for column in range(widget.columnCount()):
            header = widget.horizontalHeaderItem(column)
            yield f"header {column}", header.text() if header is not None else ""
            for row in range(widget.rowCount()):
                item = widget.item(row, column)
                yield f"cell {row},{column}", item.text() if item is not None else ""
    elif isinstance(widget, QMenu):
        for action in widget.actions():
            yield "action", action.text()
    if isinstance(widget, QAbstractSpinBox):
        yield "suffix", getattr(widget, "suffix", lambda: "")()
