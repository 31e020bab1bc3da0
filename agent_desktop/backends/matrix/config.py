"""The Matrix backend's config section (``settings.backends["matrix"]``)."""

from __future__ import annotations

from pydantic import Field, SecretStr, field_validator

from agent_desktop.backends.base import BackendConfig


class MatrixConfig(BackendConfig):
    """Where the agent's Matrix account lives. The access token is kept in ``keyring``."""

    homeserver: str = Field(default="", description="homeserver URL, https://matrix.example.org")
    user_id: str = Field(default="", description="the agent's Matrix id, @alex:example.org")
    device_name: str = Field(default="Agent Desktop", description="shown in the device list")
    verify_tls: bool = Field(default=True, description="check the server's TLS certificate")
    password: SecretStr | None = Field(
        default=None,
        description="log in with this once (automation only: the app asks in a dialog)",
    )
    sync_timeout_s: float = Field(default=20.0, gt=0, description="long-poll of one /sync")
    backoff_base_s: float = Field(default=0.5, gt=0, description="first reconnection delay")
    backoff_cap_s: float = Field(default=30.0, gt=0, description="longest reconnection delay")
    request_timeout_s: float = Field(default=30.0, gt=0, description="one HTTP request")
    team_room: str = Field(
        default="",
        description="alias (#team:example.org) or id of the room whose members are the "
        "agent's colleagues: the targets of transfer, conference and consultation",
    )

    @field_validator("team_room")
    @classmethod
    def _strip(cls, value: str) -> str:
        return value.strip()

    @field_validator("homeserver")
    @classmethod
    def _strip_slash(cls, value: str) -> str:
        return value.strip().rstrip("/")
