"""How services tell the agent something without importing a widget."""

from __future__ import annotations

import logging
from enum import StrEnum

from PySide6.QtCore import QObject, Signal

from agent_desktop.core.display import log_safe

log = logging.getLogger(__name__)


class NoticeLevel(StrEnum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"


class MessageBridge(QObject):
    """Notices for the agent: the main window shows them in its banner and status bar.

    A notice may carry wire data (names, numbers, a server's error): the log gets it escaped
    (:func:`~agent_desktop.core.display.log_safe`), the banner made safe to display."""

    notice = Signal(str, str)  # level, translated text

    def info(self, text: str) -> None:
        log.info("notice: %s", log_safe(text))
        self.notice.emit(NoticeLevel.INFO.value, text)

    def warning(self, text: str) -> None:
        log.warning("notice: %s", log_safe(text))
        self.notice.emit(NoticeLevel.WARNING.value, text)

    def error(self, text: str) -> None:
        log.error("notice: %s", log_safe(text))
        self.notice.emit(NoticeLevel.ERROR.value, text)
