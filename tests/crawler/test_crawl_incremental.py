"""Incremental crawling: conditional GET, known articles skipped, paging stops early."""

from __future__ import annotations

import pytest
from conftest import FAST, FAST_LIMITS
from loopback_site import LoopbackSite, Reply
from vn_pages import HEADLINES, article_html, listing_html, publish_newsroom, slug

from core.config import PortalConfig
from crawler import CrawlState, PortalCrawl, Validators, crawl_portals

pytestmark = pytest.mark.timeout(30)


def _portal(site: LoopbackSite, **fields: object) -> PortalConfig:
    values: dict[str, object] = {
        "id": "thainguyen",
        "name": "Cổng TTĐT tỉnh Thái Nguyên",
        "start_urls": [site.url("/tin-tuc")],
        "max_pages": 10,
    }
    values.update(fields)
    return PortalConfig(**values)  # type: ignore[arg-type]


def _state_after(crawl: PortalCrawl, **fields: object) -> CrawlState:
    """What storage would hand back after `crawl`: validators, known articles, robots texts."""
    validators = {
        p.url: Validators(p.headers.get("etag"), p.headers.get("last-modified"))
        for p in crawl.pages
        if p.kind != "article" and p.status in (200, 304)
    }
    known = frozenset(p.url for p in crawl.articles)
    values: dict[str, object] = {
        "validators": validators,
        "known_articles": known,
        "robots": dict(crawl.robots),
        "signals": {(s.source, s.url): s.stamp for p in crawl.pages for s in p.signals},
    }
    values.update(fields)
    return CrawlState(**values)  # type: ignore[arg-type]


async def _crawl(
    site: LoopbackSite, state: CrawlState | None = None, **fields: object
) -> PortalCrawl:
    portal = _portal(site, **fields)
    states = {portal.id: state} if state else {}
    return (await crawl_portals([portal], FAST, states, limits=FAST_LIMITS))[portal.id]


async def test_unchanged_portal_costs_only_its_entry_requests(site: LoopbackSite) -> None:
    publish_newsroom(site, count=9, per_page=3)
    first = await _crawl(site)
    assert len(first.articles) == 9 and len(site.hits) == 1 + 3 + 9
    site.hits.clear()

    second = await _crawl(site, _state_after(first))

    assert site.paths() == ["/robots.txt", "/tin-tuc"]
    assert [h.status for h in site.hits] == [304, 304]
    assert site.hits[1].headers["if-none-match"] == '"list-1-9"'
    assert second.requests == 2 and second.errors == [] and not second.failed
    listing = next(p for p in second.pages if p.kind == "listing")
    assert listing.not_modified and listing.headers["etag"] == '"list-1-9"'
    assert second.robots == first.robots  # the kept text is still in force


async def test_a_robots_txt_fetched_recently_is_obeyed_without_asking_again(site: LoopbackSite) -> None:
    publish_newsroom(site, count=3, per_page=3)
    site.route("/robots.txt", Reply(body=b"User-agent: *\nDisallow: /private/\n", content_type="text/plain"))
    first = await _crawl(site)
    host = next(iter(first.robots))
    site.hits.clear()

    second = await _crawl(site, _state_after(first, robots_fresh=frozenset({host})))

    assert site.paths() == ["/tin-tuc"]  # no robots.txt request: the kept text is in force
    assert second.robots == first.robots and not second.failed
    assert not any(p.kind == "robots" for p in second.pages)  # nothing to record: its row stays as fetched

    site.hits.clear()
    await _crawl(site, _state_after(first))  # not fresh: asked again, conditionally
    assert site.paths() == ["/robots.txt", "/tin-tuc"]


async def test_paging_stops_at_the_first_page_with_nothing_new(site: LoopbackSite) -> None:
    publish_newsroom(site, count=9, per_page=3)
    first = await _crawl(site)
    # Two new articles appear on top; the listing changes, the old pages shift.
    publish_newsroom(site, count=11, per_page=3)
    site.hits.clear()

    second = await _crawl(site, _state_after(first))

    fetched = [p for p in second.pages if p.kind == "article"]
    assert len(fetched) == 2  # the two new ones; page 2 brought nothing new: stop there
    listings = [h.path for h in site.hits if h.path.startswith("/tin-tuc") and "html" not in h.path]
    assert listings == ["/tin-tuc", "/tin-tuc/page-2"]


async def test_known_articles_are_refetched_only_when_due(site: LoopbackSite) -> None:
    paths = publish_newsroom(site, count=3, per_page=3)
    first = await _crawl(site)
    due = next(p for p in first.articles if p.url.endswith(paths[0]))
    state = _state_after(
        first,
        validators={due.url: Validators(due.headers["etag"], due.headers["last-modified"])},
        refetch_known=frozenset({due.url}),
    )
    site.hits.clear()

    second = await _crawl(site, state)

    articles = [h for h in site.hits if h.path.endswith(".html")]
    assert [h.path for h in articles] == [paths[0]]
    assert articles[0].status == 304 and articles[0].headers["if-none-match"] == '"art-0"'
    [page] = [p for p in second.pages if p.kind == "article"]
    assert page.not_modified and page.url == due.url


