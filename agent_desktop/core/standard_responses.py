"""Standard responses: a searchable library of canned replies with field codes.

The administrator provides them in ``standard_responses.json`` in the profile's config dir
(see :class:`ResponseFile`), or the backend does (``MessagingBackend.standard_responses``).
A response's text may hold field codes such as ``{contact.first_name}``, filled in by
:func:`fill_fields` when the agent inserts it; unknown codes stay visible and are reported.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from agent_desktop.core.emoji import fold

#: name of the administrator's file in the profile's config dir
FILE_NAME = "standard_responses.json"


class StandardResponse(BaseModel):
    """One canned reply."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str = Field(min_length=1)
    title: str = Field(min_length=1, max_length=200)
    text: str = Field(min_length=1, max_length=10_000)
    category: str = Field("", max_length=200)
    #: "en", "fr"... or None for any language
    language: str | None = None
    #: extra words the search matches (not shown)
    keywords: tuple[str, ...] = ()


class ResponseFile(BaseModel):
    """The administrator's file: ``{"responses": [{"id": ..., "title": ..., ...}]}``."""

    model_config = ConfigDict(extra="forbid")

    version: int = 1
    responses: list[StandardResponse] = Field(default_factory=list)


class ResponseFileError(Exception):
    """The file cannot be used; ``str(error)`` says why in plain words."""


def parse_response_file(data: str | bytes) -> list[StandardResponse]:
    """Validate the administrator's file; raises :class:`ResponseFileError`."""
    try:
        loaded = ResponseFile.model_validate_json(data)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in err['loc']) or 'file'}: {err['msg']}"
            for err in exc.errors()[:5]
        )
        raise ResponseFileError(problems) from exc
    ids = [r.id for r in loaded.responses]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise ResponseFileError(f"duplicate ids: {', '.join(duplicates)}")
    return loaded.responses


@dataclass(frozen=True)
class FileLoad:
    """What :func:`load_response_file` found: responses, or an error and where the bad
    file was kept aside."""

    responses: tuple[StandardResponse, ...] = ()
    error: str | None = None
    kept_as: Path | None = None


def load_response_file(path: Path) -> FileLoad:
    """Read ``path`` (blocking: call it off the UI thread). A missing file is no error; an
    unusable one is renamed ``<name>.bad`` so the next start does not trip on it again."""
    if not path.exists():
        return FileLoad()
    try:
        responses = parse_response_file(path.read_bytes())
    except (OSError, ResponseFileError) as exc:
        bad = path.with_name(path.name + ".bad")
        try:
            path.replace(bad)
        except OSError:
            bad = path
        return FileLoad(error=str(exc), kept_as=bad)
    return FileLoad(responses=tuple(responses))


def dump_response_file(responses: Iterable[StandardResponse]) -> str:
    """The JSON text of a file holding ``responses`` (for tools and tests)."""
    data = ResponseFile(responses=list(responses)).model_dump(mode="json", exclude_defaults=True)
    return json.dumps(data, ensure_ascii=False, indent=2)


