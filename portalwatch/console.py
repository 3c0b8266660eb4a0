"""Rich tables for the terminal: crawl reports and the demo's summary."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from rich.console import Console
from rich.table import Table

console = Console()


def print_reports(reports: Sequence[Mapping[str, Any]], title: str = "Crawl") -> None:
    """One row per portal: status, pages, 304s, new articles, directives, indicator changes."""
    table = Table(title=title, title_justify="left")
    for column in ("portal", "status", "requests", "pages", "304", "new articles", "edited",
                   "duplicates", "new directives", "indicator changes", "errors"):
        table.add_column(column, justify="left" if column in ("portal", "status", "errors") else "right")
    for r in reports:
        status = r["status"] + (" (baseline)" if r.get("baseline") else "")
        errors = r.get("errors") or []
        table.add_row(
            r["portal_id"], status, str(r["requests"]), str(r["pages_fetched"]), str(r["not_modified"]),
            str(r["new_articles"]), str(r["edited_articles"]), str(r["duplicates"]),
            str(r["new_directives"]), str(r["indicator_changes"]),
            (errors[0][:80] + (f" (+{len(errors) - 1})" if len(errors) > 1 else "")) if errors else "",
        )
    console.print(table)
    for r in reports:
        for notice in r.get("notices") or []:
            console.print(f"[yellow]note[/yellow] {r['portal_id']}: {notice}", highlight=False)


def print_lines(title: str, lines: Iterable[str]) -> None:
    items = list(lines)
    console.print(f"\n[bold]{title}[/bold] ({len(items)})")
    for line in items:
        console.print(f"  • {line}", highlight=False, markup=False)