async def test_force_refetch_ignores_validators_and_known(site: LoopbackSite) -> None:
    publish_newsroom(site, count=4, per_page=2)
    first = await _crawl(site)
    site.hits.clear()

    again = await _crawl(site, _state_after(first, force_refetch=True))

    assert len(again.articles) == 4
    assert not any("if-none-match" in h.headers for h in site.hits if h.path != "/robots.txt")


def _publish_feed_and_sitemap(site: LoopbackSite) -> list[tuple[str, str]]:
    """An RSS feed with two items and a sitemap index whose child lists three."""
    site.route("/robots.txt", Reply(status=404))
    items = [(f"/tin-tuc/{slug(t)}-{500 + i}.html", t) for i, t in enumerate(HEADLINES[:4])]
    rss = "".join(
        f"<item><title>{t}</title><link>{site.url(p)}</link></item>" for p, t in items[:2]
    )
    site.route(
        "/rss/",
        Reply(
            body=f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0">'
            f"<channel><title>Tin mới</title>{rss}</channel></rss>".encode(),
            content_type="application/rss+xml",
            etag='"rss-1"',
        ),
    )
    index = (
        '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/'
        f'sitemap/0.9"><sitemap><loc>{site.url("/sitemap-vi.news.xml")}</loc></sitemap>'
        "</sitemapindex>"
    )
    urls = "".join(
        f"<url><loc>{site.url(p)}</loc><lastmod>2025-05-1{i}</lastmod></url>"
        for i, (p, _) in enumerate(items[1:])
    )
    site.route(
        "/sitemap.xml",
        Reply(
            body=index.encode(),
            content_type="application/xml",
            last_modified="Sat, 17 May 2025 02:00:00 GMT",
        ),
    )
    site.route(
        "/sitemap-vi.news.xml",
        Reply(
            body=f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'.encode(),
            content_type="application/xml",
            etag='"sm-news"',
        ),
    )
    for i, (path, title) in enumerate(items):
        site.html(path, article_html(title, i))
    return items


async def test_feed_and_sitemap_with_conditional_get(site: LoopbackSite) -> None:
    items = _publish_feed_and_sitemap(site)
    fields = {
        "start_urls": [],
        "feeds": [site.url("/rss/")],
        "sitemaps": [site.url("/sitemap.xml")],
    }
    first = await _crawl(site, **fields)

    assert sorted(p.url for p in first.articles) == sorted(site.url(p) for p, _ in items)
    assert {p.kind for p in first.pages} == {"robots", "feed", "sitemap", "article"}
    site.hits.clear()
    second = await _crawl(site, _state_after(first), **fields)

    assert sorted(site.paths()) == ["/robots.txt", "/rss/", "/sitemap.xml"]
    assert [h.status for h in site.hits if h.path != "/robots.txt"] == [304, 304]
    assert second.errors == []


async def test_new_listing_page_without_validators_reads_only_new(site: LoopbackSite) -> None:
    """A portal that ignores conditional GET still costs listings only when nothing is new."""
    items = [(f"/bai-viet/{slug(t)}-{700 + i}.html", t) for i, t in enumerate(HEADLINES[4:7])]
    site.route("/robots.txt", Reply(status=404))
    site.html("/tin-tuc", listing_html(items, "/tin-tuc?PageIndex=2"))
    site.html("/tin-tuc?PageIndex=2", listing_html(items[:1]))
    for i, (path, title) in enumerate(items):
        site.html(path, article_html(title, i))
    first = await _crawl(site)
    site.hits.clear()

    await _crawl(site, _state_after(first))

    assert site.paths() == ["/robots.txt", "/tin-tuc"] and site.hits[1].status == 200


async def test_unfinished_runs_hand_back_no_listing_validators(site: LoopbackSite) -> None:
    """Articles left over (budget spent, server errors) must not hide behind a 304 next time."""
    paths = publish_newsroom(site, count=6, per_page=6)
    site.route(paths[0], Reply(status=503))
    first = await _crawl(site)
    listing = next(p for p in first.pages if p.kind == "listing")
    assert "etag" not in listing.headers and len(first.articles) == 5
    site.route(paths[0], Reply(body=b"<h1>Bai viet</h1>"))
    site.hits.clear()

    second = await _crawl(site, _state_after(first))

    assert [p.url for p in second.articles] == [site.url(paths[0])]
    assert next(p for p in second.pages if p.kind == "listing").headers["etag"] == '"list-1-6"'


async def test_permanent_article_failures_keep_the_validators(site: LoopbackSite) -> None:
    """A 404 or a robots.txt refusal will not change by itself: the listing may still 304."""
    robots = "User-agent: *\nDisallow: /tin-tuc/*-1001.html\n"
    paths = publish_newsroom(site, count=3, per_page=3, robots=robots)
    site.route(paths[2], Reply(status=404))
    first = await _crawl(site)

    failures = {p.url.rsplit("/", 1)[-1]: p for p in first.pages if p.error}
    assert [p.transient for p in failures.values()] == [False, False]
    listing = next(p for p in first.pages if p.kind == "listing")
    assert listing.headers["etag"] == '"list-1-3"'
