"""The interface language: which one, and Qt's translators for it."""

from __future__ import annotations

import logging

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from agent_desktop.resources_path import resource

log = logging.getLogger(__name__)

SUPPORTED_LANGUAGES = ("en", "fr")


def pick_language(requested: str | None) -> str:
    """``requested`` if supported, else the system's language if supported, else English."""
    if requested in SUPPORTED_LANGUAGES:
        return requested
    system = QLocale.system().name().split("_")[0]
    return system if system in SUPPORTED_LANGUAGES else "en"


class _Catalogue(QTranslator):
    """A translator loaded from memory: Qt reads the bytes in place, so it keeps them."""

    def load_bytes(self, data: bytes) -> bool:
        self._data = data  # QTranslator.load(data) does not copy: it must outlive us
        return self.load(self._data)


def install_translators(app: QApplication, language: str) -> list[QTranslator]:
    """Load our catalogue and Qt's own for ``language``; returns them (keep references)."""
    installed: list[QTranslator] = []
    if language == "en":
        return installed
    ours = _Catalogue(app)
    catalogue = resource("translations", f"agent_desktop_{language}.qm")
    if catalogue.is_file() and ours.load_bytes(catalogue.read_bytes()):
        app.installTranslator(ours)
        installed.append(ours)
    else:
        log.warning("no translation catalogue for %s", language)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qtbase = QTranslator(app)
    if qtbase.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qtbase)
        installed.append(qtbase)
    else:
        log.warning("Qt's own catalogue qtbase_%s is missing from %s", language, qt_dir)
    QLocale.setDefault(QLocale(language))
    return installed
