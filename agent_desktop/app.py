"""Composition root: settings, backend choice, services and the main window."""

from __future__ import annotations

import logging
import sys
import threading
from typing import TYPE_CHECKING, Any, cast

import shiboken6
from pydantic import ValidationError
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from agent_desktop.backends import registry
from agent_desktop.backends.base import BackendContext, MessagingBackend
from agent_desktop.core.emoji import default_catalog
from agent_desktop.core.models import AgentIdentity
from agent_desktop.core.paths import ProfilePaths, os_user_name
from agent_desktop.core.settings import merge
from agent_desktop.core.standard_responses import FILE_NAME as STANDARD_RESPONSES_FILE
from agent_desktop.core.types import ConnectionState
from agent_desktop.services.bridge import MessageBridge
from agent_desktop.services.conversations import ConversationService
from agent_desktop.services.drafts import DraftKeeper
from agent_desktop.services.interaction_log_store import LOG_FILE_NAME
from agent_desktop.services.interaction_recorder import InteractionRecorder
from agent_desktop.services.interaction_store import InteractionStore
from agent_desktop.services.outbox import OutboxKeeper
from agent_desktop.services.session import AgentSession
from agent_desktop.services.settings_store import SettingsStore
from agent_desktop.services.spelling import SpellingService
from agent_desktop.services.standard_responses import StandardResponses
from agent_desktop.services.state_store import LocalState
from agent_desktop.services.statistics import StatisticsService
from agent_desktop.ui.composer_tools import ui_language
from agent_desktop.ui.first_paint import when_first_painted
from agent_desktop.ui.login_dialog import LoginDialog
from agent_desktop.ui.main_window import MainWindow
from agent_desktop.ui.productivity import ProductivityController
from agent_desktop.ui.startup_window import remember_system_theme
from agent_desktop.ui.theme import ThemeMode, apply_theme

if TYPE_CHECKING:
    from agent_desktop.backends.matrix import MatrixBackend

log = logging.getLogger(__name__)


def tr(text: str) -> str:
    # lupdate files the calls of module-level helpers under the empty context
    return QCoreApplication.translate("", text)


