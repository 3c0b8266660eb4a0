"""portalwatch's crawler against the simulator, with what storage hands back between runs
(validators, known articles, robots.txt texts, freshness stamps) kept in a real SQLite file
through storage.pages, as in production. Four phases, one JSON line each:

    fresh                  first crawl
    recrawl                nothing changed
    change                 the simulator's change round: some articles edited in place
                           (lastmod bumped), some new ones on top
    recrawl-after-change   nothing changed again

The recrawl line's `crawler_cpu_s` is this process's CPU time up to the end of the re-crawl,
storage excluded: the work the Scrapy process does, for the CPU ratio.
Each line carries the simulator's own counts for the phase: requests, conditional ones, 304s
and article requests outside the change round's new and edited pages (`extra_requests`).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import tempfile
import time
import urllib.request
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy.engine import Engine

from bench.crawl.simulator import portal_address
from core.config import CrawlerSettings, PortalConfig
from crawler import CrawlLimits, CrawlState, PortalCrawl, crawl_portals
from storage.db import open_database, session_scope
from storage.pages import crawl_state, record_pages
from storage.portals import sync_portals

AGENT = "portalwatch-bench"


def portals(count: int, port: int, max_pages: int) -> list[PortalConfig]:
    return [
        PortalConfig(
            id=f"xa-{i:04d}",
            name=f"Cổng thông tin xã {i}",
            start_urls=[f"http://{portal_address(i)}:{port}/tin-tuc"],
            sitemaps=[f"http://{portal_address(i)}:{port}/sitemap.xml"],
            max_pages=max_pages,
        )
        for i in range(count)
    ]


def control(port: int, path: str) -> dict[str, int]:
    with urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=30) as answer:
        return dict(json.loads(answer.read()))


def store(engine: Engine, results: dict[str, PortalCrawl]) -> None:
    with session_scope(engine) as session:
        for portal_id, crawl in results.items():
            record_pages(session, portal_id, crawl.pages)


def states(engine: Engine, configs: list[PortalConfig]) -> dict[str, CrawlState]:
    now = datetime.now(UTC)
    with session_scope(engine) as session:
        return {p.id: crawl_state(session, p.id, now) for p in configs}


def summary(
    phase: str, results: dict[str, PortalCrawl], wall: float, served: dict[str, int]
) -> dict[str, object]:
    pages = [p for r in results.values() for p in r.pages]
    statuses = Counter(str(p.status) for p in pages)
    kinds = Counter(p.kind for p in pages)
    checks = Counter(p.edit_check for p in pages if p.edit_check)
    requests = sum(r.requests for r in results.values())
    server = {k.split(" ", 1)[1]: v for k, v in served.items() if k.startswith(AGENT + " ")}
    answered = sum(v for k, v in server.items() if k.isdigit())
    return {
        "crawler": "portalwatch",
        "phase": phase,
        "wall_s": round(wall, 2),
        "requests": requests,
        "pages_200": statuses.get("200", 0),
        "not_modified": statuses.get("304", 0),
        "articles": kinds.get("article", 0),
        "listings": kinds.get("listing", 0),
        "errors": sum(len(r.errors) for r in results.values()),
        "requests_per_portal": round(requests / max(1, len(results)), 2),
        "edit_checks": dict(checks),
        "served": server,
        "conditional_share": round(server.get("conditional", 0) / max(1, answered), 3),
        "not_modified_share": round(server.get("304", 0) / max(1, answered), 3),
        "extra_requests": server.get("article-other", 0) if phase == "change" else None,
    }


async def run(count: int, port: int, delay: float, max_pages: int, hosts: int) -> None:
    settings = CrawlerSettings(min_delay_seconds=delay, user_agent=f"{AGENT}/1.0")
    limits = CrawlLimits(max_hosts_in_flight=hosts)
    configs = portals(count, port, max_pages)
    with tempfile.TemporaryDirectory(prefix="pw-crawl-bench-") as folder:
        engine = open_database(f"sqlite:///{Path(folder) / 'bench.db'}")
        with session_scope(engine) as session:
            sync_portals(session, configs)
        storage_cpu = 0.0  # spent in storage.pages, not by the crawler
        for phase in ("fresh", "recrawl", "change", "recrawl-after-change"):
            if phase == "change":
                control(port, "/__change")
            control(port, "/__zero")
            cpu = time.process_time()
            known = states(engine, configs) if phase != "fresh" else {}
            storage_cpu += time.process_time() - cpu
            started = time.perf_counter()
            results = await crawl_portals(configs, settings, known, limits=limits)
            wall = time.perf_counter() - started
            line = summary(phase, results, wall, control(port, "/__stats"))
            if phase == "recrawl":  # what the Scrapy process does: imports, fresh, re-crawl
                line["crawler_cpu_s"] = round(time.process_time() - storage_cpu, 2)
            print(json.dumps(line), flush=True)
            cpu = time.process_time()
            await asyncio.to_thread(store, engine, results)
            storage_cpu += time.process_time() - cpu
        engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--portals", type=int, default=1000)
    parser.add_argument("--port", type=int, default=18080)
    parser.add_argument("--delay", type=float, default=0.01)
    parser.add_argument("--max-pages", type=int, default=5)
    parser.add_argument("--hosts", type=int, default=64)
    args = parser.parse_args()
    asyncio.run(run(args.portals, args.port, args.delay, args.max_pages, args.hosts))


if __name__ == "__main__":
    main()
