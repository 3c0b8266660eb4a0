"""Prefect flows: orchestration only; every step is a call into crawler/, storage/, alerts/ ….

    crawl         flows.ingest.crawl           many portals in one process (CLI, demo)
    crawl-portal  flows.portal.crawl_portal    one portal, by hand
    crawl-all     flows.fanout.crawl_all       every portal, one crawl run per shard of hosts
    notify        flows.notify.notify          send pending alerts (events trigger it; a sweep too)
    digest        flows.notify.digest          the daily summary per digest subscription
    reprocess     flows.reprocess.reprocess    re-parse stored pages after a parser change

Each flow is deployed under its own name ("crawl-portal/crawl-portal"), so the UI's deployment
list reads as the list of things one can run.

Flows load on first use, so `import flows` does not import Prefect. `notify`, `reprocess` and
`runtime` share their module's name, so they are imported from the module (flows.notify.notify).
"""

from __future__ import annotations

from core.lazy import lazy_exports

_LAZY = {
    "crawl": "flows.ingest",
    "crawl_portal": "flows.portal",
    "crawl_all": "flows.fanout",
    "digest": "flows.notify",
    "Runtime": "flows.runtime",
}


__getattr__ = lazy_exports(__name__, _LAZY)


__all__ = sorted(_LAZY)
