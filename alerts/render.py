"""Messages from events through Jinja2 templates: text, Markdown or HTML, in Vietnamese.

Templates live in `alerts/templates/<format>/<event type>.j2` (fallback `event.j2`) and define
macros: `title()` (text templates only: a title is plain text everywhere), `body()` and `line()`
(one line for digests and the console). A folder given as `templates_dir` (config
`alerts.templates_dir`) with the same layout overrides any of them. HTML autoescapes everything;
Markdown templates pass scraped text through the `md` filter.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import ChainableUndefined, ChoiceLoader, Environment, FileSystemLoader, TemplateNotFound
from markupsafe import Markup

from alerts.textfmt import (
    VN,
    change_phrase,
    date_vi,
    datetime_vi,
    escape_markdown,
    number_vi,
    safe_url,
)

TEMPLATES = Path(__file__).parent / "templates"
FORMATS = ("text", "markdown", "html")
TITLE_MAX = 200
TYPE_LABELS = {
    "directive.new": "Văn bản mới",
    "indicator.changed": "Chỉ tiêu thay đổi",
    "article.new": "Bài viết mới",
    "person.post_changed": "Thay đổi nhân sự",
    "portal.down": "Cổng không truy cập được",
    "portal.recovered": "Cổng hoạt động trở lại",
}
_TAG = re.compile(r"<[^>]*>")
_BREAK = re.compile(r"<br\s*/?>|</blockquote>|<blockquote>", re.I)
# Free-text payload fields shortened first when a message is over a service's limit.
_LONG_FIELDS = ("sentence", "title", "article_title", "issuer_name", "label", "text")


@dataclass(frozen=True)
class RenderedMessage:
    """A message ready for a channel: a plain-text title and a body in the channel's format."""

    title: str
    body: str


