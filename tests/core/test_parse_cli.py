"""`portalwatch parse`: files (gzip too) and URLs in, one JSON line each, no Prefect, no database."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

PAGES = Path(__file__).parents[1] / "fixtures" / "pages"
PAGE = PAGES / "tandan" / "bachthong-quy-che-22-dan-van.html"
FIELDS = ["source", "title", "published_at", "author", "text", "directives", "indicators", "credit"]

PROBE = """
import sys
sys.argv = ["portalwatch", "parse", *sys.argv[1:]]
code = 0
try:
    from portalwatch.cli import main
    main()
except SystemExit as exc:
    code = exc.code
print("EXIT", code, file=sys.stderr)
heavy = [m for m in ("prefect", "sqlalchemy", "sqlmodel", "apprise", "alembic") if m in sys.modules]
print("HEAVY", heavy, file=sys.stderr)
"""


@pytest.fixture
def page_server() -> Iterator[str]:
    body = PAGE.read_bytes()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            if self.path == "/robots.txt":
                self.send_response(404)
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/portal/Pages/2023-2-7/quy-che-22.aspx"
    server.shutdown()


def parse(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True, timeout=120)


def test_files_and_gzip_give_one_line_each_without_prefect_or_database(tmp_path: Path) -> None:
    gz = tmp_path / "page.html.gz"
    gz.write_bytes(gzip.compress(PAGE.read_bytes()))
    result = parse(str(PAGE), str(gz))
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(lines) == 2
    assert all(list(record) == FIELDS for record in lines)
    first, second = lines
    assert {k: v for k, v in first.items() if k != "source"} == {k: v for k, v in second.items() if k != "source"}
    assert "22-QC/TU" in {d["code"] for d in first["directives"]}
    assert first["title"] and first["published_at"].startswith("20")
    assert "HEAVY []" in result.stderr


def test_url_is_fetched_politely(page_server: str) -> None:
    result = parse(page_server)
    assert result.returncode == 0, result.stderr
    [record] = [json.loads(line) for line in result.stdout.splitlines()]
    assert record["source"] == page_server
    assert "22-QC/TU" in {d["code"] for d in record["directives"]}


def test_missing_file_is_one_line_and_nonzero(tmp_path: Path) -> None:
    result = parse(str(tmp_path / "absent.html"))
    assert result.stdout == ""
    assert "portalwatch: " in result.stderr and "absent.html" in result.stderr
    assert "EXIT 1" in result.stderr
