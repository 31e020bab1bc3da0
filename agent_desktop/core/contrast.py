"""WCAG 2 contrast ratio between two sRGB colours (pure Python, for the theme tests)."""

from __future__ import annotations

#: WCAG AA: normal text, and large text or graphical objects (icons, status shapes)
AA_TEXT = 4.5
AA_GRAPHICS = 3.0


def _channel(value: int) -> float:
    c = value / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(rgb: tuple[int, int, int]) -> float:
    r, g, b = rgb
    return 0.2126 * _channel(r) + 0.7152 * _channel(g) + 0.0722 * _channel(b)


def parse_hex(color: str) -> tuple[int, int, int]:
    """``"#1f6feb"`` → ``(31, 111, 235)``."""
    text = color.lstrip("#")
    if len(text) != 6:
        raise ValueError(f"not a #rrggbb colour: {color!r}")
    return int(text[0:2], 16), int(text[2:4], 16), int(text[4:6], 16)


def contrast_ratio(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    """From 1 (same luminance) to 21 (black on white); symmetric."""
    la, lb = relative_luminance(a), relative_luminance(b)
    light, dark = max(la, lb), min(la, lb)
    return (light + 0.05) / (dark + 0.05)
