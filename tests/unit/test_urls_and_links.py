"""Push URL rules and the link detector (hypothesis for both)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from agent_desktop.core.linkify import LinkKind, find_links
from agent_desktop.core.urls import UrlRefusal, check_url, lookalike_host, remember_url


@pytest.mark.parametrize(
    ("text", "url"),
    [
        ("https://example.com", "https://example.com"),
        ("  http://example.com/a?b=1#c ", "http://example.com/a?b=1#c"),
        ("HTTPS://Example.com/Path", "https://Example.com/Path"),
        ("www.example.com", "https://www.example.com"),
        ("WWW.exemple.fr/suivi", "https://WWW.exemple.fr/suivi"),
        ("https://exemple.fr:8443/é", "https://exemple.fr:8443/é"),
        ("http://localhost:8080/", "http://localhost:8080/"),
    ],
)
def test_accepted(text: str, url: str) -> None:
    assert check_url(text).url == url


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", UrlRefusal.EMPTY),
        ("javascript:alert(1)", UrlRefusal.UNSUPPORTED_SCHEME),
        ("JavaScript:alert(1)", UrlRefusal.UNSUPPORTED_SCHEME),
        ("file:///etc/passwd", UrlRefusal.UNSUPPORTED_SCHEME),
        ("data:text/html,<script>", UrlRefusal.UNSUPPORTED_SCHEME),
        ("mailto:a@b.c", UrlRefusal.UNSUPPORTED_SCHEME),
        ("bonjour", UrlRefusal.NOT_A_URL),
        ("example.com/page", UrlRefusal.MISSING_SCHEME),
        ("https://", UrlRefusal.NO_HOST),
        ("https:example.com", UrlRefusal.NO_HOST),
        ("https://bank.example@evil.example", UrlRefusal.CREDENTIALS),
        ("https://exa mple.com", UrlRefusal.INVALID_CHARACTERS),
        ("https://example.com/\u202egnp.exe", UrlRefusal.INVALID_CHARACTERS),
        ("https://example.com:99999", UrlRefusal.NOT_A_URL),
    ],
)
def test_refused(text: str, reason: UrlRefusal) -> None:
    result = check_url(text)
    assert result.url is None and result.refusal is reason


@given(st.text(max_size=60))
def test_accepted_urls_are_always_http_or_https(text: str) -> None:
    result = check_url(text)
    assert (result.url is None) != (result.refusal is None)
    if result.url is not None:
        assert result.url.split(":", 1)[0] in ("http", "https")
        assert check_url(result.url).url == result.url  # idempotent


def test_history_is_most_recent_first_without_duplicates_and_capped() -> None:
    history: list[str] = []
    for url in ("a", "b", "c", "b"):
        history = remember_url(history, url, 3)
    assert history == ["b", "c", "a"]
    assert remember_url(history, "d", 2) == ["d", "b"]


def test_links_found_in_text() -> None:
    text = (
        "Voir https://exemple.fr/suivi. Écrivez à marie.dupont@example.com, "
        "appelez le +33 6 12 34 56 78 ou le 01.23.45.67.89 (www.exemple.fr/aide)"
    )
    found = [(text[s.start : s.end], s.kind, s.target) for s in find_links(text)]
    assert found == [
        ("https://exemple.fr/suivi", LinkKind.URL, "https://exemple.fr/suivi"),
        ("marie.dupont@example.com", LinkKind.EMAIL, "mailto:marie.dupont@example.com"),
        ("+33 6 12 34 56 78", LinkKind.PHONE, "tel:+33612345678"),
        ("01.23.45.67.89", LinkKind.PHONE, "tel:0123456789"),
        ("www.exemple.fr/aide", LinkKind.URL, "https://www.exemple.fr/aide"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "javascript:alert(1)",
        "file:///etc/passwd",
        "data:text/html;base64,PHNjcmlwdD4=",
        "le 12/03/2024 à 10h, commande 1234567890",
        "https://bank.example@evil.example/login",  # nothing inside a refused URL either
    ],
)
def test_no_link_in_hostile_or_plain_text(text: str) -> None:
    assert find_links(text) == []


_pieces = st.sampled_from(
    [
        " ",
        "https://",
        "http://",
        "www.",
        "javascript:",
        "file:",
        "mailto:",
        "@",
        ".",
        ",",
        "(",
        ")",
        "+33 6 12 34 56 78",
        "06.12.34.56.78",
        "example.com",
        "a",
        "é",
        "\u202e",
        "\n",
        "/x?y=1",
    ]
)


@given(st.one_of(st.text(max_size=80), st.lists(_pieces, max_size=20).map("".join)))
def test_spans_never_overlap_stay_in_bounds_and_open_only_safe_schemes(text: str) -> None:
    spans = find_links(text)
    previous_end = 0
    for span in spans:
        assert 0 <= previous_end <= span.start < span.end <= len(text)
        previous_end = span.end
        scheme = span.target.split(":", 1)[0]
        assert scheme in {"http", "https", "mailto", "tel"}
        if span.kind is LinkKind.URL:
            assert check_url(span.target).url == span.target
        assert "\n" not in text[span.start : span.end]


@pytest.mark.parametrize(
    ("url", "ascii_host"),
    [
        ("https://аpple.com/id", "xn--pple-43d.com"),  # Cyrillic а among Latin letters
        ("https://аррӏе.com", "xn--80ak6aa92e.com"),  # all Cyrillic, under .com
        ("http://www.gооgle.fr/search", "www.xn--ggle-55da.fr"),
        ("https://exаmple.co.uk", "xn--exmple-4nf.co.uk"),
        ("https://ρaypal.com", "xn--aypal-2ce.com"),  # Greek rho
    ],
)
def test_lookalike_hosts_are_flagged_with_their_real_address(url: str, ascii_host: str) -> None:
    found = lookalike_host(url)
    assert found is not None
    assert found.ascii_host == ascii_host
    assert found.host == url.split("//", 1)[1].split("/", 1)[0]


@pytest.mark.parametrize(
    "url",
    [
        "https://example.com/x",
        "https://café.fr",  # accented Latin
        "https://bücher.de/straße",
        "https://пример.рф",  # wholly Cyrillic, Cyrillic top-level domain
        "https://xn--80ak6aa92e.com",  # already shown as it really is
        "https://例え.jp",
        "https://ラーメンshop.jp",  # Japanese mixes its scripts, and Latin
        "https://مثال.com",
        "https://192.168.1.10:8080/",
        "mailto:marie@example.com",
        "not a url at all",
    ],
)
def test_honest_hosts_are_not_flagged(url: str) -> None:
    assert lookalike_host(url) is None
