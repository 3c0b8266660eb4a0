"""Dashboard latency on a generated database: p50/p95 per page, beside the equivalent export.

    python -m bench.ui.run --articles 100000 [--requests 20] [--database-url URL]

Builds (or reuses, with --reuse) a database of N articles with bulk inserts, folds it for search
once (timed), starts `portalwatch ui` on loopback and times GET requests per page with httpx.
A dashboard has no peer to run side by side, so the yardstick is the time of the equivalent
`portalwatch export` of the same data (all articles, directives, indicators, alerts).
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from bench.ui.generate import generate
from storage.db import open_database, session_scope
from storage.search import refresh_search

PAGES = {
    "Tổng quan": "/",
    "Văn bản": "/van-ban",
    "Văn bản, lọc (TU, cổng p003)": "/van-ban?issuer=TU&portal=p003",
    "Văn bản, chi tiết (33 lần nhắc)": "/van-ban/chi-tiet?code=1-NQ/TW",
    "Chỉ số": "/chi-so",
    "Chỉ số, trang 40": "/chi-so?page=40",
    "Chỉ số, biểu đồ (3 địa bàn)": "/chi-so/bieu-do?indicator=dan-van-kheo-models&locality=X%C3%A3%200%2C%20T%E1%BB%89nh%200&locality=X%C3%A3%2010%2C%20T%E1%BB%89nh%200&locality=X%C3%A3%2020%2C%20T%E1%BB%89nh%200",
    "Bài viết": "/bai-viet",
    "Bài viết, trang 2000": "/bai-viet?page=2000",
    "Bài viết, cổng p005": "/bai-viet?portal=p005",
    "Bài viết, tìm 'dan van kheo'": "/bai-viet?q=dan+van+kheo",
    "Bài viết, tìm 'dan van kheo', trang 30": "/bai-viet?q=dan+van+kheo&page=30",
    "Bài viết, tìm (không có)": "/bai-viet?q=khong+co+tu+nay",
    "Bài viết, chi tiết": "/bai-viet/{mid}",
    "Cảnh báo": "/canh-bao",
    "Cảnh báo, lỗi": "/canh-bao?status=failed",
}
EXPORTS = ("articles", "directives", "indicators", "alerts")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def build(url: str, articles: int) -> dict[str, float]:
    engine = open_database(url)
    started = time.perf_counter()
    counts = generate(engine, articles)
    generated = time.perf_counter() - started
    started = time.perf_counter()
    with session_scope(engine) as session:
        refresh_search(session)
    folded = time.perf_counter() - started
    engine.dispose()
    print(f"generated {json.dumps(counts)} in {generated:.1f} s; search folding {folded:.1f} s", flush=True)
    return {"generate_s": generated, "fold_s": folded}


def time_pages(url: str, requests: int, articles: int) -> dict[str, dict[str, float]]:
    port = _free_port()
    env = os.environ | {"PREFECT_HOME": tempfile.mkdtemp(prefix="bench-ui-prefect-")}
    server = subprocess.Popen([sys.executable, "-m", "portalwatch", "ui", "--port", str(port), "--database-url", url],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}"
    try:
        with httpx.Client(base_url=base, timeout=60) as client:
            for _ in range(600):
                try:
                    client.get("/static/style.css")
                    break
                except httpx.HTTPError:
                    time.sleep(0.2)
            results = {}
            for name, path in PAGES.items():
                path = path.replace("{mid}", str(max(articles // 2, 1)))
                first = client.get(path)
                assert first.status_code == 200, (path, first.status_code, first.text[-300:])
                times = []
                for _ in range(requests):
                    started = time.perf_counter()
                    response = client.get(path)
                    times.append((time.perf_counter() - started) * 1000)
                    assert response.status_code == 200
                results[name] = {"p50_ms": statistics.median(times), "p95_ms": _percentile(times, 0.95),
                                 "kb": len(first.content) / 1024}
                print(f"{name:40} p50 {results[name]['p50_ms']:7.1f} ms   p95 {results[name]['p95_ms']:7.1f} ms", flush=True)
            return results
    finally:
        server.terminate()
        server.wait(10)


def time_exports(url: str) -> dict[str, float]:
    out = {}
    for kind in EXPORTS:
        started = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "portalwatch", "export", kind, "--database-url", url],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
        out[kind] = time.perf_counter() - started
        assert done.returncode == 0, done.stderr.decode()[-500:]
        print(f"portalwatch export {kind:10} {out[kind]:6.2f} s", flush=True)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=20)
    parser.add_argument("--database-url", help="an EMPTY database (default: a new SQLite file)")
    parser.add_argument("--reuse", action="store_true", help="the database is already generated")
    parser.add_argument("--output", type=Path, default=Path("bench/results/ui.json"))
    args = parser.parse_args()
    url = args.database_url or f"sqlite:///{Path(tempfile.mkdtemp(prefix='bench-ui-')) / 'ui.db'}"
    report: dict[str, object] = {"articles": args.articles, "database": url.split(":")[0]}
    if not args.reuse:
        report["build"] = build(url, args.articles)
    report["pages"] = time_pages(url, args.requests, args.articles)
    report["exports_s"] = time_exports(url)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    print(f"written {args.output}")


if __name__ == "__main__":
    main()
