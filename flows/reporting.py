"""What every crawl run leaves behind: one log line per portal and a Markdown artifact."""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping, Sequence
from typing import Any

from prefect.artifacts import create_markdown_artifact

from pipeline.ingest import PortalReport
from pipeline.report import run_markdown

_NOT_KEY = re.compile(r"[^a-z0-9-]+")


def artifact_key(*parts: str) -> str:
    """Prefect artifact keys allow lower-case letters, digits and dashes only."""
    return _NOT_KEY.sub("-", "-".join(parts).lower()).strip("-")


def log_reports(logger: logging.Logger | logging.LoggerAdapter[Any], reports: Sequence[PortalReport]) -> None:
    """One line per portal; failures at warning level so they stand out in the UI."""
    for r in reports:
        level = logging.WARNING if r.status == "failed" else logging.INFO
        errors = f"; errors: {' | '.join(r.errors[:3])}" if r.errors else ""
        logger.log(
            level,
            "%s: %s%s, %d pages (%d not modified), %d new articles, %d edited, %d duplicates, "
            "%d new directives, %d indicator changes%s",
            r.portal_id, r.status, " (baseline)" if r.baseline else "", r.pages_fetched,
            r.not_modified, r.new_articles, r.edited_articles, r.duplicates, r.new_directives,
            r.indicator_changes, errors,
        )
        for notice in r.notices:
            logger.warning("%s: %s", r.portal_id, notice)


def publish_crawl_report(
    reports: Sequence[PortalReport],
    delivery: Mapping[str, int] | None,
    key: str,
    description: str,
    dashboard_url: str | None = None,
) -> None:
    """The run's Markdown table (pages, new articles, directives, indicator changes, errors),
    linked to the dashboard when its URL is configured."""
    create_markdown_artifact(
        key=artifact_key(key),
        markdown=run_markdown(reports, delivery, dashboard_url),
        description=description,
    )


def children_markdown(rows: Sequence[Mapping[str, str]]) -> str:
    """crawl-all's table when it fans out: one row per shard, its child run and final state
    (each shard run's own artifact has the per-portal table)."""
    lines = ["| shard | portals | flow run | state |", "|---|---|---|---|"]
    for row in rows:
        lines.append(f"| {row['shard']} | {row['portals']} | {row['flow_run_name']} | {row['state']} |")
    failed = [r["shard"] for r in rows if r["status"] != "ok"]
    lines += ["", f"{len(rows)} shards, {len(rows) - len(failed)} completed"
              + (f"; not completed: {', '.join(failed)}" if failed else "")]
    return "\n".join(lines)
