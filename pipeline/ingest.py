"""Ingesting one portal's crawl: store pages → store articles (dedup) → detect, as plain functions.

pipeline.stream drives these for a whole run; flows wrap that in Prefect tasks.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime

from sqlalchemy.engine import Engine
from sqlmodel import Session

from core.config import AppConfig, PortalConfig
from core.errors import StorageError
from core.records import CrawlState, PortalCrawl
from detect import detect_article
from detect.indicators import preload_portal_series
from detect.outages import DEFAULT_AFTER_RUNS, outage_events, outage_notice
from detect.pending import preload_pending, resolve_pending
from detect.people import preload_people
from pipeline.notices import moved_entry_points
from pipeline.prepare import PreparedArticle, prepare_article
from storage.articles import preload_urls, upsert_article
from storage.db import session_scope
from storage.models import CrawlRun
from storage.pages import crawl_state, record_pages, stored_article_pages
from storage.portals import is_baseline, mark_crawled, record_run

DETECT_ON = ("new", "edited", "duplicate")
PRELOAD_FROM = 10  # articles in one portal's batch from which what they look up is read at once
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
    engine: Engine,
    portal: PortalConfig,
    crawl: PortalCrawl,
    now: datetime,
    prepared: Sequence[PreparedArticle] | None = None,
    *,
    outage_after_runs: int = DEFAULT_AFTER_RUNS,
) -> PortalReport:
    """Store what one portal's crawl brought and turn it into facts and events.

    `prepared` holds the crawl's articles already parsed (by worker processes); without it they
    are parsed here. Everything goes into one transaction; should that fail, the portal is
    stored again one article per transaction, so one bad page costs an error line, not the run.
    """
    if prepared is None:
        prepared = [_prepare(portal, page.url, page.text) for page in crawl.articles]
    try:
        with session_scope(engine) as session:
            report = _new_report(session, portal, crawl)
            record_pages(session, portal.id, crawl.pages)
            if len(prepared) >= PRELOAD_FROM:
                _preload(session, portal.id, prepared)
            for article in prepared:
                store_article(session, portal, article, now, report.baseline, report)
            _finish(session, report, crawl, now, outage_after_runs)
        return report
    except StorageError:
        return _ingest_one_by_one(engine, portal, crawl, prepared, now, outage_after_runs)


def _preload(session: Session, portal_id: str, prepared: Sequence[PreparedArticle]) -> None:
    """What a batch's articles will look up one by one, read in a few queries instead."""
    preload_urls(session, [article.url for article in prepared])
    preload_portal_series(session, portal_id)
    preload_people(session, [person.name for article in prepared for person in article.people or ()])
    preload_pending(session)


def _ingest_one_by_one(
    engine: Engine, portal: PortalConfig, crawl: PortalCrawl,
    prepared: Sequence[PreparedArticle], now: datetime, outage_after_runs: int,
) -> PortalReport:
    with session_scope(engine) as session:
        report = _new_report(session, portal, crawl)
        record_pages(session, portal.id, crawl.pages)
    for article in prepared:
        try:
            with session_scope(engine) as session:
                store_article(session, portal, article, now, report.baseline, report)
        except StorageError as exc:
            report.errors.append(f"{article.url}: {exc}"[:300])
    with session_scope(engine) as session:
        _finish(session, report, crawl, now, outage_after_runs)
    return report


def _new_report(session: Session, portal: PortalConfig, crawl: PortalCrawl) -> PortalReport:
    return PortalReport(
        portal_id=portal.id,
        baseline=is_baseline(session, portal.id),
        requests=crawl.requests,
        pages_fetched=sum(1 for p in crawl.pages if p.status == 200 and not p.not_modified),
        not_modified=sum(1 for p in crawl.pages if p.not_modified),
        errors=list(crawl.errors) + _empty_articles(crawl),
        notices=moved_entry_points(crawl.pages),
    )


