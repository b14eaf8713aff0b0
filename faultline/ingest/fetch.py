"""Fetching URLs safely: size cap, time limit, checked redirects, no private addresses.

A feed is untrusted input that names URLs for the server to fetch, so every hop is resolved here,
every address checked, and the connection pinned to a checked address: httpx never resolves the
name again, which closes the gap a DNS-rebinding host would use.
"""

from __future__ import annotations

import ipaddress
import logging
import socket
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol
from urllib.parse import urljoin

import httpx

from faultline.config import Settings
from faultline.errors import FetchError, PrivateAddressError

logger = logging.getLogger(__name__)

Resolver = Callable[[str, int], Sequence[str]]

USER_AGENT = "Faultline/0.1 (+conflict event extraction)"
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_CHUNK = 64 * 1024


@dataclass(frozen=True, slots=True)
class Fetched:
    """A fetched body: the final URL after redirects, its media type and charset, and the bytes."""

    url: str
    content: bytes
    media_type: str | None = None  # "text/html", lower case, without parameters
    charset: str | None = None
    truncated: bool = False  # the body went past the size cap and was cut there


class Fetcher(Protocol):
    """Anything that turns a URL into bytes under ingest's rules."""

    def fetch(self, url: str, *, max_bytes: int) -> Fetched:
        """Fetch `url`, reading at most `max_bytes` of body; raises FetchError."""
        ...


def resolve_addresses(host: str, port: int) -> list[str]:
    """Every address `host` resolves to; the seam tests replace to fake DNS."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def is_public_address(address: str) -> bool:
    """Whether an IP address is globally routable (not private, loopback, link-local, reserved)."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])  # drop an IPv6 zone ("fe80::1%eth0")
    if isinstance(ip, ipaddress.IPv6Address):
        # IPv4 smuggled inside IPv6 forms is judged as the IPv4 address it carries.
        embedded = ip.ipv4_mapped or ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if embedded is not None:
            return is_public_address(str(embedded))
    return ip.is_global and not ip.is_multicast


class HttpFetcher:
    """httpx-based Fetcher; `resolver` and `transport` are seams for tests."""

    def __init__(self, settings: Settings, *, resolver: Resolver | None = None,
                 transport: httpx.BaseTransport | None = None) -> None:
        self._settings = settings
        # Looked up per instance, not bound at import, so tests may also patch resolve_addresses.
        self._resolver = resolver or resolve_addresses
        # trust_env off: an environment proxy would resolve names itself and bypass the checks.
        self._client = httpx.Client(
            timeout=settings.fetch_timeout_s, follow_redirects=False, trust_env=False,
            transport=transport, headers={"User-Agent": USER_AGENT},
        )

    def close(self) -> None:
        """Close the connection pool."""
        self._client.close()

    def __enter__(self) -> HttpFetcher:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def fetch(self, url: str, *, max_bytes: int) -> Fetched:
        """Fetch `url`, following checked redirects, reading at most `max_bytes`."""
        deadline = time.monotonic() + self._settings.fetch_timeout_s
        current = url
        for _ in range(self._settings.fetch_max_redirects + 1):
            target = self._parse(current)
            addresses = self.checked_addresses(target)
            try:
                result = self._get(target, addresses, max_bytes=max_bytes, deadline=deadline)
            except (httpx.HTTPError, httpx.InvalidURL) as exc:
                raise FetchError(f"fetch failed: {type(exc).__name__}: {exc}", subject=current) from exc
            if isinstance(result, Fetched):
                return result
            logger.info("%s redirects to %s", current, result)
            current = result
        raise FetchError(f"more than {self._settings.fetch_max_redirects} redirects", subject=url)

    def checked_addresses(self, url: httpx.URL) -> list[str]:
        """The addresses `url`'s host resolves to, all of them allowed; raises otherwise."""
        host = url.host
        try:
            ipaddress.ip_address(host.split("%", 1)[0])
            addresses: Sequence[str] = [host]
        except ValueError:
            try:
                addresses = self._resolver(host, url.port or _default_port(url))
            except (OSError, UnicodeError) as exc:
                raise FetchError(f"cannot resolve host {host!r}: {exc}", subject=str(url)) from exc
        if not addresses:
            raise FetchError(f"host {host!r} has no address", subject=str(url))
        if not self._settings.allow_private:
            refused = [a for a in addresses if not is_public_address(a)]
            if refused:
                raise PrivateAddressError(
                    f"refused: {host} resolves to non-public address {refused[0]}", subject=str(url))
        return list(addresses)

    def _parse(self, url: str) -> httpx.URL:
        """A URL we are willing to fetch: http(s) with a host."""
        try:
            parsed = httpx.URL(url)
        except (httpx.InvalidURL, TypeError) as exc:
            raise FetchError(f"invalid URL ({exc})", subject=url) from exc
        if parsed.scheme not in ("http", "https") or not parsed.host:
            raise FetchError("only http and https URLs with a host are fetched", subject=url)
        return parsed

    def _get(self, url: httpx.URL, addresses: Sequence[str], *, max_bytes: int,
             deadline: float) -> Fetched | str:
        """One request pinned to a checked address: the Fetched body, or a redirect's target."""
        last_error: httpx.ConnectError | None = None
        for address in addresses:
            # Connect to the checked address; Host and SNI keep the name, so TLS still verifies it.
            pinned = url.copy_with(host=address)
            extensions = {"sni_hostname": url.host} if url.scheme == "https" else {}
            headers = {"Host": url.netloc.decode("ascii")}
            try:
                with self._client.stream("GET", pinned, headers=headers, extensions=extensions) as response:
                    return self._read(url, response, max_bytes=max_bytes, deadline=deadline)
            except httpx.ConnectError as exc:
                last_error = exc  # try the host's next address
        raise FetchError(f"could not connect: {last_error}", subject=str(url)) from last_error

    def _read(self, url: httpx.URL, response: httpx.Response, *, max_bytes: int,
              deadline: float) -> Fetched | str:
        """Read a response up to the cap, or return where it redirects."""
        if response.status_code in _REDIRECTS:
            location = response.headers.get("location")
            if not location:
                raise FetchError(f"HTTP {response.status_code} without a Location", subject=str(url))
            return urljoin(str(url), location.strip())
        if response.status_code >= 400:
            raise FetchError(f"HTTP {response.status_code}", subject=str(url))
        body = bytearray()
        truncated = False
        # iter_bytes decompresses, so the cap also bounds gzip bombs.
        for chunk in response.iter_bytes(_CHUNK):
            body += chunk
            if len(body) > max_bytes:
                del body[max_bytes:]
                truncated = True
                logger.warning("%s: body over %d bytes, cut there", url, max_bytes)
                break
            if time.monotonic() > deadline:
                raise FetchError(f"took longer than {self._settings.fetch_timeout_s:g}s", subject=str(url))
        media_type, charset = _content_type(response.headers.get("content-type"))
        return Fetched(url=str(url), content=bytes(body), media_type=media_type, charset=charset,
                       truncated=truncated)


def _default_port(url: httpx.URL) -> int:
    """The port a scheme implies."""
    return 443 if url.scheme == "https" else 80


def _content_type(header: str | None) -> tuple[str | None, str | None]:
    """Media type and charset from a Content-Type header."""
    if not header:
        return None, None
    media_type, _, params = header.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset":
            charset = value.strip().strip("\"'").lower() or None
    return media_type.strip().lower() or None, charset
