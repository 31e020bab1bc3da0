"""Backends are found by name in the ``agent_desktop.backends`` entry-point group.

The backends shipped in this package are found without that scan: reading every installed
distribution's entry points (and importing ``importlib.metadata``) costs ~30 ms of the
start-up (docs/performance.md); a plug-in of another name is still found by its entry point.
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Iterable
from typing import TYPE_CHECKING

from agent_desktop.backends.base import MessagingBackend

if TYPE_CHECKING:
    from importlib.metadata import EntryPoint

log = logging.getLogger(__name__)

GROUP = "agent_desktop.backends"

#: the entry points pyproject.toml declares for this package, by name ("module:attribute")
BUILT_IN = {
    "demo": "agent_desktop.backends.demo:DemoBackend",
    "matrix": "agent_desktop.backends.matrix:MatrixBackend",
}


class BackendLoadError(Exception):
    """A backend could not be found or imported; the message is fit for the agent."""


def entry_points(*, group: str) -> Iterable[EntryPoint]:
    """The installed entry points of ``group`` (``importlib.metadata`` only when asked)."""
    from importlib.metadata import entry_points as installed

    return installed(group=group)


def available() -> list[str]:
    """Names of every installed backend, sorted."""
    return sorted({*BUILT_IN, *(ep.name for ep in entry_points(group=GROUP))})


def _entry_point(name: str) -> EntryPoint:
    for ep in entry_points(group=GROUP):
        if ep.name == name:
            return ep
    known = ", ".join(available()) or "none"
    raise BackendLoadError(f"no backend named {name!r} is installed (installed: {known})")


def _import(value: str) -> object:
    module, _, attribute = value.partition(":")
    return getattr(importlib.import_module(module), attribute)


def load(name: str) -> type[MessagingBackend]:
    """The backend class registered as ``name``; raises :class:`BackendLoadError`."""
    value = BUILT_IN.get(name)
    try:
        if value is not None:
            loaded = _import(value)
        else:
            ep = _entry_point(name)
            value = ep.value
            loaded = ep.load()
    except BackendLoadError:
        raise
    except Exception as exc:  # any import-time failure of a plug-in is reported, not fatal
        log.exception("backend %r failed to load", name)
        raise BackendLoadError(f"the backend {name!r} failed to load: {exc}") from exc
    if not (isinstance(loaded, type) and issubclass(loaded, MessagingBackend)):
        raise BackendLoadError(f"{value} is not a MessagingBackend")
    return loaded
