"""What the crawler takes in and gives back. The crawler never touches the database: the flow
hands it what storage knows (validators, known article URLs) and stores what comes back."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class Validators:
    """HTTP validators from the last fetch of a URL, for conditional GET."""

    etag: str | None = None
    last_modified: str | None = None
    content_hash: str | None = None


@dataclass(frozen=True)
class Signal:
    """What one entry page (`source`: a listing chain, a feed, the sitemaps) said about one
    article's freshness, e.g. a sitemap lastmod, or a listing item's date and digest."""

    source: str
    url: str  # canonical article URL
    stamp: str


@dataclass(frozen=True)
class CrawlState:
    """What storage knows about one portal before a crawl."""

    validators: Mapping[str, Validators] = field(default_factory=dict)  # canonical URL → validators
    known_articles: frozenset[str] = frozenset()  # canonical article URLs already stored
    refetch_known: frozenset[str] = frozenset()  # known articles due for an edit check
    force_refetch: bool = False  # ignore validators and known URLs (hand-run option)
    robots: Mapping[str, str] = field(default_factory=dict)  # host key → robots.txt text kept
    robots_fresh: frozenset[str] = frozenset()  # host keys whose kept text is used without a request
    # (source, canonical article URL) → the stamp last confirmed: when an entry page shows
    # another, the article is re-fetched (conditional GET) in the same run.
    signals: Mapping[tuple[str, str], str] = field(default_factory=dict)


@dataclass(frozen=True)
class FetchedPage:
    """One response (or failure) for one URL."""

    url: str  # canonical URL requested
    final_url: str  # after redirects
    kind: str  # listing | feed | sitemap | article | robots
    status: int  # HTTP status; 0 when no response
    fetched_at: datetime
    headers: Mapping[str, str] = field(default_factory=dict)  # etag, last-modified, content-type
    body: bytes = b""
    text: str = ""  # decoded (charset from header, meta or detection)
    elapsed_ms: float = 0.0
    not_modified: bool = False  # answered 304 to a conditional GET
    error: str | None = None  # one-line reason when the fetch failed
    transient: bool = False  # the failure may go away by itself (timeout, reset, 5xx, 429)
    # An entry page: the stamps it gave that storage should keep (new or changed, confirmed
    # by this run). A known article: why it was re-fetched ("sitemap", "feed", "listing",
    # "changed-page", "cadence"); empty for a new one.
    signals: tuple[Signal, ...] = ()
    edit_check: str = ""


@dataclass
class PortalCrawl:
    """Everything one crawl of one portal produced."""

    portal_id: str
    pages: list[FetchedPage] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    requests: int = 0
    robots: dict[str, str] = field(default_factory=dict)  # host key → robots.txt text in force

    @property
    def articles(self) -> list[FetchedPage]:
        return [p for p in self.pages if p.kind == "article" and p.status == 200 and p.text]

    @property
    def failed(self) -> bool:
        """No listing, feed or sitemap answered at all."""
        entry = [p for p in self.pages if p.kind in ("listing", "feed", "sitemap")]
        return bool(entry) and all(p.error or p.status >= 400 for p in entry)
