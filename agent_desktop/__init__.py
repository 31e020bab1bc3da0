"""agent_desktop: a native desktop client for contact-center agents who handle chats."""

#: the one place the version is written: pyproject.toml reads it from here (a literal, so
#: that start-up does not import ``importlib.metadata`` to learn it: docs/performance.md)
__version__ = "0.1.0"

__all__ = ["__version__"]
