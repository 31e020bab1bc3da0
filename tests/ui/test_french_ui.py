"""In French, every string a person or a screen reader meets is French (or a name)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from agent_desktop.core.types import PendingLevel
from agent_desktop.testing import AppHarness
from agent_desktop.ui.about import AboutDialog
from agent_desktop.ui.crash_dialog import CrashDialog
from agent_desktop.ui.settings_dialog import SettingsDialog
from agent_desktop.ui.shortcuts import ShortcutsDialog
from agent_desktop.ui.translations import install_translators
from tests.ui.conftest import FAST, StartHarness
from tests.ui.widget_walk import describe, texts, visible_widgets

FR_TS = Path(__file__).resolve().parents[2] / "resources" / "translations" / "agent_desktop_fr.ts"

#: content that is data, not interface: names, numbers, times, symbols, units, language
#: names (shown in their own language), and the words of Qt's own buttons (qtbase_fr.qm)
DATA = re.compile(
    r"^[\d\s:+·.,%✕×—–-]*$|^\d*\s*s$|^(English|Français)$"
    r"|^&?(OK|Annuler|Fermer|Oui|Non|Montrer les détails…|Masquer les détails…)$"
)


def french_patterns() -> list[re.Pattern[str]]:
    """Every French translation as a pattern ({0} stands for any text)."""
    patterns = []
    for message in ET.parse(FR_TS).getroot().iter("message"):
        text = message.findtext("translation") or ""
        parts = re.split(r"\{\d*\}", text)
        patterns.append(re.compile("^" + ".+".join(re.escape(p) for p in parts) + "$", re.S))
    return patterns


@pytest.fixture
def french(qapp: QApplication) -> Iterator[None]:
    previous = QLocale()
    translators = install_translators(qapp, "fr")
    assert len(translators) == 2, "our catalogue and Qt's qtbase_fr.qm must both load"
    yield
    for translator in translators:
        qapp.removeTranslator(translator)
    QLocale.setDefault(previous)


def untranslated(roots: list[QWidget], data: set[str]) -> list[str]:
    patterns = french_patterns()

    def french_or_data(text: str) -> bool:
        text = text.strip()
        if not text or text in data or DATA.match(text):
            return True
        if any(p.match(text) for p in patterns):
            return True
        native = QKeySequence.SequenceFormat.NativeText
        if all(  # key names ("Ctrl+Maj+A") come from Qt's own catalogue
            QKeySequence.fromString(k, native).toString(native) == k and k for k in text.split(", ")
        ):
            return True
        # composed labels: paragraphs, "Marie Dupont · Chat Web", "Marie Dupont, Chat Web, Prêt"
        return any(
            separator in text and all(french_or_data(p) for p in text.split(separator))
            for separator in ("\n\n", " · ", ", ")
        )

    problems = []
    for root in roots:
        for widget in visible_widgets(root):
            for what, text in texts(widget):
                if not french_or_data(text):
                    problems.append(f"{describe(widget)} {what}: {text!r}")
    return sorted(set(problems))


@pytest.mark.usefixtures("french")
def test_every_visible_string_is_french(start: StartHarness) -> None:
    h: AppHarness = start(settings=FAST)
    names = {"Alex Martin", "Marie Dupont", "Paul Martin"}
    messages = {"Bonjour, ma commande est en retard", "Hello?", "Merci"}
    data = names | messages
    window = h.window
    assert h.window.ready_button.text() == "Prêt"
    assert untranslated([window], data) == []  # the empty state

    first = h.customers.start_chat("Marie Dupont", "Bonjour, ma commande est en retard")
    h.wait_until(lambda: h.toast() is not None)
    h.customers.start_chat("Paul Martin", "Hello?", channel="sms")
    toast = h.toast()
    assert toast is not None
    h.wait_until(lambda: toast.more.text() != "")
    assert untranslated([toast], data) == []

    view = h.accept(first)
    h.wait_until(lambda: view.pending.current_level is PendingLevel.RED)
    view.composer.setPlainText("Merci")
    assert untranslated([window], data) == []

    h.customers.leave(first)
    h.wait_until(view.done_button.isEnabled)
    view.composer.clear()
    assert untranslated([window], data) == []

    h.desktop.bridge.warning("boom")  # the banner's own words are translated
    dialog = SettingsDialog(h.settings, window)
    dialog.show()
    shortcuts_dialog = ShortcutsDialog(window)
    shortcuts_dialog.show()
    about = AboutDialog(h.desktop.paths.log_dir, window)
    about.show()
    crash = CrashDialog("Boom", "Traceback", h.desktop.paths.log_dir, window)
    crash.show()
    log_dir = str(h.desktop.paths.log_dir)
    try:
        problems = untranslated(
            [window, dialog, shortcuts_dialog, about, crash],
            data | {"boom", "Boom", log_dir, "Agent Desktop"},
        )
        assert problems == [], "\n".join(problems)
        # Qt's own buttons come from qtbase_fr.qm
        buttons = {b.text().replace("&", "") for b in dialog.findChildren(QPushButton)}
        assert "Annuler" in buttons
        # the About box's credits are translated prose around names and licences
        assert "sous leurs licences respectives" in about.credits.toPlainText()
        assert shortcuts_dialog.windowTitle() == "Raccourcis clavier"
        keys = {item.text() for r in range(15) if (item := shortcuts_dialog.table.item(r, 0))}
        assert "Ctrl+Maj+A" in keys
    finally:
        for widget in (dialog, shortcuts_dialog, about, crash):
            widget.close()
            widget.deleteLater()


def test_the_check_catches_english(start: StartHarness) -> None:
    """Without the French catalogue the same walk reports English strings."""
    h = start(settings=FAST)
    problems = untranslated([h.window], {"Alex Martin"})
    assert any("'Not Ready'" in p or "'Ready'" in p for p in problems), problems
