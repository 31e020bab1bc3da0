"""The top bar's "My statistics" button."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QToolButton, QWidget

from agent_desktop.ui.icons import icon


class StatsButton(QToolButton):
    """The top bar's "My statistics" button; its icon follows the palette's muted colour."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statsButton")
        self.setAccessibleName(self.tr("My statistics"))
        self.setToolTip(self.tr("My statistics"))
        self.setAutoRaise(True)
        self._recolor()

    def _recolor(self) -> None:
        muted = self.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        self.setIcon(icon("stats", muted))

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._recolor()
