"""The Matrix backend's config section (``settings.backends["matrix"]``)."""

from __future__ import annotations

import logging
from typing import Any

from pydantic import Field, field_validator, model_validator

from agent_desktop.backends.base import BackendConfig

log = logging.getLogger(__name__)

#: keys older versions accepted, now ignored (a settings file that has them still loads)
RETIRED_KEYS = {
    "verify_tls": "TLS certificates are always verified; a private CA goes in ca_file",
    "password": "passwords are never kept in the settings: the app asks in its login dialog",
}


class MatrixConfig(BackendConfig):
    """Where the agent's Matrix account lives. The access token is kept in ``keyring``;
    the password is never stored (the login dialog passes it in memory)."""

    homeserver: str = Field(default="", description="homeserver URL, https://matrix.example.org")
    user_id: str = Field(default="", description="the agent's Matrix id, @alex:example.org")
    device_name: str = Field(default="Agent Desktop", description="shown in the device list")
    ca_file: str = Field(
        default="",
        description="a PEM file of the organisation's certificate authority, trusted in "
        "addition to the system's (certificates are always verified)",
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

    @model_validator(mode="before")
    @classmethod
    def _drop_retired(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return data
        retired = sorted(key for key in data if key in RETIRED_KEYS)
        for key in retired:
            log.warning("matrix settings: %r is ignored (%s)", key, RETIRED_KEYS[key])
        return {k: v for k, v in data.items() if k not in RETIRED_KEYS} if retired else data

    @model_validator(mode="after")
    def _backoff_order(self) -> MatrixConfig:
        if self.backoff_base_s > self.backoff_cap_s:
            raise ValueError("backoff_base_s must not exceed backoff_cap_s")
        return self

    @field_validator("team_room", "ca_file")
    @classmethod
    def _strip(cls, value: str) -> str:
        return value.strip()

    @field_validator("homeserver")
    @classmethod
    def _strip_slash(cls, value: str) -> str:
        return value.strip().rstrip("/")
