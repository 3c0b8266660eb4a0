"""Freshness stamps: what each entry source (a listing, a feed, the sitemaps) last said about
each article it lists, so the next crawl can tell an edit from the stamp alone.

One row per (portal, source, article URL), keyed by a digest of the three (URLs may run to
2,048 characters, too long for a composite index on PostgreSQL). The rows double as the list
of articles a portal links to, stored by whichever portal fetched them first: crawl_state
counts those as known too, so two portals listing one article do not fetch it in turns.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from sqlalchemy import Select, bindparam, select
from sqlmodel import Field, Session, SQLModel

from core.records import Signal
from storage.dialect import insert_for
from storage.sqltypes import TZDateTime

MAX_STAMP = 200
CHUNK = 5000  # rows per executemany call (bounded memory; the driver batches within it)


class EntrySignal(SQLModel, table=True):
    """The stamp one source of one portal gave one article, as last confirmed by a crawl."""

    __tablename__ = "entrysignal"

    key: str = Field(primary_key=True, max_length=40)
    portal_id: str = Field(foreign_key="portal.id", index=True, max_length=64)
    source: str = Field(max_length=2048)
    url: str = Field(max_length=2048)
    stamp: str = Field(default="", max_length=MAX_STAMP)
    seen_at: datetime = Field(sa_type=TZDateTime)


def signal_key(portal_id: str, source: str, url: str) -> str:
    return hashlib.sha1(f"{portal_id}\n{source}\n{url}".encode(), usedforsecurity=False).hexdigest()


def record_signals(
    session: Session, portal_id: str, signals: Iterable[Signal], now: datetime
) -> None:
    """Upsert the stamps one entry page confirmed (only new or changed ones are handed over)."""
    rows = {
        signal_key(portal_id, s.source, s.url): {
            "key": signal_key(portal_id, s.source, s.url),
            "portal_id": portal_id,
            "source": s.source[:2048],
            "url": s.url[:2048],
            "stamp": s.stamp[:MAX_STAMP],
            "seen_at": now,
        }
        for s in signals
    }
    table = EntrySignal.__table__  # type: ignore[attr-defined]  # set by SQLModel on table classes
    stmt = insert_for(session, table)
    stmt = stmt.on_conflict_do_update(
        index_elements=["key"], set_={"stamp": stmt.excluded.stamp, "seen_at": stmt.excluded.seen_at}
    )
    values = list(rows.values())
    for start in range(0, len(values), CHUNK):
        session.execute(stmt, values[start : start + CHUNK])  # executemany, batched by the driver


def _stored_signals_statement() -> Select[Any]:
    table = EntrySignal.__table__  # type: ignore[attr-defined]  # set by SQLModel on table classes
    return select(table.c.source, table.c.url, table.c.stamp).where(table.c.portal_id == bindparam("portal_id"))


_STORED_SIGNALS = _stored_signals_statement()  # plain Core, built once: it runs once per portal per crawl


def stored_signals(session: Session, portal_id: str) -> dict[tuple[str, str], str]:
    """(source, article URL) → stamp, for one portal."""
    rows = session.connection().execute(_STORED_SIGNALS, {"portal_id": portal_id})
    return {(source, url): stamp for source, url, stamp in rows}
