"""The customers' side of the demo contact center.

:class:`CustomerSimulator` is the synchronous API that tests and automation drive
(``h.customers``, CONTRACT.md). :class:`ScriptedCustomers` uses it to make personas arrive
on their own and answer the agent (``DemoConfig.spontaneous``).
"""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Coroutine
from dataclasses import dataclass
from typing import Any

from agent_desktop.backends.demo.center import ContactCenter
from agent_desktop.backends.demo.config import DemoConfig
from agent_desktop.backends.demo.conversations import Conversations
from agent_desktop.backends.demo.personas import PERSONAS, Persona
from agent_desktop.core.types import Channel

log = logging.getLogger(__name__)

#: the first spontaneous customer comes this soon after connecting (or sooner, see below)
FIRST_ARRIVAL_S = 3.0


class CustomerSimulator:
    """Plays the customers: start chats, type, write, leave, and see what the agent sent.

    Every method takes effect at once (events are queued before it returns) and raises
    ``KeyError`` for an interaction id the demo contact center never started (or a contact
    name it does not know), ``ValueError`` for what a customer cannot do: write nothing,
    write in a chat that is over, start a chat without a name, use an unknown channel.
    """

    def __init__(self, center: ContactCenter, conversations: Conversations | None = None) -> None:
        self._center = center
        self._conversations = conversations or Conversations(center)

    def start_chat(
        self,
        name: str,
        text: str | None = None,
        *,
        channel: str = "webchat",
        email: str | None = None,
        phone: str | None = None,
    ) -> str:
        """A customer called ``name`` (found by exact name, or created) opens a chat.

        It is offered to the agent at once when they are Ready and have room, else it waits
        in the queue. Returns the interaction id.
        """
        interaction_id = self._center.start_chat(name, text, Channel(channel), email, phone)
        self._conversations.chat_started(interaction_id)
        return interaction_id

    def typing(self, interaction_id: str, on: bool = True) -> None:
        """The customer starts (or stops) typing; seen only once the chat is offered."""
        self._center.customer_typing(interaction_id, on)

    def say(self, interaction_id: str, text: str) -> None:
        """The customer writes ``text``; a queued chat shows it when it is offered."""
        self._center.customer_says(interaction_id, text)

    def leave(self, interaction_id: str) -> None:
        """The customer goes: an offer is revoked, an active chat ends, a queued one is dropped."""
        self._center.customer_leaves(interaction_id)
        self._conversations.chat_left(interaction_id)

    def received(self, interaction_id: str) -> list[str]:
        """Plain text of every message the customer got from the agent side, in order."""
        return self._center.received(interaction_id)

    def agent_typing(self, interaction_id: str) -> bool:
        """Whether the agent is typing in that interaction, as the customer would see it."""
        return self._center.agent_typing(interaction_id)

    # asynchronous conversations (CONTRACT.md) ----------------------------------------
    def send_offline(self, name: str, text: str, *, channel: str = "webchat") -> None:
        """A contact who has left the website writes into their persistent conversation."""
        self._conversations.send_offline(name, text, Channel(channel))

    def is_connected(self, name: str) -> bool:
        """Whether the contact is connected on some channel now."""
        return self._conversations.is_connected(name)

    def reconnect(self, name: str) -> None:
        """The contact comes back to the website; what was written to them meanwhile arrives."""
        self._conversations.reconnect(name)

    def received_by(self, name: str) -> list[str]:
        """Everything the contact ever received from the company, across interactions."""
        return self._conversations.received_by(name)

    def post_public(self, name: str, text: str, *, channel: str = "facebook") -> None:
        """A public post (``facebook``) or tweet (``twitter``) that mentions the company."""
        self._conversations.post_public(name, text, channel)


class TaskSet:
    """Owns background tasks: keeps a reference to each, logs failures, cancels them all."""

    def __init__(self) -> None:
        self._tasks: set[asyncio.Task[None]] = set()
        self._closed = False

    def __len__(self) -> int:
        return len(self._tasks)

    def spawn(self, work: Coroutine[Any, Any, None], name: str) -> asyncio.Task[None] | None:
        """Run ``work`` as a task; after :meth:`cancel_all`, drop it instead."""
        if self._closed:
            work.close()
            return None
        task = asyncio.get_running_loop().create_task(work, name=name)
        self._tasks.add(task)
        task.add_done_callback(self._finished)
        return task

    def _finished(self, task: asyncio.Task[None]) -> None:
        self._tasks.discard(task)
        if not task.cancelled() and (error := task.exception()) is not None:
            log.error("demo task %s failed", task.get_name(), exc_info=error)

    def reopen(self) -> None:
        self._closed = False

    async def cancel_all(self) -> None:
        """Cancel every task and wait until each has finished."""
        self._closed = True
        tasks = list(self._tasks)
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)


