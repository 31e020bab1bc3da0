"""The consultation state machine: an internal chat with a colleague beside a customer chat.

requested → active (the colleague answered) or failed (declined, no answer, error);
active → transferred (two-step transfer: the colleague takes the customer's chat),
conferenced (the colleague joins the customer's chat) or ended (either side closed it).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class ConsultationState(StrEnum):
    REQUESTED = "requested"
    ACTIVE = "active"
    TRANSFERRED = "transferred"
    CONFERENCED = "conferenced"
    ENDED = "ended"
    FAILED = "failed"


class InvalidConsultationTransition(ValueError):
    """Raised when a consultation is asked to move to a state it cannot reach."""

    def __init__(self, current: ConsultationState, target: ConsultationState) -> None:
        super().__init__(f"cannot go from {current.value} to {target.value}")
        self.current = current
        self.target = target


_TRANSITIONS: dict[ConsultationState, frozenset[ConsultationState]] = {
    ConsultationState.REQUESTED: frozenset({ConsultationState.ACTIVE, ConsultationState.FAILED}),
    ConsultationState.ACTIVE: frozenset(
        {ConsultationState.TRANSFERRED, ConsultationState.CONFERENCED, ConsultationState.ENDED}
    ),
    ConsultationState.TRANSFERRED: frozenset(),
    ConsultationState.CONFERENCED: frozenset(),
    ConsultationState.ENDED: frozenset(),
    ConsultationState.FAILED: frozenset(),
}


def can_consult_transition(current: ConsultationState, target: ConsultationState) -> bool:
    return target in _TRANSITIONS[current]


@dataclass
class ConsultationLifecycle:
    """A consultation's state; ``interaction_id`` is known once the colleague answered."""

    parent_id: str
    target_name: str
    state: ConsultationState = ConsultationState.REQUESTED
    interaction_id: str | None = None
    history: list[ConsultationState] = field(default_factory=list)

    def move(self, target: ConsultationState) -> None:
        if not can_consult_transition(self.state, target):
            raise InvalidConsultationTransition(self.state, target)
        self.history.append(self.state)
        self.state = target

    @property
    def is_live(self) -> bool:
        """Messages can be exchanged with the colleague."""
        return self.state is ConsultationState.ACTIVE

    @property
    def is_over(self) -> bool:
        return not _TRANSITIONS[self.state]
