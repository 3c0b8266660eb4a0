"""The `portalwatch` commands (Typer). Every command exits non-zero with a one-line reason on error.

Started through `portalwatch.cli.main`, which runs a plain `portalwatch parse` without this app.
"""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Iterable
from datetime import date, datetime
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any
from zoneinfo import ZoneInfo

import typer

from core.errors import ConfigError
from core.version import __version__
from portalwatch.cli_parse import json_default, write_records
from portalwatch.console import print_error, quiet_prefect, run_app

VN = ZoneInfo("Asia/Ho_Chi_Minh")

app = typer.Typer(
    help="Watch Vietnamese government and Party-committee portals.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)
db_app = typer.Typer(help="Database maintenance.", no_args_is_help=True)
app.add_typer(db_app, name="db")

ConfigOpt = Annotated[
    str | None, typer.Option("--config", help="Config YAML (default: $PORTALWATCH_CONFIG or deployments/portals.yaml).")
]
DatabaseOpt = Annotated[
    str | None, typer.Option("--database-url", help="Database URL (default: $PORTALWATCH_DATABASE_URL or sqlite:///portalwatch.db).")
]


def fail(message: str, code: int = 1) -> None:
    print_error(message)
    raise typer.Exit(code)


@app.command()
def parse(
    sources: Annotated[list[str], typer.Argument(help="HTML files (.gz too) or http(s) URLs.")],
    url: Annotated[str | None, typer.Option(help="The page's URL, when parsing one saved file.")] = None,
    profile: Annotated[str, typer.Option(help="CMS profile name, or auto.")] = "auto",
    config: ConfigOpt = None,
    database_url: DatabaseOpt = None,
) -> None:
    """Extract each page and print one JSON object a line (no Prefect, no database).

    Records come in input order; many files are parsed in worker processes.
    A URL is fetched and parsed as the crawl does, with the profile and
    locality of its portal in --config (or the default configuration).
    --database-url is not read.
    """
    write_records(sources, url, profile, config)


@app.command()
def crawl(
    portal: Annotated[list[str] | None, typer.Option("--portal", help="Portal id (repeatable); default all.")] = None,
    force_refetch: Annotated[bool, typer.Option(help="Ignore validators and known URLs.")] = False,
    dry_run: Annotated[bool, typer.Option(help="Store and detect, send no alert now.")] = False,
    verbose: Annotated[bool, typer.Option(help="Show Prefect's logs.")] = False,
    config: ConfigOpt = None,
    database_url: DatabaseOpt = None,
) -> None:
    """One run of the ingestion flow for all or the named portals."""
    quiet_prefect(verbose)
    from core.config import config_path
    from pipeline.settings import load_config

    app_config = load_config(config)  # fail fast, before Prefect starts
    for portal_id in portal or []:
        try:
            app_config.portal(portal_id)  # an unknown id is one line, not a flow run's traceback
        except ConfigError as exc:
            raise ConfigError(f"{config_path(config)}: {exc}") from None
    from flows.ingest import crawl as crawl_flow
    from portalwatch.console import print_reports

    reports = crawl_flow(
        portal_ids=portal or None, force_refetch=force_refetch, dry_run=dry_run,
        config_path=config, database=database_url,
    )
    print_reports(reports)
    if reports and all(r["status"] == "failed" for r in reports):
        fail(_failure_reason(reports))


def _failure_reason(reports: list[dict[str, Any]]) -> str:
    """The last line of a crawl where nothing worked: the first error, on stderr too."""
    first = next((r for r in reports if r.get("errors")), None)
    reason = f"every portal failed; {first['portal_id']}: {first['errors'][0]}" if first else "every portal failed"
    more = sum(len(r.get("errors") or []) for r in reports) - (1 if first else 0)
    return reason + (f" (and {more} more error{'s' if more > 1 else ''} above)" if more else "")


class ExportKind(StrEnum):
    articles = "articles"
    directives = "directives"
    indicators = "indicators"
    events = "events"
    alerts = "alerts"


class ExportFormat(StrEnum):
    jsonl = "jsonl"
    csv = "csv"
    xlsx = "xlsx"


@app.command()
def export(
    kind: Annotated[ExportKind, typer.Argument(help="What to export.")],
    format: Annotated[ExportFormat, typer.Option("--format", help="jsonl, csv, or xlsx (indicators, directives).")] = ExportFormat.jsonl,
    since: Annotated[str | None, typer.Option(help="Only records since this date (YYYY-MM-DD, Asia/Ho_Chi_Minh).")] = None,
    output: Annotated[str | None, typer.Option("--output", help="xlsx: write to this file (else stdout, if redirected).")] = None,
    config: ConfigOpt = None,
    database_url: DatabaseOpt = None,
) -> None:
    """Print one record a line on stdout."""
    from core.config import database_url as resolve_db
    from storage.db import open_database, session_scope
    from storage.exports import export_records

    start = None
    if since:
        try:
            start = datetime.combine(date.fromisoformat(since), datetime.min.time(), VN)
        except ValueError:
            fail(f"--since: not a date (YYYY-MM-DD): {since!r}", 2)
    engine = open_database(resolve_db(database_url))
    if format is ExportFormat.xlsx:
        from portalwatch.xlsx import export_xlsx

        with session_scope(engine) as session:
            export_xlsx(export_records(session, kind.value, start), kind.value, output)
        return
    with session_scope(engine) as session:
        written = _write_records(export_records(session, kind.value, start), format)
    if not written:
        # stdout stays empty (a valid, empty JSON Lines or CSV file); the notice goes to stderr.
        typer.echo(f"0 records: no {kind.value}{f' since {since}' if since else ''} in the database", err=True)


def _write_records(records: Iterable[dict[str, Any]], format: ExportFormat) -> int:
    """Stream the records to stdout; how many there were."""
    count = 0
    if format is ExportFormat.jsonl:
        for record in records:
            sys.stdout.write(json.dumps(record, ensure_ascii=False, default=json_default) + "\n")
            count += 1
        return count
    writer: csv.DictWriter[str] | None = None
    for record in records:
        count += 1
        flat = {k: json.dumps(v, ensure_ascii=False) if isinstance(v, dict | list) else v for k, v in record.items()}
        if writer is None:
            writer = csv.DictWriter(sys.stdout, fieldnames=list(flat))
            writer.writeheader()
        writer.writerow(flat)
    return count


@app.command()
def demo(
    keep: Annotated[Path | None, typer.Option(help="Keep the demo database and config in this folder.")] = None,
    verbose: Annotated[bool, typer.Option(help="Show Prefect's logs.")] = False,
    config: Annotated[
        str | None, typer.Option("--config", help="Take subscriptions (and alert settings) from this config: the demo's alerts then really go out.")
    ] = None,
    database_url: Annotated[
        str | None, typer.Option("--database-url", help="An empty database for the demo (default: a fresh SQLite file).")
    ] = None,
) -> None:
    """Crawl the bundled portal replay twice (baseline, then a later state) and show what changed."""
    from portalwatch.demo import run_demo

    run_demo(keep=keep, verbose=verbose, config=config, database_url=database_url)


@db_app.command("upgrade")
def db_upgrade(database_url: DatabaseOpt = None, config: ConfigOpt = None) -> None:
    """Apply database migrations (every other command does this on first use)."""
    from core.config import database_url as resolve_db
    from storage.db import make_engine, upgrade

    url = resolve_db(database_url)
    upgrade(make_engine(url))
    typer.echo("database is up to date")


def _mount_subcommands() -> None:
    """Sub-commands that live in modules of their own."""
    from portalwatch.cli_alerts import alerts_app, subscribe_app
    from portalwatch.cli_serve import serve_command
    from portalwatch.cli_ui import ui_command

    app.command("serve")(serve_command)
    app.command("ui")(ui_command)
    app.add_typer(alerts_app, name="alerts")
    app.add_typer(subscribe_app, name="subscribe")


_mount_subcommands()


def _print_version(value: bool) -> None:
    if value:
        typer.echo(__version__)
        raise typer.Exit()


@app.callback()
def _root(
    version: Annotated[
        bool, typer.Option("--version", callback=_print_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    """Watch Vietnamese government and Party-committee portals."""


def main() -> None:
    """Entry point: exit 2 for configuration and usage errors, 1 for everything else.

    The reason is the last line on stderr (a configuration error lists every problem first).
    """
    sys.exit(run_app(app))
