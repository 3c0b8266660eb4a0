"""Rich tables for the terminal: crawl reports and the demo's summary."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from rich.console import Console
from rich.table import Table

console = Console()


# Short headers so the table fits an 80-column terminal; the legend below spells them out.
COLUMNS = ("portal", "status", "req", "pages", "304", "new", "edit", "dup", "dir", "ind")
LEGEND = (
    "req: requests · pages: pages fetched · 304: not modified · new/edit/dup: articles · "
    "dir: new directives · ind: indicator changes"
)


def print_reports(reports: Sequence[Mapping[str, Any]], title: str = "Crawl") -> None:
    """One row per portal: status, pages, 304s, new articles, directives, indicator changes."""
    table = Table(title=title, title_justify="left", caption=LEGEND, caption_justify="left")
    for column in COLUMNS:
        justify = "left" if column in ("portal", "status") else "right"
        table.add_column(column, justify=justify, no_wrap=True)  # type: ignore[arg-type]
    for r in reports:
        table.add_row(
            r["portal_id"], r["status"], str(r["requests"]), str(r["pages_fetched"]),
            str(r["not_modified"]), str(r["new_articles"]), str(r["edited_articles"]),
            str(r["duplicates"]), str(r["new_directives"]), str(r["indicator_changes"]),
        )
    console.print(table)
    for r in reports:
        errors = r.get("errors") or []
        for error in errors[:3]:
            console.print(f"[red]error[/red] {r['portal_id']}: {error}", highlight=False, markup=True)
        if len(errors) > 3:
            console.print(f"[red]error[/red] {r['portal_id']}: … and {len(errors) - 3} more")
        for notice in r.get("notices") or []:
            console.print(f"[yellow]note[/yellow] {r['portal_id']}: {notice}", highlight=False)


def print_lines(title: str, lines: Iterable[str]) -> None:
    items = list(lines)
    console.print(f"\n[bold]{title}[/bold] ({len(items)})")
    for line in items:
        console.print(f"  • {line}", highlight=False, markup=False)
