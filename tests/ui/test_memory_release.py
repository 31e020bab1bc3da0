"""What a long session must let go: a served contact's history (docs/performance.md, soak)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent

from agent_desktop.core.types import InteractionState
from agent_desktop.testing import AppHarness


def test_a_done_chat_lets_its_contacts_history_go(h: AppHarness) -> None:
    service = h.desktop.conversations
    session = h.desktop.session
    assert service is not None and session is not None
    iid = h.customers.start_chat("Chloé Martin", "Bonjour")
    view = h.accept(iid)
    contact = view.record.contact.id
    assert contact in service.kept_feeds()  # the chat's Conversation tab reads it
    h.customers.leave(iid)
    h.wait_until(lambda: view.record.state is InteractionState.ENDED)
    session.mark_done(iid)
    h.wait_until(lambda: iid not in h.window.views)

    def released() -> bool:
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        return contact not in service.kept_feeds()

    h.wait_until(released)


def test_the_communication_views_contact_keeps_its_history(h: AppHarness) -> None:
    service = h.desktop.conversations
    assert service is not None
    iid = h.customers.start_chat("Chloé Martin", "Bonjour")
    contact = h.accept(iid).record.contact.id
    feed = service.feed(contact)  # as the Communication view opens it
    service.release(contact)  # the chat's tab goes
    assert contact in service.kept_feeds()
    assert service.feed(contact) is feed


def test_contacts_who_left_keep_no_presence_entry(h: AppHarness) -> None:
    service = h.desktop.conversations
    assert service is not None
    chats = [h.customers.start_chat(f"Client {n}", "Bonjour") for n in range(3)]
    contacts = {h.accept(iid).record.contact.id for iid in chats}
    h.wait_until(lambda: service.connected_contacts() == contacts)
    for iid in chats:
        h.customers.leave(iid)
    # a session serves thousands of contacts: the ones gone leave nothing behind
    h.wait_until(lambda: service.connected_contacts() == frozenset())
    assert h.backend._conversations._presence == {}  # the demo's own bookkeeping too
