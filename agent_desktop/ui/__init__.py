"""Widgets only: passive views that show state and emit intent signals."""
