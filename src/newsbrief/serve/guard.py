"""What a web page in the user's own browser must not be able to do to the local app.

* DNS rebinding: a page on ``evil.example`` rebinds its name to 127.0.0.1 and reads our
  responses as same-origin. :class:`HostOriginGuard` serves only requests whose ``Host`` names
  an address we listen on (127.0.0.1, localhost, [::1], plus ``--host``/``--allow-host``), and
  answers others 421 Misdirected Request.
* Cross-site requests (CSRF): a page can make the browser POST a form to us. Every
  state-changing request (anything but GET/HEAD/OPTIONS) that carries an ``Origin`` (or, without
  one, a ``Referer``) from another site is refused with 403. Clients that send neither (curl,
  scripts) are not browsers acting for a page, and are served.

Both are plain ASGI middleware so they wrap every route, present and future (a story store's
too); so is :class:`SecurityHeaders` (Starlette's ``BaseHTTPMiddleware`` would hide a client's
disconnect from the routes, which stop its briefing on it).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from urllib.parse import urlsplit

from starlette.types import ASGIApp, Message, Receive, Scope, Send

LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
# same-origin, not no-referrer: with no-referrer a browser sends "Origin: null" on our own form
# posts, which the Origin check must refuse; links to other sites still get no referrer.
SECURITY_HEADERS = ((b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"same-origin"))


def _hostname(authority: str) -> str | None:
    """The host part of ``host[:port]`` / ``[v6]:port``, lower-cased; None when it does not parse."""
    try:
        host = urlsplit(f"//{authority}").hostname
    except ValueError:
        return None
    return host.lower() if host else None


def allowed_hosts(listen_host: str, extra: Iterable[str] = ()) -> frozenset[str]:
    """The host names requests may carry: loopback names, the listening address, and ``extra``."""
    names = {*LOOPBACK_HOSTS, listen_host.strip("[]").lower(), *(name.strip("[]").lower() for name in extra)}
    return frozenset(names - {"0.0.0.0", "::"})  # a wildcard bind is not a name anyone should send


class HostOriginGuard:
    """ASGI middleware: the Host allow-list (421) and the Origin check on state changes (403)."""

    def __init__(self, app: ASGIApp, hosts: frozenset[str]) -> None:
        self.app = app
        self.hosts = hosts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {key.decode("latin-1").lower(): value.decode("latin-1") for key, value in scope["headers"]}
        host = _hostname(headers.get("host", ""))
        if host not in self.hosts:
            message = f"host {headers.get('host', '')!r} is not served here (allowed: {', '.join(sorted(self.hosts))})"
            await _refuse(send, 421, "misdirected_request", message)
            return
        if scope["method"] not in SAFE_METHODS:
            origin = headers.get("origin") or headers.get("referer")
            if origin is not None and not self._same_site(origin, headers["host"]):
                await _refuse(send, 403, "cross_origin", "requests from another site's page are refused")
                return
        await self.app(scope, receive, send)

    def _same_site(self, origin: str, host_header: str) -> bool:
        try:
            parts = urlsplit(origin)
        except ValueError:
            return False
        return parts.scheme in ("http", "https") and parts.netloc.lower() == host_header.lower()


async def _refuse(send: Send, status: int, code: str, message: str) -> None:
    body = json.dumps({"error": code, "message": message}).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


class SecurityHeaders:
    """ASGI middleware: ``nosniff`` and ``same-origin`` referrers on every response that does not set them."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                present = {key.lower() for key, _ in message.get("headers", [])}
                extra = [(key, value) for key, value in SECURITY_HEADERS if key not in present]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        await self.app(scope, receive, send_with_headers)
