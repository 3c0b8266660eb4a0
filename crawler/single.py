"""One polite fetch outside a portal crawl (`portalwatch parse URL`)."""

from __future__ import annotations

import asyncio
from urllib.parse import urlsplit

from core.config import CrawlerSettings
from core.errors import FetchError
from core.records import FetchedPage
from crawler.clients import HostRegistry, TlsMode
from crawler.fetch import PortalFetcher
from crawler.limits import CrawlLimits
from crawler.netguard import AddressGuard, check_scheme


async def fetch_page(
    url: str,
    settings: CrawlerSettings | None = None,
    *,
    verify_tls: bool = True,
    legacy_tls: bool = False,
    kind: str = "article",
) -> FetchedPage:
    """GET one URL with robots.txt, redirects, size and time caps; failures come back in
    `error`. The URL's own host is trusted even on a private address: the user named it."""
    check_scheme(url)
    limits = CrawlLimits()
    registry = HostRegistry(limits)
    guard = AddressGuard()
    trusted = await guard.trusted({urlsplit(url).hostname or ""})
    settings = settings or CrawlerSettings()
    fetcher = PortalFetcher(
        settings, TlsMode(verify_tls, legacy_tls), registry, guard, trusted, limits
    )
    try:
        return await fetcher.fetch(url, kind)
    finally:
        await fetcher.close()
        await registry.close()


def fetch_url(
    url: str,
    settings: CrawlerSettings | None = None,
    *,
    verify_tls: bool = True,
    legacy_tls: bool = False,
) -> bytes:
    """The body of one URL; raises FetchError with a one-line reason when there is none."""
    page = asyncio.run(fetch_page(url, settings, verify_tls=verify_tls, legacy_tls=legacy_tls))
    if page.error or page.status != 200:
        raise FetchError(f"{url}: {page.error or f'HTTP {page.status}'}")
    return page.body


def fetch_article(
    url: str,
    settings: CrawlerSettings | None = None,
    *,
    verify_tls: bool = True,
    legacy_tls: bool = False,
) -> tuple[str, str]:
    """(URL, decoded text) of one article page, exactly as a portal crawl hands them to the
    parser: the canonical URL requested, the body decoded with the Content-Type charset."""
    page = asyncio.run(fetch_page(url, settings, verify_tls=verify_tls, legacy_tls=legacy_tls))
    if page.error or page.status != 200:
        raise FetchError(f"{url}: {page.error or f'HTTP {page.status}'}")
    if not page.text:
        kind = page.headers.get("content-type") or "no content type"
        raise FetchError(f"{url}: not a text page ({kind})")
    return page.url, page.text
