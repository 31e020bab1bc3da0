"""The demo backend's config section (``settings.backends["demo"]``)."""

from __future__ import annotations

from typing import Annotated

from pydantic import Field, field_validator

from agent_desktop.backends.base import BackendConfig
from agent_desktop.backends.demo.faults import FaultConfig

#: a (shortest, longest) range of seconds; each wait is drawn uniformly from it
DelayRange = tuple[Annotated[float, Field(ge=0)], Annotated[float, Field(ge=0)]]


class DemoConfig(BackendConfig):
    """How the embedded demo contact center behaves."""

    spontaneous: bool = Field(
        default=False, description="scripted customers arrive on their own (./dev run)"
    )
    arrival_interval_s: float = Field(
        default=25.0, gt=0, description="mean time between two spontaneous customers"
    )
    max_concurrent_chats: int = Field(
        default=5, ge=1, description="chats offered to the agent at once; the rest wait queued"
    )
    reply_delay_s: DelayRange = Field(
        default=(2.0, 6.0), description="a scripted customer's pause before typing a reply"
    )
    typing_s: DelayRange = Field(
        default=(1.5, 4.0), description="how long a scripted customer types a reply"
    )
    ended_chats_take_a_slot: bool = Field(
        default=False,
        description="a chat ended but not yet marked Done (its view still open) counts against"
        " max_concurrent_chats",
    )
    nudge_after_s: float = Field(
        default=40.0, gt=0, description="a scripted customer nobody answered nudges once after this"
    )
    colleague_answer_s: float = Field(
        default=1.5,
        ge=0,
        description="a colleague's pause before accepting a transfer, conference or consultation",
    )
    colleague_timeout_s: float = Field(
        default=20.0,
        gt=0,
        description="a request no colleague answered within this fails with a clear message",
    )

    delivered_after_s: float = Field(
        default=0.5, ge=0, description="a message reaches the customer's device after this"
    )
    read_after_s: float = Field(
        default=1.0,
        ge=0,
        description="a customer on WhatsApp, Messenger or web chat reads a message this long "
        "after it reached their device",
    )

    resume_active_chats: bool = Field(
        default=False,
        description="chats left active when the app stopped come back on the next start "
        "(their customers waited), instead of being ended",
    )

    faults: FaultConfig = Field(
        default_factory=FaultConfig,
        description="injected faults (dropped connection, slow calls, send errors)",
    )

    @field_validator("reply_delay_s", "typing_s")
    @classmethod
    def _ordered(cls, value: tuple[float, float]) -> tuple[float, float]:
        if value[0] > value[1]:
            raise ValueError("the shortest delay must not exceed the longest")
        return value
