"""Politeness, measured from the server's request log."""

from __future__ import annotations

import itertools
import time
from dataclasses import replace

import pytest
from conftest import FAST, FAST_LIMITS
from loopback_site import LoopbackSite, Reply
from vn_pages import article_html, article_urls, listing_html, publish_newsroom

from core.config import PortalConfig
from crawler import crawl_portals

pytestmark = pytest.mark.timeout(30)

# Server-side times: a new connection also pays for connect and a thread start, and on a busy
# machine a server thread may be scheduled late, never early.
TOLERANCE = 0.05


def assert_spaced(site: LoopbackSite, delay: float) -> None:
    """Request starts spaced by `delay`: on average fully, each one at least half of it (a
    single late-noted start shortens one gap; without the gate, gaps would be ~1 ms)."""
    gaps = site.start_gaps()
    assert gaps and min(gaps) >= delay / 2, gaps
    assert sum(gaps) / len(gaps) >= delay * 0.97, gaps


def _portal(site: LoopbackSite, **fields: object) -> PortalConfig:
    values: dict[str, object] = {
        "id": "langson",
        "name": "Cổng TTĐT tỉnh Lạng Sơn",
        "start_urls": [site.url("/tin-tuc")],
        "max_pages": 10,
    }
    values.update(fields)
    return PortalConfig(**values)  # type: ignore[arg-type]


async def test_in_flight_never_exceeds_the_host_cap(site: LoopbackSite) -> None:
    publish_newsroom(site, count=10, per_page=10, article_delay=0.12)
    settings = FAST.model_copy(update={"max_in_flight_per_host": 2, "min_delay_seconds": 0.0})
    crawl = (await crawl_portals([_portal(site)], settings, {}, limits=FAST_LIMITS))["langson"]

    assert len(crawl.articles) == 10
    assert site.max_in_flight() == 2  # the cap is used, and never exceeded


async def test_request_starts_are_spaced_by_min_delay(site: LoopbackSite) -> None:
    publish_newsroom(site, count=6, per_page=3)
    settings = FAST.model_copy(update={"min_delay_seconds": 0.12, "max_in_flight_per_host": 3})
    await crawl_portals([_portal(site)], settings, {}, limits=FAST_LIMITS)

    assert len(site.hits) == 1 + 2 + 6
    assert_spaced(site, 0.12)


async def test_crawl_delay_for_our_agent_wins_when_larger(site: LoopbackSite) -> None:
    robots = (
        "User-agent: *\nCrawl-delay: 5\nDisallow: /\n\n"
        "User-agent: portalwatch-test\nCrawl-delay: 0.25\nDisallow: /quan-tri/\n"
    )
    publish_newsroom(site, count=3, per_page=3, robots=robots)
    crawl = (await crawl_portals([_portal(site)], FAST, {}, limits=FAST_LIMITS))["langson"]

    assert len(crawl.articles) == 3  # our group applies, not the `*` one that disallows all
    assert_spaced(site, 0.25)


async def test_disallowed_paths_are_never_requested(site: LoopbackSite) -> None:
    robots = (
        "User-agent: *\nDisallow: /tin-tuc/*-1001.html$\nDisallow: /noi-bo\n"
        "Allow: /noi-bo/thong-bao-cong-khai\n"
    )
    items = article_urls("/tin-tuc", 3)
    items += [
        (
            "/noi-bo/tai-lieu-hop-ban-thuong-vu-quy-ii-2025-2201.html",
            "Tài liệu họp Ban Thường vụ quý II năm 2025 gửi các đồng chí ủy viên",
        ),
        (
            "/noi-bo/thong-bao-cong-khai/lich-tiep-cong-dan-thang-6-nam-2025-2202.html",
            "Lịch tiếp công dân của Bí thư Huyện ủy tháng 6 năm 2025",
        ),
    ]
    site.route("/robots.txt", Reply(body=robots.encode(), content_type="text/plain"))
    site.html("/tin-tuc", listing_html(items))
    for i, (path, title) in enumerate(items):
        site.html(path, article_html(title, i))
    crawl = (await crawl_portals([_portal(site)], FAST, {}, limits=FAST_LIMITS))["langson"]

    requested = set(site.paths())
    assert items[1][0] not in requested and items[3][0] not in requested
    assert {items[0][0], items[2][0], items[4][0]} <= requested
    refused = [p for p in crawl.pages if p.error == "disallowed by robots.txt"]
    assert len(refused) == 2 and all(p.status == 0 for p in refused)


