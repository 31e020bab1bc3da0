"""Where the app keeps its files: the platform's user dirs, or one profile folder."""

from __future__ import annotations

import contextlib
import getpass
import os
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "agent_desktop"
APP_AUTHOR = "agent_desktop"
#: the profile folders' mode: the user only
PRIVATE = 0o700


def os_user_name() -> str:
    """The name the agent logged into the workstation with ("agent" if none is known)."""
    try:
        return getpass.getuser() or "agent"
    except (OSError, KeyError):  # no login name in the environment nor the user database
        return "agent"


@dataclass(frozen=True)
class ProfilePaths:
    config_dir: Path
    data_dir: Path
    cache_dir: Path
    log_dir: Path

    @property
    def settings_file(self) -> Path:
        return self.config_dir / "settings.json"

    @property
    def state_db(self) -> Path:
        return self.data_dir / "state.sqlite3"

    @classmethod
    def platform(cls) -> ProfilePaths:
        """The user's platform dirs (``%APPDATA%``, ``~/.config``, ...)."""
        import platformdirs  # only here: a --profile start does without it

        dirs = platformdirs.PlatformDirs(APP_NAME, APP_AUTHOR)
        return cls(
            config_dir=Path(dirs.user_config_dir),
            data_dir=Path(dirs.user_data_dir),
            cache_dir=Path(dirs.user_cache_dir),
            log_dir=Path(dirs.user_log_dir),
        )

    @classmethod
    def portable(cls, root: Path) -> ProfilePaths:
        """Every file under ``root`` (``--profile DIR``)."""
        root = root.expanduser().resolve()
        return cls(
            config_dir=root / "config",
            data_dir=root / "data",
            cache_dir=root / "cache",
            log_dir=root / "logs",
        )

    def create(self) -> None:
        """Create the folders, readable by the user only (POSIX mode 0700; on Windows the
        user's profile folders already are): transcripts, drafts and the outbox live there."""
        for folder in (self.config_dir, self.data_dir, self.cache_dir, self.log_dir):
            folder.mkdir(mode=PRIVATE, parents=True, exist_ok=True)
            if os.name == "posix" and folder.stat().st_mode & 0o077:
                with contextlib.suppress(OSError):  # a folder someone else owns stays as it is
                    folder.chmod(PRIVATE)
