"""Facts detection stores: directives, mentions, indicator observations, person posts, events.

Every insert is `INSERT … ON CONFLICT DO NOTHING RETURNING id` against the unique constraints in
models.py, so re-running detection or two workers racing never stores anything twice, and
the caller learns whether *it* created the row. Works the same on SQLite and PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import bindparam, delete, func, select, update
from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session, SQLModel, col

from core.errors import StorageError
from storage.dialect import insert_for
from storage.models import (
    Article,
    Directive,
    DirectiveMention,
    Event,
    IndicatorObservation,
    PendingMention,
    PersonPost,
)

# One statement object per (dialect, table, conflict columns, returned columns), values bound at
# execution: building `.values(**row)` anew for every row costs more than running it.
_STATEMENTS: dict[tuple[str, str, tuple[str, ...], str], Any] = {}


def _ignoring(session: Session, table: Any, conflict: list[str]) -> Any:
    key = (session.get_bind().dialect.name, table.name, tuple(conflict), "id")
    statement = _STATEMENTS.get(key)
    if statement is None:
        statement = (
            insert_for(session, table).on_conflict_do_nothing(index_elements=conflict).returning(table.c.id)
        )
        _STATEMENTS[key] = statement
    return statement


def _insert_entities(
    session: Session, model: type[SQLModel], conflict: list[str], rows: Sequence[dict[str, Any]]
) -> list[Any]:
    """Insert the rows that do not conflict, in one statement; the new ones as model objects
    built from what the insert RETURNed (every column: nothing is read again).

    A Core statement on the table, not the ORM's bulk insert of the entity: the ORM path costs
    about 2.5× as much per statement, and these objects are only read (ids, keys, payloads).
    They are not in the session: change them through statements, not attributes."""
    table = model.__table__  # type: ignore[attr-defined]  # set by SQLModel on table classes
    key = (session.get_bind().dialect.name, table.name, tuple(conflict), "entities")
    statement = _STATEMENTS.get(key)
    if statement is None:
        statement = insert_for(session, table).on_conflict_do_nothing(index_elements=conflict).returning(*table.c)
        _STATEMENTS[key] = statement
    try:
        return [model(**row) for row in session.execute(statement, list(rows)).mappings()]
    except SQLAlchemyError as exc:
        raise StorageError(f"cannot store {table.name}: {exc.__class__.__name__}: {exc}") from exc


def _insert_ignore(
    session: Session, model: type[SQLModel], values: dict[str, Any], conflict: list[str]
) -> int | None:
    """Insert one row unless it exists; the new id, or None when it was already there."""
    table = model.__table__  # type: ignore[attr-defined]  # set by SQLModel on table classes, not declared
    try:
        return session.execute(_ignoring(session, table, conflict), values).scalar_one_or_none()
    except SQLAlchemyError as exc:
        raise StorageError(f"cannot store {table.name}: {exc.__class__.__name__}: {exc}") from exc


def ensure_directive(
    session: Session, values: dict[str, Any], article_id: int, now: datetime
) -> tuple[Directive, bool]:
    """The directive row for `values["code"]`, created if missing; True when created here.

    An existing row keeps its first values and only gains what it lacked (date, title, issuer).
    """
    row = dict(values, first_seen_at=now, first_article_id=article_id)
    for inserted in _insert_entities(session, Directive, ["code"], [row]):
        return inserted, True
    directive = session.execute(
        select(Directive).where(col(Directive.code) == values["code"])
    ).scalar_one()
    _fill_missing(session, directive, values)
    return directive, False


def _fill_missing(session: Session, directive: Directive, values: dict[str, Any]) -> None:
    for column in ("issued_date", "title", "issuer_name", "year", "doc_type_name"):
        if getattr(directive, column) is None and values.get(column) is not None:
            session.execute(
                update(Directive)
                .where(col(Directive.id) == directive.id, col(getattr(Directive, column)).is_(None))
                .values({column: values[column]})
            )
            setattr(directive, column, values[column])


def directives_by_number(session: Session, doc_types: set[str], number: str) -> list[Directive]:
    """Known directives of one of `doc_types` with this number (for code-less mentions)."""
    statement = select(Directive).where(
        col(Directive.doc_type).in_(sorted(doc_types)), col(Directive.number) == number
    )
    return list(session.execute(statement).scalars())


def add_mention(
    session: Session, directive_id: int, article_id: int, portal_id: str, raw: str, sentence: str,
    now: datetime,
) -> bool:
    """Record that an article mentions a directive; True when newly recorded."""
    values = {
        "directive_id": directive_id, "article_id": article_id, "portal_id": portal_id,
        "raw": raw[:500], "sentence": sentence, "created_at": now,
    }
    return _insert_ignore(session, DirectiveMention, values, ["directive_id", "article_id"]) is not None


def add_pending(session: Session, values: dict[str, Any]) -> bool:
    """Keep a code-less mention nothing fitted yet; True when newly kept."""
    conflict = ["article_id", "doc_type", "number"]
    return _insert_ignore(session, PendingMention, values, conflict) is not None


def pending_mentions(
    session: Session, doc_types: set[str] | None = None, number: str | None = None
) -> list[PendingMention]:
    """Pending mentions of one of `doc_types` with `number` (every one when not given), by id."""
    statement = select(PendingMention).order_by(col(PendingMention.id))
    if doc_types is not None:
        statement = statement.where(col(PendingMention.doc_type).in_(sorted(doc_types)))
    if number is not None:
        statement = statement.where(col(PendingMention.number) == number)
    return list(session.execute(statement).scalars())


def any_pending(session: Session) -> bool:
    """Whether any code-less mention is waiting for its directive."""
    return session.execute(select(col(PendingMention.id)).limit(1)).first() is not None


def drop_pending(session: Session, pending_id: int) -> bool:
    """Forget a pending mention once resolved; False when another worker already did."""
    try:
        result = session.execute(delete(PendingMention).where(col(PendingMention.id) == pending_id))
    except SQLAlchemyError as exc:
        raise StorageError(f"cannot drop pending mention {pending_id}: {exc}") from exc
    return bool(getattr(result, "rowcount", 0))


def first_portal_mention(session: Session, directive_id: int, portal_id: str) -> int | None:
    """The id of the earliest article of `portal_id` that mentions the directive."""
    statement = select(func.min(col(DirectiveMention.article_id))).where(
        col(DirectiveMention.directive_id) == directive_id,
        col(DirectiveMention.portal_id) == portal_id,
    )
    return session.execute(statement).scalar_one_or_none()


def article_url(session: Session, article_id: int | None) -> str:
    """The URL of an article, or "" when unknown."""
    if article_id is None:
        return ""
    url = session.execute(select(col(Article.url)).where(col(Article.id) == article_id)).scalar_one_or_none()
    return url or ""


ObservationKey = tuple[int, str, str, str]  # article_id, indicator, locality, period


def add_observations(session: Session, rows: Sequence[dict[str, Any]]) -> dict[ObservationKey, int]:
    """Store many observations in one statement; the ids of those newly stored, by their key
    (a row whose key was there already, or repeats an earlier row of `rows`, is left out)."""
    if not rows:
        return {}
    table = IndicatorObservation.__table__  # type: ignore[attr-defined]  # set by SQLModel
    conflict = ["article_id", "indicator", "locality", "period"]
    key = (session.get_bind().dialect.name, table.name, tuple(conflict), "key")
    statement = _STATEMENTS.get(key)
    if statement is None:
        c = table.c
        statement = (
            insert_for(session, table).on_conflict_do_nothing(index_elements=conflict)
            .returning(c.id, c.article_id, c.indicator, c.locality, c.period)
        )
        _STATEMENTS[key] = statement
    try:
        found = session.execute(statement, list(rows)).all()
    except SQLAlchemyError as exc:
        raise StorageError(f"cannot store observations: {exc.__class__.__name__}: {exc}") from exc
    return {(r.article_id, r.indicator, r.locality, r.period): r.id for r in found}


def update_observation(session: Session, observation_id: int, values: dict[str, Any]) -> None:
    """Give an observation the figure its article now reports (the article was edited)."""
    session.execute(
        update(IndicatorObservation)
        .where(col(IndicatorObservation.id) == observation_id)
        .values(**values)
    )


@dataclass(slots=True)
class SeriesPoint:
    """One stored observation of a series, as detection compares it (plain values: reading
    and caching thousands of these must not cost an ORM object each)."""

    id: int
    article_id: int
    indicator: str
    locality: str
    label: str
    value: float
    unit: str
    period: str
    sentence: str
    url: str


_POINT_COLUMNS = (
    col(IndicatorObservation.id), col(IndicatorObservation.article_id),
    col(IndicatorObservation.indicator), col(IndicatorObservation.locality),
    col(IndicatorObservation.label), col(IndicatorObservation.value),
    col(IndicatorObservation.unit), col(IndicatorObservation.period),
    col(IndicatorObservation.sentence), col(Article.url),
)  # fmt: skip


def series(session: Session, portal_id: str, indicator: str, locality: str) -> list[SeriesPoint]:
    """Every observation of one indicator for one portal and locality, oldest first."""
    statement = (
        select(*_POINT_COLUMNS)
        .join(Article, col(Article.id) == col(IndicatorObservation.article_id))
        .where(
            col(IndicatorObservation.portal_id) == portal_id,
            col(IndicatorObservation.indicator) == indicator,
            col(IndicatorObservation.locality) == locality,
        )
        .order_by(col(IndicatorObservation.id))
    )
    return [SeriesPoint(*row) for row in session.execute(statement).all()]


def portal_series(session: Session, portal_id: str) -> dict[tuple[str, str], list[SeriesPoint]]:
    """Every series of one portal at once, keyed by (indicator, locality): one query where a
    batch of many articles would otherwise ask for each of its series in turn."""
    statement = (
        select(*_POINT_COLUMNS)
        .join(Article, col(Article.id) == col(IndicatorObservation.article_id))
        # Through the article's portal index: observations have no index on portal_id, and a
        # scan of them all for every portal batch would grow with the whole corpus.
        .where(col(Article.portal_id) == portal_id, col(IndicatorObservation.portal_id) == portal_id)
        .order_by(col(IndicatorObservation.id))
    )
    found: dict[tuple[str, str], list[SeriesPoint]] = {}
    for row in session.execute(statement).all():
        point = SeriesPoint(*row)
        found.setdefault((point.indicator, point.locality), []).append(point)
    return found


_PERSON_POST_KEY = ["person_slug", "post_slug", "article_id"]


def add_person_posts(session: Session, rows: Sequence[dict[str, Any]]) -> list[int | None]:
    """Store that an article names people with posts, in one statement: the new id of each
    row, in order (None where the row was there already, or repeats an earlier row of the
    list). Ids grow in the order given, as they would one insert at a time."""
    if not rows:
        return []
    table = PersonPost.__table__  # type: ignore[attr-defined]  # set by SQLModel on table classes
    key = (session.get_bind().dialect.name, table.name, tuple(_PERSON_POST_KEY), "person-post ids")
    statement = _STATEMENTS.get(key)
    if statement is None:
        statement = (
            insert_for(session, table)
            .on_conflict_do_nothing(index_elements=_PERSON_POST_KEY)
            .returning(table.c.id, *(table.c[name] for name in _PERSON_POST_KEY))
        )
        _STATEMENTS[key] = statement
    try:
        returned = session.execute(statement, list(rows)).all()
    except SQLAlchemyError as exc:
        raise StorageError(f"cannot store {table.name}: {exc.__class__.__name__}: {exc}") from exc
    new_ids = {tuple(row[1:]): row[0] for row in returned}
    ids: list[int | None] = []
    for row in rows:
        ids.append(new_ids.pop(tuple(row[name] for name in _PERSON_POST_KEY), None))
    return ids


# Built once: constructing the statement cost more than running it.
_PEOPLES_POSTS = (
    select(PersonPost, col(Article.url))
    .join(Article, col(Article.id) == col(PersonPost.article_id))
    .where(col(PersonPost.person_slug).in_(bindparam("people", expanding=True)))
    .order_by(col(PersonPost.published_at), col(PersonPost.id))
)


def person_posts(session: Session, person_slug: str) -> list[tuple[PersonPost, str]]:
    """Every post stored for a person, oldest first by publication, with the article URL."""
    return posts_of_people(session, [person_slug])[person_slug]


def posts_of_people(session: Session, person_slugs: Sequence[str]) -> dict[str, list[tuple[PersonPost, str]]]:
    """person_posts for many people in one query; a person with no post maps to []."""
    found: dict[str, list[tuple[PersonPost, str]]] = {person: [] for person in person_slugs}
    for post, url in session.execute(_PEOPLES_POSTS, {"people": sorted(found)}).all():
        found[post.person_slug].append((post, url))
    return found


def add_event(
    session: Session, *, type_: str, key: str, portal_id: str | None, payload: dict[str, Any],
    baseline: bool, now: datetime,
) -> Event | None:
    """Create the event with this key unless it exists; the new row, or None."""
    values = {
        "type": type_, "key": key, "portal_id": portal_id, "payload": payload,
        "baseline": baseline, "created_at": now,
    }
    created = add_events(session, [values])
    return created[0] if created else None


def add_events(session: Session, rows: Sequence[dict[str, Any]]) -> list[Event]:
    """Create many events in one statement, each unless its key exists (or repeats an earlier
    row's); the new rows, in the order given, as session objects. Rows hold add_event's values."""
    if not rows:
        return []
    found = _insert_entities(session, Event, ["key"], rows)
    order = {row["key"]: i for i, row in reversed(list(enumerate(rows)))}  # a key's first row
    return sorted(found, key=lambda event: order[event.key])
