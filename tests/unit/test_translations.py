"""The translation catalogues: complete, current with the code, compiled, and loadable."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale, QTranslator

from agent_desktop.core.settings_peek import peek_settings
from agent_desktop.ui import translations as translations_module
from agent_desktop.ui.translations import pick_language

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "resources" / "translations"
PLACEHOLDER = re.compile(r"\{\d*\}|%n|%\d")


def messages(ts_file: Path) -> list[tuple[str, str, ET.Element]]:
    """(context, source, translation element) of every live message."""
    found = []
    for context in ET.parse(ts_file).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            if translation.get("type") in ("obsolete", "vanished"):
                continue
            found.append((name, message.findtext("source") or "", translation))
    return found


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_every_string_is_translated(lang: str) -> None:
    """No unfinished or empty translation; placeholders survive translation."""
    problems = []
    for context, source, translation in messages(TRANSLATIONS / f"agent_desktop_{lang}.ts"):
        forms = translation.findall("numerusform") or [translation]
        texts = [form.text or "" for form in forms]
        if translation.get("type") == "unfinished" or not all(t.strip() for t in texts):
            problems.append(f"[{context}] {source!r} is not translated")
            continue
        for text in texts:
            if sorted(PLACEHOLDER.findall(text)) != sorted(PLACEHOLDER.findall(source)):
                problems.append(f"[{context}] {source!r}: placeholders differ in {text!r}")
    assert not problems, (
        "run ./dev translations, then translate in resources/translations/"
        "agent_desktop_fr.ts:\n" + "\n".join(problems)
    )


def test_french_is_really_french() -> None:
    """Most strings differ from English; the few identical ones are names or loanwords."""
    same = {
        source
        for _c, source, t in messages(TRANSLATIONS / "agent_desktop_fr.ts")
        if t.text == source
    }
    allowed_same = {
        "Agent Desktop", "Agent Desktop — {0}", "Chat", "Contact", "Interactions", "Message",
        "Messenger", "Participants", "SMS", "WhatsApp", "X", "Disposition", "Version {0}",
        "Qt {0}, PySide6 {1}, Python {2}", "Action", "Licences",
        "Communication", "Contacts", "Conversation", "Public", "Images ({0})",
        "Unicode", "Urgent {0}", "{0} · {1} SMS", "Note", "E-mail", "{0} s",
    }  # fmt: skip
    assert same <= allowed_same, same - allowed_same


@pytest.mark.skipif(
    shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent)) is None,
    reason="pyside6-lupdate is not installed beside this Python",
)
def test_catalogues_are_current_with_the_code(tmp_path: Path) -> None:
    """lupdate over the code finds no string that the committed .ts files lack."""
    lupdate = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent))
    assert lupdate is not None
    sources = sorted(str(p) for p in (ROOT / "agent_desktop").rglob("*.py"))
    fresh = tmp_path / "fresh.ts"
    subprocess.run(
        [lupdate, "-silent", "-locations", "none", "-tr-function-alias", "tr+=_tr",
         *sources, "-ts", str(fresh)],
        check=True, timeout=120,
    )  # fmt: skip
    in_code = {(c, s) for c, s, _t in messages(fresh)}
    committed = {(c, s) for c, s, _t in messages(TRANSLATIONS / "agent_desktop_fr.ts")}
    missing = sorted(in_code - committed)
    assert not missing, f"run ./dev translations and translate: {missing}"
    stale = sorted(committed - in_code)
    assert not stale, f"run ./dev translations (strings no longer in the code): {stale}"


def test_translation_helpers_are_visible_to_lupdate() -> None:
    """lupdate reads literals: a helper translating a variable under a named context hides
    its strings (they would never reach the .ts files). Helpers use the empty context."""
    hidden = re.compile(r"translate\(\s*\"[^\"]+\"\s*,\s*[A-Za-z_]\w*\s*\)")
    offenders = [
        f"{path.relative_to(ROOT)}:{number}: {line.strip()}"
        for path in sorted((ROOT / "agent_desktop").rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if hidden.search(line)
    ]
    assert not offenders, 'use QCoreApplication.translate("", text) (CONTRIBUTING.md)'


@pytest.mark.parametrize("lang", ["fr", "en"])
def test_compiled_catalogue_is_current(lang: str) -> None:
    ts = TRANSLATIONS / f"agent_desktop_{lang}.ts"
    qm = TRANSLATIONS / f"agent_desktop_{lang}.qm"
    translator = QTranslator()
    assert translator.load(str(qm))
    for context, source, translation in messages(ts):
        expected = translation.text or ""
        assert translator.translate(context, source) == expected, (
            f"{qm.name} is older than {ts.name}: run ./dev translations"
        )


def test_language_follows_the_system_unless_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    class FrenchSystem:
        @staticmethod
        def system() -> QLocale:
            return QLocale("fr_CA")

    monkeypatch.setattr(translations_module, "QLocale", FrenchSystem)
    assert pick_language(None) == "fr"
    assert pick_language("en") == "en"
    assert pick_language("de") == "fr"  # unsupported request: the system's language

    class GermanSystem:
        @staticmethod
        def system() -> QLocale:
            return QLocale("de_DE")

    monkeypatch.setattr(translations_module, "QLocale", GermanSystem)
    assert pick_language(None) == "en"
    assert pick_language("fr") == "fr"


def test_the_frame_settings_are_read_before_the_app_starts(tmp_path: Path) -> None:
    settings = tmp_path / "settings.json"
    assert peek_settings(settings).language is None  # no file yet
    settings.write_text(
        '{"ui": {"language": "fr", "theme": "dark"}, "chat": {"nickname": "Alex"}}',
        encoding="utf-8",
    )
    peek = peek_settings(settings)
    assert (peek.language, peek.theme, peek.nickname) == ("fr", "dark", "Alex")
    settings.write_text('{"ui": {"language": null}, "chat": {"nickname": "  "}}', "utf-8")
    assert peek_settings(settings).language is None
    assert peek_settings(settings).nickname is None  # blank: no nickname
    settings.write_text('{"ui": {"language": 3, "theme": ["dark"]}}', encoding="utf-8")
    assert (peek_settings(settings).language, peek_settings(settings).theme) == (None, None)
    settings.write_text('{"ui": "fr"}', encoding="utf-8")
    assert peek_settings(settings).language is None
    settings.write_text("[1, 2]", encoding="utf-8")
    assert peek_settings(settings).language is None
    settings.write_text("{not json", encoding="utf-8")
    assert peek_settings(settings).language is None
    settings.write_bytes(b"\xff\xfe not utf-8")
    assert peek_settings(settings).language is None
