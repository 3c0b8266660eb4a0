"""`portalwatch ui`: the read-only web dashboard over the project database."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

if TYPE_CHECKING:
    from dashboard import Subscription

ConfigOpt = Annotated[
    str | None, typer.Option("--config", help="Config YAML, for the subscriptions shown on Cảnh báo (optional).")
]
DatabaseOpt = Annotated[
    str | None, typer.Option("--database-url", help="Database URL (default: $PORTALWATCH_DATABASE_URL or sqlite:///portalwatch.db).")
]


def _subscriptions(config: str | None) -> list[Subscription]:
    """Configured subscriptions with masked channels; none when no config file is there.

    An explicit --config that is missing or wrong is an error; the default path may be absent.
    """
    from alerts.masking import mask_url
    from core.config import config_path  # pydantic: imported only when the command runs
    from dashboard import Subscription
    from pipeline.settings import load_config

    if config is None and not config_path(None).exists():
        return []
    loaded = load_config(config)
    return [
        Subscription(s.name, [mask_url(u) for u in s.urls], list(s.events), s.mode)
        for s in loaded.subscriptions
    ]


def ui_command(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.", min=1, max=65535)] = 8080,
    allow_actions: Annotated[bool, typer.Option("--allow-actions", help="Show the retry button on Cảnh báo.")] = False,
    config: ConfigOpt = None,
    database_url: DatabaseOpt = None,
) -> None:
    """Serve the web dashboard (Tổng quan, Văn bản, Chỉ số, Bài viết, Cảnh báo); read-only by default."""
    import uvicorn

    from core.config import database_url as resolve_db
    from dashboard import create_app
    from storage.db import open_database

    subscriptions = _subscriptions(config)
    engine = open_database(resolve_db(database_url))
    app = create_app(engine, allow_actions=allow_actions, subscriptions=subscriptions)
    typer.echo("portalwatch ui: folding new or edited articles for search (the first start takes ~20 s per 100,000)")
    app.state.dashboard.refresh_search(force=True)
    typer.echo(f"portalwatch ui: http://{host}:{port}/ ({'actions allowed' if allow_actions else 'read-only'}); Ctrl+C to stop")
    uvicorn.run(app, host=host, port=port, log_level="warning")
