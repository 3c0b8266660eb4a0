"""An article edited in place is seen at the next crawl, from the sitemap's lastmod alone.

Through the public pipeline (run_crawl, then the alert planner and sender) on a real SQLite
file and on PostgreSQL, against a loopback portal and a loopback webhook receiver.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from loopback_site import LoopbackSite, Reply
from sqlalchemy import func
from sqlalchemy.engine import Engine
from sqlmodel import select

from alerts import deliver_pending, plan_deliveries
from core.config import AppConfig
from pipeline.ingest import PortalReport
from pipeline.settings import parse_config
from pipeline.stream import run_crawl
from storage.db import session_scope
from storage.models import Article, ArticleVersion, Delivery, Event
from tests.alerts.alertkit import WebhookReceiver

pytestmark = pytest.mark.timeout(120)

ARTICLES = {
    "/tin-tuc/hop-ban-chi-dao-chuyen-doi-so-cap-xa-3101.html": (
        "Ban chỉ đạo chuyển đổi số xã Yên Ninh họp phiên thường kỳ",
        [
            "Chiều thứ Năm, Ban chỉ đạo chuyển đổi số xã Yên Ninh đã họp để rà soát tiến độ đưa "
            "dịch vụ công trực tuyến về từng thôn.",
            "Đến hết tháng, xã đã lập được 14 tổ công nghệ số cộng đồng với gần một trăm thành "
            "viên là đoàn viên thanh niên.",
        ],
    ),
    "/tin-tuc/xa-lam-vy-ra-quan-lam-duong-giao-thong-nong-thon-3102.html": (
        "Xã Lam Vỹ ra quân làm đường giao thông nông thôn",
        [
            "Hơn hai trăm hộ dân ở các thôn Đồng Đình, Khuôn Lăn đã hiến đất, góp ngày công để "
            "mở rộng tuyến đường liên thôn dài bốn cây số.",
            "Mặt trận Tổ quốc xã vận động thêm các doanh nghiệp trên địa bàn hỗ trợ xi măng và "
            "cát sỏi cho những đoạn khó.",
        ],
    ),
    "/tin-tuc/tap-huan-ky-nang-dan-van-cho-can-bo-thon-ban-3103.html": (
        "Tập huấn kỹ năng dân vận cho cán bộ thôn, bản",
        [
            "Lớp tập huấn thu hút trưởng thôn, bí thư chi bộ và chi hội trưởng các đoàn thể của "
            "mười hai thôn trong xã.",
            "Học viên được trao đổi cách nắm bắt tâm tư của người dân và giải quyết kiến nghị "
            "ngay từ cơ sở.",
        ],
    ),
}
EDITED = "/tin-tuc/hop-ban-chi-dao-chuyen-doi-so-cap-xa-3101.html"
ADDED = (
    "Cuộc họp thống nhất triển khai Quyết định số 1234/QĐ-UBND ngày 5/6/2023 của Ủy ban nhân "
    "dân tỉnh về kế hoạch chuyển đổi số đến năm 2025."
)
DIRECTIVE_KEY = "directive.new:1234/QĐ-UBND@2023-06-05"  # code + date: numbers restart yearly
OLD_STAMP, NEW_STAMP = "Fri, 16 May 2025 01:21:00 GMT", "Sat, 17 May 2025 03:05:00 GMT"


def _article(title: str, paragraphs: list[str]) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f'<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{title}</title>'
        f'</head><body><div class="top-menu"><a href="/">Trang chủ</a></div>'
        f'<h1 class="title">{title}</h1><div class="date">Thứ Sáu, 16/05/2025 08:21</div>'
        f'<div class="content">{body}<p><b>Minh Hằng</b></p></div></body></html>'
    ).encode()


def _listing() -> bytes:
    rows = "".join(
        f'<li class="news-item"><h3><a href="{path}">{title}</a></h3>'
        f'<span class="date">16/05/2025</span></li>'
        for path, (title, _) in ARTICLES.items()
    )
    return (
        '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Tin tức</title>'
        f'</head><body><h1>Tin tức - Sự kiện</h1><ul class="list-news">{rows}</ul></body></html>'
    ).encode()


def _sitemap(site: LoopbackSite, edited_lastmod: str) -> bytes:
    entries = "".join(
        f"<url><loc>{site.url(path)}</loc>"
        f"<lastmod>{edited_lastmod if path == EDITED else '2025-05-16T08:21:00+07:00'}</lastmod></url>"
        for path in ARTICLES
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?>'
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{entries}</urlset>'
    ).encode()


def _publish(site: LoopbackSite, edited: bool) -> None:
    """The portal before (or after) the in-place edit; ETags follow the bytes they name."""
    site.route(
        "/robots.txt", Reply(body=b"User-agent: *\nDisallow: /quan-tri/\n", etag='"robots-1"')
    )
    site.route("/tin-tuc", Reply(body=_listing(), etag='"list-1"'))
    lastmod = "2025-05-17T10:05:00+07:00" if edited else "2025-05-16T08:21:00+07:00"
    site.route(
        "/sitemap.xml",
        Reply(
            body=_sitemap(site, lastmod),
            content_type="application/xml",
            etag=f'"sitemap-{2 if edited else 1}"',
        ),
    )
    for index, (path, (title, paragraphs)) in enumerate(ARTICLES.items()):
        changed = edited and path == EDITED
        site.route(
            path,
            Reply(
                body=_article(title, [*paragraphs, ADDED] if changed else paragraphs),
                etag=f'"art-{index}-{2 if changed else 1}"',
                last_modified=NEW_STAMP if changed else OLD_STAMP,
            ),
        )


@pytest.fixture
def webhook() -> Iterator[WebhookReceiver]:
    receiver = WebhookReceiver().start()
    yield receiver
    receiver.stop()


def _config(site: LoopbackSite, webhook: WebhookReceiver) -> AppConfig:
    return parse_config(
        {
            "crawler": {"min_delay_seconds": 0.02, "timeout_seconds": 5},
            "portals": [
                {
                    "id": "yenninh",
                    "name": "Cổng thông tin xã Yên Ninh",
                    "locality": "Yên Ninh, Thái Nguyên",
                    "level": "commune",
                    "start_urls": [site.url("/tin-tuc")],
                    "sitemaps": [site.url("/sitemap.xml")],
                }
            ],
            "subscriptions": [
                {"name": "ban-tgdv", "urls": [webhook.url("/hook")], "events": ["directive.new"]}
            ],
        },
        "freshness test",
    )


def _crawl_and_alert(engine: Engine, config: AppConfig) -> tuple[PortalReport, list[Event]]:
    [report] = run_crawl(engine, config, parse_workers=1)
    now = datetime.now(UTC)
    with session_scope(engine) as session:
        events = [e for e in (session.get(Event, i) for i in report.event_ids) if e is not None]
        plan_deliveries(session, events, config, now)
    deliver_pending(engine, config, now=now)
    return report, events


def _count(engine: Engine, table: type) -> int:
    with session_scope(engine) as session:
        return int(session.exec(select(func.count()).select_from(table)).one())


def _conditional(headers: dict[str, str]) -> bool:
    return "if-none-match" in headers or "if-modified-since" in headers


def test_edit_signalled_by_lastmod_is_seen_at_the_next_crawl(
    engine: Engine, site: LoopbackSite, webhook: WebhookReceiver
) -> None:
    _publish(site, edited=False)
    config = _config(site, webhook)

    first, _ = _crawl_and_alert(engine, config)
    assert first.baseline and first.status == "ok" and first.new_articles == 3, first
    assert webhook.requests == []  # the first crawl of a portal is its baseline: silent
    assert _count(engine, ArticleVersion) == 3

    _publish(site, edited=True)  # the article, its validators and its lastmod; not the listing
    site.hits.clear()
    second, events = _crawl_and_alert(engine, config)

    assert second.status == "ok" and second.edited_articles == 1 and second.new_articles == 0
    with session_scope(engine) as session:
        edited = session.exec(select(Article).where(Article.url == site.url(EDITED))).one()
        versions = session.exec(
            select(ArticleVersion).where(ArticleVersion.article_id == edited.id)
        ).all()
    assert edited.version == 2 and "1234/QĐ-UBND" in versions[-1].text
    assert _count(engine, ArticleVersion) == 4
    new_directives = [e for e in events if e.type == "directive.new"]
    assert [e.key for e in new_directives] == [DIRECTIVE_KEY]
    assert len(webhook.requests) == 1 and "1234/QĐ-UBND" in str(webhook.requests[0].body)
    article_hits = [h for h in site.hits if h.path.endswith(".html")]
    assert [(h.path, h.status) for h in article_hits] == [(EDITED, 200)]  # only the edited one
    assert _conditional(article_hits[0].headers)
    assert article_hits[0].headers["if-none-match"] == '"art-0-1"'
    assert {h.path: h.status for h in site.hits}["/tin-tuc"] == 304

    site.hits.clear()
    third, events = _crawl_and_alert(engine, config)

    assert events == [] and third.edited_articles == 0 and third.new_articles == 0
    assert site.hits and all(_conditional(h.headers) and h.status == 304 for h in site.hits), [
        (h.path, h.status, _conditional(h.headers)) for h in site.hits
    ]
    # robots.txt, fetched two crawls ago, is still within robots_cache_hours: used as kept, not asked
    assert sorted(h.path for h in site.hits) == ["/sitemap.xml", "/tin-tuc"]
    assert len(webhook.requests) == 1  # the directive alerted once, and only once
    with session_scope(engine) as session:
        assert len(session.exec(select(Delivery)).all()) == 1