@lru_cache(maxsize=8)
def environment(templates_dir: str | None = None) -> Environment:
    """The Jinja2 environment: user templates (if any) before the built-in ones."""
    loaders = [FileSystemLoader(str(TEMPLATES))]
    if templates_dir:
        loaders.insert(0, FileSystemLoader(templates_dir))
    env = Environment(
        loader=ChoiceLoader(loaders),
        autoescape=lambda name: (name or "").startswith("html/"),
        undefined=ChainableUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.filters.update(
        num=number_vi, date_vi=date_vi, datetime_vi=datetime_vi, md=escape_markdown, url=safe_url
    )
    return env


def _check_format(fmt: str) -> None:
    if fmt not in FORMATS:
        raise ValueError(f"unknown message format {fmt!r}; known: {', '.join(FORMATS)}")


def _module(fmt: str, name: str, context: Mapping[str, Any], templates_dir: str | None) -> Any:
    env = environment(templates_dir)
    try:
        template = env.get_template(f"{fmt}/{name}.j2")
    except TemplateNotFound:
        template = env.get_template(f"{fmt}/event.j2")
    return template.make_module(dict(context))


def event_context(event: Any, portal_name: str | None = None) -> dict[str, Any]:
    """What a template sees: `event`, `p` (the payload), `portal`, `locality`, `type_label`, `change`."""
    payload = dict(getattr(event, "payload", None) or {})
    etype = str(getattr(event, "type", "") or payload.get("type", "event"))
    portal_id = getattr(event, "portal_id", None) or payload.get("portal_id") or ""
    return {
        "event": {
            "type": etype,
            "key": getattr(event, "key", "") or "",
            "baseline": bool(getattr(event, "baseline", False)),
            "created_at": getattr(event, "created_at", None),
            "portal_id": portal_id,
        },
        "p": payload,
        "portal": portal_name or payload.get("portal_name") or portal_id or "",
        "locality": payload.get("locality") or "",
        "type_label": TYPE_LABELS.get(etype, etype),
        "change": change_phrase(payload.get("old_value"), payload.get("new_value")),
    }


def _title(context: Mapping[str, Any], templates_dir: str | None) -> str:
    text = str(_module("text", context["event"]["type"], context, templates_dir).title())
    title = " ".join(text.split())
    return title if len(title) <= TITLE_MAX else title[: TITLE_MAX - 1] + "…"


def _shorten(context: dict[str, Any], excess: int) -> bool:
    """Cut the longest free-text payload field by `excess` (+ margin); False if nothing is left to cut."""
    payload = context["p"]
    fields = [k for k in _LONG_FIELDS if isinstance(payload.get(k), str) and len(payload[k]) > 40]
    if not fields:
        return False
    longest = max(fields, key=lambda k: len(payload[k]))
    keep = max(40, len(payload[longest]) - excess - 8)
    context["p"] = {**payload, longest: payload[longest][:keep].rstrip(" …") + "…"}
    return True


def hard_cut(body: str, fmt: str, limit: int) -> str:
    """Last resort for an over-long body: cut it; HTML is cut as text (tags dropped) and re-escaped."""
    if len(body) <= limit:
        return body
    if fmt != "html":
        return body[: limit - 1] + "…"
    text = html.unescape(_TAG.sub("", _BREAK.sub("\n", body)))
    while True:
        text = text[: max(0, min(len(text), limit) - 1)]
        cut = html.escape(text + "…", quote=False).replace("\n", "<br/>")
        if len(cut) <= limit or not text:
            return cut


def fit(make: Callable[[dict[str, Any]], str], context: dict[str, Any], fmt: str, limit: int | None) -> str:
    """Render with `make`; while over `limit`, shorten the scraped text and render again."""
    body = make(context)
    for _ in range(6):
        if limit is None or len(body) <= limit:
            return body
        if not _shorten(context, len(body) - limit):
            break
        body = make(context)
    return hard_cut(body, fmt, limit) if limit is not None else body


def render(
    event: Any,
    fmt: str = "text",
    *,
    limit: int | None = None,
    portal_name: str | None = None,
    templates_dir: str | None = None,
) -> RenderedMessage:
    """One event as a message in `fmt`, its body no longer than `limit` characters."""
    _check_format(fmt)
    context = event_context(event, portal_name)
    title = _title(context, templates_dir)

    def make(ctx: dict[str, Any]) -> str:
        return str(_module(fmt, ctx["event"]["type"], ctx, templates_dir).body()).strip()

    return RenderedMessage(title=title, body=fit(make, context, fmt, limit))


def render_line(
    event: Any, fmt: str = "text", *, portal_name: str | None = None, templates_dir: str | None = None
) -> str:
    """One event as one line (digests, console)."""
    _check_format(fmt)
    context = event_context(event, portal_name)
    return " ".join(str(_module(fmt, context["event"]["type"], context, templates_dir).line()).split())


def digest_groups(lines: Sequence[tuple[Any, str]], names: Mapping[str, str]) -> list[dict[str, Any]]:
    """[{portal, types: [{label, lines}]}]: portals by name, types in TYPE_LABELS order."""
    order = list(TYPE_LABELS)
    by_portal: dict[str, dict[str, list[str]]] = {}
    for event, line in lines:
        portal = names.get(event.portal_id or "") or event.portal_id or "(không rõ cổng)"
        by_portal.setdefault(portal, {}).setdefault(event.type, []).append(line)
    return [
        {
            "portal": portal,
            "types": [
                {"label": TYPE_LABELS.get(t, t), "lines": types[t]}
                for t in sorted(types, key=lambda t: (order.index(t) if t in order else len(order), t))
            ],
        }
        for portal, types in sorted(by_portal.items())
    ]


def render_digest(
    events: Sequence[Any],
    fmt: str = "text",
    *,
    subscription: str,
    day: date,
    limit: int | None = None,
    portal_names: Mapping[str, str] | None = None,
    templates_dir: str | None = None,
) -> RenderedMessage:
    """One day's events for one subscription, grouped by portal then by type."""
    _check_format(fmt)
    names = dict(portal_names or {})
    wrap = Markup if fmt == "html" else str  # lines are rendered already: escape them once only
    lines = [
        (e, wrap(render_line(e, fmt, portal_name=names.get(e.portal_id or ""), templates_dir=templates_dir)))
        for e in events
    ]
    base = {"subscription": subscription, "day": day, "count": len(events)}
    title = " ".join(str(_module("text", "digest", base, templates_dir).title()).split())

    def make(shown: int) -> str:
        groups = digest_groups(lines[:shown], names)
        context = {**base, "groups": groups, "more": len(lines) - shown}
        return str(_module(fmt, "digest", context, templates_dir).body()).strip()

    shown = len(lines)
    body = make(shown)
    while limit is not None and len(body) > limit and shown > 1:
        shown = max(1, shown - max(1, (len(body) - limit) * shown // len(body)) - 1)
        body = make(shown)
    return RenderedMessage(title=title[:TITLE_MAX], body=hard_cut(body, fmt, limit) if limit else body)


def render_test(fmt: str = "text", *, now: datetime, templates_dir: str | None = None) -> RenderedMessage:
    """The message `portalwatch alerts test` sends."""
    _check_format(fmt)
    context = {"now": now.astimezone(VN)}
    title = " ".join(str(_module("text", "test", context, templates_dir).title()).split())
    body = str(_module(fmt, "test", context, templates_dir).body()).strip()
    return RenderedMessage(title=title, body=body)
