"""Where an unconfirmed message goes: the outbox policy (pure, no Qt).

Every message the agent sends is written to the outbox before the backend is called and
removed when the backend confirms it. Whatever is still there after a reconnect or a restart
is sent again with the same txn id (backends deduplicate on it), so it reaches the contact
exactly once. :func:`route` decides how.
"""

from __future__ import annotations

from enum import StrEnum


class OutboxRoute(StrEnum):
    """What to do with one unconfirmed message."""

    #: its interaction is on the desk: send it again in the interaction (same txn id)
    RESEND = "resend"
    #: its interaction will come back (offered, not yet accepted): wait for it
    WAIT = "wait"
    #: its interaction is gone: send it into the contact's asynchronous conversation
    REDIRECT = "redirect"
    #: its interaction is gone and nothing else reaches the contact: keep it, tell the agent
    KEEP = "keep"


def route(*, on_desk: bool, accepted: bool, contact_known: bool, can_redirect: bool) -> OutboxRoute:
    """The route of one message whose interaction is (``on_desk``) or is not on the desk.

    Called once the backend has announced the desk (after ``ConnectionChanged(CONNECTED)``),
    so an interaction that is not on the desk will not come back.
    """
    if on_desk:
        return OutboxRoute.RESEND if accepted else OutboxRoute.WAIT
    if contact_known and can_redirect:
        return OutboxRoute.REDIRECT
    return OutboxRoute.KEEP
