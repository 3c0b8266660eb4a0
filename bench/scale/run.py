"""The whole pipeline at scale, as a user runs it: `portalwatch crawl` end to end (embedded
Prefect, SQLite by default) on a loopback network of portals, beside Scrapy crawling and
exporting the same network in the same run.

    python3 run.py bench scale --portals 1000 --articles 20 --latency 0.05
    python3 run.py bench scale --portals 3400 --articles 100 --timeout 900 --no-scrapy

Rounds: a first crawl (the baseline), a change round (10% of portals publish 5 new articles),
a no-change re-crawl; then the no-change re-crawl again against a Prefect server that is
already running (`prefect server start`, as a deployed machine has), which leaves out the
temporary server's start-up. Printed per round: wall time, requests and pages/s, CPU seconds and peak
RSS of the whole process tree, requests beyond "listings + new pages", share of 304s, and the
most requests ever in flight to one host; then the ratios against Scrapy.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from bench.scale.measure import Measured, run_measured
from bench.scale.network import portal_address

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent


def start_network(args: argparse.Namespace) -> subprocess.Popen[str]:
    process = subprocess.Popen(
        [sys.executable, "-m", "bench.scale.network", "--portals", str(args.portals),
         "--articles", str(args.articles), "--latency", str(args.latency), "--port", str(args.port)],
        cwd=ROOT, stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    assert process.stdout is not None
    line = process.stdout.readline()
    if '"ready": true' not in line:
        raise SystemExit(f"the network did not start: {line!r}")
    return process


def control(port: int, path: str) -> dict[str, Any]:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=30) as answer:
        result: dict[str, Any] = json.loads(answer.read())
        return result


def write_config(path: Path, portals: int, port: int) -> None:
    lines = [
        "crawler:",
        "  min_delay_seconds: 0.0",
        "  max_in_flight_per_host: 1",
        "portals:",
    ]
    for i in range(portals):
        lines += [
            f"  - id: p{i:04d}",
            f"    name: Cổng thông tin xã số {i}",
            f"    locality: Xã số {i}",
            "    level: commune",
            f"    start_urls: ['http://{portal_address(i)}:{port}/tin-tuc']",
            "    max_pages: 1",
        ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def crawl_round(name: str, args: argparse.Namespace, work: Path, env: dict[str, str]) -> dict[str, Any]:
    control(args.port, "/__reset")
    argv = [str(BIN / "portalwatch"), "crawl", "--config", str(work / "portals.yaml"),
            "--database-url", f"sqlite:///{work / 'portalwatch.db'}"]  # fmt: skip
    measured = run_measured(argv, env=env, timeout=args.timeout)
    return _row(name, "portalwatch", measured, control(args.port, "/__stats"), args, work)


@contextlib.contextmanager
def prefect_server(work: Path, env: dict[str, str], port: int) -> Iterator[str]:
    """A Prefect server (SQLite, under the work folder) started once, as the README's "One
    machine" deployment has: crawls against it skip the temporary server's start-up."""
    log = (work / "prefect-server.log").open("wb")
    server = subprocess.Popen(
        [str(BIN / "prefect"), "server", "start", "--host", "127.0.0.1", "--port", str(port)],
        env=env | {"PREFECT_UI_ENABLED": "false"}, stdout=log, stderr=subprocess.STDOUT,
        start_new_session=True,
    )  # fmt: skip
    api = f"http://127.0.0.1:{port}/api"
    try:
        deadline = time.monotonic() + 300
        while True:
            if server.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"the Prefect server did not start (see {log.name})")
            try:
                with urllib.request.urlopen(f"{api}/health", timeout=5):
                    break
            except OSError:
                time.sleep(0.5)
        yield api
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(server.pid, signal.SIGTERM)
        server.wait(30)
        log.close()


def scrapy_round(args: argparse.Namespace, work: Path, env: dict[str, str]) -> dict[str, Any]:
    control(args.port, "/__reset")
    argv = [sys.executable, "-m", "bench.scale.scrapy_peer", "--portals", str(args.portals),
            "--port", str(args.port), "--out", str(work / "scrapy-items.jsonl")]  # fmt: skip
    measured = run_measured(argv, env=env, timeout=args.timeout)
    return _row("fresh", "scrapy", measured, control(args.port, "/__stats"), args, work)


