"""Indicator values → observations, and indicator.changed when a figure moves.

A series is (portal, indicator, locality); the indicator key is the dictionary's, whatever the
wording (parsers canonicalise it), or what an open figure counts. A bare unit ("ho", "xa") is
stored but never compared: "135 hộ" and "20 hộ" need not count the same households.

A value for a period the series already has, from another article, that differs is a
revision (`…:<period>:rev:<value>`). A value for a period
after the latest earlier one of the same kind (years with years, quarters with quarters)
that differs is a change (`…:<period>`). Only observations stored before this one count, so
a re-run computes the same events. An edited article whose figure changed is a revision too.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from functools import cache
from typing import Any

from sqlmodel import Session

from detect.context import ArticleContext
from detect.events import IndicatorChanged
from parsers.indicator_dictionary import IndicatorDictionary
from parsers.localities import attribute
from parsers.periods import period_sort_key
from parsers.types import IndicatorValue
from storage.facts import SeriesPoint, add_observations, portal_series, series, update_observation

_TOLERANCE = 1e-9


def detect_indicators(
    session: Session, ctx: ArticleContext, values: Iterable[IndicatorValue]
) -> list[IndicatorChanged]:
    """Store each value as an observation; indicator.changed where a figure moved (the caller
    stores the events: detect.emit).

    The article's observations go in with one statement; each is then compared with the
    observations of its series stored before it (lower ids), as if stored one at a time.
    """
    placed = [(value, _locality(value, ctx)) for value in values]
    rows = [_columns(ctx, value, locality) for value, locality in placed]
    created = add_observations(session, rows)
    for (value, locality), columns in zip(placed, rows, strict=True):
        new_id = created.pop((ctx.article_id, value.indicator, locality, columns["period"]), None)
        _remember(session, (ctx.portal_id, value.indicator, locality), columns, new_id, ctx.url)
    events: list[IndicatorChanged] = []
    for value, locality in placed:
        if not value.period:
            continue
        points = _series(session, ctx.portal_id, value.indicator, locality)
        mine = next(
            (p for p in points if p.article_id == ctx.article_id and p.period == value.period), None
        )
        if mine is None:
            continue
        if not _same(mine.value, value.value):
            events.append(_edited(session, ctx, mine, value, locality))
            continue
        if not _comparable(value.indicator):
            continue  # "135 hộ" then "20 hộ": a bare unit does not say the same thing was counted
        earlier = [p for p in points if p.id < mine.id]
        change = _change(mine, earlier)
        if change is not None:
            events.append(_event(ctx, mine, *change, locality))
    return events


# A series read once per transaction and kept up to date as this writer adds to it: one
# query per (portal, indicator, locality) and portal batch, not one per figure, so a portal of
# many articles reporting the same indicator costs linear, not quadratic, time. Within the
# batch's transaction no other writer adds to this portal's series (its shard owns the portal).
_SERIES = "portalwatch.detect.series"
SeriesKey = tuple[str, str, str]


_WHOLE = "portalwatch.detect.whole-portals"


def preload_portal_series(session: Session, portal_id: str) -> None:
    """Read every series of a portal into this transaction's cache in one query; a series it
    lacks is then known to be empty. For a batch of many articles of one portal."""
    cache: dict[SeriesKey, list[SeriesPoint]] = session.info.setdefault(_SERIES, {})
    for (indicator, locality), points in portal_series(session, portal_id).items():
        cache[(portal_id, indicator, locality)] = points
    session.info.setdefault(_WHOLE, set()).add(portal_id)


def _series(session: Session, portal_id: str, indicator: str, locality: str) -> list[SeriesPoint]:
    cache: dict[SeriesKey, list[SeriesPoint]] = session.info.setdefault(_SERIES, {})
    key = (portal_id, indicator, locality)
    if key not in cache:
        whole = portal_id in session.info.get(_WHOLE, ())
        cache[key] = [] if whole else series(session, portal_id, indicator, locality)
    return cache[key]


def _remember(
    session: Session, key: SeriesKey, columns: dict[str, Any], new_id: int | None, url: str
) -> None:
    """Add a just-stored observation to its cached series; forget the series when the row
    existed already (a re-run): it is read again when next needed."""
    cache: dict[SeriesKey, list[SeriesPoint]] = session.info.get(_SERIES, {})
    whole = key[0] in session.info.get(_WHOLE, ())
    if key not in cache and not whole:
        return
    if new_id is None:
        cache.pop(key, None)
        if whole:
            session.info[_WHOLE].discard(key[0])  # an existing row: read series one by one again
    else:
        cache.setdefault(key, []).append(_point(new_id, columns, url))


def _point(new_id: int, columns: dict[str, Any], url: str) -> SeriesPoint:
    return SeriesPoint(
        new_id,
        columns["article_id"],
        columns["indicator"],
        columns["locality"],
        columns["label"],
        columns["value"],
        columns["unit"],
        columns["period"],
        columns["sentence"],
        url,
    )


def _comparable(indicator: str) -> bool:
    """Whether two values under this key count the same thing: a dictionary indicator, or an
    open key of two words or more ("cay-que", "luot-cong-dan"); not a bare unit ("ho", "xa")."""
    return "-" in indicator or indicator in _dictionary_keys()


@cache
def _dictionary_keys() -> frozenset[str]:
    return frozenset(d.key for d in IndicatorDictionary.builtin().definitions)


def _edited(
    session: Session,
    ctx: ArticleContext,
    mine: SeriesPoint,
    value: IndicatorValue,
    locality: str,
) -> IndicatorChanged:
    """The article was edited and now reports another figure: update it; its revision event."""
    before = replace(mine)
    update_observation(
        session, mine.id, {"value": value.value, "sentence": value.sentence, "raw": value.raw}
    )
    mine.value, mine.sentence = value.value, value.sentence
    return _event(ctx, mine, before, ctx.url, True, locality)


def _locality(value: IndicatorValue, ctx: ArticleContext) -> str:
    """The value's locality, with the portal's own unit written as the portal's locality."""
    return attribute(value.locality or None, ctx.locality) or ""


