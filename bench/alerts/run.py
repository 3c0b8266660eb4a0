"""Alert delivery bench: portalwatch's outbox against a plain Apprise notify loop, same run.

Both send to one loopback JSON webhook that records when each message arrives.
- latency: one event at a time, from "event stored" (portalwatch: store the event, plan its
  delivery, deliver_pending) or "notify called" (peer) to the webhook's receipt; median and p95.
- throughput: N alerts already planned, `deliver_pending` until all are sent (claims, rendering,
  one commit per alert), against the peer calling `Apprise.notify` N times with a one-line body:
  once to one channel answering at once, once to 4 channels answering after 20 ms each (a remote
  service's round trip), the peer going through them in turn.
Rounds alternate between the two so that machine noise falls on both alike.

    .venv/bin/python bench/alerts/run.py [--events 500] [--latency 200] [--rounds 3]
                                          [--database-url postgresql+psycopg://…]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import apprise  # noqa: E402
from sqlalchemy.engine import Engine  # noqa: E402

from alerts import deliver_pending, plan_deliveries  # noqa: E402
from core.config import AppConfig  # noqa: E402
from pipeline.settings import parse_config  # noqa: E402
from storage.db import open_database, session_scope  # noqa: E402
from storage.models import Event  # noqa: E402


class Receiver:
    """Loopback webhook: the arrival time (perf_counter) of each message, by title."""

    def __init__(self) -> None:
        self.delay = 0.0
        self.arrived: dict[str, float] = {}
        self.count = 0
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                if receiver.delay:
                    time.sleep(receiver.delay)
                receiver.arrived[body["title"]] = time.perf_counter()
                receiver.count += 1
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args: Any) -> None:
                return

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True).start()
        self.url = f"json://127.0.0.1:{self.server.server_address[1]}/hook"

    def urls(self, count: int) -> list[str]:
        return [f"{self.url}/{n}" for n in range(count)]


def _event(tag: str, n: int) -> Event:
    code = f"{n}-NQ/ĐU"
    return Event(
        type="directive.new", key=f"directive.new:{tag}:{code}", portal_id="bench",
        payload={
            "portal_id": "bench", "locality": "xã Bằng Lãng, Thái Nguyên", "code": code, "doc_type": "NQ",
            "doc_type_name": "Nghị quyết", "issuer_name": f"Đảng ủy xã ({tag})",
            "title": "về phát triển kinh tế - xã hội năm 2026",
            "sentence": f"Đảng ủy xã ban hành Nghị quyết số {code} về phát triển kinh tế - xã hội.",
            "article_title": "Hội nghị Ban Chấp hành Đảng bộ xã", "article_url": f"https://banglang.example.vn/tin/{n}.html",
        },
    )


def _store(engine: Engine, config: AppConfig, events: list[Event]) -> None:
    with session_scope(engine) as session:
        session.add_all(events)
        session.flush()
        plan_deliveries(session, events, config, datetime.now(UTC))


def _title(event: Event) -> str:
    return f"Văn bản mới: Nghị quyết {event.payload['code']} — bench"


def latency(engine: Engine, config: AppConfig, receiver: Receiver, count: int) -> dict[str, list[float]]:
    """Seconds from event to receipt, one at a time, portalwatch and peer alternating."""
    peer = apprise.Apprise()
    peer.add(receiver.url)
    ours: list[float] = []
    theirs: list[float] = []
    for n in range(count):
        event = _event("latency", n)
        start = time.perf_counter()
        _store(engine, config, [event])
        deliver_pending(engine, config)
        ours.append(receiver.arrived[_title(event)] - start)
        title = f"peer latency {n}"
        start = time.perf_counter()
        peer.notify(body=f"Nghị quyết {n}-NQ/ĐU", title=title)
        theirs.append(receiver.arrived[title] - start)
    return {"portalwatch": ours, "apprise": theirs}


def _timed(action: Callable[[], None]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def throughput(engine: Engine, config: AppConfig, receiver: Receiver, count: int, tag: str) -> dict[str, float]:
    """Alerts per second for `count` events to every configured channel: outbox against a loop."""
    urls = config.subscriptions[0].urls
    _store(engine, config, [_event(tag, n) for n in range(count // len(urls))])
    total = count // len(urls) * len(urls)
    before = receiver.count

    def ours() -> None:
        while deliver_pending(engine, config, limit=total).sent:
            pass

    ours_s = _timed(ours)
    assert receiver.count - before == total, "portalwatch did not deliver every alert"
    peers = []
    for url in urls:
        peers.append(apprise.Apprise())
        peers[-1].add(url)

    def loop() -> None:
        for n in range(total):
            peers[n % len(peers)].notify(body=f"Nghị quyết {n}-NQ/ĐU", title=f"peer {tag} {n}")

    peer_s = _timed(loop)
    return {"portalwatch": total / ours_s, "apprise": total / peer_s}


def _quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def _config(urls: list[str]) -> AppConfig:
    return parse_config({
        "portals": [{"id": "bench", "name": "bench", "start_urls": ["https://banglang.example.vn/"]}],
        "subscriptions": [{"name": "bench", "urls": urls, "events": ["directive.new"]}],
    })


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--events", type=int, default=500, help="alerts per throughput round")
    parser.add_argument("--latency", type=int, default=200, help="events timed one by one")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--database-url", help="default: a fresh SQLite file")
    args = parser.parse_args()
    url = args.database_url or f"sqlite:///{tempfile.mkdtemp(prefix='pw-bench-alerts-')}/bench.db"
    engine = open_database(url)
    receiver = Receiver()
    config = _config([receiver.url])
    _store(engine, config, [_event("warmup", 0)])
    deliver_pending(engine, config)
    lat = latency(engine, config, receiver, args.latency)
    rates = [throughput(engine, config, receiver, args.events, f"one{r}") for r in range(args.rounds)]
    receiver.delay = 0.02
    remote = [
        throughput(engine, _config(receiver.urls(4)), receiver, args.events // 2, f"four{r}")
        for r in range(args.rounds)
    ]
    print(f"database: {engine.url.render_as_string(hide_password=True)}")
    print(f"{'':28}{'portalwatch':>14}{'apprise loop':>14}{'ratio':>8}")
    for label, q in (("latency p50 (ms)", 0.5), ("latency p95 (ms)", 0.95)):
        ours, theirs = _quantile(lat["portalwatch"], q) * 1000, _quantile(lat["apprise"], q) * 1000
        print(f"{label:28}{ours:14.2f}{theirs:14.2f}{ours / theirs:8.2f}")
    for label, runs in (("alerts/s, 1 channel", rates), ("alerts/s, 4 channels 20 ms", remote)):
        ours_rate = statistics.median(r["portalwatch"] for r in runs)
        peer_rate = statistics.median(r["apprise"] for r in runs)
        print(f"{label:28}{ours_rate:14.1f}{peer_rate:14.1f}{ours_rate / peer_rate:8.2f}")
    print(f"({args.latency} latency samples each; throughput: median of {args.rounds} rounds of "
          f"{args.events} alerts (1 channel) and {args.events // 2} (4 channels))")
    engine.dispose()


if __name__ == "__main__":
    main()
