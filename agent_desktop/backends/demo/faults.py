"""Fault injection for the demo backend: dropped connections, slow calls, failed sends.

Configured by ``DemoConfig.faults`` (``drop_connection_every_s``, ``slow_ms``,
``send_error_rate``) and driven from tests through ``h.backend.faults``:
:meth:`FaultInjector.drop_connection`, :meth:`~FaultInjector.slow`,
:meth:`~FaultInjector.fail_sends`, :meth:`~FaultInjector.refuse_sends`,
:meth:`~FaultInjector.lose_confirmations`, :meth:`~FaultInjector.replay_on_reconnect`,
:meth:`~FaultInjector.heal`. A dropped connection is a dropped *link*: the contact center
keeps its chats and holds the events meant for the agent until the app reconnects, as a
real server would.
"""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import Callable

from pydantic import BaseModel, ConfigDict, Field

from agent_desktop.backends.base import BackendError, ConnectionLost, MessageRefused


class FaultConfig(BaseModel):
    """``settings.backends["demo"]["faults"]``: faults that happen on their own."""

    model_config = ConfigDict(extra="forbid")

    drop_connection_every_s: float | None = Field(
        default=None, gt=0, description="the link to the agent drops this often"
    )
    slow_ms: int = Field(default=0, ge=0, description="every agent-side call takes this long")
    send_error_rate: float = Field(
        default=0.0, ge=0, le=1, description="share of sends refused with an error"
    )


class FaultInjector:
    """The faults the demo backend applies to the agent's side of the link."""

    def __init__(self, config: FaultConfig, rng: random.Random) -> None:
        self.config = config
        self.slow_ms = config.slow_ms
        self.send_error_rate = config.send_error_rate
        self._rng = rng
        self._failing_sends = 0
        self._lost_confirmations = 0
        self._refusing_sends = 0
        #: txn ids refused for good: every later attempt with them is refused too
        self.refused: dict[str, int] = {}
        self._link_up = True
        self._down_until = 0.0
        #: told when the link drops (the backend ends its event stream there)
        self.on_drop: Callable[[], None] = lambda: None
        #: how many times the link dropped (tests and the soak count them)
        self.drops = 0
        #: how many of the latest events the next reconnect delivers again (0: none)
        self.replay_count = 0
        #: calls waiting out ``slow_ms``, oldest first (woken in that order by ``slow(0)``)
        self._slow_calls: list[asyncio.Future[None]] = []

    # what tests call ----------------------------------------------------------------------
    def drop_connection(self, down_s: float = 0.0) -> None:
        """Drop the link now; reconnecting fails for ``down_s`` seconds."""
        self._link_up = False
        self._down_until = time.monotonic() + down_s
        self.drops += 1
        self.on_drop()

    def slow(self, ms: int) -> None:
        """Every agent-side call waits ``ms`` milliseconds first; 0: back to normal, and the
        calls still waiting go on at once, oldest first (so a test can hold calls pending
        with a long delay and end it when it has checked what it wants)."""
        self.slow_ms = max(0, ms)
        if not self.slow_ms:
            for waiting in list(self._slow_calls):
                _wake(waiting)

    def fail_sends(self, count: int) -> None:
        """The next ``count`` messages the agent sends are refused with an error."""
        self._failing_sends += max(0, count)

    def refuse_sends(self, count: int) -> None:
        """The next ``count`` messages are refused for good (``MessageRefused``): sending
        one of them again, with its txn id, is refused again. ``refused`` counts attempts."""
        self._refusing_sends += max(0, count)

    def lose_confirmations(self, count: int) -> None:
        """The next ``count`` messages are stored but their confirmation never arrives."""
        self._lost_confirmations += max(0, count)

    def replay_on_reconnect(self, count: int) -> None:
        """The next reconnect delivers again the last ``count`` events the agent got after
        this call, before the held ones (at-least-once delivery: a server that resumes from
        an older position, as a Matrix sync with an older token does)."""
        self.replay_count = max(0, count)

    def heal(self) -> None:
        """No more faults (a dropped link comes back at the next reconnect)."""
        self.slow(0)
        self.replay_count = 0
        self.send_error_rate = 0.0
        self._failing_sends = 0
        self._refusing_sends = 0
        self._lost_confirmations = 0
        self._down_until = 0.0

    # what the backend asks ---------------------------------------------------------------
    @property
    def held_calls(self) -> int:
        """How many agent-side calls are waiting out the slowness now."""
        return len(self._slow_calls)

    @property
    def link_up(self) -> bool:
        return self._link_up

    def restore_link(self) -> None:
        """A reconnect: the link is up again, unless it is still meant to be down."""
        if time.monotonic() < self._down_until:
            raise BackendError("the demo contact center is unreachable (simulated outage)")
        self._link_up = True

    def check_link(self) -> None:
        if not self._link_up:
            raise ConnectionLost("the connection to the demo contact center was lost")

    async def before_call(self, *, sending: bool = False, txn_id: str | None = None) -> None:
        """Apply the faults to one agent-side call (``sending``: a message or URL, with its
        ``txn_id``)."""
        self.check_link()
        if self.slow_ms:
            await self._wait_slow(self.slow_ms)
            self.check_link()
        if sending:
            if txn_id is not None and (txn_id in self.refused or self._refusing_sends):
                if txn_id not in self.refused:
                    self._refusing_sends -= 1
                self.refused[txn_id] = self.refused.get(txn_id, 0) + 1
                raise MessageRefused("the demo contact center does not accept this message")
            if self._failing_sends:
                self._failing_sends -= 1
                raise BackendError("the demo contact center refused the message (simulated)")
            if self.send_error_rate and self._rng.random() < self.send_error_rate:
                raise BackendError("the demo contact center refused the message (simulated)")

    async def _wait_slow(self, ms: int) -> None:
        loop = asyncio.get_running_loop()
        waiting: asyncio.Future[None] = loop.create_future()
        self._slow_calls.append(waiting)
        timer = loop.call_later(ms / 1000, _wake, waiting)
        try:
            await waiting
        finally:
            timer.cancel()
            self._slow_calls.remove(waiting)

    def take_lost_confirmation(self) -> bool:
        if self._lost_confirmations:
            self._lost_confirmations -= 1
            return True
        return False


def _wake(waiting: asyncio.Future[None]) -> None:
    if not waiting.done():
        waiting.set_result(None)
