"""Feeds a listing advertises (rel=alternate, /rss/ links) are read when none is configured."""

from __future__ import annotations

import pytest
from conftest import FAST, FAST_LIMITS
from loopback_site import LoopbackSite, Reply
from vn_pages import HEADLINES, article_html, listing_html, slug

from core.config import PortalConfig
from crawler import CrawlState, PortalCrawl, Validators, crawl_portals

pytestmark = pytest.mark.timeout(30)


def _rss(site: LoopbackSite, items: list[tuple[str, str]]) -> bytes:
    entries = "".join(
        f"<item><title>{t}</title><link>{site.url(p)}</link>"
        f"<pubDate>Fri, 16 May 2025 01:21:00 +0700</pubDate></item>"
        for p, t in items
    )
    return (
        '<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>'
        f"<title>Tin mới - Cổng thông tin điện tử xã</title>{entries}</channel></rss>"
    ).encode()


def _publish(site: LoopbackSite, feeds_head: str, feeds_body: str = "") -> list[tuple[str, str]]:
    """A listing of two articles; the feed at /rss/ also carries a third one, not listed."""
    site.route("/robots.txt", Reply(status=404))
    items = [(f"/tin-tuc/{slug(t)}-{800 + i}.html", t) for i, t in enumerate(HEADLINES[7:10])]
    listing = listing_html(items[:2], extra=feeds_body).replace("</head>", f"{feeds_head}</head>")
    site.html("/tin-tuc", listing)
    site.route(
        "/rss/",
        Reply(body=_rss(site, items), content_type="application/rss+xml", etag='"rss-xa-1"'),
    )
    for i, (path, title) in enumerate(items):
        site.html(path, article_html(title, i))
    return items


def _portal(site: LoopbackSite, **fields: object) -> PortalConfig:
    values: dict[str, object] = {
        "id": "xa-yen-phong",
        "name": "Cổng TTĐT xã Yên Phong",
        "start_urls": [site.url("/tin-tuc")],
    }
    values.update(fields)
    return PortalConfig(**values)  # type: ignore[arg-type]


async def _crawl(
    site: LoopbackSite, state: CrawlState | None = None, **fields: object
) -> PortalCrawl:
    portal = _portal(site, **fields)
    states = {portal.id: state} if state is not None else {}
    return (await crawl_portals([portal], FAST, states, limits=FAST_LIMITS))[portal.id]


async def test_advertised_feed_brings_an_unlisted_article(make_site) -> None:  # type: ignore[no-untyped-def]
    site, elsewhere = make_site(), make_site()
    elsewhere.route("/rss/", Reply(body=_rss(elsewhere, []), content_type="application/rss+xml"))
    head = (
        '<link rel="alternate" type="application/rss+xml" title="Tin mới" href="/rss/">'
        f'<link rel="alternate" type="application/rss+xml" href="{elsewhere.url("/rss/")}">'
    )
    items = _publish(site, head)

    crawl = await _crawl(site)

    assert crawl.errors == []
    assert sorted(p.url for p in crawl.articles) == sorted(site.url(p) for p, _ in items)
    assert [p.url for p in crawl.pages if p.kind == "feed"] == [site.url("/rss/")]
    assert elsewhere.hits == []  # a feed on another host is never requested


async def test_advertised_feed_uses_conditional_get(site: LoopbackSite) -> None:
    _publish(site, '<link rel="alternate" type="application/rss+xml" href="/rss/">')
    first = await _crawl(site)
    feed = next(p for p in first.pages if p.kind == "feed")
    state = CrawlState(
        validators={feed.url: Validators(feed.headers.get("etag"))},
        known_articles=frozenset(p.url for p in first.articles),
    )
    site.hits.clear()

    second = await _crawl(site, state)

    [hit] = [h for h in site.hits if h.path == "/rss/"]
    assert hit.headers["if-none-match"] == '"rss-xa-1"' and hit.status == 304
    assert second.errors == [] and second.articles == []


async def test_at_most_two_advertised_feeds(site: LoopbackSite) -> None:
    links = "".join(
        f'<a href="/rss/{name}/">RSS {name}</a>'
        for name in ("thoi-su", "kinh-te", "van-hoa", "xay-dung-dang")
    )
    _publish(site, "", f'<div class="rss-list">{links}</div>')
    for name in ("thoi-su", "kinh-te", "van-hoa", "xay-dung-dang"):
        site.route(f"/rss/{name}/", Reply(body=_rss(site, []), content_type="application/rss+xml"))

    crawl = await _crawl(site)

    feeds = [h.path for h in site.hits if h.path.startswith("/rss/")]
    assert sorted(feeds) == ["/rss/kinh-te/", "/rss/thoi-su/"]
    assert len(crawl.articles) == 2


async def test_configured_feeds_take_precedence(site: LoopbackSite) -> None:
    items = _publish(site, '<link rel="alternate" type="application/rss+xml" href="/rss/">')
    site.route("/rss/chinh-tri/", Reply(body=_rss(site, []), content_type="application/rss+xml"))

    crawl = await _crawl(site, feeds=[site.url("/rss/chinh-tri/")])

    assert site.count("/rss/") == 0 and site.count("/rss/chinh-tri/") == 1
    assert sorted(p.url for p in crawl.articles) == sorted(site.url(p) for p, _ in items[:2])
