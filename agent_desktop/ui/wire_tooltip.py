"""Tooltips that hold wire data (names, message authors): never interpreted as HTML.

Qt shows a tooltip as rich text when it merely *looks* like HTML (``Qt::mightBeRichText``),
so a contact named ``<img src="file:///...">`` would be rendered. :func:`wire_tooltip` makes
the text safe to paint (``core.display.display_text``: bidi controls and invisibles shown,
bounded) and hands Qt explicit rich text in which that text is escaped, so it shows as typed.
"""

from __future__ import annotations

import html

from agent_desktop.core.display import display_text

#: the most characters of wire text a tooltip shows
TOOLTIP_CHARS = 300


def wire_tooltip(text: str, limit: int = TOOLTIP_CHARS) -> str:
    """``text`` (plain, from the wire, may hold several lines) as a tooltip Qt shows as is."""
    safe = html.escape(display_text(text, limit=limit), quote=False)
    return f"<p style='white-space:pre-wrap'>{safe}</p>"
