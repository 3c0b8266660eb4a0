"""Error lines on stderr. Plain writes only: `portalwatch parse` reports its errors without
loading rich or typer."""

from __future__ import annotations

import sys

from core.errors import ConfigError


def print_error(error: str | BaseException) -> None:
    """An error on stderr, so that its reason is the last line.

    A configuration error lists one problem a line (each prefixed), then their count; any other
    message is folded into one line (a driver's message may span several).
    """
    text = str(error)
    if isinstance(error, ConfigError):
        lines = text.splitlines() or [""]
    else:
        lines = [" ".join(part.strip() for part in text.splitlines() if part.strip())]
    sys.stdout.flush()  # what was printed before the error comes before it in a shared log
    for line in lines:
        sys.stderr.write(f"portalwatch: {line}\n")
    sys.stderr.flush()
