"""portalwatch's crawler against the simulator: a fresh crawl, then a no-change re-crawl with
validators, known articles and robots texts fed back (what storage hands over in production).
Prints one JSON line per phase."""

from __future__ import annotations

import argparse
import asyncio
import json
import time
from collections import Counter

from bench.crawl.simulator import portal_address
from core.config import CrawlerSettings, PortalConfig
from crawler import CrawlLimits, CrawlState, PortalCrawl, Validators, crawl_portals


def portals(count: int, port: int, max_pages: int) -> list[PortalConfig]:
    return [
        PortalConfig(
            id=f"xa-{i:04d}",
            name=f"Cổng thông tin xã {i}",
            start_urls=[f"http://{portal_address(i)}:{port}/tin-tuc"],
            max_pages=max_pages,
        )
        for i in range(count)
    ]


def state_after(crawl: PortalCrawl) -> CrawlState:
    validators = {
        p.url: Validators(p.headers.get("etag"), p.headers.get("last-modified"))
        for p in crawl.pages
        if p.kind != "article" and p.status in (200, 304)
    }
    return CrawlState(
        validators=validators,
        known_articles=frozenset(p.url for p in crawl.articles),
        robots=dict(crawl.robots),
    )


def summary(phase: str, results: dict[str, PortalCrawl], wall: float) -> dict[str, object]:
    pages = [p for r in results.values() for p in r.pages]
    statuses = Counter(str(p.status) for p in pages)
    kinds = Counter(p.kind for p in pages)
    requests = sum(r.requests for r in results.values())
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
    }


async def run(count: int, port: int, delay: float, max_pages: int, hosts: int) -> None:
    settings = CrawlerSettings(min_delay_seconds=delay, user_agent="portalwatch-bench/1.0")
    limits = CrawlLimits(max_hosts_in_flight=hosts)
    configs = portals(count, port, max_pages)
    started = time.perf_counter()
    fresh = await crawl_portals(configs, settings, {}, limits=limits)
    print(json.dumps(summary("fresh", fresh, time.perf_counter() - started)), flush=True)
    states = {pid: state_after(crawl) for pid, crawl in fresh.items()}
    started = time.perf_counter()
    again = await crawl_portals(configs, settings, states, limits=limits)
    print(json.dumps(summary("recrawl", again, time.perf_counter() - started)), flush=True)


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