class AgentDesktop:
    """Everything the app is made of, built from a profile, settings and a backend name."""

    def __init__(
        self,
        app: QApplication,
        paths: ProfilePaths,
        *,
        backend_name: str | None = None,
        settings_overrides: dict[str, Any] | None = None,
        backend_overrides: dict[str, Any] | None = None,
        agent: AgentIdentity | None = None,
        window: MainWindow | None = None,
    ) -> None:
        """``window``: the main window's frame when start-up painted it already
        (``__main__``); it is built here otherwise."""
        paths.create()
        self.app = app
        #: the main window has been painted once (start-up is over: see _after_first_paint)
        self.painted = False
        self.paths = paths
        self.settings_store = SettingsStore(paths.settings_file)
        settings = self.settings_store.load(settings_overrides)
        self.bridge = MessageBridge()
        self.store = InteractionStore(
            warning_s=settings.chat.pending_response_warning_s,
            max_s=settings.chat.pending_response_max_s,
            typing_timeout_s=settings.chat.typing_timeout_s,
        )
        user = os_user_name()
        self.agent = agent or AgentIdentity(
            id=user, name=user.capitalize(), nickname=settings.chat.nickname
        )
        name = backend_name or settings.backend
        self.backend: MessagingBackend | None = None
        self.load_error: str | None = None
        try:
            backend_cls = registry.load(name)
            config = merge(settings.backends.get(name, {}), backend_overrides or {})
            context = BackendContext(data_dir=paths.data_dir / name, cache_dir=paths.cache_dir)
            context.data_dir.mkdir(parents=True, exist_ok=True)
            self.backend = backend_cls.create(config, context)
            # keys the backend ignores now (a password, an old switch) leave the file
            stored = settings.backends.get(name, {})
            retired = sorted(set(stored) - set(backend_cls.config_model.model_fields))
            if retired:
                self.settings_store.drop_backend_keys(name, retired)
        except registry.BackendLoadError as exc:
            self.load_error = str(exc)
        except ValidationError as exc:
            self.load_error = f"the configuration of the backend {name!r} is invalid: {exc}"
        if self.load_error:
            log.error("backend unavailable: %s", self.load_error)
        self.session = (
            AgentSession(self.backend, self.store, self.settings_store, self.agent, self.bridge)
            if self.backend is not None
            else None
        )
        # before the window, so that an accepted chat is logged before its view shows
        self.recorder = InteractionRecorder(
            paths.data_dir / LOG_FILE_NAME, self.store, self.agent.id, backend=self.backend
        )
        if self.session is not None:
            self.recorder.attach_session(self.session)
        self.statistics = StatisticsService(self.recorder, self.settings_store, self.bridge)
        self.theme = apply_theme(app, settings.ui.theme)
        self._remember_theme()
        if window is None:
            window = MainWindow(self.theme, self.agent.display_name)
        else:
            # the frame was built from a peek at the settings: the validated ones decide
            window.set_agent_name(self.agent.display_name)
            if window.theme is not self.theme:
                window.set_theme(self.theme)
        self.window = window
        window.attach(self.session, self.store, self.settings_store, self.bridge)
        self.local_state = LocalState(paths.state_db, default_catalog, self.settings_store)
        self.window.attach_local_state(self.local_state)
        #: the composer's unsent text of every chat, kept across restarts
        self.drafts = DraftKeeper(self.local_state, self.store)
        self.window.attach_drafts(self.drafts)
        #: unconfirmed messages, sent again after a reconnect or a restart
        self.outbox = (
            OutboxKeeper(self.session, self.local_state) if self.session is not None else None
        )
        self.login_dialog: LoginDialog | None = None
        if self.session is not None:
            self.session.connectionChanged.connect(self._connection_changed)
        self.window.log_dir = paths.log_dir
        self.window.attach_statistics(self.statistics)
        self.window.viewFocusChanged.connect(self.recorder.set_focus)
        self.window.loginRequested.connect(self._open_login_dialog)
        if self.window.interaction_actions is not None:
            self.window.interaction_actions.consultationStarted.connect(
                self.recorder.record_consultation
            )
        self.conversations: ConversationService | None = None
        if self.session is not None:
            # not a child of the window: its tasks must outlive a window deleted first
            self.conversations = ConversationService(
                self.session, self.store, self.bridge, outbox=self.outbox
            )
            if self.conversations.features.any:
                self.window.set_conversations(self.conversations)
        self.settings_store.changed.connect(self._settings_changed)
        app.styleHints().colorSchemeChanged.connect(lambda _scheme: self._settings_changed())
        app.styleHints().accessibility().contrastPreferenceChanged.connect(
            lambda _preference: self._settings_changed()
        )
        # standard responses, spell check, limits, command palette
        self.responses = StandardResponses(
            paths.config_dir / STANDARD_RESPONSES_FILE, self.backend, self.bridge
        )
        self.spelling = SpellingService(self.settings_store, self.local_state, ui_language())
        self.productivity = ProductivityController(
            self.window,
            self.settings_store,
            self.responses,
            self.bridge,
            self.agent,
            local_state=self.local_state,
            spelling=self.spelling,
        )
        if self.load_error:
            self.bridge.error(
                tr("The messaging backend could not be started: {0}").format(self.load_error)
            )

    def start(self) -> None:
        self.local_state.start()
        self.statistics.start()
        self.window.show()
        self.window.update()  # a frame shown already is painted again, with its desk
        when_first_painted(self.window, self._after_first_paint)
        if self.session is not None:
            self.session.start()
        self.responses.start()
        self.spelling.start()

    def _after_first_paint(self) -> None:
        """What the first window does not need, once it is on screen (docs/performance.md)."""
        self.painted = True
        # the emoji catalog (~50 ms of folding keywords) is read off the UI thread, so that
        # the first chat's emoji tools find it ready
        threading.Thread(target=default_catalog, name="emoji-catalog", daemon=True).start()

    def _matrix_backend(self) -> MatrixBackend | None:
        """The backend if it is the Matrix one. Never imports the Matrix package (matrix-nio
        takes ~0.3 s to import): a Matrix backend exists only once its module was imported."""
        module = sys.modules.get("agent_desktop.backends.matrix.backend")
        matrix_cls = getattr(module, "MatrixBackend", None)
        backend = self.backend
        if matrix_cls is None or not isinstance(backend, matrix_cls):
            return None
        return cast("MatrixBackend", backend)

    def _connection_changed(self, state: str, detail: str) -> None:
        """A backend that needs a login (Matrix) gets the login dialog; see docs/matrix.md."""
        backend = self._matrix_backend()
        if backend is None or self.session is None:
            return
        dialog = self.login_dialog
        if state == ConnectionState.CONNECTED.value and dialog is not None:
            self.login_dialog = None
            self.window.set_login_needed(False)
            dialog.accept()
            dialog.deleteLater()
            matrix = {
                "homeserver": backend.matrix.homeserver,
                "user_id": backend.matrix.user_id,
                "team_room": backend.matrix.team_room,
            }
            self.settings_store.try_update({"backends": {"matrix": matrix}})
            return
        if state != ConnectionState.FAILED.value:
            return
        if backend.login_problem is None and dialog is None:
            return  # not a login problem: the banner tells
        if dialog is None:
            dialog = LoginDialog(
                backend.matrix.homeserver,
                backend.matrix.user_id,
                self.window,
                team_room=backend.matrix.team_room,
            )
            dialog.loginRequested.connect(self._log_in)
            # closed without logging in: the window offers it again ("Log in…")
            dialog.rejected.connect(lambda: self.window.set_login_needed(True))
            self.login_dialog = dialog
        dialog.set_busy(False)
        messages = {
            "missing": tr("Log in to your Matrix account."),
            "expired": tr("Your session has expired or was signed out. Please log in again."),
            "refused": tr("The homeserver refused the login. Check the user and password."),
        }
        kind = backend.login_kind
        if kind in messages:
            text = messages[kind]
        elif backend.certificate_problem is not None:
            text = tr(
                "The homeserver's certificate is not trusted ({0}), so the connection was "
                "refused. If your organisation uses its own certificate authority, ask your "
                "administrator to set it as ca_file in the Matrix settings."
            ).format(backend.certificate_problem)
        else:
            text = tr("Could not connect: {0}. Check the homeserver address.").format(detail)
        dialog.show_message(text)
        self._open_login_dialog()

    def _open_login_dialog(self) -> None:
        dialog = self.login_dialog
        if dialog is not None:
            self.window.set_login_needed(False)
            dialog.open()

    def _log_in(self, homeserver: str, user: str, password: str) -> None:
        backend = self._matrix_backend()
        if backend is not None and self.session is not None:
            dialog = self.login_dialog
            team_room = dialog.team_room.text() if dialog is not None else None
            backend.set_credentials(homeserver, user, password, team_room)
            self.session.start()

    def _remember_theme(self) -> None:
        """What the system asks for, for the next start's window frame (ui/theme.py)."""
        if self.settings_store.settings.ui.theme == ThemeMode.SYSTEM:
            remember_system_theme(self.paths.cache_dir, self.theme)

    def _settings_changed(self) -> None:
        theme = apply_theme(self.app, self.settings_store.settings.ui.theme)
        if theme is not self.theme:
            self.theme = theme
            self.window.set_theme(theme)
            self._remember_theme()

    async def shutdown(self) -> None:
        """Close the windows, disconnect, cancel every task. Safe to call twice.

        The windows may already be gone (a test framework deletes the widgets it tracks
        before its fixtures end), so they are only touched while they still exist.
        """
        actions = self.window.interaction_actions
        for widget in (self.window.toast, self.window.bar.preview, self.window):
            if shiboken6.isValid(widget):
                widget.close()
        await self.statistics.shutdown()
        # before the session: the last events still reach a connected backend
        await self.recorder.close()
        if self.session is not None:
            await self.session.shutdown()
        conversations = self.conversations
        if conversations is not None and shiboken6.isValid(conversations):
            await conversations.shutdown()
            # parentless: deleted now, with the app's objects, not by a late garbage collection
            conversations.deleteLater()
        if actions is not None:
            await actions.shutdown()
        await self.responses.shutdown()
        await self.spelling.shutdown()
        if self.outbox is not None:
            await self.outbox.shutdown()
        self.drafts.flush()
        await self.local_state.close()
