"""What start-up reads without asking the installed packages (docs/performance.md)."""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from importlib.metadata import version
from pathlib import Path

import pytest

from agent_desktop import __version__
from agent_desktop.backends import registry
from agent_desktop.backends.demo import DemoBackend

PYPROJECT = Path(__file__).parents[2] / "pyproject.toml"


def test_built_in_backends_are_the_entry_points_pyproject_declares() -> None:
    project = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]
    assert project["entry-points"][registry.GROUP] == registry.BUILT_IN


def test_the_version_literal_is_the_installed_version() -> None:
    assert __version__ == version("agent-desktop")


class _PluginEntryPoint:
    name = "plugin"
    value = "agent_desktop.backends.demo:DemoBackend"

    def load(self) -> object:
        return DemoBackend


def _plugins(*, group: str) -> Iterable[_PluginEntryPoint]:
    assert group == registry.GROUP
    return [_PluginEntryPoint()]


def test_a_plugin_backend_is_still_found_by_its_entry_point(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(registry, "entry_points", _plugins)
    assert registry.load("plugin") is DemoBackend
    assert registry.load("demo") is DemoBackend  # built in: no scan needed
    assert registry.available() == ["demo", "matrix", "plugin"]
    with pytest.raises(registry.BackendLoadError, match="demo, matrix, plugin"):
        registry.load("nothing")
