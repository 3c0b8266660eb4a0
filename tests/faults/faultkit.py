"""Whole-pipeline fault kit: loopback portals with distinct articles, a config, a crawl, and
what the database and the webhook hold afterwards.

A crawl here is what `portalwatch crawl` runs, without Prefect: pipeline.run_crawl (fetch →
parse → store → detect), then alerts planned and delivered to a loopback webhook.
"""

from __future__ import annotations

import random
import ssl
import threading
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http.server import ThreadingHTTPServer
from typing import Any

from loopback_site import Hit, LoopbackSite, Reply, _Handler, _StampingServer
from sqlalchemy.engine import Engine
from sqlmodel import col, select
from vn_pages import listing_html

from core.config import AppConfig
from crawler import CrawlLimits
from pipeline.alerting import deliver_due, plan_alerts
from pipeline.ingest import PortalReport
from pipeline.settings import parse_config
from pipeline.stream import run_crawl
from storage.db import session_scope
from storage.models import Article, CrawlRun, Delivery, Event

ROBOTS = Reply(body=b"User-agent: *\nDisallow: /quan-tri/\n", content_type="text/plain")
LIMITS = CrawlLimits(
    retry_base_seconds=0.02, max_retry_after_seconds=1.0, slow_response_seconds=1.0,
    max_backoff_seconds=0.2, connect_timeout_seconds=1.0,
)
CRAWLER = {"min_delay_seconds": 0.0, "timeout_seconds": 2.0, "user_agent": "portalwatch-faults/1.0"}

_VOCABULARY = (
    "hội nghị tổng kết công tác dân vận chi bộ thôn bản đảng viên nhân dân kinh tế xã hội "
    "nông thôn mới giao thông thủy lợi trường học trạm y tế văn hóa thể thao an ninh quốc phòng "
    "cải cách hành chính chuyển đổi số thu nhập hộ nghèo việc làm thanh niên phụ nữ cựu chiến "
    "binh mặt trận tổ quốc khuyến học đất đai môi trường rừng phòng hộ lúa ngô chè quế hồi "
    "chăn nuôi hợp tác xã doanh nghiệp ngân sách đầu tư công đường liên xã cầu treo nhà văn hóa"
)
_WORDS = _VOCABULARY.split()
_SURNAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ")


def headline(portal_id: str, k: int) -> str:
    rng = random.Random(f"{portal_id}/{k}/title")
    words = " ".join(rng.sample(_WORDS, 7))
    return f"Xã {portal_id.title()} {words} năm 202{k % 5} (bài {k})"


def article_html(portal_id: str, k: int, revision: int = 0) -> str:
    """A distinct article: its own random sentences, so no two are near-duplicates."""
    rng = random.Random(f"{portal_id}/{k}/{revision}")
    paragraphs = []
    for _ in range(5):
        words = rng.choices(_WORDS, k=22)
        words[0] = words[0].capitalize()
        paragraphs.append(f"<p>{' '.join(words)}.</p>")
    author = f"{rng.choice(_SURNAMES)} {rng.choice(('Thu', 'Minh', 'Hải', 'Lan'))} {rng.choice(('Trang', 'Hà', 'Anh'))}"
    title = headline(portal_id, k)
    return (
        f'<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{title}</title></head>'
        f'<body><div class="top-menu"><a href="/">Trang chủ</a></div><h1 class="title">{title}</h1>'
        f'<div class="date">Thứ Sáu, {1 + k % 28:02d}/05/2025 08:21</div>'
        f'<div class="content">{"".join(paragraphs)}<p><b>{author}</b></p></div></body></html>'
    )


class Site(LoopbackSite):
    """LoopbackSite on a chosen loopback address (127.0.0.2 is "another portal's" address)."""

    def __init__(self, host: str = "127.0.0.1", tls: ssl.SSLContext | None = None) -> None:
        super().__init__(tls)
        self.host = host
        self.down = False  # every request is answered with a connection reset

    def answer(self, hit: Hit) -> Reply:
        return Reply(reset=True) if self.down else super().answer(hit)

    def start(self) -> Site:
        handler = type("Handler", (_Handler,), {"site": self})
        server: ThreadingHTTPServer = _StampingServer((self.host, 0), handler)
        server.daemon_threads = True
        self._server = server
        threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
        return self

    @property
    def base(self) -> str:
        return f"http://{self.host}:{self.port}"


