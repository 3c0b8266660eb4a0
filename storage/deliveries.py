"""The alert outbox: every SQL statement about Delivery rows.

A row is claimed by setting `claimed_until` in one atomic UPDATE; whoever's UPDATE matched the
row owns it until then. Marking a row sent or failed is guarded by that claim, so a worker whose
claim expired (and was taken over) cannot overwrite the newer owner's outcome.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import and_, func, or_, update
from sqlmodel import Session, col, select

from storage.dialect import insert_for
from storage.models import Delivery, Event

_TABLE = Delivery.__table__  # type: ignore[attr-defined]  # set by SQLModel on table classes, not declared
_C = _TABLE.c


@dataclass(frozen=True)
class ClaimedDelivery:
    """A delivery this worker owns until `claimed_until`, with its event."""

    id: int
    subscription: str
    channel_key: str
    mode: str
    attempts: int
    claimed_until: datetime
    due_at: datetime | None  # next_attempt_at when claimed: for a digest, its scheduled time
    event: Event


def insert_deliveries(session: Session, rows: Sequence[dict[str, Any]]) -> int:
    """Insert rows, skipping any (event, subscription, channel) already planned; count the new."""
    if not rows:
        return 0
    stmt = insert_for(session, _TABLE).values(list(rows))
    stmt = stmt.on_conflict_do_nothing(index_elements=["event_id", "subscription", "channel_key"])
    return len(session.exec(stmt.returning(_C.id)).all())


def _claimable(now: datetime) -> Any:
    return and_(
        _C.status == "pending",
        _C.next_attempt_at <= now,
        or_(_C.claimed_until.is_(None), _C.claimed_until < now),
    )


def _load(session: Session, ids: Sequence[int], until: datetime) -> list[ClaimedDelivery]:
    if not ids:
        return []
    rows = session.exec(
        select(Delivery, Event)
        .join(Event, col(Event.id) == col(Delivery.event_id))
        .where(col(Delivery.id).in_(ids))
        .order_by(col(Delivery.id))
    ).all()
    return [
        ClaimedDelivery(d.id, d.subscription, d.channel_key, d.mode, d.attempts, until, d.next_attempt_at, e)  # type: ignore[arg-type]  # a loaded row's id is never None
        for d, e in rows
    ]


def claim_due(
    session: Session, *, now: datetime, until: datetime, limit: int, mode: str = "immediate"
) -> list[ClaimedDelivery]:
    """Atomically take up to `limit` due, unclaimed rows of `mode` (oldest first) until `until`."""
    # A CTE is evaluated once (PostgreSQL materialises one that locks rows); an IN (subquery)
    # may be re-run by the planner and then claim more than `limit` rows.
    pick = (
        select(_C.id)
        .where(_claimable(now), _C.mode == mode)
        .order_by(_C.id)
        .limit(limit)
        .with_for_update(skip_locked=True)  # PostgreSQL; SQLite serialises writers anyway
        .cte("picked")
    )
    stmt = (
        update(_TABLE)
        .where(_C.id == pick.c.id, _claimable(now))
        .values(claimed_until=until)
        .returning(_C.id)
    )
    ids = [row[0] for row in session.exec(stmt)]
    return _load(session, ids, until)


def due_digest_groups(session: Session, now: datetime) -> list[tuple[str, str]]:
    """(subscription, channel_key) pairs with a digest due and not claimed by anyone."""
    stmt = (
        select(_C.subscription, _C.channel_key)
        .where(_claimable(now), _C.mode == "digest")
        .group_by(_C.subscription, _C.channel_key)
        .order_by(_C.subscription, _C.channel_key)
    )
    return [(row[0], row[1]) for row in session.exec(stmt)]


def claim_digest(
    session: Session, subscription: str, channel_key: str, *, now: datetime, until: datetime
) -> list[ClaimedDelivery]:
    """Atomically take every due row of one digest, so a digest is never split between workers."""
    stmt = (
        update(_TABLE)
        .where(
            _claimable(now),
            _C.mode == "digest",
            _C.subscription == subscription,
            _C.channel_key == channel_key,
        )
        .values(claimed_until=until)
        .returning(_C.id)
    )
    ids = [row[0] for row in session.exec(stmt)]
    return _load(session, ids, until)


def _owned(ids: Sequence[int], claimed_until: datetime) -> Any:
    return and_(_C.id.in_(list(ids)), _C.status == "pending", _C.claimed_until == claimed_until)


def mark_sent(
    session: Session, ids: Sequence[int], *, claimed_until: datetime, now: datetime
) -> int:
    """Record a successful send of rows this worker still owns; returns how many it marked."""
    stmt = (
        update(_TABLE)
        .where(_owned(ids, claimed_until))
        .values(
            status="sent", sent_at=now, attempts=_C.attempts + 1, claimed_until=None, last_error=None
        )
    )
    return int(session.exec(stmt).rowcount)


def mark_failed(
    session: Session,
    ids: Sequence[int],
    *,
    claimed_until: datetime,
    error: str,
    retry_at: datetime | None,
) -> int:
    """Record a failed send: retry at `retry_at`, or give up (status failed) when it is None."""
    values: dict[str, Any] = {
        "attempts": _C.attempts + 1,
        "claimed_until": None,
        "last_error": error[:1000],
    }
    if retry_at is None:
        values["status"] = "failed"
    else:
        values["next_attempt_at"] = retry_at
    stmt = update(_TABLE).where(_owned(ids, claimed_until)).values(**values)
    return int(session.exec(stmt).rowcount)


def count_pending(session: Session, mode: str = "immediate") -> int:
    """Rows of `mode` still waiting to be sent (due or not)."""
    stmt = select(func.count()).select_from(_TABLE).where(_C.status == "pending", _C.mode == mode)
    return int(session.exec(stmt).one())


def deliveries_for_event(session: Session, event_id: int) -> list[Delivery]:
    """Every delivery planned for one event (for reports and tests)."""
    stmt = select(Delivery).where(col(Delivery.event_id) == event_id).order_by(col(Delivery.id))
    return list(session.exec(stmt).all())


def status_counts(session: Session) -> dict[str, dict[str, int]]:
    """{subscription: {status: rows}} over the whole outbox."""
    stmt = select(_C.subscription, _C.status, func.count()).group_by(_C.subscription, _C.status)
    counts: dict[str, dict[str, int]] = {}
    for subscription, status, number in session.exec(stmt):
        counts.setdefault(subscription, {})[status] = int(number)
    return counts


def unplanned_events(
    session: Session, since: datetime, *, include_baseline: bool = True, chunk: int = 1000
) -> Iterator[list[Event]]:
    """Events created since `since` that have no delivery row at all, in chunks by id.

    A crash between storing an event and planning its deliveries leaves such events; planning
    is idempotent, so the notify sweep simply plans them again. (An event that matches no
    subscription stays in this list until it is older than `since`: harmless, and read in
    chunks so that a large crawl's events never sit in memory at once.)
    """
    planned = select(Delivery.id).where(Delivery.event_id == Event.id).exists()
    after = 0
    while True:
        query = select(Event).where(Event.created_at >= since, ~planned, col(Event.id) > after)
        if not include_baseline:
            query = query.where(col(Event.baseline).is_(False))
        rows = list(session.exec(query.order_by(col(Event.id)).limit(chunk)).all())
        if not rows:
            return
        yield rows
        after = rows[-1].id or after
        for row in rows:  # planned: let the session forget them
            session.expunge(row)
