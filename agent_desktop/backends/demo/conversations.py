"""Asynchronous conversations of the demo contact center.

Contacts are connected or not, per channel. The agent can write to a contact who is not
connected: the message is stored and delivered when they come back to the website. A
contact can write into their persistent conversation after the chat ended, and post in
public about the company. An ended chat can be reactivated by the agent, and the agent can
start a chat with a contact.

This is part of :class:`~.center.ContactCenter` (it shares its live state and event queue),
split out to keep each module about one thing.
"""

from __future__ import annotations

import logging

from agent_desktop.backends.base import BackendError
from agent_desktop.backends.demo import conversation_store as cs
from agent_desktop.backends.demo.center import (
    ContactCenter,
    LiveInteraction,
    Stage,
    _contact_for_chat,
    agent_party_id,
    new_id,
)
from agent_desktop.backends.demo.store import DemoStore, StoreThread
from agent_desktop.core.channels import PUBLIC_NETWORKS
from agent_desktop.core.events import (
    ContactPresence,
    ConversationReply,
    InteractionAccepted,
    InteractionOffered,
    InteractionReactivated,
    MessageDelivered,
    PartyConnectionChanged,
    PartyJoined,
    PublicPostReceived,
)
from agent_desktop.core.models import (
    Contact,
    ImageAttachment,
    InteractionInfo,
    InteractionSummary,
    Message,
    Party,
    PublicPost,
)
from agent_desktop.core.types import Channel, PartyRole, PartyState

log = logging.getLogger(__name__)

#: channels whose network holds messages for a contact who is away (everything but web chat)
STORE_AND_FORWARD = frozenset(set(Channel) - {Channel.WEBCHAT})


