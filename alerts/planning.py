"""Turning new events into Delivery rows: one per (event, matching subscription, channel URL)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlmodel import Session

from alerts.channels import channel_key
from alerts.masking import mask_url
from alerts.matching import matching_subscriptions, stored_article_text
from alerts.textfmt import VN
from core.config import AppConfig, SubscriptionConfig
from storage.deliveries import insert_deliveries, unplanned_events
from storage.models import Event


def as_utc(moment: datetime) -> datetime:
    """An aware UTC datetime (a naive one is taken as UTC already)."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def next_digest_at(digest_time: str, now: datetime) -> datetime:
    """The first `digest_time` (HH:MM, Vietnam time) at or after `now`, in UTC."""
    hour, minute = (int(part) for part in digest_time.split(":"))
    local = as_utc(now).astimezone(VN)
    due = local.replace(hour=hour, minute=minute, second=0, microsecond=0)
    if due < local:
        due = (local + timedelta(days=1)).replace(hour=hour, minute=minute, second=0, microsecond=0)
    return due.astimezone(UTC)


def _rows_for(
    event: Event, sub: SubscriptionConfig, now: datetime, masked: dict[str, str]
) -> list[dict[str, Any]]:
    due = now if sub.mode == "immediate" else next_digest_at(sub.digest_time, now)
    rows = []
    for url in dict.fromkeys(u.strip() for u in sub.urls):  # a URL listed twice is one channel
        if url not in masked:
            masked[url] = mask_url(url)
        rows.append(
            {
                "event_id": event.id,
                "subscription": sub.name,
                "channel_key": channel_key(url),
                "channel": masked[url],
                "mode": sub.mode,
                "status": "pending",
                "attempts": 0,
                "next_attempt_at": due,
                "created_at": now,
            }
        )
    return rows


def plan_deliveries(session: Session, events: Sequence[Event], config: AppConfig, now: datetime) -> int:
    """Create the deliveries `events` call for (idempotent); returns how many rows are new."""
    if not config.subscriptions or not events:
        return 0
    if any(e.id is None for e in events):
        session.flush()  # events added in this session need their ids
    now = as_utc(now)
    masked: dict[str, str] = {}
    body = stored_article_text(session)  # keywords also look at the article's stored text
    rows = [
        row
        for event in events
        for sub in matching_subscriptions(event, config, body)
        for row in _rows_for(event, sub, now, masked)
    ]
    return sum(insert_deliveries(session, rows[i : i + 500]) for i in range(0, len(rows), 500))


def plan_unplanned(session: Session, config: AppConfig, now: datetime, window: timedelta = timedelta(days=2)) -> int:
    """Plan deliveries for recent events that never got any (a crash after storing them).

    Baseline events are looked at only when some subscription or portal asks for history:
    a first crawl of a thousand portals stores a hundred thousand of them, which would
    otherwise be read again at every sweep for two days."""
    if not config.subscriptions:
        return 0
    history = any(s.alert_history for s in config.subscriptions) or any(p.alert_history for p in config.portals)
    planned = 0
    for chunk in unplanned_events(session, now - window, include_baseline=history):
        planned += plan_deliveries(session, chunk, config, now)
    return planned
