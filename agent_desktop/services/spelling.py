"""Spell checking for the composers: dictionaries loaded off the UI thread, the language
from the settings (the interface language by default), the agent's own words kept."""

from __future__ import annotations

import asyncio
import json
import logging
from concurrent.futures import ThreadPoolExecutor

from PySide6.QtCore import QObject, Signal

from agent_desktop.core.spelling import LANGUAGES, Speller, load_speller
from agent_desktop.services.settings_store import SettingsStore
from agent_desktop.services.state_store import LocalState
from agent_desktop.services.tasks import TaskKeeper

log = logging.getLogger(__name__)

WORDS_KEY = "spelling.words.{0}"


class SpellingService(QObject):
    """``changed`` when the dictionary in use, or the agent's words, change."""

    changed = Signal()

    def __init__(
        self,
        settings: SettingsStore,
        state: LocalState | None,
        ui_language: str,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.settings = settings
        self.state = state
        self.ui_language = ui_language if ui_language in LANGUAGES else "en"
        self._spellers: dict[str, Speller] = {}
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="spelling")
        self._tasks = TaskKeeper("spelling")
        self._closed = False
        settings.changed.connect(self.start)
        if state is not None:
            state.loaded.connect(self._words_loaded)

    @property
    def language(self) -> str | None:
        """The language checked now, or None when spell checking is off."""
        spelling = self.settings.settings.spelling
        if not spelling.enabled:
            return None
        wanted = spelling.language
        return wanted if wanted in LANGUAGES else self.ui_language

    @property
    def speller(self) -> Speller | None:
        language = self.language
        return None if language is None else self._spellers.get(language)

    def start(self) -> None:
        """Load the current language's dictionary in the background (once)."""
        language = self.language
        if language is None:
            self.changed.emit()
            return
        if language in self._spellers:
            self.changed.emit()
            return
        if not self._closed and not self._tasks.running(f"load:{language}"):
            self._tasks.spawn(self._load(language), f"load:{language}")

    async def _load(self, language: str) -> None:
        loop = asyncio.get_running_loop()
        try:
            speller = await loop.run_in_executor(self._executor, load_speller, language)
        except (OSError, ValueError):
            log.exception("no spelling dictionary for %s", language)
            return
        speller.add_words(self._own_words(language))
        self._spellers[language] = speller
        self.changed.emit()

    def set_language(self, language: str | None) -> None:
        """``"en"``, ``"fr"``, or None to turn spell checking off (saved in the settings)."""
        if language is None:
            self.settings.try_update({"spelling": {"enabled": False}})
        else:
            self.settings.try_update({"spelling": {"enabled": True, "language": language}})

    # the agent's words --------------------------------------------------------------
    def _own_words(self, language: str) -> list[str]:
        if self.state is None:
            return []
        raw = self.state.preferences.get(WORDS_KEY.format(language), "[]")
        try:
            words = json.loads(raw)
        except ValueError:
            return []
        return [w for w in words if isinstance(w, str)] if isinstance(words, list) else []

    def _words_loaded(self) -> None:
        for language, speller in self._spellers.items():
            speller.add_words(self._own_words(language))
        self.changed.emit()

    def add_word(self, word: str) -> None:
        """Never flag ``word`` again in the current language."""
        language = self.language
        speller = self.speller
        if language is None or speller is None:
            return
        speller.add_words([word])
        if self.state is not None:
            words = sorted({*self._own_words(language), word.casefold()})
            self.state.set_preference(WORDS_KEY.format(language), json.dumps(words))
        self.changed.emit()

    async def shutdown(self) -> None:
        self._closed = True
        await self._tasks.shutdown()
        self._executor.shutdown(wait=False, cancel_futures=True)
