"""The core-loop UI tests of tests/ui/test_core_loop.py, on Matrix against a real Synapse.

The test functions are imported unchanged; the ``start`` and ``h`` fixtures below start
the harness on the matrix backend, with a fresh agent account and Matrix customers.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from agent_desktop.backends.matrix import MatrixBackend
from agent_desktop.backends.matrix.backend import store_login
from agent_desktop.core.images import ImageLimits
from agent_desktop.core.models import AgentIdentity
from agent_desktop.core.types import DeliveryState, PartyRole
from agent_desktop.testing import AppHarness, child
from agent_desktop.testing.matrix_customers import MatrixCustomerSimulator
from agent_desktop.testing.synapse import RegisteredUser, SynapseServer
from agent_desktop.ui.chat_view import ChatView
from agent_desktop.ui.conversation_delegate import ConversationDelegate
from agent_desktop.ui.transcript_model import Roles
from tests.ui.conftest import StartHarness
from tests.ui.test_core_loop import *  # noqa: F403  (the same tests, collected here too)
from tests.ui.test_images import encoded
from tests.ui.test_interaction_actions import choose, consultation


@pytest.fixture
def start(qtbot: QtBot, tmp_path: Path, synapse: SynapseServer) -> Iterator[StartHarness]:
    started: dict[AppHarness, tuple[RegisteredUser, MatrixCustomerSimulator]] = {}

    def _start(
        settings: dict[str, Any] | None = None,
        *,
        restart: AppHarness | None = None,
        **kwargs: Any,
    ) -> AppHarness:
        """``restart``: close that app and start it again (same agent, profile and
        customers) instead of a fresh agent."""
        merged = {"chat": {"notification_sound": False}} if settings is None else settings
        if restart is not None:
            user, customers = started[restart]
            restart.close()
        else:
            user = synapse.register(displayname="Alex Martin")
            customers = MatrixCustomerSimulator(synapse, user.user_id)
        config = {
            "homeserver": synapse.url,
            "user_id": user.user_id,
            "backoff_base_s": 0.1,
            "backoff_cap_s": 1.0,
            "sync_timeout_s": 5,
            **kwargs.pop("matrix", {}),
        }
        # logged in already: the registration's token waits in the (test) keyring
        store_login(config["homeserver"], user.user_id, user.access_token, user.device_id)
        h = AppHarness.start(
            qtbot,
            tmp_path / user.localpart,
            settings=merged,
            backend="matrix",
            backend_config=config,
            customers=customers,
            agent=AgentIdentity(id=user.localpart, name="Alex Martin"),
            **kwargs,
        )
        started[h] = (user, customers)
        return h

    yield _start
    for h, (_user, customers) in started.items():
        h.close()
        customers.close()


@pytest.fixture
def h(start: StartHarness) -> AppHarness:
    return start()


def test_connection_state_shown_and_nothing_lost_across_a_server_restart(
    h: AppHarness, synapse: SynapseServer
) -> None:
    label = child(h.window, QLabel, "connectionStatus")
    assert label.property("state") == "connected"
    iid = h.customers.start_chat("Marie", "Bonjour")
    view = h.accept(iid)
    synapse.stop()
    try:
        h.wait_until(lambda: label.property("state") == "reconnecting", timeout=10)
        for text in ("First while away", "Second while away"):
            view.composer.setPlainText(text)
            view.send_button.click()
    finally:
        synapse.start()
    h.wait_until(lambda: label.property("state") == "connected", timeout=20)
    h.wait_until(
        lambda: h.customers.received(iid) == ["First while away", "Second while away"],
        timeout=20,
    )
    model = view.transcript.model()
    h.wait_until(
        lambda: all(
            model.index(r, 0).data(Roles.DELIVERY) == DeliveryState.SENT.value
            for r in range(1, model.rowCount())
        )
    )


# Matrix only: customer images, and a consultation handed over through the UI -------------
def png_bytes(width: int, height: int) -> bytes:
    return encoded("PNG", width, height)


def transcript_rows(view: ChatView) -> list[tuple[str, str]]:
    model = view.transcript.model()
    return [
        (str(model.index(r, 0).data()), str(model.index(r, 0).data(Roles.AUTHOR_ROLE)))
        for r in range(model.rowCount())
    ]


def test_a_customer_image_shows_in_the_transcript(h: AppHarness) -> None:
    customers = h.customers
    assert isinstance(customers, MatrixCustomerSimulator)
    iid = customers.start_chat("Marie", "Bonjour")
    view = h.accept(iid)
    customers.send_image(iid, png_bytes(120, 80), "photo.png")
    model = view.transcript.model()
    h.wait_until(lambda: model.rowCount() == 2)
    assert transcript_rows(view)[1] == ("photo.png", PartyRole.CUSTOMER.value)
    delegate = view.delegate
    assert isinstance(delegate, ConversationDelegate)
    thumb = delegate.thumbnail(model.index(1, 0))
    assert isinstance(thumb, QImage) and (thumb.width(), thumb.height()) == (120, 80)
    assert delegate.thumbnail(model.index(0, 0)) is None


def test_bogus_and_oversized_customer_images_are_refused_with_a_notice(h: AppHarness) -> None:
    customers = h.customers
    assert isinstance(customers, MatrixCustomerSimulator)
    backend = h.desktop.backend
    assert isinstance(backend, MatrixBackend)
    backend.image_limits = ImageLimits(max_bytes=4000)
    iid = customers.start_chat("Marie", "Bonjour")
    view = h.accept(iid)
    customers.send_image(iid, b"MZ\x90\x00 not a picture at all", "invoice.png")
    # it claims to be small: the download itself stops at the limit
    customers.send_image(iid, png_bytes(1200, 900) + b"\x00" * 5000, "huge.png", declared=900)
    customers.say(iid, "Vous les voyez ?")
    h.wait_until(lambda: transcript_rows(view)[-1:] == [("Vous les voyez ?", "customer")])
    rows = transcript_rows(view)
    customer, system = PartyRole.CUSTOMER.value, PartyRole.SYSTEM.value
    assert [role for _, role in rows] == [customer, customer, system, customer, system, customer]
    assert [rows[1][0], rows[3][0]] == ["invoice.png", "huge.png"]
    notices = [rows[2][0], rows[4][0]]
    assert "invoice.png" in notices[0] and "only PNG, JPEG, GIF and WebP" in notices[0]
    assert "huge.png" in notices[1] and "too large (the limit is 4000 bytes)" in notices[1]
    delegate = view.delegate
    assert isinstance(delegate, ConversationDelegate)
    model = view.transcript.model()
    assert all(delegate.thumbnail(model.index(r, 0)) is None for r in range(model.rowCount()))


def test_consultation_complete_transfer_through_the_ui(start: StartHarness) -> None:
    alias_name = f"team-{uuid.uuid4().hex[:8]}"
    h = start(matrix={"team_room": f"#{alias_name}:localhost"})
    customers = h.customers
    assert isinstance(customers, MatrixCustomerSimulator)
    backend = h.desktop.backend
    assert isinstance(backend, MatrixBackend)
    colleague = "Bea Colleague"
    bea = customers.user_id(colleague)
    # the team room (public: the agent joins it when the picker first lists colleagues)
    customers.create_room(colleague, {"preset": "public_chat", "room_alias_name": alias_name})
    iid = customers.start_chat("Marie Dupont", "Bonjour")
    view = h.accept(iid)
    choose(h, view, "consultButton", colleague)
    cv = consultation(h, view)
    actions = h.window.interaction_actions
    assert actions is not None
    h.wait_until(lambda: (c := actions.consultation(iid)) is not None and c.id is not None)
    consult = actions.consultation(iid)
    assert consult is not None and consult.id is not None
    customers.join(colleague, consult.id)
    complete = child(cv, QPushButton, "completeTransferButton")
    h.wait_until(complete.isEnabled)
    complete.click()
    h.wait_until(lambda: h.chat_view(iid) is None)
    customers.join(colleague, iid)  # only an invited user can join the customer's room
    assert customers.membership(colleague, iid, bea) == "join"
    assert customers.membership(colleague, iid, backend.user_id) == "leave"
