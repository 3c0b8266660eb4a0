"""A small loopback portal crawled end to end: listing → pagination → articles."""

from __future__ import annotations

import pytest
from conftest import FAST, FAST_LIMITS
from loopback_site import LoopbackSite, Reply
from vn_pages import HEADLINES, listing_html, publish_newsroom

from core.config import PortalConfig
from core.urls import canonical_url
from crawler import CrawlState, crawl_portals

pytestmark = pytest.mark.timeout(30)


def _portal(site: LoopbackSite, **fields: object) -> PortalConfig:
    values: dict[str, object] = {
        "id": "bachthong",
        "name": "Huyện ủy Bạch Thông",
        "start_urls": [site.url("/tin-tuc")],
    }
    values.update(fields)
    return PortalConfig(**values)  # type: ignore[arg-type]


async def test_listing_pagination_and_articles(site: LoopbackSite) -> None:
    paths = publish_newsroom(site, count=7, per_page=3)
    crawl = (await crawl_portals([_portal(site)], FAST, {}, limits=FAST_LIMITS))["bachthong"]

    assert crawl.errors == []
    kinds = [p.kind for p in crawl.pages]
    assert kinds.count("listing") == 3 and kinds.count("robots") == 1
    assert sorted(p.url for p in crawl.articles) == sorted(site.url(p) for p in paths)
    first = crawl.articles[0]
    assert first.status == 200 and first.headers["etag"].startswith('"art-')
    assert first.headers["content-type"] == "text/html; charset=utf-8"
    assert first.headers["last-modified"] == "Fri, 16 May 2025 01:21:00 GMT"
    assert any(h in first.text for h in HEADLINES) and first.body.startswith(b"<!DOCTYPE")
    assert crawl.requests == len(site.hits) == 1 + 3 + 7
    assert all(h.headers["user-agent"] == FAST.user_agent for h in site.hits)


async def test_urls_are_canonical_and_tracking_dropped(site: LoopbackSite) -> None:
    site.route("/robots.txt", Reply(status=404))
    links = [
        (
            "/Tin-Tuc/Le-ky-niem-ngay-thanh-lap-Dang-bo-tinh-lan-thu-75-1201.html"
            "?utm_source=zalo&b=2&a=1#binh-luan",
            HEADLINES[0],
        )
    ]
    site.html("/tin-tuc", listing_html(links))
    # Requested as linked; reported in canonical form.
    site.html(
        "/Tin-Tuc/Le-ky-niem-ngay-thanh-lap-Dang-bo-tinh-lan-thu-75-1201.html"
        "?utm_source=zalo&b=2&a=1",
        "<h1>Lễ kỷ niệm</h1>",
    )
    crawl = (await crawl_portals([_portal(site)], FAST, {}, limits=FAST_LIMITS))["bachthong"]

    [article] = [p for p in crawl.pages if p.kind == "article"]
    expected = site.url(
        "/Tin-Tuc/Le-ky-niem-ngay-thanh-lap-Dang-bo-tinh-lan-thu-75-1201.html?a=1&b=2"
    )
    assert article.url == canonical_url(expected) == expected
    assert article.status == 200 and "Lễ kỷ niệm" in article.text


async def test_many_portals_share_nothing_but_run_in_parallel(make_site) -> None:  # type: ignore[no-untyped-def]
    sites = [make_site() for _ in range(4)]
    for site in sites:
        publish_newsroom(site, count=4, per_page=4, article_delay=0.1)
    portals = [_portal(s, id=f"xa-{i}") for i, s in enumerate(sites)]
    result = await crawl_portals(
        portals, FAST, {p.id: CrawlState() for p in portals}, limits=FAST_LIMITS
    )

    assert set(result) == {"xa-0", "xa-1", "xa-2", "xa-3"}
    assert all(len(r.articles) == 4 and not r.errors for r in result.values())
    # Hosts overlap in time: every site was busy while another one was.
    spans = [(min(h.started for h in s.hits), max(h.ended for h in s.hits)) for s in sites]
    assert max(a for a, _ in spans) < min(b for _, b in spans)


async def test_unreachable_portal_is_recorded_not_raised(site: LoopbackSite) -> None:
    port = site.port
    site.stop()
    dead = PortalConfig(id="da-sap-nhap", name="Huyện cũ", start_urls=[f"http://127.0.0.1:{port}/"])
    crawl = (await crawl_portals([dead], FAST, {}, limits=FAST_LIMITS))["da-sap-nhap"]

    assert crawl.failed
    assert crawl.errors and all("\n" not in e for e in crawl.errors)
    assert "robots.txt unavailable" in crawl.errors[-1] or "ConnectError" in crawl.errors[-1]
