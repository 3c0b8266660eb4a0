"""What a person wants to read after a crawl: new directives, indicator changes, alert events."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import col, select

from alerts import render_line
from storage.db import open_database, session_scope
from storage.exports import export_records
from storage.models import Event


@dataclass(frozen=True)
class Findings:
    directive_lines: list[str]
    indicator_lines: list[str]
    alert_events: list[Event]
    delivery_lines: list[str]


def _line(event: Event) -> str:
    return f"{event.portal_id}: {render_line(event)}"


def demo_findings(database: str) -> Findings:
    """Events found after the baseline (the ones that would be alerted)."""
    engine = open_database(database)
    with session_scope(engine) as session:
        events = list(session.exec(select(Event).where(Event.baseline == False).order_by(col(Event.id))))  # noqa: E712
        deliveries = [
            f"{r['status']} → {r['subscription']} via {r['channel']}: {r['event_key']}"
            for r in export_records(session, "alerts")
        ]
    engine.dispose()
    return Findings(
        directive_lines=[_line(e) for e in events if e.type == "directive.new"],
        indicator_lines=[_line(e) for e in events if e.type == "indicator.changed"],
        alert_events=events,
        delivery_lines=deliveries,
    )
