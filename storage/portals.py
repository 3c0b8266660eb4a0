"""Portals as configured, and their baseline: the first successful crawl alerts nobody."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from sqlmodel import Session, col, select

from core.config import PortalConfig
from storage.dialect import insert_for
from storage.models import CrawlRun, Portal


def sync_portals(session: Session, portals: Iterable[PortalConfig]) -> None:
    """Insert new portals and refresh names/levels of known ones (config is the source)."""
    table = Portal.__table__  # type: ignore[attr-defined]  # set by SQLModel on table classes, not declared
    for portal in portals:
        values = {
            "id": portal.id,
            "name": portal.name,
            "locality": portal.locality,
            "level": portal.level,
            "profile": portal.profile,
        }
        stmt = insert_for(session, table).values(**values)
        session.execute(
            stmt.on_conflict_do_update(
                index_elements=["id"], set_={k: v for k, v in values.items() if k != "id"}
            )
        )


def is_baseline(session: Session, portal_id: str) -> bool:
    """True until the portal's first successful crawl has been stored."""
    portal = session.get(Portal, portal_id)
    return portal is None or portal.baseline_at is None


def mark_crawled(session: Session, portal_id: str, now: datetime, succeeded: bool) -> None:
    portal = session.get(Portal, portal_id)
    if portal is None:
        return
    portal.last_crawled_at = now
    if succeeded and portal.baseline_at is None:
        portal.baseline_at = now
    session.add(portal)


def record_run(session: Session, run: CrawlRun) -> CrawlRun:
    session.add(run)
    session.flush()
    return run


def recent_runs(session: Session, limit: int = 50) -> list[CrawlRun]:
    return list(session.exec(select(CrawlRun).order_by(col(CrawlRun.id).desc()).limit(limit)).all())
