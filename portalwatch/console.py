"""Terminal output: crawl reports, the demo's summary, error lines, Prefect's verbosity.

Output that goes to a file or a pipe is never wrapped (a URL or path split across two lines
cannot be copied back); on a terminal only tables and their headings wrap, never a line that
carries a URL or a path.
"""

from __future__ import annotations

import os
import sys
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from core.errors import ConfigError, PortalwatchError
from portalwatch.stderr import print_error as print_error  # re-exported: callers import it here

console = Console()
console.soft_wrap = not console.is_terminal


# Short headers so the table fits an 80-column terminal; the legend below spells them out.
COLUMNS = ("portal", "status", "req", "pages", "304", "new", "edit", "dup", "dir", "ind")
LEGEND = (
    "req: requests · pages: pages fetched · 304: not modified · new/edit/dup: articles · "
    "dir: new directives · ind: indicator changes"
)


def say(text: str, *, markup: bool = True) -> None:
    """A line that may hold a URL or a path: never broken by a newline of ours."""
    console.print(text, soft_wrap=True, highlight=False, markup=markup)


def quiet_prefect(verbose: bool) -> None:
    """Prefect's INFO chatter (temporary server start/stop, task states) only with --verbose.

    Set before Prefect is imported; a variable the user set wins.
    """
    if not verbose:
        os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
        os.environ.setdefault("PREFECT_LOGGING_LOG_PRINTS", "false")
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    os.environ.setdefault("DO_NOT_TRACK", "1")  # nor the client's usage data (and its notice)
    # The temporary server's first start migrates its database: on a busy machine that takes
    # longer than Prefect's 20 s default, and the crawl would die before fetching anything.
    os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "180")


COUNTS = ("requests", "pages_fetched", "not_modified", "new_articles", "edited_articles",
          "duplicates", "new_directives", "indicator_changes")  # fmt: skip
CHANGES = COUNTS[3:]
QUIET_ROWS_FROM = 40  # from this many portals on, those where nothing happened share one row


def print_reports(reports: Sequence[Mapping[str, Any]], title: str = "Crawl") -> None:
    """One row per portal: status, pages, 304s, new articles, directives, indicator changes.

    A run of many portals lists those with something to say (a change, an error, a notice,
    a status other than ok) and folds the quiet ones into one row, then a total row.
    """
    table = Table(title=title, title_justify="left", caption=LEGEND, caption_justify="left")
    for column in COLUMNS:
        justify = "left" if column in ("portal", "status") else "right"
        table.add_column(column, justify=justify, no_wrap=True)  # type: ignore[arg-type]
    fold = len(reports) >= QUIET_ROWS_FROM
    quiet = [r for r in reports if _quiet(r)] if fold else []
    shown = [r for r in reports if not _quiet(r)] if fold else list(reports)
    for r in shown:
        table.add_row(r["portal_id"], r["status"], *(str(r[key]) for key in COUNTS))
    if fold:
        if quiet and shown:
            table.add_row(f"{len(quiet)} more", "ok", *_sums(quiet))
        table.add_section()
        table.add_row(f"all {len(reports)}", _statuses(reports), *_sums(reports))
    console.print(table)
    for r in reports:
        errors = r.get("errors") or []
        for error in errors[:3]:
            say(f"[red]error[/red] {_escape(r['portal_id'])}: {_escape(error)}")
        if len(errors) > 3:
            say(f"[red]error[/red] {_escape(r['portal_id'])}: … and {len(errors) - 3} more")
        for notice in r.get("notices") or []:
            say(f"[yellow]note[/yellow] {_escape(r['portal_id'])}: {_escape(notice)}")


def _quiet(report: Mapping[str, Any]) -> bool:
    return (
        report["status"] == "ok" and not report.get("errors") and not report.get("notices")
        and not any(report[key] for key in CHANGES)
    )


def _sums(reports: Sequence[Mapping[str, Any]]) -> list[str]:
    return [str(sum(r[key] for r in reports)) for key in COUNTS]


def _statuses(reports: Sequence[Mapping[str, Any]]) -> str:
    """"ok", or the count of each status ("990 ok, 10 failed")."""
    counts = Counter(r["status"] for r in reports)
    if set(counts) == {"ok"}:
        return "ok"
    return ", ".join(f"{n} {status}" for status, n in counts.most_common())


def print_lines(title: str, lines: Iterable[str]) -> None:
    items = list(lines)
    say(f"\n[bold]{_escape(title)}[/bold] ({len(items)})")
    for line in items:
        say(f"  • {line}", markup=False)


def _escape(text: object) -> str:
    return escape(str(text))


def run_app(command: typer.Typer) -> int:
    """Run a typer app and return its exit code; every error's reason is the last stderr line.

    Usage errors are printed plainly (usage, hint, then the reason) instead of in a framed
    panel that wraps at 80 columns.
    """
    try:
        code = command(standalone_mode=False)
    except ConfigError as exc:
        print_error(exc)
        return 2
    except PortalwatchError as exc:
        print_error(exc)
        return 1
    except typer.TyperException as exc:  # usage errors: usage line, hint, then the reason
        if type(exc).__name__ != "NoArgsIsHelpError":  # typer has printed the help already
            ctx = getattr(exc, "ctx", None)
            if ctx is not None:
                sys.stdout.flush()
                sys.stderr.write(f"{ctx.get_usage()}\nTry '{ctx.command_path} --help' for help.\n")
            print_error(exc.format_message())
        return exc.exit_code
    except typer.Abort:
        print_error("aborted")
        return 1
    return code if isinstance(code, int) else 0
