"""Storing articles: one row per canonical URL, a version per text, LSH bands for near-duplicates.

Concurrency: the article insert is `INSERT … ON CONFLICT (url) DO NOTHING` and an edit is an
`UPDATE … WHERE version = <the version we read>`; the loser of a race re-reads and classifies
again. Both statements are atomic on SQLite and PostgreSQL alike, so two workers storing one
URL at once yield one article and one version sequence, without a SAVEPOINT (pysqlite commits
the whole transaction when a SAVEPOINT opened outside a transaction is released).
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal, cast

from sqlalchemy import Row, Select, and_, bindparam, delete, insert, or_, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import CursorResult
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col

import parsers
from core.errors import StorageError
from dedup import (
    BANDS,
    Signature,
    canonical_url,
    content_hash,
    is_near_duplicate,
    linkable,
    lsh_buckets,
    minhash,
    pack_signature,
    unpack_signature,
)
from storage.models import Article, ArticleBand, ArticleVersion

Status = Literal["new", "unchanged", "edited", "duplicate"]
_ATTEMPTS = 5  # a race is lost at most once per competing writer; five is plenty


@dataclass(frozen=True)
class ArticleOutcome:
    """What storing one parsed article did. `duplicate_of` is the root copy's id."""

    article: Article
    status: Status
    duplicate_of: int | None = None
    previous_version: int | None = None


@dataclass(frozen=True)
class _Content:
    """The parsed article plus what dedup derives from it, computed once per upsert."""

    article: parsers.Article
    digest: str
    signature: Signature

    def columns(self) -> dict[str, Any]:
        a = self.article
        return {
            "title": a.title,
            "text": a.text,
            "published_at": a.published_at,
            "date_source": a.date_source,
            "author": a.author,
            "source": a.source,
            "lead": a.lead,
            "category": a.category,
            "profile": a.profile,
            "content_hash": self.digest,
            "minhash": pack_signature(self.signature),
        }


def upsert_article(
    session: Session, *, portal_id: str, url: str, article: parsers.Article, now: datetime,
    fingerprint: tuple[str, Signature] | None = None,
) -> ArticleOutcome:
    """Store `article` found at `url`: new, unchanged, edited (a new version) or a duplicate.

    `fingerprint` is the text's (content_hash, minhash) when the caller computed them already
    (in a parsing worker process); otherwise they are computed here.
    """
    url = canonical_url(url)
    digest, signature = fingerprint or (content_hash(article.text), minhash(article.text))
    content = _Content(article, digest, signature)
    absent: set[str] = session.info.get(_ABSENT, set())
    for attempt in range(_ATTEMPTS):
        row = None if attempt == 0 and url in absent else _by_url(session, url)
        if row is None:
            outcome = _insert(session, portal_id, url, content, now)
        elif row.content_hash == content.digest:
            outcome = _touch(session, row, now)
        else:
            outcome = _edit(session, row, content, now)
        if outcome is not None:
            return outcome
    raise StorageError(f"{url}: changed by other writers {_ATTEMPTS} times while being stored")


_ABSENT = "portalwatch.storage.absent-urls"


def preload_urls(session: Session, urls: Sequence[str]) -> None:
    """Learn in one query which of a batch's URLs are not stored yet, so that upserting them
    skips a lookup each. A writer that stores one of them meanwhile is still caught: the
    insert is ON CONFLICT DO NOTHING, and the retry looks the URL up."""
    wanted = {canonical_url(url) for url in urls}
    stored = set(session.scalars(select(col(Article.url)).where(col(Article.url).in_(sorted(wanted)))))
    session.info[_ABSENT] = wanted - stored


def _by_url(session: Session, url: str) -> Article | None:
    stmt = select(Article).where(col(Article.url) == url).execution_options(populate_existing=True)
    return session.scalars(stmt).first()


def _touch(session: Session, row: Article, now: datetime) -> ArticleOutcome:
    row.last_seen_at = now
    session.add(row)
    session.flush()
    return ArticleOutcome(row, "unchanged", row.duplicate_of)


