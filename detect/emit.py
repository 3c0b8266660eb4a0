"""Turn a detected event into an outbox row, once: the key's unique constraint decides."""

from __future__ import annotations

from collections.abc import Sequence

from sqlmodel import Session

from detect.context import ArticleContext
from detect.events import DetectedEvent
from storage.facts import add_event, add_events
from storage.models import Event


def emit(session: Session, ctx: ArticleContext, event: DetectedEvent) -> Event | None:
    """Store `event` unless its key exists; the new row, or None."""
    payload = event.payload()
    return add_event(
        session,
        type_=event.type,
        key=event.key(),
        portal_id=payload.get("portal_id") or ctx.portal_id,
        payload=payload,
        baseline=ctx.baseline,
        now=ctx.now,
    )


def emit_all(session: Session, ctx: ArticleContext, events: Sequence[DetectedEvent]) -> list[Event]:
    """Store every event whose key does not exist yet, in one statement; the new rows, in order."""
    rows = []
    for event in events:
        payload = event.payload()
        rows.append({
            "type": event.type, "key": event.key(),
            "portal_id": payload.get("portal_id") or ctx.portal_id, "payload": payload,
            "baseline": ctx.baseline, "created_at": ctx.now,
        })  # fmt: skip
    return add_events(session, rows)
