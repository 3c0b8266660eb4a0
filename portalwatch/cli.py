"""The `portalwatch` command. Every command exits non-zero with a one-line reason on error.

The commands live in `portalwatch.cli_app` (Typer). A plain `portalwatch parse FILE…` runs
without loading it (`portalwatch.cli_parse`): the framework takes longer to start than parsing
a dozen pages.
"""

from __future__ import annotations

import sys

from core.lazy import lazy_exports
from portalwatch.cli_parse import run_plain_parse

__getattr__ = lazy_exports(__name__, {"app": "portalwatch.cli_app"})


def main() -> None:
    """Entry point: exit 2 for configuration and usage errors, 1 for everything else.

    The reason is the last line on stderr (a configuration error lists every problem first).
    """
    code = run_plain_parse(sys.argv[1:])
    if code is not None:
        sys.exit(code)
    from portalwatch.cli_app import main as run_command_line

    run_command_line()
