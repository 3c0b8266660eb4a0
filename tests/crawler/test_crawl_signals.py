"""Freshness signals in the crawler: which known articles a run re-fetches, and why."""

from __future__ import annotations

import pytest
from conftest import FAST, FAST_LIMITS
from loopback_site import LoopbackSite, Reply
from vn_pages import HEADLINES, article_html, listing_html, slug

from core.config import PortalConfig
from crawler import CrawlState, PortalCrawl, Validators, crawl_portals
from crawler.freshness import MAX_UNEXPLAINED

pytestmark = pytest.mark.timeout(30)

ITEMS = [(f"/tin-tuc/{slug(t)}-{800 + i}.html", t) for i, t in enumerate(HEADLINES[:3])]


def _state_after(crawl: PortalCrawl, before: CrawlState | None = None) -> CrawlState:
    """What storage hands back after `crawl` (on top of what it had): validators of every
    page that answered 200, known articles, robots texts and the stamps confirmed."""
    validators = dict(before.validators) if before else {}
    signals = dict(before.signals) if before else {}
    known = set(before.known_articles) if before else set()
    for page in crawl.pages:
        if page.status == 200 and not page.not_modified:
            validators[page.url] = Validators(
                page.headers.get("etag"), page.headers.get("last-modified")
            )
        signals |= {(s.source, s.url): s.stamp for s in page.signals}
    known |= {p.url for p in crawl.articles}
    return CrawlState(
        validators=validators, known_articles=frozenset(known), robots=dict(crawl.robots),
        signals=signals,
    )


async def _crawl(site: LoopbackSite, state: CrawlState | None = None, **fields: object) -> PortalCrawl:
    values: dict[str, object] = {"id": "vihuong", "name": "Xã Vi Hương", "start_urls": []}
    values.update(fields)
    portal = PortalConfig(**values)  # type: ignore[arg-type]
    states = {portal.id: state} if state else {}
    return (await crawl_portals([portal], FAST, states, limits=FAST_LIMITS))[portal.id]


def _articles(site: LoopbackSite, version: dict[str, int] | None = None) -> None:
    version = version or {}
    for index, (path, title) in enumerate(ITEMS):
        v = version.get(path, 1)
        site.route(path, Reply(body=article_html(f"{title} ({v})", index).encode(), etag=f'"a{index}-{v}"'))


def _feed(site: LoopbackSite, dates: list[str]) -> None:
    items = "".join(
        f"<item><title>{t}</title><link>{site.url(p)}</link><pubDate>{d}</pubDate></item>"
        for (p, t), d in zip(ITEMS, dates, strict=True)
    )
    body = f'<?xml version="1.0"?><rss version="2.0"><channel>{items}</channel></rss>'.encode()
    site.route(
        "/rss/", Reply(body=body, content_type="application/rss+xml", etag=f'"rss-{hash(body)}"')
    )


def _edit_checks(crawl: PortalCrawl) -> dict[str, str]:
    return {p.url.rsplit("/", 1)[-1]: p.edit_check for p in crawl.pages if p.edit_check}


async def test_feed_pubdate_change_refetches_that_item_conditionally(site: LoopbackSite) -> None:
    site.route("/robots.txt", Reply(status=404))
    dates = ["Fri, 16 May 2025 08:00:00 +0700"] * 3
    _feed(site, dates)
    _articles(site)
    first = await _crawl(site, feeds=[site.url("/rss/")])
    assert len(first.articles) == 3
    _feed(site, [dates[0], "Sat, 17 May 2025 09:30:00 +0700", dates[2]])
    _articles(site, {ITEMS[1][0]: 2})
    site.hits.clear()

    second = await _crawl(site, _state_after(first), feeds=[site.url("/rss/")])

    assert _edit_checks(second) == {ITEMS[1][0].rsplit("/", 1)[-1]: "feed"}
    [hit] = [h for h in site.hits if h.path.endswith(".html")]
    assert hit.path == ITEMS[1][0] and hit.headers["if-none-match"] == '"a1-1"' and hit.status == 200
    [feed] = [p for p in second.pages if p.kind == "feed"]
    assert [s.url for s in feed.signals] == [site.url(ITEMS[1][0])]  # only the changed stamp


async def test_listing_title_change_refetches_and_a_failed_refetch_is_retried(
    site: LoopbackSite,
) -> None:
    site.route("/robots.txt", Reply(status=404))
    site.route("/tin-tuc", Reply(body=listing_html(ITEMS).encode(), etag='"l1"'))
    _articles(site)
    first = await _crawl(site, start_urls=[site.url("/tin-tuc")])
    renamed = [ITEMS[0], (ITEMS[1][0], ITEMS[1][1] + " (cập nhật)"), ITEMS[2]]
    site.route("/tin-tuc", Reply(body=listing_html(renamed).encode(), etag='"l2"'))
    site.route(ITEMS[1][0], Reply(status=503))
    state = _state_after(first)

    second = await _crawl(site, state, start_urls=[site.url("/tin-tuc")])

    assert _edit_checks(second) == {ITEMS[1][0].rsplit("/", 1)[-1]: "listing"}
    assert all(not p.signals for p in second.pages)  # the failed check confirms nothing
    _articles(site, {ITEMS[1][0]: 2})
    site.hits.clear()

    third = await _crawl(site, _state_after(second, state), start_urls=[site.url("/tin-tuc")])

    assert _edit_checks(third) == {ITEMS[1][0].rsplit("/", 1)[-1]: "listing"}
    assert [p.url for p in third.articles] == [site.url(ITEMS[1][0])]
    [listing] = [p for p in third.pages if p.kind == "listing"]
    assert [s.url for s in listing.signals] == [site.url(ITEMS[1][0])]


