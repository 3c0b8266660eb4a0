"""Read models for the dashboard: directives (timeline, mentions) and indicator series."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import and_, exists, func
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from storage.models import Article, Directive, DirectiveMention, IndicatorObservation, Portal
from storage.views import PER_PAGE, Paged, page_bounds


@dataclass(frozen=True)
class DirectiveFilter:
    """What the directive timeline is narrowed to; empty fields do not filter."""

    issuer: str | None = None  # issuer_code
    doc_type: str | None = None
    portal: str | None = None  # mentioned on this portal
    locality: str | None = None  # mentioned on a portal of this locality
    since: datetime | None = None  # first mention on or after
    until: datetime | None = None  # first mention before


@dataclass(frozen=True)
class DirectiveRow:
    id: int
    code: str
    doc_type: str | None
    doc_type_name: str | None
    issuer_code: str | None
    issuer_name: str | None
    issued_date: date | None
    title: str | None
    first_seen_at: datetime
    first_mention_at: datetime | None  # the first article's publication date
    first_portal: str | None
    mentions: int


@dataclass(frozen=True)
class Mention:
    article_id: int
    title: str
    url: str
    portal_id: str
    portal_name: str
    published_at: datetime | None
    sentence: str
    raw: str


@dataclass(frozen=True)
class Facets:
    """Values the filters offer."""

    issuers: list[str]
    doc_types: list[str]
    portals: list[tuple[str, str]]  # (id, name)
    localities: list[str]


def facets(session: Session) -> Facets:
    def distinct(column: Any) -> list[str]:
        return [v for v in session.execute(select(column).distinct().order_by(column)).scalars() if v]

    portals = [(p.id, p.name) for p in session.execute(select(Portal).order_by(col(Portal.name))).scalars()]
    return Facets(
        distinct(col(Directive.issuer_code)),
        distinct(col(Directive.doc_type)),
        portals,
        distinct(col(Portal.locality)),
    )


def _first_mention_at() -> Any:
    return func.coalesce(Article.published_at, Directive.first_seen_at)


def _directive_where(f: DirectiveFilter) -> list[Any]:
    where: list[Any] = []
    if f.issuer:
        where.append(col(Directive.issuer_code) == f.issuer)
    if f.doc_type:
        where.append(col(Directive.doc_type) == f.doc_type)
    if f.portal or f.locality:
        cond = [col(DirectiveMention.directive_id) == Directive.id]
        if f.portal:
            cond.append(col(DirectiveMention.portal_id) == f.portal)
        if f.locality:
            cond.append(col(Portal.locality) == f.locality)
        sub = select(DirectiveMention.id)
        if f.locality:
            sub = sub.join(Portal, col(Portal.id) == DirectiveMention.portal_id)
        where.append(exists(sub.where(and_(*cond))))
    if f.since:
        where.append(_first_mention_at() >= f.since)
    if f.until:
        where.append(_first_mention_at() < f.until)
    return where


def directive_timeline(
    session: Session, f: DirectiveFilter, page: int = 1, per_page: int = PER_PAGE
) -> Paged[DirectiveRow]:
    """Directives by their first mention, newest first."""
    base = select(Directive.id).join(Article, col(Article.id) == Directive.first_article_id, isouter=True)
    where = _directive_where(f)
    total = session.execute(select(func.count()).select_from(base.where(*where).subquery())).scalar_one()
    limit, offset = page_bounds(page, per_page)
    rows = session.execute(
        select(Directive, _first_mention_at(), Article.portal_id)
        .join(Article, col(Article.id) == Directive.first_article_id, isouter=True)
        .where(*where)
        .order_by(_first_mention_at().desc(), col(Directive.id).desc())
        .limit(limit)
        .offset(offset)
    ).all()
    ids = [d.id for d, _, _ in rows]
    counts = dict(
        session.execute(
            select(DirectiveMention.directive_id, func.count())
            .where(col(DirectiveMention.directive_id).in_(ids))
            .group_by(col(DirectiveMention.directive_id))
        ).tuples().all()
    )
    items = [
        DirectiveRow(d.id, d.code, d.doc_type, d.doc_type_name, d.issuer_code, d.issuer_name,
                     d.issued_date, d.title, d.first_seen_at, at, portal, int(counts.get(d.id, 0)))
        for d, at, portal in rows
    ]
    return Paged(items, int(total), max(page, 1), per_page)


def directive_by_code(session: Session, code: str) -> Directive | None:
    return session.execute(select(Directive).where(col(Directive.code) == code)).scalar_one_or_none()


def directive_mentions(
    session: Session, directive_id: int, page: int = 1, per_page: int = PER_PAGE
) -> Paged[Mention]:
    """The mentions of a directive, oldest article first (item 0 of page 1 is the first)."""
    total = session.execute(
        select(func.count()).select_from(DirectiveMention).where(col(DirectiveMention.directive_id) == directive_id)
    ).scalar_one()
    limit, offset = page_bounds(page, per_page)
    rows = session.execute(
        sa_select(DirectiveMention, col(Article.title), col(Article.url), col(Article.published_at), col(Portal.name))
        .join(Article, col(Article.id) == DirectiveMention.article_id)
        .join(Portal, col(Portal.id) == DirectiveMention.portal_id, isouter=True)
        .where(col(DirectiveMention.directive_id) == directive_id)
        .order_by(func.coalesce(Article.published_at, DirectiveMention.created_at), col(DirectiveMention.id))
        .limit(limit)
        .offset(offset)
    ).all()
    items = [
        Mention(m.article_id, title, url, m.portal_id, name or m.portal_id, published, m.sentence, m.raw)
        for m, title, url, published, name in rows
    ]
    return Paged(items, int(total), max(page, 1), per_page)


@dataclass(frozen=True)
class SeriesRow:
    """One indicator in one locality: how many points, over which periods."""

    indicator: str
    locality: str
    label: str
    unit: str
    points: int
    first_period: str
    last_period: str


@dataclass(frozen=True)
class Point:
    """One observation: the value a locality reported for a period, and where."""

    id: int
    indicator: str
    locality: str
    label: str
    value: float
    unit: str
    period: str
    sentence: str
    article_id: int
    article_title: str
    article_url: str
    published_at: datetime | None
    portal_id: str


def indicator_series(
    session: Session,
    *,
    indicator: str | None = None,
    locality: str | None = None,
    page: int = 1,
    per_page: int = PER_PAGE,
) -> Paged[SeriesRow]:
    """Every (indicator, locality) series, by indicator then locality."""
    o = IndicatorObservation
    where: list[Any] = []
    if indicator:
        where.append(col(o.indicator) == indicator)
    if locality:
        where.append(col(o.locality) == locality)
    grouped = (
        sa_select(col(o.indicator), col(o.locality), func.max(o.label), func.max(o.unit), func.count(),
                  func.min(o.period), func.max(o.period))
        .where(*where)
        .group_by(col(o.indicator), col(o.locality))
    )
    total = session.execute(select(func.count()).select_from(grouped.subquery())).scalar_one()
    limit, offset = page_bounds(page, per_page)
    rows = session.execute(
        grouped.order_by(col(o.indicator), col(o.locality)).limit(limit).offset(offset)
    ).all()
    items = [SeriesRow(i, loc, label, unit, int(n), lo, hi) for i, loc, label, unit, n, lo, hi in rows]
    return Paged(items, int(total), max(page, 1), per_page)


def indicator_names(session: Session) -> list[tuple[str, str]]:
    """(indicator key, label) of every indicator observed."""
    o = IndicatorObservation
    rows = session.execute(select(o.indicator, func.max(o.label)).group_by(col(o.indicator)).order_by(col(o.indicator)))
    return [(k, label) for k, label in rows.tuples()]


def localities_of(session: Session, indicator: str) -> list[str]:
    o = IndicatorObservation
    rows = session.execute(select(o.locality).where(col(o.indicator) == indicator).distinct().order_by(col(o.locality)))
    return list(rows.scalars())


def series_points(session: Session, indicator: str, localities: list[str]) -> list[Point]:
    """The observations of one indicator in these localities, in publication order."""
    o = IndicatorObservation
    rows = session.execute(
        select(o, Article.title, Article.url)
        .join(Article, col(Article.id) == o.article_id)
        .where(col(o.indicator) == indicator, col(o.locality).in_(localities))
        .order_by(col(o.locality), col(o.period), col(o.published_at), col(o.id))
    ).all()
    return [
        Point(p.id, p.indicator, p.locality, p.label, p.value, p.unit, p.period, p.sentence,
              p.article_id, title, url, p.published_at, p.portal_id)
        for p, title, url in rows
    ]


def observation(session: Session, observation_id: int) -> IndicatorObservation | None:
    return session.get(IndicatorObservation, observation_id)
