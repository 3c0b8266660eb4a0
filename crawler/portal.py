"""One portal: listings (with pagination), feeds and sitemaps, then the articles they point to."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from urllib.parse import urlsplit

from core.config import PortalConfig
from core.errors import ParseError
from core.records import CrawlState, FetchedPage, PortalCrawl, Validators
from core.urls import canonical_url, host_key
from crawler.fetch import PortalFetcher
from crawler.freshness import CADENCE, Freshness
from crawler.limits import CrawlLimits
from crawler.transport import BUDGET_SPENT
from parsers.feeds import parse_feed, parse_sitemap
from parsers.links import extract_listing
from parsers.postback import PostbackPage, next_postback
from parsers.types import Link, ListingPage

ENTRY_KINDS = frozenset({"listing", "feed", "sitemap"})
MAX_ADVERTISED_FEEDS = 2  # feeds a portal's listings advertise, read when none is configured
VALIDATOR_HEADERS = frozenset({"etag", "last-modified"})


@dataclass
class _Run:
    """Bookkeeping of one portal crawl."""

    portal: PortalConfig
    state: CrawlState
    fetcher: PortalFetcher
    limits: CrawlLimits
    result: PortalCrawl
    own_hosts: set[str]
    freshness: Freshness
    seen_listings: set[str] = field(default_factory=set)
    found: dict[str, Link] = field(default_factory=dict)  # canonical article URL → link
    advertised: dict[str, str] = field(default_factory=dict)  # canonical feed URL → URL as linked
    over_budget: int = 0
    retry_later: int = 0  # articles that failed in a way worth retrying next run

    def validators(self, url: str) -> Validators | None:
        if self.state.force_refetch:
            return None
        return self.state.validators.get(url)

    def record(self, page: FetchedPage) -> None:
        self.result.pages.append(page)
        if page.error and page.error.startswith(BUDGET_SPENT):
            self.over_budget += 1
        elif page.error:
            self.result.errors.append(f"{page.kind} {page.url}: {page.error}")
            if page.kind == "article" and page.transient:
                self.retry_later += 1

    def unseen(self, links: tuple[Link, ...]) -> list[Link]:
        """Links to articles on the portal's own hosts that this run has not met before,
        and (unless forced) that storage does not know yet."""
        fresh: list[Link] = []
        for link in links:
            url = canonical_url(link.url)
            if url in self.found or url in self.seen_listings or not self.owns(url):
                continue
            self.found[url] = link
            if self.state.force_refetch or url not in self.state.known_articles:
                fresh.append(link)
        return fresh

    def owns(self, url: str) -> bool:
        host = (urlsplit(url).hostname or "").removeprefix("www.")
        return host in self.own_hosts


def entry_hosts(portal: PortalConfig) -> set[str]:
    """Host names the portal's entry URLs name, as written."""
    urls = [*portal.start_urls, *portal.feeds, *portal.sitemaps]
    return {(urlsplit(u).hostname or "").lower() for u in urls}


def own_hosts(portal: PortalConfig) -> set[str]:
    """Hosts whose links count as the portal's own (www. folded)."""
    return {host.removeprefix("www.") for host in entry_hosts(portal)}


async def crawl_portal(
    portal: PortalConfig, state: CrawlState, fetcher: PortalFetcher, limits: CrawlLimits
) -> PortalCrawl:
    """Discover through every entry point, then fetch unseen (and due) articles."""
    run = _Run(
        portal, state, fetcher, limits, PortalCrawl(portal.id), own_hosts(portal), Freshness(state)
    )
    entries = [
        *(_follow_listing(run, url) for url in portal.start_urls),
        *(_read_feed(run, url) for url in portal.feeds),
        *(_read_sitemap(run, url, 0) for url in portal.sitemaps),
    ]
    await asyncio.gather(*entries)
    await _read_advertised_feeds(run)
    await _fetch_articles(run)
    run.result.pages = run.freshness.confirmed(run.result.pages)
    if run.over_budget or run.retry_later:
        _withhold_validators(run.result)
    run.result.pages[:0] = fetcher.robots_pages
    run.result.errors[:0] = [
        f"robots {p.url}: {p.error}" for p in fetcher.robots_pages if p.error and p.status >= 500
    ]
    if run.over_budget:
        run.result.errors.append(
            f"request budget of {limits.max_requests_per_portal} spent; "
            f"{run.over_budget} URLs left for the next run"
        )
    run.result.requests = fetcher.requests
    run.result.robots.update(fetcher.robots_texts)
    return run.result


async def _follow_listing(run: _Run, start_url: str) -> None:
    """Page through one listing until max_pages, a page with nothing new, or no next page:
    a next link (GET), else an ASP.NET postback pager (a form POST)."""
    url: str | None = start_url
    postback: PostbackPage | None = None
    for number in range(1, run.portal.max_pages + 1):
        if url is None and postback is None:
            return
        page, base = await _fetch_listing_page(run, url, postback)
        run.record(page)
        if page.status != 200 or not page.text:
            return  # failed, or 304: nothing new on an unchanged first page
        listing = extract_listing(page.text, base, run.portal.profile)
        _owns_redirect_target(run, page)
        _note_feeds(run, listing, base)
        fresh = run.unseen(listing.article_links)
        edited = run.freshness.observe("listing", page, listing.article_links, run.owns, bool(fresh))
        if not fresh and not edited and not run.state.force_refetch:
            return  # nothing new and no item changed here: older pages will not have either
        url = _next_url(run, listing)
        postback = _next_postback(run, page.text, base, number) if url is None else None


