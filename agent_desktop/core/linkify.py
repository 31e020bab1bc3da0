"""Find URLs, e-mail addresses and phone numbers in message text (pure Python, no Qt).

Spans are returned in text order and never overlap; each carries the target to open, whose
scheme is always ``http``, ``https``, ``mailto`` or ``tel``. Nothing here renders anything:
the transcript delegate underlines the spans of plain text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from agent_desktop.core.urls import check_url


class LinkKind(StrEnum):
    URL = "url"
    EMAIL = "email"
    PHONE = "phone"


@dataclass(frozen=True, slots=True)
class LinkSpan:
    start: int
    end: int  # exclusive
    kind: LinkKind
    target: str  # http(s)://..., mailto:..., tel:...


_URL = re.compile(
    r"(?<![\w@.\-])(?:https?://|www\.)[^\s<>\"'`\x00-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2066-\u2069]+",
    re.IGNORECASE,
)
_EMAIL = re.compile(
    r"(?<![\w.%+\-])[A-Za-z0-9._%+\-]+@[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?"
    r"(?:\.[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}(?![\w\-])"
)
# international (+33 6 12 34 56 78), national with a leading 0 (06 12 34 56 78,
# 01.23.45.67.89) or with an area code in brackets ((555) 123-4567)
_PHONE = re.compile(
    r"(?<![\w+/.\-])(?:\+\d{1,3}|0\d*|\(\d{1,4}\))(?:[ .\-]?\(?\d{1,4}\)?){2,6}(?![\w\-/])"
)
_TRAILING = ".,;:!?'\"»…"
MIN_PHONE_DIGITS = 8
MAX_PHONE_DIGITS = 15


def _trim_url(raw: str) -> str:
    """Drop trailing punctuation that ends the sentence, and unbalanced closing brackets."""
    while raw:
        last = raw[-1]
        unbalanced = last in ")]}" and raw.count("([{"[")]}".index(last)]) < raw.count(last)
        if not (last in _TRAILING or unbalanced):
            break
        raw = raw[:-1]
    return raw


def _urls(text: str) -> tuple[list[LinkSpan], list[tuple[int, int]]]:
    """Accepted URL spans, and the ranges of refused URL-like text (nothing inside them
    becomes a link: ``https://bank.example@evil.example`` must not yield an e-mail)."""
    spans = []
    refused = []
    for match in _URL.finditer(text):
        raw = _trim_url(match.group(0))
        start = match.start()
        check = check_url(raw)
        if check.url is not None and len(raw) > len("www."):
            spans.append(LinkSpan(start, start + len(raw), LinkKind.URL, check.url))
        else:
            refused.append((start, match.end()))
    return spans, refused


def _emails(text: str) -> list[LinkSpan]:
    return [
        LinkSpan(m.start(), m.end(), LinkKind.EMAIL, "mailto:" + m.group(0))
        for m in _EMAIL.finditer(text)
    ]


def _phones(text: str) -> list[LinkSpan]:
    spans = []
    for match in _PHONE.finditer(text):
        raw = match.group(0)
        digits = re.sub(r"\D", "", raw)
        if not MIN_PHONE_DIGITS <= len(digits) <= MAX_PHONE_DIGITS:
            continue
        if raw.count("(") != raw.count(")"):
            continue
        target = "tel:" + ("+" if raw.startswith("+") else "") + digits
        spans.append(LinkSpan(match.start(), match.end(), LinkKind.PHONE, target))
    return spans


def find_links(text: str) -> list[LinkSpan]:
    """Every link in ``text``, in order; URLs win over e-mails, which win over phones."""
    urls, refused = _urls(text)
    taken = list(refused)
    chosen: list[LinkSpan] = []
    for found in (urls, _emails(text), _phones(text)):
        for span in found:
            if all(span.end <= start or span.start >= end for start, end in taken):
                chosen.append(span)
                taken.append((span.start, span.end))
    chosen.sort(key=lambda span: span.start)
    return chosen
