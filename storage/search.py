"""Tone-insensitive article search: a folded copy of each article's title, lead and text.

SQL cannot fold Vietnamese tone marks on both SQLite and PostgreSQL (PostgreSQL's `unaccent` is
an optional extension and SQLite has nothing), so the folded form is computed in Python with
`core.text.fold` and kept in its own table, keyed by article and version. `refresh_search` adds
what is missing: new articles by id, edited ones by their newer ArticleVersion rows. It never
touches the article table, so the crawler's writes stay as they are.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import func
from sqlalchemy import select as sa_select
from sqlmodel import Field, Session, SQLModel, col, select

from core.text import fold
from storage.dialect import insert_for
from storage.models import Article, ArticleVersion

BATCH = 2000


class ArticleSearch(SQLModel, table=True):
    """The folded text of one article at one version (for LIKE '%…%' searches)."""

    __tablename__ = "articlesearch"

    article_id: int = Field(foreign_key="article.id", primary_key=True)
    version: int = 1
    folded: str = ""


def folded_document(title: str, lead: str | None, text: str) -> str:
    """What a search matches: title, lead and body, folded, on one line."""
    return " ".join(fold(part).replace("\n", " ") for part in (title, lead or "", text) if part)


def fold_query(query: str) -> str:
    """The search words folded like the documents, spaces collapsed."""
    return " ".join(fold(query).split())


def contains(needle: str) -> Any:
    """`ArticleSearch.folded` contains `needle` (LIKE with its wildcards escaped).

    Measured on SQLite over 100k articles, LIKE beats instr() (which counts UTF-8 characters).
    """
    escaped = needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return col(ArticleSearch.folded).like(f"%{escaped}%", escape="\\")


def _upsert(session: Session, rows: Sequence[dict[str, Any]]) -> None:
    if not rows:
        return
    table = ArticleSearch.__table__  # type: ignore[attr-defined]  # set by SQLModel on table classes
    stmt = insert_for(session, table).values(list(rows))
    stmt = stmt.on_conflict_do_update(
        index_elements=["article_id"],
        set_={"version": stmt.excluded.version, "folded": stmt.excluded.folded},
    )
    session.execute(stmt)


def _new_articles(session: Session) -> int:
    done = session.execute(select(func.coalesce(func.max(ArticleSearch.article_id), 0))).scalar_one()
    added = 0
    while True:
        rows = session.execute(
            sa_select(col(Article.id), col(Article.version), col(Article.title), col(Article.lead), col(Article.text))
            .where(col(Article.id) > done)
            .order_by(col(Article.id))
            .limit(BATCH)
        ).all()
        if not rows:
            return added
        _upsert(session, [
            {"article_id": r.id, "version": r.version, "folded": folded_document(r.title, r.lead, r.text)}
            for r in rows
        ])
        added += len(rows)
        done = rows[-1].id


def _edited_articles(session: Session) -> int:
    stale = (
        select(ArticleVersion.article_id)
        .join(ArticleSearch, col(ArticleSearch.article_id) == ArticleVersion.article_id)
        .where(col(ArticleVersion.version) > 1, col(ArticleVersion.version) > ArticleSearch.version)
        .distinct()
    )
    ids = list(session.execute(stale).scalars())
    for start in range(0, len(ids), BATCH):
        rows = session.execute(
            sa_select(col(Article.id), col(Article.version), col(Article.title), col(Article.lead), col(Article.text))
            .where(col(Article.id).in_(ids[start:start + BATCH]))
        ).all()
        _upsert(session, [
            {"article_id": r.id, "version": r.version, "folded": folded_document(r.title, r.lead, r.text)}
            for r in rows
        ])
    return len(ids)


def refresh_search(session: Session) -> int:
    """Fold what is not folded yet (new or edited articles); how many rows were written."""
    return _new_articles(session) + _edited_articles(session)
