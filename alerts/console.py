"""What the demo prints when nobody subscribed: one line per event."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from alerts.render import TYPE_LABELS, render_line


def console_lines(events: Iterable[Any]) -> list[str]:
    """ "[Văn bản mới] portal: Nghị quyết 17-NQ/HU …", one per event, in the order given."""
    lines = []
    for event in events:
        etype = str(getattr(event, "type", ""))
        portal = getattr(event, "portal_id", None) or (getattr(event, "payload", None) or {}).get("portal_id") or "?"
        note = " (lần quét đầu)" if getattr(event, "baseline", False) else ""
        lines.append(f"[{TYPE_LABELS.get(etype, etype)}] {portal}: {render_line(event)}{note}")
    return lines
