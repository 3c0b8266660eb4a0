"""Prefect tasks: thin wrappers that give the pipeline's plain functions retries and a name in
the UI. No logic lives here; every step is a call into pipeline/ (and through it, the stages)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import Any, TypeVar, cast

from prefect import get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.client.schemas.objects import State, TaskRun
from prefect.tasks import Task, exponential_backoff
from prefect.utilities.annotations import quote
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError

from core.config import AppConfig, PortalConfig
from core.errors import StorageError
from flows.events import emit_stored_events
from pipeline.alerting import announced_events, deliver_digests_due, deliver_due
from pipeline.alerting import plan_alerts as plan_event_alerts
from pipeline.ingest import PortalReport, record_failed_crawl, resolve_pending_mentions
from pipeline.stream import run_crawl

RetryCondition = Callable[[Task[..., Any], TaskRun, State[Any]], bool]
T = TypeVar("T")


def unvisited(value: T) -> T:
    """`value`, marked so Prefect hands it to a task without walking it. Prefect visits every
    item of a task's arguments looking for upstream futures; for a 1,000-portal configuration
    that costs about 0.3 s per task call. The configuration and portal lists never hold one."""
    return cast(T, quote(value))



def retry_when(*retryable: type[BaseException]) -> RetryCondition:
    """A retry condition: retry only when the task failed with one of these exceptions."""

    def condition(_task: Task[..., Any], _run: TaskRun, state: State[Any]) -> bool:
        return isinstance(state.data, retryable)

    return condition


# A locked SQLite file or a dropped PostgreSQL connection: every write is idempotent, so a
# repeat is harmless.
DATABASE_HICCUPS = (OperationalError, StorageError)


@task(cache_policy=NO_CACHE, retries=1, retry_delay_seconds=exponential_backoff(10),
      retry_condition_fn=retry_when(*DATABASE_HICCUPS))  # fmt: skip
def crawl_portals(
    engine: Engine, config: AppConfig, portals: Sequence[PortalConfig], force_refetch: bool
) -> list[PortalReport]:
    """Fetch, parse, store and detect a shard of portals, streamed, in this process.

    Politeness per host is the crawler's own (one gate per host in this process); the shard
    assignment keeps every host in one shard, so no other worker crawls it meanwhile.
    """
    logger = get_run_logger()

    def log_one(report: PortalReport) -> None:
        logger.debug("%s: %s, %d requests, %d new", report.portal_id, report.status,
                     report.requests, report.new_articles)  # fmt: skip

    return run_crawl(engine, config, [p.id for p in portals], force_refetch, on_report=log_one)


@task(cache_policy=NO_CACHE, retries=2, retry_delay_seconds=exponential_backoff(5),
      retry_condition_fn=retry_when(*DATABASE_HICCUPS))  # fmt: skip
def plan_alerts(engine: Engine, config: AppConfig, event_ids: Sequence[int]) -> int:
    """One pending delivery per (event, subscription, channel) that wants it."""
    return plan_event_alerts(engine, config, event_ids, datetime.now(UTC))


@task(cache_policy=NO_CACHE, retries=2, retry_delay_seconds=exponential_backoff(5),
      retry_condition_fn=retry_when(*DATABASE_HICCUPS))  # fmt: skip
def sweep_pending_mentions(engine: Engine) -> int:
    """Resolve code-less directive mentions that a concurrent crawl left pending."""
    return resolve_pending_mentions(engine, datetime.now(UTC))


@task(cache_policy=NO_CACHE)
def deliver_alerts(engine: Engine, config: AppConfig) -> dict[str, int]:
    """Plan what a crash left unplanned, then send every due delivery. Failures stay pending
    with a later attempt time, so no retry here."""
    return deliver_due(engine, config, datetime.now(UTC))


@task(cache_policy=NO_CACHE)
def deliver_digests(engine: Engine, config: AppConfig) -> dict[str, int]:
    """Send every digest whose time has come: one message per subscription and channel."""
    return deliver_digests_due(engine, config, datetime.now(UTC))


@task(cache_policy=NO_CACHE)
def mirror_events(engine: Engine, config: AppConfig, event_ids: Sequence[int]) -> int:
    """Emit each new, non-baseline stored event as a Prefect event (portal resource, locality
    related); what a baseline found stays in the database and the exports."""
    events = announced_events(engine, event_ids)
    if not events:
        return 0
    portals = {portal.id: portal for portal in config.portals}
    emitted = emit_stored_events(events, portals)
    get_run_logger().info("emitted %d Prefect events", len(emitted))
    return len(emitted)


def failed_reports(
    engine: Engine, config: AppConfig, portals: Sequence[PortalConfig], error: str
) -> list[PortalReport]:
    """What a shard's portals are recorded as when its crawl task failed after its retries: a
    failed CrawlRun row each when the database takes it, a failed report either way."""
    reports = []
    for portal in portals:
        try:
            reports.append(record_failed_crawl(engine, portal.id, error[:300], datetime.now(UTC),
                                               config.alerts.outage_after_runs))  # fmt: skip
        except DATABASE_HICCUPS:
            reports.append(PortalReport(portal_id=portal.id, status="failed", errors=[error[:300]]))
    return reports
