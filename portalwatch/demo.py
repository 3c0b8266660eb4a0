"""`portalwatch demo`: the bundled replay, crawled twice, on loopback, into a fresh database."""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

import yaml
from rich.markup import escape

from portalwatch.console import print_lines, print_reports, quiet_prefect, say


def demo_config(urls: dict[str, str], user_config: str | None) -> str:
    """The demo's portals; subscriptions and alert settings from the user's config, if given.

    With subscriptions configured, the demo's alerts really go out through those channels.
    """
    from deployments.replay import demo_config_text
    from pipeline.settings import load_config

    data = yaml.safe_load(demo_config_text(urls))
    if user_config:
        user = load_config(user_config)  # validated: a wrong key is one line, exit 2
        data["subscriptions"] = [s.model_dump(exclude_defaults=True) for s in user.subscriptions]
        data["alerts"] = user.alerts.model_dump(exclude_defaults=True)
        for sub in data["subscriptions"]:
            sub.pop("portals", None)  # the user's portal ids are not the replay's
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def run_demo(
    keep: Path | None = None,
    verbose: bool = False,
    config: str | None = None,
    database_url: str | None = None,
) -> None:
    """Baseline crawl of replay state v1, then a crawl of v2; print findings and alerts.

    Without --keep the temporary folder (config, SQLite file) is removed at the end, also when
    the demo fails; the last line says so, or where the kept files are.
    """
    quiet_prefect(verbose)
    started = time.monotonic()
    workdir = Path(keep) if keep else Path(tempfile.mkdtemp(prefix="portalwatch-demo-"))
    workdir.mkdir(parents=True, exist_ok=True)
    database = database_url
    if database is None:
        db_path = workdir / "demo.db"
        db_path.unlink(missing_ok=True)
        database = f"sqlite:///{db_path}"
    try:
        _crawl_twice(workdir, database, config)
    finally:
        if keep is None:
            shutil.rmtree(workdir, ignore_errors=True)
    say(f"\nDone in {time.monotonic() - started:.1f} s.")
    explore = f"portalwatch export directives --database-url {database}"
    dashboard = f"portalwatch ui --database-url {database}"
    if keep is not None:
        kept = "config and database" if database_url is None else "config"
        say(f"Kept the demo's {kept} in {workdir}.")
    elif database_url is not None:
        say(f"Removed the demo's temporary folder {workdir} (its config).")
    else:
        say(f"Removed the demo's temporary folder {workdir} (config and database); --keep DIR keeps them.")
        explore = "portalwatch demo --keep DIR, then portalwatch export directives --database-url sqlite:///DIR/demo.db"
        dashboard = "portalwatch ui --database-url sqlite:///DIR/demo.db (after --keep DIR)"
    say(f"Dashboard: {dashboard}", markup=False)
    say(f"Explore: {explore}", markup=False)


def _crawl_twice(workdir: Path, database: str, config: str | None) -> None:
    from alerts import console_lines
    from deployments.replay import ReplayServer
    from flows.ingest import crawl
    from portalwatch.summary import demo_findings

    with ReplayServer(state="v1") as replay:
        urls = replay.start()
        config_path = workdir / "demo.yaml"
        config_path.write_text(demo_config(urls, config), encoding="utf-8")
        say(f"[bold]portalwatch demo[/bold]: {len(urls)} replayed portals on loopback, database {escape(database)}")
        first = crawl(config_path=str(config_path), database=database)
        print_reports(first, title="1st crawl (state v1): the baseline, recorded but not alerted")
        replay.set_state("v2")
        second = crawl(config_path=str(config_path), database=database)
        print_reports(second, title="2nd crawl (state v2): what changed since")
    findings = demo_findings(database)
    print_lines("New directives", findings.directive_lines)
    print_lines("Indicator changes", findings.indicator_lines)
    if config:
        print_lines("Alerts sent or pending (see: portalwatch export alerts)", findings.delivery_lines)
    else:
        print_lines("Alerts (no subscription configured: printed here)", console_lines(findings.alert_events))
