"""Every theme's text and meaningful shapes meet WCAG AA contrast."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtGui import QColor

from agent_desktop.core.contrast import AA_GRAPHICS, AA_TEXT, contrast_ratio, parse_hex
from agent_desktop.ui.theme import (
    DARK,
    GRAPHIC_PAIRS,
    HIGH_CONTRAST,
    LIGHT,
    TEXT_PAIRS,
    Theme,
    on_color,
)

THEMES = [LIGHT, DARK, HIGH_CONTRAST]
channel = st.integers(0, 255)
rgb = st.tuples(channel, channel, channel)


def ratio(a: QColor, b: QColor) -> float:
    return contrast_ratio(parse_hex(a.name()), parse_hex(b.name()))


def test_known_ratios() -> None:
    assert contrast_ratio((0, 0, 0), (255, 255, 255)) == pytest.approx(21.0)
    assert contrast_ratio((119, 119, 119), (255, 255, 255)) == pytest.approx(4.48, abs=0.01)
    assert parse_hex("#1F6FEB") == (31, 111, 235)
    with pytest.raises(ValueError):
        parse_hex("#fff")


@given(rgb, rgb)
def test_ratio_is_symmetric_and_bounded(a: tuple[int, int, int], b: tuple[int, int, int]) -> None:
    value = contrast_ratio(a, b)
    assert value == pytest.approx(contrast_ratio(b, a))
    assert 1.0 <= value <= 21.0 + 1e-9


@pytest.mark.parametrize("theme", THEMES, ids=lambda t: t.name)
def test_text_meets_wcag_aa(theme: Theme) -> None:
    failures = [
        f"{fg} on {bg}: {ratio(getattr(theme, fg), getattr(theme, bg)):.2f}"
        for fg, bg in TEXT_PAIRS
        if ratio(getattr(theme, fg), getattr(theme, bg)) < AA_TEXT
    ]
    assert not failures, failures


@pytest.mark.parametrize("theme", THEMES, ids=lambda t: t.name)
def test_meaningful_shapes_meet_wcag_aa(theme: Theme) -> None:
    failures = [
        f"{fg} on {bg}: {ratio(getattr(theme, fg), getattr(theme, bg)):.2f}"
        for fg, bg in GRAPHIC_PAIRS
        if ratio(getattr(theme, fg), getattr(theme, bg)) < AA_GRAPHICS
    ]
    assert not failures, failures


@pytest.mark.parametrize("theme", THEMES, ids=lambda t: t.name)
def test_banner_text_reads_on_its_colour(theme: Theme) -> None:
    for background in (theme.red, theme.yellow, theme.accent):
        assert ratio(on_color(background), background) >= AA_TEXT, background.name()
