"""Print how many strings each Qt Linguist ``.ts`` file translates; list the missing ones.

``./dev translations`` runs it after lupdate. Exit status 0 even when strings are missing
(the test tests/unit/test_translations.py is what fails on them).
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path


def status(ts_file: Path) -> tuple[int, list[tuple[str, str]]]:
    """(number of messages, [(context, source) of each unfinished or empty translation])."""
    root = ET.parse(ts_file).getroot()
    total = 0
    missing: list[tuple[str, str]] = []
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") in ("obsolete", "vanished"):
                continue
            total += 1
            source = message.findtext("source") or ""
            numerus = translation.findall("numerusform") if translation is not None else []
            texts = (
                [n.text for n in numerus]
                if numerus
                else [translation.text if translation is not None else None]
            )
            if (
                translation is None
                or translation.get("type") == "unfinished"
                or not all(t and t.strip() for t in texts)
            ):
                missing.append((name, source))
    return total, missing


def fill_source(ts_file: Path) -> None:
    """Translate every message of the source-language catalogue to its own source text."""
    tree = ET.parse(ts_file)
    for message in tree.getroot().iter("message"):
        translation = message.find("translation")
        if translation is None or translation.get("type") in ("obsolete", "vanished"):
            continue
        if message.get("numerus") == "yes":
            for form in translation.findall("numerusform"):
                form.text = form.text or message.findtext("source")
        else:
            translation.text = message.findtext("source")
        translation.attrib.pop("type", None)
    ET.indent(tree, space="    ")
    with ts_file.open("wb") as out:
        out.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(out, encoding="utf-8", xml_declaration=False)
        out.write(b"\n")


def main(paths: list[str]) -> int:
    if paths[:1] == ["--fill-source"]:
        for path in paths[1:]:
            fill_source(Path(path))
        return 0
    for path in paths:
        total, missing = status(Path(path))
        print(f"{Path(path).name}: {total - len(missing)}/{total} translated")
        for context, source in missing:
            print(f"  to translate [{context}] {source!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
