"""Spell checking of the composer's text in English and French (pyspellchecker).

pyspellchecker is pure Python and ships word-frequency dictionaries for both languages,
so it works the same on Windows; loading one takes a second or two, so
:func:`load_speller` is meant to run off the UI thread.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from spellchecker import SpellChecker

from agent_desktop.core.linkify import find_links

LANGUAGES = ("en", "fr")
#: a word: letters, with inner apostrophes or hyphens ("aujourd'hui", "e-mail")
WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
#: French elided articles and pronouns: "l'ordre" is checked as "ordre"
_ELISIONS = ("l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu")
#: longer words are not looked up for suggestions (pyspellchecker's edit distance is costly)
SUGGEST_MAX_LENGTH = 20


@dataclass(frozen=True)
class WordSpan:
    start: int
    end: int
    word: str


def words(text: str) -> list[WordSpan]:
    """The words of ``text`` worth checking: not in links, not all capitals, no digits."""
    skipped = [(link.start, link.end) for link in find_links(text)]
    found = []
    for match in WORD.finditer(text):
        word = match.group(0)
        if len(word) < 2 or word.isupper():
            continue
        if any(start <= match.start() < end for start, end in skipped):
            continue
        found.append(WordSpan(match.start(), match.end(), word))
    return found


class Speller:
    """One language's dictionary plus the agent's own words."""

    def __init__(self, language: str, checker: SpellChecker) -> None:
        self.language = language
        self._checker = checker
        self._own: set[str] = set()

    def add_words(self, extra: Iterable[str]) -> None:
        self._own.update(w.casefold() for w in extra)

    def is_known(self, word: str) -> bool:
        folded = word.replace("’", "'").casefold()
        if folded in self._own or self._checker.known([folded]):
            return True
        if self.language == "fr" and "'" in folded:
            head, _, tail = folded.partition("'")
            if head in _ELISIONS:
                return self.is_known(tail)
        if "-" in folded:  # "peut-être" is in the dictionary; "rendez-vous" may not be
            return all(self.is_known(part) for part in folded.split("-") if part)
        return False

    def misspelled(self, text: str) -> list[WordSpan]:
        return [span for span in words(text) if not self.is_known(span.word)]

    def suggestions(self, word: str, limit: int = 5) -> list[str]:
        """Likely corrections, most frequent first, in the word's capitalisation."""
        if len(word) > SUGGEST_MAX_LENGTH:
            return []
        folded = word.casefold()
        candidates = self._checker.candidates(folded) or set()
        ranked = sorted(
            (c for c in candidates if c != folded),
            key=lambda c: (-self._checker.word_usage_frequency(c), c),
        )[:limit]
        if word[:1].isupper():
            ranked = [c[:1].upper() + c[1:] for c in ranked]
        return ranked


def load_speller(language: str) -> Speller:
    """Load ``language``'s bundled dictionary (blocking, about a second)."""
    if language not in LANGUAGES:
        raise ValueError(f"no dictionary for {language!r}")
    return Speller(language, SpellChecker(language=language, distance=2))
