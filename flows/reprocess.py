"""reprocess: re-parse stored article pages (after a parser change) without fetching anything.

Each stored body goes through parse → store (dedup, versions) → detect again. Detection runs on
every page, changed or not, because a parser change may find directives or indicators in an
unchanged text; stored events have unique keys, so nothing already known is announced twice.
What reprocessing finds is history, not news: it is recorded like a baseline (no alert) unless
`alert` is set.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from sqlalchemy.engine import Engine

from core.config import PortalConfig
from flows.ingest import announce
from flows.reporting import log_reports, publish_crawl_report
from flows.runtime import runtime
from pipeline.ingest import PortalReport, reprocess_portal

VN = ZoneInfo("Asia/Ho_Chi_Minh")


@task(cache_policy=NO_CACHE, task_run_name="reparse-{portal.id}")
def reparse_portal(
    engine: Engine, portal: PortalConfig, since: datetime | None, baseline: bool
) -> PortalReport:
    """Every stored article page of one portal (fetched since `since`), parsed again."""
    report = reprocess_portal(engine, portal, since, baseline)
    get_run_logger().info("%s: stored pages parsed again, %d errors", portal.id, len(report.errors))
    return report


def start_of_day(day: date | None) -> datetime | None:
    """Midnight of `day` in Vietnam, as an aware datetime."""
    return datetime.combine(day, time.min, VN) if day else None


@flow(name="reprocess", log_prints=True)
def reprocess(
    portal_ids: list[str] | None = None,
    since: date | None = None,
    alert: bool = False,
    config_path: str | None = None,
    database: str | None = None,
) -> list[dict[str, object]]:
    """Parse stored pages again and re-run dedup and detection; nothing is fetched.

    Args:
        portal_ids: Portal ids from the configuration; empty reprocesses every portal.
        since: Only pages fetched on or after this day (Asia/Ho_Chi_Minh); empty takes every stored page.
        alert: Alert subscribers about what reprocessing finds; off records it quietly, like a first crawl.
        config_path: Configuration YAML; empty uses PORTALWATCH_CONFIG or deployments/portals.yaml.
        database: Database URL; empty uses PORTALWATCH_DATABASE_URL or sqlite:///portalwatch.db.
    """
    logger = get_run_logger()
    with runtime(config_path, database) as rt:
        portals = rt.portals(portal_ids)
        reports = [reparse_portal(rt.engine, p, start_of_day(since), not alert) for p in portals]
        delivery = announce(rt, reports, deliver=alert)
        log_reports(logger, reports)
        publish_crawl_report(reports, delivery, "reprocess-report", "portalwatch reprocess")
    return [asdict(report) for report in reports]
