"""Stored events mirrored as Prefect events, so the UI lists them and a trigger can run notify.

The database outbox stays the truth: a Prefect event that is lost only delays an alert until the
next scheduled notify sweep. Event ids derive from the stored key, so emitting the same stored
event twice names the same Prefect event.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable, Mapping
from typing import Any

from prefect.events import emit_event
from prefect.events.schemas.events import Event as PrefectEvent

from core.config import EVENT_TYPES, PortalConfig
from core.text import fold
from storage.models import Event

EVENT_PREFIX = "portalwatch."
PORTAL_RESOURCE = "portalwatch.portal."
LOCALITY_RESOURCE = "portalwatch.locality."
BASELINE_LABEL = "portalwatch.baseline"  # "true" for what a portal's first crawl found
_NAMESPACE = uuid.UUID("6f1d9a52-3c1e-4d0b-9a57-2f1b8f0c7e41")
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


def prefect_event_name(event_type: str) -> str:
    """`directive.new` → `portalwatch.directive.new`."""
    return EVENT_PREFIX + event_type


def alert_event_names() -> set[str]:
    """Every Prefect event name a stored event can become (what the notify trigger expects)."""
    return {prefect_event_name(t) for t in EVENT_TYPES}


def slug(text: str) -> str:
    """Tone-free, lower-case, dash-separated: "Bạch Thông, Bắc Kạn" → "bach-thong-bac-kan"."""
    return _NOT_SLUG.sub("-", fold(text)).strip("-")


def portal_resource(
    portal_id: str, portal: PortalConfig | None, baseline: bool = False
) -> dict[str, str]:
    """The portal as a Prefect resource; locality, level and baseline-or-news as labels."""
    resource = {
        "prefect.resource.id": PORTAL_RESOURCE + portal_id,
        BASELINE_LABEL: "true" if baseline else "false",
    }
    if portal is not None:
        resource["prefect.resource.name"] = portal.name
        resource["portalwatch.level"] = portal.level
        if portal.locality:
            resource["portalwatch.locality"] = portal.locality
    return resource


def related_resources(event: Event, portal: PortalConfig | None) -> list[dict[str, str]]:
    """The locality (the event's own, else the portal's), and the directive or indicator the
    event is about, as related resources."""
    related: list[dict[str, str]] = []
    own = event.payload.get("locality")
    locality = own if isinstance(own, str) and own else (portal.locality if portal else "")
    if locality and slug(locality):
        related.append({
            "prefect.resource.id": LOCALITY_RESOURCE + slug(locality),
            "prefect.resource.role": "locality",
            "prefect.resource.name": locality,
        })
    subject = _subject(event.payload)
    if subject is not None:
        role, name = subject
        related.append({
            "prefect.resource.id": f"portalwatch.{role}.{slug(name) or 'unknown'}",
            "prefect.resource.role": role,
            "prefect.resource.name": name,
        })
    return related


def _subject(payload: Mapping[str, Any]) -> tuple[str, str] | None:
    for role, key in (("directive", "code"), ("indicator", "indicator")):
        value = payload.get(key)
        if isinstance(value, str) and value:
            return role, value
    return None


def to_prefect_event(event: Event, portal: PortalConfig | None) -> dict[str, Any]:
    """The keyword arguments of `emit_event` for one stored event."""
    return {
        "event": prefect_event_name(event.type),
        "resource": portal_resource(event.portal_id or "unknown", portal, event.baseline),
        "related": related_resources(event, portal),
        "payload": {
            "key": event.key,
            "event_id": event.id,
            "baseline": event.baseline,
            "data": event.payload,
        },
        "id": uuid.uuid5(_NAMESPACE, event.key),
    }


def emit_stored_events(
    events: Iterable[Event], portals: Mapping[str, PortalConfig]
) -> list[PrefectEvent]:
    """Emit one Prefect event per stored event; returns what was handed to the events client."""
    emitted: list[PrefectEvent] = []
    for event in events:
        sent = emit_event(**to_prefect_event(event, portals.get(event.portal_id or "")))
        if sent is not None:
            emitted.append(sent)
    return emitted
