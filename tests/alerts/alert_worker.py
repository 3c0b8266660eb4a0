"""A separate process that sends alerts, for crash and race tests (run as a script).

    alert_worker.py deliver DATABASE_URL CONFIG_YAML GO_FILE
        wait until GO_FILE exists, then run deliver_pending until nothing is left; print the totals
    alert_worker.py claim DATABASE_URL CONFIG_YAML COUNT
        claim COUNT due alerts like a worker does, say so, then hang (the test kills it)
"""

from __future__ import annotations

import json
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import yaml

from alerts import deliver_pending
from pipeline.settings import parse_config
from storage.db import open_database, session_scope
from storage.deliveries import claim_due


def deliver(url: str, config_path: str, go_file: str) -> None:
    engine = open_database(url)
    config = parse_config(yaml.safe_load(Path(config_path).read_text(encoding="utf-8")))
    print("ready", flush=True)
    while not Path(go_file).exists():
        time.sleep(0.005)
    totals = {"sent": 0, "failed": 0, "retried": 0, "runs": 0}
    while True:
        report = deliver_pending(engine, config, limit=50)
        totals["runs"] += 1
        for key in ("sent", "failed", "retried"):
            totals[key] += getattr(report, key)
        if report.sent + report.failed + report.retried == 0:
            break
    print(json.dumps(totals), flush=True)


def claim(url: str, config_path: str, count: int) -> None:
    engine = open_database(url)
    config = parse_config(yaml.safe_load(Path(config_path).read_text(encoding="utf-8")))
    now = datetime.now(UTC)
    with session_scope(engine) as session:
        claimed = claim_due(
            session, now=now, until=now + timedelta(seconds=config.alerts.claim_seconds), limit=count
        )
    print(json.dumps([c.id for c in claimed]), flush=True)
    time.sleep(120)


if __name__ == "__main__":
    command, *args = sys.argv[1:]
    if command == "deliver":
        deliver(*args)
    else:
        claim(args[0], args[1], int(args[2]))
