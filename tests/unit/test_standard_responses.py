"""Standard responses: field codes, search and the administrator's file."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from agent_desktop.backends.demo.responses import DEMO_RESPONSES
from agent_desktop.core.standard_responses import (
    FieldContext,
    ResponseFileError,
    ResponseLibrary,
    StandardResponse,
    dump_response_file,
    fill_fields,
    load_response_file,
    parse_response_file,
)

WHEN = datetime(2025, 5, 1, 14, 5)


def context(language: str = "en", nickname: str | None = "Alex") -> FieldContext:
    return FieldContext("Marie Dupont", "Alexandre Martin", nickname, WHEN, language)


@pytest.mark.parametrize(
    ("code", "language", "expected"),
    [
        ("contact.name", "en", "Marie Dupont"),
        ("contact.first_name", "en", "Marie"),
        ("agent.name", "en", "Alexandre Martin"),
        ("agent.first_name", "en", "Alexandre"),
        ("agent.nickname", "en", "Alex"),
        ("date", "en", "May 1, 2025"),
        ("date", "fr", "1er mai 2025"),
        ("time", "en", "2:05 PM"),
        ("time", "fr", "14:05"),
    ],
)
def test_each_field_code(code: str, language: str, expected: str) -> None:
    filled = fill_fields(f"<{{{code}}}>", context(language))
    assert filled.text == f"<{expected}>"
    assert filled.unknown == ()


def test_nickname_falls_back_to_the_agent_name() -> None:
    assert fill_fields("{agent.nickname}", context(nickname=None)).text == "Alexandre Martin"


def test_codes_are_case_insensitive_and_date_formats_other_days() -> None:
    ctx = FieldContext("Bob", "Ann", None, datetime(2024, 12, 25, 0, 7), "fr")
    assert fill_fields("{DATE} {Time}", ctx).text == "25 décembre 2024 00:07"
    ctx_en = FieldContext("Bob", "Ann", None, datetime(2024, 12, 25, 0, 7), "en")
    assert fill_fields("{time}", ctx_en).text == "12:07 AM"


def test_unknown_codes_stay_visible_and_are_reported_once() -> None:
    filled = fill_fields("Hi {contact.first_name}, order {order.id} / {order.id} {x}", context())
    assert filled.text == "Hi Marie, order {order.id} / {order.id} {x}"
    assert filled.unknown == ("order.id", "x")


def test_double_braces_are_literal() -> None:
    filled = fill_fields("{{contact.name}} is {contact.name}", context())
    assert filled.text == "{contact.name} is Marie Dupont"
    assert filled.unknown == ()


def test_a_one_word_or_empty_name() -> None:
    ctx = FieldContext("Cher", "", None, WHEN)
    assert fill_fields("{contact.first_name}|{agent.first_name}", ctx).text == "Cher|"


def test_search_is_accent_and_case_insensitive() -> None:
    library = ResponseLibrary(DEMO_RESPONSES)
    assert [r.id for r in library.search("TOUJOURS LA")] == ["still_there.fr"]
    assert [r.id for r in library.search("etes")] == ["still_there.fr"]
    assert library.search("zzz-nothing") == []
    assert len(library.search("")) == len(DEMO_RESPONSES)


def test_search_ranks_titles_first_and_the_language_first() -> None:
    library = ResponseLibrary(DEMO_RESPONSES)
    found = library.search("refund", language="fr")
    assert found[0].id == "refund.en"  # the only match, even in another language
    found = library.search("", language="fr")
    assert all(r.language == "fr" for r in found[: len(found) // 2])
    # a title match outranks a text-only match
    responses = [
        StandardResponse(id="a", title="Other", text="about delivery"),
        StandardResponse(id="b", title="Delivery", text="x"),
    ]
    assert [r.id for r in ResponseLibrary(responses).search("deliv")] == ["b", "a"]


def test_categories_and_category_filter() -> None:
    library = ResponseLibrary(DEMO_RESPONSES)
    assert library.categories("en") == ["Greetings", "Orders", "Closing"]
    assert library.categories("fr") == ["Accueil", "Commandes", "Clôture"]
    orders = library.search("", category="Orders")
    assert {r.id for r in orders} == {"order_number.en", "delivery_delay.en", "refund.en"}


def test_first_response_with_an_id_wins() -> None:
    mine = StandardResponse(id="x", title="Mine", text="1")
    theirs = StandardResponse(id="x", title="Theirs", text="2")
    assert [r.title for r in ResponseLibrary([mine, theirs]).responses] == ["Mine"]


def test_demo_library_is_bilingual_and_its_codes_are_known() -> None:
    assert len(DEMO_RESPONSES) >= 15
    assert {r.language for r in DEMO_RESPONSES} == {"en", "fr"}
    for response in DEMO_RESPONSES:
        assert fill_fields(response.text, context()).unknown == ()


def test_file_round_trip(tmp_path: Path) -> None:
    path = tmp_path / "standard_responses.json"
    path.write_text(dump_response_file(DEMO_RESPONSES[:3]), encoding="utf-8")
    loaded = load_response_file(path)
    assert loaded.error is None
    assert loaded.responses == DEMO_RESPONSES[:3]


def test_missing_file_is_no_error(tmp_path: Path) -> None:
    loaded = load_response_file(tmp_path / "none.json")
    assert loaded.responses == () and loaded.error is None


@pytest.mark.parametrize(
    ("content", "needle"),
    [
        ("{not json", "file"),
        ('{"responses": [{"id": "a", "title": "T"}]}', "text"),
        ('{"responses": [{"id": "a", "title": "T", "text": "x", "colour": 1}]}', "colour"),
        (
            '{"responses": [{"id": "a", "title": "T", "text": "x"},'
            ' {"id": "a", "title": "U", "text": "y"}]}',
            "duplicate ids: a",
        ),
    ],
)
def test_a_bad_file_is_explained_and_set_aside(tmp_path: Path, content: str, needle: str) -> None:
    path = tmp_path / "standard_responses.json"
    path.write_text(content, encoding="utf-8")
    loaded = load_response_file(path)
    assert loaded.responses == ()
    assert loaded.error is not None and needle in loaded.error
    assert loaded.kept_as == tmp_path / "standard_responses.json.bad"
    assert not path.exists() and loaded.kept_as.read_text(encoding="utf-8") == content
    with pytest.raises(ResponseFileError):
        parse_response_file(content)