async def test_unchanged_items_on_a_changed_page_are_not_refetched(site: LoopbackSite) -> None:
    """The sidebar changed, the items did not: their stamps say so, nothing is re-fetched."""
    site.route("/robots.txt", Reply(status=404))
    site.route("/tin-tuc", Reply(body=listing_html(ITEMS).encode(), etag='"l1"'))
    _articles(site)
    first = await _crawl(site, start_urls=[site.url("/tin-tuc")])
    aside = '<div class="thong-bao">Lịch tiếp công dân tháng 6 đã được cập nhật</div>'
    site.route("/tin-tuc", Reply(body=listing_html(ITEMS, extra=aside).encode(), etag='"l2"'))
    site.hits.clear()

    second = await _crawl(site, _state_after(first), start_urls=[site.url("/tin-tuc")])

    assert site.paths() == ["/robots.txt", "/tin-tuc"] and _edit_checks(second) == {}


async def test_changed_page_without_stamps_checks_its_items(site: LoopbackSite) -> None:
    """A sitemap without lastmod whose validators changed while its links did not: its known
    items are checked (conditional GET), at most MAX_UNEXPLAINED of them."""
    site.route("/robots.txt", Reply(status=404))
    many = [(f"/tin-tuc/bai-{900 + i}.html", f"Bài {i}") for i in range(MAX_UNEXPLAINED + 5)]
    urls = "".join(f"<url><loc>{site.url(p)}</loc></url>" for p, _ in many)
    sitemap = f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
    site.route("/sitemap.xml", Reply(body=sitemap.encode(), etag='"s1"', content_type="application/xml"))
    for index, (path, title) in enumerate(many):
        site.route(path, Reply(body=article_html(title, index).encode(), etag=f'"b{index}"'))
    first = await _crawl(site, sitemaps=[site.url("/sitemap.xml")])
    site.route(
        "/sitemap.xml",
        Reply(body=(sitemap + "\n").encode(), etag='"s2"', content_type="application/xml"),
    )
    site.hits.clear()
    state = _state_after(first)
    state = CrawlState(
        validators={
            url: Validators(v.etag, v.last_modified, "0" * 64) for url, v in state.validators.items()
        },
        known_articles=state.known_articles, robots=state.robots, signals=state.signals,
    )

    second = await _crawl(site, state, sitemaps=[site.url("/sitemap.xml")])

    checks = [h for h in site.hits if h.path.endswith(".html")]
    assert len(checks) == MAX_UNEXPLAINED
    assert all(h.status == 304 and "if-none-match" in h.headers for h in checks)
    assert set(_edit_checks(second).values()) == {"changed-page"}


async def test_redirected_article_is_refetched_conditionally(site: LoopbackSite) -> None:
    """Validators of the final URL are kept under the one linked; both hops carry them."""
    site.route("/robots.txt", Reply(status=404))
    old, new = "/tin-tuc/bai-cu-1201.html", "/tin-tuc/bai-moi-1201.html"
    site.route("/tin-tuc", Reply(body=listing_html([(old, HEADLINES[5])]).encode(), etag='"l1"'))
    site.route(old, Reply(status=301, headers={"Location": new}))
    site.route(new, Reply(body=article_html(HEADLINES[5]).encode(), etag='"moved-1"'))
    first = await _crawl(site, start_urls=[site.url("/tin-tuc")])
    [article] = first.articles
    assert article.url == site.url(old) and article.final_url == site.url(new)
    site.route(
        "/tin-tuc", Reply(body=listing_html([(old, HEADLINES[5] + " (sửa)")]).encode(), etag='"l2"')
    )
    site.hits.clear()

    await _crawl(site, _state_after(first), start_urls=[site.url("/tin-tuc")])

    hops = [(h.path, h.status, h.headers.get("if-none-match")) for h in site.hits if "bai-" in h.path]
    assert hops == [(old, 301, '"moved-1"'), (new, 304, '"moved-1"')]


async def test_a_sitemap_restamping_everything_costs_a_few_checks(site: LoopbackSite) -> None:
    """lastmod = generation time on every entry says little about each: the first
    MAX_UNEXPLAINED are checked, the others' new stamps are taken as they are."""
    site.route("/robots.txt", Reply(status=404))
    many = [f"/tin-tuc/bai-{1300 + i}.html" for i in range(MAX_UNEXPLAINED + 10)]

    def sitemap(lastmod: str) -> Reply:
        urls = "".join(f"<url><loc>{site.url(p)}</loc><lastmod>{lastmod}</lastmod></url>" for p in many)
        body = f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
        return Reply(body=body.encode(), etag=f'"{lastmod}"', content_type="application/xml")

    site.route("/sitemap.xml", sitemap("2025-05-17T08:00:00+07:00"))
    for index, path in enumerate(many):
        site.route(path, Reply(body=article_html(HEADLINES[index % 20], index).encode(), etag=f'"c{index}"'))
    first = await _crawl(site, sitemaps=[site.url("/sitemap.xml")])
    site.route("/sitemap.xml", sitemap("2025-05-18T08:00:00+07:00"))
    site.hits.clear()

    second = await _crawl(site, _state_after(first), sitemaps=[site.url("/sitemap.xml")])

    assert len([h for h in site.hits if h.path.endswith(".html")]) == MAX_UNEXPLAINED
    [entry] = [p for p in second.pages if p.kind == "sitemap"]
    assert len(entry.signals) == len(many)  # every new stamp kept: no re-check next run
    site.hits.clear()

    await _crawl(site, _state_after(second, _state_after(first)), sitemaps=[site.url("/sitemap.xml")])

    assert site.paths() == ["/robots.txt", "/sitemap.xml"]
