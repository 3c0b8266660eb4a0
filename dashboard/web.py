"""Shared web plumbing: the Jinja2 environment (autoescape on), rendering, and app state."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from jinja2 import Environment, FileSystemLoader, select_autoescape
from sqlalchemy.engine import Engine
from starlette.requests import Request
from starlette.responses import HTMLResponse

from dashboard.charts import format_number
from dashboard.params import VN
from storage.db import session_scope
from storage.search import refresh_search
from storage.views import PER_PAGE

HERE = Path(__file__).parent
TEMPLATES = HERE / "templates"
STATIC = HERE / "static"


@dataclass(frozen=True)
class Subscription:
    """A configured subscription as the dashboard shows it: channel URLs already masked."""

    name: str
    channels: list[str]
    events: list[str]
    mode: str


@dataclass
class DashboardState:
    """What every page needs: the database, whether actions are allowed, the subscriptions."""

    engine: Engine
    allow_actions: bool = False
    subscriptions: list[Subscription] = field(default_factory=list)
    search_refresh_seconds: float = 10.0
    per_page: int = PER_PAGE
    _searched_at: float = -1e9
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def refresh_search(self, force: bool = False) -> None:
        """Fold newly crawled or edited articles, at most once every `search_refresh_seconds`."""
        with self._lock:
            now = time.monotonic()
            if not force and now - self._searched_at < self.search_refresh_seconds:
                return
            with session_scope(self.engine) as session:
                refresh_search(session)
            self._searched_at = now


def _dt(value: datetime | None) -> str:
    return value.astimezone(VN).strftime("%d/%m/%Y %H:%M") if value else "—"


def _day(value: datetime | date | None) -> str:
    if value is None:
        return "—"
    if isinstance(value, datetime):
        value = value.astimezone(VN).date()
    return value.strftime("%d/%m/%Y")


def _number(value: float | int | None) -> str:
    return "—" if value is None else format_number(float(value))


def make_environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["html", "xml"], default_for_string=True, default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(dt=_dt, day=_day, number=_number)
    return env


ENV = make_environment()


def with_query(request: Request, **changes: Any) -> str:
    """This page's URL with some query parameters replaced (None removes one)."""
    items = [(k, v) for k, v in request.query_params.multi_items() if k not in changes]
    items += [(k, str(v)) for k, v in changes.items() if v is not None]
    return request.url.path + ("?" + urlencode(items) if items else "")


def render(request: Request, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    state: DashboardState = request.app.state.dashboard
    html = ENV.get_template(template).render(
        request=request, with_query=lambda **c: with_query(request, **c),
        allow_actions=state.allow_actions, **context,
    )
    return HTMLResponse(html, status_code=status_code)


def state_of(request: Request) -> DashboardState:
    state: DashboardState = request.app.state.dashboard
    return state
