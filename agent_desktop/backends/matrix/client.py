"""A thin typed layer over matrix-nio's ``AsyncClient``: JSON in, JSON out, clear errors.

nio builds the request paths (``nio.Api``) and owns the aiohttp session; this module turns
transport failures and Matrix error bodies into :class:`BackendError` subclasses whose text
is fit for the agent.
"""

from __future__ import annotations

import functools
import json
import ssl
from typing import Any
from urllib.parse import quote

import aiohttp
from nio import AsyncClient, AsyncClientConfig

from agent_desktop.backends.base import BackendError, LoginNeeded, UntrustedServer

JsonDict = dict[str, Any]


class MatrixUnreachable(BackendError):
    """The homeserver could not be reached (a transient failure: retry later)."""


class UntrustedCertificate(MatrixUnreachable, UntrustedServer):
    """The homeserver's TLS certificate could not be verified: the connection was refused.
    ``reason``: why, as OpenSSL says it ("unable to get local issuer certificate")."""

    def __init__(self, homeserver: str, reason: str) -> None:
        super().__init__(f"the TLS certificate of {homeserver} is not trusted ({reason})")
        self.reason = reason


class MatrixError(BackendError):
    """The homeserver answered with an error."""

    def __init__(self, message: str, status: int, errcode: str = "") -> None:
        super().__init__(message)
        self.status = status
        self.errcode = errcode

    @property
    def transient(self) -> bool:
        return self.status >= 500 or self.status == 429


class LoginRequired(LoginNeeded):
    """No usable access token: the agent must log in (again).

    ``kind``: "missing" (never logged in), "expired" (the token was revoked or expired),
    "refused" (wrong user or password).
    """

    def __init__(self, message: str, kind: str = "expired") -> None:
        super().__init__(message)
        self.kind = kind


def q(value: str) -> str:
    """``value`` quoted for one path segment."""
    return quote(value, safe="")


@functools.cache
def _system_context() -> ssl.SSLContext:
    # loading the system's trust store takes ~30 ms: once, shared by every client
    return ssl.create_default_context()


def tls_context(ca_file: str = "") -> ssl.SSLContext:
    """The TLS context of every request: the system's trust store, plus the organisation's
    CA from ``ca_file`` (PEM) when set. Certificates and host names are always verified."""
    if not ca_file:
        return _system_context()
    context = ssl.create_default_context()
    try:
        context.load_verify_locations(cafile=ca_file)
    except (OSError, ssl.SSLError) as exc:
        raise BackendError(
            f"the certificate authority file {ca_file!r} cannot be used ({exc})"
        ) from exc
    return context


def make_client(
    homeserver: str, user_id: str, *, request_timeout_s: float, ca_file: str = ""
) -> AsyncClient:
    """A client for ``homeserver``; raises :class:`BackendError` for an unusable ``ca_file``."""
    # nio's own retry loops are off (max_timeouts=0): reconnection is ours, with backoff
    config = AsyncClientConfig(
        max_timeouts=0,
        max_limit_exceeded=5,
        request_timeout=request_timeout_s,
        store_sync_tokens=False,
        encryption_enabled=False,
    )
    return AsyncClient(homeserver, user_id, config=config, ssl=tls_context(ca_file))


def _authorization(client: AsyncClient) -> dict[str, str]:
    token = client.access_token
    return {"Authorization": f"Bearer {token}"} if token else {}


def _unreachable(client: AsyncClient, exc: BaseException) -> MatrixUnreachable:
    if isinstance(exc, aiohttp.ClientConnectorCertificateError):
        reason = getattr(exc.certificate_error, "verify_message", "") or str(exc.certificate_error)
        return UntrustedCertificate(client.homeserver, reason)
    detail = str(exc) or type(exc).__name__
    return MatrixUnreachable(
        f"cannot reach the Matrix homeserver at {client.homeserver} ({detail})"
    )


