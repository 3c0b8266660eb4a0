"""Scrapy on the scale network: robots.txt, each portal's listing, every article it links,
and each article's title and text exported as JSON Lines — the crawl-and-export a team
would write with Scrapy for this job. Same politeness as portalwatch's side of the benchmark.

    python -m bench.scale.scrapy_peer --portals 1000 --port 18090 --out items.jsonl
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Iterator
from typing import Any

import scrapy
from scrapy.crawler import CrawlerProcess
from scrapy.http import Response
from selectolax.lexbor import LexborHTMLParser as HTMLParser

from bench.crawl.scrapy_crawl import settings as crawl_settings
from bench.scale.network import portal_address


class PortalSpider(scrapy.Spider):
    name = "scale"

    def __init__(self, starts: list[str], **kw: Any) -> None:
        super().__init__(**kw)
        self.starts = starts

    async def start(self) -> Any:
        for url in self.starts:
            yield scrapy.Request(url, callback=self.listing)

    def listing(self, response: Response) -> Iterator[scrapy.Request]:
        for href in response.css("ul.list-news a::attr(href)").getall():
            yield response.follow(href, callback=self.article)

    def article(self, response: Response) -> Iterator[dict[str, str]]:
        tree = HTMLParser(response.text)
        title = tree.css_first("h1")
        body = tree.css_first(".entry-content")
        yield {
            "url": response.url,
            "title": title.text(strip=True) if title else "",
            "text": body.text(separator="\n", strip=True) if body else "",
        }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--portals", type=int, default=1000)
    parser.add_argument("--port", type=int, default=18090)
    parser.add_argument("--hosts", type=int, default=64)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    starts = [f"http://{portal_address(i)}:{args.port}/tin-tuc" for i in range(args.portals)]
    options = crawl_settings(0.0, args.hosts) | {"FEEDS": {args.out: {"format": "jsonlines"}}}
    process = CrawlerProcess(options)
    crawler = process.create_crawler(PortalSpider)
    began = time.perf_counter()
    process.crawl(crawler, starts=starts)
    process.start()
    stats = crawler.stats.get_stats()
    print(json.dumps({
        "wall_s": round(time.perf_counter() - began, 2),
        "requests": stats.get("downloader/request_count", 0),
        "items": stats.get("item_scraped_count", 0),
    }))


if __name__ == "__main__":
    main()
