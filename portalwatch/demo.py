"""`portalwatch demo`: the bundled replay, crawled twice, on loopback, into a fresh SQLite file."""

from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

from portalwatch.console import console, print_lines, print_reports


def _quiet_prefect(verbose: bool) -> None:
    if not verbose:
        os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
        os.environ.setdefault("PREFECT_LOGGING_LOG_PRINTS", "false")
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")


def run_demo(keep: Path | None = None, verbose: bool = False) -> None:
    """Baseline crawl of replay state v1, then a crawl of v2; print findings and alerts."""
    _quiet_prefect(verbose)
    from alerts import console_lines
    from deployments.replay import ReplayServer, demo_config_text
    from flows.ingest import crawl
    from portalwatch.summary import demo_findings

    started = time.monotonic()
    workdir = Path(keep) if keep else Path(tempfile.mkdtemp(prefix="portalwatch-demo-"))
    workdir.mkdir(parents=True, exist_ok=True)
    db_path = workdir / "demo.db"
    db_path.unlink(missing_ok=True)
    database = f"sqlite:///{db_path}"
    with ReplayServer(state="v1") as replay:
        urls = replay.start() if not getattr(replay, "urls", None) else replay.urls
        config_path = workdir / "demo.yaml"
        config_path.write_text(demo_config_text(urls), encoding="utf-8")
        console.print(f"[bold]portalwatch demo[/bold]: {len(urls)} replayed portals on loopback, database {db_path}")
        first = crawl(config_path=str(config_path), database=database)
        print_reports(first, title="1st crawl (state v1): the baseline, recorded but not alerted")
        replay.set_state("v2")
        second = crawl(config_path=str(config_path), database=database)
        print_reports(second, title="2nd crawl (state v2): what changed since")
    findings = demo_findings(database)
    print_lines("New directives", findings.directive_lines)
    print_lines("Indicator changes", findings.indicator_lines)
    print_lines("Alerts (no subscription configured: printed here)", console_lines(findings.alert_events))
    console.print(
        f"\nDone in {time.monotonic() - started:.1f} s. Explore: "
        f"portalwatch export directives --database-url {database}"
    )
