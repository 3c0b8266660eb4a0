"""Turn detected events into outbox rows, once: the key's unique constraint decides."""

from __future__ import annotations

from collections.abc import Sequence

from sqlmodel import Session

from detect.context import ArticleContext
from detect.events import DetectedEvent
from storage.facts import add_events
from storage.models import Event


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
