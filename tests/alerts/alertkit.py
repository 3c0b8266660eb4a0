"""Test kit for alerts: a loopback HTTP webhook, an aiosmtpd SMTP server, fixture events."""

from __future__ import annotations

import json
import socket
import threading
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email import message_from_bytes, policy
from email.message import EmailMessage
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import yaml
from aiosmtpd.controller import Controller
from sqlalchemy.engine import Engine

from core.config import AppConfig
from pipeline.settings import parse_config
from storage.db import session_scope
from storage.models import Event

HERE = Path(__file__).parent
EVENTS = yaml.safe_load((HERE / "data" / "events.yaml").read_text(encoding="utf-8"))
PORTALS = yaml.safe_load((HERE / "data" / "portals.yaml").read_text(encoding="utf-8"))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Received:
    path: str
    headers: dict[str, str]
    body: Any
    at: float


@dataclass
class WebhookReceiver:
    """A threaded loopback HTTP server that records every request it processes."""

    status: int = 200
    reply: dict[str, Any] = field(default_factory=lambda: {"error": 0, "message": "Success"})
    delay: float = 0.0
    stall_from: int | None = None  # requests from this index on are held unprocessed
    gate: threading.Event | None = None  # when set up, every request waits for it (then is processed)
    gate_timeouts: int = 0
    requests: list[Received] = field(default_factory=list)
    released: threading.Event = field(default_factory=threading.Event)
    stalled: threading.Event = field(default_factory=threading.Event)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _arrivals: int = 0

    def start(self) -> WebhookReceiver:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                receiver.handle(self)

            def log_message(self, *args: Any) -> None:
                return

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True).start()
        return self

    @property
    def port(self) -> int:
        return int(self.server.server_address[1])

    def url(self, path: str = "/hook", scheme: str = "json") -> str:
        return f"{scheme}://127.0.0.1:{self.port}{path}"

    def handle(self, request: BaseHTTPRequestHandler) -> None:
        with self._lock:
            index = self._arrivals
            self._arrivals += 1
        if self.stall_from is not None and index >= self.stall_from:
            self.stalled.set()
            self.released.wait(30)
            request.close_connection = True
            return  # never processed: the sender's attempt did not reach the application
        if self.gate is not None and not self.gate.wait(10):
            self.gate_timeouts += 1
        length = int(request.headers.get("Content-Length") or 0)
        raw = request.rfile.read(length)
        try:
            body: Any = json.loads(raw)
        except json.JSONDecodeError:
            body = raw.decode("utf-8", "replace")
        if self.delay:
            time.sleep(self.delay)
        with self._lock:
            self.requests.append(Received(request.path, dict(request.headers), body, time.monotonic()))
        payload = json.dumps(self.reply).encode()
        request.send_response(self.status)
        request.send_header("Content-Type", "application/json")
        request.send_header("Content-Length", str(len(payload)))
        request.end_headers()
        request.wfile.write(payload)

    def titles(self) -> list[str]:
        return [r.body["title"] for r in self.requests if isinstance(r.body, dict) and "title" in r.body]

    def stop(self) -> None:
        self.released.set()
        self.server.shutdown()
        self.server.server_close()


class Mailbox:
    """aiosmtpd handler: keeps every message it accepts."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        self.messages.append(message_from_bytes(envelope.content, policy=policy.default))  # type: ignore[arg-type]
        return "250 Message accepted for delivery"


class SmtpServer:
    """A real SMTP server on a fixed loopback port that can be stopped and started again."""

    def __init__(self) -> None:
        self.port = free_port()
        self.mailbox = Mailbox()
        self.controller: Controller | None = None

    def start(self) -> None:
        self.controller = Controller(self.mailbox, hostname="127.0.0.1", port=self.port)
        self.controller.start()

    def stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller = None

    def url(self, to: str = "ban.tgdv@example.vn") -> str:
        return f"mailto://127.0.0.1:{self.port}?from=portalwatch@example.vn&to={to}"


def make_config(subscriptions: list[dict[str, Any]], **alerts: Any) -> AppConfig:
    """A configuration with the fixture portals and the given subscriptions."""
    data: dict[str, Any] = {"portals": PORTALS, "subscriptions": subscriptions}
    if alerts:
        data["alerts"] = alerts
    return parse_config(data, "<test>")


def store_events(engine: Engine, names: list[str] | None = None, *, baseline: bool = False) -> list[Event]:
    """Insert fixture events (all, or those named) and return them with ids."""
    chosen = [e for e in EVENTS if names is None or e["name"] in names]
    with session_scope(engine) as session:
        events = [
            Event(
                type=e["type"], key=e["key"], portal_id=e["payload"].get("portal_id"),
                payload=e["payload"], baseline=e.get("baseline", baseline), created_at=datetime.now(UTC),
            )
            for e in chosen
        ]
        session.add_all(events)
        session.flush()
        return events


def event_named(name: str) -> dict[str, Any]:
    return next(e for e in EVENTS if e["name"] == name)
