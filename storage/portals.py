"""Portals as configured, and their baseline: the first successful crawl alerts nobody."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, func, insert, select, update
from sqlmodel import Session, col
from sqlmodel import select as orm_select

from core.config import PortalConfig
from storage.dialect import insert_for
from storage.models import CrawlRun, Portal


def sync_portals(session: Session, portals: Iterable[PortalConfig]) -> None:
    """Insert new portals and refresh names/levels of known ones (config is the source): one
    statement for all of them."""
    table = Portal.__table__  # type: ignore[attr-defined]  # set by SQLModel on table classes, not declared
    rows = [
        {"id": p.id, "name": p.name, "locality": p.locality, "level": p.level, "profile": p.profile}
        for p in portals
    ]
    if not rows:
        return
    stmt = insert_for(session, table)
    refreshed = {key: stmt.excluded[key] for key in ("name", "locality", "level", "profile")}
    session.execute(stmt.on_conflict_do_update(index_elements=["id"], set_=refreshed), rows)


def _bookkeeping_statements() -> tuple[Any, Any, Any]:
    """Plain Core statements, built once, for what every crawl of every portal writes: read by
    the thousand per run, they cost a fraction of their ORM forms (no unit of work, no
    per-call statement building)."""
    portal = Portal.__table__  # type: ignore[attr-defined]  # set by SQLModel on table classes
    baseline = select(portal.c.baseline_at).where(portal.c.id == bindparam("portal_id"))
    crawled = (
        update(portal)
        .where(portal.c.id == bindparam("portal_id"))
        .values(
            last_crawled_at=bindparam("now", type_=portal.c.last_crawled_at.type),
            baseline_at=func.coalesce(portal.c.baseline_at, bindparam("baseline", type_=portal.c.baseline_at.type)),
        )
    )
    run = insert(CrawlRun.__table__)  # type: ignore[attr-defined]
    return baseline, crawled, run


_BASELINE, _CRAWLED, _RUN = _bookkeeping_statements()


def is_baseline(session: Session, portal_id: str) -> bool:
    """True until the portal's first successful crawl has been stored."""
    found = session.connection().execute(_BASELINE, {"portal_id": portal_id}).first()
    return found is None or found[0] is None


def mark_crawled(session: Session, portal_id: str, now: datetime, succeeded: bool) -> None:
    """The portal's last crawl, and its baseline when this is its first success."""
    params = {"portal_id": portal_id, "now": now, "baseline": now if succeeded else None}
    session.connection().execute(_CRAWLED, params)


def record_run(session: Session, run: CrawlRun) -> None:
    """One INSERT: a run row is written once, never read back here."""
    session.connection().execute(_RUN, [run.model_dump(exclude={"id"})])


def recent_runs(session: Session, limit: int = 50) -> list[CrawlRun]:
    return list(session.exec(orm_select(CrawlRun).order_by(col(CrawlRun.id).desc()).limit(limit)).all())
