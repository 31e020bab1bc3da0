"""The dialog shown instead of vanishing when something unexpected fails."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

from agent_desktop.ui.about import open_folder
from agent_desktop.ui.accessibility import name_unnamed_controls


class CrashDialog(QMessageBox):
    """Non-modal: chats keep running behind it. Continue, open the logs, or quit."""

    def __init__(
        self, summary: str, details: str, log_dir: Path | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("crashDialog")
        self.setIcon(QMessageBox.Icon.Warning)
        self.setWindowTitle(self.tr("Agent Desktop ran into a problem"))
        self.setAccessibleName(self.tr("Agent Desktop ran into a problem"))
        self.setText(self.tr("Something went wrong inside Agent Desktop."))
        where = (
            self.tr("The details were written to the log in {0}.").format(log_dir)
            if log_dir is not None
            else ""
        )
        self.setInformativeText(
            "\n\n".join(
                part
                for part in (
                    summary,
                    where,
                    self.tr(
                        "You can keep working. If something no longer responds, quit and "
                        "start Agent Desktop again."
                    ),
                )
                if part
            )
        )
        self.setDetailedText(details)
        self.continue_button = self.addButton(
            self.tr("Continue"), QMessageBox.ButtonRole.AcceptRole
        )
        self.continue_button.setObjectName("crashContinueButton")
        self.continue_button.setAccessibleName(self.tr("Continue"))
        self.logs_button: QPushButton | None = None
        if log_dir is not None:
            self.logs_button = self.addButton(
                self.tr("Open log folder"), QMessageBox.ButtonRole.ActionRole
            )
            self.logs_button.setObjectName("crashLogsButton")
            self.logs_button.setAccessibleName(self.tr("Open log folder"))
            self.logs_button.clicked.connect(lambda: open_folder(log_dir))
        self.quit_button = self.addButton(
            self.tr("Quit Agent Desktop"), QMessageBox.ButtonRole.DestructiveRole
        )
        self.quit_button.setObjectName("crashQuitButton")
        self.quit_button.setAccessibleName(self.tr("Quit Agent Desktop"))
        self.setDefaultButton(self.continue_button)
        self.setEscapeButton(self.continue_button)  # Esc and the close box mean "continue"
        name_unnamed_controls(self)  # "Show Details..." comes from Qt
