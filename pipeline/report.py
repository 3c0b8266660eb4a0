"""Human-readable summaries of a crawl: the Prefect artifact's Markdown table."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from alerts.textfmt import escape_markdown
from pipeline.dashboard_links import dashboard_links, markdown_link, page_url
from pipeline.ingest import PortalReport


def _cell(text: str) -> str:
    """Error and notice text carries what portals sent (URLs, redirect targets): made inert, so
    it can neither break the table nor add links, emphasis or HTML to the artifact."""
    return " ".join(escape_markdown(text).split())


def run_markdown(
    reports: Sequence[PortalReport],
    delivery: Mapping[str, int] | None = None,
    dashboard_url: str | None = None,
) -> str:
    """One row per portal: pages, new articles, new directives, indicator changes, errors.

    With `dashboard_url` (config `dashboard.url`), each portal links to its articles on the
    dashboard, and the report ends with links to the directives and indicators pages."""
    links = dashboard_links(dashboard_url, portals=[r.portal_id for r in reports]) if dashboard_url else None
    lines = [
        "| portal | status | pages | 304 | new articles | new directives | indicator changes | errors |",
        "|---|---|---:|---:|---:|---:|---:|---|",
    ]
    for r in reports:
        errors = "; ".join(r.errors[:3]) + (f" (+{len(r.errors) - 3})" if len(r.errors) > 3 else "")
        status = r.status + (" (baseline)" if r.baseline else "")
        lines.append(
            f"| {markdown_link(r.portal_id, links.portals.get(r.portal_id) if links else None)} | {status} | {r.pages_fetched} | {r.not_modified} | {r.new_articles} "
            f"| {r.new_directives} | {r.indicator_changes} | {_cell(errors) or '–'} |"
        )
    notices = [f"- {r.portal_id}: {_cell(n)}" for r in reports for n in r.notices]
    if notices:
        lines += ["", "Notices:", *notices]
    if delivery:
        lines.append("")
        lines.append("Alerts: " + ", ".join(f"{k} {v}" for k, v in delivery.items()))
    if dashboard_url:
        lines += ["", "Dashboard: " + " · ".join(
            markdown_link(label, page_url(dashboard_url, path))
            for label, path in (("Văn bản", "/van-ban"), ("Chỉ số", "/chi-so"), ("Cảnh báo", "/canh-bao"))
        )]
    return "\n".join(lines)
