"""Many portals at once: a global cap on portals in flight, shared host gates and clients."""

from __future__ import annotations

import asyncio
from collections.abc import Mapping, Sequence

from core.config import CrawlerSettings, PortalConfig
from core.records import CrawlState, PortalCrawl
from core.urls import host_key
from crawler.clients import HostRegistry, TlsMode
from crawler.fetch import PortalFetcher
from crawler.limits import CrawlLimits
from crawler.netguard import AddressGuard
from crawler.portal import crawl_portal, entry_hosts


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
        state = states.get(portal.id) or CrawlState()
        return await _guarded(portal, defaults, state, registry, guard, limits)

    async def group(members: list[PortalConfig]) -> list[PortalCrawl]:
        # Portals on one host share its gate; holding one slot for all of them keeps the
        # global cap counting hosts, not portals queued behind the same host.
        async with slots:
            return list(await asyncio.gather(*(one(p) for p in members)))

    try:
        groups = await asyncio.gather(*(group(m) for m in _by_host(portals).values()))
    finally:
        await registry.close()
    return {crawl.portal_id: crawl for crawls in groups for crawl in crawls}


def _by_host(portals: Sequence[PortalConfig]) -> dict[str, list[PortalConfig]]:
    """Portals grouped by the host of their first entry URL, in configuration order."""
    grouped: dict[str, list[PortalConfig]] = {}
    for portal in portals:
        first = (portal.start_urls or portal.feeds or portal.sitemaps)[0]
        grouped.setdefault(host_key(first), []).append(portal)
    return grouped


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
    trusted = await guard.trusted(entry_hosts(portal))
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
