"""What a person wants to read after a crawl: new directives, indicator changes, alert events."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import select

from storage.db import open_database, session_scope
from storage.models import Event


@dataclass(frozen=True)
class Findings:
    directive_lines: list[str]
    indicator_lines: list[str]
    alert_events: list[Event]


def _directive_line(e: Event) -> str:
    p = e.payload
    parts = [p.get("doc_type_name") or "", p.get("code") or e.key]
    if p.get("issuer_name"):
        parts.append(f"của {p['issuer_name']}")
    if p.get("issued_date"):
        parts.append(f"ngày {p['issued_date']}")
    return f"{' '.join(x for x in parts if x)} — {p.get('portal_id', '')}: {p.get('article_url', '')}"


def _indicator_line(e: Event) -> str:
    p = e.payload
    return (
        f"{p.get('label') or p.get('indicator')} ({p.get('locality', '')}): "
        f"{p.get('old_value')} ({p.get('old_period')}) → {p.get('new_value')} ({p.get('period')}) {p.get('unit', '')}"
    ).strip()


def demo_findings(database: str) -> Findings:
    """Events found after the baseline (the ones that would be alerted)."""
    engine = open_database(database)
    with session_scope(engine) as session:
        events = list(session.exec(select(Event).where(Event.baseline == False).order_by(Event.id)))  # noqa: E712
    engine.dispose()
    return Findings(
        directive_lines=[_directive_line(e) for e in events if e.type == "directive.new"],
        indicator_lines=[_indicator_line(e) for e in events if e.type == "indicator.changed"],
        alert_events=events,
    )
