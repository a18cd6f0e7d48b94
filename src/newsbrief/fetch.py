"""Fetching the URLs a user gives (feeds, article pages), politely and defensively.

Only ``http``/``https``; every address the host name resolves to is checked, and the
connection goes to a checked address (a second DNS answer cannot swap in another one), again
after every redirect. Private, loopback, link-local and reserved addresses are refused unless
``allow_private`` is set (the tests serve fixtures on 127.0.0.1; the web app never sets it).
Each request has a timeout per network operation and a deadline for the whole response, a
size cap applied while streaming and again to the *decompressed* body (a gzip bomb stops at
the cap), a redirect limit, retries with exponential back-off for failures that may pass
(connection errors, timeouts, 429 and 5xx), conditional GET (ETag / Last-Modified), and a
robots.txt check per host. The user agent names newsbrief.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
import threading
import time
import zlib
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

from newsbrief import __version__
from newsbrief.errors import InputError

USER_AGENT = f"newsbrief/{__version__} (+https://github.com/newsbrief/newsbrief; feed reader)"
DEFAULT_TIMEOUT_S = 15.0
DEFAULT_MAX_BYTES = 5 * 1024 * 1024  # as newsbrief.settings.DEFAULT_MAX_BYTES: no news page is larger
DEFAULT_MAX_REDIRECTS = 5
DEFAULT_RETRIES = 2
DEFAULT_BACKOFF_S = 1.0
DEFAULT_CONCURRENCY = 4
_REDIRECTS = {301, 302, 303, 307, 308}
_RETRY_STATUSES = {429, 500, 502, 503, 504}
_CHUNK = 64 * 1024


class FetchError(InputError):
    """A URL that could not be fetched; the message names the URL and the reason."""


@dataclass(frozen=True, slots=True)
class FetchPolicy:
    timeout_s: float = DEFAULT_TIMEOUT_S
    max_bytes: int = DEFAULT_MAX_BYTES
    max_redirects: int = DEFAULT_MAX_REDIRECTS
    retries: int = DEFAULT_RETRIES
    backoff_s: float = DEFAULT_BACKOFF_S
    concurrency: int = DEFAULT_CONCURRENCY
    allow_private: bool = False
    obey_robots: bool = True
    user_agent: str = USER_AGENT


@dataclass(slots=True)
class Response:
    url: str  # after redirects
    status: int  # 200, or 304 when a conditional GET found nothing new
    body: bytes = b""
    content_type: str = ""
    etag: str | None = None
    last_modified: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class _Retryable(Exception):
    pass


def _checked_address(url: str, host: str, port: int, allow_private: bool) -> str:
    """Resolve ``host``; refuse it when any address is private (unless allowed). Returns one address."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise FetchError(url, f"host {host!r} not found ({exc.strerror})") from None
    addresses = [str(info[4][0]) for info in infos]  # an int only for AF_UNIX/raw families, never asked for
    for address in addresses:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
        if not allow_private and not ip.is_global:
            raise FetchError(url, f"refused: {host} resolves to a non-public address ({ip})")
    return addresses[0]


def _decompress(url: str, body: bytes, encoding: str, limit: int) -> bytes:
    if encoding in ("", "identity"):
        return body
    if encoding not in ("gzip", "x-gzip", "deflate"):
        raise FetchError(url, f"unsupported content encoding {encoding!r}")
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS if "gzip" in encoding else zlib.MAX_WBITS)
    try:
        out = inflater.decompress(body, limit + 1)  # never more than the cap plus one byte
    except zlib.error as exc:
        raise FetchError(url, f"corrupt {encoding} body ({exc})") from None
    if len(out) > limit:
        raise FetchError(url, f"larger than {limit} bytes once decompressed (refused: a compression bomb?)")
    return out


