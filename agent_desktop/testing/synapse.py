"""A throw-away local Synapse homeserver for tests and for ``./dev synapse``.

SQLite, bound to 127.0.0.1 only, no federation listener, nothing that phones home,
rate limits raised, shared-secret registration. Needs the ``matrix-synapse`` package
(the ``test`` extra).
"""

from __future__ import annotations

import argparse
import hashlib
import hmac
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

SERVER_NAME = "localhost"
#: the state event that makes a room a customer conversation (see docs/matrix.md)
CONVERSATION_EVENT = "com.agent_desktop.conversation"
# (its consultation twin is "com.agent_desktop.conversation_consultation")

_LIMIT = "{per_second: 10000, burst_count: 10000}"

CONFIG_TEMPLATE = """\
server_name: "{server_name}"
pid_file: "{dir}/homeserver.pid"
listeners:
  - port: {port}
    bind_addresses: ["127.0.0.1"]
    type: http
    tls: false
    x_forwarded: false
    resources:
      - names: [client]
        compress: false
database:
  name: sqlite3
  args:
    database: "{dir}/homeserver.db"
media_store_path: "{dir}/media"
signing_key_path: "{dir}/signing.key"
registration_shared_secret: "{secret}"
enable_registration: false
report_stats: false
trusted_key_servers: []
suppress_key_server_warning: true
federation_domain_whitelist: []
url_preview_enabled: false
enable_metrics: false
use_presence: true
presence:
  enabled: true
bcrypt_rounds: 4
caches:
  # a restarted client's first sync must not be an earlier client's cached one (tests
  # restart the app within seconds; Synapse's default keeps a sync response for 2 minutes)
  sync_response_cache_duration: 0
user_directory:
  enabled: true
  search_all_users: true
room_prejoin_state:
  additional_event_types: ["{conversation}", "{conversation}_consultation"]
rc_message: {limit}
rc_registration: {limit}
rc_room_creation: {limit}
rc_admin_redaction: {limit}
rc_joins_per_room: {limit}
rc_3pid_validation: {limit}
rc_media_create: {limit}
rc_delayed_event_mgmt: {limit}
rc_login:
  address: {limit}
  account: {limit}
  failed_attempts: {limit}
rc_joins:
  local: {limit}
  remote: {limit}
rc_invites:
  per_room: {limit}
  per_user: {limit}
  per_issuer: {limit}
rc_presence:
  per_user: {limit}
"""


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


@dataclass(frozen=True)
class RegisteredUser:
    user_id: str
    localpart: str
    password: str
    access_token: str
    device_id: str


class SynapseServer:
    """One Synapse process in ``directory``; :meth:`stop` and :meth:`start` keep its data."""

    def __init__(self, directory: Path, port: int | None = None) -> None:
        self.directory = directory
        self.port = port or free_port()
        self.secret = secrets.token_hex(16)
        self.process: subprocess.Popen[bytes] | None = None
        self.config_path = directory / "homeserver.yaml"
        self.log_path = directory / "homeserver.log"
        self._counter = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def _command(self) -> list[str]:
        return [sys.executable, "-m", "synapse.app.homeserver", "-c", str(self.config_path)]

    def _write_config(self) -> None:
        self.directory.mkdir(parents=True, exist_ok=True)
        self.config_path.write_text(
            CONFIG_TEMPLATE.format(
                server_name=SERVER_NAME,
                dir=self.directory,
                port=self.port,
                secret=self.secret,
                conversation=CONVERSATION_EVENT,
                limit=_LIMIT,
            ),
            encoding="utf-8",
        )
        if not (self.directory / "signing.key").exists():
            subprocess.run(
                [*self._command(), "--generate-keys"],
                check=True,
                capture_output=True,
                cwd=self.directory,
            )

    def start(self, timeout: float = 60.0) -> None:
        """Start Synapse and wait until it answers ``/_matrix/client/versions``."""
        if self.process is not None:
            return
        if not self.config_path.exists():
            self._write_config()
        env = dict(os.environ)
        env.pop("SYNAPSE_CACHE_FACTOR", None)
        with self.log_path.open("ab") as log:
            self.process = subprocess.Popen(
                self._command(),
                stdout=log,
                stderr=subprocess.STDOUT,
                cwd=self.directory,
                env=env,
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                self.process = None
                tail = self.log_path.read_text(errors="replace")[-3000:]
                raise RuntimeError(f"Synapse exited at start:\n{tail}")
            try:
                with urllib.request.urlopen(f"{self.url}/_matrix/client/versions", timeout=1):
                    return
            except (urllib.error.URLError, OSError):
                time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"Synapse did not answer within {timeout} s")

    def stop(self) -> None:
        """Stop Synapse (SIGTERM, then SIGKILL after 10 s); its data stays."""
        process, self.process = self.process, None
        if process is None:
            return
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()

    def restart(self) -> None:
        self.stop()
        self.start()

    # users ------------------------------------------------------------------------
    def _request(
        self,
        method: str,
        path: str,
        body: dict[str, object] | None = None,
        token: str | None = None,
    ) -> object:
        data = None if body is None else json.dumps(body).encode()
        headers = {"Content-Type": "application/json"}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        request = urllib.request.Request(self.url + path, data=data, method=method, headers=headers)
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.loads(response.read())

    def register(
        self,
        localpart: str | None = None,
        password: str | None = None,
        *,
        displayname: str | None = None,
        admin: bool = False,
    ) -> RegisteredUser:
        """Register a user through the shared-secret admin API; returns its login."""
        if localpart is None:
            self._counter += 1
            localpart = f"user{self._counter}_{secrets.token_hex(3)}"
        password = password or secrets.token_urlsafe(12)
        nonce_reply = self._request("GET", "/_synapse/admin/v1/register")
        assert isinstance(nonce_reply, dict)
        nonce = str(nonce_reply["nonce"])
        parts = (nonce, localpart, password, "admin" if admin else "notadmin")
        mac = hmac.new(self.secret.encode(), "\x00".join(parts).encode(), hashlib.sha1)
        body: dict[str, object] = {
            "nonce": nonce,
            "username": localpart,
            "password": password,
            "admin": admin,
            "mac": mac.hexdigest(),
        }
        if displayname:
            body["displayname"] = displayname
        reply = self._request("POST", "/_synapse/admin/v1/register", body)
        assert isinstance(reply, dict)
        return RegisteredUser(
            user_id=str(reply["user_id"]),
            localpart=localpart,
            password=password,
            access_token=str(reply["access_token"]),
            device_id=str(reply.get("device_id", "")),
        )

    def sign_out_everywhere(self, user: RegisteredUser) -> None:
        """Revoke every access token of ``user`` (``/logout/all`` with the registration's
        token), as "sign out all sessions" from another client or an administrator does."""
        self._request("POST", "/_matrix/client/v3/logout/all", {}, token=user.access_token)


