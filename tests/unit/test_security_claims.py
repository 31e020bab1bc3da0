"""Claims of docs/security.md that no other test covers."""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any

import pytest
from pydantic import BaseModel

from agent_desktop.backends import registry
from agent_desktop.backends.demo import DemoConfig
from agent_desktop.backends.matrix import MatrixConfig
from agent_desktop.core.settings import Settings
from agent_desktop.logs import setup_logging

PACKAGE = Path(__file__).resolve().parents[2] / "agent_desktop"
SECRET_WORDS = re.compile(r"password|passwd|token|secret|api_?key|credential", re.IGNORECASE)


def keys(schema: Any) -> list[str]:
    """Every property name anywhere in a JSON schema."""
    found: list[str] = []
    if isinstance(schema, dict):
        for key, value in schema.items():
            if key == "properties" and isinstance(value, dict):
                found.extend(value)
            found.extend(keys(value))
    elif isinstance(schema, list):
        for item in schema:
            found.extend(keys(item))
    return found


def test_the_settings_file_has_no_place_for_a_secret() -> None:
    """Secrets go to the OS keyring; settings.json (plain JSON) never holds one: neither the
    settings nor any backend's config section (``backends.<name>``) has a field for one."""
    models: list[type[BaseModel]] = [Settings, DemoConfig]
    models += [registry.load(name).config_model for name in registry.available()]
    assert MatrixConfig in models  # every installed backend, the Matrix one included
    for model in models:
        names = keys(model.model_json_schema())
        assert names, model  # the walk found its fields
        assert [name for name in names if SECRET_WORDS.search(name)] == [], model


#: ways code can turn certificate verification off (a keyword or assignment whose value
#: can be False, the ssl module's own switches)
CERT_CHECKS_OFF = re.compile(
    r"\b(?:ssl|verify_ssl|verify|verify_tls)\s*=\s*[^,)\n]*\bFalse\b"
    r"|CERT_NONE|VerifyMode\(0\)|check_hostname\s*=|verify_mode\s*="
    r"|_create_unverified_context|PYTHONHTTPSVERIFY"
)


@pytest.mark.parametrize(
    "line",
    [
        "return AsyncClient(homeserver, user_id, config=config, ssl=None if verify_tls else False)",
        "session.get(url, ssl=False)",
        "ssl = verify and False",
        "aiohttp.TCPConnector(verify_ssl=False)",
        "context.check_hostname = False",
        "context.verify_mode = ssl.CERT_NONE",
        "context.verify_mode = ssl.VerifyMode(0)",
        "ctx = ssl._create_unverified_context()",
        "requests.get(url, verify=False)",
    ],
)
def test_the_certificate_check_grep_catches_each_way_to_turn_it_off(line: str) -> None:
    assert CERT_CHECKS_OFF.search(line)


def test_no_code_turns_certificate_checks_off() -> None:
    """TLS: every HTTPS connection verifies the server's certificate and host name."""
    offenders = [
        f"{path.relative_to(PACKAGE)}:{number}"
        for path in PACKAGE.rglob("*.py")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if CERT_CHECKS_OFF.search(line)
    ]
    assert offenders == []


def test_wire_text_is_never_rich_text() -> None:
    """Every QLabel-like text the app sets from wire data is plain text: no widget in the UI
    turns on rich text or opens links by itself."""
    rich = re.compile(r"TextFormat\.(RichText|MarkdownText|AutoText)|setOpenExternalLinks\(True")
    offenders = [
        f"{path.relative_to(PACKAGE)}:{number}"
        for path in (PACKAGE / "ui").rglob("*.py")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if rich.search(line)
    ]
    assert offenders == []


def test_the_log_is_bounded(tmp_path: Path) -> None:
    """The log rotates: however much is logged, at most 6 files of about 2 MB each."""
    path = setup_logging(tmp_path / "logs")
    root = logging.getLogger()
    handler = root.handlers[-1]
    try:
        line = "x" * 10_000
        for _ in range(1_500):  # 15 MB
            logging.getLogger("flood").warning(line)
    finally:
        root.removeHandler(handler)
        handler.close()
    files = sorted(path.parent.iterdir())
    assert len(files) == 6 and path in files
    assert sum(f.stat().st_size for f in files) <= 6 * 2_000_000 + 20_000