@dataclass
class _ScriptedChat:
    persona: Persona
    replies_said: int = 0
    answered: bool = False
    replying: asyncio.Task[None] | None = None
    nudge: asyncio.Task[None] | None = None

    def cancel(self) -> None:
        for task in (self.replying, self.nudge):
            if task is not None and task is not asyncio.current_task():
                task.cancel()


class ScriptedCustomers:
    """Personas who arrive every ``arrival_interval_s`` and answer each agent message."""

    def __init__(
        self, customers: CustomerSimulator, config: DemoConfig, rng: random.Random
    ) -> None:
        self._customers = customers
        self._config = config
        self._rng = rng
        self._tasks = TaskSet()
        self._chats: dict[str, _ScriptedChat] = {}

    @property
    def task_count(self) -> int:
        return len(self._tasks)

    def start(self) -> None:
        """Start the arrivals; call from a coroutine (it needs the running loop)."""
        self._tasks.reopen()
        self._tasks.spawn(self._arrivals(), name="demo-arrivals")

    async def stop(self) -> None:
        self._chats.clear()
        await self._tasks.cancel_all()

    # hooks the contact center calls --------------------------------------------------
    def agent_sent(self, interaction_id: str) -> None:
        chat = self._chats.get(interaction_id)
        if chat is None:
            return
        chat.answered = True
        if chat.nudge is not None:
            chat.nudge.cancel()  # answered: no need to nudge any more
            chat.nudge = None
        busy = chat.replying is not None and not chat.replying.done()
        # one answer at a time: messages sent while the customer is replying are read with it
        if not busy and chat.replies_said < len(chat.persona.replies):
            chat.replying = self._tasks.spawn(
                self._reply(interaction_id, chat), name=f"demo-reply-{interaction_id}"
            )

    def interaction_closed(self, interaction_id: str) -> None:
        chat = self._chats.pop(interaction_id, None)
        if chat is not None:
            chat.cancel()

    # behaviour -----------------------------------------------------------------------
    def _uniform(self, bounds: tuple[float, float]) -> float:
        return self._rng.uniform(*bounds)

    async def _arrivals(self) -> None:
        interval = self._config.arrival_interval_s
        delay = min(FIRST_ARRIVAL_S, interval)
        while True:
            await asyncio.sleep(delay)
            self._arrive()
            delay = interval * self._rng.uniform(0.7, 1.3)

    def _arrive(self) -> None:
        busy = {chat.persona.name for chat in self._chats.values()}
        candidates = [persona for persona in PERSONAS if persona.name not in busy]
        if not candidates:
            return  # everyone is already chatting
        persona = self._rng.choice(candidates)
        interaction_id = self._customers.start_chat(
            persona.name,
            persona.opening,
            channel=persona.channel.value,
            email=persona.email,
            phone=persona.phone,
        )
        chat = _ScriptedChat(persona)
        self._chats[interaction_id] = chat
        chat.nudge = self._tasks.spawn(
            self._nudge(interaction_id, chat), name=f"demo-nudge-{interaction_id}"
        )

    async def _nudge(self, interaction_id: str, chat: _ScriptedChat) -> None:
        await asyncio.sleep(self._config.nudge_after_s)
        if not chat.answered:
            self._customers.say(interaction_id, chat.persona.nudge)

    async def _reply(self, interaction_id: str, chat: _ScriptedChat) -> None:
        await asyncio.sleep(self._uniform(self._config.reply_delay_s))
        self._customers.typing(interaction_id, True)
        await asyncio.sleep(self._uniform(self._config.typing_s))
        line = chat.persona.replies[chat.replies_said]
        chat.replies_said += 1
        self._customers.typing(interaction_id, False)
        self._customers.say(interaction_id, line)
        if chat.replies_said == len(chat.persona.replies):  # that was the goodbye
            await asyncio.sleep(self._uniform(self._config.reply_delay_s))
            self._customers.leave(interaction_id)