def _row(
    phase: str, crawler: str, m: Measured, stats: dict[str, int], args: argparse.Namespace, work: Path
) -> dict[str, Any]:
    agent = "portalwatch" if crawler == "portalwatch" else "scrapy-bench"
    ok, not_modified = stats.get(f"{agent} 200", 0), stats.get(f"{agent} 304", 0)
    requests = ok + not_modified + stats.get(f"{agent} 404", 0)
    row: dict[str, Any] = {
        "crawler": crawler, "phase": phase, "exit": m.returncode, "wall_s": round(m.wall_s, 1),
        "requests": requests, "pages_per_s": round(requests / m.wall_s, 1) if m.wall_s else 0.0,
        "answered_304": not_modified, "cpu_s": round(m.cpu_s, 1), "peak_rss_mb": round(m.peak_rss_mb),
        "max_in_flight_per_host": control(args.port, "/__in_flight")["max_in_flight_per_host"],
    }  # fmt: skip
    if crawler == "portalwatch":
        row["articles_stored"] = _count(work / "portalwatch.db", "article")
    else:
        items = work / "scrapy-items.jsonl"
        row["articles_stored"] = sum(1 for _ in items.open()) if items.exists() else 0
    if m.returncode:
        row["stderr_tail"] = m.stderr.strip().splitlines()[-3:]
    return row


def _count(db: Path, table: str) -> int:
    if not db.exists():
        return 0
    with sqlite3.connect(db) as connection:
        count: int = connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        return count


def table(rows: list[dict[str, Any]]) -> str:
    columns = ["crawler", "phase", "wall_s", "requests", "pages_per_s", "answered_304", "cpu_s",
               "peak_rss_mb", "articles_stored", "max_in_flight_per_host", "exit"]  # fmt: skip
    lines = [" | ".join(columns), " | ".join("---" for _ in columns)]
    lines += [" | ".join(str(row.get(c, "")) for c in columns) for row in rows]
    return "\n".join(lines)


def ratios(rows: list[dict[str, Any]], args: argparse.Namespace, new_articles: int) -> dict[str, Any]:
    by = {(r["crawler"], r["phase"]): r for r in rows}
    out: dict[str, Any] = {}
    pw, scrapy = by.get(("portalwatch", "fresh")), by.get(("scrapy", "fresh"))
    if pw and scrapy and scrapy["pages_per_s"]:
        out["fresh_pages_per_s_pw_over_scrapy"] = round(pw["pages_per_s"] / scrapy["pages_per_s"], 2)
        out["cpu_scrapy_over_pw"] = round(scrapy["cpu_s"] / max(pw["cpu_s"], 0.1), 2)
        out["peak_rss_pw_over_scrapy"] = round(pw["peak_rss_mb"] / max(scrapy["peak_rss_mb"], 1), 2)
    change = by.get(("portalwatch", "change"))
    if change:
        expected = args.portals + new_articles  # the listing per portal (robots.txt is kept 12 h)
        out["change_round_extra_requests"] = change["requests"] - expected
    still = by.get(("portalwatch", "no-change"))
    if still:
        out["no_change_all_304"] = still["answered_304"] == still["requests"]
        out["no_change_wall_s"] = still["wall_s"]
    served = by.get(("portalwatch", "no-change, server up"))
    if served:
        out["no_change_server_up_all_304"] = served["answered_304"] == served["requests"]
        out["no_change_server_up_wall_s"] = served["wall_s"]
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--portals", type=int, default=1000)
    parser.add_argument("--articles", type=int, default=20)
    parser.add_argument("--latency", type=float, default=0.05, help="seconds each response waits")
    parser.add_argument("--port", type=int, default=18090)
    parser.add_argument("--timeout", type=float, default=3600, help="per round, seconds")
    parser.add_argument("--no-scrapy", action="store_true")
    parser.add_argument("--fresh-only", action="store_true", help="only the first crawl")
    args = parser.parse_args()
    network = start_network(args)
    rows: list[dict[str, Any]] = []
    new_articles = 0
    try:
        with tempfile.TemporaryDirectory(prefix="portalwatch-scale-") as tmp:
            work = Path(tmp)
            write_config(work / "portals.yaml", args.portals, args.port)
            env = dict(os.environ, PREFECT_HOME=str(work / "prefect"), PYTHONPATH=str(ROOT))
            if not args.no_scrapy:
                rows.append(scrapy_round(args, work, env))
                print(table(rows), flush=True)
            rows.append(crawl_round("fresh", args, work, env))
            print(table(rows[-1:]), flush=True)
            if not args.fresh_only:
                new_articles = control(args.port, "/__advance?share=0.1&new=5")["new_articles"]
                rows.append(crawl_round("change", args, work, env))
                rows.append(crawl_round("no-change", args, work, env))
                with prefect_server(work, env, args.port + 1) as api:
                    served = env | {"PREFECT_API_URL": api}
                    crawl_round("warm-up", args, work, served)  # the server's first flow run
                    rows.append(crawl_round("no-change, server up", args, work, served))
    finally:
        network.terminate()
        network.wait(10)
    summary = ratios(rows, args, new_articles)
    print(table(rows))
    print(json.dumps(summary))
    results = ROOT / "bench" / "results"
    results.mkdir(exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S")
    (results / f"scale-{stamp}.json").write_text(json.dumps({"rows": rows, "ratios": summary}, indent=2))


if __name__ == "__main__":
    main()