def _columns(ctx: ArticleContext, value: IndicatorValue, locality: str) -> dict[str, Any]:
    return {
        "article_id": ctx.article_id,
        "portal_id": ctx.portal_id,
        "locality": locality,
        "indicator": value.indicator,
        "label": value.label,
        "value": value.value,
        "unit": value.unit,
        "period": value.period or "",
        "sentence": value.sentence,
        "raw": value.raw,
        "published_at": ctx.published_at,
        "observed_at": ctx.now,
    }


def _same(a: float, b: float) -> bool:
    return abs(a - b) <= _TOLERANCE * max(1.0, abs(a), abs(b))


def _change(mine: SeriesPoint, earlier: list[SeriesPoint]) -> tuple[SeriesPoint, str, bool] | None:
    """(previous observation, its URL, is-revision) when `mine` differs from it."""
    same_period = [p for p in earlier if p.period == mine.period]
    if same_period:
        last = same_period[-1]
        return None if _same(last.value, mine.value) else (last, last.url, True)
    family, position = period_sort_key(mine.period)
    before = [
        p
        for p in earlier
        if p.period
        and period_sort_key(p.period)[0] == family
        and period_sort_key(p.period)[1] < position
    ]
    if not before:
        return None
    latest = max(before, key=lambda p: (period_sort_key(p.period)[1], p.id))
    return None if _same(latest.value, mine.value) else (latest, latest.url, False)


def _event(
    ctx: ArticleContext,
    mine: SeriesPoint,
    old: SeriesPoint,
    old_url: str,
    revision: bool,
    locality: str,
) -> IndicatorChanged:
    return IndicatorChanged(
        portal_id=ctx.portal_id,
        locality=locality,
        indicator=mine.indicator,
        label=mine.label,
        unit=mine.unit,
        period=mine.period,
        new_value=mine.value,
        old_period=old.period,
        old_value=old.value,
        revision=revision,
        article_url=ctx.url,
        article_title=ctx.title,
        old_article_url=old_url,
        sentence=mine.sentence,
        old_sentence=old.sentence,
        published_at=ctx.published_iso,
    )
