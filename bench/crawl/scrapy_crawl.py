"""Scrapy against the simulator under the same politeness: one request in flight per host, the
same download delay, robots.txt obeyed, no HTTP cache. The spider uses portalwatch's own
listing extractor, follows pagination up to max_pages, stops paging when a page brings nothing
new, and skips articles it already has (the re-crawl gets the fresh crawl's article URLs), so
both crawlers do the same work; Scrapy has no conditional GET without its HTTP cache.
Prints one JSON line per phase."""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Iterator
from typing import Any

import scrapy
from scrapy.crawler import CrawlerProcess
from scrapy.http import Response

from bench.crawl.simulator import portal_address
from core.urls import canonical_url
from parsers.links import extract_listing


class PortalSpider(scrapy.Spider):
    name = "portals"

    def __init__(self, starts: list[str], known: set[str], max_pages: int, **kw: Any) -> None:
        super().__init__(**kw)
        self.starts = starts
        self.known = known
        self.max_pages = max_pages
        self.fetched: list[str] = []

    async def start(self) -> Any:
        for url in self.starts:
            yield scrapy.Request(url, callback=self.listing, cb_kwargs={"page": 1})

    def listing(self, response: Response, page: int) -> Iterator[scrapy.Request]:
        found = extract_listing(response.text, response.url)
        fresh = [x for x in found.article_links if canonical_url(x.url) not in self.known]
        for link in fresh:
            yield scrapy.Request(link.url, callback=self.article)
        if fresh and page < self.max_pages and found.next_pages:
            yield scrapy.Request(
                found.next_pages[0].url, callback=self.listing, cb_kwargs={"page": page + 1}
            )

    def article(self, response: Response) -> None:
        if response.text:  # decode, as the other crawler does
            self.fetched.append(canonical_url(response.url))


def settings(delay: float, hosts: int) -> dict[str, Any]:
    return {
        "USER_AGENT": "scrapy-bench/1.0",
        "ROBOTSTXT_OBEY": True,
        "CONCURRENT_REQUESTS": hosts,
        "CONCURRENT_REQUESTS_PER_DOMAIN": 1,
        "DOWNLOAD_DELAY": delay,
        "RANDOMIZE_DOWNLOAD_DELAY": False,
        "HTTPCACHE_ENABLED": False,
        "AUTOTHROTTLE_ENABLED": False,
        "COOKIES_ENABLED": False,
        "TELNETCONSOLE_ENABLED": False,
        "RETRY_TIMES": 2,
        "REDIRECT_MAX_TIMES": 5,
        "DOWNLOAD_TIMEOUT": 30,
        "DOWNLOAD_MAXSIZE": 10_000_000,
        "LOG_LEVEL": "ERROR",
        # Scrapy's own advice for broad crawls: schedule by downloader slot, so that requests
        # waiting on one busy host do not hold the global concurrency.
        "SCHEDULER_PRIORITY_QUEUE": "scrapy.pqueues.DownloaderAwarePriorityQueue",
        "REACTOR_THREADPOOL_MAXSIZE": 20,
    }


def report(phase: str, crawler: Any, wall: float, portals: int) -> dict[str, Any]:
    """One phase's figures from Scrapy's own stats."""
    stats = crawler.stats.get_stats()
    requests = stats.get("downloader/request_count", 0)
    return {
        "crawler": "scrapy",
        "phase": phase,
        "wall_s": round(wall, 2),
        "requests": requests,
        "pages_200": stats.get("downloader/response_status_count/200", 0),
        "not_modified": stats.get("downloader/response_status_count/304", 0),
        "articles": len(crawler.spider.fetched),
        "errors": stats.get("log_count/ERROR", 0),
        "requests_per_portal": round(requests / max(1, portals), 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--portals", type=int, default=1000)
    parser.add_argument("--port", type=int, default=18080)
    parser.add_argument("--delay", type=float, default=0.01)
    parser.add_argument("--max-pages", type=int, default=5)
    parser.add_argument("--hosts", type=int, default=64)
    args = parser.parse_args()
    starts = [f"http://{portal_address(i)}:{args.port}/tin-tuc" for i in range(args.portals)]

    process = CrawlerProcess(settings(args.delay, args.hosts))
    phases: list[tuple[str, Any, float]] = []
    known: set[str] = set()

    def crawl(phase: str) -> Any:
        crawler = process.create_crawler(PortalSpider)
        began = time.perf_counter()
        deferred = process.crawl(crawler, starts=starts, known=set(known), max_pages=args.max_pages)
        deferred.addCallback(lambda _: phases.append((phase, crawler, time.perf_counter() - began)))
        return deferred

    def second(_: Any) -> Any:
        known.update(phases[0][1].spider.fetched)
        return crawl("recrawl")

    crawl("fresh").addCallback(second)
    process.start()
    for phase, crawler, wall in phases:
        print(json.dumps(report(phase, crawler, wall, args.portals)), flush=True)


if __name__ == "__main__":
    main()
