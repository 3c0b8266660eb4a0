"""Bài viết: tone-insensitive search with filters; an article with versions, diff, duplicates."""

from __future__ import annotations

from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response

from dashboard import params
from dashboard.web import render, state_of
from storage.db import session_scope
from storage.views_articles import ArticleFilter, article_detail, article_diff, search_articles
from storage.views_facts import facets


def articles(request: Request) -> Response:
    q = request.query_params
    state = state_of(request)
    f = ArticleFilter(
        query=params.text(q, "q") or "", portal=params.text(q, "portal"),
        since=params.day(q, "since"), until=params.day(q, "until", end=True),
        duplicates=params.flag(q, "duplicates"),
    )
    if f.query:
        state.refresh_search()
    with session_scope(state.engine) as session:
        rows = search_articles(session, f, params.page(q), state.per_page)
        choices = facets(session)
    return render(request, "articles.html", title="Bài viết", nav="articles", rows=rows, f=f, facets=choices, q=q)


def article(request: Request) -> Response:
    q = request.query_params
    article_id = params.integer(request.path_params["article_id"], "article_id")
    with session_scope(state_of(request).engine) as session:
        detail = article_detail(session, article_id)
        if detail is None:
            raise HTTPException(404, f"Không có bài viết #{article_id}")
        diff = None
        a, b = params.text(q, "a"), params.text(q, "b")
        if a and b:
            diff = article_diff(session, article_id, params.integer(a, "a"), params.integer(b, "b"))
    target = params.text(q, "obs")
    return render(request, "article.html", title=detail.article.title, nav="articles", d=detail,
                  diff=diff, a=a, b=b, target=int(target) if target and target.isdigit() else None)
