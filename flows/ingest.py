"""Ingestion in one process: crawl → parse → dedup → store → detect → alert. Orchestration only.

`crawl` is what `portalwatch crawl` and `portalwatch demo` run: every named portal is fetched in
its own task (threads, each holding its hosts' global concurrency slots), and each crawl is
ingested as soon as it arrives. Ingestion runs one portal at a time in the flow's thread: it is
CPU-bound parsing plus database writes, and a SQLite file takes one writer at a time anyway.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict
from typing import Any, cast

from prefect import flow, get_run_logger
from prefect.futures import PrefectFuture, as_completed
from prefect.task_runners import TaskRunner, ThreadPoolTaskRunner

from core.config import PortalConfig
from core.errors import PortalwatchError
from core.records import PortalCrawl
from flows.reporting import log_reports, publish_crawl_report
from flows.runtime import Runtime, runtime
from flows.tasks import (
    deliver_alerts,
    failed_report,
    fetch_portal,
    ingest_portal,
    mirror_events,
    plan_alerts,
    register_portals,
    sweep_pending_mentions,
)
from pipeline.ingest import PortalReport

FETCH_THREADS = 8  # portals fetched at once by one process; hosts stay polite through the limits


def crawl_and_ingest(
    rt: Runtime, portals: Sequence[PortalConfig], force_refetch: bool
) -> list[PortalReport]:
    """Fetch the portals concurrently, ingest each as it lands; reports in config order."""
    states = register_portals(rt.config, rt.engine, portals, force_refetch)
    futures: dict[PrefectFuture[PortalCrawl], PortalConfig] = {
        fetch_portal.submit(rt.config, portal, states[portal.id]): portal for portal in portals
    }
    by_id: dict[str, PortalReport] = {}
    for future in as_completed(list(futures)):
        portal = futures[future]
        by_id[portal.id] = _ingest_outcome(rt, portal, future)
    sweep_pending_mentions(rt.engine)
    return [by_id[p.id] for p in portals]


def _ingest_outcome(
    rt: Runtime, portal: PortalConfig, future: PrefectFuture[PortalCrawl]
) -> PortalReport:
    """A portal whose fetch or ingest failed after its retries is a failed report, not a crash."""
    future.wait()
    fetched = future.state
    if not fetched.is_completed():
        return failed_report(rt.engine, portal.id, _state_error(fetched.message, "fetch failed"))
    ingested = ingest_portal(rt.engine, portal, fetched.result(), return_state=True)
    if not ingested.is_completed():
        return failed_report(rt.engine, portal.id, _state_error(ingested.message, "ingest failed"))
    return ingested.result()


def _state_error(message: str | None, fallback: str) -> PortalwatchError:
    return PortalwatchError(message or fallback)


def announce(rt: Runtime, reports: Sequence[PortalReport], deliver: bool) -> dict[str, int]:
    """Plan alerts for the new events; unless holding back, send them and mirror the events."""
    event_ids = [eid for report in reports for eid in report.event_ids]
    summary = {"planned": plan_alerts(rt.engine, rt.config, event_ids)}
    if deliver:
        summary |= deliver_alerts(rt.engine, rt.config)
        summary["prefect_events"] = mirror_events(rt.engine, rt.config, event_ids)
    return summary


# (Prefect's generics make a ThreadPoolTaskRunner not quite a TaskRunner[PrefectFuture] to mypy.)
FETCH_RUNNER = cast("TaskRunner[PrefectFuture[Any]]", ThreadPoolTaskRunner(max_workers=FETCH_THREADS))


@flow(name="crawl", log_prints=True, task_runner=FETCH_RUNNER)
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
        publish_crawl_report(reports, delivery, "crawl-report", "portalwatch crawl")
    return [asdict(report) for report in reports]
