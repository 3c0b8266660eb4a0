"""The ingestion pipeline as plain functions, composed from the stages beneath it.

    run_crawl(engine, config, portal_ids=None, force_refetch=False) -> list[PortalReport]
        a whole run, streamed: fetch → parse (worker processes) → store → detect
    ingest_crawl(engine, portal, crawl, now) -> PortalReport      one portal's fetched pages
    reprocess_portal(engine, portal, since, baseline) -> PortalReport   re-parse stored pages
    load_config(path) / parse_config(data)      the configuration, profile names checked
    shard_of(portal, shards) / shard_portals(portals, shards)   stable host → shard assignment

flows/ wraps these in Prefect tasks; tests, benchmarks and the demo call them directly.
"""

from __future__ import annotations

from core.lazy import lazy_exports

_LAZY = {
    "PortalReport": "pipeline.ingest",
    "ingest_crawl": "pipeline.ingest",
    "reprocess_portal": "pipeline.ingest",
    "run_crawl": "pipeline.stream",
    "load_config": "pipeline.settings",
    "parse_config": "pipeline.settings",
    "shard_of": "pipeline.shards",
    "shard_portals": "pipeline.shards",
}


__getattr__ = lazy_exports(__name__, _LAZY)


__all__ = sorted(_LAZY)
