"""Human-readable summaries of a crawl: the Prefect artifact's Markdown table."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from pipeline.ingest import PortalReport


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def run_markdown(reports: Sequence[PortalReport], delivery: Mapping[str, int] | None = None) -> str:
    """One row per portal: pages, new articles, new directives, indicator changes, errors."""
    lines = [
        "| portal | status | pages | 304 | new articles | new directives | indicator changes | errors |",
        "|---|---|---:|---:|---:|---:|---:|---|",
    ]
    for r in reports:
        errors = "; ".join(r.errors[:3]) + (f" (+{len(r.errors) - 3})" if len(r.errors) > 3 else "")
        status = r.status + (" (baseline)" if r.baseline else "")
        lines.append(
            f"| {r.portal_id} | {status} | {r.pages_fetched} | {r.not_modified} | {r.new_articles} "
            f"| {r.new_directives} | {r.indicator_changes} | {_cell(errors) or '–'} |"
        )
    notices = [f"- {r.portal_id}: {_cell(n)}" for r in reports for n in r.notices]
    if notices:
        lines += ["", "Notices:", *notices]
    if delivery:
        lines.append("")
        lines.append("Alerts: " + ", ".join(f"{k} {v}" for k, v in delivery.items()))
    return "\n".join(lines)
