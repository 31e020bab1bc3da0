"""The Matrix backend: customer chats as Matrix rooms, through matrix-nio (docs/matrix.md)."""

from agent_desktop.backends.matrix.backend import (
    CONSULTATION_EVENT,
    CONVERSATION_EVENT,
    DISPOSITION_EVENT,
    PUSHED_URL_FIELD,
    MatrixBackend,
)
from agent_desktop.backends.matrix.client import LoginRequired
from agent_desktop.backends.matrix.config import MatrixConfig

__all__ = [
    "CONSULTATION_EVENT",
    "CONVERSATION_EVENT",
    "DISPOSITION_EVENT",
    "PUSHED_URL_FIELD",
    "LoginRequired",
    "MatrixBackend",
    "MatrixConfig",
]
