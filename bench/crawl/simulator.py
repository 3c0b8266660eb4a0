"""A loopback portal simulator: N portals, each on its own loopback address (127.0.x.y), one
port. Each portal has robots.txt, a paginated listing, a sitemap with <lastmod> and 5-20
articles, all with ETags (so a conditional GET gets 304). Counts requests per client (by
User-Agent): by status, conditional ones, and article requests outside the change round's
new and edited pages ("article-other").

    python -m bench.crawl.simulator --portals 1000 --port 18080
    GET http://127.0.0.1:18080/__stats  → JSON counters;  /__zero → zero them
    GET /__change → the change round: per portal, some articles edited in place (new text,
        new ETag, lastmod bumped; the listing unchanged) and some new ones on top
    GET /__reset  → back to the first state, counters zeroed
"""

from __future__ import annotations

import argparse
import asyncio
import hashlib
import json
import random
import signal
from collections import Counter
from dataclasses import dataclass

HEADLINES = (
    "Hội nghị sơ kết công tác dân vận 6 tháng đầu năm",
    "Ủy ban nhân dân xã triển khai kế hoạch chuyển đổi số",
    "Đảng ủy xã quán triệt nghị quyết của Ban Chấp hành Đảng bộ tỉnh",
    "Ra quân hưởng ứng Tháng Thanh niên với nhiều công trình thiết thực",
    "Tập huấn nghiệp vụ văn thư, lưu trữ cho cán bộ cấp xã",
    "Trao quyết định công tác cán bộ sau sắp xếp đơn vị hành chính",
    "Mô hình nuôi cá lồng mang lại thu nhập ổn định cho nông dân",
    "Tuyên truyền học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
)
PARAGRAPH = (
    "Tại hội nghị, các đại biểu đã nghe báo cáo kết quả thực hiện nhiệm vụ chính trị, thảo luận "
    "những giải pháp trọng tâm trong thời gian tới; toàn xã có 298 mô hình dân vận khéo, giải "
    "quyết 36/42 đơn thư, đạt 85% kế hoạch đề ra. "
)
PER_PAGE = 5
EDIT_SHARE = 0.2  # of a portal's articles edited in the change round (at least one)
NEW_ARTICLES = (0, 2)  # new articles per portal in the change round (inclusive range)
FIRST_LASTMOD, EDIT_LASTMOD = "2025-05-17T08:00:00+07:00", "2025-05-18T09:30:00+07:00"
EDIT_PARAGRAPH = (
    "Cập nhật: hội nghị thống nhất triển khai Kế hoạch số 1234/KH-UBND ngày 5/6/2025 về chuyển "
    "đổi số cấp xã. "
)


@dataclass(frozen=True)
class Portal:
    index: int
    address: str
    articles: tuple[str, ...]  # paths, newest first


def portal_address(index: int) -> str:
    """Portal i lives on 127.0.(1 + i // 250).(1 + i % 250)."""
    return f"127.0.{1 + index // 250}.{1 + index % 250}"


def build_portals(count: int, seed: int = 20250517) -> list[Portal]:
    rnd = random.Random(seed)
    portals = []
    for i in range(count):
        n = rnd.randint(5, 20)
        paths = tuple(f"/tin-tuc/bai-viet-so-{i}-{k}-{10000 + k}.html" for k in range(n, 0, -1))
        portals.append(Portal(i, portal_address(i), paths))
    return portals


