"""What the crawl-run history says about a portal being reachable: its latest streak of failures.

No table of its own: the CrawlRun rows already tell it. A run counts as failed when its status
is ``failed``; ``ok`` and ``partial`` runs reached the portal.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, select
from sqlmodel import Session, col
from sqlmodel import select as orm_select

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


_RunRow = tuple[str, datetime, list[str]]  # status, started_at, errors


def _streak(rows: Sequence[_RunRow]) -> FailureStreak:
    """The leading failed rows of `rows` (given newest first)."""
    failed = list(itertools.takewhile(lambda row: row[0] == FAILED, rows))
    if not failed:
        return FailureStreak(0, None, None, "")
    errors = failed[0][2] or []
    return FailureStreak(
        runs=len(failed),
        first_failed_at=failed[-1][1],
        last_failed_at=failed[0][1],
        last_error=str(errors[0]) if errors else "",
    )


def _streak_statements(skip: int) -> tuple[Any, Any]:
    """(the status of the run `skip` runs back, the runs from there on), plain Core, built
    once: every crawl of every portal asks."""
    run = CrawlRun.__table__  # type: ignore[attr-defined]  # set by SQLModel on table classes
    newest_first = run.c.id.desc()
    of_portal = run.c.portal_id == bindparam("portal_id")
    status = select(run.c.status).where(of_portal).order_by(newest_first).offset(skip).limit(1)
    history = (
        select(run.c.status, run.c.started_at, run.c.errors)
        .where(of_portal).order_by(newest_first).offset(skip).limit(_LOOKBACK)
    )  # fmt: skip
    return status, history


_STREAKS = {skip: _streak_statements(skip) for skip in (0, 1)}


def _streak_from(session: Session, portal_id: str, skip: int) -> FailureStreak:
    """The streak of failed runs that starts `skip` runs back. The common case, a run that did
    not fail, costs one row of one column; only a failing portal reads its history."""
    status, history = _STREAKS[skip]
    connection = session.connection()
    if connection.execute(status, {"portal_id": portal_id}).scalar() != FAILED:
        return FailureStreak(0, None, None, "")
    rows = connection.execute(history, {"portal_id": portal_id}).all()
    return _streak([(row[0], row[1], row[2]) for row in rows])


def current_failures(session: Session, portal_id: str) -> FailureStreak:
    """The failed runs at the end of the portal's history (0 when the latest run succeeded)."""
    return _streak_from(session, portal_id, 0)


def failures_before_latest(session: Session, portal_id: str) -> FailureStreak:
    """The failed runs just before the latest one: the outage a successful run has just ended."""
    return _streak_from(session, portal_id, 1)


def event_exists(session: Session, key: str) -> bool:
    return session.exec(orm_select(col(Event.id)).where(col(Event.key) == key)).first() is not None


def portal_label(session: Session, portal_id: str) -> tuple[str, str]:
    """The portal's stored name and locality (its id and "" when not registered)."""
    portal = session.get(Portal, portal_id)
    if portal is None:
        return portal_id, ""
    return portal.name or portal_id, portal.locality or ""
