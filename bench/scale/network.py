"""A loopback network of news portals for the scale benchmark, in its own process.

N portals, each on its own loopback address (127.0.x.y, one port), each with robots.txt, one
listing page naming all its articles (newest first), and A articles whose texts are distinct
generated Vietnamese reports (figures and directive codes included, so that parsing, dedup and
detection do real work). Every response waits `latency` seconds first, like a slow portal
server. ETags make conditional GETs answer 304.

    python -m bench.scale.network --portals 1000 --articles 20 --latency 0.05 --port 18090
    GET http://127.0.0.1:PORT/__stats    JSON counters per client and status
    GET http://127.0.0.1:PORT/__reset    zero them
    GET http://127.0.0.1:PORT/__in_flight    the most requests ever in flight to one host
    GET http://127.0.0.1:PORT/__advance?share=0.1&new=5    that share of portals publish `new`
                                          articles each (their listing changes, nothing else)
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import random
import signal
from collections import Counter
from functools import lru_cache
from urllib.parse import parse_qs, urlsplit

from bench.crawl.simulator import _response
from bench.dedup.corpus import _context, _skeleton, render

MENU = "".join(f'<li><a href="/chuyen-muc-{k}">Chuyên mục {k}</a></li>' for k in range(14))
SIDEBAR = "".join(
    f'<li><a href="/lien-ket-{k}">Cổng thông tin điện tử số {k}</a></li>' for k in range(10)
)


def portal_address(index: int) -> str:
    """Portal i lives on 127.0.(1 + i // 250).(1 + i % 250): up to 63,750 portals."""
    return f"127.0.{1 + index // 250}.{1 + index % 250}"


def article_path(portal: int, k: int) -> str:
    """Article k of a portal; the trailing number is the id a portal's CMS would give it."""
    return f"/tin-tuc/bai-viet-{portal}-{k}-{100000 + k}.html"


@lru_cache(maxsize=4096)
def article_html(portal: int, k: int) -> bytes:
    rng = random.Random(portal * 1_000_003 + k)
    title, text = render(_skeleton(rng, _context(rng)))
    paragraphs = "".join(f"<p>{p}</p>" for p in text.split("\n\n"))
    day = 1 + k % 28
    return (
        '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">'
        f"<title>{title} - Cổng thông tin {portal}</title></head><body>"
        f'<div class="header"><ul class="menu">{MENU}</ul></div>'
        f'<div class="main"><div class="post"><h1 class="entry-title">{title}</h1>'
        f'<span class="post-date">{day:02d}/05/2025 08:30</span>'
        f'<div class="entry-content">{paragraphs}</div></div>'
        f'<div class="sidebar"><h3>Liên kết</h3><ul>{SIDEBAR}</ul></div></div>'
        '<div class="footer">Cơ quan chủ quản: Ủy ban nhân dân xã. Ghi rõ nguồn khi phát hành lại.'
        "</div></body></html>"
    ).encode()


def listing_html(portal: int, count: int) -> bytes:
    rows = "".join(
        f'<li class="news-item"><h3><a href="{article_path(portal, k)}">Bài viết số {k} của '
        f'cổng {portal}</a></h3><span class="date">{1 + k % 28:02d}/05/2025</span></li>'
        for k in range(count, 0, -1)
    )
    return (
        '<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">'
        f"<title>Tin tức - Cổng {portal}</title></head><body>"
        f'<div class="header"><ul class="menu">{MENU}</ul></div>'
        f'<ul class="list-news">{rows}</ul>'
        '<div class="footer">Cơ quan chủ quản: Ủy ban nhân dân xã.</div></body></html>'
    ).encode()


ROBOTS = b"User-agent: *\nDisallow: /quan-tri/\n"


def etag_of(body: bytes) -> bytes:
    return b'"' + hashlib.blake2s(body, digest_size=8).hexdigest().encode() + b'"'


class Network:
    def __init__(self, portals: int, articles: int, latency: float) -> None:
        self.counts = [articles] * portals
        self.index = {portal_address(i): i for i in range(portals)}
        self.latency = latency
        self.stats: Counter[str] = Counter()
        self.in_flight: Counter[str] = Counter()  # per address, now
        self.max_in_flight: Counter[str] = Counter()  # per address, the most ever at once

    def body(self, portal: int, path: str) -> tuple[bytes, bytes] | None:
        if path == "/robots.txt":
            return ROBOTS, b"text/plain; charset=utf-8"
        if path == "/tin-tuc":
            return listing_html(portal, self.counts[portal]), b"text/html; charset=utf-8"
        prefix = f"/tin-tuc/bai-viet-{portal}-"
        if path.startswith(prefix) and path.endswith(".html"):
            k = path[len(prefix) : -5].split("-")[0]
            if k.isdigit() and 1 <= int(k) <= self.counts[portal] and path == article_path(portal, int(k)):
                return article_html(portal, int(k)), b"text/html; charset=utf-8"
        return None

    def control(self, path: str, query: str) -> bytes:
        if path == "/__reset":
            self.stats.clear()
            self.max_in_flight.clear()
        elif path == "/__in_flight":
            worst = max(self.max_in_flight.values(), default=0)
            return json.dumps({"max_in_flight_per_host": worst, "hosts": len(self.max_in_flight)}).encode()
        elif path == "/__advance":
            args = parse_qs(query)
            share = float(args.get("share", ["0.1"])[0])
            new = int(args.get("new", ["5"])[0])
            chosen = random.Random(sum(self.counts)).sample(
                range(len(self.counts)), int(len(self.counts) * share)
            )
            for i in chosen:
                self.counts[i] += new
            return json.dumps({"advanced": len(chosen), "new_articles": len(chosen) * new}).encode()
        return json.dumps(self.stats).encode()

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        address = writer.get_extra_info("sockname")[0]
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                lines = head.split(b"\r\n")
                target = lines[0].split(b" ")[1].decode("latin-1")
                headers = {}
                for line in lines[1:]:
                    key, _, value = line.partition(b":")
                    headers[key.strip().lower()] = value.strip()
                parts = urlsplit(target)
                writer.write(await self.respond(address, parts.path, parts.query, headers))
                await writer.drain()
                if headers.get(b"connection", b"").lower() == b"close":
                    break
        except (asyncio.IncompleteReadError, ConnectionError, asyncio.LimitOverrunError):
            pass
        finally:
            writer.close()

    async def respond(self, address: str, path: str, query: str, headers: dict[bytes, bytes]) -> bytes:
        if path.startswith("/__"):
            return _response(200, self.control(path, query), b"application/json")
        agent = headers.get(b"user-agent", b"?").decode("latin-1").split("/")[0]
        self.in_flight[address] += 1
        self.max_in_flight[address] = max(self.max_in_flight[address], self.in_flight[address])
        try:
            if self.latency:
                await asyncio.sleep(self.latency)
        finally:
            self.in_flight[address] -= 1
        portal = self.index.get(address)
        found = None if portal is None else self.body(portal, path)
        if found is None:
            self.stats[f"{agent} 404"] += 1
            return _response(404, b"Khong tim thay", b"text/plain")
        body, ctype = found
        etag = etag_of(body)
        if headers.get(b"if-none-match") == etag:
            self.stats[f"{agent} 304"] += 1
            return _response(304, b"", None, etag)
        self.stats[f"{agent} 200"] += 1
        return _response(200, body, ctype, etag)


async def serve(portals: int, articles: int, latency: float, port: int) -> None:
    network = Network(portals, articles, latency)
    hosts = ["127.0.0.1", *network.index]
    server = await asyncio.start_server(network.handle, host=hosts, port=port, backlog=2048)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    loop.add_signal_handler(signal.SIGINT, stop.set)
    print(json.dumps({"ready": True, "portals": portals, "port": port}), flush=True)
    async with server:
        await stop.wait()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--portals", type=int, default=1000)
    parser.add_argument("--articles", type=int, default=20)
    parser.add_argument("--latency", type=float, default=0.05)
    parser.add_argument("--port", type=int, default=18090)
    args = parser.parse_args()
    asyncio.run(serve(args.portals, args.articles, args.latency, args.port))


if __name__ == "__main__":
    main()
