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


def start_crawl(config: str, database_url: str, *extra: str) -> subprocess.Popen[str]:
    env = {
        **os.environ, "PYTHONPATH": str(ROOT), "PORTALWATCH_PARSE_WORKERS": "0",
        # Each process starts its own temporary Prefect server; on a busy machine several of
        # them starting at once take longer than Prefect's 20 s default and the crawl dies.
        "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "150",
    }
    return subprocess.Popen(
        [str(PORTALWATCH), "crawl", "--config", config, "--database-url", database_url, *extra],
        cwd=ROOT, env=env, text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
