"""A short notification sound without QtMultimedia: the OS's own alert sound."""

from __future__ import annotations

import logging
import sys

from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)


def play_incoming() -> None:
    """Windows: the system "new notification" sound, asynchronously; elsewhere the bell."""
    try:
        if sys.platform == "win32":
            import winsound

            winsound.PlaySound(
                "SystemNotification",
                winsound.SND_ALIAS | winsound.SND_ASYNC | winsound.SND_NODEFAULT,
            )
        else:
            QApplication.beep()
    except Exception:  # a missing sound device must never cost the agent a chat
        log.info("notification sound unavailable", exc_info=True)