@dataclass
class Fetcher:
    """Fetches URLs under one :class:`FetchPolicy`; thread-safe (robots.txt cached per host)."""

    policy: FetchPolicy = field(default_factory=FetchPolicy)
    _robots: dict[str, RobotFileParser | None] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def _request(self, url: str, headers: dict[str, str]) -> tuple[http.client.HTTPResponse, bytes]:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            raise FetchError(url, f"only http and https URLs are fetched, not {parts.scheme or 'a bare path'!r}")
        if not parts.hostname:
            raise FetchError(url, "no host name in the URL")
        port = parts.port or (443 if parts.scheme == "https" else 80)
        address = _checked_address(url, parts.hostname, port, self.policy.allow_private)
        timeout = self.policy.timeout_s
        if parts.scheme == "https":
            conn: http.client.HTTPConnection = http.client.HTTPSConnection(
                parts.hostname, port, timeout=timeout, context=ssl.create_default_context()
            )
        else:
            conn = http.client.HTTPConnection(parts.hostname, port, timeout=timeout)
        # Connect to the address checked above, not to whatever a second lookup would return.
        conn._create_connection = lambda _addr, t, source: socket.create_connection((address, port), t, source)  # type: ignore[attr-defined]
        target = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
        deadline = time.monotonic() + 2 * timeout
        try:
            conn.request("GET", target, headers={"Host": parts.netloc, **headers})
            response = conn.getresponse()
            chunks, size = [], 0
            while chunk := response.read(_CHUNK):
                size += len(chunk)
                if size > self.policy.max_bytes:
                    raise FetchError(url, f"larger than {self.policy.max_bytes} bytes (refused)")
                if time.monotonic() > deadline:
                    raise _Retryable(f"no complete response within {2 * timeout:g} s")
                chunks.append(chunk)
            return response, b"".join(chunks)
        except TimeoutError:
            raise _Retryable(f"timed out after {timeout:g} s") from None
        except (http.client.HTTPException, OSError) as exc:  # OSError: connection and TLS errors
            raise _Retryable(f"{type(exc).__name__}: {exc}") from None
        finally:
            conn.close()

    def _once(self, url: str, headers: dict[str, str]) -> Response:
        current = url
        for _ in range(self.policy.max_redirects + 1):
            response, body = self._request(current, headers)
            if response.status in _REDIRECTS:
                location = response.getheader("Location")
                if not location:
                    raise FetchError(url, f"redirect ({response.status}) without a Location")
                current = urljoin(current, location)
                continue
            if response.status == 304:
                return Response(current, 304)
            if response.status in _RETRY_STATUSES:
                raise _Retryable(f"HTTP {response.status} {response.reason}")
            if response.status != 200:
                raise FetchError(url, f"HTTP {response.status} {response.reason}")
            encoding = (response.getheader("Content-Encoding") or "").strip().lower()
            return Response(
                current,
                200,
                _decompress(url, body, encoding, self.policy.max_bytes),
                response.getheader("Content-Type") or "",
                response.getheader("ETag"),
                response.getheader("Last-Modified"),
            )
        raise FetchError(url, f"more than {self.policy.max_redirects} redirects (a redirect loop?)")

    def _allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        with self._lock:
            known = origin in self._robots
        if not known:
            parser: RobotFileParser | None = None
            try:
                robots = self._once(origin + "/robots.txt", {"User-Agent": self.policy.user_agent})
                parser = RobotFileParser()
                parser.parse(robots.body.decode("utf-8", "replace").splitlines())
            except (FetchError, _Retryable):
                parser = None  # no robots.txt (404) or none reachable: nothing is disallowed
            with self._lock:
                self._robots[origin] = parser
        rules = self._robots[origin]
        return rules is None or rules.can_fetch(self.policy.user_agent, url)

    def get(self, url: str, etag: str | None = None, last_modified: str | None = None) -> Response:
        """GET ``url`` (conditionally when ``etag``/``last_modified`` are given); raise FetchError."""
        if self.policy.obey_robots and urlsplit(url).scheme in ("http", "https") and not self._allowed(url):
            raise FetchError(url, "disallowed by the site's robots.txt")
        headers = {"User-Agent": self.policy.user_agent, "Accept-Encoding": "gzip"}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        attempt = 0
        while True:
            try:
                return self._once(url, headers)
            except _Retryable as exc:
                if attempt == self.policy.retries:
                    tries = "once" if attempt == 0 else f"{attempt + 1} times"
                    raise FetchError(url, f"{exc} (tried {tries})") from None
            time.sleep(self.policy.backoff_s * 2**attempt)
            attempt += 1
