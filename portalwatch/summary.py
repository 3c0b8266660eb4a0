"""What a person wants to read after a crawl: new directives, indicator changes, alert events."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import select

from alerts import render_line
from storage.db import open_database, session_scope
from storage.models import Event


@dataclass(frozen=True)
class Findings:
    directive_lines: list[str]
    indicator_lines: list[str]
    alert_events: list[Event]


def _line(event: Event) -> str:
    return f"{event.portal_id}: {render_line(event)}"


def demo_findings(database: str) -> Findings:
    """Events found after the baseline (the ones that would be alerted)."""
    engine = open_database(database)
    with session_scope(engine) as session:
        events = list(session.exec(select(Event).where(Event.baseline == False).order_by(Event.id)))  # noqa: E712
    engine.dispose()
    return Findings(
        directive_lines=[_line(e) for e in events if e.type == "directive.new"],
        indicator_lines=[_line(e) for e in events if e.type == "indicator.changed"],
        alert_events=events,
    )
