"""Read models for the dashboard: the overview and the alert outbox (plain dataclasses out).

Every list is paged (`Paged`): the page's rows plus the total, so a page never loads a table.
Directives and indicators are in views_facts.py, articles in views_articles.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any, Generic, TypeVar

from sqlalchemy import func, update
from sqlmodel import Session, col, select

from storage.models import CrawlRun, Delivery, Event, Portal

T = TypeVar("T")
PER_PAGE = 25
QUIET_DAYS = 14


@dataclass(frozen=True)
class Paged(Generic[T]):
    """One page of a list: its rows, the total count, and where it sits."""

    items: list[T]
    total: int
    page: int
    per_page: int
    more: bool = False  # `total` is a lower bound: there are more than that

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))


def page_bounds(page: int, per_page: int = PER_PAGE) -> tuple[int, int]:
    """(limit, offset) of a 1-based page number (anything below 1 is page 1)."""
    return per_page, (max(page, 1) - 1) * per_page


@dataclass(frozen=True)
class PortalStatus:
    """A portal and its last crawl run (None when it was never crawled)."""

    id: str
    name: str
    locality: str
    level: str
    last_run: CrawlRun | None
    new_recently: int  # new articles over the last QUIET_DAYS of runs

    @property
    def failed(self) -> bool:
        return self.last_run is not None and self.last_run.status == "failed"

    @property
    def partial(self) -> bool:
        return self.last_run is not None and self.last_run.status == "partial"

    @property
    def quiet(self) -> bool:
        return self.last_run is not None and self.new_recently == 0


@dataclass(frozen=True)
class Overview:
    portals: list[PortalStatus]
    deliveries: dict[str, int] = field(default_factory=dict)  # status → count

    @property
    def troubled(self) -> list[PortalStatus]:
        return [p for p in self.portals if p.failed or p.partial or p.quiet or p.last_run is None]


def overview(session: Session, now: datetime) -> Overview:
    """Last run of every portal, portals that failed or went quiet, and delivery counts."""
    latest = select(func.max(CrawlRun.id)).group_by(col(CrawlRun.portal_id)).scalar_subquery()
    runs = {r.portal_id: r for r in session.execute(select(CrawlRun).where(col(CrawlRun.id).in_(latest))).scalars()}
    recent = dict(
        session.execute(
            select(CrawlRun.portal_id, func.sum(CrawlRun.new_articles))
            .where(col(CrawlRun.started_at) >= now - timedelta(days=QUIET_DAYS))
            .group_by(col(CrawlRun.portal_id))
        ).tuples().all()
    )
    portals = [
        PortalStatus(p.id, p.name, p.locality, p.level, runs.get(p.id), int(recent.get(p.id) or 0))
        for p in session.execute(select(Portal).order_by(col(Portal.id))).scalars()
    ]
    counts = dict(
        session.execute(select(Delivery.status, func.count()).group_by(col(Delivery.status))).tuples().all()
    )
    return Overview(portals, {str(k): int(v) for k, v in counts.items()})


@dataclass(frozen=True)
class OutboxRow:
    """One delivery of the outbox with its event."""

    id: int
    subscription: str
    channel: str  # as stored: already masked
    mode: str
    status: str
    attempts: int
    last_error: str | None
    next_attempt_at: datetime | None
    sent_at: datetime | None
    event_type: str
    event_key: str


@dataclass(frozen=True)
class OutboxGroup:
    """Delivery counts of one (subscription, channel)."""

    subscription: str
    channel: str
    counts: dict[str, int]


def outbox_groups(session: Session) -> list[OutboxGroup]:
    """Per subscription and channel: how many deliveries are pending, sent, failed."""
    rows = session.execute(
        select(Delivery.subscription, Delivery.channel, Delivery.status, func.count())
        .group_by(col(Delivery.subscription), col(Delivery.channel), col(Delivery.status))
        .order_by(col(Delivery.subscription), col(Delivery.channel))
    ).all()
    groups: dict[tuple[str, str], dict[str, int]] = {}
    for sub, channel, status, n in rows:
        groups.setdefault((sub, channel), {})[status] = int(n)
    return [OutboxGroup(s, c, counts) for (s, c), counts in groups.items()]


def outbox(
    session: Session,
    *,
    subscription: str | None = None,
    status: str | None = None,
    page: int = 1,
    per_page: int = PER_PAGE,
) -> Paged[OutboxRow]:
    """The outbox newest first, optionally one subscription's or one status's."""
    where: list[Any] = []
    if subscription:
        where.append(col(Delivery.subscription) == subscription)
    if status:
        where.append(col(Delivery.status) == status)
    total = session.execute(select(func.count()).select_from(Delivery).where(*where)).scalar_one()
    limit, offset = page_bounds(page, per_page)
    rows = session.execute(
        select(Delivery, Event.type, Event.key)
        .join(Event, col(Event.id) == Delivery.event_id)
        .where(*where)
        .order_by(col(Delivery.id).desc())
        .limit(limit)
        .offset(offset)
    ).all()
    items = [
        OutboxRow(d.id, d.subscription, d.channel, d.mode, d.status, d.attempts, d.last_error,
                  d.next_attempt_at, d.sent_at, etype, key)
        for d, etype, key in rows
    ]
    return Paged(items, int(total), max(page, 1), per_page)


def retry_delivery(session: Session, delivery_id: int, now: datetime) -> bool:
    """Make a failed (or waiting) delivery due now; False when it was already sent or is unknown.

    Attempts are kept; the next notify run (or sweep) sends it.
    """
    result = session.execute(
        update(Delivery)
        .where(col(Delivery.id) == delivery_id, col(Delivery.status).in_(["pending", "failed"]))
        .values(status="pending", next_attempt_at=now, claimed_until=None)
    )
    return bool(result.rowcount)  # type: ignore[attr-defined]  # CursorResult of an UPDATE
