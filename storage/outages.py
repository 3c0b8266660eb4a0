"""What the crawl-run history says about a portal being reachable: its latest streak of failures.

No table of its own: the CrawlRun rows already tell it. A run counts as failed when its status
is ``failed``; ``ok`` and ``partial`` runs reached the portal.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlmodel import Session, col, select

from storage.models import CrawlRun, Event, Portal

FAILED = "failed"
# Enough history to see any streak an operator would alert on (outage_after_runs is at most 100).
_LOOKBACK = 101


@dataclass(frozen=True)
class FailureStreak:
    """Consecutive failed runs, newest last, that end just before (or at) a given run."""

    runs: int
    first_failed_at: datetime | None
    last_failed_at: datetime | None
    last_error: str


def _streak(rows: list[CrawlRun]) -> FailureStreak:
    """The leading failed rows of `rows` (given newest first)."""
    failed: list[CrawlRun] = []
    for row in rows:
        if row.status != FAILED:
            break
        failed.append(row)
    if not failed:
        return FailureStreak(0, None, None, "")
    errors = failed[0].errors or []
    return FailureStreak(
        runs=len(failed),
        first_failed_at=failed[-1].started_at,
        last_failed_at=failed[0].started_at,
        last_error=str(errors[0]) if errors else "",
    )


def _latest_runs(session: Session, portal_id: str, limit: int) -> list[CrawlRun]:
    statement = (
        select(CrawlRun)
        .where(col(CrawlRun.portal_id) == portal_id)
        .order_by(col(CrawlRun.id).desc())
        .limit(limit)
    )
    return list(session.exec(statement).all())


def current_failures(session: Session, portal_id: str) -> FailureStreak:
    """The failed runs at the end of the portal's history (0 when the latest run succeeded)."""
    return _streak(_latest_runs(session, portal_id, _LOOKBACK))


def failures_before_latest(session: Session, portal_id: str) -> FailureStreak:
    """The failed runs just before the latest one: the outage a successful run has just ended."""
    return _streak(_latest_runs(session, portal_id, _LOOKBACK + 1)[1:])


def event_exists(session: Session, key: str) -> bool:
    return session.exec(select(col(Event.id)).where(col(Event.key) == key)).first() is not None


def portal_label(session: Session, portal_id: str) -> tuple[str, str]:
    """The portal's stored name and locality (its id and "" when not registered)."""
    portal = session.get(Portal, portal_id)
    if portal is None:
        return portal_id, ""
    return portal.name or portal_id, portal.locality or ""
