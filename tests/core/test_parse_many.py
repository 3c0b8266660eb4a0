"""`portalwatch parse` over many files (worker processes, input order kept) and over URLs
(the same record the crawl stores for the same page)."""

from __future__ import annotations

import gzip
import json
import random
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import yaml
from sqlmodel import select

from deployments.replay import ReplayServer, demo_config_text
from pipeline.settings import parse_config
from pipeline.stream import run_crawl
from portalwatch.parse_many import PARALLEL_FROM, parse_sources
from storage.db import init_db, make_engine, session_scope
from storage.models import Article

PAGE = """<html><head><meta charset="utf-8"><title>Bản tin số {n} | Cổng thông tin</title></head>
<body><nav><a href="/">Trang chủ</a> <a href="/tin">Tin tức</a></nav>
<div class="main"><h1>Bản tin số {n}</h1><p class="date">Ngày {day}/03/2025</p>
<p>Sáng nay, xã số {n} tổ chức hội nghị sơ kết công tác quý, có {m} đại biểu tham dự, bàn
về giao thông nông thôn, nước sạch và chuyển đổi số trong các thôn bản.</p>
<p>Hội nghị thống nhất giao chỉ tiêu cho từng thôn, đồng thời đề ra lịch kiểm tra hằng tháng
để bảo đảm tiến độ; các đoàn thể được phân công vận động nhân dân tham gia.</p></div>
<footer>Bản quyền thuộc Ủy ban nhân dân xã</footer></body></html>"""


def _write_pages(folder: Path, count: int) -> list[str]:
    paths = []
    for n in range(count):
        html = PAGE.format(n=n, day=1 + n % 28, m=20 + n).encode("utf-8")
        path = folder / f"page-{n:03d}.html"
        if n % 7 == 0:
            path = path.with_suffix(".html.gz")
            path.write_bytes(gzip.compress(html))
        else:
            path.write_bytes(html)
        paths.append(str(path))
    random.Random(7).shuffle(paths)  # input order differs from name order
    return paths


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    code = "import sys; from portalwatch.cli import main; sys.argv[0] = 'portalwatch'; main()"
    return subprocess.run(
        [sys.executable, "-c", code, "parse", *args], capture_output=True, text=True, timeout=300
    )


def test_two_hundred_files_print_in_input_order(tmp_path: Path) -> None:
    paths = _write_pages(tmp_path, 200)
    result = _cli(*paths)
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["source"] for r in records] == paths
    for path, record in zip(paths, records, strict=True):
        n = int(Path(path).name.split("-")[1].split(".")[0])
        assert record["title"] == f"Bản tin số {n}"
        assert f"có {20 + n} đại biểu" in record["text"]
        assert "Bản quyền" not in record["text"]


def test_worker_processes_give_the_in_process_records(tmp_path: Path) -> None:
    paths = _write_pages(tmp_path, PARALLEL_FROM + 6)
    alone = list(parse_sources(paths, workers=1))
    pooled = list(parse_sources(paths, workers=2))
    assert [s for s, _ in pooled] == paths
    assert [p.article for _, p in pooled] == [p.article for _, p in alone]


def test_a_bad_file_is_one_line_and_the_others_still_print(tmp_path: Path) -> None:
    paths = _write_pages(tmp_path, 20)
    broken = tmp_path / "broken.html.gz"
    broken.write_bytes(b"\x1f\x8b not really gzip")
    missing = str(tmp_path / "absent.html")
    result = _cli(paths[0], str(broken), missing, *paths[1:])
    assert result.returncode == 1
    assert [json.loads(line)["source"] for line in result.stdout.splitlines()] == paths
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 3
    assert "broken.html.gz" in errors[0] and "absent.html" in errors[1]
    assert errors[2] == "portalwatch: 2 of 22 sources failed"


def test_parse_url_gives_the_record_the_crawl_stored(tmp_path: Path) -> None:
    with ReplayServer(state="v1") as replay:
        config_text = demo_config_text(replay.urls)
        config_file = tmp_path / "portals.yaml"
        config_file.write_text(config_text, encoding="utf-8")
        engine = init_db(make_engine(f"sqlite:///{tmp_path / 'crawl.db'}"))
        run_crawl(engine, parse_config(yaml.safe_load(config_text), "replay"))
        with session_scope(engine) as session:
            stored = [
                (a.url, a.title, a.text, a.author, a.source, a.published_at)
                for a in session.exec(select(Article).order_by(Article.url))
            ]
        assert len(stored) >= 10
        result = _cli("--config", str(config_file), *[row[0] for row in stored])
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(records) == len(stored)
    for (url, title, text, author, source, published), record in zip(stored, records, strict=True):
        assert record["source"] == url
        assert (record["title"], record["text"]) == (title, text), url
        assert (record["author"], record["credit"]) == (author, source), url
        assert published is not None, url
        printed = datetime.fromisoformat(record["published_at"])
        assert printed == (published if published.tzinfo else published.replace(tzinfo=UTC)), url