def listing_page(portal: Portal, number: int) -> bytes:
    chunk = portal.articles[(number - 1) * PER_PAGE : number * PER_PAGE]
    # An item's headline and picture belong to the article, wherever the listing shows it.
    rows = "".join(
        f'<li class="news-item"><a href="{p}"><img src="/anh/{k}.jpg" alt=""></a>'
        f'<h3><a href="{p}">{HEADLINES[(k + portal.index) % len(HEADLINES)]} (số {k})</a></h3>'
        f'<span class="date">17/05/2025</span><p>{PARAGRAPH[:160]}</p></li>'
        for k, p in ((_number(p), p) for p in chunk)
    )
    pages = -(-len(portal.articles) // PER_PAGE)
    pager = f'<a href="/tin-tuc/page-{number + 1}">Trang sau</a>' if number < pages else ""
    menu = "".join(f'<li><a href="/chuyen-muc-{k}">Chuyên mục {k}</a></li>' for k in range(12))
    return (
        f'<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Tin tức - Cổng '
        f'{portal.index}</title></head><body><div class="top-menu"><ul>{menu}</ul></div>'
        f'<ul class="list-news">{rows}</ul><div class="paging">{pager}</div>'
        f'<div class="footer">Cơ quan chủ quản: Ủy ban nhân dân xã. {PARAGRAPH}</div></body></html>'
    ).encode()


def sitemap_page(address: str, port: int, paths: tuple[str, ...], edited: set[str]) -> bytes:
    urls = "".join(
        f"<url><loc>http://{address}:{port}{p}</loc>"
        f"<lastmod>{EDIT_LASTMOD if p in edited else FIRST_LASTMOD}</lastmod></url>"
        for p in paths
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>'
        f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
    ).encode()


def changed(portal: Portal, seed: int = 7) -> tuple[Portal, set[str], set[str]]:
    """The portal after the change round, its edited paths and its new ones."""
    rnd = random.Random(seed * 100_003 + portal.index)
    count = rnd.randint(*NEW_ARTICLES)
    top = len(portal.articles)
    new = tuple(
        f"/tin-tuc/bai-viet-so-{portal.index}-{k}-{10000 + k}.html"
        for k in range(top + count, top, -1)
    )
    edited = set(rnd.sample(portal.articles, max(1, round(len(portal.articles) * EDIT_SHARE))))
    return Portal(portal.index, portal.address, new + portal.articles), edited, set(new)


def _number(path: str) -> int:
    """k of /tin-tuc/bai-viet-so-<portal>-<k>-<10000 + k>.html"""
    return int(path.rsplit("-", 1)[-1].split(".")[0]) - 10000


def article_page(portal: Portal, path: str, edited: bool = False) -> bytes:
    body = "".join(f"<p>{PARAGRAPH * 3}</p>" for _ in range(6))
    if edited:
        body += f"<p>{EDIT_PARAGRAPH}</p>"
    return (
        f'<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>{path}</title>'
        f"</head><body><h1>{HEADLINES[portal.index % len(HEADLINES)]}</h1>"
        f'<div class="content">{body}</div></body></html>'
    ).encode()


class Site:
    """Every portal's pages, prebuilt, with ETags; the first state or the changed one."""

    def __init__(self, portals: list[Portal], port: int) -> None:
        self.portals = portals
        self.port = port
        self.pages: dict[tuple[str, str], tuple[bytes, bytes, str]] = {}
        self.expected: set[tuple[str, str]] = set()  # new and edited article pages
        self.stats: Counter[str] = Counter()
        self.build(change=False)

    def build(self, change: bool) -> None:
        self.pages.clear()
        self.expected.clear()
        for first in self.portals:
            portal, edited, new = changed(first) if change else (first, set(), set())
            self.expected |= {(portal.address, p) for p in edited | new}
            self._add(portal, "/robots.txt", b"User-agent: *\nDisallow: /quan-tri/\n", "text/plain")
            pages = -(-len(portal.articles) // PER_PAGE)
            for number in range(1, pages + 1):
                path = "/tin-tuc" if number == 1 else f"/tin-tuc/page-{number}"
                self._add(portal, path, listing_page(portal, number))
            sitemap = sitemap_page(portal.address, self.port, portal.articles, edited)
            self._add(portal, "/sitemap.xml", sitemap, "application/xml")
            for path in portal.articles:
                self._add(portal, path, article_page(portal, path, path in edited))

    def _add(self, portal: Portal, path: str, body: bytes, kind: str = "text/html") -> None:
        etag = '"' + hashlib.blake2s(body, digest_size=8).hexdigest() + '"'
        ctype = f"{kind}; charset=utf-8"
        self.pages[(portal.address, path)] = (body, etag.encode(), ctype)

    def respond(self, address: str, path: str, headers: dict[bytes, bytes]) -> bytes:
        agent = headers.get(b"user-agent", b"").decode("latin-1").split("/")[0] or "?"
        if path.startswith("/__"):
            return self._control(path)
        found = self.pages.get((address, path))
        if found is None:
            self.stats[f"{agent} 404"] += 1
            return _response(404, b"Khong tim thay", b"text/plain")
        body, etag, ctype = found
        if b"if-none-match" in headers or b"if-modified-since" in headers:
            self.stats[f"{agent} conditional"] += 1
        if path.endswith(".html"):
            outside = (address, path) not in self.expected
            self.stats[f"{agent} article-{'other' if outside else 'changed'}"] += 1
        if headers.get(b"if-none-match") == etag:
            self.stats[f"{agent} 304"] += 1
            return _response(304, b"", None, etag)
        self.stats[f"{agent} 200"] += 1
        return _response(200, body, ctype.encode(), etag)

    def _control(self, path: str) -> bytes:
        if path in ("/__reset", "/__change"):
            self.build(change=path == "/__change")
        if path in ("/__reset", "/__zero"):
            self.stats.clear()
        return _response(200, json.dumps(self.stats).encode(), b"application/json")


def _response(status: int, body: bytes, ctype: bytes | None, etag: bytes | None = None) -> bytes:
    reason = {200: b"OK", 304: b"Not Modified", 404: b"Not Found"}[status]
    head = [b"HTTP/1.1 %d %s" % (status, reason), b"Content-Length: %d" % len(body)]
    if ctype:
        head.append(b"Content-Type: " + ctype)
    if etag:
        head.append(b"ETag: " + etag)
    return b"\r\n".join(head) + b"\r\n\r\n" + body


class Http(asyncio.Protocol):
    """Minimal HTTP/1.1 with keep-alive: GET only, no request bodies."""

    site: Site

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport  # type: ignore[assignment]
        self.address = transport.get_extra_info("sockname")[0]
        self.buffer = b""

    def data_received(self, data: bytes) -> None:
        self.buffer += data
        while b"\r\n\r\n" in self.buffer:
            raw, self.buffer = self.buffer.split(b"\r\n\r\n", 1)
            lines = raw.split(b"\r\n")
            parts = lines[0].split(b" ")
            path = parts[1].decode("latin-1") if len(parts) > 1 else "/"
            headers = {}
            for line in lines[1:]:
                key, _, value = line.partition(b":")
                headers[key.strip().lower()] = value.strip()
            self.transport.write(self.site.respond(self.address, path, headers))  # type: ignore[attr-defined]
            if headers.get(b"connection", b"").lower() == b"close":
                self.transport.close()
                return


async def serve(count: int, port: int) -> None:
    portals = build_portals(count)
    Http.site = Site(portals, port)
    loop = asyncio.get_running_loop()
    hosts = ["127.0.0.1", *(p.address for p in portals)]
    server = await loop.create_server(Http, host=hosts, port=port, backlog=1024)
    stop = asyncio.Event()
    loop.add_signal_handler(signal.SIGTERM, stop.set)
    loop.add_signal_handler(signal.SIGINT, stop.set)
    print(json.dumps({"ready": True, "portals": count, "port": port}), flush=True)
    async with server:
        await stop.wait()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--portals", type=int, default=1000)
    parser.add_argument("--port", type=int, default=18080)
    args = parser.parse_args()
    asyncio.run(serve(args.portals, args.port))


if __name__ == "__main__":
    main()
