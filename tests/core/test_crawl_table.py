"""The crawl table of a large run: portals with something to say, one row for the quiet rest, a total."""

from __future__ import annotations

from typing import Any

import pytest

from portalwatch import console
from portalwatch.console import QUIET_ROWS_FROM, print_reports


def report(portal_id: str, **changes: Any) -> dict[str, Any]:
    row: dict[str, Any] = {
        "portal_id": portal_id, "status": "ok", "requests": 2, "pages_fetched": 0, "not_modified": 2,
        "new_articles": 0, "edited_articles": 0, "duplicates": 0, "new_directives": 0,
        "indicator_changes": 0, "errors": [], "notices": [],
    }  # fmt: skip
    return row | changes


def printed(reports: list[dict[str, Any]], capsys: pytest.CaptureFixture[str]) -> list[str]:
    print_reports(reports)
    return capsys.readouterr().out.splitlines()


def cells(lines: list[str], first: str) -> list[str]:
    row = next(line for line in lines if line.startswith(f"│ {first} "))
    return [cell.strip() for cell in row.strip("│").split("│")]


@pytest.fixture(autouse=True)
def wide_console(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(console.console, "width", 160)


def test_a_large_run_lists_what_happened_and_folds_the_quiet_portals(capsys: pytest.CaptureFixture[str]) -> None:
    reports = [report(f"p{i:03d}") for i in range(QUIET_ROWS_FROM + 10)]
    reports[3] = report("p003", new_articles=5, pages_fetched=5, requests=7)
    reports[8] = report("p008", status="failed", errors=["listing: HTTP 503"])
    reports[9] = report("p009", notices=["start URL moved"])
    lines = printed(reports, capsys)
    listed = [line.split("│")[1].strip() for line in lines if line.startswith("│ p")]
    assert listed == ["p003", "p008", "p009"]
    quiet = len(reports) - 3
    assert cells(lines, f"{quiet} more") == [f"{quiet} more", "ok", str(2 * quiet), "0", str(2 * quiet), "0", "0", "0", "0", "0"]
    total = cells(lines, f"all {len(reports)}")
    assert total[1] == f"{len(reports) - 1} ok, 1 failed"
    assert total[2:6] == [str(2 * len(reports) + 5), "5", str(2 * len(reports)), "5"]
    assert any("error p008: listing: HTTP 503" in line for line in lines)


def test_a_small_run_shows_every_portal(capsys: pytest.CaptureFixture[str]) -> None:
    reports = [report(f"p{i:03d}") for i in range(QUIET_ROWS_FROM - 1)]
    lines = printed(reports, capsys)
    assert sum(line.startswith("│ p") for line in lines) == len(reports)
    assert not any(line.startswith("│ all ") for line in lines)


def test_a_large_quiet_run_is_one_total_row(capsys: pytest.CaptureFixture[str]) -> None:
    reports = [report(f"p{i:03d}") for i in range(QUIET_ROWS_FROM)]
    lines = printed(reports, capsys)
    assert cells(lines, f"all {QUIET_ROWS_FROM}")[1:3] == ["ok", str(2 * QUIET_ROWS_FROM)]
    assert not any(line.startswith(("│ p", f"│ {QUIET_ROWS_FROM} more")) for line in lines)