def _empty_articles(crawl: PortalCrawl) -> list[str]:
    """An article page that answered 200 with nothing in it is said, not silently skipped."""
    return [
        f"article {page.url}: the server answered 200 with an empty body"
        for page in crawl.pages
        if page.kind == "article" and page.status == 200 and not page.not_modified
        and not page.error and not page.text.strip()
    ]


def _finish(
    session: Session, report: PortalReport, crawl: PortalCrawl, now: datetime, outage_after_runs: int
) -> None:
    succeeded = not crawl.failed
    report.status = "failed" if not succeeded else ("partial" if report.errors else "ok")
    mark_crawled(session, report.portal_id, now, succeeded)
    record_run(session, _run_row(report, now))
    note_outages(session, report, succeeded, now, outage_after_runs)


def _prepare(portal: PortalConfig, url: str, html: str | bytes) -> PreparedArticle:
    return prepare_article(url, html, portal.profile, portal.locality or None)


def store_article(
    session: Session,
    portal: PortalConfig,
    prepared: PreparedArticle,
    now: datetime,
    baseline: bool,
    report: PortalReport,
    *,
    redetect: bool = False,
) -> None:
    """Store one parsed article and detect what it says, inside the caller's transaction.

    Detection runs on new, edited and duplicate articles; `redetect` runs it on unchanged ones
    too (after a parser change, an unchanged text may hold facts not found before).
    """
    if prepared.page is None:
        report.errors.append(prepared.error or f"{prepared.url}: not parsed")
        return
    outcome = upsert_article(
        session, portal_id=portal.id, url=prepared.url, article=prepared.page.article, now=now,
        fingerprint=prepared.fingerprint,
    )
    if outcome.status in COUNTERS:
        setattr(report, COUNTERS[outcome.status], getattr(report, COUNTERS[outcome.status]) + 1)
    if outcome.status not in DETECT_ON and not redetect:
        return
    events = detect_article(
        session, article=outcome.article, page=prepared.page, portal=portal, baseline=baseline, now=now,
        people=prepared.people,
    )
    session.flush()
    for event in events:
        report.event_ids.append(event.id)  # type: ignore[arg-type]  # set by the flush above
        report.new_directives += event.type == "directive.new"
        report.indicator_changes += event.type == "indicator.changed"


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
    """One article in its own transaction (re-processing stored pages)."""
    prepared = _prepare(portal, url, html)
    try:
        with session_scope(engine) as session:
            store_article(session, portal, prepared, now, baseline, report, redetect=redetect)
    except StorageError as exc:
        report.errors.append(f"{url}: {exc}"[:300])


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


def record_failed_crawl(
    engine: Engine, portal_id: str, error: str, now: datetime,
    outage_after_runs: int = DEFAULT_AFTER_RUNS,
) -> PortalReport:
    """A portal whose crawl could not even run (its task failed) still leaves a CrawlRun row."""
    report = PortalReport(portal_id=portal_id, status="failed", errors=[error])
    with session_scope(engine) as session:
        mark_crawled(session, portal_id, now, succeeded=False)
        record_run(session, _run_row(report, now))
        note_outages(session, report, False, now, outage_after_runs)
    return report


def note_outages(
    session: Session, report: PortalReport, succeeded: bool, now: datetime, after_runs: int
) -> None:
    """portal.down / portal.recovered for the run just recorded: an event and an artifact line."""
    for event in outage_events(session, report.portal_id, succeeded, now, after_runs=after_runs):
        report.event_ids.append(event.id)  # type: ignore[arg-type]  # stored: it has an id
        report.notices.append(outage_notice(event))


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


def read_crawl_state(
    engine: Engine, config: AppConfig, portal: PortalConfig, now: datetime, force_refetch: bool = False
) -> CrawlState:
    """What storage knows of one portal, for the crawler."""
    with session_scope(engine) as session:
        return crawl_state(
            session, portal.id, now, force_refetch=force_refetch, settings=portal.crawler(config.crawler)
        )
