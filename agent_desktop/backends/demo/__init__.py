"""The embedded demo contact center: scripted customers, persisted in SQLite."""

from agent_desktop.backends.demo.backend import DemoBackend
from agent_desktop.backends.demo.config import DemoConfig
from agent_desktop.backends.demo.simulator import CustomerSimulator

__all__ = ["CustomerSimulator", "DemoBackend", "DemoConfig"]
