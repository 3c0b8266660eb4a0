"""Side-by-side crawl benchmark: portalwatch's crawler and Scrapy against the same loopback
simulator, same politeness, in one run. Each crawler runs in its own process; wall time comes
from the crawler, CPU time from the operating system, request counts from the simulator.

    .venv/bin/python -m bench.crawl.run --portals 1000 --delay 0.01
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

RESULTS = Path(__file__).parents[1] / "results"


def start_simulator(portals: int, port: int) -> subprocess.Popen[str]:
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "bench.crawl.simulator",
            "--portals",
            str(portals),
            "--port",
            str(port),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    line = process.stdout.readline()
    if not line.startswith('{"ready": true'):
        process.kill()
        raise SystemExit(f"simulator did not start: {line.strip() or 'no output'}")
    return process


def control(port: int, path: str) -> dict[str, int]:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=10) as answer:
        return json.loads(answer.read())


def run_crawler(module: str, args: argparse.Namespace) -> list[dict[str, Any]]:
    """Run one crawler process (fresh + re-crawl); add its CPU seconds to each phase line."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            module,
            "--portals",
            str(args.portals),
            "--port",
            str(args.port),
            "--delay",
            str(args.delay),
            "--max-pages",
            str(args.max_pages),
            "--hosts",
            str(args.hosts),
        ],
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    lines = [json.loads(x) for x in done.stdout.splitlines() if x.startswith("{")]
    if done.returncode != 0 or len(lines) < 2:
        raise SystemExit(f"{module} failed: {done.stderr.strip().splitlines()[-1:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    for line in lines:
        line["process_cpu_s"] = round(cpu, 2)
        line["process_wall_s"] = round(time.perf_counter() - started, 2)
    return lines


def table(rows: list[dict[str, Any]]) -> str:
    cols = [
        "crawler",
        "phase",
        "wall_s",
        "requests",
        "req_per_s",
        "pages_200",
        "not_modified",
        "articles",
        "requests_per_portal",
        "errors",
        "process_cpu_s",
        "conditional_share",
        "not_modified_share",
        "extra_requests",
    ]
    out = [" | ".join(cols), " | ".join("---" for _ in cols)]
    out += [" | ".join(str(r.get(c, "")) for c in cols) for r in rows]
    return "\n".join(out)


def compute_ratios(rows: list[dict[str, Any]]) -> dict[str, float]:
    """Ratios between the two crawlers' phases, from one run."""
    by = {(r["crawler"], r["phase"]): r for r in rows}
    pw_fresh, pw_again = by["portalwatch", "fresh"], by["portalwatch", "recrawl"]
    sc_fresh, sc_again = by["scrapy", "fresh"], by["scrapy", "recrawl"]
    return {
        "fresh_throughput_pw_over_scrapy": round(pw_fresh["req_per_s"] / sc_fresh["req_per_s"], 2),
        "fresh_wall_scrapy_over_pw": round(sc_fresh["wall_s"] / pw_fresh["wall_s"], 2),
        "recrawl_wall_scrapy_over_pw": round(sc_again["wall_s"] / pw_again["wall_s"], 2),
        "cpu_scrapy_over_pw": round(
            sc_fresh["process_cpu_s"] / pw_again.get("crawler_cpu_s", pw_fresh["process_cpu_s"]), 2
        ),
        "recrawl_304_share_pw": round(pw_again["not_modified"] / max(1, pw_again["requests"]), 3),
    }


def freshness(rows: list[dict[str, Any]]) -> dict[str, Any]:
    """portalwatch's freshness figures, from the simulator's counts: on the no-change re-crawls
    the share of conditional requests and of 304s; on the change round the article requests
    beyond the new and edited pages (goal: none)."""
    by = {r["phase"]: r for r in rows if r["crawler"] == "portalwatch"}
    out: dict[str, Any] = {}
    for phase in ("recrawl", "recrawl-after-change"):
        if phase in by:
            out[f"{phase}_conditional_share"] = by[phase]["conditional_share"]
            out[f"{phase}_304_share"] = by[phase]["not_modified_share"]
    if "change" in by:
        served = by["change"]["served"]
        out["change_requests"] = sum(v for k, v in served.items() if k.isdigit())
        out["change_article_requests_new_or_edited"] = served.get("article-changed", 0)
        out["change_extra_requests"] = by["change"]["extra_requests"]
        out["change_edit_checks"] = by["change"]["edit_checks"]
    return out


def measure(args: argparse.Namespace) -> list[dict[str, Any]]:
    """Both crawlers, one after the other, against one simulator."""
    simulator = start_simulator(args.portals, args.port)
    rows: list[dict[str, Any]] = []
    try:
        modules = ["bench.crawl.pw_crawl"] + ([] if args.portalwatch_only else ["bench.crawl.scrapy_crawl"])
        for module in modules:
            control(args.port, "/__reset")
            lines = run_crawler(module, args)
            served = control(args.port, "/__stats")
            for line in lines:
                line["req_per_s"] = round(line["requests"] / line["wall_s"], 1)
            lines[0]["server_counts"] = served
            rows += lines
    finally:
        simulator.terminate()
        simulator.wait(timeout=10)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--portals", type=int, default=1000)
    parser.add_argument("--port", type=int, default=18080)
    parser.add_argument(
        "--delay", type=float, default=0.01, help="seconds between requests to one host"
    )
    parser.add_argument("--max-pages", type=int, default=5)
    parser.add_argument(
        "--hosts", type=int, default=64, help="hosts crawled at once (both crawlers)"
    )
    parser.add_argument(
        "--portalwatch-only", action="store_true", help="skip Scrapy (freshness figures only)"
    )
    args = parser.parse_args()

    rows = measure(args)
    ratios = {} if args.portalwatch_only else compute_ratios(rows)
    fresh = freshness(rows)
    print(
        f"crawl bench: {args.portals} portals, delay {args.delay} s, 1 in flight per host, "
        f"{args.hosts} hosts at once, max_pages {args.max_pages}"
    )
    print(table(rows))
    print(json.dumps(ratios))
    print("freshness:", json.dumps(fresh, ensure_ascii=False))
    RESULTS.mkdir(exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    (RESULTS / f"crawl-{stamp}.json").write_text(
        json.dumps(
            {"args": vars(args), "rows": rows, "ratios": ratios, "freshness": fresh}, indent=2
        )
    )


if __name__ == "__main__":
    main()
