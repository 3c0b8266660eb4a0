"""A plain `portalwatch parse` runs without Typer; anything else goes to the Typer app."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from portalwatch.cli_parse import plain_parse_args

PAGES = Path(__file__).parents[1] / "fixtures" / "pages"
PAGE = PAGES / "tandan" / "bachthong-quy-che-22-dan-van.html"


@pytest.mark.parametrize(
    ("argv", "expected"),
    [
        (["parse", "a.html"], (["a.html"], {})),
        (
            ["parse", "a.html", "--url", "http://x/", "b.html"],
            (["a.html", "b.html"], {"--url": "http://x/"}),
        ),
        (["parse", "--profile=dnn", "a.html"], (["a.html"], {"--profile": "dnn"})),
        (["parse", "--", "--odd.html"], (["--odd.html"], {})),
        (["parse", "-"], (["-"], {})),
    ],
)
def test_plain_command_lines_are_read_here(argv: list[str], expected: object) -> None:
    assert plain_parse_args(argv) == expected


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["crawl"],
        ["parse"],
        ["parse", "--help"],
        ["parse", "a.html", "--nope"],
        ["parse", "a.html", "--url"],
        ["parse", "a.html", "--url", "--profile", "dnn"],
        ["--version"],
    ],
)
def test_anything_else_goes_to_the_full_command_line(argv: list[str]) -> None:
    assert plain_parse_args(argv) is None


def _run(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, timeout=120
    )


def test_plain_and_typer_paths_print_the_same_records() -> None:
    plain = _run(
        "import sys; sys.argv[0] = 'portalwatch'; from portalwatch.cli import main; main()",
        "parse",
        str(PAGE),
        "--profile",
        "auto",
    )
    typer_app = _run(
        "import sys; sys.argv[0] = 'portalwatch'; from portalwatch.cli_app import main; main()",
        "parse",
        str(PAGE),
        "--profile",
        "auto",
    )
    assert plain.returncode == typer_app.returncode == 0, plain.stderr + typer_app.stderr
    assert plain.stdout == typer_app.stdout
    assert plain.stdout.count("\n") == 1


def test_errors_keep_their_exit_codes_and_last_line() -> None:
    code = "import sys; sys.argv[0] = 'portalwatch'; from portalwatch.cli import main; main()"
    missing = _run(code, "parse", "/nonexistent.html")
    assert missing.returncode == 1
    assert missing.stderr.splitlines()[-1].startswith("portalwatch: /nonexistent.html")
    bad_profile = _run(code, "parse", str(PAGE), "--profile", "nope")
    typer_bad = _run(
        code.replace("portalwatch.cli ", "portalwatch.cli_app "),
        "parse",
        str(PAGE),
        "--profile",
        "nope",
    )
    assert bad_profile.returncode == typer_bad.returncode == 2
    assert bad_profile.stderr == typer_bad.stderr
    usage = _run(code, "parse", "--bogus", str(PAGE))
    assert usage.returncode == 2 and "No such option" in usage.stderr