async def test_retry_after_is_honoured_then_the_request_retried(site: LoopbackSite) -> None:
    [(path, title)] = article_urls("/tin-tuc", 1)
    publish_newsroom(site, count=1)
    site.route(
        path,
        [Reply(status=503, headers={"Retry-After": "1"}), Reply(body=article_html(title).encode())],
    )
    crawl = (await crawl_portals([_portal(site)], FAST, {}, limits=FAST_LIMITS))["langson"]

    assert [p.status for p in crawl.pages if p.kind == "article"] == [200]
    first, second = [h for h in site.hits if h.path == path]
    assert first.status == 503 and second.started - first.ended >= 1.0 - TOLERANCE


async def test_throttling_widens_the_gap_for_later_requests(site: LoopbackSite) -> None:
    items = publish_newsroom(site, count=4, per_page=4)
    site.route(items[0], [Reply(status=429), Reply(body=article_html("Bài một").encode())])
    limits = replace(FAST_LIMITS, retry_base_seconds=0.3, max_backoff_seconds=1.0)
    crawl = (await crawl_portals([_portal(site)], FAST, {}, limits=limits))["langson"]

    assert len(crawl.articles) == 4 and crawl.errors == []
    throttled = next(h for h in site.hits if h.status == 429)
    after = [h.started for h in site.hits if h.started > throttled.started]
    assert after and after[0] - throttled.ended >= 0.3 - TOLERANCE


async def test_slow_answers_widen_the_gap(site: LoopbackSite) -> None:
    publish_newsroom(site, count=4, per_page=4, article_delay=0.2)
    limits = replace(FAST_LIMITS, slow_response_seconds=0.15, max_backoff_seconds=0.3)
    await crawl_portals([_portal(site)], FAST, {}, limits=limits)

    articles = sorted((h for h in site.hits if h.path.endswith(".html")), key=lambda h: h.started)
    idle = [b.started - a.ended for a, b in itertools.pairwise(articles)]
    assert len(idle) == 3 and min(idle) >= 0.2 - TOLERANCE  # min_delay alone would be 0.05


async def test_global_cap_on_hosts_in_flight(make_site) -> None:  # type: ignore[no-untyped-def]
    sites = [make_site() for _ in range(3)]
    for site in sites:
        publish_newsroom(site, count=2, per_page=2)
    portals = [_portal(s, id=f"tinh-{i}") for i, s in enumerate(sites)]
    started = time.monotonic()
    await crawl_portals(portals, FAST, {}, limits=replace(FAST_LIMITS, max_hosts_in_flight=1))

    spans = sorted((min(h.started for h in s.hits), max(h.ended for h in s.hits)) for s in sites)
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans))  # one after another
    assert spans[0][0] >= started


async def test_portals_sharing_a_host_share_its_politeness(site: LoopbackSite) -> None:
    """Commune sites often live under their province's host: one gate, one robots.txt."""
    publish_newsroom(site, count=4, per_page=4)
    for commune in ("xa-cam-giang", "xa-vi-huong"):
        items = [
            (f"/{commune}/tin-tuc/{path.rsplit('/', 1)[1]}", title)
            for path, title in article_urls("/tin-tuc", 3)
        ]
        site.html(f"/{commune}/tin-tuc", listing_html(items))
        for i, (path, title) in enumerate(items):
            site.html(path, article_html(title, i))
    portals = [
        _portal(site, id="tinh"),
        _portal(site, id="cam-giang", start_urls=[site.url("/xa-cam-giang/tin-tuc")]),
        _portal(site, id="vi-huong", start_urls=[site.url("/xa-vi-huong/tin-tuc")]),
    ]
    settings = FAST.model_copy(update={"min_delay_seconds": 0.1})
    result = await crawl_portals(portals, settings, {}, limits=FAST_LIMITS)

    assert [len(result[p].articles) for p in ("tinh", "cam-giang", "vi-huong")] == [4, 3, 3]
    assert site.count("/robots.txt") == 1
    robots = {f"{site.base}": "User-agent: *\nDisallow: /quan-tri/\n"}
    assert all(crawl.robots == robots for crawl in result.values())  # each can keep the text
    assert site.max_in_flight() == 1
    assert_spaced(site, 0.1)