#: where ./dev synapse keeps what a restart and the customer helper need
STATE_FILE = "demo-user.json"


def start_local(directory: Path, port: int) -> tuple[SynapseServer, dict[str, str]]:
    """Start the Synapse of ``./dev synapse`` in ``directory`` (its data kept across runs);
    the first time, register the demo agent, a colleague and the team room. Returns the
    server and what :data:`STATE_FILE` keeps (URL, accounts, the registration secret)."""
    server = SynapseServer(directory, port)
    state_file = directory / STATE_FILE
    state: dict[str, str] | None = None
    if state_file.exists():
        state = json.loads(state_file.read_text(encoding="utf-8"))
        server.secret = state["secret"]
    server.start()
    if state is None:
        agent = server.register("agent", "agent-password", displayname="Demo Agent")
        colleague = server.register("colleague", "colleague-password", displayname="Demo Colleague")
        # the team room: its members are the transfer / consultation targets (team_room)
        server._request(
            "POST",
            "/_matrix/client/v3/createRoom",
            {"preset": "public_chat", "room_alias_name": "team", "name": "Team"},
            token=colleague.access_token,
        )
        state = {
            "secret": server.secret,
            "url": server.url,
            "user_id": agent.user_id,
            "password": agent.password,
            "colleague": colleague.user_id,
            "team_room": f"#team:{SERVER_NAME}",
        }
        state_file.write_text(json.dumps(state), encoding="utf-8")
    state["url"] = server.url  # the port may differ from the first run's
    return server, state


def serve(directory: Path, port: int) -> None:
    """``./dev synapse``: start the local Synapse, say how to use it, run until stopped."""
    server, state = start_local(directory, port)
    print(f"Synapse is running at {server.url} (data in {directory})", flush=True)
    print(f"demo agent: {state['user_id']}  password: {state['password']}")
    print(f"team room: {state['team_room']} (enter it in the login dialog; its member")
    print(f"{state['colleague']}, password colleague-password, is a colleague to consult)")
    print("Start the app with: ./dev run --backend matrix   (Ctrl+C here stops Synapse)")
    print(f"and log in with homeserver {server.url}")
    print(
        'Play a customer in another terminal: ./dev synapse --customer "Marie Dupont"', flush=True
    )
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        assert server.process is not None
        server.process.wait()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()


def play_customer(
    directory: Path, name: str, channel: str, lines: Iterator[str], out: TextIO
) -> None:
    """``./dev synapse --customer NAME``: a customer of the running local Synapse offers a
    chat to the demo agent with the first line of ``lines``, says each next line, and
    leaves at their end; what the agent writes is printed to ``out`` as it arrives."""
    from agent_desktop.testing.matrix_customers import MatrixCustomerSimulator

    state = json.loads((directory / STATE_FILE).read_text(encoding="utf-8"))
    server = SynapseServer(directory, int(state["url"].rsplit(":", 1)[1]))
    server.secret = state["secret"]
    customers = MatrixCustomerSimulator(server, state["user_id"])
    stop = threading.Event()
    try:
        print(
            f"{name} writes to {state['user_id']} ({channel}); each line you type is sent,"
            " Ctrl+D leaves the chat.",
            file=out,
            flush=True,
        )
        room = customers.start_chat(name, next(lines, "Bonjour").rstrip("\n"), channel=channel)

        def echo() -> None:
            shown = 0
            while not stop.wait(0.2):
                for event in customers.agent_messages(room)[shown:]:
                    print(f"agent: {event}", file=out, flush=True)
                    shown += 1

        printer = threading.Thread(target=echo, name="customer-echo", daemon=True)
        printer.start()
        for line in lines:
            if line.strip():
                customers.say(room, line.rstrip("\n"))
        customers.leave(room)
        print(f"{name} left the chat.", file=out, flush=True)
    finally:
        stop.set()
        customers.close()


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="./dev synapse", description="A local Synapse to try the Matrix backend with."
    )
    parser.add_argument("directory", nargs="?", default=".synapse", help="its data (.synapse)")
    parser.add_argument("port", nargs="?", type=int, default=8008, help="its port (8008)")
    parser.add_argument("--customer", metavar="NAME", help="play a customer of the running one")
    parser.add_argument("--channel", default="webchat", help="the customer's channel")
    args = parser.parse_args(argv)
    directory = Path(args.directory).resolve()
    if args.customer:
        play_customer(directory, args.customer, args.channel, iter(sys.stdin), sys.stdout)
    else:
        serve(directory, args.port)


if __name__ == "__main__":  # pragma: no cover
    main()
