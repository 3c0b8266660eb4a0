"""SQLModel tables: the truth portalwatch keeps. Tables hold data only; queries.py does the I/O.

Uniqueness constraints here are what make every flow idempotent and concurrent workers safe:
a page, article, directive, mention, observation, event or delivery can exist only once.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Column, Index, LargeBinary, UniqueConstraint
from sqlmodel import Field, SQLModel

from storage.sqltypes import TZDateTime


def utcnow() -> datetime:
    return datetime.now(UTC)


def _ts(nullable: bool = True, index: bool = False) -> Any:
    return Field(
        default=None,
        sa_column=Column(TZDateTime(), nullable=nullable, index=index),
    )


class Portal(SQLModel, table=True):
    """A watched portal as last configured; `baseline_at` marks its first successful crawl."""

    id: str = Field(primary_key=True, max_length=64)
    name: str
    locality: str = ""
    level: str = "other"
    profile: str = "auto"
    created_at: datetime = Field(default_factory=utcnow, sa_type=TZDateTime)
    baseline_at: datetime | None = _ts()
    last_crawled_at: datetime | None = _ts()


class Page(SQLModel, table=True):
    """A fetched URL (listing, feed, sitemap or article) and its HTTP validators."""

    __table_args__ = (UniqueConstraint("url", name="uq_page_url"),)

    id: int | None = Field(default=None, primary_key=True)
    portal_id: str = Field(foreign_key="portal.id", index=True, max_length=64)
    url: str = Field(max_length=2048)  # canonical
    final_url: str = Field(default="", max_length=2048)
    kind: str = "article"  # listing | feed | sitemap | article
    status: int = 0
    etag: str | None = None
    last_modified: str | None = None
    content_type: str | None = None
    content_hash: str | None = Field(default=None, max_length=64)
    body: bytes | None = Field(default=None, sa_column=Column(LargeBinary, nullable=True))  # gzip
    error: str | None = None
    elapsed_ms: float = 0.0
    fetch_count: int = 0
    first_fetched_at: datetime = Field(default_factory=utcnow, sa_type=TZDateTime)
    fetched_at: datetime = Field(default_factory=utcnow, sa_type=TZDateTime)


class Article(SQLModel, table=True):
    """One article at one canonical URL; `duplicate_of` points at the first copy elsewhere."""

    __table_args__ = (UniqueConstraint("url", name="uq_article_url"),)

    id: int | None = Field(default=None, primary_key=True)
    portal_id: str = Field(foreign_key="portal.id", index=True, max_length=64)
    url: str = Field(max_length=2048)
    title: str = ""
    published_at: datetime | None = _ts(index=True)
    date_source: str | None = None
    author: str | None = None
    source: str | None = None  # credit line of a re-published article ("Nguồn: Báo Lào Cai")
    lead: str | None = None
    category: str | None = None
    text: str = ""
    content_hash: str = Field(index=True, max_length=64)
    minhash: bytes | None = Field(default=None, sa_column=Column(LargeBinary, nullable=True))
    duplicate_of: int | None = Field(default=None, foreign_key="article.id", index=True)
    version: int = 1
    profile: str = "generic"
    first_seen_at: datetime = Field(default_factory=utcnow, sa_type=TZDateTime)
    last_seen_at: datetime = Field(default_factory=utcnow, sa_type=TZDateTime)


class ArticleVersion(SQLModel, table=True):
    """Every text an article has had; version 1 is the first seen."""

    __table_args__ = (UniqueConstraint("article_id", "version", name="uq_article_version"),)

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(foreign_key="article.id", index=True)
    version: int
    title: str = ""
    text: str = ""
    content_hash: str = Field(max_length=64)
    seen_at: datetime = Field(default_factory=utcnow, sa_type=TZDateTime)


class ArticleBand(SQLModel, table=True):
    """LSH band buckets of an article's MinHash: candidates for near-duplicates in one query."""

    __table_args__ = (Index("ix_articleband_bucket", "band", "bucket"),)

    article_id: int = Field(foreign_key="article.id", primary_key=True)
    band: int = Field(primary_key=True)
    bucket: int = Field(sa_column=Column(BigInteger, nullable=False))


class Directive(SQLModel, table=True):
    """A directive (văn bản), one row per canonical code however it was written."""

    __table_args__ = (UniqueConstraint("code", name="uq_directive_code"),)

    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=128)
    doc_type: str | None = None
    doc_type_name: str | None = None
    number: str = ""
    year: int | None = None
    issuer_code: str | None = None
    issuer_name: str | None = None
    issued_date: date | None = None
    title: str | None = None
    first_seen_at: datetime = Field(default_factory=utcnow, sa_type=TZDateTime)
    first_article_id: int | None = Field(default=None, foreign_key="article.id")


