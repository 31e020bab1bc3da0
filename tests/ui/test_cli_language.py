"""The real entry point picks its language from --lang, else the setting, else the system."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path


def run_self_test(profile: Path, *args: str, lang_env: str = "en_US.UTF-8") -> str:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "LANG": lang_env, "LC_ALL": lang_env}
    result = subprocess.run(
        [sys.executable, "-m", "agent_desktop", "--self-test", "--profile", str(profile), *args],
        env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "self-test ok" in result.stdout
    log = (profile / "logs" / "agent_desktop.log").read_text(encoding="utf-8")
    assert "WARNING" not in log, log  # both catalogues found
    return log


def test_setting_then_flag_choose_the_language(tmp_path: Path) -> None:
    profile = tmp_path / "profile"
    (profile / "config").mkdir(parents=True)
    (profile / "config" / "settings.json").write_text(
        json.dumps({"ui": {"language": "fr"}}), encoding="utf-8"
    )
    log = run_self_test(profile)
    assert "user interface language: fr" in log
    log = run_self_test(profile, "--lang", "en")
    assert log.count("user interface language: en") == 1


def test_the_language_follows_the_system_by_default(tmp_path: Path) -> None:
    log = run_self_test(tmp_path / "profile", lang_env="fr_FR.UTF-8")
    assert "user interface language: fr" in log
