"""Running `portalwatch crawl` as operators do: a subprocess with --config and --database-url."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parents[2]
PORTALWATCH = Path(sys.executable).with_name("portalwatch")


def write_config(path: Path, data: dict[str, Any]) -> str:
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return str(path)


def start_crawl(
    config: str, database_url: str, *extra: str, prefect_home: Path | None = None
) -> subprocess.Popen[str]:
    """`portalwatch crawl` in a subprocess. Each such process starts a temporary Prefect server
    on PREFECT_HOME's own SQLite database: several first starts on one home race on Prefect's
    migrations, and on a busy machine take longer than Prefect's 20 s default. `prefect_home`
    gives the process a home of its own; the startup timeout is raised for all."""
    env = {
        **os.environ, "PYTHONPATH": str(ROOT), "PORTALWATCH_PARSE_WORKERS": "0",
        "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "150",
    }
    if prefect_home is not None:
        env["PREFECT_HOME"] = str(prefect_home)
    return subprocess.Popen(
        [str(PORTALWATCH), "crawl", "--config", config, "--database-url", database_url, *extra],
        cwd=ROOT, env=env, text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
