"""Wires chat views' action widgets to :class:`InteractionActions` (one place, like
``MainWindow._connect_signals``): target pickers, consultation views, party menus,
disposition panels and busy states."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QPoint
from PySide6.QtWidgets import QWidget

from agent_desktop.backends.base import Target
from agent_desktop.core.types import Capability
from agent_desktop.services.actions import InteractionActions
from agent_desktop.services.settings_store import SettingsStore
from agent_desktop.ui.chat_view import ChatView
from agent_desktop.ui.consultation_view import ConsultationView
from agent_desktop.ui.party_list import PartyRoles
from agent_desktop.ui.party_menu import PartyMenu, party_actions
from agent_desktop.ui.target_picker import TargetPicker
from agent_desktop.ui.theme import Theme

ViewLookup = Callable[[str], ChatView | None]


class ActionsController(QObject):
    """Owns the popups of the interaction actions and keeps the views in step."""

    def __init__(
        self,
        actions: InteractionActions,
        settings: SettingsStore,
        views: ViewLookup,
        theme: Theme,
        window: QWidget,
    ) -> None:
        super().__init__(window)
        self.actions = actions
        self.settings = settings
        self._views = views
        self._window = window
        self.theme = theme
        self.pickers: dict[str, TargetPicker] = {}
        self.consultation_views: dict[str, ConsultationView] = {}
        self.party_menu: PartyMenu | None = None
        actions.consultationChanged.connect(self._consultation_changed)
        actions.targetsFound.connect(self._targets_found)
        actions.session.busyChanged.connect(self._busy)
        settings.changed.connect(self._settings_changed)
        actions.session.store.removed.connect(self._removed)

    # attaching a chat view ------------------------------------------------------------------
    def attach(self, view: ChatView, iid: str) -> None:
        actions = self.actions
        capabilities = actions.backend.capabilities
        buttons = view.action_buttons
        buttons.set_capabilities(capabilities)
        buttons.set_theme(self.theme)
        buttons.transferRequested.connect(lambda: self.open_picker(iid, "transfer"))
        buttons.conferenceRequested.connect(lambda: self.open_picker(iid, "conference"))
        buttons.consultRequested.connect(lambda: self.open_picker(iid, "consult"))
        buttons.callRequested.connect(lambda: actions.call_contact(iid))
        buttons.emailRequested.connect(lambda: actions.email_contact(iid))
        panel = view.disposition
        panel.setVisible(Capability.DISPOSITION in capabilities)
        self._sync_codes(view, iid)
        panel.set_note(actions.wrap_up(iid).note)
        panel.dispositionChanged.connect(lambda code: actions.set_disposition(iid, code or None))
        panel.noteChanged.connect(lambda note: actions.set_note(iid, note))
        view.party_list.customContextMenuRequested.connect(
            lambda pos: self.open_party_menu(view, iid, pos)
        )

    def mark_done(self, iid: str) -> None:
        view = self._views(iid)
        if view is not None:
            view.disposition.flush()
        self.actions.mark_done(iid)

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        for picker in self.pickers.values():
            picker.set_theme(theme)
        for consultation_view in self.consultation_views.values():
            consultation_view.set_theme(theme)

    # target picker ----------------------------------------------------------------------------
    def open_picker(self, iid: str, kind: str) -> TargetPicker:
        existing = self.pickers.get(iid)
        if existing is not None:
            existing.close()
        titles = {
            "transfer": self.tr("Transfer the chat to…"),
            "conference": self.tr("Add to the chat…"),
            "consult": self.tr("Consult a colleague…"),
        }
        picker = TargetPicker(
            titles[kind], self.theme, queues=kind == "transfer", parent=self._window
        )
        picker.setProperty("action", kind)
        picker.setProperty("interactionId", iid)
        self.pickers[iid] = picker
        picker.searchRequested.connect(self.actions.find_targets)
        picker.chosen.connect(lambda target: self._chosen(iid, kind, target))

        def finished() -> None:
            if self.pickers.get(iid) is picker:
                del self.pickers[iid]
            picker.deleteLater()

        picker.finished.connect(finished)
        picker.open()
        picker.search.setFocus()
        self.actions.find_targets("")
        return picker

    def _chosen(self, iid: str, kind: str, target: Target) -> None:
        if kind == "transfer":
            self.actions.transfer(iid, target)
        elif kind == "conference":
            self.actions.conference(iid, target)
        else:
            self.actions.consult(iid, target)

    def _removed(self, iid: str) -> None:
        """The chat left the desk: a picker still open for it has nothing left to act on."""
        picker = self.pickers.get(iid)
        if picker is not None:
            picker.reject()

    def _targets_found(self, query: str, targets: list[Target]) -> None:
        for picker in self.pickers.values():
            picker.set_targets(query, targets)

    # consultation -------------------------------------------------------------------------------
    def _consultation_changed(self, iid: str) -> None:
        consultation = self.actions.consultation(iid)
        current = self.consultation_views.get(iid)
        if current is not None and (
            consultation is None or current.consultation is not consultation
        ):
            del self.consultation_views[iid]
            current.hide()
            current.deleteLater()
            current = None
        view = self._views(iid)
        if consultation is None or view is None:
            return
        if current is None:
            current = ConsultationView(consultation, self.theme, view)
            current.sendRequested.connect(lambda text: self.actions.send_consultation(iid, text))
            current.completeTransferRequested.connect(lambda: self.actions.complete_transfer(iid))
            current.conferenceRequested.connect(
                lambda: self.actions.consultation_to_conference(iid)
            )
            current.endRequested.connect(lambda: self.actions.end_consultation(iid))
            self.consultation_views[iid] = current
            view.splitter.insertWidget(1, current)
            sizes = view.splitter.sizes()
            if len(sizes) == 3:
                total = sum(sizes)
                view.splitter.setSizes([total - 320 - sizes[2], 320, sizes[2]])
        current.sync_state()

    # party menu ---------------------------------------------------------------------------------
    def open_party_menu(self, view: ChatView, iid: str, pos: QPoint) -> PartyMenu | None:
        index = view.party_list.indexAt(pos)
        if not index.isValid():
            return None
        party_id = str(index.data(PartyRoles.PARTY_ID))
        record = view.record
        party = next((p for p in record.parties if p.id == party_id), None)
        if party is None:
            return None
        if self.party_menu is not None:
            self.party_menu.close()
            self.party_menu.deleteLater()
        menu = PartyMenu(
            party, party_actions(party, record, self.actions.backend.capabilities), view
        )
        menu.chosen.connect(lambda action, pid: self._party_action(iid, action, pid))
        self.party_menu = menu
        menu.popup(view.party_list.viewport().mapToGlobal(pos))
        return menu

    def _party_action(self, iid: str, action: str, party_id: str) -> None:
        if action == "call":
            self.actions.call_contact(iid)
        elif action == "email":
            self.actions.email_contact(iid)
        elif action == "remove":
            self.actions.remove_party(iid, party_id)
        elif action == "leave":
            self.actions.leave_conference(iid)

    # busy and settings --------------------------------------------------------------------------
    def _busy(self, key: str, busy: bool) -> None:
        action, _, iid = key.partition(":")
        view = self._views(iid)
        if view is not None:
            view.action_buttons.set_busy(action, busy)
        consultation_view = self.consultation_views.get(iid)
        if consultation_view is not None:
            consultation_view.set_busy(action, busy)

    def _sync_codes(self, view: ChatView, iid: str) -> None:
        disposition = self.settings.settings.disposition
        view.disposition.set_codes(
            self.actions.disposition_codes(),
            self.actions.wrap_up(iid).disposition,
            disposition.mandatory,
        )

    def _settings_changed(self) -> None:
        for record in self.actions.session.store:
            view = self._views(record.id)
            if view is not None:
                self._sync_codes(view, record.id)
