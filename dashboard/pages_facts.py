"""Văn bản (directive timeline and mentions) and Chỉ số (indicator series and their charts)."""

from __future__ import annotations

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from dashboard import params
from dashboard.charts import mark_changes, period_key, series_svg
from dashboard.web import render, state_of
from storage.db import session_scope
from storage.views_facts import (
    DirectiveFilter,
    directive_by_code,
    directive_mentions,
    directive_timeline,
    facets,
    indicator_names,
    indicator_series,
    localities_of,
    series_points,
)


def directives(request: Request) -> Response:
    q = request.query_params
    f = DirectiveFilter(
        issuer=params.text(q, "issuer"), doc_type=params.text(q, "doc_type"),
        portal=params.text(q, "portal"), locality=params.text(q, "locality"),
        since=params.day(q, "since"), until=params.day(q, "until", end=True),
    )
    with session_scope(state_of(request).engine) as session:
        rows = directive_timeline(session, f, params.page(q), state_of(request).per_page)
        choices = facets(session)
    return render(request, "directives.html", title="Văn bản", nav="directives", rows=rows, f=f,
                  facets=choices, q=q)


def directive(request: Request) -> Response:
    code = params.text(request.query_params, "code")
    if not code:
        raise params.BadInput("code: thiếu số, ký hiệu văn bản (ví dụ 17-NQ/HU)")
    with session_scope(state_of(request).engine) as session:
        found = directive_by_code(session, code)
        if found is None or found.id is None:
            raise HTTPException(404, f"Không có văn bản {code}")
        mentions = directive_mentions(session, found.id, params.page(request.query_params), state_of(request).per_page)
    return render(request, "directive.html", title=found.code, nav="directives", d=found, mentions=mentions)


def indicators(request: Request) -> Response:
    q = request.query_params
    indicator, locality = params.text(q, "indicator"), params.text(q, "locality")
    with session_scope(state_of(request).engine) as session:
        rows = indicator_series(
            session, indicator=indicator, locality=locality, page=params.page(q), per_page=state_of(request).per_page
        )
        names = indicator_names(session)
        choices = facets(session)
    return render(request, "indicators.html", title="Chỉ số", nav="indicators", rows=rows, names=names,
                  indicator=indicator, locality=locality, facets=choices)


def chart(request: Request) -> Response:
    q = request.query_params
    indicator = params.text(q, "indicator")
    if not indicator:
        raise params.BadInput("indicator: thiếu mã chỉ số")
    chosen = [v for v in q.getlist("locality") if v.strip()]
    with session_scope(state_of(request).engine) as session:
        available = localities_of(session, indicator)
        if not available:
            raise HTTPException(404, f"Không có chỉ số {indicator}")
        unknown = [loc for loc in chosen if loc not in available]
        if unknown:
            raise params.BadInput(f"locality: {indicator} không có số liệu ở {unknown[0]!r}")
        points = series_points(session, indicator, chosen or available[:1])
    marked = mark_changes(points)
    marked.sort(key=lambda c: (c.point.locality, period_key(c.point.period)))
    label = points[0].label if points else indicator
    return render(request, "chart.html", title=label, nav="indicators", indicator=indicator, label=label,
                  available=available, chosen=chosen or available[:1], points=marked, svg=series_svg(marked))