def _insert(
    session: Session, portal_id: str, url: str, content: _Content, now: datetime
) -> ArticleOutcome | None:
    """Insert a new row; None when another writer inserted the URL first."""
    root = find_duplicate_root(session, content.digest, content.signature)
    values = {
        **content.columns(),
        "portal_id": portal_id,
        "url": url,
        "duplicate_of": root,
        "version": 1,
        "first_seen_at": now,
        "last_seen_at": now,
    }
    try:
        returned = session.execute(_insert_ignoring(session), values).mappings().first()
    except IntegrityError as exc:  # ON CONFLICT covers the URL; this is a missing portal row
        raise StorageError(f"{url}: cannot store for portal {portal_id!r}: {exc.orig}") from None
    if returned is None:
        return None
    row = Article(**returned)
    assert row.id is not None
    _add_version(session, row.id, 1, content, now)
    _store_bands(session, row.id, content.signature, replace=False)
    return ArticleOutcome(row, "new" if root is None else "duplicate", root)


_ARTICLE = Article.__table__  # type: ignore[attr-defined]  # set by SQLModel on table classes
_INSERT_IGNORING = {
    name: dialect_insert(_ARTICLE).on_conflict_do_nothing(index_elements=["url"]).returning(*_ARTICLE.c)
    for name, dialect_insert in (("postgresql", pg_insert), ("sqlite", sqlite_insert))
}


def _insert_ignoring(session: Session) -> Any:
    """`INSERT … ON CONFLICT (url) DO NOTHING RETURNING *` in the session's dialect: the new row
    comes back whole, without reading it again. A Core statement: the ORM's bulk insert of
    the entity costs about 2.5× as much, and the row is only read afterwards (the object built
    from it is not in the session; an edit goes through `_edit`'s UPDATE)."""
    dialect = session.get_bind().dialect.name
    if dialect not in _INSERT_IGNORING:
        raise StorageError(f"unsupported database dialect {dialect!r}")
    return _INSERT_IGNORING[dialect]


def _edit(
    session: Session, row: Article, content: _Content, now: datetime
) -> ArticleOutcome | None:
    """Make the new text the next version; None when another writer changed the row first."""
    previous = row.version
    values = content.columns()
    if values["published_at"] is None:
        values.pop("published_at")  # a re-parse that lost the date keeps the known one
    if row.duplicate_of is not None and not _still_copy_of(session, row.duplicate_of, content):
        # The edit made a copy its own article (a paragraph the original lacks, other
        # figures): from now on its facts count, and detection runs on it.
        values["duplicate_of"] = None
    stmt = (
        update(Article)
        .where(col(Article.id) == row.id, col(Article.version) == previous)
        .values(**values, version=previous + 1, last_seen_at=now)
        .execution_options(synchronize_session=False)
    )
    if cast("CursorResult[Any]", session.execute(stmt)).rowcount != 1:
        return None
    assert row.id is not None
    _add_version(session, row.id, previous + 1, content, now)
    _store_bands(session, row.id, content.signature, replace=True)
    session.refresh(row)
    return ArticleOutcome(row, "edited", row.duplicate_of, previous)


def _still_copy_of(session: Session, root_id: int, content: _Content) -> bool:
    root = session.execute(
        select(col(Article.content_hash), col(Article.minhash)).where(col(Article.id) == root_id)
    ).first()
    if root is None:
        return False
    if root.content_hash == content.digest:
        return True
    try:
        signature = unpack_signature(root.minhash or b"")
    except ValueError:
        return False
    return is_near_duplicate(content.signature, signature)


def _add_version(
    session: Session, article_id: int, version: int, content: _Content, now: datetime
) -> None:
    row = {
        "article_id": article_id,
        "version": version,
        "title": content.article.title,
        "text": content.article.text,
        "content_hash": content.digest,
        "seen_at": now,
    }
    session.execute(insert(ArticleVersion.__table__), [row])  # type: ignore[attr-defined]  # Core: no ORM bulk path


