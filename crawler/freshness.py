"""Freshness signals: which known articles to re-fetch in this run, before any cadence.

Every entry page that answers 200 says something about each item it lists: a sitemap its
`<lastmod>`, a feed an item's `<updated>`/`<pubDate>` and a digest of its title and summary, a
listing the date and a digest of the item's block (parsers give these as `Link.stamp`). A known
article whose stamp differs from the one storage confirmed last time is re-fetched, with its
validators, in the same run. A page whose validators changed while it brought no new link and
no stamp explains the change has its unexplained items (no stamp, or none stored yet) checked,
at most MAX_UNEXPLAINED of them; so are the first MAX_UNEXPLAINED items of a page that
restamped most of its items at once (a sitemap whose lastmod is its generation time). A stamp is handed back for storage only once the run has
confirmed it (the article fetched, 200 or 304), so a failed re-fetch is tried again next run.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from hashlib import sha256

from core.records import CrawlState, FetchedPage, Signal, Validators
from core.urls import canonical_url
from parsers.links import page_number
from parsers.types import Link

MAX_UNEXPLAINED = 20  # items of one changed page checked when no stamp says which changed,
# and when most of a page's items were restamped at once
CADENCE = "cadence"
CHANGED_PAGE = "changed-page"


def source_of(kind: str, url: str) -> str:
    """Where a stamp comes from. A lastmod belongs to the URL, whichever sitemap lists it;
    a listing item keeps its stamp as it moves from page 1 to page 2 of the same listing."""
    if kind == "sitemap":
        return "sitemap"
    if kind == "feed":
        return f"feed {url}"
    return f"listing {page_number(url)[0]}"


def page_changed(page: FetchedPage, previous: Validators | None) -> bool:
    """The entry page answered 200 where storage had it with other validators or bytes."""
    if previous is None or page.status != 200 or page.not_modified:
        return False
    if previous.content_hash:
        return sha256(page.body).hexdigest() != previous.content_hash
    etag, modified = page.headers.get("etag"), page.headers.get("last-modified")
    return (etag, modified) != (previous.etag, previous.last_modified)


@dataclass
class Freshness:
    """One portal crawl's view of its freshness signals."""

    state: CrawlState
    seen: dict[str, dict[tuple[str, str], Signal]] = field(default_factory=dict)  # entry URL →
    checks: dict[str, str] = field(default_factory=dict)  # known article URL → why re-fetched

    def observe(
        self,
        kind: str,
        page: FetchedPage,
        links: Iterable[Link],
        owns: Callable[[str], bool],
        brought_new: bool,
    ) -> bool:
        """Note what an entry page says; True when a stamp shows a known article changed."""
        source = source_of(kind, page.url)
        noted = self.seen.setdefault(page.url, {})
        changed: list[str] = []
        unexplained: list[str] = []
        known = 0
        for link in links:
            url = canonical_url(link.url)
            if not owns(url):
                continue
            noted[(source, url)] = Signal(source, url, link.stamp)
            if self.state.force_refetch or url not in self.state.known_articles:
                continue
            known += 1
            stored = self.state.signals.get((source, url))
            if stored is None or not link.stamp:
                unexplained.append(url)
            elif stored != link.stamp:
                changed.append(url)
        if len(changed) > MAX_UNEXPLAINED and 2 * len(changed) > known:
            # Most items restamped at once (a sitemap regenerated with lastmod = now): that says
            # little about each; check the first few, take the others' new stamps as they are.
            changed = changed[:MAX_UNEXPLAINED]
        for url in changed:
            self.checks.setdefault(url, kind)
        if not changed and not brought_new and page_changed(page, self._previous(page.url)):
            for url in unexplained[:MAX_UNEXPLAINED]:
                self.checks.setdefault(url, CHANGED_PAGE)
        return bool(changed)

    def _previous(self, url: str) -> Validators | None:
        return None if self.state.force_refetch else self.state.validators.get(url)

    def confirmed(self, pages: Sequence[FetchedPage]) -> list[FetchedPage]:
        """`pages` with each entry page carrying the stamps storage should keep: new or
        changed ones whose article this run fetched (200 or 304) or did not need to."""
        fetched = {
            p.url: p.error is None and p.status in (200, 304) for p in pages if p.kind == "article"
        }

        def keep(signal: Signal) -> bool:
            if self.state.signals.get((signal.source, signal.url)) == signal.stamp:
                return False  # stored already
            if signal.url in fetched:
                return fetched[signal.url]
            return signal.url not in self.checks  # a check that never ran confirms nothing

        out: list[FetchedPage] = []
        for page in pages:
            noted = self.seen.get(page.url) if page.kind != "article" else None
            if noted:
                page = replace(page, signals=tuple(s for s in noted.values() if keep(s)))
            out.append(page)
        return out
