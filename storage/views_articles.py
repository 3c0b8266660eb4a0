"""Read models for the dashboard: article search (tone-insensitive), an article and its kin."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, or_
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from storage.articles import article_versions, version_diff
from storage.models import (
    Article,
    ArticleVersion,
    Directive,
    DirectiveMention,
    IndicatorObservation,
    Portal,
)
from storage.search import ArticleSearch, contains, fold_query
from storage.views import PER_PAGE, Paged, page_bounds

COUNT_PAGES_AHEAD = 4
RARE = 200  # up to this many matches, a search fetches them by id


@dataclass(frozen=True)
class ArticleFilter:
    query: str = ""  # folded before matching: "dan van kheo" finds "Dân vận khéo"
    portal: str | None = None
    since: datetime | None = None
    until: datetime | None = None
    duplicates: bool = False  # only copies of an article seen elsewhere first


@dataclass(frozen=True)
class ArticleRow:
    id: int
    portal_id: str
    portal_name: str
    title: str
    url: str
    published_at: datetime | None
    version: int
    duplicate_of: int | None


@dataclass(frozen=True)
class ArticleDetail:
    article: Article
    portal_name: str
    versions: list[ArticleVersion]
    duplicates: list[ArticleRow]  # the first copy and every other copy of it
    directives: list[tuple[str, str]]  # (code, sentence)
    indicators: list[IndicatorObservation]


def _row(a: Any, name: str | None) -> ArticleRow:
    return ArticleRow(a.id, a.portal_id, name or a.portal_id, a.title, a.url, a.published_at, a.version, a.duplicate_of)


def _few_matches(session: Session, needle: str) -> list[int] | None:
    """The ids of every article matching `needle` when there are at most RARE, else None.

    One sequential read of the folded table, stopping at RARE + 1 matches. A rare word (or
    none at all) then costs that one scan instead of a walk over every article by date, and a
    common word stops the scan early and is searched newest first through the date index.
    """
    ids = session.execute(
        select(ArticleSearch.article_id).where(contains(needle)).limit(RARE + 1)
    ).scalars().all()
    return list(ids) if len(ids) <= RARE else None


def search_articles(
    session: Session, f: ArticleFilter, page: int = 1, per_page: int = PER_PAGE
) -> Paged[ArticleRow]:
    """Articles newest first; with a query, those whose folded title, lead or text hold it."""
    base = sa_select(
        col(Article.id), col(Article.portal_id), col(Article.title), col(Article.url),
        col(Article.published_at), col(Article.version), col(Article.duplicate_of), col(Portal.name),
    ).join(Portal, col(Portal.id) == Article.portal_id, isouter=True)
    counted = select(func.count()).select_from(Article)
    where: list[Any] = []
    few: list[int] | None = None
    if f.query.strip():
        needle = fold_query(f.query)
        few = _few_matches(session, needle)
        if few is not None:  # a rare word: its matches are known, fetch them by id
            where.append(col(Article.id).in_(few))
        else:
            base = base.join(ArticleSearch, col(ArticleSearch.article_id) == Article.id)
            counted = counted.join(ArticleSearch, col(ArticleSearch.article_id) == Article.id)
            where.append(contains(needle))
    if f.portal:
        where.append(col(Article.portal_id) == f.portal)
    if f.since:
        where.append(col(Article.published_at) >= f.since)
    if f.until:
        where.append(col(Article.published_at) < f.until)
    if f.duplicates:
        where.append(col(Article.duplicate_of).is_not(None))
    limit, offset = page_bounds(page, per_page)
    newest = (col(Article.published_at).desc().nulls_last(), col(Article.id).desc())
    if f.query.strip() and few is None:
        return _common_word_page(session, base, where, newest, page, per_page)
    rows = session.execute(base.where(*where).order_by(*newest).limit(limit).offset(offset)).all()
    if offset == 0 and len(rows) < limit:
        total = len(rows)  # the page holds every match: no second scan to count them
    else:
        total = session.execute(counted.where(*where)).scalar_one()
    return Paged([_row(r, r.name) for r in rows], int(total), max(page, 1), per_page)


def _common_word_page(
    session: Session, base: Any, where: list[Any], newest: tuple[Any, ...], page: int, per_page: int
) -> Paged[ArticleRow]:
    """A page of a word found in many articles, in one walk down the date index.

    The walk collects ids up to a few pages past this one: they give this page and a count
    ("more than N") without a second scan of every article.
    """
    limit, offset = page_bounds(page, per_page)
    cap = offset + limit * COUNT_PAGES_AHEAD
    ids = list(session.execute(
        base.with_only_columns(col(Article.id)).where(*where).order_by(*newest).limit(cap + 1)
    ).scalars())
    wanted = ids[offset:offset + limit]
    rows = session.execute(base.where(col(Article.id).in_(wanted)).order_by(*newest)).all() if wanted else []
    return Paged([_row(r, r.name) for r in rows], min(len(ids), cap), max(page, 1), per_page, len(ids) > cap)


def article_detail(session: Session, article_id: int) -> ArticleDetail | None:
    """An article with its versions, its duplicates, and the facts found in it."""
    article = session.get(Article, article_id)
    if article is None:
        return None
    portal = session.get(Portal, article.portal_id)
    root = article.duplicate_of or article.id
    kin = session.execute(
        select(Article, Portal.name)
        .join(Portal, col(Portal.id) == Article.portal_id, isouter=True)
        .where(or_(col(Article.id) == root, col(Article.duplicate_of) == root), col(Article.id) != article.id)
        .order_by(col(Article.id))
        .limit(100)
    ).all()
    directives = session.execute(
        select(Directive.code, DirectiveMention.sentence)
        .join(Directive, col(Directive.id) == DirectiveMention.directive_id)
        .where(col(DirectiveMention.article_id) == article_id)
        .order_by(col(DirectiveMention.id))
    ).tuples().all()
    indicators = session.execute(
        select(IndicatorObservation)
        .where(col(IndicatorObservation.article_id) == article_id)
        .order_by(col(IndicatorObservation.id))
    ).scalars().all()
    return ArticleDetail(
        article, portal.name if portal else article.portal_id, article_versions(session, article_id),
        [_row(a, name) for a, name in kin], list(directives), list(indicators),
    )


def article_diff(session: Session, article_id: int, a: int, b: int) -> str:
    """Unified diff of two versions (StorageError when one is missing)."""
    return version_diff(session, article_id, a, b)