class Conversations:
    """Presence, offline delivery, reactivation and public posts on top of the center."""

    def __init__(self, center: ContactCenter) -> None:
        self._center = center
        #: contact id -> channels the contact is connected on now
        self._presence: dict[str, set[Channel]] = {}
        center.deliverable = self._deliverable

    # presence -------------------------------------------------------------------------
    def reset(self) -> None:
        self._presence.clear()

    def connected_channels(self, contact_id: str) -> frozenset[Channel]:
        return frozenset(self._presence.get(contact_id, ()))

    def snapshot(self) -> dict[str, frozenset[Channel]]:
        return {cid: frozenset(chs) for cid, chs in self._presence.items() if chs}

    def set_presence(self, contact_id: str, channel: Channel, connected: bool) -> None:
        channels = self._presence.setdefault(contact_id, set())
        changed = (channel in channels) != connected
        if connected:
            channels.add(channel)
        else:
            channels.discard(channel)
        if not channels:
            del self._presence[contact_id]  # no entry for every contact who ever came
        if changed:
            self._center._emit(
                ContactPresence(contact_id=contact_id, channel=channel, connected=connected)
            )

    def _deliverable(self, live: LiveInteraction) -> bool:
        return live.channel in STORE_AND_FORWARD or live.channel in self.connected_channels(
            live.contact.id
        )

    def _delivers_now(self, contact_id: str, channel: Channel) -> bool:
        return channel in STORE_AND_FORWARD or channel in self.connected_channels(contact_id)

    # customer side (synchronous) --------------------------------------------------------
    def chat_started(self, interaction_id: str) -> None:
        live = self._center._interactions.get(interaction_id)
        if live is not None:
            self.set_presence(live.contact.id, live.channel, True)

    def chat_left(self, interaction_id: str) -> None:
        live = self._center._interactions.get(interaction_id)
        if live is not None:
            self.set_presence(live.contact.id, live.channel, False)

    def _contact_named(self, name: str) -> Contact:
        store = self._center._customer_store()
        contact = store.call_sync(DemoStore.contact_named, name)
        if contact is None:
            raise KeyError(f"no contact named {name!r} in the demo contact center")
        return contact

    def is_connected(self, name: str) -> bool:
        return bool(self.connected_channels(self._contact_named(name).id))

    def reconnect(self, name: str) -> None:
        """The contact comes back to the website: what was written to them is delivered."""
        contact = self._contact_named(name)
        store = self._center._customer_store()
        delivered = store.call_sync(cs.deliver_pending, contact.id)
        if delivered:
            log.info("delivered %d waiting message(s) to %s", delivered, name)
        self.set_presence(contact.id, Channel.WEBCHAT, True)
        for live in self._center._interactions.values():
            if live.contact.id == contact.id and live.stage is Stage.ACTIVE:
                self._center._emit(
                    PartyConnectionChanged(
                        interaction_id=live.id,
                        party_id=live.customer.id,
                        state=PartyState.CONNECTED,
                    )
                )

    def received_by(self, name: str) -> list[str]:
        contact = self._contact_named(name)
        return self._center._customer_store().call_sync(cs.received_by, contact.id)

    def send_offline(self, name: str, text: str, channel: Channel) -> None:
        """A contact who left the website writes into their persistent conversation."""
        if not text:
            raise ValueError("a customer message needs text")
        center = self._center
        store = center._customer_store()
        known = store.call_sync(DemoStore.contact_named, name)
        contact = _contact_for_chat(known, name, channel, None, None)
        # a reactivated chat with the contact on that channel gets it live
        for live in center._interactions.values():
            same = live.contact.id == contact.id and live.channel is channel
            if same and live.stage is Stage.ACTIVE:
                center.customer_says(live.id, text)
                return
        now = center._clock()
        interaction_id = store.call_sync(cs.ensure_conversation, contact, channel, now)
        message = Message(
            id=new_id(),
            interaction_id=interaction_id,
            author_id=f"contact:{contact.id}",
            author_name=contact.name,
            author_role=PartyRole.CUSTOMER,
            text=text,
            time=now,
            channel=channel,
        )
        store.call_sync(cs.add_message, message, contact.id)
        center._emit(ConversationReply(contact=contact, message=message))

    def post_public(self, name: str, text: str, network: str) -> None:
        if network not in PUBLIC_NETWORKS:
            raise ValueError(f"public posts are on {', '.join(PUBLIC_NETWORKS)}, not {network!r}")
        if not text:
            raise ValueError("a public post needs text")
        center = self._center
        store = center._customer_store()
        known = store.call_sync(DemoStore.contact_named, name)
        contact = known or Contact(id=new_id(), name=name)
        post = PublicPost(
            id=new_id(),
            contact_id=contact.id,
            author_name=contact.name,
            network=network,
            text=text,
            time=center._clock(),
        )
        store.call_sync(cs.add_public_post, post, contact)
        center._emit(PublicPostReceived(post=post))

    # agent side -----------------------------------------------------------------------
    async def _contact(self, store: StoreThread, contact_id: str) -> Contact:
        contact = await store.call(DemoStore.contact, contact_id)
        if contact is None:
            raise BackendError(f"there is no contact {contact_id!r}")
        return contact

    async def reactivate(self, interaction_id: str) -> None:
        center = self._center
        live = center._agent_interaction(interaction_id, Stage.ENDED, action="reactivate")
        store, agent = center._agent_store()
        now = center._clock()
        live.stage = Stage.ACTIVE
        await store.call(DemoStore.mark_accepted, live.id, now, agent.id)
        center._emit(InteractionReactivated(interaction_id=live.id, time=now))
        center._emit(
            PartyConnectionChanged(
                interaction_id=live.id,
                party_id=agent_party_id(agent.id),
                state=PartyState.CONNECTED,
            )
        )
        here = live.channel in self.connected_channels(live.contact.id)
        center._emit(
            PartyConnectionChanged(
                interaction_id=live.id,
                party_id=live.customer.id,
                state=PartyState.CONNECTED if here else PartyState.DISCONNECTED,
            )
        )

    async def start_interaction(self, contact_id: str, channel: Channel) -> str:
        center = self._center
        store, agent = center._agent_store()
        contact = await self._contact(store, contact_id)
        now = center._clock()
        live = LiveInteraction(
            id=new_id(),
            contact=_contact_for_chat(contact, contact.name, channel, None, None),
            channel=channel,
            stage=Stage.ACTIVE,
        )
        await store.call(DemoStore.start_interaction, live.id, live.contact, channel, now, None)
        await store.call(DemoStore.mark_accepted, live.id, now, agent.id)
        center._interactions[live.id] = live
        here = channel in self.connected_channels(contact.id)
        customer = live.customer.model_copy(
            update={"state": PartyState.CONNECTED if here else PartyState.DISCONNECTED}
        )
        summary = InteractionSummary(
            id=live.id,
            contact=live.contact,
            channel=channel,
            offered_at=now,
            parties=(customer,),
            outbound=True,
        )
        center._emit(InteractionOffered(interaction=summary))
        center._emit(InteractionAccepted(interaction_id=live.id, time=now))
        party = Party(id=agent_party_id(agent.id), name=agent.display_name, role=PartyRole.AGENT)
        center._emit(PartyJoined(interaction_id=live.id, party=party))
        return live.id

    async def send_to_contact(
        self,
        contact_id: str,
        channel: Channel,
        text: str,
        txn_id: str,
        image: ImageAttachment | None = None,
    ) -> None:
        center = self._center
        store, agent = center._agent_store()
        if not text.strip() and image is None:
            raise BackendError("cannot send an empty message")
        contact = await self._contact(store, contact_id)
        now = center._clock()
        interaction_id = await store.call(cs.ensure_conversation, contact, channel, now)
        message = Message(
            id=new_id(),
            interaction_id=interaction_id,
            author_id=agent_party_id(agent.id),
            author_name=agent.display_name,
            author_role=PartyRole.AGENT,
            text=text,
            time=now,
            txn_id=txn_id,
            channel=channel,
            image=image,
        )
        delivered = self._delivers_now(contact_id, channel)
        stored_id = await store.call(cs.add_message, message, contact_id, delivered=delivered)
        center._emit(
            MessageDelivered(
                interaction_id=interaction_id, txn_id=txn_id, message_id=stored_id, time=now
            )
        )

    async def send_image(self, interaction_id: str, image: ImageAttachment, txn_id: str) -> None:
        center = self._center
        live = center._agent_interaction(interaction_id, Stage.ACTIVE, action="send an image in")
        store, agent = center._agent_store()
        message = Message(
            id=new_id(),
            interaction_id=live.id,
            author_id=agent_party_id(agent.id),
            author_name=agent.display_name,
            author_role=PartyRole.AGENT,
            text=image.filename,
            time=center._clock(),
            txn_id=txn_id,
            channel=live.channel,
            image=image,
        )
        stored_id = await store.call(
            cs.add_message, message, live.contact.id, delivered=self._deliverable(live)
        )
        center._confirm(live.id, txn_id, stored_id)

    async def history(self, contact_id: str, before: float | None, limit: int) -> list[Message]:
        store, _ = self._center._agent_store()
        await self._contact(store, contact_id)
        if limit < 1:
            raise BackendError(f"limit must be at least 1, not {limit}")
        return await store.call(cs.history, contact_id, before, limit)

    async def search_messages(self, contact_id: str, query: str) -> list[Message]:
        store, _ = self._center._agent_store()
        await self._contact(store, contact_id)
        return await store.call(cs.search, contact_id, query)

    async def interaction_infos(self, interaction_ids: list[str]) -> list[InteractionInfo]:
        store, _ = self._center._agent_store()
        return await store.call(cs.interaction_infos, interaction_ids)

    async def public_posts(self, contact_id: str | None, limit: int) -> list[PublicPost]:
        store, _ = self._center._agent_store()
        return await store.call(cs.public_posts, contact_id, limit)

    async def contact(self, contact_id: str) -> Contact | None:
        store, _ = self._center._agent_store()
        return await store.call(DemoStore.contact, contact_id)
