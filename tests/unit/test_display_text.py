"""display_text: wire text made safe to paint."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

from hypothesis import example, given
from hypothesis import strategies as st

from agent_desktop.core.display import (
    BIDI_CONTROLS,
    COLLAPSE_CHARS,
    COLLAPSE_LINES,
    COLLAPSED_CHARS,
    COLLAPSED_LINES,
    FSI,
    MAX_COMBINING,
    PDI,
    collapse,
    display_text,
    log_safe,
    one_line,
)

HOSTILE = Path(__file__).parent.parent / "data" / "hostile"


def _max_combining_run(text: str) -> int:
    run = best = 0
    for ch in text:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me"):
            run += 1
            best = max(best, run)
        else:
            run = 0
    return best


def _is_safe(shown: str) -> bool:
    return (
        not any(ch in BIDI_CONTROLS for ch in shown)
        and not any(0xD800 <= ord(ch) <= 0xDFFF for ch in shown)
        and not any(unicodedata.category(ch) == "Cc" and ch not in "\n\t" for ch in shown)
        and _max_combining_run(shown) <= MAX_COMBINING
    )


def test_plain_text_is_unchanged() -> None:
    for text in ("Bonjour, ça va ?", "Line 1\nLine 2\tTab", "👨‍👩‍👧‍👦 family", "שלום", ""):
        assert display_text(text) == text


def test_bidi_override_is_shown_not_obeyed() -> None:
    shown = display_text((HOSTILE / "bidi_override.txt").read_text("utf-8"))
    assert shown == "Invoice ⟦RLO⟧gnp.exe⟦PDF⟧ is attached"


def test_controls_and_nul_are_visible() -> None:
    shown = display_text("a\x00b\x07c\x1b[0m")
    assert shown == "a␀b␇c␛[0m"


def test_zero_width_characters_are_tagged_but_joiners_kept() -> None:
    assert display_text("pay\u200bpal") == "pay⟦ZWSP⟧pal"
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"
    assert display_text(family) == family


def test_lone_surrogates_become_replacement_characters() -> None:
    text = json.loads((HOSTILE / "lone_surrogate.json").read_text("utf-8"))["text"]
    shown = display_text(text)
    assert "\ufffd" in shown
    shown.encode("utf-8")  # would raise on a lone surrogate


def test_combining_flood_is_capped() -> None:
    shown = display_text((HOSTILE / "combining_flood.txt").read_text("utf-8"))
    assert _max_combining_run(shown) == MAX_COMBINING
    assert shown.startswith("Z") and shown.endswith("algo")


def test_limit_and_isolate() -> None:
    assert display_text("abcdef", limit=3) == "abc…"
    assert display_text("abc", isolate=True) == f"{FSI}abc{PDI}"
    assert one_line("a\n\n b\tc", 10) == "a b c"


def test_every_corpus_file_is_made_safe() -> None:
    files = sorted(HOSTILE.glob("*.txt"))
    assert len(files) >= 10
    for path in files:
        shown = display_text(path.read_text("utf-8"))
        assert _is_safe(shown), path.name


@given(st.text(alphabet=st.characters(codec=None, exclude_categories=())))
def test_any_text_is_made_safe(text: str) -> None:
    assert _is_safe(display_text(text))
    assert _is_safe(display_text(text, isolate=True)[1:-1])


@given(st.text(), st.integers(min_value=0, max_value=50))
def test_limit_bounds_the_length(text: str, limit: int) -> None:
    shown = display_text(text, limit=limit)
    # each kept character is at most one visible tag long (⟦U+XXXX⟧ = 8), plus the ellipsis
    assert len(shown) <= limit * 8 + 1


#: characters display_text() treats, mixed with ordinary ones so that both paths are taken
_TREATED = [*BIDI_CONTROLS, "\u200b", "\u00ad", "\ufeff", "\x00", "\x1b", "\x85", "\x7f"]
_KEPT = ["\n", "\t", "\u0301", "\u0489", "\u20dd", "\ud800", "é", "a", " ", "—", "🙂", "\u200d"]
_TRICKY = st.sampled_from([*_TREATED, *_KEPT])


@given(
    st.text(alphabet=st.one_of(_TRICKY, st.characters(codec=None))),
    st.one_of(st.none(), st.integers(min_value=0, max_value=30)),
    st.booleans(),
)
@example("e" + "\u0301" * 6, None, False)  # a run of marks beyond Latin
@example("caf\u00e9 \u00ad", 3, True)  # a soft hyphen below U+0300
def test_the_fast_path_gives_what_the_full_pass_gives(
    text: str, limit: int | None, isolate: bool
) -> None:
    from agent_desktop.core.display import _display_text

    expected = _display_text(text, limit=limit, isolate=isolate)
    assert display_text(text, limit=limit, isolate=isolate) == expected


def test_a_long_text_collapses_to_its_first_lines() -> None:
    assert collapse("Bonjour") is None
    assert collapse("a" * COLLAPSE_CHARS) is None
    huge = collapse("x" * 1_048_576)
    assert huge == "x" * COLLAPSED_CHARS + "…"
    words = collapse("mot " * COLLAPSE_CHARS)
    assert words is not None and words.endswith("mot…")  # cut at a space, not in a word
    lines = collapse("\n".join(f"ligne {n}" for n in range(COLLAPSE_LINES + 1)))
    assert lines is not None and lines.count("\n") == COLLAPSED_LINES - 1
    assert lines.endswith(f"ligne {COLLAPSED_LINES - 1}…")


@given(st.text(alphabet=st.sampled_from(["a", " ", "\n", "é", "🙂"]), max_size=4_000))
def test_a_collapsed_text_is_a_short_prefix_of_the_text(text: str) -> None:
    head = collapse(text)
    if head is None:
        assert len(text) <= COLLAPSE_CHARS and text.count("\n") < COLLAPSE_LINES
        return
    assert head.endswith("…") and text.startswith(head[:-1])
    assert len(head) <= COLLAPSED_CHARS + 1
    assert head.count("\n") < COLLAPSED_LINES


def test_log_safe_text_is_one_bounded_line_that_reorders_nothing() -> None:
    assert log_safe("Prêt · Marie Dupont") == "Prêt · Marie Dupont"
    forged = "ok\n2025-01-01 ERROR admin logged in\r\u202egnp.exe\x00\ud800"
    assert log_safe(forged) == (
        "ok\\n2025-01-01 ERROR admin logged in\\r\\u202egnp.exe\\x00\\ud800"
    )
    assert log_safe("x" * 10_000, limit=50) == "x" * 50 + "…"
