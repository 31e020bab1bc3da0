"""How services tell the agent something without importing a widget."""

from __future__ import annotations

import logging
from enum import StrEnum

from PySide6.QtCore import QObject, Signal

log = logging.getLogger(__name__)


class NoticeLevel(StrEnum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


class MessageBridge(QObject):
    """Notices for the agent: the main window shows them in its banner and status bar."""

    notice = Signal(str, str)  # level, translated text

    def info(self, text: str) -> None:
        log.info("notice: %s", text)
        self.notice.emit(NoticeLevel.INFO.value, text)

    def warning(self, text: str) -> None:
        log.warning("notice: %s", text)
        self.notice.emit(NoticeLevel.WARNING.value, text)

    def error(self, text: str) -> None:
        log.error("notice: %s", text)
        self.notice.emit(NoticeLevel.ERROR.value, text)
