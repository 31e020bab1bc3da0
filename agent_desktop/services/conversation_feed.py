"""One contact's whole conversation: history paged in from the backend, plus what happens now.

The feed owns the messages (store, not view model): older pages are prepended as the agent
scrolls up, live messages are appended, local echoes turn sent or failed by txn id. A
message already present (by id or txn id) is never added twice, so a history page that
overlaps what arrived live is harmless.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

from PySide6.QtCore import QObject, Signal

from agent_desktop.backends.base import BackendError, MessagingBackend
from agent_desktop.core.models import InteractionInfo, Message
from agent_desktop.core.types import Capability, DeliveryState
from agent_desktop.services.images import received_refusal_message
from agent_desktop.services.tasks import TaskKeeper

log = logging.getLogger(__name__)

#: messages fetched per page as the agent scrolls up
PAGE_SIZE = 50
#: larger pages when jumping to an old search result
SEEK_PAGE_SIZE = 500


class ConversationFeed(QObject):
    """Messages with one contact, oldest first; rows are stable positions in this list."""

    aboutToPrepend = Signal(int)  # count
    prepended = Signal(int)
    aboutToAppend = Signal(int, int)  # first, last row
    appended = Signal(int, int)
    rowChanged = Signal(int)
    aboutToReset = Signal()
    reset = Signal()
    loadingChanged = Signal(bool)
    infosChanged = Signal()
    searchFinished = Signal(list)  # matching message ids, oldest first
    failed = Signal(str)

    def __init__(
        self,
        backend: MessagingBackend,
        contact_id: str,
        tasks: TaskKeeper,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.backend = backend
        self.contact_id = contact_id
        self._tasks = tasks
        self._messages: list[Message] = []
        self._ids: set[str] = set()
        self._txns: set[str] = set()
        self.infos: dict[str, InteractionInfo] = {}
        self.loading = False
        self.exhausted = False
        self._opened = False
        self._generation = 0
        self._match_times: dict[str, float] = {}

    def __len__(self) -> int:
        return len(self._messages)

    def __getitem__(self, row: int) -> Message:
        return self._messages[row]

    def messages(self) -> list[Message]:
        return list(self._messages)

    def has_txn(self, txn_id: str) -> bool:
        return txn_id in self._txns

    def row_of(self, message_id: str) -> int | None:
        for row in range(len(self._messages) - 1, -1, -1):
            if self._messages[row].id == message_id:
                return row
        return None

    @property
    def can_load_older(self) -> bool:
        return not self.exhausted and not self.loading

    # loading --------------------------------------------------------------------------
    def open(self) -> None:
        """Load the newest page once (later calls do nothing)."""
        if not self._opened:
            self._opened = True
            self.load_older()

    def load_older(self, limit: int = PAGE_SIZE, then: Callable[[], None] | None = None) -> bool:
        """Fetch the page before the oldest loaded message; False if one is on its way."""
        if not self.can_load_older:
            return False
        if not self.backend.has(Capability.HISTORY):
            self.exhausted = True  # no earlier page: only what happens now shows
            return False
        self._set_loading(True)
        generation = self._generation
        before = self._messages[0].time if self._messages else None

        async def run() -> None:
            try:
                page = await self.backend.history(self.contact_id, before, limit)
                if generation != self._generation:
                    return  # refreshed meanwhile
                self.exhausted = len(page) < limit
                self._prepend(page)
                # always fresh: an earlier look may predate the agent's reply or disposition
                await self._load_infos(page, fresh=True)
            except (BackendError, OSError) as exc:
                log.warning("history of %s: %s", self.contact_id, exc)
                self.failed.emit(str(exc))
            finally:
                if generation == self._generation:
                    self._set_loading(False)
            if then is not None and generation == self._generation:
                then()

        # unnamed: a named task would cancel a same-named one still finishing its last step
        self._tasks.spawn(run())
        return True

    def refresh(self) -> None:
        """Forget everything and load the newest page again."""
        self._generation += 1
        self.aboutToReset.emit()
        self._messages.clear()
        self._ids.clear()
        self._txns.clear()
        self.infos.clear()
        self.exhausted = False
        self.reset.emit()
        self._set_loading(False)
        self.load_older()

    def load_until(self, time: float, then: Callable[[], None]) -> None:
        """Page in (large pages) until the message at ``time`` is loaded, then call ``then``."""
        if self.exhausted or (self._messages and self._messages[0].time <= time):
            then()
            return
        if not self.load_older(SEEK_PAGE_SIZE, then=lambda: self.load_until(time, then)):
            then()

    def _set_loading(self, loading: bool) -> None:
        if loading != self.loading:
            self.loading = loading
            self.loadingChanged.emit(loading)

    async def _load_infos(self, messages: Sequence[Message], *, fresh: bool = False) -> None:
        wanted = {m.interaction_id for m in messages}
        missing = sorted(wanted if fresh else wanted - self.infos.keys())
        if not missing:
            return
        try:
            infos = await self.backend.interaction_infos(missing)
        except (BackendError, OSError) as exc:
            log.info("no interaction details for %s: %s", self.contact_id, exc)
            return
        for info in infos:
            self.infos[info.id] = info
        self.infosChanged.emit()

    def _fresh(self, message: Message) -> bool:
        return message.id not in self._ids and (
            message.txn_id is None or message.txn_id not in self._txns
        )

    def _remember(self, message: Message) -> None:
        self._ids.add(message.id)
        if message.txn_id is not None:
            self._txns.add(message.txn_id)

    def _prepend(self, page: Sequence[Message]) -> None:
        # an image the backend did not show says why, as in a live chat
        shown = [n for m in page for n in (m, received_refusal_message(m)) if n is not None]
        fresh = [m for m in shown if self._fresh(m)]
        if not fresh:
            return
        self.aboutToPrepend.emit(len(fresh))
        self._messages[:0] = fresh
        for message in fresh:
            self._remember(message)
        self.prepended.emit(len(fresh))

    # live -----------------------------------------------------------------------------
    def add(self, message: Message) -> bool:
        """Append a message that happens now; an echo's server copy replaces it in place."""
        if message.id in self._ids:
            return False
        if message.txn_id is not None and message.txn_id in self._txns:
            return self._replace_txn(message)
        row = len(self._messages)
        self.aboutToAppend.emit(row, row)
        self._messages.append(message)
        self._remember(message)
        self.appended.emit(row, row)
        if message.interaction_id not in self.infos:
            self._tasks.spawn(self._load_infos([message]), f"infos:{message.interaction_id}")
        return True

    def _replace_txn(self, message: Message) -> bool:
        for row in range(len(self._messages) - 1, -1, -1):
            old = self._messages[row]
            if old.txn_id == message.txn_id:
                update = message
                if old.image is not None and message.image is None:
                    update = message.model_copy(update={"image": old.image})
                self._ids.discard(old.id)
                self._messages[row] = update
                self._ids.add(update.id)
                self.rowChanged.emit(row)
                return False
        return False

    def set_delivery(self, txn_id: str, state: DeliveryState) -> None:
        for row in range(len(self._messages) - 1, -1, -1):
            old = self._messages[row]
            if old.txn_id == txn_id:
                self._messages[row] = old.model_copy(update={"delivery": state})
                self.rowChanged.emit(row)
                return

    # search ---------------------------------------------------------------------------
    def search(self, query: str) -> None:
        """Ask the backend for the messages holding ``query``; answers with searchFinished."""
        query = query.strip()
        if not query:
            self.searchFinished.emit([])
            return

        async def run() -> None:
            try:
                found = await self.backend.search_messages(self.contact_id, query)
            except (BackendError, OSError) as exc:
                self.failed.emit(str(exc))
                self.searchFinished.emit([])
                return
            self._match_times = {m.id: m.time for m in found}
            self.searchFinished.emit([m.id for m in found])

        self._tasks.spawn(run(), f"search:{self.contact_id}:{id(self)}")

    def time_of_match(self, message_id: str) -> float | None:
        return self._match_times.get(message_id)
