"""Send again or discard a message the backend did not take: the menu of a failed message.

A click on a failed message sends it again (the transcript's status says so); a right-click
opens this menu, which also lets the agent give the message up. Used by the chat transcript
and by the conversation transcripts (Conversation tab, Communication view).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QPoint, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QMenu

from agent_desktop.core.types import DeliveryState
from agent_desktop.ui.transcript_model import Roles


class FailedMessageMenu(QObject):
    """Adds the "Send again" / "Discard" menu to failed messages of ``view``."""

    retryRequested = Signal(str)  # txn id
    discardRequested = Signal(str)  # txn id

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self.view = view
        # the menu now open, if any (automation and tests reach its actions through it)
        self.menu: QMenu | None = None
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self._requested)

    def _requested(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        txn = index.data(Roles.TXN_ID) if index.isValid() else None
        if txn and index.data(Roles.DELIVERY) == DeliveryState.FAILED.value:
            self.open(str(txn), self.view.viewport().mapToGlobal(pos))

    def open(self, txn_id: str, at: QPoint) -> QMenu:
        """Show the menu for the failed message ``txn_id`` at ``at`` (global)."""
        if self.menu is not None:
            self.menu.close()
        menu = QMenu(self.view)
        menu.setObjectName("failedMessageMenu")
        menu.setAccessibleName(self.tr("Message not sent"))
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        retry = menu.addAction(self.tr("Send again"))
        retry.setObjectName("retryMessageAction")
        retry.triggered.connect(lambda: self.retryRequested.emit(txn_id))
        discard = menu.addAction(self.tr("Discard (do not send)"))
        discard.setObjectName("discardMessageAction")
        discard.triggered.connect(lambda: self.discardRequested.emit(txn_id))
        menu.destroyed.connect(lambda *_: self._closed(menu))
        self.menu = menu
        menu.popup(at)
        return menu

    def _closed(self, menu: QMenu) -> None:
        if self.menu is menu:
            self.menu = None
