"""Make wire text safe to *display*: nothing a contact sends can disguise or freeze the UI.

The stored text is never altered (it is the record of what was said); only what is painted
goes through :func:`display_text`:

- bidirectional controls (LRE, RLE, PDF, LRO, RLO, LRI, RLI, FSI, PDI, and the marks
  ALM/LRM/RLM) are shown as visible tags such as ``⟦RLO⟧`` so that a message can never
  reverse the display of surrounding text, and the whole text is wrapped in a first-strong
  isolate so that its own direction stays inside it;
- other invisible or control characters (C0/C1 controls but tab and new line, NUL, the
  zero-width space, word joiner, BOM, soft hyphen...) are shown as visible symbols; the
  zero-width joiner and non-joiner stay, since emoji sequences and several scripts need them;
- lone surrogates become U+FFFD;
- runs of combining marks are capped (a "Zalgo" flood cannot paint over other lines);
- the text can be cut to a length with an ellipsis, for previews; :func:`collapse` gives
  the first lines of a long message (the transcript shows them with "Show more");
- :func:`log_safe` makes text safe for one line of a log file.
"""

from __future__ import annotations

import re
import unicodedata

BIDI_CONTROLS: dict[str, str] = {
    "\u202a": "LRE",
    "\u202b": "RLE",
    "\u202c": "PDF",
    "\u202d": "LRO",
    "\u202e": "RLO",
    "\u2066": "LRI",
    "\u2067": "RLI",
    "\u2068": "FSI",
    "\u2069": "PDI",
    "\u200e": "LRM",
    "\u200f": "RLM",
    "\u061c": "ALM",
}

#: invisible characters shown as a visible tag (ZWJ U+200D and ZWNJ U+200C are kept)
INVISIBLES: dict[str, str] = {
    "\u200b": "ZWSP",
    "\u2060": "WJ",
    "\ufeff": "BOM",
    "\u00ad": "SHY",
    "\u180e": "MVS",
    "\u2061": "FA",
    "\u2062": "IT",
    "\u2063": "IS",
    "\u2064": "IP",
}

#: combining marks kept after one base character
MAX_COMBINING = 4

FSI = "\u2068"
PDI = "\u2069"
KEEP_CONTROLS = frozenset("\n\t")


def _visible_control(ch: str) -> str:
    code = ord(ch)
    if code < 0x20:
        return chr(0x2400 + code)  # Control Pictures: ␀ ␁ ... ␟
    if code == 0x7F:
        return "\u2421"  # ␡
    return f"⟦U+{code:04X}⟧"


#: what display_text() may change below U+0300: controls (C0 but tab and new line, DEL,
#: C1) and the soft hyphen; every other character it treats (bidi controls, invisibles,
#: surrogates, combining marks) is at U+0300 or above
_CHANGED_BELOW_COMBINING = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u00ad]")
#: every character display_text() changes, but combining marks
_CHANGED = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff" + "".join(BIDI_CONTROLS) + "".join(INVISIBLES) + "]"
)
_FIRST_COMBINING = "\u0300"


def _is_mark(ch: str) -> bool:
    return bool(unicodedata.combining(ch)) or unicodedata.category(ch) in ("Mn", "Me")


def _unchanged(text: str) -> bool:
    """True when display_text() would give ``text`` back as it is (the usual message):
    found with a regular expression and, beyond Latin, one light pass for mark runs."""
    if not text:
        return True
    if max(text) < _FIRST_COMBINING:
        return _CHANGED_BELOW_COMBINING.search(text) is None
    if _CHANGED.search(text) is not None:
        return False
    run = 0
    for ch in text:
        if ch >= _FIRST_COMBINING and _is_mark(ch):
            run += 1
            if run > MAX_COMBINING:
                return False
        else:
            run = 0
    return True


def display_text(text: str, *, limit: int | None = None, isolate: bool = False) -> str:
    """``text`` made safe to paint (see the module doc); ``limit`` cuts it with ``…``."""
    if _unchanged(text):  # ~20 times faster than the pass below, which it equals
        result = text if limit is None or len(text) <= limit else text[:limit] + "…"
        return f"{FSI}{result}{PDI}" if isolate else result
    return _display_text(text, limit=limit, isolate=isolate)


def _display_text(text: str, *, limit: int | None, isolate: bool) -> str:
    out: list[str] = []
    combining = 0
    length = 0
    for ch in text:
        if limit is not None and length >= limit:
            out.append("…")
            break
        code = ord(ch)
        if 0xD800 <= code <= 0xDFFF:
            piece = "\ufffd"
        elif ch in BIDI_CONTROLS:
            piece = f"⟦{BIDI_CONTROLS[ch]}⟧"
        elif ch in INVISIBLES:
            piece = f"⟦{INVISIBLES[ch]}⟧"
        elif ch not in KEEP_CONTROLS and unicodedata.category(ch) == "Cc":
            piece = _visible_control(ch)
        elif unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me"):
            combining += 1
            if combining > MAX_COMBINING:
                continue
            piece = ch
        else:
            piece = ch
        if not unicodedata.combining(ch) and unicodedata.category(ch) not in ("Mn", "Me"):
            combining = 0
        out.append(piece)
        length += 1
    result = "".join(out)
    return f"{FSI}{result}{PDI}" if isolate else result


def one_line(text: str, limit: int) -> str:
    """A single-line, safe preview of ``text`` (new lines and tabs folded to spaces)."""
    return display_text(" ".join(text.split()), limit=limit)


#: a message longer than this (characters or lines) is shown collapsed in a transcript
COLLAPSE_CHARS = 1_500
COLLAPSE_LINES = 25
#: what a collapsed message shows: at most this many characters and lines
COLLAPSED_CHARS = 700
COLLAPSED_LINES = 12
#: a collapsed text is cut at a space when there is one this close to the cut
WORD_CUT_SLACK = 60


def collapse(text: str) -> str | None:
    """The first lines of ``text`` ending with ``…`` when it is too long to show whole,
    ``None`` when it is short enough. Reads at most ~``COLLAPSED_CHARS`` of a long text
    (beyond one count of its line breaks), so a 1 MB message costs what a short one does."""
    if len(text) <= COLLAPSE_CHARS and text.count("\n") < COLLAPSE_LINES:
        return None
    head = "\n".join(text[:COLLAPSED_CHARS].split("\n")[:COLLAPSED_LINES])
    if len(head) == COLLAPSED_CHARS:  # cut inside a line: at a space when one is near
        space = head.rfind(" ", COLLAPSED_CHARS - WORD_CUT_SLACK)
        if space > 0:
            head = head[:space]
    return head.rstrip() + "…"


def log_safe(text: str, limit: int = 500) -> str:
    """``text`` for one line of a log file, at most ``limit`` characters (and ``…``): every
    control, bidi, invisible or lone surrogate character (new lines too) escaped as
    ``\\n`` / ``\\u202e``, so wire text can neither forge a log line nor reorder one."""
    if len(text) <= limit and text.isprintable():
        return text
    out: list[str] = []
    size = 0
    for ch in text:
        piece = ch if ch.isprintable() else ascii(ch)[1:-1]
        if size + len(piece) > limit:
            out.append("…")
            break
        out.append(piece)
        size += len(piece)
    return "".join(out)
