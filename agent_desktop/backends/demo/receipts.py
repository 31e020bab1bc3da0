"""Delivery and read receipts of the demo's customers.

A message the agent sends reaches the customer's device at once (``delivered``); on the
channels that report it (WhatsApp, Messenger, web chat) the customer reads it a moment later
(``read``), while the chat is still live.
"""

from __future__ import annotations

import asyncio

from agent_desktop.backends.demo.center import ContactCenter, Stage
from agent_desktop.core.events import MessageStatus
from agent_desktop.core.types import Channel, Clock

#: channels whose customers' apps send read receipts
READ_RECEIPT_CHANNELS = frozenset({Channel.WHATSAPP, Channel.MESSENGER, Channel.WEBCHAT})


class ReceiptSimulator:
    """Publishes ``MessageStatus`` events for the agent's messages."""

    def __init__(
        self, center: ContactCenter, clock: Clock, delivered_after_s: float, read_after_s: float
    ) -> None:
        self._center = center
        self._clock = clock
        self.delivered_after_s = delivered_after_s
        self.read_after_s = read_after_s
        self._pending: set[asyncio.TimerHandle] = set()

    def sent(self, interaction_id: str, txn_id: str) -> None:
        """The agent's message ``txn_id`` was stored: the customer's device gets it, and
        reads it where the channel tells."""
        live = self._center.live(interaction_id)
        if live is None or live.stage is not Stage.ACTIVE or not self._center.connected:
            return
        self._later(self.delivered_after_s, interaction_id, txn_id, "delivered")
        if live.channel in READ_RECEIPT_CHANNELS:
            delay = self.delivered_after_s + self.read_after_s
            self._later(delay, interaction_id, txn_id, "read")

    def _later(self, delay: float, interaction_id: str, txn_id: str, status: str) -> None:
        loop = asyncio.get_running_loop()
        handle: asyncio.TimerHandle | None = None

        def fire() -> None:
            if handle is not None:
                self._pending.discard(handle)
            current = self._center.live(interaction_id)
            if current is not None and current.stage is Stage.ACTIVE:
                self._publish(interaction_id, txn_id, status)

        handle = loop.call_later(delay, fire)
        self._pending.add(handle)

    def _publish(self, interaction_id: str, txn_id: str, status: str) -> None:
        if not self._center.connected:
            return
        self._center.publish(
            MessageStatus(
                interaction_id=interaction_id,
                txn_id=txn_id,
                status="read" if status == "read" else "delivered",
                time=self._clock(),
            )
        )

    def stop(self) -> None:
        for handle in self._pending:
            handle.cancel()
        self._pending.clear()
