"""The settings file: loaded, validated, saved atomically, with a ``changed`` signal."""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import QObject, Signal

from agent_desktop.core.atomic import write_atomic
from agent_desktop.core.settings import Settings, merge

log = logging.getLogger(__name__)


class SettingsStore(QObject):
    """Holds the current :class:`Settings`; a corrupt file is set aside as ``.bad``."""

    changed = Signal()

    def __init__(self, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.settings = Settings()
        #: set when the file on disk could not be used; the UI shows it
        self.load_warning: str | None = None

    def load(self, overrides: dict[str, Any] | None = None) -> Settings:
        """Read the file (if any), merge ``overrides`` over it, validate."""
        data: dict[str, Any] = {}
        self._remove_stale_temp_files()
        if self.path.exists():
            try:
                loaded = json.loads(self.path.read_text(encoding="utf-8"))
                if not isinstance(loaded, dict):
                    raise ValueError("the file does not hold a JSON object")
                Settings.model_validate(loaded)
                data = loaded
            except (OSError, UnicodeDecodeError, ValueError) as exc:
                # ValidationError is a ValueError
                bad = self.path.with_name(self.path.name + ".bad")
                self.path.replace(bad)
                self.load_warning = str(bad)
                log.warning("settings file %s is unusable (%s); kept as %s", self.path, exc, bad)
        full = merge(Settings().model_dump(), data)
        if overrides:
            full = merge(full, overrides)
        self.settings = Settings.model_validate(full)
        return self.settings

    def _remove_stale_temp_files(self) -> None:
        """A save cut short (the app was killed) leaves its temp file; the settings file
        itself is whole (written atomically), so the leftover goes."""
        for stale in self.path.parent.glob(f".{self.path.name}.*.tmp"):
            try:
                stale.unlink()
            except OSError as exc:
                log.warning("could not remove %s: %s", stale, exc)

    def save(self) -> None:
        text = json.dumps(self.settings.model_dump(mode="json"), indent=2, ensure_ascii=False)
        write_atomic(self.path, text.encode("utf-8"))

    def update(self, settings: Settings) -> None:
        """Replace the settings, save them and tell everyone."""
        self.settings = Settings.model_validate(settings.model_dump())
        self.save()
        self.changed.emit()

    def drop_backend_keys(self, backend: str, keys: list[str]) -> None:
        """Remove ``keys`` from the config section of ``backend`` and save (keys a backend no
        longer reads, such as a password an older version accepted: never kept on disk)."""
        section = self.settings.backends.get(backend, {})
        if not any(key in section for key in keys):
            return
        backends = dict(self.settings.backends)
        backends[backend] = {k: v for k, v in section.items() if k not in keys}
        try:
            self.update(self.settings.model_copy(update={"backends": backends}))
        except OSError as exc:  # the next save still leaves them out
            log.warning("could not rewrite the settings file without %s: %s", keys, exc)

    def try_update(self, data: dict[str, Any]) -> str | None:
        """Validate ``data`` merged over the current settings; returns an error or applies."""
        try:
            candidate = Settings.model_validate(merge(self.settings.model_dump(), data))
        except ValidationError as exc:
            return "; ".join(
                f"{'.'.join(str(p) for p in err['loc'])}: {err['msg']}" for err in exc.errors()
            )
        self.update(candidate)
        return None
