"""Build ``resources/emoji/emoji.json`` from the npm package ``emojibase-data``.

Re-runnable: ``python packaging/make_emoji_data.py`` fetches the pinned version with
``npm pack`` into a temporary folder, keeps what the picker and its search need (the emoji,
its group, its skin-tone variants, its CLDR name and keywords in English and French) and
writes one compact JSON file. The generated file is committed; run this again only to move
to another emojibase or Unicode version.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import tarfile
import tempfile
import zipfile
from pathlib import Path
from typing import Any

#: the emojibase-data release the resource is built from (pinned: the output is committed)
EMOJIBASE_VERSION = "17.0.0"
#: newest Emoji version kept: what current OS fonts and Twemoji 15 can draw
MAX_EMOJI_VERSION = 15.0
LANGUAGES = ("en", "fr")
#: emojibase group 2 holds the bare components (skin tones, hair): not emoji one sends
COMPONENT_GROUP = 2
ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "resources" / "emoji" / "emoji.json"
#: Twemoji SVGs (graphics CC-BY 4.0) for the ``emoji.bundled_images`` setting
TWEMOJI_PACKAGE = "@twemoji/svg"
TWEMOJI_VERSION = "15.0.0"
IMAGES = ROOT / "resources" / "emoji" / "twemoji.zip"
#: fixed timestamp: re-running the script on the same inputs gives the same archive
ZIP_TIME = (2024, 1, 1, 0, 0, 0)


def fetch(workdir: Path, package: str, version: str) -> Path:
    """``npm pack`` ``package@version`` into ``workdir``; returns its unpacked folder."""
    target = workdir / package.replace("/", "_")
    target.mkdir()
    subprocess.run(
        ["npm", "pack", f"{package}@{version}", "--silent"],
        cwd=target,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    (archive,) = target.glob("*.tgz")
    with tarfile.open(archive) as tar:
        tar.extractall(target, filter="data")
    return target / "package"


def twemoji_names(emoji: str) -> list[str]:
    """Twemoji file names for ``emoji`` (same rule as ``agent_desktop.ui.emoji_images``)."""
    points = [f"{ord(c):x}" for c in emoji]
    bare = [p for p in points if p != "fe0f"]
    names = ["-".join(points) if "200d" in points else "-".join(bare)]
    for candidate in ("-".join(bare), "-".join(points)):
        if candidate not in names:
            names.append(candidate)
    return names


def build_images(catalog: dict[str, Any], svg_dir: Path, output: Path) -> tuple[int, int]:
    """Zip the SVG of every emoji of the catalog (and its skin tones); returns (kept, missing)."""
    kept, missing = 0, 0
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for row in catalog["emoji"]:
            for emoji in (row[0], *row[2]):
                name = next(
                    (n for n in twemoji_names(emoji) if (svg_dir / f"{n}.svg").is_file()), None
                )
                if name is None:
                    missing += 1
                    continue
                info = zipfile.ZipInfo(f"{name}.svg", date_time=ZIP_TIME)
                info.compress_type = zipfile.ZIP_DEFLATED
                archive.writestr(info, (svg_dir / f"{name}.svg").read_bytes())
                kept += 1
    return kept, missing


def _load(package: Path, language: str, name: str) -> Any:
    return json.loads((package / language / name).read_text(encoding="utf-8"))


def _skins(entry: dict[str, Any]) -> list[str]:
    """The five single-tone variants (light to dark), or [] for an emoji without tones."""
    by_tone: dict[int, str] = {}
    for skin in entry.get("skins", ()):
        tone = skin.get("tone")
        if isinstance(tone, list) and len(set(tone)) == 1:
            tone = tone[0]
        if isinstance(tone, int) and tone not in by_tone:
            by_tone[tone] = skin["emoji"]
    if sorted(by_tone) != [1, 2, 3, 4, 5]:
        return []
    return [by_tone[tone] for tone in range(1, 6)]


def build(package: Path) -> dict[str, Any]:
    data = {language: _load(package, language, "data.json") for language in LANGUAGES}
    messages = {language: _load(package, language, "messages.json") for language in LANGUAGES}
    localized = {
        language: {entry["hexcode"]: entry for entry in data[language]} for language in LANGUAGES
    }
    groups = [
        {
            "key": group["key"],
            **{
                language: next(
                    g["message"] for g in messages[language]["groups"] if g["key"] == group["key"]
                )
                for language in LANGUAGES
            },
        }
        for group in sorted(messages["en"]["groups"], key=lambda g: g["order"])
        if group["order"] != COMPONENT_GROUP
    ]
    group_index = {
        g["order"]: i
        for i, g in enumerate(
            g
            for g in sorted(messages["en"]["groups"], key=lambda g: g["order"])
            if g["order"] != COMPONENT_GROUP
        )
    }
    rows: list[list[Any]] = []
    kept = [
        entry
        for entry in data["en"]
        if entry.get("group") not in (None, COMPONENT_GROUP)
        and entry.get("version", 0) <= MAX_EMOJI_VERSION
    ]
    for entry in sorted(kept, key=lambda e: e["order"]):
        names: list[str] = []
        keywords: list[list[str]] = []
        for language in LANGUAGES:
            other = localized[language].get(entry["hexcode"], {})
            names.append(other.get("label", entry["label"]))
            keywords.append(list(other.get("tags", ())))
        # emojibase type 1: shown as an emoji by default; 0: as text unless followed by VS16
        presentation = int(entry.get("type", 1))
        rows.append(
            [
                entry["emoji"],
                group_index[entry["group"]],
                _skins(entry),
                *names,
                *keywords,
                presentation,
            ]
        )
    return {
        "source": f"emojibase-data {EMOJIBASE_VERSION} (MIT), CLDR annotations (Unicode licence)",
        "max_emoji_version": MAX_EMOJI_VERSION,
        "languages": list(LANGUAGES),
        "columns": [
            "emoji",
            "group",
            "skins",
            "name_en",
            "name_fr",
            "keywords_en",
            "keywords_fr",
            "emoji_presentation",
        ],
        "groups": groups,
        "emoji": rows,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--output", type=Path, default=OUTPUT)
    parser.add_argument("--images", type=Path, default=IMAGES)
    parser.add_argument("--no-images", action="store_true", help="skip the Twemoji archive")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="emojibase-") as tmp:
        catalog = build(fetch(Path(tmp), "emojibase-data", EMOJIBASE_VERSION))
        text = json.dumps(catalog, ensure_ascii=False, separators=(",", ":"))
        args.output.parent.mkdir(parents=True, exist_ok=True)
        args.output.write_text(text + "\n", encoding="utf-8")
        size = args.output.stat().st_size
        print(f"{args.output}: {len(catalog['emoji'])} emoji, {size / 1024:.0f} KiB")
        if not args.no_images:
            svg_dir = fetch(Path(tmp), TWEMOJI_PACKAGE, TWEMOJI_VERSION)
            kept, missing = build_images(catalog, svg_dir, args.images)
            size = args.images.stat().st_size
            print(f"{args.images}: {kept} images, {missing} missing, {size / 1024:.0f} KiB")


if __name__ == "__main__":
    main()
