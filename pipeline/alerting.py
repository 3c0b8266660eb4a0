"""After a crawl: plan the deliveries its events call for, send what is due, as plain functions."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict
from datetime import datetime

from sqlalchemy.engine import Engine

from alerts import deliver_pending, plan_deliveries, plan_unplanned, send_digests
from core.config import AppConfig
from storage.db import session_scope
from storage.events import events_by_id
from storage.models import Event


def plan_alerts(engine: Engine, config: AppConfig, event_ids: Sequence[int], now: datetime) -> int:
    """One pending delivery per (event, subscription, channel) that wants it; how many are new."""
    if not event_ids or not config.subscriptions:
        return 0
    with session_scope(engine) as session:
        return plan_deliveries(session, events_by_id(session, event_ids), config, now)


def deliver_due(engine: Engine, config: AppConfig, now: datetime) -> dict[str, int]:
    """Plan what a crash left unplanned, then send every due delivery (failures stay pending
    with a later attempt time)."""
    with session_scope(engine) as session:
        plan_unplanned(session, config, now)
    report = deliver_pending(engine, config, now=now)
    return {key: value for key, value in asdict(report).items() if isinstance(value, int)}


def deliver_digests_due(engine: Engine, config: AppConfig, now: datetime) -> dict[str, int]:
    """Send every digest whose time has come: one message per subscription and channel."""
    report = send_digests(engine, config, now=now)
    return {key: value for key, value in asdict(report).items() if isinstance(value, int)}


def announced_events(engine: Engine, event_ids: Sequence[int]) -> list[Event]:
    """The stored events worth announcing outside the database: what a baseline found is
    recorded and exported, but announces nothing (it would only flood the event feed)."""
    with session_scope(engine) as session:
        return events_by_id(session, event_ids, news_only=True)
