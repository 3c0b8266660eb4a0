"""reprocess: re-parse stored article pages (after a parser change) without fetching anything.

Each stored body goes through parse → store (dedup, versions) → detect again. Detection runs on
every page, changed or not, because a parser change may find directives or indicators in an
unchanged text; stored events have unique keys, so nothing already known is announced twice.
What reprocessing finds is history, not news: it is recorded like a baseline (no alert) unless
`alert` is set.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import UTC, date, datetime, time
from zoneinfo import ZoneInfo

from prefect import flow, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from sqlalchemy.engine import Engine

from detect import detect_article
from flows.ingest import announce
from flows.reporting import log_reports, publish_crawl_report
from flows.runtime import runtime
from parsers import parse_page
from portalwatch.config import PortalConfig
from portalwatch.errors import ParseError
from portalwatch.pipeline import PortalReport
from storage.articles import upsert_article
from storage.db import session_scope
from storage.pages import stored_article_pages

VN = ZoneInfo("Asia/Ho_Chi_Minh")
COUNTERS = {"new": "new_articles", "edited": "edited_articles", "duplicate": "duplicates"}


def reparse_page(
    engine: Engine, portal: PortalConfig, url: str, body: bytes, baseline: bool, report: PortalReport
) -> None:
    """One stored page in its own transaction; a page that no longer parses is an error line."""
    now = datetime.now(UTC)
    try:
        parsed = parse_page(body, url, profile=portal.profile, locality=portal.locality or None)
    except ParseError as exc:
        report.errors.append(f"{url}: {exc}")
        return
    with session_scope(engine) as session:
        outcome = upsert_article(session, portal_id=portal.id, url=url, article=parsed.article, now=now)
        if outcome.status in COUNTERS:
            setattr(report, COUNTERS[outcome.status], getattr(report, COUNTERS[outcome.status]) + 1)
        events = detect_article(
            session, article=outcome.article, page=parsed, portal=portal, baseline=baseline, now=now
        )
        session.flush()
        for event in events:
            report.event_ids.append(event.id)  # type: ignore[arg-type]
            report.new_directives += event.type == "directive.new"
            report.indicator_changes += event.type == "indicator.changed"


@task(cache_policy=NO_CACHE, task_run_name="reparse-{portal.id}")
def reparse_portal(
    engine: Engine, portal: PortalConfig, since: datetime | None, baseline: bool
) -> PortalReport:
    """Every stored article page of one portal (fetched since `since`), parsed again."""
    with session_scope(engine) as session:
        pages = stored_article_pages(session, [portal.id], since)
    report = PortalReport(portal_id=portal.id, baseline=baseline, pages_fetched=0)
    for _pid, url, body in pages:
        reparse_page(engine, portal, url, body, baseline, report)
    report.status = "partial" if report.errors else "ok"
    get_run_logger().info("%s: %d stored pages parsed again", portal.id, len(pages))
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
