"""Backends are found by name in the ``agent_desktop.backends`` entry-point group."""

from __future__ import annotations

import logging
from importlib.metadata import EntryPoint, entry_points

from agent_desktop.backends.base import MessagingBackend

log = logging.getLogger(__name__)

GROUP = "agent_desktop.backends"


class BackendLoadError(Exception):
    """A backend could not be found or imported; the message is fit for the agent."""


def available() -> list[str]:
    """Names of every installed backend, sorted."""
    return sorted({ep.name for ep in entry_points(group=GROUP)})


def _entry_point(name: str) -> EntryPoint:
    for ep in entry_points(group=GROUP):
        if ep.name == name:
            return ep
    known = ", ".join(available()) or "none"
    raise BackendLoadError(f"no backend named {name!r} is installed (installed: {known})")


def load(name: str) -> type[MessagingBackend]:
    """The backend class registered as ``name``; raises :class:`BackendLoadError`."""
    ep = _entry_point(name)
    try:
        loaded = ep.load()
    except Exception as exc:  # any import-time failure of a plug-in is reported, not fatal
        log.exception("backend %r failed to load", name)
        raise BackendLoadError(f"the backend {name!r} failed to load: {exc}") from exc
    if not (isinstance(loaded, type) and issubclass(loaded, MessagingBackend)):
        raise BackendLoadError(f"{ep.value} is not a MessagingBackend")
    return loaded