async def call(
    client: AsyncClient,
    method: str,
    path: str,
    body: JsonDict | None = None,
    *,
    timeout: float | None = None,
    data: bytes | None = None,
    content_type: str = "application/json",
) -> JsonDict:
    """One request to the homeserver; the decoded JSON answer or a :class:`BackendError`."""
    headers = {"Content-Type": content_type, **_authorization(client)}
    payload: str | bytes | None = json.dumps(body) if body is not None else data
    try:
        response = await client.send(method, path, payload, headers, timeout=timeout)
        try:
            text = await response.text()
        finally:
            response.release()
    except (aiohttp.ClientError, TimeoutError, OSError) as exc:
        raise _unreachable(client, exc) from exc
    try:
        decoded = json.loads(text) if text else {}
    except ValueError:
        decoded = None
    if not isinstance(decoded, dict):
        raise MatrixError(
            f"{client.homeserver} does not answer like a Matrix homeserver "
            f"(HTTP {response.status})",
            response.status,
        )
    if response.status >= 400:
        errcode = str(decoded.get("errcode", ""))
        error = str(decoded.get("error", "")) or f"HTTP {response.status}"
        if errcode == "M_UNKNOWN_TOKEN" or response.status == 401:
            raise LoginRequired("your Matrix session has expired or was signed out: log in again")
        raise MatrixError(f"{error} ({errcode or response.status})", response.status, errcode)
    return decoded


class MediaTooLarge(BackendError):
    """A download was stopped: the file is over the size limit."""

    def __init__(self, size: int) -> None:
        super().__init__(f"over {size} bytes")
        self.size = size


def parse_mxc(uri: str) -> tuple[str, str] | None:
    """``(server name, media id)`` of an ``mxc://server/media`` URI, or None."""
    if not uri.startswith("mxc://"):
        return None
    server, _, media = uri[len("mxc://") :].partition("/")
    if not server or not media or "/" in media:
        return None
    return server, media


async def _download_once(
    client: AsyncClient, path: str, max_bytes: int, timeout: float | None
) -> tuple[int, bytes, str]:
    headers = _authorization(client)
    try:
        response = await client.send("GET", path, None, headers, timeout=timeout)
        try:
            data = bytearray()
            async for chunk in response.content.iter_chunked(64 * 1024):
                data.extend(chunk)
                if len(data) > max_bytes:
                    raise MediaTooLarge(max_bytes)
            return response.status, bytes(data), response.headers.get("Content-Type", "")
        finally:
            response.release()
    except (aiohttp.ClientError, TimeoutError, OSError) as exc:
        raise _unreachable(client, exc) from exc


async def download(
    client: AsyncClient, mxc: str, max_bytes: int, *, timeout: float | None = None
) -> bytes:
    """The bytes of ``mxc`` (at most ``max_bytes``, else :class:`MediaTooLarge`).

    The authenticated endpoint (``/_matrix/client/v1/media/download``) first; the legacy
    ``/_matrix/media/v3/download`` when the homeserver does not know it (404 /
    ``M_UNRECOGNIZED``).
    """
    parsed = parse_mxc(mxc)
    if parsed is None:
        raise MatrixError(f"{mxc!r} is not a media URI", 400, "M_INVALID_PARAM")
    server, media = q(parsed[0]), q(parsed[1])
    paths = (
        f"/_matrix/client/v1/media/download/{server}/{media}",
        f"/_matrix/media/v3/download/{server}/{media}",
    )
    status, data, kind = 0, b"", ""
    for path in paths:
        status, data, kind = await _download_once(client, path, max_bytes, timeout)
        if status < 400:
            return data
        errcode = _errcode(data) if "json" in kind else ""
        if status == 401 or errcode == "M_UNKNOWN_TOKEN":
            raise LoginRequired("your Matrix session has expired or was signed out: log in again")
        if not (status == 404 or errcode == "M_UNRECOGNIZED"):
            break
    raise MatrixError(f"the image could not be downloaded (HTTP {status})", status)


def _errcode(data: bytes) -> str:
    try:
        decoded = json.loads(data)
    except ValueError:
        return ""
    return str(decoded.get("errcode", "")) if isinstance(decoded, dict) else ""
