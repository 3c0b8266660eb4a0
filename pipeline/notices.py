"""Things an operator should act on that are not errors: a portal that moved, for instance.

After the 2025 mergers many district and commune portals answer with a permanent redirect to a
new domain. The crawler follows it; the operator should still update portals.yaml, or the old
host keeps costing a redirect per request and its robots.txt is read for nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urlsplit

from core.records import FetchedPage

ENTRY_KINDS = ("listing", "feed", "sitemap")


def _host(url: str) -> str:
    host = (urlsplit(url).hostname or "").lower()
    return host.removeprefix("www.")


def moved_entry_points(pages: Iterable[FetchedPage]) -> list[str]:
    """One line per listing, feed or sitemap URL now answered from another host."""
    notices = []
    for page in pages:
        if page.kind not in ENTRY_KINDS or page.error or not page.final_url:
            continue
        if page.status in (200, 304) and _host(page.final_url) != _host(page.url):
            notices.append(f"{page.url} now redirects to {page.final_url}: update portals.yaml")
    return notices
