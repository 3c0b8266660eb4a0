"""`portalwatch alerts …` (test a channel, send what is due) and `portalwatch subscribe …`.

Channel URLs are printed masked only: secrets never reach the terminal or a log.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import UTC, datetime
from enum import StrEnum
from typing import Annotated

import typer

from core.errors import ConfigError, PortalwatchError
from portalwatch.console import print_error

alerts_app = typer.Typer(
    help="Alert channels: send a test message, send the alerts and digests that are due.",
    no_args_is_help=True,
)
subscribe_app = typer.Typer(
    help="Subscriptions in the configuration file: add, list, remove (comments in the file are kept).",
    no_args_is_help=True,
)

ConfigOpt = Annotated[
    str | None,
    typer.Option("--config", help="Config YAML (default: $PORTALWATCH_CONFIG or deployments/portals.yaml)."),
]
DatabaseOpt = Annotated[
    str | None,
    typer.Option("--database-url", help="Database URL (default: $PORTALWATCH_DATABASE_URL or sqlite:///portalwatch.db)."),
]


class Mode(StrEnum):
    immediate = "immediate"
    digest = "digest"


class Format(StrEnum):
    text = "text"
    markdown = "markdown"
    html = "html"


def _fail(error: PortalwatchError) -> None:
    print_error(error)
    raise typer.Exit(2 if isinstance(error, ConfigError) else 1)


def _templates_dir(config: str | None) -> str | None:
    """The configured template folder; without --config a missing default file is no error."""
    from core.config import config_path
    from pipeline.settings import load_config

    if config is None and not config_path().exists():
        return None
    return load_config(config).alerts.templates_dir


@alerts_app.command("test")
def test_channel(
    url: Annotated[str, typer.Argument(help="An Apprise URL, e.g. mailtos://…, tgram://…, zalo://…")],
    format: Annotated[Format | None, typer.Option("--format", help="Message format (default: the service's own).")] = None,
    config: ConfigOpt = None,
    database_url: DatabaseOpt = None,
) -> None:
    """Send a test message to URL and say whether the service accepted it."""
    from alerts.channels import Channel
    from alerts.render import render_test

    try:
        channel = Channel.open(url)
        fmt = format.value if format else channel.fmt
        message = render_test(fmt, now=datetime.now(UTC), templates_dir=_templates_dir(config))
        channel.send(message)
    except PortalwatchError as exc:
        typer.echo(f"NOT accepted: {exc}", err=True)
        raise typer.Exit(1) from None
    typer.echo(
        f"accepted: {channel.masked} took the test message ({fmt}). "
        "Whether it reached the recipient is up to that service: check the inbox or chat."
    )


@alerts_app.command("send")
def send_due(
    limit: Annotated[int, typer.Option(help="At most this many immediate alerts in this run.")] = 500,
    config: ConfigOpt = None,
    database_url: DatabaseOpt = None,
) -> None:
    """Send the immediate alerts and the daily digests that are due (what the notify flow does)."""
    from alerts import deliver_pending, send_digests
    from core.config import database_url as resolve_db
    from pipeline.settings import load_config
    from storage.db import open_database

    try:
        app_config = load_config(config)
        engine = open_database(resolve_db(database_url))
        immediate = deliver_pending(engine, app_config, limit=limit)
        digests = send_digests(engine, app_config)
    except PortalwatchError as exc:
        _fail(exc)
        return
    for label, report in (("immediate", immediate), ("digests", digests)):
        typer.echo(f"{label}: " + ", ".join(f"{k} {v}" for k, v in asdict(report).items()))
    if immediate.failed or digests.failed:
        raise typer.Exit(1)


@subscribe_app.command("add")
def subscribe_add(
    name: Annotated[str, typer.Argument(help="Subscription name (letters, digits, . _ -).")],
    url: Annotated[list[str], typer.Option("--url", help="Apprise URL (repeatable).")],
    event: Annotated[list[str] | None, typer.Option("--event", help="directive.new, indicator.changed, article.new (repeatable).")] = None,
    portal: Annotated[list[str] | None, typer.Option("--portal", help="Only these portal ids (repeatable).")] = None,
    locality: Annotated[list[str] | None, typer.Option("--locality", help="Only these localities (repeatable).")] = None,
    doc_type: Annotated[list[str] | None, typer.Option("--doc-type", help="Directive types, e.g. NQ or 'Chỉ thị' (repeatable).")] = None,
    indicator: Annotated[list[str] | None, typer.Option("--indicator", help="Indicator keys or label words (repeatable).")] = None,
    keyword: Annotated[list[str] | None, typer.Option("--keyword", help="Keywords, tone marks optional (repeatable).")] = None,
    mode: Annotated[Mode, typer.Option(help="immediate, or one digest a day.")] = Mode.immediate,
    digest_time: Annotated[str, typer.Option(help="HH:MM, Vietnam time, for digests.")] = "17:00",
    alert_history: Annotated[bool, typer.Option(help="Also alert on a portal's first (baseline) crawl.")] = False,
    config: ConfigOpt = None,
    database_url: DatabaseOpt = None,
) -> None:
    """Add a subscription to the configuration file (validated first; comments kept)."""
    from alerts.configfile import add_subscription
    from alerts.masking import mask_url
    from core.config import config_path

    fields = {
        "name": name, "urls": url, "portals": portal or [], "localities": locality or [],
        "doc_types": doc_type or [], "indicators": indicator or [], "keywords": keyword or [],
        "mode": mode.value, "digest_time": digest_time, "alert_history": alert_history,
    }
    if event:
        fields["events"] = event
    path = config_path(config)
    try:
        sub = add_subscription(path, fields)
    except PortalwatchError as exc:
        _fail(exc)
        return
    channels = ", ".join(mask_url(u) for u in sub.urls)
    typer.echo(f"added subscription {sub.name!r} to {path}: {', '.join(sub.events)} → {channels}")


@subscribe_app.command("list")
def subscribe_list(config: ConfigOpt = None, database_url: DatabaseOpt = None) -> None:
    """List the subscriptions (channel URLs masked) and, if the database exists, their alerts by status."""
    from alerts.masking import mask_url
    from pipeline.settings import load_config

    try:
        app_config = load_config(config)
        counts = _delivery_counts(database_url)
    except PortalwatchError as exc:
        _fail(exc)
        return
    if not app_config.subscriptions:
        typer.echo("no subscriptions")
    for sub in app_config.subscriptions:
        when = f"digest at {sub.digest_time}" if sub.mode == "digest" else "immediate"
        filters = [
            f"{key}: {', '.join(getattr(sub, key))}"
            for key in ("portals", "localities", "doc_types", "indicators", "keywords")
            if getattr(sub, key)
        ]
        status = counts.get(sub.name)
        typer.echo(f"{sub.name} ({when}{', with history' if sub.alert_history else ''}): {', '.join(sub.events)}")
        for line in [*filters, *(f"→ {mask_url(u)}" for u in sub.urls)]:
            typer.echo(f"    {line}")
        if status:
            typer.echo("    alerts: " + ", ".join(f"{k} {v}" for k, v in sorted(status.items())))


def _delivery_counts(database_url: str | None) -> dict[str, dict[str, int]]:
    """Alerts per subscription and status; empty when the SQLite file does not exist yet."""
    from pathlib import Path

    from core.config import database_url as resolve_db
    from storage.db import open_database, session_scope
    from storage.deliveries import status_counts

    url = resolve_db(database_url)
    if url.startswith("sqlite:///") and not Path(url.removeprefix("sqlite:///")).exists():
        return {}
    engine = open_database(url)
    with session_scope(engine) as session:
        return status_counts(session)


@subscribe_app.command("remove")
def subscribe_remove(
    name: Annotated[str, typer.Argument(help="The subscription to remove.")],
    config: ConfigOpt = None,
    database_url: DatabaseOpt = None,
) -> None:
    """Remove a subscription from the configuration file (its unsent alerts are then dropped as failed)."""
    from alerts.configfile import remove_subscription
    from core.config import config_path

    path = config_path(config)
    try:
        remove_subscription(path, name)
    except PortalwatchError as exc:
        _fail(exc)
        return
    typer.echo(f"removed subscription {name!r} from {path}")