@dataclass
class Portal:
    """A news portal: /tin-tuc lists `count` articles, newest first."""

    id: str
    count: int = 3
    host: str = "127.0.0.1"
    site: Site = field(init=False)

    def __post_init__(self) -> None:
        self.site = Site(self.host)

    def start(self) -> Portal:
        self.site.start()
        self.publish()
        return self

    def stop(self) -> None:
        self.site.stop()

    def path(self, k: int) -> str:
        return f"/tin-tuc/{self.id}-bai-{k}.html"

    def url(self, k: int) -> str:
        return self.site.url(self.path(k))

    def urls(self) -> set[str]:
        return {self.url(k) for k in range(1, self.count + 1)}

    def publish(self, count: int | None = None) -> None:
        """(Re)publish the listing and every article (a larger count adds new articles)."""
        self.count = count or self.count
        self.site.route("/robots.txt", ROBOTS)
        items = [(self.path(k), headline(self.id, k)) for k in range(self.count, 0, -1)]
        self.site.html("/tin-tuc", listing_html(items))
        for k in range(1, self.count + 1):
            self.site.html(self.path(k), article_html(self.id, k))

    def entry(self, **fields: Any) -> dict[str, Any]:
        return {
            "id": self.id, "name": f"Cổng thông tin xã {self.id.title()}", "level": "commune",
            "locality": f"{self.id.title()}, Thái Nguyên", "start_urls": [self.site.url("/tin-tuc")],
            "max_pages": 1, **fields,
        }


def config_data(portals: list[dict[str, Any]], hooks: list[str] | None = None, **alerts: Any) -> dict[str, Any]:
    """Configuration data: the portals, one subscription to every event type (history too)."""
    data: dict[str, Any] = {"crawler": dict(CRAWLER), "portals": portals}
    if hooks:
        data["subscriptions"] = [{
            "name": "van-hanh", "urls": hooks, "alert_history": True,
            "events": ["article.new", "directive.new", "indicator.changed", "portal.down", "portal.recovered"],
        }]
    data["alerts"] = {"retry_base_seconds": 0.01, "retry_max_seconds": 0.05, **alerts}
    return data


def make_config(portals: list[dict[str, Any]], hooks: list[str] | None = None, **alerts: Any) -> AppConfig:
    return parse_config(config_data(portals, hooks, **alerts), "<faults>")


def crawl(engine: Engine, config: AppConfig, deliver: bool = True) -> dict[str, PortalReport]:
    """One run as the crawl command does it: ingest, plan alerts, send them."""
    reports = run_crawl(engine, config, parse_workers=0, limits=LIMITS)
    now = datetime.now(UTC)
    plan_alerts(engine, config, [eid for r in reports for eid in r.event_ids], now)
    if deliver:
        deliver_due(engine, config, now)
    return {r.portal_id: r for r in reports}


@dataclass(frozen=True)
class Stored:
    """What the database holds after a run."""

    urls: dict[str, set[str]]  # portal → article URLs
    event_keys: list[str]
    deliveries: Counter[str]  # status → count
    runs: dict[str, list[str]]  # portal → statuses, oldest first

    def events_of(self, prefix: str) -> list[str]:
        return [k for k in self.event_keys if k.startswith(prefix)]


def stored(engine: Engine) -> Stored:
    with session_scope(engine) as session:
        urls: dict[str, set[str]] = {}
        for portal_id, url in session.exec(select(Article.portal_id, Article.url)).all():
            urls.setdefault(portal_id, set()).add(url)
        keys = list(session.exec(select(Event.key).order_by(col(Event.id))).all())
        statuses = Counter(session.exec(select(Delivery.status)).all())
        runs: dict[str, list[str]] = {}
        for portal_id, status in session.exec(select(CrawlRun.portal_id, CrawlRun.status).order_by(col(CrawlRun.id))).all():
            runs.setdefault(portal_id, []).append(status)
    return Stored(urls, keys, statuses, runs)


def received_titles(webhook: Any) -> Counter[str]:
    """Messages the webhook processed, by title (each event's message has its own title)."""
    return Counter(webhook.titles())