def test_the_installer_never_sets_the_test_hook() -> None:
    """AGENT_DESKTOP_TEST_HOOK runs a script inside the app; nothing that ships sets it."""
    shipped = [PACKAGE.parent / "packaging", PACKAGE]
    setters = [
        f"{path.relative_to(PACKAGE.parent)}:{number}"
        for root in shipped
        for path in root.rglob("*")
        if path.is_file() and path.suffix in (".py", ".nsi", ".nsh", ".spec", ".json", ".yml")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if "AGENT_DESKTOP_TEST_HOOK" in line and "TEST_HOOK_ENV = " not in line
    ]
    assert setters == []


DOC = PACKAGE.parent / "docs" / "security.md"
TESTS = PACKAGE.parent / "tests"
#: `path::test_name`, `file.py::test_name`, `::test_name` (same file as the last one) or a
#: whole file (`tests/ui/test_images.py`)
REFERENCE = re.compile(r"`((?:[\w/]+\.py)?)(?:::(test_\w+))?`")


def test_every_test_the_security_review_names_exists() -> None:
    """docs/security.md backs each claim with tests: each one it names must exist (a renamed
    or deleted test would leave a claim unbacked)."""
    text = DOC.read_text(encoding="utf-8")
    checked = 0
    last_file: Path | None = None
    missing: list[str] = []
    for match in REFERENCE.finditer(text):
        name, test = match.group(1), match.group(2)
        if not name and not test:
            continue
        if name:
            if not name.split("/")[-1].startswith("test_"):
                continue  # a source file, not a test
            found = sorted(TESTS.rglob(name.split("/")[-1]))
            if not found:
                missing.append(name)
                continue
            last_file = found[0]
        if test:
            assert last_file is not None, match.group(0)
            source = last_file.read_text(encoding="utf-8")
            if not re.search(rf"^(async )?def {test}\(", source, re.MULTILINE):
                missing.append(f"{last_file.name}::{test}")
        checked += 1
    assert missing == []
    assert checked >= 40  # the walk found the references


def claims(text: str) -> list[tuple[str, str]]:
    """(section, claim) for every claim of the review: each bullet, each table row (but the
    header) and each paragraph under a ``## `` heading. The preamble before the first heading
    and bold labels (``**Cannot:**``) are not claims."""
    found: list[tuple[str, str]] = []
    section: str | None = None
    for block in re.split(r"\n\s*\n", text):
        lines = block.strip().splitlines()
        if lines and lines[0].startswith("## "):
            section, lines = lines[0][3:], lines[1:]
        if section is None or not lines:
            continue
        if lines[0].startswith("|"):
            rows = [line for line in lines if not re.match(r"\|\s*-", line)]
            found += [(section, row) for row in rows[1:]]
            continue
        for item in re.split(r"\n(?=- |\*\*)", "\n".join(lines)):
            if not re.fullmatch(r"\*\*[^*]+\*\*", item.strip()):
                found.append((section, item))
    return found


def test_the_security_review_marks_nothing_untested_without_saying_so() -> None:
    """Every claim of the review (bullet, table row, paragraph, in every section) names a
    test or a test file, or says it is "not yet tested" or why there is "no test:"; a
    paragraph that only introduces what follows ends with a colon."""
    found = claims(DOC.read_text(encoding="utf-8"))
    sections = {section for section, _ in found}
    assert {"What is stored where", "TLS", "Test hooks"} <= sections  # the walk found them
    unbacked = [
        f"{section}: {claim.splitlines()[0]}"
        for section, claim in found
        if "test_" not in claim
        and "not yet tested" not in claim
        and "no test:" not in claim
        and not claim.rstrip().endswith(":")
    ]
    assert unbacked == []
    assert len(found) >= 40
