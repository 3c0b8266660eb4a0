"""The CLI read through a pipe: nothing wrapped, the reason of a failure last on stderr."""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
from pathlib import Path

URL = re.compile(r"https?://\S+")


def pipe_env(tmp_path: Path) -> dict[str, str]:
    """The environment of `portalwatch … | less`: no COLUMNS, no terminal."""
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "PREFECT_LOGGING_LEVEL")}
    return env | {"PREFECT_HOME": str(tmp_path / "prefect")}


def run_cli(*args: str, env: dict[str, str], timeout: float = 300) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "portalwatch", *args],
        capture_output=True, text=True, timeout=timeout, env=env,
    )


def refused_port() -> int:
    """A loopback port nobody listens on (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
    return port


def test_demo_output_in_a_pipe_keeps_every_url_and_path_whole(tmp_path: Path) -> None:
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    database = f"sqlite:///{tmp_path / 'demo.db'}"
    env = pipe_env(tmp_path) | {"TMPDIR": str(scratch)}
    demo = run_cli("demo", "--database-url", database, env=env)
    assert demo.returncode == 0, demo.stderr[-2000:]
    lines = demo.stdout.splitlines()

    export = run_cli("export", "articles", "--database-url", database, env=env)
    stored = {json.loads(line)["url"] for line in export.stdout.splitlines()}
    assert stored, export.stderr
    # A URL split by a line break leaves a head at the end of a line that is no stored URL.
    ending_in_url = [line for line in lines if (m := URL.search(line)) and m.end() == len(line.rstrip())]
    assert len(ending_in_url) >= 10, demo.stdout
    for line in ending_in_url:
        assert URL.findall(line)[-1] in stored, line
    assert max(len(line) for line in lines) > 120  # long lines exist, and stayed whole

    assert f"Explore: portalwatch export directives --database-url {database}" in lines
    assert any(line.startswith("req: requests") and line.endswith("ind: indicator changes") for line in lines)
    [removed] = [line for line in lines if line.startswith("Removed the demo's temporary folder ")]
    folder = Path(removed.split()[5])
    assert folder.parent == scratch and not folder.exists()
    assert list(scratch.glob("portalwatch-demo-*")) == []
    assert "Stopping temporary server" not in demo.stderr and "| INFO" not in demo.stderr


def test_failed_crawl_ends_stderr_with_its_reason(tmp_path: Path) -> None:
    port = refused_port()
    config = tmp_path / "portals.yaml"
    config.write_text(
        "portals:\n"
        "  - id: im-lang\n"
        "    name: Cổng im lặng\n"
        f"    start_urls: [\"http://127.0.0.1:{port}/tin-tuc/\"]\n",
        encoding="utf-8",
    )
    result = run_cli("crawl", "--config", str(config), "--database-url", f"sqlite:///{tmp_path / 'x.db'}",
                     env=pipe_env(tmp_path))
    assert result.returncode == 1, result.stderr[-2000:]
    last = result.stderr.rstrip("\n").splitlines()[-1]
    assert last.startswith("portalwatch: every portal failed; im-lang: "), result.stderr
    assert f"http://127.0.0.1:{port}/" in last
    assert "Stopping temporary server" not in result.stderr
    assert f"error im-lang: listing http://127.0.0.1:{port}/tin-tuc/: " in result.stdout


def test_config_errors_are_all_listed_then_counted(tmp_path: Path) -> None:
    config = tmp_path / "portals.yaml"
    config.write_text(
        "crawler:\n"
        "  delay: 2\n"
        "portals:\n"
        "  - id: cho-moi\n"
        "    name: Chợ Mới\n"
        "    level: tinh\n"
        "    start_urls: [\"https://chomoi.example.vn/\"]\n"
        "    max_pages: 0\n",
        encoding="utf-8",
    )
    result = run_cli("crawl", "--config", str(config), env=pipe_env(tmp_path), timeout=120)
    assert result.returncode == 2, result.stderr
    lines = result.stderr.splitlines()
    prefix = f"portalwatch: {config}: "
    assert lines[0] == f"{prefix}crawler.delay: unknown key"
    assert lines[1].startswith(f"{prefix}portals[cho-moi].level: ")
    assert lines[2].startswith(f"{prefix}portals[cho-moi].max_pages: ")
    assert lines[3:] == [f"{prefix}3 problems, listed above"]


def test_export_of_an_empty_database_says_so_on_stderr(tmp_path: Path) -> None:
    database = f"sqlite:///{tmp_path / 'empty.db'}"
    for fmt in ("jsonl", "csv"):
        result = run_cli("export", "indicators", "--format", fmt, "--database-url", database,
                         env=pipe_env(tmp_path), timeout=120)
        assert result.returncode == 0, result.stderr
        assert result.stdout == ""
        assert result.stderr.splitlines()[-1].startswith("0 records"), result.stderr


def test_parse_of_a_file_that_is_not_html_names_it(tmp_path: Path) -> None:
    notes = tmp_path / "ghi-chu.txt"
    notes.write_text("Danh sách việc cần làm trong tuần\n", encoding="utf-8")
    result = run_cli("parse", str(notes), env=pipe_env(tmp_path), timeout=120)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [f"portalwatch: {notes}: input is not HTML: no markup found"]


def test_usage_error_is_plain_and_its_reason_last(tmp_path: Path) -> None:
    result = run_cli("export", "bai-viet", env=pipe_env(tmp_path), timeout=120)
    assert result.returncode == 2
    lines = result.stderr.splitlines()
    assert lines[0].startswith("Usage: ")
    assert lines[-1].startswith("portalwatch: Invalid value for 'kind'") and "'bai-viet'" in lines[-1]
    assert not any(ch in result.stderr for ch in "╭╰│")
