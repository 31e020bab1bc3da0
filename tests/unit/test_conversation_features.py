"""Each part of the conversation UI follows its own capability (core/conversation_features.py)."""

from __future__ import annotations

from agent_desktop.backends.demo import DemoBackend
from agent_desktop.backends.matrix import MatrixBackend
from agent_desktop.core.conversation_features import ConversationFeatures
from agent_desktop.core.types import Capability


def test_matrix_gets_every_part_but_writing_outside_a_chat() -> None:
    features = ConversationFeatures.of(MatrixBackend.capabilities)
    assert features.conversation_tab and features.communication_view
    assert (features.history, features.search, features.images, features.contacts) == (
        True,
        True,
        True,
        True,
    )
    assert not features.async_chat and not features.public_posts


def test_the_demo_gets_everything() -> None:
    features = ConversationFeatures.of(DemoBackend.capabilities)
    assert features == ConversationFeatures(
        history=True, search=True, images=True, contacts=True, async_chat=True, public_posts=True
    )


def test_each_part_follows_its_capability() -> None:
    assert not ConversationFeatures.of(()).any
    for capability in (Capability.HISTORY, Capability.SEARCH, Capability.IMAGES):
        features = ConversationFeatures.of({capability})
        assert features.conversation_tab and not features.communication_view
    contacts = ConversationFeatures.of({Capability.CONTACTS})
    assert contacts.communication_view and not contacts.conversation_tab and contacts.any
    assert ConversationFeatures.of({Capability.ASYNC_CHAT}).conversation_tab
    assert not ConversationFeatures.of({Capability.TRANSFER, Capability.TYPING}).any
