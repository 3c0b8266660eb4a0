"""Many portals at once: a global cap on portals in flight, shared host gates and clients."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Mapping, Sequence

from core.config import CrawlerSettings, PortalConfig
from core.records import CrawlState, PortalCrawl
from crawler.clients import HostRegistry, TlsMode
from crawler.fetch import PortalFetcher
from crawler.limits import CrawlLimits
from crawler.netguard import AddressGuard
from crawler.portal import crawl_portal, entry_hosts

StateSource = Mapping[str, CrawlState] | Callable[[PortalConfig], Awaitable[CrawlState]]
Sink = Callable[[PortalCrawl], Awaitable[None]]


async def crawl_stream(
    portals: Sequence[PortalConfig],
    defaults: CrawlerSettings,
    states: StateSource,
    sink: Sink,
    *,
    limits: CrawlLimits | None = None,
) -> None:
    """Crawl every portal politely and hand each finished crawl to `sink` at once.

    `states` is what storage knows of each portal, as a mapping or as a coroutine function read
    when the portal's turn comes (so thousands of portals' states are never all in memory).
    `sink` may wait (a full queue downstream): the portal's host slot stays held meanwhile, so
    no new host starts and memory stays bounded by the hosts in flight plus the queue.
    A failing portal is recorded in its PortalCrawl.errors; it never ends the run.
    """
    limits = limits or CrawlLimits()
    registry = HostRegistry(limits)
    guard = AddressGuard()
    slots = asyncio.Semaphore(limits.max_hosts_in_flight)

    async def state_of(portal: PortalConfig) -> CrawlState:
        if callable(states):
            return await states(portal)
        return states.get(portal.id) or CrawlState()

    async def one(portal: PortalConfig) -> None:
        state = await state_of(portal)
        await sink(await _guarded(portal, defaults, state, registry, guard, limits))

    async def group(members: list[PortalConfig]) -> None:
        # Portals on one host share its gate; holding one slot for all of them keeps the
        # global cap counting hosts, not portals queued behind the same host.
        async with slots:
            await asyncio.gather(*(one(p) for p in members))

    try:
        # A TaskGroup, so that a sink that fails cancels every other portal before the clients
        # close; a portal's own failure never reaches here (_guarded records it).
        async with asyncio.TaskGroup() as tasks:
            for members in _by_host(portals).values():
                tasks.create_task(group(members))
    finally:
        await registry.close()


async def crawl_portals(
    portals: Sequence[PortalConfig],
    defaults: CrawlerSettings,
    states: Mapping[str, CrawlState],
    *,
    limits: CrawlLimits | None = None,
) -> dict[str, PortalCrawl]:
    """Every portal's crawl at once (small runs and tests; large runs stream instead)."""
    crawls: dict[str, PortalCrawl] = {}

    async def keep(crawl: PortalCrawl) -> None:
        crawls[crawl.portal_id] = crawl

    await crawl_stream(portals, defaults, states, keep, limits=limits)
    return {p.id: crawls[p.id] for p in portals if p.id in crawls}


def _by_host(portals: Sequence[PortalConfig]) -> dict[str, list[PortalConfig]]:
    """Portals grouped by the host of their first entry URL, in configuration order."""
    grouped: dict[str, list[PortalConfig]] = {}
    for portal in portals:
        grouped.setdefault(portal.entry_host, []).append(portal)
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
        state.robots_fresh,
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
