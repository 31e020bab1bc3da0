"""Baseline of the cold-start benchmark: a bare PySide6 ``QMainWindow``, started like the app.

It prints ``first-paint <time.time()>`` at its first paint (same rule as the app's
``AGENT_DESKTOP_EXIT_AFTER_FIRST_PAINT``) and exits.
"""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


def main() -> int:
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setWindowTitle("bare")
    window.resize(1120, 720)

    def report() -> None:
        print(f"first-paint {time.time():.6f}", flush=True)
        app.quit()

    class FirstPaint(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                window.removeEventFilter(self)
                QTimer.singleShot(0, report)
            return False

    window.installEventFilter(FirstPaint(window))
    window.show()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
