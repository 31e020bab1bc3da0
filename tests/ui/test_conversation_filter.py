"""The channel filter of the conversation model (the Communication view's Private filter):
built incrementally as history pages in and messages arrive, it equals a fresh build."""

from __future__ import annotations

from collections.abc import Coroutine
from typing import Any, cast

from hypothesis import given, settings
from hypothesis import strategies as st
from pytestqt.modeltest import ModelTester

from agent_desktop.backends.base import MessagingBackend
from agent_desktop.core.channels import PRIVATE_CHANNELS
from agent_desktop.core.models import Message
from agent_desktop.core.types import Channel, PartyRole
from agent_desktop.services.conversation_feed import ConversationFeed
from agent_desktop.services.tasks import TaskKeeper
from agent_desktop.ui.conversation_model import ConversationModel, ConversationRoles


class NoTasks:
    """Interaction infos are not needed here: their loading is dropped."""

    def spawn(self, coro: Coroutine[Any, Any, Any], name: str | None = None) -> None:
        coro.close()


def message(n: int, interaction: int, channel: Channel | None) -> Message:
    return Message(
        id=f"m{n}",
        interaction_id=f"i{interaction}",
        author_id="c",
        author_name="Contact",
        author_role=PartyRole.CUSTOMER,
        text=f"t{n}",
        time=float(n),
        channel=channel,
    )


def feed() -> ConversationFeed:
    return ConversationFeed(cast(MessagingBackend, None), "c", cast(TaskKeeper, NoTasks()))


def shown(model: ConversationModel) -> list[tuple[str, str]]:
    return [
        (
            str(model.index(r, 0).data(ConversationRoles.KIND)),
            str(model.index(r, 0).data(ConversationRoles.INTERACTION_ID)),
        )
        for r in range(model.rowCount())
    ]


def test_private_keeps_web_chat_messenger_and_x_and_unknown(qtmodeltester: ModelTester) -> None:
    f = feed()
    for n, (interaction, channel) in enumerate(
        [
            (1, Channel.WEBCHAT),
            (2, Channel.SMS),
            (3, Channel.MESSENGER),
            (4, Channel.WHATSAPP),
            (5, Channel.TWITTER),
            (6, None),
        ]
    ):
        f.add(message(n, interaction, channel))
    model = ConversationModel(f)
    model.set_channel_filter(PRIVATE_CHANNELS)
    qtmodeltester.check(model)  # type: ignore[no-untyped-call]
    texts = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert [t for t in texts if t.startswith("t")] == ["t0", "t2", "t4", "t5"]
    model.set_channel_filter(None)
    assert model.rowCount() == 12


channels = st.sampled_from([Channel.WEBCHAT, Channel.SMS, Channel.TWITTER, None])
runs = st.lists(st.tuples(st.integers(0, 3), channels), min_size=1, max_size=6)


@settings(max_examples=60, deadline=None)
@given(
    older=st.lists(runs, max_size=3),
    start=runs,
    newer=st.lists(runs, max_size=3),
)
def test_paging_and_arrivals_match_a_fresh_build(
    older: list[list[tuple[int, Channel | None]]],
    start: list[tuple[int, Channel | None]],
    newer: list[list[tuple[int, Channel | None]]],
) -> None:
    counter = iter(range(10_000))
    f = feed()
    for interaction, channel in start:
        f.add(message(next(counter), interaction, channel))
    model = ConversationModel(f)
    model.set_channel_filter(PRIVATE_CHANNELS)
    unfiltered = ConversationModel(f)
    for page in older:
        f._prepend([message(next(counter), i, c) for i, c in page])
    for page in newer:
        for interaction, channel in page:
            f.add(message(next(counter), interaction, channel))
    fresh = ConversationModel(f)
    fresh.set_channel_filter(PRIVATE_CHANNELS)
    assert shown(model) == shown(fresh)
    assert shown(unfiltered) == shown(ConversationModel(f))
