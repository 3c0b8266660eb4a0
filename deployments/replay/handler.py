"""The HTTP side of one replayed portal: GET and HEAD with validators, 304, 404, redirects."""

from __future__ import annotations

import contextlib
import gzip
import socket
import sys
import threading
import time
from collections.abc import Mapping
from email.utils import format_datetime, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, ClassVar, Protocol
from urllib.parse import urlsplit

from deployments.replay.faults import FaultBook
from deployments.replay.store import Gone, Redirect, ReplayData, Resource, fill_placeholders


class ReplayOwner(Protocol):
    """What a handler needs of the replay that serves it (ReplayServer)."""

    data: ReplayData
    faults: FaultBook

    @property
    def state(self) -> str: ...

    @property
    def urls(self) -> dict[str, str]: ...

    def record(self, portal: str, method: str, path: str, headers: Mapping[str, str],
               arrived: float, status: int) -> None: ...  # fmt: skip

_PAGES = {
    404: ("Không tìm thấy trang", "Trang bạn yêu cầu không tồn tại hoặc đã được chuyển đi."),
    405: ("Phương thức không được hỗ trợ", "Máy chủ chỉ nhận yêu cầu GET và HEAD."),
    410: ("Nội dung đã bị gỡ bỏ", "Bài viết này không còn được đăng tải."),
    429: ("Quá nhiều yêu cầu", "Vui lòng thử lại sau ít phút."),
    500: ("Lỗi máy chủ", "Hệ thống gặp sự cố, vui lòng thử lại sau."),
    503: ("Hệ thống đang bảo trì", "Cổng thông tin tạm ngừng phục vụ, vui lòng quay lại sau."),
}


