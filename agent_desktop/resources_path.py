"""Locate files shipped in ``agent_desktop.resources`` (top-level ``resources/``)."""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable


def resource(*parts: str) -> Traversable:
    node: Traversable = files("agent_desktop.resources")
    for part in parts:
        node = node / part
    return node
