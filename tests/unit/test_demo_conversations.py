"""Asynchronous conversations in the demo backend: presence, offline delivery, reactivation."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

import pytest

from agent_desktop.backends.base import BackendError
from agent_desktop.backends.demo import conversation_store as cs
from agent_desktop.backends.demo.store import SCHEMA_VERSION, DemoStore
from agent_desktop.core.events import (
    ContactPresence,
    ConversationReply,
    InteractionOffered,
    InteractionReactivated,
    MessageDelivered,
    MessageReceived,
    PartyConnectionChanged,
    PublicPostReceived,
)
from agent_desktop.core.models import Contact, ImageAttachment, Message
from agent_desktop.core.types import Channel, PartyRole, PartyState
from tests.unit.test_demo_backend import EventLog, active_chat, connected, run


def contact_id_of(log: EventLog) -> str:
    return log.of(InteractionOffered)[0].interaction.contact.id


def test_presence_follows_the_customer(tmp_path: Path) -> None:
    async def scenario() -> None:
        async with connected(tmp_path) as (backend, log):
            customers = backend.customers
            iid = await active_chat(backend, log, "Marie Dupont")
            assert customers.is_connected("Marie Dupont")
            cid = contact_id_of(log)
            assert await backend.connected_contacts() == {cid: frozenset({Channel.WEBCHAT})}
            customers.leave(iid)
            assert not customers.is_connected("Marie Dupont")
            assert await backend.connected_contacts() == {}
            customers.reconnect("Marie Dupont")
            await log.settle()
            presence = [(e.contact_id, e.connected) for e in log.of(ContactPresence)]
            assert presence == [(cid, True), (cid, False), (cid, True)]
            with pytest.raises(KeyError):
                customers.reconnect("Nobody")

    run(scenario)


def test_message_to_an_absent_contact_waits_until_they_reconnect(tmp_path: Path) -> None:
    async def scenario() -> None:
        async with connected(tmp_path) as (backend, log):
            customers = backend.customers
            iid = await active_chat(backend, log, "Marie Dupont")
            await backend.send_message(iid, "Un instant", "t1")
            customers.leave(iid)
            cid = contact_id_of(log)
            await backend.send_to_contact(cid, Channel.WEBCHAT, "Votre colis est parti", "t2")
            await backend.send_to_contact(cid, Channel.WEBCHAT, "Votre colis est parti", "t2")
            delivered = await log.wait_for(MessageDelivered, lambda e: e.txn_id == "t2")
            assert delivered.interaction_id == cs.conversation_id(cid, Channel.WEBCHAT)
            assert customers.received_by("Marie Dupont") == ["Un instant"]
            customers.reconnect("Marie Dupont")
            assert customers.received_by("Marie Dupont") == ["Un instant", "Votre colis est parti"]
            # sent while connected: delivered at once
            await backend.send_to_contact(cid, Channel.WEBCHAT, "Bonne journée", "t3")
            assert customers.received_by("Marie Dupont")[-1] == "Bonne journée"
            # SMS and the like hold messages for the contact: no need to be connected
            customers.leave(customers.start_chat("Marie Dupont", channel="sms"))
            await backend.send_to_contact(cid, Channel.SMS, "Code 1234", "t4")
            assert customers.received_by("Marie Dupont")[-1] == "Code 1234"
            with pytest.raises(BackendError, match="empty"):
                await backend.send_to_contact(cid, Channel.SMS, "  ", "t5")
            with pytest.raises(BackendError, match="no contact"):
                await backend.send_to_contact("nope", Channel.SMS, "x", "t6")

    run(scenario)


def test_reactivated_chat_reaches_the_contact_when_they_return(tmp_path: Path) -> None:
    async def scenario() -> None:
        async with connected(tmp_path) as (backend, log):
            customers = backend.customers
            iid = await active_chat(backend, log, "Marie Dupont")
            customers.leave(iid)
            with pytest.raises(BackendError, match="it is ended"):
                await backend.send_message(iid, "Toujours là ?", "t1")
            await backend.reactivate(iid)
            await log.wait_for(InteractionReactivated)
            states = [e.state for e in log.of(PartyConnectionChanged) if e.interaction_id == iid]
            assert states[-2:] == [PartyState.CONNECTED, PartyState.DISCONNECTED]
            await backend.send_message(iid, "Toujours là ?", "t1")
            assert customers.received(iid) == []
            customers.reconnect("Marie Dupont")
            assert customers.received(iid) == ["Toujours là ?"]
            customers.say(iid, "Oui !")
            await log.wait_for(MessageReceived, lambda e: e.message.text == "Oui !")
            with pytest.raises(BackendError, match="it is active"):
                await backend.reactivate(iid)
            await backend.end(iid)
            await backend.mark_done(iid)
            with pytest.raises(BackendError, match="it is done"):
                await backend.reactivate(iid)

    run(scenario)


def test_offline_reply_and_public_post_are_announced(tmp_path: Path) -> None:
    async def scenario() -> None:
        async with connected(tmp_path) as (backend, log):
            customers = backend.customers
            iid = await active_chat(backend, log, "Marie Dupont")
            customers.leave(iid)
            customers.send_offline("Marie Dupont", "Je reviens vers vous")
            reply = await log.wait_for(ConversationReply)
            assert reply.contact.name == "Marie Dupont"
            assert reply.message.author_role is PartyRole.CUSTOMER
            assert reply.message.channel is Channel.WEBCHAT
            history = await backend.history(reply.contact.id)
            assert [m.text for m in history][-1] == "Je reviens vers vous"
            infos = await backend.interaction_infos([m.interaction_id for m in history])
            assert {info.asynchronous for info in infos} == {False, True}

            customers.post_public("Marie Dupont", "Super service @acme", channel="twitter")
            post = (await log.wait_for(PublicPostReceived)).post
            assert (post.network, post.text) == ("twitter", "Super service @acme")
            assert await backend.public_posts(reply.contact.id) == [post]
            with pytest.raises(ValueError, match="public posts"):
                customers.post_public("Marie Dupont", "x", channel="sms")

    run(scenario)


def test_reply_into_a_reactivated_chat_arrives_in_it(tmp_path: Path) -> None:
    async def scenario() -> None:
        async with connected(tmp_path) as (backend, log):
            iid = await active_chat(backend, log, "Marie Dupont")
            backend.customers.leave(iid)
            await backend.reactivate(iid)
            backend.customers.send_offline("Marie Dupont", "Me revoilà")
            received = await log.wait_for(MessageReceived, lambda e: e.message.text == "Me revoilà")
            assert received.message.interaction_id == iid
            assert log.of(ConversationReply) == []

    run(scenario)


def test_agent_starts_an_interaction_with_a_contact(tmp_path: Path) -> None:
    async def scenario() -> None:
        async with connected(tmp_path) as (backend, log):
            iid = await active_chat(backend, log, "Marie Dupont")
            backend.customers.leave(iid)
            cid = contact_id_of(log)
            new = await backend.start_interaction(cid, Channel.WHATSAPP)
            offer = await log.wait_for(InteractionOffered, lambda e: e.interaction.id == new)
            assert offer.interaction.outbound
            assert offer.interaction.channel is Channel.WHATSAPP
            await backend.send_message(new, "Bonjour depuis WhatsApp", "w1")
            assert backend.customers.received(new) == ["Bonjour depuis WhatsApp"]
            contact = await backend.contact(cid)
            assert contact is not None
            assert {a.channel for a in contact.channels} == {Channel.WEBCHAT, Channel.WHATSAPP}

    run(scenario)


def test_ended_chats_take_a_slot_when_configured(tmp_path: Path) -> None:
    async def scenario() -> None:
        async with connected(tmp_path, max_concurrent_chats=1, ended_chats_take_a_slot=True) as (
            backend,
            log,
        ):
            first = await active_chat(backend, log, "Client Un")
            second = backend.customers.start_chat("Client Deux", "Hello")
            await backend.end(first)
            await log.settle()
            assert [e.interaction.id for e in log.of(InteractionOffered)] == [first]
            await backend.mark_done(first)
            await log.settle()
            assert [e.interaction.id for e in log.of(InteractionOffered)] == [first, second]

    run(scenario)


def test_images_are_stored_with_their_message(tmp_path: Path) -> None:
    async def scenario() -> None:
        async with connected(tmp_path) as (backend, log):
            iid = await active_chat(backend, log, "Marie Dupont")
            await backend.send_image(iid, b"\x89PNG fake", "image/png", "photo.png", "i1")
            cid = contact_id_of(log)
            image = ImageAttachment(mime="image/gif", filename="a.gif", data=b"GIF89a")
            await backend.send_image_to_contact(cid, Channel.WEBCHAT, image, "i2")
            history = await backend.history(cid)
            images = [(m.text, m.image.mime) for m in history if m.image is not None]
            assert images == [("photo.png", "image/png"), ("a.gif", "image/gif")]
            assert backend.customers.received(iid) == ["photo.png"]

    run(scenario)


def test_paging_a_large_generated_history_costs_the_same(tmp_path: Path) -> None:
    store = DemoStore(tmp_path / "demo.sqlite3")
    store.open()
    try:
        assert store.schema_version == SCHEMA_VERSION
        big = Contact(id="big", name="Grand Historique")
        small = Contact(id="small", name="Petit Historique")
        for contact, count in ((big, 50_000), (small, 10)):
            messages = [
                Message(
                    id=f"{contact.id}-{n}",
                    interaction_id=f"i-{contact.id}",
                    author_id="contact:x",
                    author_name=contact.name,
                    author_role=PartyRole.CUSTOMER,
                    text=f"message {n}",
                    time=1_000_000.0 + n,
                )
                for n in range(count)
            ]
            cs.insert_generated_history(store, contact, f"i-{contact.id}", messages)

        def timed(contact_id: str) -> float:
            start = time.perf_counter()
            for _ in range(20):
                cs.history(store, contact_id, None, 50)
            return (time.perf_counter() - start) / 20

        timed("big")  # warm the cache
        big_s, small_s = timed("big"), timed("small")
        assert big_s < 0.02, big_s
        assert big_s < small_s * 10 + 0.005
        page = cs.history(store, "big", None, 50)
        assert [m.text for m in page][-1] == "message 49999" and len(page) == 50
        older = cs.history(store, "big", page[0].time, 50)
        assert older[-1].text == "message 49949"
        assert cs.history(store, "big", 1_000_000.0, 50) == []
        found = cs.search(store, "big", "MESSAGE 4999")
        assert len(found) == 11  # 4999 and 49990..49999
    finally:
        store.close()


def test_schema_one_database_is_migrated(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    from agent_desktop.backends.demo.store import MIGRATIONS

    with sqlite3.connect(path) as db:
        db.executescript(MIGRATIONS[0] + "PRAGMA user_version = 1;")
        db.execute("INSERT INTO contacts (id, name) VALUES ('c', 'Old')")
        db.execute(
            "INSERT INTO interactions (id, contact_id, channel, state, created_at)"
            " VALUES ('i', 'c', 'webchat', 'done', 1)"
        )
        db.execute(
            "INSERT INTO messages (id, interaction_id, contact_id, author_id, author_name,"
            " author_role, text, time) VALUES ('m', 'i', 'c', 'agent:a', 'A', 'agent', 'hi', 2)"
        )
    db.close()
    store = DemoStore(path)
    store.open()
    try:
        assert store.schema_version == SCHEMA_VERSION == 3
        assert cs.received_by(store, "c") == ["hi"]  # old messages count as delivered
    finally:
        store.close()
