"""Pending-response policy: how long the contact has waited for the agent's reply."""

from __future__ import annotations

from dataclasses import dataclass

from agent_desktop.core.types import Clock, PendingLevel


@dataclass(frozen=True)
class PendingStatus:
    level: PendingLevel
    blinking: bool
    waiting_since: float | None

    @property
    def pending(self) -> bool:
        return self.level is not PendingLevel.IDLE


class PendingResponsePolicy:
    """Level of the pending-response indicator, as a pure function of events and time.

    A reply is pending from the moment the agent accepts a chat with an opening message from
    the contact, and from each contact message that follows the agent's last one; it stops
    when the agent replies or the chat ends. Green until ``warning_s``, yellow until
    ``max_s``, then red and blinking.
    """

    def __init__(self, clock: Clock, *, warning_s: float, max_s: float) -> None:
        self._clock = clock
        self.set_thresholds(warning_s, max_s)
        self._waiting_since: float | None = None
        self._ended = False

    def set_thresholds(self, warning_s: float, max_s: float) -> None:
        if warning_s < 0 or max_s < warning_s:
            raise ValueError("thresholds must satisfy 0 <= warning <= max")
        self.warning_s = warning_s
        self.max_s = max_s

    # events ---------------------------------------------------------------------------
    def accepted(self, *, contact_waiting: bool) -> None:
        """The agent accepted the chat; ``contact_waiting`` if it opened with their message."""
        if contact_waiting and not self._ended:
            self._waiting_since = self._clock()

    def contact_message(self) -> None:
        """A message from the contact: starts the timer unless it already runs."""
        if not self._ended and self._waiting_since is None:
            self._waiting_since = self._clock()

    def agent_message(self) -> None:
        """The agent replied: nothing is pending any more."""
        self._waiting_since = None

    def ended(self) -> None:
        self._ended = True
        self._waiting_since = None

    def reactivated(self) -> None:
        """The ended chat is live again: the contact's next message starts the timer."""
        self._ended = False

    # queries --------------------------------------------------------------------------
    def status(self) -> PendingStatus:
        since = self._waiting_since
        if since is None:
            return PendingStatus(PendingLevel.IDLE, False, None)
        waited = self._clock() - since
        if waited >= self.max_s:
            return PendingStatus(PendingLevel.RED, True, since)
        if waited >= self.warning_s:
            return PendingStatus(PendingLevel.YELLOW, False, since)
        return PendingStatus(PendingLevel.GREEN, False, since)

    def seconds_to_next_change(self) -> float | None:
        """Seconds until the level changes on its own, or ``None`` if it never will."""
        since = self._waiting_since
        if since is None:
            return None
        waited = self._clock() - since
        for threshold in (self.warning_s, self.max_s):
            if waited < threshold:
                return threshold - waited
        return None
