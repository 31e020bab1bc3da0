"""A small static bar chart drawn with pyqtgraph (imported only when statistics are shown)."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

# pyqtgraph's exit clean-up walks every object the garbage collector knows at interpreter exit
# and re-parents graphics items; with PySide6 that crashes the finalising interpreter. Our
# charts are owned by their widgets, which Qt deletes in order.
pg.setConfigOptions(exitCleanup=False)


class BarChart(pg.PlotWidget):  # type: ignore[misc]
    """A static bar chart (pyqtgraph): categories along x, counts up y."""

    def __init__(self, name: str, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setAccessibleName(accessible_name)
        self.setMinimumHeight(170)
        self.setMenuEnabled(False)
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        self.getPlotItem().setContentsMargins(4, 8, 8, 4)
        self.showGrid(x=False, y=True, alpha=0.25)
        self._bars = pg.BarGraphItem(x=[0], height=[0], width=0.7)
        self.addItem(self._bars)
        self.values: tuple[int, ...] = ()

    def set_bars(
        self, values: tuple[int, ...], labels: list[tuple[int, str]], color: QColor
    ) -> None:
        self.values = values
        xs = list(range(len(values)))
        self._bars.setOpts(x=xs, height=list(values), width=0.7, brush=color, pen=pg.mkPen(None))
        self.getAxis("bottom").setTicks([labels])
        self.setXRange(-0.6, len(values) - 0.4, padding=0)
        self.setYRange(0, max(max(values, default=0), 4) * 1.1, padding=0)

    def set_colors(self, background: QColor, text: QColor) -> None:
        self.setBackground(background)
        for side in ("left", "bottom"):
            axis = self.getAxis(side)
            axis.setPen(pg.mkPen(text))
            axis.setTextPen(pg.mkPen(text))
