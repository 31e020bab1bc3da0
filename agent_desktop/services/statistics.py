"""The agent's statistics for the UI: figures from the recorder's events, and CSV export."""

from __future__ import annotations

import logging
import sqlite3
import time
from datetime import UTC, date, datetime, timedelta, tzinfo
from pathlib import Path

import tzlocal
from PySide6.QtCore import QCoreApplication, QLocale, QObject, QTimer, Signal

from agent_desktop.core.log_export import ExportShape
from agent_desktop.core.stats import StatsReport, start_of_day, stats_report, week_start
from agent_desktop.core.types import Clock
from agent_desktop.services.bridge import MessageBridge
from agent_desktop.services.interaction_log_store import LogStoreError
from agent_desktop.services.interaction_recorder import InteractionRecorder
from agent_desktop.services.settings_store import SettingsStore
from agent_desktop.services.tasks import TaskKeeper

log = logging.getLogger(__name__)

#: figures are recomputed at most this often while events stream in
REFRESH_DELAY_MS = 150


def tr(text: str) -> str:
    return QCoreApplication.translate("", text)  # lupdate: module helpers, empty context


def local_zone() -> tzinfo:
    """The system's time zone (an IANA zone, so weeks and days follow daylight saving)."""
    try:
        return tzlocal.get_localzone()
    except Exception:  # a broken system setting must not stop the app
        log.exception("no local time zone; statistics use the current UTC offset")
        return datetime.now().astimezone().tzinfo or UTC


def locale_first_weekday() -> int:
    """The locale's first day of the week, as ``date.weekday()`` counts (Monday = 0)."""
    return QLocale().firstDayOfWeek().value - 1


class StatisticsService(QObject):
    """Computes :class:`StatsReport` on demand; tells when the figures may have changed."""

    changed = Signal()
    exportFinished = Signal(str, int)  # path, rows written
    exportFailed = Signal(str)  # message for the agent

    def __init__(
        self,
        recorder: InteractionRecorder,
        settings: SettingsStore,
        bridge: MessageBridge | None = None,
        *,
        clock: Clock = time.time,
        tz: tzinfo | None = None,
        first_weekday: int | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.recorder = recorder
        self.settings = settings
        self.bridge = bridge
        self.clock = clock
        self.tz = tz if tz is not None else local_zone()
        self.first_weekday = locale_first_weekday() if first_weekday is None else first_weekday
        self._tasks = TaskKeeper("statistics")
        self._refresh = QTimer(self)
        self._refresh.setSingleShot(True)
        self._refresh.setInterval(REFRESH_DELAY_MS)
        self._refresh.timeout.connect(self.changed)
        recorder.recorded.connect(self._refresh.start)
        recorder.loaded.connect(self.changed)
        settings.changed.connect(self.changed)

    def start(self) -> None:
        """Read back this week's log (and a day before, for chats across midnight)."""
        today = datetime.fromtimestamp(self.clock(), self.tz).date()
        first = week_start(today, self.first_weekday) - timedelta(days=1)
        self.recorder.start(start_of_day(first, self.tz))

    def today(self) -> date:
        return datetime.fromtimestamp(self.clock(), self.tz).date()

    def report(self) -> StatsReport:
        now = self.clock()
        return stats_report(
            self.recorder.ledger.facts(now),
            now=now,
            tz=self.tz,
            warning_s=self.settings.settings.chat.pending_response_warning_s,
            first_weekday=self.first_weekday,
        )

    # export -------------------------------------------------------------------------------
    def export_csv(
        self, path: Path, start: date, end: date, shape: ExportShape = ExportShape.INTERACTIONS
    ) -> None:
        """Write the log of ``start``..``end`` to ``path`` in the background; the outcome
        comes as :attr:`exportFinished` or :attr:`exportFailed`."""
        if end < start:
            start, end = end, start

        async def run() -> None:
            try:
                rows = await self.recorder.export_csv(
                    path, shape, start=start, end=end, tz=self.tz, now=self.clock()
                )
            except (OSError, ValueError, sqlite3.Error, LogStoreError) as exc:
                log.warning("export to %s failed: %s", path, exc)
                message = tr("Could not export the interaction log: {0}").format(exc)
                if self.bridge is not None:
                    self.bridge.error(message)
                self.exportFailed.emit(message)
            else:
                self.exportFinished.emit(str(path), rows)

        self._tasks.spawn(run(), "export")

    async def shutdown(self) -> None:
        self._refresh.stop()
        await self._tasks.shutdown()