def _store_bands(session: Session, article_id: int, sig: Signature, *, replace: bool) -> None:
    if replace:
        session.execute(delete(ArticleBand).where(col(ArticleBand.article_id) == article_id))
    rows = [
        {"article_id": article_id, "band": band, "bucket": bucket}
        for band, bucket in lsh_buckets(sig)
    ]
    if rows:
        session.execute(insert(ArticleBand.__table__), rows)  # type: ignore[attr-defined]  # Core insert


_EXACT = (
    select(col(Article.id), col(Article.duplicate_of), col(Article.first_seen_at))
    .where(col(Article.content_hash) == bindparam("digest"))
    .order_by(col(Article.first_seen_at), col(Article.id))
    .limit(1)
)


def find_duplicate_root(session: Session, digest: str, sig: Signature) -> int | None:
    """Id of the first copy of this content already stored, or None.

    Exact content hash first; otherwise LSH candidates (one query over `articleband`) whose
    signatures pass `dedup.is_near_duplicate`. The earliest seen match wins, and a match that
    is itself a copy leads to its root.
    """
    if not linkable(sig):
        return None
    exact = session.execute(_EXACT, {"digest": digest}).first()
    if exact is not None:
        return _root(session, exact)
    matches = [c for c in _candidates(session, sig) if is_near_duplicate(sig, _sig(c))]
    if not matches:
        return None
    return _root(session, min(matches, key=lambda c: (c.first_seen_at, c.id)))


def _candidate_query() -> Select[int | None, int | None, datetime, bytes | None]:
    """Articles sharing a (band, bucket) with the bound buckets `k0`…: one indexed query.

    An OR of equalities: SQLite answers it with a MULTI-INDEX OR and PostgreSQL with a
    BitmapOr over ix_articleband_bucket; a row-value IN gets a full scan on SQLite. Built once:
    compiling 64 comparisons per article would cost more than running the query."""
    sharing = select(col(ArticleBand.article_id)).where(
        or_(
            *(
                and_(col(ArticleBand.band) == band, col(ArticleBand.bucket) == bindparam(f"k{band}"))
                for band in range(BANDS)
            )
        )
    )
    return select(
        col(Article.id), col(Article.duplicate_of), col(Article.first_seen_at), col(Article.minhash)
    ).where(col(Article.id).in_(sharing))


_CANDIDATES = _candidate_query()


def _candidates(session: Session, sig: Signature) -> Sequence[Row[Any]]:
    params = {f"k{band}": bucket for band, bucket in lsh_buckets(sig)}
    return session.execute(_CANDIDATES, params).all()


def _sig(candidate: Row[Any]) -> Signature:
    try:
        return unpack_signature(candidate.minhash or b"")
    except ValueError:
        return Signature((), 0)  # a row written by an older format is never a match


def _root(session: Session, match: Row[Any]) -> int:
    """Follow `duplicate_of` to the first copy (rows always point at a root; be safe anyway)."""
    current, parent = match.id, match.duplicate_of
    seen = {current}
    while parent is not None and parent not in seen:
        seen.add(parent)
        current = parent
        parent = session.execute(
            select(col(Article.duplicate_of)).where(col(Article.id) == current)
        ).scalar()
    return int(current)


def article_versions(session: Session, article_id: int) -> list[ArticleVersion]:
    """Every stored text of an article, oldest first."""
    stmt = (
        select(ArticleVersion)
        .where(col(ArticleVersion.article_id) == article_id)
        .order_by(col(ArticleVersion.version))
    )
    return list(session.scalars(stmt))


def version_diff(session: Session, article_id: int, a: int, b: int) -> str:
    """Unified diff of version `a` → version `b` of an article, line by line."""
    texts = {v.version: v for v in article_versions(session, article_id) if v.version in (a, b)}
    for wanted in (a, b):
        if wanted not in texts:
            raise StorageError(f"article {article_id} has no version {wanted}")
    old, new = texts[a], texts[b]
    lines = difflib.unified_diff(
        _diff_lines(old), _diff_lines(new), fromfile=f"v{a}", tofile=f"v{b}", lineterm=""
    )
    return "\n".join(lines)


def _diff_lines(version: ArticleVersion) -> list[str]:
    return [version.title, "", *version.text.splitlines()]
