"""Many portals at once: a global cap on portals in flight, shared host gates and clients."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping, Sequence

from crawler.clients import HostRegistry, TlsMode
from crawler.fetch import PortalFetcher
from crawler.limits import CrawlLimits
from crawler.netguard import AddressGuard
from crawler.portal import crawl_portal, own_hosts
from crawler.types import CrawlState, PortalCrawl
from portalwatch.config import CrawlerSettings, PortalConfig


async def crawl_portals(
    portals: Sequence[PortalConfig],
    defaults: CrawlerSettings,
    states: Mapping[str, CrawlState],
    *,
    limits: CrawlLimits | None = None,
) -> dict[str, PortalCrawl]:
    """Crawl every portal politely; a failing portal is recorded in its PortalCrawl.errors."""
    limits = limits or CrawlLimits()
    registry = HostRegistry(limits)
    guard = AddressGuard()
    slots = asyncio.Semaphore(limits.max_hosts_in_flight)

    async def one(portal: PortalConfig) -> PortalCrawl:
        async with slots:
            return await _guarded(
                portal, defaults, states.get(portal.id) or CrawlState(), registry, guard, limits
            )

    try:
        results = await asyncio.gather(*(one(p) for p in portals))
    finally:
        await registry.close()
    return {crawl.portal_id: crawl for crawl in results}


def crawl_portals_sync(
    portals: Sequence[PortalConfig],
    defaults: CrawlerSettings,
    states: Mapping[str, CrawlState],
    *,
    limits: CrawlLimits | None = None,
) -> dict[str, PortalCrawl]:
    """crawl_portals for callers without an event loop."""
    return asyncio.run(crawl_portals(portals, defaults, states, limits=limits))


async def _guarded(
    portal: PortalConfig,
    defaults: CrawlerSettings,
    state: CrawlState,
    registry: HostRegistry,
    guard: AddressGuard,
    limits: CrawlLimits,
) -> PortalCrawl:
    """The one place a portal's unexpected failure is caught and recorded."""
    settings = portal.crawler(defaults)
    trusted = await guard.trusted(own_hosts(portal))
    fetcher = PortalFetcher(
        settings,
        TlsMode(portal.verify_tls, portal.legacy_tls),
        registry,
        guard,
        trusted,
        limits,
        state.robots,
        state.validators,
    )
    try:
        return await crawl_portal(portal, state, fetcher, limits)
    except Exception as exc:  # the one place a portal failure is recorded and the run goes on
        crawl = PortalCrawl(portal.id, requests=fetcher.requests)
        crawl.errors.append(
            f"crawl failed: {type(exc).__name__}: {' '.join(str(exc).split())}"[:300]
        )
        return crawl
    finally:
        await fetcher.close()
