"""The emoji catalog: data, bilingual folded search and its ranking, recents, extraction."""

from __future__ import annotations

import statistics
import time

from hypothesis import given
from hypothesis import strategies as st

from agent_desktop.core.emoji import (
    Emoji,
    EmojiCatalog,
    EmojiGroup,
    SkinTone,
    default_catalog,
    fold,
    remember_sent,
    search_words,
)


def small_catalog() -> EmojiCatalog:
    def entry(emoji: str, order: int, en: str, fr: str, kw_en: tuple[str, ...] = ()) -> Emoji:
        return Emoji(emoji, 0, order, (), {"en": en, "fr": fr}, {"en": kw_en, "fr": ()})

    return EmojiCatalog(
        groups=(EmojiGroup("smileys-emotion", {"en": "smileys", "fr": "smileys"}),),
        entries=(
            entry("🛒", 0, "shopping cart", "caddie", ("scatter",)),
            entry("🐈", 1, "cat", "chat"),
            entry("😺", 2, "grinning cat", "chat qui sourit"),
        ),
    )


def test_catalog_has_groups_names_and_tones_in_both_languages() -> None:
    catalog = default_catalog()
    assert len(catalog) > 1800
    assert [g.key for g in catalog.groups][:2] == ["smileys-emotion", "people-body"]
    assert "component" not in [g.key for g in catalog.groups]
    party = catalog.find("🎉")
    assert party is not None
    assert party.name("en") == "party popper" and party.name("fr") == "cotillons"
    thumbs = catalog.find("👍")
    assert thumbs is not None and len(thumbs.skins) == 5
    assert thumbs.with_tone(SkinTone.MEDIUM) == "👍🏽"
    assert thumbs.with_tone(SkinTone.NONE) == thumbs.emoji
    assert catalog.find("👍🏿") is thumbs


def test_search_is_bilingual_and_folds_case_and_accents() -> None:
    catalog = default_catalog()

    def found(query: str) -> list[str]:
        return [e.emoji for e in catalog.search(query)]

    assert "🎉" in found("fete") and "🎉" in found("FÊTE") and "🎉" in found("party")
    assert "😀" in found("heureux")
    assert "😢" in found("triste")
    assert "❤️" in found("coeur")  # "cœur": the ligature folds to "oe"
    assert found("") == [] and found("   ") == []


def test_exact_then_word_prefix_then_substring() -> None:
    catalog = small_catalog()
    # "cat": exact name of 🐈, word prefix in "grinning cat", inside "scatter" for 🛒
    assert [e.emoji for e in catalog.search("cat")] == ["🐈", "😺", "🛒"]
    assert [e.emoji for e in catalog.search("chat qui")] == ["😺"]
    assert [e.emoji for e in catalog.search("at")] == ["🛒", "🐈", "😺"]  # all substring
    assert [e.emoji for e in catalog.search("cat", limit=1)] == ["🐈"]


@given(st.text(max_size=12))
def test_search_never_fails_and_results_match(query: str) -> None:
    catalog = small_catalog()
    for entry in catalog.search(query):
        terms = fold(" ".join([*entry.names.values(), *entry.keywords["en"]]))
        assert all(word in terms for word in search_words(query))


def test_search_per_keystroke_is_fast() -> None:
    catalog = default_catalog()
    queries = [word[:n] for word in ("heureux", "party", "fete", "coeur") for n in range(1, 8)]
    timings = []
    for _ in range(5):
        for query in queries:
            start = time.perf_counter()
            catalog.search(query)
            timings.append(time.perf_counter() - start)
    # the issue's budget is 2 ms median on the 2-core CI machine; measured ~0.4 ms
    assert statistics.median(timings) < 0.002


def test_extract_emoji_from_text() -> None:
    catalog = default_catalog()
    text = "Merci 👍🏽 !! 🎉🎉 ❤️ 👨‍👩‍👧 ok © ♥ 1️⃣ 🇫🇷"
    assert catalog.extract(text) == ["👍🏽", "🎉", "🎉", "❤️", "👨‍👩‍👧", "1️⃣", "🇫🇷"]
    # without VS16 the catalog form comes back; lone text symbols are not emoji
    assert catalog.extract("👍") == ["👍️"]
    assert catalog.extract("© 2024 ♥ 1") == []
    # emoji presentation without VS16: found, in the catalog form
    assert catalog.extract("\u270b \u26bd") == ["\u270b\ufe0f", "\u26bd\ufe0f"]
    assert catalog.contains_emoji("ok 🎉") and not catalog.contains_emoji("ok © 1")


def test_find_all_gives_each_emoji_its_span_in_the_text() -> None:
    catalog = default_catalog()
    text = "ok 👍🏽 \u270b\ufe0f! 👨\u200d👩\u200d👧 ©"
    found = catalog.find_all(text)
    assert [form for _, _, form in found] == catalog.extract(text)
    # spans are the whole grapheme, VS16 included, and never overlap
    assert [text[start:end] for start, end, _ in found] == [
        "👍🏽",
        "\u270b\ufe0f",
        "👨\u200d👩\u200d👧",
    ]
    assert catalog.find_all("👍") == [(0, 1, "👍️")]


@given(st.text(alphabet=st.sampled_from(["a", " ", "🎉", "👍", "🏽", "\ufe0f", "\u200d"])))
def test_find_all_spans_are_ordered_and_disjoint(text: str) -> None:
    spans = default_catalog().find_all(text)
    ends = [0] + [end for _, end, _ in spans]
    assert all(ends[i] <= start < end for i, (start, end, _) in enumerate(spans))
    assert all(default_catalog().find(text[start:end]) is not None for start, end, _ in spans)


def test_recent_is_distinct_most_recent_first_and_capped() -> None:
    assert remember_sent([], ["🎉", "😀"], 5) == ["😀", "🎉"]
    assert remember_sent(["😀", "🎉"], ["🎉"], 5) == ["🎉", "😀"]
    assert remember_sent(["a", "b", "c"], ["d"], 3) == ["d", "a", "b"]


@given(
    st.lists(st.sampled_from("abcdefgh"), max_size=8),
    st.lists(st.sampled_from("abcdefgh"), max_size=8),
    st.integers(min_value=0, max_value=10),
)
def test_recent_properties(recent: list[str], sent: list[str], limit: int) -> None:
    recent = list(dict.fromkeys(recent))
    result = remember_sent(recent, sent, limit)
    assert len(result) == len(set(result)) <= limit
    if sent and limit:
        assert result[0] == sent[-1]
