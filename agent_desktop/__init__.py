"""agent_desktop: a native desktop client for contact-center agents who handle chats."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("agent-desktop")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0.0.0+unknown"

__all__ = ["__version__"]
