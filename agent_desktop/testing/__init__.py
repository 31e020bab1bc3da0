"""Test harness for pytest-qt suites and automation: see CONTRACT.md."""

from agent_desktop.testing.harness import (
    AppHarness,
    child,
    children,
    install_loop,
    release_loop,
)

__all__ = ["AppHarness", "child", "children", "install_loop", "release_loop"]
