"""The dashboard application: read-only pages over the project database, one route per page."""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy.engine import Engine
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from core.errors import StorageError
from dashboard import pages_articles, pages_facts, pages_ops
from dashboard.params import BadInput
from dashboard.web import STATIC, DashboardState, Subscription, render


async def _bad_input(request: Request, exc: Exception) -> Response:
    return render(request, "error.html", 400, title="Yêu cầu không hợp lệ", message=str(exc))


async def _storage_error(request: Request, exc: Exception) -> Response:
    return render(request, "error.html", 404, title="Không tìm thấy", message=str(exc))


async def _http_error(request: Request, exc: Exception) -> Response:
    code = exc.status_code if isinstance(exc, HTTPException) else 500
    detail = exc.detail if isinstance(exc, HTTPException) else "lỗi"
    return render(request, "error.html", code, title=f"Lỗi {code}", message=str(detail))


ROUTES = [
    Route("/", pages_ops.overview, name="overview"),
    Route("/van-ban", pages_facts.directives, name="directives"),
    Route("/van-ban/chi-tiet", pages_facts.directive, name="directive"),
    Route("/chi-so", pages_facts.indicators, name="indicators"),
    Route("/chi-so/bieu-do", pages_facts.chart, name="chart"),
    Route("/bai-viet", pages_articles.articles, name="articles"),
    Route("/bai-viet/{article_id}", pages_articles.article, name="article"),
    Route("/canh-bao", pages_ops.alerts, name="alerts"),
    Route("/canh-bao/{delivery_id}/thu-lai", pages_ops.retry, methods=["POST"], name="retry"),
    Mount("/static", StaticFiles(directory=STATIC), name="static"),
]


def create_app(
    engine: Engine,
    *,
    allow_actions: bool = False,
    subscriptions: Sequence[Subscription] = (),
    search_refresh_seconds: float = 10.0,
    per_page: int = 25,
) -> Starlette:
    """The dashboard over `engine` (already migrated); actions (retry) only if `allow_actions`."""
    app = Starlette(
        routes=ROUTES,
        exception_handlers={BadInput: _bad_input, StorageError: _storage_error, HTTPException: _http_error},
    )
    app.state.dashboard = DashboardState(
        engine, allow_actions, list(subscriptions), search_refresh_seconds, per_page
    )
    return app
