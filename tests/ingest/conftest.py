"""Fixtures for ingest tests: settings, a local HTTP server, and fake-DNS seams."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest

from faultline.config import Settings

# A globally routable address that no test ever connects to: the rewiring transport below sends
# its traffic to the local server instead.
FAKE_PUBLIC_IP = "93.184.216.34"


@dataclass
class Route:
    """A canned response."""

    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # seconds to wait before answering


class LocalServer:
    """An HTTP server on 127.0.0.1 serving canned routes and recording the paths asked for."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, str | None]] = []  # (path, Host header)
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - http.server's naming
                server.requests.append((self.path, self.headers.get("Host")))
                route = server.routes.get(self.path)
                if route is None:
                    self.send_error(404)
                    return
                time.sleep(route.delay)
                self.send_response(route.status)
                self.send_header("Content-Type", route.content_type)
                self.send_header("Content-Length", str(len(route.body)))
                for key, value in route.headers.items():
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.write(route.body)

            def log_message(self, *args: object) -> None:
                pass  # keep test output quiet

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.handle_error = lambda request, address: None  # clients that time out hang up
        self.port = self.httpd.server_address[1]

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        """The URL of `path` on this server under `host`."""
        return f"http://{host}:{self.port}{path}"

    def paths(self) -> list[str]:
        """The paths requested so far."""
        return [path for path, _ in self.requests]


@pytest.fixture
def server() -> Iterator[LocalServer]:
    """A running LocalServer, shut down after the test."""
    local = LocalServer()
    thread = threading.Thread(target=local.httpd.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield local
    local.httpd.shutdown()
    local.httpd.server_close()
    thread.join(timeout=5)


@pytest.fixture
def settings() -> Settings:
    """Default settings with short fetch timeouts."""
    return Settings(fetch_timeout_s=5.0)


class RewireTransport(httpx.BaseTransport):
    """Sends requests for FAKE_PUBLIC_IP to 127.0.0.1: a public host without a network."""

    def __init__(self) -> None:
        self._inner = httpx.HTTPTransport()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.host == FAKE_PUBLIC_IP:
            request.url = request.url.copy_with(host="127.0.0.1")
        return self._inner.handle_request(request)

    def close(self) -> None:
        self._inner.close()


def fake_dns(table: dict[str, list[str]]):
    """A resolver answering from `table`, failing like getaddrinfo for other names."""

    def resolve(host: str, port: int) -> list[str]:
        if host not in table:
            raise OSError(f"unknown host {host}")
        return table[host]

    return resolve
