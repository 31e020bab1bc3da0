"""Which parts of the conversation UI a backend's capabilities carry.

Each part follows its own capability, so that a backend without asynchronous chat (Matrix)
still gets history, search, images and the contact directory:

- the Conversation tab of a chat view: with history, search or images (or asynchronous
  chat); its search bar with search; its attach button with images;
- the Communication view: with the contact directory; its Public filter with public posts;
- writing outside a live chat (to a contact who left, on another channel, from the
  Communication view), reactivating an ended chat, starting a chat, contact presence:
  only with asynchronous chat. Without it, the Conversation tab writes into its live chat
  only, and the Communication view shows the history without a composer.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from agent_desktop.core.types import Capability


@dataclass(frozen=True)
class ConversationFeatures:
    history: bool = False
    search: bool = False
    images: bool = False
    contacts: bool = False
    async_chat: bool = False
    public_posts: bool = False

    @classmethod
    def of(cls, capabilities: Iterable[Capability]) -> ConversationFeatures:
        caps = frozenset(capabilities)
        return cls(
            history=Capability.HISTORY in caps,
            search=Capability.SEARCH in caps,
            images=Capability.IMAGES in caps,
            contacts=Capability.CONTACTS in caps,
            async_chat=Capability.ASYNC_CHAT in caps,
            public_posts=Capability.PUBLIC_POSTS in caps,
        )

    @property
    def conversation_tab(self) -> bool:
        """Chat views get a Conversation tab."""
        return self.history or self.search or self.images or self.async_chat

    @property
    def communication_view(self) -> bool:
        """The main window gets the Communication tab (the contact directory)."""
        return self.contacts

    @property
    def any(self) -> bool:
        return self.conversation_tab or self.communication_view
