"""The ingestion pipeline as plain functions: store pages → parse → dedup → store → detect.

Flows wrap these in Prefect tasks; tests and the CLI can call them directly.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy.engine import Engine

from core.config import AppConfig, PortalConfig
from core.errors import ParseError
from core.records import CrawlState, PortalCrawl
from crawler import crawl_portals_sync
from detect import detect_article
from detect.pending import resolve_pending
from parsers import parse_page
from pipeline.notices import moved_entry_points
from storage.articles import upsert_article
from storage.db import session_scope
from storage.models import CrawlRun
from storage.pages import crawl_state, record_pages, stored_article_pages
from storage.portals import is_baseline, mark_crawled, record_run, sync_portals

DETECT_ON = ("new", "edited", "duplicate")
COUNTERS = {"new": "new_articles", "edited": "edited_articles", "duplicate": "duplicates"}


@dataclass
class PortalReport:
    """What one crawl of one portal changed; becomes a row of the run's artifact."""

    portal_id: str
    status: str = "ok"
    baseline: bool = False
    requests: int = 0
    pages_fetched: int = 0
    not_modified: int = 0
    new_articles: int = 0
    edited_articles: int = 0
    duplicates: int = 0
    event_ids: list[int] = field(default_factory=list)
    new_directives: int = 0
    indicator_changes: int = 0
    errors: list[str] = field(default_factory=list)
    notices: list[str] = field(default_factory=list)  # not errors: e.g. a portal that moved


def ingest_crawl(
    engine: Engine, portal: PortalConfig, crawl: PortalCrawl, now: datetime
) -> PortalReport:
    """Store what one portal's crawl brought and turn it into facts and events."""
    with session_scope(engine) as session:
        baseline = is_baseline(session, portal.id)
        record_pages(session, portal.id, crawl.pages)
    report = PortalReport(
        portal_id=portal.id,
        baseline=baseline,
        requests=crawl.requests,
        pages_fetched=sum(1 for p in crawl.pages if p.status == 200 and not p.not_modified),
        not_modified=sum(1 for p in crawl.pages if p.not_modified),
        errors=list(crawl.errors),
        notices=moved_entry_points(crawl.pages),
    )
    for page in crawl.articles:
        ingest_article(engine, portal, page.url, page.text, now, baseline, report)
    succeeded = not crawl.failed
    report.status = "failed" if not succeeded else ("partial" if report.errors else "ok")
    with session_scope(engine) as session:
        mark_crawled(session, portal.id, now, succeeded)
        record_run(session, _run_row(report, now))
    return report


def ingest_article(
    engine: Engine,
    portal: PortalConfig,
    url: str,
    html: str | bytes,
    now: datetime,
    baseline: bool,
    report: PortalReport,
    *,
    redetect: bool = False,
) -> None:
    """One article in its own transaction: a bad page is an error line, not a lost run.

    Detection runs on new, edited and duplicate articles; `redetect` runs it on unchanged ones
    too (after a parser change, an unchanged text may hold facts not found before).
    """
    try:
        parsed = parse_page(html, url, profile=portal.profile, locality=portal.locality or None)
    except ParseError as exc:
        report.errors.append(f"{url}: {exc}")
        return
    with session_scope(engine) as session:
        outcome = upsert_article(session, portal_id=portal.id, url=url, article=parsed.article, now=now)
        if outcome.status in COUNTERS:
            setattr(report, COUNTERS[outcome.status], getattr(report, COUNTERS[outcome.status]) + 1)
        if outcome.status not in DETECT_ON and not redetect:
            return
        events = detect_article(
            session, article=outcome.article, page=parsed, portal=portal, baseline=baseline, now=now
        )
        session.flush()
        for event in events:
            report.event_ids.append(event.id)  # type: ignore[arg-type]  # set by the flush above
            report.new_directives += event.type == "directive.new"
            report.indicator_changes += event.type == "indicator.changed"


def reprocess_portal(
    engine: Engine, portal: PortalConfig, since: datetime | None, baseline: bool
) -> PortalReport:
    """Parse every stored article page of one portal again (fetched since `since`); no fetch."""
    with session_scope(engine) as session:
        pages = stored_article_pages(session, [portal.id], since)
    report = PortalReport(portal_id=portal.id, baseline=baseline, pages_fetched=0)
    for _pid, url, body in pages:
        ingest_article(engine, portal, url, body, datetime.now(UTC), baseline, report, redetect=True)
    report.status = "partial" if report.errors else "ok"
    return report


def resolve_pending_mentions(engine: Engine, now: datetime) -> int:
    """Code-less mentions kept while another worker was making their directive known, resolved
    now that it is (the per-article step misses that overlap); how many were resolved."""
    with session_scope(engine) as session:
        return resolve_pending(session, now)


def record_failed_crawl(engine: Engine, portal_id: str, error: str, now: datetime) -> PortalReport:
    """A portal whose crawl could not even run (its task failed) still leaves a CrawlRun row."""
    report = PortalReport(portal_id=portal_id, status="failed", errors=[error])
    with session_scope(engine) as session:
        mark_crawled(session, portal_id, now, succeeded=False)
        record_run(session, _run_row(report, now))
    return report


def _run_row(report: PortalReport, now: datetime) -> CrawlRun:
    return CrawlRun(
        portal_id=report.portal_id,
        started_at=now,
        finished_at=datetime.now(now.tzinfo),
        status=report.status,
        requests=report.requests,
        pages_fetched=report.pages_fetched,
        not_modified=report.not_modified,
        new_articles=report.new_articles,
        new_directives=report.new_directives,
        indicator_changes=report.indicator_changes,
        errors=report.errors[:50],
    )


def read_crawl_states(
    engine: Engine, config: AppConfig, portals: Sequence[PortalConfig], now: datetime,
    force_refetch: bool = False,
) -> dict[str, CrawlState]:
    """Register the portals and read what storage already knows of each (for the crawler)."""
    with session_scope(engine) as session:
        sync_portals(session, config.portals)
        return {
            p.id: crawl_state(session, p.id, now, force_refetch=force_refetch,
                              settings=p.crawler(config.crawler))
            for p in portals
        }


def run_crawl(
    engine: Engine, config: AppConfig, portal_ids: Sequence[str] | None = None,
    force_refetch: bool = False,
) -> list[PortalReport]:
    """crawl → parse → dedup → store → detect for the named portals, without Prefect.

    The flows compose the same steps as tasks; this is the in-process path for scripts,
    benchmarks and tests.
    """
    now = datetime.now(UTC)
    portals = [config.portal(pid) for pid in portal_ids] if portal_ids else list(config.portals)
    states = read_crawl_states(engine, config, portals, now, force_refetch)
    crawls = crawl_portals_sync(portals, config.crawler, states)
    reports = [ingest_crawl(engine, p, crawls[p.id], datetime.now(UTC)) for p in portals]
    resolve_pending_mentions(engine, datetime.now(UTC))
    return reports
