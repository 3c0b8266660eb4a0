"""Scale-out on a real cluster: a Prefect server on PostgreSQL, a process work pool, two
`prefect worker` processes and a PostgreSQL project database, crawling 200 loopback portals
through crawl-all's fan-out (one crawl run per shard of hosts)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import threading
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.request import urlopen

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from bench.scale.cluster import Cluster, free_port
from bench.scale.network import portal_address

POSTGRES_ENV = "PORTALWATCH_TEST_POSTGRES_URL"
ROOT = Path(__file__).resolve().parents[2]
PORTALS, ARTICLES = 200, 5
NOTIFY_WAIT = 15  # seconds for the triggered notify runs
URL = re.compile(r"https?://[^\s)\"']+")

pytestmark = [
    pytest.mark.scale,
    pytest.mark.timeout(420),
    pytest.mark.skipif(
        not os.environ.get(POSTGRES_ENV), reason=f"needs PostgreSQL: set {POSTGRES_ENV} (see .ci/run)"
    ),
]


class Hook(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        received: list[dict[str, Any]] = self.server.received  # type: ignore[attr-defined]
        received.append(json.loads(body))
        self.send_response(200)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args: Any) -> None:
        pass


@pytest.fixture
def webhook() -> Iterator[tuple[int, list[dict[str, Any]]]]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Hook)
    server.received = []  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1], server.received  # type: ignore[attr-defined]
    server.shutdown()
    server.server_close()


@pytest.fixture
def network() -> Iterator[int]:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "bench.scale.network", "--portals", str(PORTALS), "--articles",
         str(ARTICLES), "--latency", "0.02", "--port", str(port)],
        cwd=ROOT, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert process.stdout is not None
    assert '"ready": true' in process.stdout.readline()
    yield port
    process.terminate()
    process.wait(10)


def control(port: int, path: str) -> dict[str, Any]:
    with urlopen(f"http://127.0.0.1:{port}{path}", timeout=30) as answer:
        result: dict[str, Any] = json.loads(answer.read())
        return result


def write_config(path: Path, port: int, hook_port: int) -> None:
    lines = ["crawler:", "  min_delay_seconds: 0.0", "  max_in_flight_per_host: 1", "portals:"]
    for i in range(PORTALS):
        lines += [
            f"  - id: xa{i:03d}",
            f"    name: Trang tin điện tử xã thử nghiệm {i}",
            f"    locality: Xã thử nghiệm {i}",
            "    level: commune",
            f"    start_urls: ['http://{portal_address(i)}:{port}/tin-tuc']",
            "    max_pages: 1",
            "    schedule: '0 3 1 1 *'",  # once a year: no scheduled crawl during the test
        ]
    lines += [
        "subscriptions:",
        "  - name: theo-doi-bai-moi",
        f"    urls: ['json://127.0.0.1:{hook_port}/hook']",
        "    events: [article.new]",
        "    mode: immediate",
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def stored_urls(database_url: str) -> list[str]:
    engine = create_engine(database_url)
    with engine.connect() as conn:
        urls = list(conn.execute(text("SELECT url FROM article")).scalars())
    engine.dispose()
    return urls


def test_two_workers_share_the_shards_and_alert_each_new_article_once(
    network: int, webhook: tuple[int, list[dict[str, Any]]], tmp_path: Path
) -> None:
    hook_port, received = webhook
    config = tmp_path / "portals.yaml"
    write_config(config, network, hook_port)
    admin = make_url(os.environ[POSTGRES_ENV]).set(drivername="postgresql+psycopg", database="postgres")
    with Cluster(config, workers=2, limit=2, parse_workers=0,
                 postgres_url=admin.render_as_string(hide_password=False)) as cluster:  # fmt: skip
        control(network, "/__reset")
        first = cluster.crawl_all(shards=4, timeout=240)
        assert first.state == "COMPLETED", cluster.log("worker-1")[-3000:]
        assert [s.state for s in first.shards] == ["COMPLETED"] * 4, first.shards
        assert set(first.per_worker()) == {"worker-1", "worker-2"}, first.per_worker()
        before = stored_urls(cluster.database_url)
        assert len(before) == PORTALS * ARTICLES and len(set(before)) == len(before)
        assert first.counts["article_new_events"] == PORTALS * ARTICLES
        assert control(network, "/__in_flight")["max_in_flight_per_host"] == 1
        assert received == [], "a baseline crawl sent alerts"

        advanced = control(network, "/__advance?share=0.1&new=5")
        assert advanced["new_articles"] == PORTALS // 10 * 5
        second = cluster.crawl_all(shards=4, timeout=180)
        assert second.state == "COMPLETED" and all(s.state == "COMPLETED" for s in second.shards)
        after = stored_urls(cluster.database_url)
        new = set(after) - set(before)
        assert len(new) == advanced["new_articles"] and len(set(after)) == len(after)
        # The events the crawl mirrored trigger notify runs: those that run must send nothing more.
        pending = cluster.wait_idle(NOTIFY_WAIT)
        print(f"round 1 {first.wall_s:.1f} s, round 2 {second.wall_s:.1f} s, "
              f"{first.per_worker()} / {second.per_worker()}; pending after {NOTIFY_WAIT} s: {Counter(pending)}")
        counts = cluster.counts()
        assert control(network, "/__in_flight")["max_in_flight_per_host"] == 1

    alerted = Counter(url for body in received for url in set(URL.findall(str(body.get("message", "")))))
    assert set(alerted) == new, sorted(set(alerted) ^ new)[:5]
    assert set(alerted.values()) == {1}, alerted.most_common(3)
    assert len(received) == len(new)  # one alert per event, nothing else
    assert counts["deliveries_sent"] == len(new) and counts["deliveries_not_sent"] == 0
