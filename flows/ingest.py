"""Ingestion in one process: crawl → parse → dedup → store → detect → alert. Orchestration only.

`crawl` is what `portalwatch crawl` and `portalwatch demo` run, and what crawl-all starts once
per shard on a work pool: the named portals are crawled and ingested as one stream
(pipeline.stream) inside one task, so a run costs a handful of Prefect API calls, not several
per portal.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict

from prefect import flow, get_run_logger

from core.config import PortalConfig
from flows.reporting import log_reports, publish_crawl_report
from flows.runtime import Runtime, runtime
from flows.tasks import (
    crawl_portals,
    deliver_alerts,
    failed_reports,
    mirror_events,
    plan_alerts,
    unvisited,
)
from pipeline.ingest import PortalReport


def crawl_and_ingest(
    rt: Runtime, portals: Sequence[PortalConfig], force_refetch: bool
) -> list[PortalReport]:
    """One task streams the whole shard; if it fails after its retries, every portal of the
    shard gets a failed report (and CrawlRun row) rather than the flow crashing."""
    state = crawl_portals(rt.engine, unvisited(rt.config), unvisited(portals), force_refetch, return_state=True)
    if not state.is_completed():
        return failed_reports(rt.engine, rt.config, portals, state.message or "crawl failed")
    return state.result()


def announce(rt: Runtime, reports: Sequence[PortalReport], deliver: bool) -> dict[str, int]:
    """Plan alerts for the new events; unless holding back, send them and mirror the events."""
    event_ids = [eid for report in reports for eid in report.event_ids]
    summary = {"planned": plan_alerts(rt.engine, unvisited(rt.config), unvisited(event_ids))}
    if deliver:
        summary |= deliver_alerts(rt.engine, unvisited(rt.config))
        summary["prefect_events"] = mirror_events(rt.engine, unvisited(rt.config), unvisited(event_ids))
    return summary


@flow(name="crawl", log_prints=True)
def crawl(
    portal_ids: list[str] | None = None,
    force_refetch: bool = False,
    dry_run: bool = False,
    config_path: str | None = None,
    database: str | None = None,
) -> list[dict[str, object]]:
    """Crawl portals in this process, store what is new, alert subscribers.

    Args:
        portal_ids: Portal ids from the configuration; empty crawls every portal.
        force_refetch: Ignore stored ETag/Last-Modified and known article URLs: fetch everything again.
        dry_run: Crawl, store and detect, but send no alert from this run; the deliveries stay pending for the next notify sweep.
        config_path: Configuration YAML; empty uses PORTALWATCH_CONFIG or deployments/portals.yaml.
        database: Database URL; empty uses PORTALWATCH_DATABASE_URL or sqlite:///portalwatch.db.
    """
    logger = get_run_logger()
    with runtime(config_path, database) as rt:
        portals = rt.portals(portal_ids)
        logger.info("crawling %d portals: %s", len(portals), ", ".join(p.id for p in portals))
        reports = crawl_and_ingest(rt, portals, force_refetch)
        delivery = announce(rt, reports, deliver=not dry_run)
        log_reports(logger, reports)
        publish_crawl_report(reports, delivery, "crawl-report", "portalwatch crawl", rt.dashboard_url)
    return [asdict(report) for report in reports]
