"""Spell checking in English and French with the bundled dictionaries."""

from __future__ import annotations

import pytest

from agent_desktop.core.spelling import Speller, load_speller, words


@pytest.fixture(scope="module")
def en() -> Speller:
    return load_speller("en")


@pytest.fixture(scope="module")
def fr() -> Speller:
    return load_speller("fr")


def test_words_skip_links_capitals_and_numbers() -> None:
    found = [
        w.word for w in words("Voir https://exmple.com/pge ou ecrire a bob@exmple.org SNCF 42x")
    ]
    assert found == ["Voir", "ou", "ecrire"]


def test_english(en: Speller) -> None:
    text = "Helo, your order has shiped today."
    assert [(s.word, text[s.start : s.end]) for s in en.misspelled(text)] == [
        ("Helo", "Helo"),
        ("shiped", "shiped"),
    ]
    assert "Hello" in en.suggestions("Helo")
    assert "shipped" in en.suggestions("shiped")


def test_french_with_elisions_and_hyphens(fr: Speller) -> None:
    text = "Bonjour, l'ordre est arrivé aujourd'hui, peut-être. Je vérifie la comande."
    assert [s.word for s in fr.misspelled(text)] == ["comande"]
    assert "commande" in fr.suggestions("comande")


def test_own_words(en: Speller) -> None:
    assert not en.is_known("Zorglub")
    en.add_words(["zorglub"])
    assert en.is_known("Zorglub")


def test_unknown_language() -> None:
    with pytest.raises(ValueError):
        load_speller("xx")
