"""Prefect tasks over the packages: each wraps one plain call, with retries where one helps.

Every task here has side effects (network, database, alerts, Prefect events), so none is cached.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import asdict
from datetime import UTC, datetime
from typing import Any

from prefect import get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.client.schemas.objects import State, TaskRun
from prefect.concurrency._asyncio import AcquireConcurrencySlotTimeoutError
from prefect.tasks import Task, exponential_backoff
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError

from alerts import deliver_pending, plan_deliveries, plan_unplanned, send_digests
from core.config import AppConfig, PortalConfig
from core.errors import ConfigError, StorageError
from core.records import CrawlState, PortalCrawl
from crawler import crawl_portals_sync
from flows.events import emit_stored_events
from flows.hosts import host_slots
from pipeline.ingest import (
    PortalReport,
    ingest_crawl,
    read_crawl_states,
    record_failed_crawl,
    resolve_pending_mentions,
)
from storage.db import session_scope
from storage.models import Event

RetryCondition = Callable[[Task[..., Any], TaskRun, State[Any]], bool]


def retry_when(*retryable: type[BaseException]) -> RetryCondition:
    """A retry condition: retry only when the task failed with one of these exceptions."""

    def condition(_task: Task[..., Any], _run: TaskRun, state: State[Any]) -> bool:
        return isinstance(state.data, retryable)

    return condition


def retry_unless(*fatal: type[BaseException]) -> RetryCondition:
    """A retry condition: retry anything but these exceptions."""

    def condition(_task: Task[..., Any], _run: TaskRun, state: State[Any]) -> bool:
        return not isinstance(state.data, fatal)

    return condition


# A locked SQLite file or a dropped PostgreSQL connection is worth another go; upserts make the
# repeat harmless.
DATABASE_HICCUPS = (OperationalError, StorageError)


@task(cache_policy=NO_CACHE, retries=2, retry_delay_seconds=exponential_backoff(5),
      retry_condition_fn=retry_when(*DATABASE_HICCUPS))  # fmt: skip
def register_portals(
    config: AppConfig, engine: Engine, portals: Sequence[PortalConfig], force_refetch: bool
) -> dict[str, CrawlState]:
    """Register the configured portals and read what storage already knows of each."""
    return read_crawl_states(engine, config, portals, datetime.now(UTC), force_refetch)


@task(cache_policy=NO_CACHE, retries=2, retry_delay_seconds=exponential_backoff(10),
      retry_jitter_factor=0.5, task_run_name="fetch-{portal.id}",
      retry_condition_fn=retry_unless(ConfigError, AcquireConcurrencySlotTimeoutError))  # fmt: skip
def fetch_portal(config: AppConfig, portal: PortalConfig, state: CrawlState) -> PortalCrawl:
    """Crawl one portal while holding its hosts' global concurrency slots."""
    logger = get_run_logger()
    with host_slots(portal, config.crawler) as names:
        logger.info("%s: holding %s", portal.id, ", ".join(names) or "no host limit")
        crawl = crawl_portals_sync([portal], config.crawler, {portal.id: state})[portal.id]
    logger.info(
        "%s: %d requests, %d pages, %d errors",
        portal.id, crawl.requests, len(crawl.pages), len(crawl.errors),
    )
    return crawl


@task(cache_policy=NO_CACHE, retries=2, retry_delay_seconds=exponential_backoff(5),
      task_run_name="ingest-{portal.id}",
      retry_condition_fn=retry_when(*DATABASE_HICCUPS))  # fmt: skip
def ingest_portal(engine: Engine, portal: PortalConfig, crawl: PortalCrawl) -> PortalReport:
    """Store, parse, deduplicate and detect what one portal's crawl brought."""
    return ingest_crawl(engine, portal, crawl, datetime.now(UTC))


def load_events(engine: Engine, event_ids: Sequence[int]) -> list[Event]:
    """The stored events with these ids (missing ones skipped)."""
    with session_scope(engine) as session:
        rows = [session.get(Event, eid) for eid in event_ids]
        return [row for row in rows if row is not None]


@task(cache_policy=NO_CACHE, retries=2, retry_delay_seconds=exponential_backoff(5),
      retry_condition_fn=retry_when(*DATABASE_HICCUPS))  # fmt: skip
def plan_alerts(engine: Engine, config: AppConfig, event_ids: Sequence[int]) -> int:
    """One pending delivery per (event, subscription, channel) that wants it."""
    if not event_ids:
        return 0
    now = datetime.now(UTC)
    with session_scope(engine) as session:
        events = [row for row in (session.get(Event, eid) for eid in event_ids) if row]
        return plan_deliveries(session, events, config, now)


@task(cache_policy=NO_CACHE, retries=2, retry_delay_seconds=exponential_backoff(5),
      retry_condition_fn=retry_when(*DATABASE_HICCUPS))  # fmt: skip
def sweep_pending_mentions(engine: Engine) -> int:
    """Resolve code-less directive mentions that a concurrent crawl left pending."""
    return resolve_pending_mentions(engine, datetime.now(UTC))


@task(cache_policy=NO_CACHE)
def deliver_alerts(engine: Engine, config: AppConfig) -> dict[str, int]:
    """Plan what a crash left unplanned, then send every due delivery. Failures stay pending
    with a later attempt time, so no retry here."""
    now = datetime.now(UTC)
    with session_scope(engine) as session:
        plan_unplanned(session, config, now)
    report = deliver_pending(engine, config, now=now)
    return {key: value for key, value in asdict(report).items() if isinstance(value, int)}


@task(cache_policy=NO_CACHE)
def deliver_digests(engine: Engine, config: AppConfig) -> dict[str, int]:
    """Send every digest whose time has come: one message per subscription and channel."""
    report = send_digests(engine, config, now=datetime.now(UTC))
    return {key: value for key, value in asdict(report).items() if isinstance(value, int)}


@task(cache_policy=NO_CACHE)
def mirror_events(engine: Engine, config: AppConfig, event_ids: Sequence[int]) -> int:
    """Emit each stored event as a Prefect event (portal resource, locality related)."""
    if not event_ids:
        return 0
    portals = {portal.id: portal for portal in config.portals}
    emitted = emit_stored_events(load_events(engine, event_ids), portals)
    get_run_logger().info("emitted %d Prefect events", len(emitted))
    return len(emitted)


def failed_report(engine: Engine, portal_id: str, error: BaseException) -> PortalReport:
    """What a portal's crawl is recorded as when it raised instead of returning: a failed
    CrawlRun row when the database takes it, a failed report either way."""
    message = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    try:
        return record_failed_crawl(engine, portal_id, message[:300], datetime.now(UTC))
    except DATABASE_HICCUPS:
        return PortalReport(portal_id=portal_id, status="failed", errors=[message[:300]])
