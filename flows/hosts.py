"""Per-host politeness across workers: one Prefect global concurrency limit per host.

The crawler spaces requests to a host inside one process; these limits keep two processes (or two
machines) from crawling the same host at once. A limit is created the first time a host is seen,
with the portal's `max_in_flight_per_host` slots; an operator may change it later in the UI and
that value is kept.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from urllib.parse import urlsplit

from prefect import get_client
from prefect.client.schemas.actions import GlobalConcurrencyLimitCreate
from prefect.concurrency.sync import concurrency
from prefect.exceptions import ObjectAlreadyExists, ObjectNotFound

from core.config import CrawlerSettings, PortalConfig

LIMIT_PREFIX = "host:"
WAIT_SECONDS = 3600.0  # a host busy for longer than this fails the portal's fetch this run


def host_of(url: str) -> str:
    """`host[:port]`, lower-cased, without `www.` (the same host the crawler's gates key on)."""
    parts = urlsplit(url)
    host = (parts.hostname or "").removeprefix("www.")
    return f"{host}:{parts.port}" if parts.port else host


def host_limits(portal: PortalConfig, defaults: CrawlerSettings) -> dict[str, int]:
    """Limit name → slots for every host the portal's entry points name."""
    slots = portal.crawler(defaults).max_in_flight_per_host
    urls = [*portal.start_urls, *portal.feeds, *portal.sitemaps]
    return {f"{LIMIT_PREFIX}{host}": slots for host in sorted({host_of(u) for u in urls}) if host}


def ensure_limits(limits: Mapping[str, int]) -> list[str]:
    """Create the missing limits; returns the names created. Racing creators are harmless."""
    created: list[str] = []
    with get_client(sync_client=True) as client:
        for name, slots in limits.items():
            try:
                client.read_global_concurrency_limit_by_name(name)
                continue
            except ObjectNotFound:
                pass
            try:
                client.create_global_concurrency_limit(
                    GlobalConcurrencyLimitCreate(name=name, limit=slots)
                )
                created.append(name)
            except ObjectAlreadyExists:
                pass  # another worker created it between our read and our write
    return created


@contextmanager
def host_slots(
    portal: PortalConfig, defaults: CrawlerSettings, wait_seconds: float = WAIT_SECONDS
) -> Iterator[list[str]]:
    """Hold one slot on each of the portal's hosts (all at once, so two portals never deadlock)."""
    limits = host_limits(portal, defaults)
    if not limits:
        yield []
        return
    ensure_limits(limits)
    names = list(limits)
    with concurrency(names, occupy=1, timeout_seconds=wait_seconds, strict=True):
        yield names
