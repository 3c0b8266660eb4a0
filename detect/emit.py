"""Turn a detected event into an outbox row, once: the key's unique constraint decides."""

from __future__ import annotations

from sqlmodel import Session

from detect.context import ArticleContext
from detect.events import DetectedEvent
from storage.facts import add_event
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