class PortalHTTPServer(ThreadingHTTPServer):
    """A threaded server that stays quiet when a client hangs up mid-answer and that can cut
    its open keep-alive connections when the replay stops."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], handler: type[BaseHTTPRequestHandler]) -> None:
        super().__init__(address, handler)
        self._open: set[socket.socket] = set()
        self._open_lock = threading.Lock()

    def process_request(self, request: Any, client_address: Any) -> None:
        with self._open_lock:
            self._open.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        with self._open_lock:
            self._open.discard(request)
        super().shutdown_request(request)

    def close_connections(self) -> None:
        """Hang up on every client still connected."""
        with self._open_lock:
            sockets = list(self._open)
        for sock in sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)

    def handle_error(self, request: Any, client_address: Any) -> None:
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)


class ReplayHandler(BaseHTTPRequestHandler):
    """Answers for one portal; the subclass made per portal sets `portal_id` and `owner`."""

    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out in separate writes
    portal_id: ClassVar[str] = ""
    owner: ClassVar[ReplayOwner]

    def do_GET(self) -> None:
        self._answer(head=False)

    def do_HEAD(self) -> None:
        self._answer(head=True)

    def do_POST(self) -> None:
        self._answer(head=False, allowed=False)

    do_PUT = do_DELETE = do_PATCH = do_OPTIONS = do_POST

    def version_string(self) -> str:
        return self.owner.data.headers(self.portal_id).get("Server", "Microsoft-IIS/10.0")

    def log_message(self, format: str, *args: Any) -> None:
        """Silent: every request is in `ReplayServer.requests` instead."""

    def _answer(self, head: bool, allowed: bool = True) -> None:
        self._arrived = time.monotonic()
        self._recorded = False
        try:
            if allowed:
                self._serve(head)
            else:
                self._refuse()
        finally:
            self._record(0)  # nothing was answered (dropped on purpose, or failed)

    def send_response(self, code: int, message: str | None = None) -> None:
        """Logged before any byte leaves, so a client never sees an answer not yet recorded."""
        self._record(code)
        super().send_response(code, message)

    def _record(self, status: int) -> None:
        if getattr(self, "_recorded", False):
            return
        self._recorded = True
        received = getattr(self, "headers", None)  # absent when the request line was garbage
        headers = {k.lower(): v for k, v in received.items()} if received else {}
        arrived = getattr(self, "_arrived", time.monotonic())
        path = getattr(self, "path", "")
        self.owner.record(self.portal_id, self.command or "", path, headers, arrived, status)

    def _refuse(self) -> int:
        # the request body, if any, is left unread: close this connection after answering
        return self._error(405, head=False, extra={"Allow": "GET, HEAD", "Connection": "close"})

    def _serve(self, head: bool) -> int:
        parts = urlsplit(self.path)
        path, query = parts.path or "/", parts.query
        fault = self.owner.faults.take(self.portal_id, path, query)
        if fault is not None:
            if fault.delay:
                time.sleep(fault.delay)
            if fault.status == 0:
                self.close_connection = True
                return 0
            if fault.status:
                extra = {"Retry-After": fault.retry_after} if fault.retry_after else {}
                return self._error(fault.status, head, extra)
        outcome = self.owner.data.resolve(
            self.owner.state, self.portal_id, path, query, self.owner.urls
        )
        if isinstance(outcome, Resource):
            return self._resource(outcome, head)
        if isinstance(outcome, Redirect):
            return self._send(outcome.status, b"", head, {"Location": outcome.location})
        status = outcome.status if isinstance(outcome, Gone) else 404
        return self._error(status, head)

    def _resource(self, res: Resource, head: bool) -> int:
        validators = {
            "ETag": res.etag,
            "Last-Modified": format_datetime(res.last_modified, usegmt=True),
            "Cache-Control": "private, max-age=0",
        }
        if self._not_modified(res):
            self.send_response(304)
            self._headers(validators)
            self.end_headers()
            return 304
        body, headers = res.body, {"Content-Type": res.content_type, **validators}
        if self._gzip(res):
            body = gzip.compress(body, mtime=0)
            headers.update({"Content-Encoding": "gzip", "ETag": f"W/{res.etag}"})
        return self._send(200, body, head, headers)

    def _gzip(self, res: Resource) -> bool:
        """Compress text when the portal's server does and the client accepts it (nginx style:
        the compressed answer carries the weak form of the ETag)."""
        accepted = self.headers.get("Accept-Encoding", "")
        return (
            self.owner.data.compresses(self.portal_id)
            and "charset=" in res.content_type
            and "gzip" in accepted.lower()
        )

    def _not_modified(self, res: Resource) -> bool:
        """RFC 9110: If-None-Match decides when present; otherwise If-Modified-Since."""
        if_none_match = self.headers.get("If-None-Match")
        if if_none_match is not None:
            tags = [tag.strip().removeprefix("W/") for tag in if_none_match.split(",")]
            return "*" in tags or res.etag in tags
        since = self.headers.get("If-Modified-Since")
        if not since:
            return False
        try:
            when = parsedate_to_datetime(since)
        except (TypeError, ValueError):
            return False
        if when.tzinfo is None:
            return False
        return res.last_modified <= when

    def _error(self, status: int, head: bool, extra: Mapping[str, str] | None = None) -> int:
        title, text = _PAGES.get(status, ("Lỗi", "Không thể xử lý yêu cầu."))
        page = (
            '<!DOCTYPE html>\n<html lang="vi"><head><meta charset="utf-8">'
            f"<title>{status} - {title}</title></head>\n"
            f"<body><h1>{title}</h1><p>{text}</p></body></html>\n"
        )
        headers = {"Content-Type": "text/html; charset=utf-8", **(extra or {})}
        return self._send(status, page.encode("utf-8"), head, headers)

    def _send(self, status: int, body: bytes, head: bool, headers: Mapping[str, str]) -> int:
        self.send_response(status)
        self._headers(headers)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if not head and body:
            self.wfile.write(body)
        return status

    def _headers(self, headers: Mapping[str, str]) -> None:
        for name, value in self.owner.data.headers(self.portal_id).items():
            if name.lower() != "server":
                self.send_header(name, fill_placeholders(value, self.portal_id, self.owner.urls))
        if self.owner.data.compresses(self.portal_id):
            self.send_header("Vary", "Accept-Encoding")
        for name, value in headers.items():
            self.send_header(name, value)
