"""The interaction state machine.

offered → active → ended → done, or offered → rejected; an active chat handed to a colleague
or queue (transfer, or the agent leaves a conference) goes active → transferred, off the desk.
An ended interaction not yet marked Done can be reactivated (ended → active): the agent
writes in it again and the conversation continues asynchronously.
A consultation is a separate, internal interaction: see :mod:`agent_desktop.core.consultation`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from agent_desktop.core.types import InteractionState

_TRANSITIONS: dict[InteractionState, frozenset[InteractionState]] = {
    InteractionState.OFFERED: frozenset(
        {InteractionState.ACTIVE, InteractionState.REJECTED, InteractionState.ENDED}
    ),
    InteractionState.ACTIVE: frozenset({InteractionState.ENDED, InteractionState.TRANSFERRED}),
    InteractionState.ENDED: frozenset({InteractionState.DONE, InteractionState.ACTIVE}),
    InteractionState.DONE: frozenset(),
    InteractionState.REJECTED: frozenset(),
    InteractionState.TRANSFERRED: frozenset(),
}


class InvalidTransition(ValueError):
    """Raised when an interaction is asked to move to a state it cannot reach."""

    def __init__(self, current: InteractionState, target: InteractionState) -> None:
        super().__init__(f"cannot go from {current.value} to {target.value}")
        self.current = current
        self.target = target


def can_transition(current: InteractionState, target: InteractionState) -> bool:
    """Whether ``current`` may move to ``target``."""
    return target in _TRANSITIONS[current]


@dataclass
class InteractionLifecycle:
    """Current state plus the time each state was entered (seconds, from the caller's clock)."""

    state: InteractionState = InteractionState.OFFERED
    entered: dict[InteractionState, float] = field(default_factory=dict)

    def move(self, target: InteractionState, now: float) -> None:
        if not can_transition(self.state, target):
            raise InvalidTransition(self.state, target)
        self.state = target
        self.entered[target] = now

    @property
    def is_open(self) -> bool:
        """Still on the agent's desktop (not done, not rejected)."""
        return self.state in (
            InteractionState.OFFERED,
            InteractionState.ACTIVE,
            InteractionState.ENDED,
        )

    @property
    def is_live(self) -> bool:
        """Messages can be exchanged."""
        return self.state is InteractionState.ACTIVE
