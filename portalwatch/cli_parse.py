"""`portalwatch parse` without the command-line framework.

Typer, rich and pydantic take longer to import than parsing a dozen pages, so a plain
`portalwatch parse FILE… [--url U] [--profile P] [--config C] [--database-url D]` is read
here and run directly. Anything else (`--help`, an unknown option, a missing value, no source)
returns None and goes to the Typer app, which prints the usage and the error as for any command.
Both paths print the same records through `write_records`.
"""

from __future__ import annotations

import errno
import json
import os
import sys
from collections.abc import Sequence
from dataclasses import asdict
from datetime import date, datetime
from typing import Any

from core.errors import ConfigError, PortalwatchError

# `parse`'s options (each takes a value) and the keyword of `write_records` they fill.
_OPTIONS = {"--url": "url", "--profile": "profile", "--config": "config", "--database-url": ""}


def json_default(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def write_records(
    sources: Sequence[str], url: str | None = None, profile: str = "auto", config: str | None = None
) -> None:
    """One JSON object a line on stdout per parsed source, in input order."""
    from portalwatch.parse_many import parse_sources

    for source, page in parse_sources(sources, url, profile, config):
        record = {
            "source": source,
            "title": page.article.title,
            "published_at": page.article.published_at,
            "author": page.article.author,
            "text": page.article.text,
            "directives": [asdict(d) for d in page.directives],
            "indicators": [asdict(i) for i in page.indicators],
            "credit": page.article.source,  # "Nguồn: …" of a re-published article
        }
        sys.stdout.write(json.dumps(record, ensure_ascii=False, default=json_default) + "\n")


def plain_parse_args(argv: Sequence[str]) -> tuple[list[str], dict[str, str]] | None:
    """(sources, options) of `parse …` when nothing in it needs the full command line."""
    if not argv or argv[0] != "parse":
        return None
    if any(k.startswith("_") and k.endswith("_COMPLETE") for k in os.environ):
        return None  # a shell-completion request
    sources: list[str] = []
    options: dict[str, str] = {}
    rest = iter(argv[1:])
    for arg in rest:
        if arg == "--":
            sources.extend(rest)
            break
        if arg == "-" or not arg.startswith("-"):
            sources.append(arg)
            continue
        name, has_value, value = arg.partition("=")
        if name not in _OPTIONS:
            return None  # --help, a typo: the full command line explains
        if not has_value:
            value = next(rest, "")
            if not value or value.startswith("-"):
                return None
        options[name] = value
    return (sources, options) if sources else None


def run_plain_parse(argv: Sequence[str]) -> int | None:
    """Run a plain `parse …` and return its exit code; None when the full command line must
    handle it. Exit codes as the Typer app's: 2 for configuration errors, 1 for other errors."""
    from portalwatch.stderr import print_error

    parsed = plain_parse_args(argv)
    if parsed is None:
        return None
    sources, options = parsed
    given = {_OPTIONS[k]: v for k, v in options.items() if _OPTIONS[k]}  # --database-url: unread
    try:
        write_records(sources, **given)
    except ConfigError as exc:
        print_error(exc)
        return 2
    except PortalwatchError as exc:
        print_error(exc)
        return 1
    except KeyboardInterrupt:
        return 130
    except OSError as exc:
        if exc.errno != errno.EPIPE:
            raise
        sys.stdout = sys.stderr = open(os.devnull, "w")  # noqa: SIM115 - the reader is gone
        return 1
    return 0
