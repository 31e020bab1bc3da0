"""The "My statistics" panel: today's and this week's figures, charts and CSV export."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QEvent, Qt, QTimer
from PySide6.QtGui import QHideEvent, QPalette, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDateEdit,
    QDialog,
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from agent_desktop.core.log_export import ExportShape
from agent_desktop.core.stats import (
    RESPONSE_TIME_EDGES,
    Figures,
    Period,
    PeriodStats,
    week_start,
)
from agent_desktop.services.statistics import StatisticsService
from agent_desktop.ui.stats_chart import BarChart
from agent_desktop.ui.stats_model import (
    FiguresTableModel,
    format_duration,
    format_share,
    format_threshold,
)

#: the figures refresh on their own this often while the panel is shown (day rollover)
TICK_MS = 60_000


def short_duration(seconds: float) -> str:
    """``45s``, ``1m``, ``1.5m``: chart tick labels."""
    return f"{seconds:g}s" if seconds < 60 else f"{seconds / 60:g}m"


class FigureCard(QFrame):
    """One headline figure: a big value over its caption."""

    def __init__(self, name: str, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{name}Card")
        self.setProperty("figureCard", True)
        self.setAccessibleName(caption)
        self.value = QLabel("—", self)
        self.value.setObjectName(f"{name}Value")
        self.value.setTextFormat(Qt.TextFormat.PlainText)
        self.value.setProperty("figureValue", True)
        self.caption = QLabel(caption, self)
        self.caption.setObjectName(f"{name}Caption")
        self.caption.setTextFormat(Qt.TextFormat.PlainText)
        self.caption.setWordWrap(True)
        self.caption.setProperty("figureCaption", True)
        self.caption.setAccessibleName(caption)
        self.value.setAccessibleName(caption)
        box = QVBoxLayout(self)
        box.setContentsMargins(14, 10, 14, 10)
        box.setSpacing(2)
        box.addWidget(self.value)
        box.addWidget(self.caption)
        box.addStretch(1)

    def set(self, value: str, caption: str | None = None) -> None:
        self.value.setText(value)
        if caption is not None:
            self.caption.setText(caption)
            self.value.setAccessibleName(caption)
        self.value.setAccessibleDescription(value)


class StatsPanel(QDialog):
    """Passive view of :class:`StatisticsService`; refreshes when its figures change."""

    def __init__(self, statistics: StatisticsService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.statistics = statistics
        self.setObjectName("statsPanel")
        self.setAccessibleName(self.tr("My statistics"))
        self.setWindowTitle(self.tr("My statistics"))
        self.setModal(False)
        self.resize(980, 700)
        self.period = Period.TODAY
        self._styling = False

        title = QLabel(self.tr("My statistics"), self)
        title.setObjectName("statsTitle")
        title.setAccessibleName(self.tr("My statistics"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        title.setFont(font)
        self.today_button = self._period_button("todayButton", self.tr("Today"))
        self.week_button = self._period_button("weekButton", self.tr("This week"))
        self.today_button.setChecked(True)
        periods = QButtonGroup(self)
        periods.setExclusive(True)
        periods.addButton(self.today_button)
        periods.addButton(self.week_button)
        self.today_button.clicked.connect(lambda: self.show_period(Period.TODAY))
        self.week_button.clicked.connect(lambda: self.show_period(Period.WEEK))
        header = QHBoxLayout()
        header.addWidget(title)
        header.addStretch(1)
        header.addWidget(self.today_button)
        header.addWidget(self.week_button)

        # headline figures ------------------------------------------------------------------
        self.cards = {
            "handled": FigureCard("handled", self.tr("Handled chats"), self),
            "averageHandle": FigureCard("averageHandle", self.tr("Average handle time"), self),
            "averageFirstReply": FigureCard(
                "averageFirstReply", self.tr("Average first reply"), self
            ),
            "worstFirstReply": FigureCard("worstFirstReply", self.tr("Worst first reply"), self),
            "withinThreshold": FigureCard("withinThreshold", self.tr("Replies in time"), self),
            "averageTalk": FigureCard("averageTalk", self.tr("Average talk time"), self),
            "averageWrapUp": FigureCard("averageWrapUp", self.tr("Average wrap-up"), self),
        }
        grid = QGridLayout()
        grid.setSpacing(8)
        for index, card in enumerate(self.cards.values()):
            grid.addWidget(card, 0, index)
            grid.setColumnStretch(index, 1)

        # per channel -----------------------------------------------------------------------
        self.model = FiguresTableModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("statsTable")
        self.table.setAccessibleName(self.tr("Figures per channel"))
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        header_view = self.table.horizontalHeader()
        header_view.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header_view.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        # charts ------------------------------------------------------------------------------
        self.hour_chart = BarChart("repliesPerHourChart", self.tr("Replies per hour"), self)
        self.response_chart = BarChart(
            "responseTimeChart", self.tr("Response time distribution"), self
        )
        charts = QHBoxLayout()
        charts.setSpacing(12)
        for chart, caption in (
            (self.hour_chart, self.tr("Replies per hour")),
            (self.response_chart, self.tr("Response times")),
        ):
            column = QVBoxLayout()
            label = QLabel(caption, self)
            label.setProperty("sectionTitle", True)
            column.addWidget(label)
            column.addWidget(chart, 1)
            charts.addLayout(column, 1)

        # export ------------------------------------------------------------------------------
        self.export_from = self._date_edit("exportFrom", self.tr("Export from"))
        self.export_to = self._date_edit("exportTo", self.tr("Export to"))
        self.export_shape = QComboBox(self)
        self.export_shape.setObjectName("exportShape")
        self.export_shape.setAccessibleName(self.tr("What to export"))
        self.export_shape.addItem(self.tr("One line per interaction"), ExportShape.INTERACTIONS)
        self.export_shape.addItem(self.tr("Every recorded event"), ExportShape.EVENTS)
        self.export_button = QPushButton(self.tr("Export CSV…"), self)
        self.export_button.setObjectName("exportButton")
        self.export_button.setAccessibleName(self.tr("Export my interaction log as CSV"))
        self.export_button.clicked.connect(self.choose_export_file)
        self.export_status = QLabel(self)
        self.export_status.setObjectName("exportStatus")
        self.export_status.setAccessibleName(self.tr("Export status"))
        self.export_status.setTextFormat(Qt.TextFormat.PlainText)
        export_row = QHBoxLayout()
        export_row.addWidget(QLabel(self.tr("Export from"), self))
        export_row.addWidget(self.export_from)
        export_row.addWidget(QLabel(self.tr("to"), self))
        export_row.addWidget(self.export_to)
        export_row.addWidget(self.export_shape)
        export_row.addWidget(self.export_button)
        export_row.addWidget(self.export_status, 1)

        self.note = QLabel(self)
        self.note.setObjectName("statsNote")
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setAccessibleName(self.tr("How the figures are counted"))

        root = QVBoxLayout(self)
        root.setContentsMargins(18, 14, 18, 14)
        root.setSpacing(10)
        root.addLayout(header)
        root.addLayout(grid)
        root.addWidget(self.table)
        root.addLayout(charts, 1)
        root.addWidget(self.note)
        root.addLayout(export_row)

        self._tick = QTimer(self)
        self._tick.setInterval(TICK_MS)
        self._tick.timeout.connect(self.refresh)
        statistics.changed.connect(self._changed)
        statistics.exportFinished.connect(self._exported)
        statistics.exportFailed.connect(self.export_status.setText)
        today = statistics.today()
        self.export_from.setDate(QDate(today.year, today.month, 1))
        self.export_to.setDate(QDate(today.year, today.month, today.day))
        self._style()
        self.refresh()

    def _period_button(self, name: str, text: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAccessibleName(text)
        button.setCheckable(True)
        return button

    def _date_edit(self, name: str, accessible: str) -> QDateEdit:
        edit = QDateEdit(self)
        edit.setObjectName(name)
        edit.setAccessibleName(accessible)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    # showing ------------------------------------------------------------------------------
    def show_period(self, period: Period) -> None:
        self.period = period
        self.today_button.setChecked(period is Period.TODAY)
        self.week_button.setChecked(period is Period.WEEK)
        self.refresh()

    def _changed(self) -> None:
        if self.isVisible():
            self.refresh()

    def refresh(self) -> None:
        report = self.statistics.report()
        stats = report.period(self.period)
        self._show_figures(stats.total, report.warning_s)
        self.model.set_stats(stats, report.warning_s)
        self._fit_table()
        self._show_charts(stats)
        if self.period is Period.TODAY:
            note = self.tr(
                "A chat counts on the day it was accepted, once it is marked Done or "
                "transferred. Talk time: while its view is in front of you and the chat is live."
            )
        else:
            note = self.tr(
                "This week, from {0}. A chat counts in the week it was accepted, once it is "
                "marked Done or transferred."
            ).format(self._week_start_text())
        self.note.setText(note)

    def _fit_table(self) -> None:
        """As tall as its rows: the charts get the rest of the height."""
        table = self.table
        rows = sum(table.rowHeight(r) for r in range(self.model.rowCount()))
        header = table.horizontalHeader().sizeHint().height()
        table.setFixedHeight(rows + header + 2 * table.frameWidth())

    def _week_start_text(self) -> str:
        first = week_start(self.statistics.today(), self.statistics.first_weekday)
        return self.locale().toString(
            QDate(first.year, first.month, first.day), self.locale().FormatType.LongFormat
        )

    def _show_figures(self, total: Figures, warning_s: float) -> None:
        cards = self.cards
        cards["handled"].set(str(total.handled))
        cards["averageHandle"].set(format_duration(total.average_handle_s))
        cards["averageFirstReply"].set(format_duration(total.average_first_reply_s))
        cards["worstFirstReply"].set(format_duration(total.worst_first_reply_s))
        cards["withinThreshold"].set(
            format_share(total.share_within_threshold),
            self.tr("Replies within {0}").format(format_threshold(warning_s)),
        )
        cards["averageTalk"].set(format_duration(total.average_talk_s))
        cards["averageWrapUp"].set(format_duration(total.average_wrap_up_s))

    def _show_charts(self, stats: PeriodStats) -> None:
        accent = self.palette().color(QPalette.ColorRole.Highlight)
        hours = [(h, f"{h:02d}") for h in range(0, 24, 3)]
        self.hour_chart.set_bars(stats.replies_per_hour, hours, accent)
        busiest = max(range(24), key=lambda h: stats.replies_per_hour[h])
        count = stats.replies_per_hour[busiest]
        self.hour_chart.setAccessibleDescription(
            self.tr("No replies yet")
            if count == 0
            else self.tr("Busiest hour: {0}:00, {1} replies").format(f"{busiest:02d}", count)
        )
        labels = [(i, f"<{short_duration(edge)}") for i, edge in enumerate(RESPONSE_TIME_EDGES)]
        labels.append((len(RESPONSE_TIME_EDGES), f"{short_duration(RESPONSE_TIME_EDGES[-1])}+"))
        self.response_chart.set_bars(stats.response_times, labels, accent)
        self.response_chart.setAccessibleDescription(
            ", ".join(
                f"{label}: {value}"
                for (_, label), value in zip(labels, stats.response_times, strict=True)
            )
        )

    # export ---------------------------------------------------------------------------------
    def export_range(self) -> tuple[date, date]:
        start, end = self.export_from.date(), self.export_to.date()
        return (
            date(start.year(), start.month(), start.day()),
            date(end.year(), end.month(), end.day()),
        )

    def choose_export_file(self) -> None:
        start, end = self.export_range()
        suggested = str(Path.home() / f"interactions_{start.isoformat()}_{end.isoformat()}.csv")
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export my interaction log"), suggested, self.tr("CSV files (*.csv)")
        )
        if path:
            self.export_to_file(Path(path))

    def export_to_file(self, path: Path) -> None:
        """Export the chosen period and shape to ``path`` (the export button without its
        file dialog)."""
        start, end = self.export_range()
        shape = ExportShape(self.export_shape.currentData())
        self.export_button.setEnabled(False)
        self.export_status.setText(self.tr("Exporting…"))
        self.statistics.export_csv(path, start, end, shape)

    def _exported(self, path: str, rows: int) -> None:
        self.export_button.setEnabled(True)
        name = Path(path).name
        self.export_status.setText(
            self.tr("1 line written to {0}").format(name)
            if rows == 1
            else self.tr("{0} lines written to {1}").format(rows, name)
        )

    # look -------------------------------------------------------------------------------------
    def _style(self) -> None:
        self._styling = True
        try:
            self._apply_style()
        finally:
            self._styling = False

    def _apply_style(self) -> None:
        palette = self.palette()
        base = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.Text)
        muted = palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        border = palette.color(QPalette.ColorRole.Mid)
        self.setStyleSheet(
            f"""
            QFrame[figureCard="true"] {{ background: {base.name()};
                border: 1px solid {border.name()}; border-radius: 8px; }}
            QLabel[figureValue="true"] {{ font-size: 18pt; font-weight: 600; border: none; }}
            QLabel[figureCaption="true"] {{ color: {muted.name()}; border: none; }}
            QLabel[sectionTitle="true"] {{ color: {muted.name()}; font-weight: 600; }}
            #statsNote, #exportStatus {{ color: {muted.name()}; }}
            #statsTable {{ background: {base.name()}; border: 1px solid {border.name()};
                border-radius: 6px; }}
            """
        )
        for chart in (self.hour_chart, self.response_chart):
            chart.set_colors(base, text)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if (
            event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange)
            and not self._styling
        ):
            self._style()
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()
        self._tick.start()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._tick.stop()
