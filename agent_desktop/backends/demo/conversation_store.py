"""SQLite side of asynchronous conversations: store functions run on the demo store thread.

Each function takes the :class:`DemoStore` first, so that ``StoreThread.call`` runs it on the
store's thread like one of its methods. A contact's persistent conversation on a channel,
outside any live chat, is an interaction row in state ``async`` whose id is
:func:`conversation_id`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from agent_desktop.backends.demo.store import DemoStore, fold, message_from_row
from agent_desktop.core.models import (
    Contact,
    ImageAttachment,
    InteractionInfo,
    Message,
    PublicPost,
)
from agent_desktop.core.types import Channel, PartyRole

#: state of the interaction row that holds a contact's persistent conversation
ASYNC_STATE = "async"

_COLUMNS = (
    "m.id, m.interaction_id, m.author_id, m.author_name, m.author_role, m.text, m.time,"
    " m.txn_id, m.url, i.channel, g.mime, g.filename, g.width, g.height, g.data"
)
_FROM = (
    " FROM messages m JOIN interactions i ON i.id = m.interaction_id"
    " LEFT JOIN images g ON g.message_id = m.id"
)


def conversation_id(contact_id: str, channel: Channel) -> str:
    return f"async:{contact_id}:{channel.value}"


def ensure_conversation(store: DemoStore, contact: Contact, channel: Channel, now: float) -> str:
    """Save the contact and their persistent conversation on ``channel``; returns its id."""
    store.save_contact(contact)
    interaction_id = conversation_id(contact.id, channel)
    store.connection.execute(
        "INSERT OR IGNORE INTO interactions (id, contact_id, channel, state, created_at)"
        " VALUES (?, ?, ?, ?, ?)",
        (interaction_id, contact.id, channel.value, ASYNC_STATE, now),
    )
    return interaction_id


def add_message(
    store: DemoStore, message: Message, contact_id: str, *, delivered: bool = True
) -> str:
    """Store ``message`` (and its image) once per txn id; returns the stored id."""
    db = store.connection
    db.execute("BEGIN")
    try:
        if message.txn_id is not None:
            row = db.execute("SELECT id FROM messages WHERE txn_id = ?", (message.txn_id,))
            existing = row.fetchone()
            if existing is not None:
                db.execute("COMMIT")
                return str(existing[0])
        DemoStore.insert_message(db, message, contact_id, delivered=delivered)
        image = message.image
        if image is not None:
            db.execute(
                "INSERT INTO images (message_id, mime, filename, width, height, data)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (message.id, image.mime, image.filename, image.width, image.height, image.data),
            )
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")
    return message.id


def history(store: DemoStore, contact_id: str, before: float | None, limit: int) -> list[Message]:
    """The newest ``limit`` messages with the contact older than ``before``, oldest first.

    Uses the (contact, time) index: a page costs the same for 10 messages or 50,000.
    """
    rows = store.connection.execute(
        f"SELECT {_COLUMNS}{_FROM}"
        " WHERE m.contact_id = :contact AND (:before IS NULL OR m.time < :before)"
        " ORDER BY m.time DESC, m.rowid DESC LIMIT :limit",
        {"contact": contact_id, "before": before, "limit": limit},
    ).fetchall()
    return [_message(row) for row in reversed(rows)]


def search(store: DemoStore, contact_id: str, query: str) -> list[Message]:
    """The contact's messages holding ``query`` (case- and accent-insensitive), oldest first."""
    if not fold(query).strip():
        return []
    rows = store.connection.execute(
        f"SELECT {_COLUMNS}{_FROM}"
        " WHERE m.contact_id = ? AND instr(fold(m.text), ?) ORDER BY m.time, m.rowid",
        (contact_id, fold(query).strip()),
    ).fetchall()
    return [_message(row) for row in rows]


