"""Help > About: version, the licences of what we ship, and the log folder."""

from __future__ import annotations

import platform
from pathlib import Path

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import Qt, QUrl, qVersion
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from agent_desktop import __version__
from agent_desktop.ui.accessibility import name_unnamed_controls

#: (component, licence, where its terms are) — plain text, shown as is
CREDITS: tuple[tuple[str, str, str], ...] = (
    ("Agent Desktop", "MIT", ""),
    ("Qt 6 / PySide6", "LGPL v3", "https://www.qt.io/licensing/open-source-lgpl-obligations"),
    ("emojibase-data", "MIT", "https://github.com/milesj/emojibase"),
    ("Unicode CLDR", "Unicode License v3", "https://www.unicode.org/license.txt"),
    ("Twemoji", "CC-BY 4.0", "https://creativecommons.org/licenses/by/4.0/"),
    ("qasync", "BSD-2-Clause", "https://github.com/CabbageDevelopment/qasync"),
    ("pydantic", "MIT", "https://github.com/pydantic/pydantic"),
    ("aiohttp", "Apache-2.0", "https://github.com/aio-libs/aiohttp"),
    ("platformdirs", "MIT", "https://github.com/tox-dev/platformdirs"),
    ("keyring", "MIT", "https://github.com/jaraco/keyring"),
    ("Python", "PSF License", "https://docs.python.org/3/license.html"),
)


def open_folder(folder: Path) -> bool:
    """Show ``folder`` in the desktop's file manager (a local folder, never a web link)."""
    folder.mkdir(parents=True, exist_ok=True)
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


class AboutDialog(QDialog):
    def __init__(self, log_dir: Path | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About Agent Desktop"))
        self.setAccessibleName(self.tr("About Agent Desktop"))
        self.log_dir = log_dir

        title = QLabel("Agent Desktop", self)
        title.setObjectName("aboutTitle")
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        title.setFont(font)
        self.version = QLabel(self.tr("Version {0}").format(__version__), self)
        self.version.setObjectName("aboutVersion")
        self.version.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        runtime = QLabel(
            self.tr("Qt {0}, PySide6 {1}, Python {2}").format(
                qVersion(), pyside_version, platform.python_version()
            ),
            self,
        )
        runtime.setObjectName("aboutRuntime")

        self.credits = QPlainTextEdit(self)
        self.credits.setObjectName("aboutCredits")
        self.credits.setAccessibleName(self.tr("Licences"))
        self.credits.setReadOnly(True)
        self.credits.setPlainText(self.credits_text())
        self.credits.setTabChangesFocus(True)

        log_title = QLabel(self.tr("Log folder"), self)
        log_title.setObjectName("sectionTitle")
        self.log_path = QLabel(self)
        self.log_path.setObjectName("aboutLogFolder")
        self.log_path.setTextFormat(Qt.TextFormat.PlainText)
        self.log_path.setWordWrap(True)
        self.log_path.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.log_path.setText(str(log_dir) if log_dir else self.tr("Not writing log files"))
        self.open_logs = QPushButton(self.tr("Open log folder"), self)
        self.open_logs.setObjectName("openLogFolderButton")
        self.open_logs.setAccessibleName(self.tr("Open log folder"))
        self.open_logs.setEnabled(log_dir is not None)
        self.open_logs.clicked.connect(self._open_logs)
        self.about_qt = QPushButton(self.tr("About Qt"), self)
        self.about_qt.setObjectName("aboutQtButton")
        self.about_qt.setAccessibleName(self.tr("About Qt"))
        self.about_qt.clicked.connect(self._about_qt)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        log_row = QHBoxLayout()
        log_row.addWidget(self.log_path, 1)
        log_row.addWidget(self.open_logs)
        bottom = QHBoxLayout()
        bottom.addWidget(self.about_qt)
        bottom.addStretch(1)
        bottom.addWidget(buttons)
        box = QVBoxLayout(self)
        box.addWidget(title)
        box.addWidget(self.version)
        box.addWidget(runtime)
        box.addSpacing(6)
        box.addWidget(self.credits, 1)
        box.addWidget(log_title)
        box.addLayout(log_row)
        box.addLayout(bottom)
        self.resize(560, 480)
        name_unnamed_controls(self)

    def credits_text(self) -> str:
        lines = [self.tr("Agent Desktop is built on these components, under their licences:"), ""]
        for component, licence, where in CREDITS:
            lines.append(f"• {component} — {licence}")
            if where:
                lines.append(f"  {where}")
        lines += [
            "",
            self.tr(
                "Emoji names and keywords come from Unicode CLDR through emojibase. "
                "Emoji graphics by Twitter, Inc and other contributors (Twemoji), "
                "licensed under CC-BY 4.0."
            ),
            self.tr(
                "Qt is used under the GNU Lesser General Public License v3: you may replace "
                "the Qt libraries shipped in the program folder with your own build."
            ),
        ]
        return "\n".join(lines)

    def _about_qt(self) -> None:
        QApplication.aboutQt()

    def _open_logs(self) -> None:
        if self.log_dir is not None:
            open_folder(self.log_dir)
