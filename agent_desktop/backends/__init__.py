"""Messaging backends: the contract (``base``), the registry, and the implementations."""
