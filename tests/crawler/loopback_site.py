"""A real HTTP server on 127.0.0.1 that serves scripted replies, injects faults and records every
request with its start and end time, so tests can check politeness from the server's side."""

from __future__ import annotations

import itertools
import socket
import ssl
import struct
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Reply:
    """One scripted answer. `etag`/`last_modified` make the route honour conditional GET."""

    status: int = 200
    body: bytes = b""
    content_type: str | None = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0  # before the status line
    chunk_delay: float = 0.0  # between body chunks (a slow body)
    chunks: int = 1
    reset: bool = False  # drop the connection (RST) instead of answering
    chunked: bool = False  # Transfer-Encoding: chunked, no Content-Length
    etag: str | None = None
    last_modified: str | None = None


@dataclass
class Hit:
    """One request as the server saw it."""

    path: str
    headers: dict[str, str]
    started: float
    ended: float = 0.0
    status: int = 0
    connection: int = 0  # the client's port: one per TCP connection
    method: str = "GET"
    body: bytes = b""  # what a POST sent


Route = Reply | Sequence[Reply] | Callable[[Hit], Reply]


class LoopbackSite:
    """Routes by path (with query). A sequence route answers in turn, then repeats its last."""

    def __init__(self, tls: ssl.SSLContext | None = None) -> None:
        self.routes: dict[str, Route] = {}
        self._hits: list[Hit] = []
        self._turns: dict[str, int] = {}
        self._lock = threading.Lock()
        self._tls = tls
        self._server: ThreadingHTTPServer | None = None

    # -- lifecycle -------------------------------------------------------------------------
    def start(self) -> LoopbackSite:
        handler = type("Handler", (_Handler,), {"site": self})
        server = _StampingServer(("127.0.0.1", 0), handler)
        server.daemon_threads = True
        if self._tls is not None:
            server.socket = self._tls.wrap_socket(server.socket, server_side=True)
        self._server = server
        threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        ).start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()

    @property
    def port(self) -> int:
        assert self._server is not None
        return int(self._server.server_address[1])

    @property
    def base(self) -> str:
        scheme = "https" if self._tls is not None else "http"
        return f"{scheme}://127.0.0.1:{self.port}"

    def url(self, path: str) -> str:
        return self.base + path

    # -- routes ----------------------------------------------------------------------------
    def route(self, path: str, reply: Route) -> None:
        self.routes[path] = reply

    def html(self, path: str, html: str, **options: object) -> None:
        self.route(path, Reply(body=html.encode("utf-8"), **options))  # type: ignore[arg-type]

    def answer(self, hit: Hit) -> Reply:
        route = self.routes.get(hit.path)
        if route is None:
            return Reply(status=404, body=b"<h1>Kh\xc3\xb4ng t\xc3\xacm th\xe1\xba\xa5y</h1>")
        if isinstance(route, Reply):
            return route
        if callable(route):
            return route(hit)
        with self._lock:
            turn = self._turns.get(hit.path, 0)
            self._turns[hit.path] = turn + 1
        return route[min(turn, len(route) - 1)]

    # -- what happened ---------------------------------------------------------------------
    def record(self, hit: Hit) -> None:
        with self._lock:
            self._hits.append(hit)

    @property
    def hits(self) -> list[Hit]:
        """Every request so far, once the ones in progress have finished (the client may see
        the last byte before the handler thread notes the time)."""
        deadline = time.monotonic() + 5
        while any(h.ended == 0.0 for h in self._hits) and time.monotonic() < deadline:
            time.sleep(0.005)
        return self._hits

    def paths(self) -> list[str]:
        return [h.path for h in self.hits]

    def count(self, path: str) -> int:
        return sum(1 for h in self.hits if h.path == path)

    def max_in_flight(self) -> int:
        """Most requests the server was handling at one moment."""
        events = sorted([(h.started, 1) for h in self.hits] + [(h.ended, -1) for h in self.hits])
        current = peak = 0
        for _, change in events:
            current += change
            peak = max(peak, current)
        return peak

    def start_gaps(self) -> list[float]:
        starts = sorted(h.started for h in self.hits)
        return [b - a for a, b in itertools.pairwise(starts)]


class _StampingServer(ThreadingHTTPServer):
    """Notes when each connection was accepted: a new connection's first request started then,
    not when its handler thread got round to reading it (late on a busy machine)."""

    def get_request(self) -> tuple[socket.socket, tuple[str, int]]:
        connection, address = super().get_request()
        with _ACCEPTED_LOCK:
            _ACCEPTED[connection.fileno()] = time.monotonic()
        return connection, address


_ACCEPTED: dict[int, float] = {}
_ACCEPTED_LOCK = threading.Lock()


class _Handler(BaseHTTPRequestHandler):
    site: LoopbackSite
    protocol_version = "HTTP/1.1"

    def setup(self) -> None:
        super().setup()
        with _ACCEPTED_LOCK:
            self.accepted_at: float | None = _ACCEPTED.pop(self.connection.fileno(), None)

    def _started(self) -> float:
        """Accept time for a connection's first request, arrival time for the others."""
        accepted, self.accepted_at = self.accepted_at, None
        return accepted if accepted is not None else time.monotonic()

    def log_message(self, format: str, *args: object) -> None:
        return

    def do_GET(self) -> None:
        self._serve("GET")

    def do_POST(self) -> None:
        self._serve("POST")

    def _serve(self, method: str) -> None:
        headers = {k.lower(): v for k, v in self.headers.items()}
        hit = Hit(
            self.path, headers, self._started(), connection=self.client_address[1], method=method
        )
        length = headers.get("content-length", "0")
        hit.body = self.rfile.read(int(length)) if length.isdigit() and int(length) else b""
        self.site.record(hit)
        reply = self.site.answer(hit)
        try:
            if reply.delay:
                time.sleep(reply.delay)
            if reply.reset:
                self._reset()
                hit.status = 0
                return
            self._send(reply, hit)
        except (BrokenPipeError, ConnectionResetError, ssl.SSLError):
            self.close_connection = True
        finally:
            hit.ended = time.monotonic()

    def _reset(self) -> None:
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self.close_connection = True
        self.connection.close()

    def _send(self, reply: Reply, hit: Hit) -> None:
        status = reply.status
        if status == 200 and _unchanged(self.headers, reply):
            status = 304
        hit.status = status
        self.send_response(status)
        if reply.content_type and status != 304:
            self.send_header("Content-Type", reply.content_type)
        if reply.etag:
            self.send_header("ETag", reply.etag)
        if reply.last_modified:
            self.send_header("Last-Modified", reply.last_modified)
        for key, value in reply.headers.items():
            self.send_header(key, value)
        body = b"" if status == 304 else reply.body
        if reply.chunked:
            self.send_header("Transfer-Encoding", "chunked")
        else:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        step = max(1, -(-len(body) // max(1, reply.chunks)))
        for offset in range(0, len(body), step):
            if reply.chunk_delay and offset:
                time.sleep(reply.chunk_delay)
            part = body[offset : offset + step]
            self.wfile.write(b"%x\r\n%s\r\n" % (len(part), part) if reply.chunked else part)
            self.wfile.flush()
        if reply.chunked:
            self.wfile.write(b"0\r\n\r\n")


def _unchanged(headers: object, reply: Reply) -> bool:
    get = headers.get  # type: ignore[attr-defined]
    if reply.etag and get("If-None-Match") == reply.etag:
        return True
    return bool(reply.last_modified and get("If-Modified-Since") == reply.last_modified)
