"""Push URL rules and the pushed-URL history (pure Python, no Qt).

Only absolute ``http`` and ``https`` URLs with a host are pushed to a contact; a bare
``www.example.com`` gets ``https://``. Everything else is refused with a reason code that
the UI turns into a translated explanation.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import urlsplit

ALLOWED_SCHEMES = ("http", "https")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.\-]*):")
_BARE_WWW = re.compile(r"^www\.", re.IGNORECASE)
_LOOKS_LIKE_DOMAIN = re.compile(r"^[\w\-]+(\.[\w\-]+)*\.[A-Za-z]{2,}(:\d+)?([/?#]\S*)?$")
_HOST = re.compile(r"^([0-9A-Fa-f:.]+|[\w\-.~%]+)$")
# whitespace, controls and bidi overrides have no place in a link the contact will open
_FORBIDDEN = re.compile(r"[\s\x00-\x1f\x7f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")


class UrlRefusal(StrEnum):
    """Why a text cannot be pushed as a URL."""

    EMPTY = "empty"
    UNSUPPORTED_SCHEME = "unsupported_scheme"  # javascript:, file:, data:, mailto:, ...
    MISSING_SCHEME = "missing_scheme"  # example.com/page: ambiguous, say http(s)://
    NOT_A_URL = "not_a_url"  # plain text
    NO_HOST = "no_host"  # https:// alone, https:///path
    CREDENTIALS = "credentials"  # https://user@host hides the real host
    INVALID_CHARACTERS = "invalid_characters"  # spaces, control or bidi characters


@dataclass(frozen=True)
class UrlCheck:
    """The outcome of :func:`check_url`: a URL to push, or a refusal."""

    url: str | None
    refusal: UrlRefusal | None

    @property
    def ok(self) -> bool:
        return self.url is not None


def _refuse(reason: UrlRefusal) -> UrlCheck:
    return UrlCheck(None, reason)


def check_url(text: str) -> UrlCheck:
    """Accept an absolute http(s) URL (``www.`` gets ``https://``); refuse anything else."""
    candidate = text.strip()
    if not candidate:
        return _refuse(UrlRefusal.EMPTY)
    if _FORBIDDEN.search(candidate):
        return _refuse(UrlRefusal.INVALID_CHARACTERS)
    if _BARE_WWW.match(candidate):
        candidate = "https://" + candidate
    scheme_match = _SCHEME.match(candidate)
    if scheme_match is None:
        if _LOOKS_LIKE_DOMAIN.match(candidate):
            return _refuse(UrlRefusal.MISSING_SCHEME)
        return _refuse(UrlRefusal.NOT_A_URL)
    scheme = scheme_match.group(1).lower()
    if scheme not in ALLOWED_SCHEMES:
        # "localhost:8080" parses as a scheme too: still not an absolute http(s) URL
        if _LOOKS_LIKE_DOMAIN.match(candidate):
            return _refuse(UrlRefusal.MISSING_SCHEME)
        return _refuse(UrlRefusal.UNSUPPORTED_SCHEME)
    try:
        parts = urlsplit(candidate)
        port = parts.port  # raises ValueError for a bad port
    except ValueError:
        return _refuse(UrlRefusal.NOT_A_URL)
    del port
    if not candidate[len(scheme) + 1 :].startswith("//"):
        return _refuse(UrlRefusal.NO_HOST)
    if "@" in parts.netloc:
        return _refuse(UrlRefusal.CREDENTIALS)
    host = parts.hostname or ""
    if not host or not _HOST.match(host) or host.strip(".") == "":
        return _refuse(UrlRefusal.NO_HOST)
    # keep the agent's text as typed, with the scheme in lower case
    return UrlCheck(scheme + candidate[len(scheme) :], None)


def remember_url(history: Sequence[str], url: str, limit: int) -> list[str]:
    """The history after pushing ``url``: most recent first, no duplicates, ``limit`` long."""
    result = [url, *(item for item in history if item != url)]
    return result[: max(0, limit)]


@dataclass(frozen=True)
class LookAlike:
    """A host that may imitate another: ``host`` as written, ``ascii_host`` as the DNS
    sees it (punycode), which is where the browser really goes."""

    host: str
    ascii_host: str


#: scripts written together in one word (Japanese, Chinese, Korean, with Latin letters)
_EAST_ASIAN = frozenset(
    {"CJK", "HIRAGANA", "KATAKANA", "KATAKANA-HIRAGANA", "HANGUL", "BOPOMOFO", "LATIN"}
)
#: scripts whose letters can pass for Latin ones (а, е, о, р, с, ο, ρ, ...)
_LATIN_LOOKALIKES = frozenset({"CYRILLIC", "GREEK", "ARMENIAN", "CHEROKEE"})


def _script(ch: str) -> str:
    """The script of a letter, by its Unicode name ("LATIN", "CYRILLIC", ...); "" for
    digits, hyphens and other characters every script uses."""
    if not ch.isalpha():
        return ""
    name = unicodedata.name(ch, "")
    return name.split(" ", 1)[0]


def lookalike_host(url: str) -> LookAlike | None:
    """Whether the host of ``url`` may imitate another one (a homograph): a label that
    mixes scripts ("аpple" with a Cyrillic а; Japanese, Chinese and Korean words may mix
    theirs with Latin), or a label wholly in Cyrillic, Greek, Armenian or Cherokee under a
    Latin top-level domain ("аррӏе.com"). Accented Latin ("café.fr"), a host wholly in one
    script ("пример.рф") and other scripts ("例え.jp") are not flagged."""
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return None
    if host.isascii():
        return None
    labels = [label for label in host.split(".") if label]
    scripts = [{_script(ch) for ch in label} - {""} for label in labels]
    latin_tld = bool(scripts) and scripts[-1] <= {"LATIN"}
    suspicious = any(len(found) > 1 and not found <= _EAST_ASIAN for found in scripts) or (
        latin_tld and any(found and found <= _LATIN_LOOKALIKES for found in scripts[:-1])
    )
    if not suspicious:
        return None
    try:
        ascii_host = host.encode("idna").decode("ascii")
    except UnicodeError:
        ascii_host = "".join(ch if ch.isascii() else f"\\u{ord(ch):04x}" for ch in host)
    return LookAlike(host, ascii_host)
