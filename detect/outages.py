"""Outage events: `portal.down` after N consecutive failed runs, `portal.recovered` on the
first success after it.

Both are computed from the crawl-run history, right after the current run is recorded, so any
worker that records a run reaches the same verdict. Keys name the outage by its first failed
run (`portal.down:<portal>:<UTC time of that run>`), so each outage alerts once whichever worker
sees it, however often the run is repeated, and a later outage gets new keys.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlmodel import Session

from storage.facts import add_event
from storage.models import Event
from storage.outages import (
    FailureStreak,
    current_failures,
    event_exists,
    failures_before_latest,
    portal_label,
)

DOWN = "portal.down"
RECOVERED = "portal.recovered"
OUTAGE_TYPES = (DOWN, RECOVERED)
DEFAULT_AFTER_RUNS = 3


def _stamp(moment: datetime | None) -> str:
    if moment is None:
        return "unknown"
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def outage_key(kind: str, portal_id: str, first_failed_at: datetime | None) -> str:
    """`portal.down:bachthong:2026-12-01T00:00:00Z`: one key per (kind, portal, outage)."""
    return f"{kind}:{portal_id}:{_stamp(first_failed_at)}"


def _payload(session: Session, portal_id: str, streak: FailureStreak) -> dict[str, Any]:
    name, locality = portal_label(session, portal_id)
    return {
        "portal_id": portal_id,
        "portal_name": name,
        "locality": locality,
        "failed_runs": streak.runs,
        "down_since": streak.first_failed_at.isoformat() if streak.first_failed_at else None,
        "last_failed_at": streak.last_failed_at.isoformat() if streak.last_failed_at else None,
        "last_error": streak.last_error[:300],
    }


def _emit(session: Session, kind: str, key: str, portal_id: str, payload: dict[str, Any], now: datetime) -> list[Event]:
    row = add_event(
        session, type_=kind, key=key, portal_id=portal_id, payload=payload, baseline=False, now=now
    )
    return [row] if row is not None else []


def outage_events(
    session: Session,
    portal_id: str,
    succeeded: bool,
    now: datetime,
    *,
    after_runs: int = DEFAULT_AFTER_RUNS,
) -> list[Event]:
    """The outage events the portal's latest run (already recorded) calls for; new rows only.

    A failed run that makes (or extends) a streak of `after_runs` failures stores `portal.down`
    (once per streak); a successful run ending such a streak stores `portal.recovered`, only
    when the matching `portal.down` exists, so every recovery answers an alert that went out.
    Outage events are never baseline events: they concern the operator, not the corpus.
    """
    if not succeeded:
        streak = current_failures(session, portal_id)
        if streak.runs < after_runs:
            return []
        key = outage_key(DOWN, portal_id, streak.first_failed_at)
        return _emit(session, DOWN, key, portal_id, _payload(session, portal_id, streak), now)
    streak = failures_before_latest(session, portal_id)
    if streak.runs < after_runs:
        return []
    if not event_exists(session, outage_key(DOWN, portal_id, streak.first_failed_at)):
        return []
    payload = _payload(session, portal_id, streak) | {"recovered_at": now.astimezone(UTC).isoformat()}
    key = outage_key(RECOVERED, portal_id, streak.first_failed_at)
    return _emit(session, RECOVERED, key, portal_id, payload, now)


def outage_notice(event: Event) -> str:
    """One line for the run's artifact: what happened to the portal's reachability."""
    payload = event.payload or {}
    runs = payload.get("failed_runs", "?")
    since = payload.get("down_since") or "?"
    if event.type == DOWN:
        error = f": {payload['last_error']}" if payload.get("last_error") else ""
        return f"{DOWN}: {runs} failed runs in a row since {since}{error}"
    return f"{RECOVERED}: reachable again after {runs} failed runs since {since}"
