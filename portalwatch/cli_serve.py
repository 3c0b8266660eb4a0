"""The `portalwatch serve` command (mounted by portalwatch.cli)."""

from __future__ import annotations

from typing import Annotated

import typer


def serve_command(
    config: Annotated[
        str | None,
        typer.Option("--config", help="Config YAML (default: $PORTALWATCH_CONFIG or deployments/portals.yaml)."),
    ] = None,
    database_url: Annotated[
        str | None,
        typer.Option("--database-url", help="Database URL (default: $PORTALWATCH_DATABASE_URL or sqlite:///portalwatch.db)."),
    ] = None,
    limit: Annotated[
        int, typer.Option("--limit", min=1, help="Flow runs at once in this process (2 or more for crawl-all's fan-out).")
    ] = 4,
) -> None:
    """Register the Prefect deployments with their schedules and serve them, so the UI can run them."""
    from deployments.serve import serve_deployments

    serve_deployments(config, database_url, limit)


def main() -> None:
    """`python -m portalwatch.cli_serve …`: the same command, before or without the main CLI."""
    import sys

    from portalwatch.console import run_app

    app = typer.Typer(add_completion=False, pretty_exceptions_enable=False)
    app.command()(serve_command)
    sys.exit(run_app(app))  # usage errors exit 2, configuration 2, anything else 1


if __name__ == "__main__":
    main()