async def _fetch_listing_page(
    run: _Run, url: str | None, postback: PostbackPage | None
) -> tuple[FetchedPage, str]:
    """One listing page and the URL its links resolve against (the action URL for a POST,
    which is recorded under its __pw_page marker and never made conditional)."""
    if postback is None:
        assert url is not None
        canonical = canonical_url(url)
        run.seen_listings.add(canonical)
        page = await run.fetcher.fetch(url, "listing", run.validators(canonical))
        return page, page.final_url
    marker = canonical_url(postback.marker_url)
    run.seen_listings.add(marker)
    page = await run.fetcher.fetch(
        postback.action_url, "listing", form=postback.body(), recorded_as=postback.marker_url
    )
    return page, postback.action_url if page.final_url == marker else page.final_url


def _next_postback(run: _Run, html: str, base: str, number: int) -> PostbackPage | None:
    """The postback opening page number + 1, when it posts to the portal's own host."""
    postback = next_postback(html, base, number)
    if postback is None or not run.owns(postback.action_url):
        return None
    return None if canonical_url(postback.marker_url) in run.seen_listings else postback


def _owns_redirect_target(run: _Run, page: FetchedPage) -> None:
    """A portal that moved (301 to a new domain) owns its new host too."""
    if page.final_url != page.url:
        run.own_hosts.add((urlsplit(page.final_url).hostname or "").removeprefix("www."))


def _next_url(run: _Run, listing: ListingPage) -> str | None:
    for link in listing.next_pages:
        canonical = canonical_url(link.url)
        if canonical not in run.seen_listings and run.owns(canonical):
            return link.url
    return None


def _note_feeds(run: _Run, listing: ListingPage, page_url: str) -> None:
    """Remember feeds a listing advertises on its own host, when the portal configures none."""
    if run.portal.feeds:
        return
    here = _folded_host_key(page_url)
    for link in listing.feeds:
        canonical = canonical_url(link.url)
        if _folded_host_key(canonical) == here:
            run.advertised.setdefault(canonical, link.url)


def _folded_host_key(url: str) -> str:
    """scheme://host:port with a leading www. dropped: www.x.vn and x.vn are one site."""
    return host_key(url).replace("://www.", "://", 1)


async def _read_advertised_feeds(run: _Run) -> None:
    """The first few advertised feeds, read like configured ones (conditional GET included)."""
    picked = list(run.advertised.values())[:MAX_ADVERTISED_FEEDS]
    await asyncio.gather(*(_read_feed(run, url) for url in picked))


async def _read_feed(run: _Run, url: str) -> None:
    await _read_xml(run, url, "feed", parse_feed)


async def _read_sitemap(run: _Run, url: str, depth: int) -> None:
    children = await _read_xml(run, url, "sitemap", parse_sitemap)
    if depth == 0 and children:
        picked = children[: run.limits.max_sitemap_children]
        await asyncio.gather(*(_read_sitemap(run, link.url, depth + 1) for link in picked))


async def _read_xml(
    run: _Run, url: str, kind: str, parse: Callable[[bytes, str], ListingPage]
) -> tuple[Link, ...]:
    """Fetch and parse a feed or sitemap; returns its child sitemaps (a sitemap index)."""
    canonical = canonical_url(url)
    page = await run.fetcher.fetch(url, kind, run.validators(canonical))
    run.record(page)
    if page.status != 200 or not page.body:
        return ()
    _owns_redirect_target(run, page)
    try:
        listing = parse(page.body, page.final_url)
    except ParseError as exc:
        run.result.errors.append(f"{kind} {canonical}: {exc}")
        return ()
    fresh = run.unseen(listing.article_links)
    run.freshness.observe(kind, page, listing.article_links, run.owns, bool(fresh))
    return listing.next_pages


async def _fetch_articles(run: _Run) -> None:
    """Fetch new articles in discovery order, then known ones whose freshness signal changed,
    then those due by the cadence. Any URL storage holds validators for goes conditional (one
    that answered 200 once and failed since, too)."""
    todo: dict[str, str] = {}  # canonical URL → why a known one is re-fetched ("" when new)
    for url in run.found:
        if run.state.force_refetch or url not in run.state.known_articles:
            todo[url] = ""
    for url, reason in run.freshness.checks.items():
        todo.setdefault(url, reason)
    for url in sorted(run.state.refetch_known):
        todo.setdefault(url, CADENCE)
    pages = await asyncio.gather(
        *(
            run.fetcher.fetch(run.found[u].url if u in run.found else u, "article", run.validators(u))
            for u in todo
        )
    )
    for page, reason in zip(pages, todo.values(), strict=True):
        run.record(replace(page, edit_check=reason) if reason else page)


def _withhold_validators(crawl: PortalCrawl) -> None:
    """Articles were left unfetched: hand back no validators for the entry pages, so the next
    run reads them in full (a 304 would hide the links it still has to follow)."""
    for index, page in enumerate(crawl.pages):
        if page.kind in ENTRY_KINDS and ("etag" in page.headers or "last-modified" in page.headers):
            headers = {k: v for k, v in page.headers.items() if k not in VALIDATOR_HEADERS}
            crawl.pages[index] = replace(page, headers=headers)
