"""`portalwatch serve`: register every deployment and run them from this one process.

The process polls the Prefect server for runs of its deployments (scheduled, triggered, or
started by hand from the UI) and runs each in a subprocess, at most `limit` at a time. Keep
`limit` at 2 or more: a fanning-out crawl-all holds one slot while its crawl-portal runs use
the others.
"""

from __future__ import annotations

import os
from pathlib import Path

from prefect import serve

from core.config import database_url
from core.errors import ConfigError
from deployments.definitions import build_deployments
from pipeline.settings import load_config
from storage.db import open_database

DATABASE_ENV = "PORTALWATCH_DATABASE_URL"


def serve_deployments(config_path: str | None, database: str | None, limit: int) -> None:
    """Validate config and database first (one-line errors), then serve until interrupted."""
    if limit < 1:
        raise ConfigError(f"--limit must be at least 1, not {limit}")
    config = load_config(config_path)
    absolute = str(Path(config_path).resolve()) if config_path else None
    open_database(database_url(database)).dispose()  # migrate now, not in the first run
    if database:
        # Runs are subprocesses of this one: they inherit the URL without it showing in the UI.
        os.environ[DATABASE_ENV] = database
    deployments = build_deployments(config, absolute)
    serve(*deployments, limit=limit)