class DirectiveMention(SQLModel, table=True):
    """A directive mentioned in an article, with the sentence as evidence."""

    __table_args__ = (UniqueConstraint("directive_id", "article_id", name="uq_mention"),)

    id: int | None = Field(default=None, primary_key=True)
    directive_id: int = Field(foreign_key="directive.id", index=True)
    article_id: int = Field(foreign_key="article.id", index=True)
    portal_id: str = Field(max_length=64, index=True)
    raw: str = ""
    sentence: str = ""
    created_at: datetime = Field(default_factory=utcnow, sa_type=TZDateTime)


class PendingMention(SQLModel, table=True):
    """A code-less mention ("Kế hoạch số 116") no known directive fitted yet; kept to resolve later."""

    __table_args__ = (
        UniqueConstraint("article_id", "doc_type", "number", name="uq_pending_mention"),
        Index("ix_pendingmention_number", "number", "doc_type"),
    )

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(foreign_key="article.id", index=True)
    portal_id: str = Field(max_length=64)
    doc_type: str
    number: str
    issuer_code: str | None = None
    issuer_name: str | None = None
    issued_date: date | None = None
    published_at: datetime | None = _ts()  # the article's: a document issued later is another
    raw: str = ""
    sentence: str = ""
    created_at: datetime = Field(default_factory=utcnow, sa_type=TZDateTime)


class IndicatorObservation(SQLModel, table=True):
    """A figure reported in an article: indicator × locality × period = value."""

    __table_args__ = (
        UniqueConstraint("article_id", "indicator", "locality", "period", name="uq_observation"),
        Index("ix_observation_series", "indicator", "locality", "period"),
    )

    id: int | None = Field(default=None, primary_key=True)
    article_id: int = Field(foreign_key="article.id", index=True)
    portal_id: str = Field(max_length=64)
    locality: str = ""
    indicator: str = Field(max_length=128)
    label: str = ""
    value: float
    unit: str = ""
    period: str = ""
    sentence: str = ""
    raw: str = ""
    published_at: datetime | None = _ts()
    observed_at: datetime = Field(default_factory=utcnow, sa_type=TZDateTime)


class PersonPost(SQLModel, table=True):
    """An official named with a post in an article ("Nguyễn Thanh Hà – Phó Bí thư …")."""

    __table_args__ = (
        UniqueConstraint("person_slug", "post_slug", "article_id", name="uq_person_post"),
    )

    id: int | None = Field(default=None, primary_key=True)
    person_slug: str = Field(max_length=128, index=True)
    name: str = ""
    post: str = ""
    post_slug: str = Field(max_length=256)
    article_id: int = Field(foreign_key="article.id", index=True)
    portal_id: str = Field(max_length=64)
    sentence: str = ""
    published_at: datetime | None = _ts()
    created_at: datetime = Field(default_factory=utcnow, sa_type=TZDateTime)


class Event(SQLModel, table=True):
    """The outbox: something new happened. `key` is deterministic, so it exists only once."""

    __table_args__ = (UniqueConstraint("key", name="uq_event_key"),)

    id: int | None = Field(default=None, primary_key=True)
    type: str = Field(max_length=64, index=True)
    key: str = Field(max_length=512)
    portal_id: str | None = Field(default=None, max_length=64, index=True)
    payload: dict[str, Any] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    baseline: bool = False  # found on a portal's first crawl: exported, not alerted by default
    created_at: datetime = Field(default_factory=utcnow, sa_type=TZDateTime, index=True)


class Delivery(SQLModel, table=True):
    """One (event, subscription, channel) alert: pending → sent | failed."""

    __table_args__ = (
        UniqueConstraint("event_id", "subscription", "channel_key", name="uq_delivery"),
        Index("ix_delivery_due", "status", "next_attempt_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    event_id: int = Field(foreign_key="event.id", index=True)
    subscription: str = Field(max_length=128)
    channel_key: str = Field(max_length=64)  # sha256 of the channel URL; the URL is never stored
    channel: str = Field(default="", max_length=2048)  # masked for display
    mode: str = "immediate"  # immediate | digest
    status: str = Field(default="pending", max_length=16)
    attempts: int = 0
    last_error: str | None = None
    next_attempt_at: datetime | None = _ts()
    claimed_until: datetime | None = _ts()
    sent_at: datetime | None = _ts()
    created_at: datetime = Field(default_factory=utcnow, sa_type=TZDateTime)


class CrawlRun(SQLModel, table=True):
    """The outcome of crawling one portal once: a failing portal is a row, not a crash."""

    id: int | None = Field(default=None, primary_key=True)
    portal_id: str = Field(max_length=64, index=True)
    started_at: datetime = Field(default_factory=utcnow, sa_type=TZDateTime)
    finished_at: datetime | None = _ts()
    status: str = "running"  # running | ok | partial | failed
    requests: int = 0
    pages_fetched: int = 0
    not_modified: int = 0
    new_articles: int = 0
    new_directives: int = 0
    indicator_changes: int = 0
    errors: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