# search -----------------------------------------------------------------------------------
class ResponseLibrary:
    """The responses the agent can pick from, searchable by title, text, category and
    keywords (case and accent insensitive)."""

    def __init__(self, responses: Sequence[StandardResponse] = ()) -> None:
        seen: set[str] = set()
        kept: list[StandardResponse] = []
        for response in responses:  # the first of two with one id wins (the admin's file)
            if response.id not in seen:
                seen.add(response.id)
                kept.append(response)
        self.responses: tuple[StandardResponse, ...] = tuple(kept)
        self._folded = [
            (
                fold(r.title),
                fold(" ".join((r.category, *r.keywords))),
                fold(r.text),
            )
            for r in self.responses
        ]

    def __len__(self) -> int:
        return len(self.responses)

    def categories(self, language: str | None = None) -> list[str]:
        """Categories in first-seen order (no empty one); with ``language``, only those of
        responses in that language or in none."""
        return list(
            dict.fromkeys(
                r.category
                for r in self.responses
                if r.category and (language is None or r.language in (None, language))
            )
        )

    def search(
        self, query: str = "", *, category: str | None = None, language: str | None = None
    ) -> list[StandardResponse]:
        """Responses matching every word of ``query``; best first: title matches, then
        category or keyword matches, then text matches; ``language``'s own (and
        language-free) responses before the others."""
        words = fold(query).split()
        ranked: list[tuple[int, int, int, StandardResponse]] = []
        for position, (response, (title, tags, text)) in enumerate(
            zip(self.responses, self._folded, strict=True)
        ):
            if category is not None and response.category != category:
                continue
            rank = 0
            for word in words:
                if title.startswith(word) or f" {word}" in title:
                    continue
                if word in title or word in tags:
                    rank = max(rank, 1)
                elif word in text:
                    rank = max(rank, 2)
                else:
                    break
            else:
                foreign = int(
                    language is not None
                    and response.language is not None
                    and response.language != language
                )
                ranked.append((foreign, rank, position, response))
        ranked.sort(key=lambda item: item[:3])
        return [item[3] for item in ranked]


# field codes ------------------------------------------------------------------------------
FIELD_CODE = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)?)\}")

_MONTHS = {
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    "fr": (
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ),
}

#: every code :func:`fill_fields` knows, for the administrator's documentation
KNOWN_CODES = (
    "contact.name",
    "contact.first_name",
    "agent.name",
    "agent.first_name",
    "agent.nickname",
    "date",
    "time",
)


@dataclass(frozen=True)
class FieldContext:
    """What the field codes are filled in from."""

    contact_name: str
    agent_name: str
    agent_nickname: str | None
    now: datetime
    language: str = "en"


@dataclass(frozen=True)
class FilledText:
    text: str
    #: codes left as they were because nobody knows them, in order of appearance
    unknown: tuple[str, ...] = ()


def first_name(name: str) -> str:
    """The first word of a name ("Marie Dupont" → "Marie"); the whole name if one word."""
    parts = name.split()
    return parts[0] if parts else ""


def format_date(now: datetime, language: str) -> str:
    """ "13 May 2025" / "13 mai 2025" (1er for the first day in French)."""
    months = _MONTHS.get(language, _MONTHS["en"])
    month = months[now.month - 1]
    if language == "fr":
        day = "1er" if now.day == 1 else str(now.day)
        return f"{day} {month} {now.year}"
    return f"{month} {now.day}, {now.year}"


def format_time(now: datetime, language: str) -> str:
    """ "14:05" in French, "2:05 PM" in English."""
    if language == "fr":
        return f"{now.hour:02d}:{now.minute:02d}"
    hour = now.hour % 12 or 12
    return f"{hour}:{now.minute:02d} {'AM' if now.hour < 12 else 'PM'}"


def field_values(context: FieldContext) -> dict[str, str]:
    nickname = context.agent_nickname or context.agent_name
    return {
        "contact.name": context.contact_name,
        "contact.first_name": first_name(context.contact_name),
        "agent.name": context.agent_name,
        "agent.first_name": first_name(context.agent_name),
        "agent.nickname": nickname,
        "date": format_date(context.now, context.language),
        "time": format_time(context.now, context.language),
    }


def fill_fields(text: str, context: FieldContext) -> FilledText:
    """Replace every known ``{code}`` in ``text`` (codes are case-insensitive); ``{{`` and
    ``}}`` stand for literal braces; unknown codes stay as written and are reported."""
    values = field_values(context)
    unknown: list[str] = []

    def replace(match: re.Match[str]) -> str:
        code = match.group(1)
        value = values.get(code.lower())
        if value is None:
            if code not in unknown:
                unknown.append(code)
            return match.group(0)
        return value

    pieces = []
    for piece in re.split(r"(\{\{|\}\})", text):
        if piece == "{{":
            pieces.append("{")
        elif piece == "}}":
            pieces.append("}")
        else:
            pieces.append(FIELD_CODE.sub(replace, piece))
    return FilledText("".join(pieces), tuple(unknown))
