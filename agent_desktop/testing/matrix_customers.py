"""Customers on a real homeserver: the Matrix twin of the demo's ``CustomerSimulator``.

Each customer is a Matrix user driven by its own matrix-nio client. Every client runs on
one private asyncio loop in a background thread, so the methods are truly synchronous
(they block until the homeserver answered) whatever loop the caller runs; what customers
receive is collected by one sync task per customer on that thread.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
import uuid
from collections.abc import Coroutine
from dataclasses import dataclass, field
from typing import Any, TypeVar

from nio import AsyncClient

from agent_desktop.backends.base import BackendError
from agent_desktop.backends.demo.simulator import CustomerSimulator
from agent_desktop.backends.matrix.backend import CONVERSATION_EVENT, image_content
from agent_desktop.backends.matrix.client import JsonDict, call, make_client, q
from agent_desktop.testing.synapse import SynapseServer

T = TypeVar("T")


@dataclass
class _Customer:
    name: str
    user_id: str
    client: AsyncClient
    since: str | None = None
    task: asyncio.Task[None] | None = None


@dataclass
class _Chat:
    room_id: str
    customer: _Customer
    received: list[str] = field(default_factory=list)
    events: list[JsonDict] = field(default_factory=list)
    seen: set[str] = field(default_factory=set)
    agent_typing: bool = False
    agent_joined: bool = False
    customer_typing: bool = False


class MatrixCustomerSimulator(CustomerSimulator):
    """Same API as the demo's simulator; interaction ids are room ids."""

    def __init__(self, server: SynapseServer, agent_user_id: str) -> None:
        # the demo's contact center is not used: every method is overridden below
        self._server = server
        self.agent_user_id = agent_user_id
        self._customers: dict[str, _Customer] = {}
        self._chats: dict[str, _Chat] = {}
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(
            target=self._loop.run_forever, name="matrix-customers", daemon=True
        )
        self._thread.start()
        self._closed = False

    def _run(self, work: Coroutine[Any, Any, T], timeout: float = 30.0) -> T:
        return asyncio.run_coroutine_threadsafe(work, self._loop).result(timeout)

    def close(self) -> None:
        """Stop every customer's sync and the thread; idempotent."""
        if self._closed:
            return
        self._closed = True

        async def stop() -> None:
            tasks = [c.task for c in self._customers.values() if c.task is not None]
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            for customer in self._customers.values():
                await customer.client.close()

        with contextlib.suppress(Exception):
            self._run(stop(), timeout=10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=5)
        self._loop.close()

    # customers ----------------------------------------------------------------------
    def _customer(self, name: str) -> _Customer:
        customer = self._customers.get(name)
        if customer is None:
            user = self._server.register(displayname=name)
            client = make_client(self._server.url, user.user_id, request_timeout_s=30)
            client.restore_login(user.user_id, user.device_id, user.access_token)
            customer = _Customer(name, user.user_id, client)
            self._customers[name] = customer
            customer.task = self._run(self._start_sync(customer))
        return customer

    async def _start_sync(self, customer: _Customer) -> asyncio.Task[None]:
        return asyncio.get_running_loop().create_task(self._sync(customer))

    async def _sync(self, customer: _Customer) -> None:
        while True:
            path = "/_matrix/client/v3/sync?timeout=5000"
            if customer.since:
                path += f"&since={q(customer.since)}"
            try:
                reply = await call(customer.client, "GET", path, timeout=40)
            except BackendError:
                await asyncio.sleep(0.2)  # the homeserver is away (a fault test): retry
                continue
            customer.since = str(reply.get("next_batch"))
            for room_id, info in reply.get("rooms", {}).get("join", {}).items():
                chat = self._chats.get(room_id)
                if chat is not None:
                    self._collect(chat, info)

    def _collect(self, chat: _Chat, info: JsonDict) -> None:
        for event in info.get("timeline", {}).get("events", []):
            event_id = str(event.get("event_id"))
            if event_id in chat.seen:
                continue
            chat.seen.add(event_id)
            sender = event.get("sender")
            content = event.get("content", {})
            if event.get("type") == "m.room.message" and sender != chat.customer.user_id:
                chat.events.append(event)
                chat.received.append(str(content.get("body", "")))
            elif event.get("type") == "m.room.member" and event.get("state_key") == (
                self.agent_user_id
            ):
                chat.agent_joined = content.get("membership") == "join"
        for event in info.get("ephemeral", {}).get("events", []):
            if event.get("type") == "m.typing":
                chat.agent_typing = self.agent_user_id in event.get("content", {}).get(
                    "user_ids", []
                )

    def _chat(self, interaction_id: str) -> _Chat:
        return self._chats[interaction_id]

    def _send(self, chat: _Chat, content: JsonDict, event_type: str = "m.room.message") -> None:
        self._send_as(chat.customer, chat.room_id, content, event_type)

    def _send_as(
        self,
        customer: _Customer,
        room_id: str,
        content: JsonDict,
        event_type: str = "m.room.message",
    ) -> None:
        txn = uuid.uuid4().hex
        path = f"/_matrix/client/v3/rooms/{q(room_id)}/send/{q(event_type)}/{txn}"
        self._run(call(customer.client, "PUT", path, content))

    # raw events (what a hostile customer or a buggy bridge can put on the wire) -----------
    def send_event(
        self, interaction_id: str, content: JsonDict, event_type: str = "m.room.message"
    ) -> None:
        """The customer sends an event with any ``content`` (the homeserver checks little)."""
        self._send(self._chat(interaction_id), content, event_type)

    def set_state(
        self, interaction_id: str, event_type: str, content: JsonDict, state_key: str = ""
    ) -> None:
        """The customer sets a state event of the room with any ``content``."""
        chat = self._chat(interaction_id)
        path = f"/_matrix/client/v3/rooms/{q(chat.room_id)}/state/{q(event_type)}/{q(state_key)}"
        self._run(call(chat.customer.client, "PUT", path, content))

    def start_chat_with_state(self, name: str, conversation: JsonDict) -> str:
        """Like :meth:`start_chat`, with ``conversation`` (anything) as the content of the
        room's conversation state event; no first message."""
        return self._open_room(self._customer(name), conversation, invite=True).room_id

    def _open_room(
        self, customer: _Customer, conversation: JsonDict, *, invite: bool, **extra: object
    ) -> _Chat:
        """A private room of ``customer`` with ``conversation`` as its conversation state
        (``extra``: more of the ``createRoom`` body), the agent invited at once if
        ``invite``."""
        body: JsonDict = {
            "preset": "private_chat",
            "initial_state": [
                {"type": CONVERSATION_EVENT, "state_key": "", "content": conversation}
            ],
            **extra,
        }
        if invite:
            body["invite"] = [self.agent_user_id]
        path = "/_matrix/client/v3/createRoom"
        created = self._run(call(customer.client, "POST", path, body))
        chat = _Chat(str(created["room_id"]), customer)
        self._chats[chat.room_id] = chat
        return chat

    # the CustomerSimulator API ------------------------------------------------------
    def start_chat(
        self,
        name: str,
        text: str | None = None,
        *,
        channel: str = "webchat",
        email: str | None = None,
        phone: str | None = None,
    ) -> str:
        customer = self._customer(name)
        conversation = {
            "channel": channel,
            "customer": customer.user_id,
            "contact": {"id": customer.user_id, "name": name, "email": email, "phone": phone},
            "first_message": text,
        }
        chat = self._open_room(
            customer,
            conversation,
            invite=False,  # after the first message, so that it is there when offered
            name=name,
            # the convention (docs/matrix.md): the agent offered the chat may remove the
            # colleagues it brings in (kick: a power level above theirs)
            power_level_content_override={"users": {self.agent_user_id: 50}},
        )
        room_id = chat.room_id
        if text:
            self._send(chat, {"msgtype": "m.text", "body": text})
        self._run(
            call(
                customer.client,
                "POST",
                f"/_matrix/client/v3/rooms/{q(room_id)}/invite",
                {"user_id": self.agent_user_id},
            )
        )
        return room_id

    def typing(self, interaction_id: str, on: bool = True) -> None:
        chat = self._chat(interaction_id)
        chat.customer_typing = on
        body: JsonDict = {"typing": on, "timeout": 30_000} if on else {"typing": False}
        self._run(
            call(
                chat.customer.client,
                "PUT",
                f"/_matrix/client/v3/rooms/{q(chat.room_id)}/typing/{q(chat.customer.user_id)}",
                body,
            )
        )

    def say(self, interaction_id: str, text: str) -> None:
        chat = self._chat(interaction_id)
        if chat.customer_typing:  # as Matrix clients do: sending ends typing
            self.typing(interaction_id, False)
        self._send(chat, {"msgtype": "m.text", "body": text})

    def leave(self, interaction_id: str) -> None:
        chat = self._chat(interaction_id)
        client = chat.customer.client
        room = q(chat.room_id)
        member = f"/_matrix/client/v3/rooms/{room}/state/m.room.member/{q(self.agent_user_id)}"
        try:
            membership = self._run(call(client, "GET", member)).get("membership")
        except BackendError:
            membership = None
        if membership == "invite":  # withdraw the offer first
            with contextlib.suppress(BackendError):
                self._run(
                    call(
                        client,
                        "POST",
                        f"/_matrix/client/v3/rooms/{room}/kick",
                        {"user_id": self.agent_user_id, "reason": "left"},
                    )
                )
        self._run(call(client, "POST", f"/_matrix/client/v3/rooms/{room}/leave", {}))

    def received(self, interaction_id: str) -> list[str]:
        """Every message the agent side sent, as the homeserver holds it now (/messages)."""
        return [str(e.get("content", {}).get("body", "")) for e in self._history(interaction_id)]

    def _history(self, interaction_id: str) -> list[JsonDict]:
        chat = self._chat(interaction_id)
        client = chat.customer.client
        events: list[JsonDict] = []
        token = ""
        while True:
            path = f"/_matrix/client/v3/rooms/{q(chat.room_id)}/messages?dir=b&limit=100"
            if token:
                path += f"&from={q(token)}"
            page = self._run(call(client, "GET", path))
            chunk = page.get("chunk", [])
            events.extend(
                e
                for e in chunk
                if e.get("type") == "m.room.message" and e.get("sender") != chat.customer.user_id
            )
            token = str(page.get("end") or "")
            if not chunk or not token:
                break
        events.reverse()
        return events

    def agent_messages(self, interaction_id: str) -> list[str]:
        """What the agent side wrote, as the customer's own sync received it, in order."""
        return list(self._chat(interaction_id).received)

    def received_events(self, interaction_id: str) -> list[JsonDict]:
        """The raw m.room.message events the customer got, in order."""
        return self._history(interaction_id)

    def agent_typing(self, interaction_id: str) -> bool:
        return self._chat(interaction_id).agent_typing

    def user_id(self, name: str) -> str:
        """The Matrix id of the customer called ``name`` (registered on first use)."""
        return self._customer(name).user_id

    def send_image(
        self,
        interaction_id: str,
        data: bytes,
        filename: str,
        mime: str = "image/png",
        *,
        declared: int | None = None,
    ) -> None:
        """The customer uploads ``data`` to the media repository and sends it as ``m.image``
        with ``info.size`` = ``declared`` (default: the real size; a client may lie)."""
        chat = self._chat(interaction_id)
        uploaded = self._run(
            call(
                chat.customer.client,
                "POST",
                f"/_matrix/media/v3/upload?filename={q(filename)}",
                data=data,
                content_type=mime,
            )
        )
        size = len(data) if declared is None else declared
        content = image_content(str(uploaded["content_uri"]), filename, mime, size)
        self._send(chat, content)

    def mark_read(self, interaction_id: str) -> None:
        """The customer's client reports everything the agent sent so far as read."""
        chat = self._chat(interaction_id)
        events = self._history(interaction_id)
        if not events:
            return
        last = q(str(events[-1]["event_id"]))
        self._run(
            call(
                chat.customer.client,
                "POST",
                f"/_matrix/client/v3/rooms/{q(chat.room_id)}/receipt/m.read/{last}",
                {},
            )
        )

    def join(self, name: str, room_id: str) -> None:
        """The user called ``name`` (a colleague in UI tests) joins ``room_id`` (an invite)."""
        customer = self._customer(name)
        self._run(call(customer.client, "POST", f"/_matrix/client/v3/join/{q(room_id)}", {}))

    def say_in(self, name: str, room_id: str, text: str) -> None:
        """The user called ``name`` (a colleague in a conference) writes into ``room_id``."""
        self._send_as(self._customer(name), room_id, {"msgtype": "m.text", "body": text})

    def membership(self, name: str, room_id: str, of: str | None = None) -> str:
        """The membership of ``of`` (default: ``name`` itself) in ``room_id``, as ``name``
        sees it (``"leave"`` when unknown)."""
        customer = self._customer(name)
        path = (
            f"/_matrix/client/v3/rooms/{q(room_id)}/state/m.room.member/{q(of or customer.user_id)}"
        )
        try:
            return str(self._run(call(customer.client, "GET", path)).get("membership", "leave"))
        except BackendError:
            return "leave"

    def create_room(self, name: str, body: JsonDict) -> str:
        """The user called ``name`` creates a room (``createRoom`` body); its id."""
        customer = self._customer(name)
        created = self._run(call(customer.client, "POST", "/_matrix/client/v3/createRoom", body))
        return str(created["room_id"])
