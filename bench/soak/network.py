"""The soak's changing loopback network, in its own process: portals and a webhook.

Every portal's state is a pure function of the round number (set with /__round?n=R on the
control port), so the runner can compute what should be found and alerted without asking:

- portal i starts with INITIAL articles and publishes one more every 2 + i % 3 rounds;
- its article 1 is edited every EDIT_EVERY rounds (a new revision of the text);
- during OUTAGES[i] every request to it is answered with a connection reset.

The control port also takes the alerts: POST /hook records a webhook message, GET /__alerts
returns them all as JSON.

    python -m bench.soak.network --portals 24 --port 0     prints {"control": PORT, "portals": [PORT…]}
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import socket
import struct
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

INITIAL = 5
EDIT_EVERY = 12
# portal index → rounds it is unreachable (three or more in a row make an outage alert)
OUTAGES: dict[int, range] = {2: range(10, 15), 5: range(30, 33), 6: range(20, 22), 7: range(40, 44)}

_TEXT = (
    "hội nghị tổng kết công tác dân vận chi bộ thôn bản đảng viên nhân dân kinh tế xã hội "
    "nông thôn mới giao thông thủy lợi trường học trạm y tế văn hóa thể thao an ninh quốc phòng "
    "cải cách hành chính chuyển đổi số thu nhập hộ nghèo việc làm thanh niên phụ nữ cựu chiến "
    "binh mặt trận tổ quốc khuyến học đất đai môi trường rừng phòng hộ lúa ngô chè quế hồi "
    "chăn nuôi hợp tác xã doanh nghiệp ngân sách đầu tư công đường liên xã cầu treo nhà văn hóa"
)
WORDS = _TEXT.split()


def article_count(portal: int, round_no: int) -> int:
    return INITIAL + round_no // (2 + portal % 3)


def revision(portal: int, k: int, round_no: int) -> int:
    return round_no // EDIT_EVERY if k == 1 else 0


def is_down(portal: int, round_no: int) -> bool:
    return round_no in OUTAGES.get(portal, range(0))


def title(portal: int, k: int) -> str:
    rng = random.Random(f"{portal}/{k}/title")
    return f"Xã Số {portal} {' '.join(rng.sample(WORDS, 6))} (bài {k})"


def article_path(k: int) -> str:
    return f"/tin-tuc/bai-viet-{k}.html"


def article_html(portal: int, k: int, rev: int) -> bytes:
    rng = random.Random(f"{portal}/{k}/{rev}")
    paragraphs = "".join(
        f"<p>{' '.join(rng.choices(WORDS, k=24)).capitalize()}.</p>" for _ in range(5)
    )
    head = title(portal, k)
    return (
        f'<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{head}</title></head>'
        f'<body><div class="menu"><a href="/">Trang chủ</a></div><h1 class="title">{head}</h1>'
        f'<div class="date">{1 + k % 28:02d}/11/2026 08:30</div>'
        f'<div class="content">{paragraphs}<p><b>Thu Trang</b></p></div></body></html>'
    ).encode()


def listing_html(portal: int, count: int) -> bytes:
    rows = "".join(
        f'<li><h3><a href="{article_path(k)}">{title(portal, k)}</a></h3></li>' for k in range(count, 0, -1)
    )
    return (
        '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Tin tức</title></head>'
        f'<body><h1>Tin tức - Sự kiện</h1><ul class="list-news">{rows}</ul></body></html>'
    ).encode()


class World:
    def __init__(self) -> None:
        self.round = 0
        self.alerts: list[dict[str, object]] = []
        self.lock = threading.Lock()

    def page(self, portal: int, path: str) -> bytes | None:
        if path == "/robots.txt":
            return b"User-agent: *\nDisallow: /quan-tri/\n"
        count = article_count(portal, self.round)
        if path == "/tin-tuc":
            return listing_html(portal, count)
        for k in range(1, count + 1):
            if path == article_path(k):
                return article_html(portal, k, revision(portal, k, self.round))
        return None


class PortalHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    world: World
    portal: int

    def log_message(self, format: str, *args: object) -> None:
        return

    def do_GET(self) -> None:
        if is_down(self.portal, self.world.round):
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.close_connection = True
            return
        body = self.world.page(self.portal, urlsplit(self.path).path)
        if body is None:
            self._send(404, b"Khong tim thay", "text/plain")
            return
        etag = '"' + hashlib.blake2s(body, digest_size=8).hexdigest() + '"'
        if self.headers.get("If-None-Match") == etag:
            self._send(304, b"", None, etag)
            return
        kind = "text/plain" if self.path.endswith(".txt") else "text/html; charset=utf-8"
        self._send(200, body, kind, etag)

    def _send(self, status: int, body: bytes, kind: str | None, etag: str | None = None) -> None:
        self.send_response(status)
        if kind:
            self.send_header("Content-Type", kind)
        if etag:
            self.send_header("ETag", etag)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class ControlHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    world: World

    def log_message(self, format: str, *args: object) -> None:
        return

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        if parts.path == "/__round":
            self.world.round = int(parse_qs(parts.query)["n"][0])
            self._json({"round": self.world.round})
        elif parts.path == "/__alerts":
            with self.world.lock:
                self._json(list(self.world.alerts))
        else:
            self._json({"error": "unknown"}, 404)

    def do_POST(self) -> None:
        raw = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        try:
            body = json.loads(raw)
        except json.JSONDecodeError:
            body = {"raw": raw.decode("utf-8", "replace")}
        with self.world.lock:
            self.world.alerts.append(body)
        self._json({"error": 0, "message": "Success"})

    def _json(self, data: object, status: int = 200) -> None:
        payload = json.dumps(data, ensure_ascii=False).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)


def _serve(handler: type[BaseHTTPRequestHandler], port: int) -> ThreadingHTTPServer:
    server = ThreadingHTTPServer(("127.0.0.1", port), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True).start()
    return server


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--portals", type=int, default=24)
    parser.add_argument("--port", type=int, default=0, help="control port (0: any free one)")
    args = parser.parse_args()
    world = World()
    control = _serve(type("Control", (ControlHandler,), {"world": world}), args.port)
    portals = [
        _serve(type(f"Portal{i}", (PortalHandler,), {"world": world, "portal": i}), 0)
        for i in range(args.portals)
    ]
    ports = [int(s.server_address[1]) for s in portals]
    print(json.dumps({"control": int(control.server_address[1]), "portals": ports}), flush=True)
    threading.Event().wait()  # until the runner terminates this process


if __name__ == "__main__":
    main()
