"""Reading stored events back by id, in chunks (a large run's ids would overflow one IN list)."""

from __future__ import annotations

from collections.abc import Sequence

from sqlmodel import Session, col, select

from storage.models import Event

CHUNK = 500


def events_by_id(session: Session, event_ids: Sequence[int]) -> list[Event]:
    """The events with these ids, in the order given; missing ids are skipped."""
    found: dict[int, Event] = {}
    ids = list(dict.fromkeys(event_ids))
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start : start + CHUNK]
        for event in session.exec(select(Event).where(col(Event.id).in_(chunk))):
            found[event.id] = event  # type: ignore[index]  # stored rows have ids
    return [found[eid] for eid in ids if eid in found]
