"""Links from a run's Markdown report to the dashboard pages (pure: strings in, strings out)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import urlencode


@dataclass(frozen=True)
class DashboardLinks:
    """Dashboard URLs of portals, directives (by code) and indicator series."""

    portals: dict[str, str] = field(default_factory=dict)
    directives: dict[str, str] = field(default_factory=dict)
    indicators: dict[tuple[str, str], str] = field(default_factory=dict)  # (indicator, locality)


def page_url(base_url: str, path: str, **query: str) -> str:
    """`base_url` + `path` + the query, whatever slashes the base ends with."""
    url = base_url.rstrip("/") + path
    return f"{url}?{urlencode(query)}" if query else url


def directive_path(code: str) -> str:
    return page_url("", "/van-ban/chi-tiet", code=code)


def series_path(indicator: str, locality: str) -> str:
    return page_url("", "/chi-so/bieu-do", indicator=indicator, locality=locality)


def portal_path(portal_id: str) -> str:
    return page_url("", "/bai-viet", portal=portal_id)


def dashboard_links(
    base_url: str,
    *,
    portals: Iterable[str] = (),
    directives: Iterable[str] = (),
    indicators: Iterable[tuple[str, str]] = (),
) -> DashboardLinks:
    """Where each portal id, directive code and (indicator, locality) lives on the dashboard."""
    base = base_url.rstrip("/")
    return DashboardLinks(
        portals={p: base + portal_path(p) for p in portals},
        directives={c: base + directive_path(c) for c in directives},
        indicators={(i, loc): base + series_path(i, loc) for i, loc in indicators},
    )


def markdown_link(text: str, url: str | None) -> str:
    """`[text](url)`, or the plain text without a URL; brackets in the text escaped."""
    if not url:
        return text
    safe = text.replace("[", "\\[").replace("]", "\\]")
    return f"[{safe}]({url.replace(')', '%29').replace(' ', '%20')})"
