"""Reading stored events back by id, in chunks (a large run's ids would overflow one IN list)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlmodel import Session, col, select

from storage.models import Event

CHUNK = 500


def events_by_id(session: Session, event_ids: Sequence[int], *, news_only: bool = False) -> list[Event]:
    """The events with these ids, in the order given; missing ids are skipped. `news_only`
    leaves out what a baseline crawl found (filtered in SQL: a baseline has many)."""
    found: dict[int, Event] = {}
    ids = list(dict.fromkeys(event_ids))
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        query = select(Event).where(col(Event.id).in_(chunk))
        if news_only:
            query = query.where(col(Event.baseline).is_(False))
        for event in session.exec(query):
            found[event.id] = event  # type: ignore[index]  # stored rows have ids
    return [found[eid] for eid in ids if eid in found]
