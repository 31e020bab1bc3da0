"""Loopback fronts of the test Synapse, for faults of the network between app and server.

:class:`LoopbackProxy` passes the bytes on unchanged and lets a test cut the link (every
connection closed, new ones dropped at once), hold it (the server's answers wait, as on a
stalled link) or hold the client's ``/sync`` requests on their way (one the client gives up
meanwhile never reaches the server); it records the request lines it passed on.
:class:`TlsProxy` ends TLS in front of Synapse with a certificate from a
throw-away CA (``trustme``). Each runs its own asyncio loop on a thread, so the app
(qasync) and the backend tests (``run_async``) both reach it.
"""

from __future__ import annotations

import asyncio
import contextlib
import ssl
import threading
from collections.abc import Coroutine
from pathlib import Path
from typing import Any, TypeVar

import trustme

T = TypeVar("T")


class LoopbackProxy:
    """``http://127.0.0.1:{port}`` in front of ``127.0.0.1:{target_port}``."""

    scheme = "http"

    def __init__(self, target_port: int, ssl_context: ssl.SSLContext | None = None) -> None:
        self.target_port = target_port
        self._context = ssl_context
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="loopback-proxy")
        self._server: asyncio.Server | None = None
        self._streams: set[asyncio.StreamWriter] = set()
        self._cut = False
        self._flowing = asyncio.Event()
        self._flowing.set()
        self._syncs_flowing = asyncio.Event()
        self._syncs_flowing.set()
        #: the request lines passed on to the server, in order ("GET /_matrix/...")
        self.requests: list[str] = []
        #: /sync requests waiting in the proxy now, and those dropped (their client gave up)
        self.held_syncs = 0
        self.dropped_syncs = 0
        self.port = 0
        #: connections that reached the proxy (after a TLS handshake, for a TLS front)
        self.handshakes = 0

    @property
    def url(self) -> str:
        return f"{self.scheme}://127.0.0.1:{self.port}"

    def start(self) -> None:
        self._thread.start()
        self.port = self._call(self._listen())

    def _call(self, work: Coroutine[Any, Any, T]) -> T:
        return asyncio.run_coroutine_threadsafe(work, self._loop).result(10)

    async def _listen(self) -> int:
        self._server = await asyncio.start_server(self._serve, "127.0.0.1", 0, ssl=self._context)
        port: int = self._server.sockets[0].getsockname()[1]
        return port

    # what tests call ----------------------------------------------------------------------
    def cut(self) -> None:
        """The link goes down: open connections are closed, new ones closed at once."""

        async def cut() -> None:
            self._cut = True
            for stream in list(self._streams):
                stream.close()

        self._call(cut())

    def heal(self) -> None:
        """The link is back (for new connections)."""
        self._loop.call_soon_threadsafe(setattr, self, "_cut", False)

    def hold(self) -> None:
        """The server's answers wait in the proxy (the requests still reach the server)."""
        self._loop.call_soon_threadsafe(self._flowing.clear)

    def release(self) -> None:
        """The held answers go on, in order."""
        self._loop.call_soon_threadsafe(self._flowing.set)

    def hold_syncs(self) -> None:
        """The client's ``/sync`` requests wait in the proxy, before the server."""
        self._loop.call_soon_threadsafe(self._syncs_flowing.clear)

    def release_syncs(self) -> None:
        """The held ``/sync`` requests the client still waits for go on to the server."""
        self._loop.call_soon_threadsafe(self._syncs_flowing.set)

    # the relay ------------------------------------------------------------------------------
    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        if self._cut:
            writer.close()
            return
        self.handshakes += 1
        try:
            up_reader, up_writer = await asyncio.open_connection("127.0.0.1", self.target_port)
        except OSError:
            writer.close()
            return
        self._streams |= {writer, up_writer}
        await asyncio.gather(
            self._requests(reader, up_writer),
            self._pipe(up_reader, writer, self._flowing),
            return_exceptions=True,
        )
        self._streams -= {writer, up_writer}

    async def _requests(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        """Client to server: each request line recorded, ``/sync`` requests held on demand
        (HTTP/1.1 without pipelining: a read starts with a request line)."""
        try:
            while data := await reader.read(64 * 1024):
                if data.startswith(b"GET /_matrix/client/v3/sync") and not await self._sync_goes(
                    reader
                ):
                    return  # the client gave up on it: the server never sees it
                self.requests.append(data.split(b"\r\n", 1)[0].decode("latin-1"))
                writer.write(data)
                await writer.drain()
        finally:
            with contextlib.suppress(Exception):
                writer.close()

    async def _sync_goes(self, reader: asyncio.StreamReader) -> bool:
        """Wait while syncs are held; False if the client closed the connection meanwhile."""
        if self._syncs_flowing.is_set():
            return True
        self.held_syncs += 1
        released = asyncio.ensure_future(self._syncs_flowing.wait())
        closed = asyncio.ensure_future(reader.read(1))  # b"" when the client closes
        try:
            await asyncio.wait({released, closed}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            self.held_syncs -= 1
            released.cancel()
        if closed.done():
            self.dropped_syncs += 1
            return False
        closed.cancel()
        return True

    @staticmethod
    async def _pipe(
        reader: asyncio.StreamReader,
        writer: asyncio.StreamWriter,
        flowing: asyncio.Event | None = None,
    ) -> None:
        try:
            while data := await reader.read(64 * 1024):
                if flowing is not None:
                    await flowing.wait()
                writer.write(data)
                await writer.drain()
        finally:
            with contextlib.suppress(Exception):
                writer.close()

    def stop(self) -> None:
        async def close() -> None:
            if self._server is not None:
                self._server.close()
            for stream in list(self._streams):
                stream.close()
            if self._server is not None:
                await self._server.wait_closed()

        with contextlib.suppress(Exception):
            self._call(close())
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(timeout=10)
        self._loop.close()


class TlsProxy(LoopbackProxy):
    """``https://127.0.0.1:{port}`` in front of ``http://127.0.0.1:{target_port}``: TLS
    ends here, with a certificate of a throw-away CA whose PEM is ``ca_file``."""

    scheme = "https"

    def __init__(self, target_port: int, directory: Path) -> None:
        self.ca = trustme.CA(organization_name="Agent Desktop test CA")
        self.ca_file = directory / "organisation-ca.pem"
        self.ca.cert_pem.write_to_path(str(self.ca_file))
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        self.ca.issue_cert("127.0.0.1").configure_cert(context)
        super().__init__(target_port, context)