def interaction_infos(store: DemoStore, interaction_ids: Sequence[str]) -> list[InteractionInfo]:
    if not interaction_ids:
        return []
    placeholders = ", ".join("?" * len(interaction_ids))
    rows = store.connection.execute(
        "SELECT i.id, i.contact_id, i.channel, coalesce(i.accepted_at, i.created_at),"
        " i.ended_at, i.disposition, i.state, i.agent_id,"
        " (SELECT m.author_name FROM messages m WHERE m.interaction_id = i.id"
        "  AND m.author_role = 'agent' ORDER BY m.time LIMIT 1)"
        f" FROM interactions i WHERE i.id IN ({placeholders})",
        list(interaction_ids),
    ).fetchall()
    return [
        InteractionInfo(
            id=str(iid),
            contact_id=str(contact_id),
            channel=Channel(channel),
            started_at=float(started),
            ended_at=None if ended is None else float(ended),
            disposition=disposition,
            asynchronous=state == ASYNC_STATE,
            agent_name=agent_name or agent_id,
        )
        for (
            iid,
            contact_id,
            channel,
            started,
            ended,
            disposition,
            state,
            agent_id,
            agent_name,
        ) in rows
    ]


def deliver_pending(store: DemoStore, contact_id: str) -> int:
    """Mark every message written to the contact while away as delivered; returns how many."""
    cursor = store.connection.execute(
        "UPDATE messages SET delivered = 1 WHERE contact_id = ? AND delivered = 0",
        (contact_id,),
    )
    return cursor.rowcount


def received_by(store: DemoStore, contact_id: str) -> list[str]:
    """Everything the contact received from the company, across interactions, in order."""
    rows = store.connection.execute(
        "SELECT coalesce(url, text) FROM messages"
        " WHERE contact_id = ? AND author_role != ? AND delivered ORDER BY time, rowid",
        (contact_id, PartyRole.CUSTOMER.value),
    ).fetchall()
    return [str(row[0]) for row in rows]


def add_public_post(store: DemoStore, post: PublicPost, contact: Contact) -> None:
    store.save_contact(contact)
    store.connection.execute(
        "INSERT INTO public_posts (id, contact_id, network, text, time) VALUES (?, ?, ?, ?, ?)",
        (post.id, post.contact_id, post.network, post.text, post.time),
    )


def public_posts(store: DemoStore, contact_id: str | None, limit: int) -> list[PublicPost]:
    rows = store.connection.execute(
        "SELECT p.id, p.contact_id, c.name, p.network, p.text, p.time"
        " FROM public_posts p JOIN contacts c ON c.id = p.contact_id"
        " WHERE :contact IS NULL OR p.contact_id = :contact"
        " ORDER BY p.time DESC, p.rowid DESC LIMIT :limit",
        {"contact": contact_id, "limit": limit},
    ).fetchall()
    return [
        PublicPost(
            id=str(pid),
            contact_id=str(cid),
            author_name=str(name),
            network=str(network),
            text=str(text),
            time=float(time),
        )
        for pid, cid, name, network, text, time in reversed(rows)
    ]


def insert_generated_history(
    store: DemoStore, contact: Contact, interaction_id: str, messages: Sequence[Message]
) -> None:
    """Bulk-insert a generated history (tests and benchmarks of paging)."""
    store.save_contact(contact)
    db = store.connection
    db.execute("BEGIN")
    try:
        first = messages[0].time if messages else 0.0
        db.execute(
            "INSERT OR IGNORE INTO interactions (id, contact_id, channel, state, created_at,"
            " accepted_at, ended_at, done_at) VALUES (?, ?, ?, 'done', ?, ?, ?, ?)",
            (
                interaction_id,
                contact.id,
                Channel.WEBCHAT.value,
                first,
                first,
                messages[-1].time if messages else first,
                messages[-1].time if messages else first,
            ),
        )
        db.executemany(
            "INSERT INTO messages (id, interaction_id, contact_id, author_id, author_name,"
            " author_role, text, time) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                (
                    m.id,
                    m.interaction_id,
                    contact.id,
                    m.author_id,
                    m.author_name,
                    m.author_role.value,
                    m.text,
                    m.time,
                )
                for m in messages
            ],
        )
    except BaseException:
        db.execute("ROLLBACK")
        raise
    db.execute("COMMIT")


def _message(row: tuple[Any, ...]) -> Message:
    channel, mime, filename, width, height, data = row[9:]
    image = None
    if mime is not None:
        image = ImageAttachment(
            mime=str(mime),
            filename=str(filename),
            data=bytes(data),
            width=int(width),
            height=int(height),
        )
    return message_from_row(row, channel=Channel(channel), image=image)
