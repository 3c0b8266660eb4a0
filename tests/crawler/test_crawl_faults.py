"""Faults a public portal throws at the crawler, injected by a real loopback server."""

from __future__ import annotations

import ssl
from dataclasses import replace
from pathlib import Path

import pytest
from conftest import FAST, FAST_LIMITS
from loopback_site import LoopbackSite, Reply
from vn_pages import HEADLINES, article_html, listing_html, publish_newsroom, slug, to_cp1258

from core.config import CrawlerSettings, PortalConfig
from crawler import PortalCrawl, crawl_portals

pytestmark = pytest.mark.timeout(30)

ROBOTS_OK = Reply(body=b"User-agent: *\nDisallow:\n", content_type="text/plain")


def _portal(site: LoopbackSite, **fields: object) -> PortalConfig:
    values: dict[str, object] = {
        "id": "backan",
        "name": "Cổng TTĐT tỉnh Bắc Kạn",
        "start_urls": [site.url("/tin-tuc")],
        "max_pages": 5,
    }
    values.update(fields)
    return PortalConfig(**values)  # type: ignore[arg-type]


async def _crawl(
    portal: PortalConfig, settings: CrawlerSettings = FAST, **limits: object
) -> PortalCrawl:
    result = await crawl_portals([portal], settings, {}, limits=replace(FAST_LIMITS, **limits))
    return result[portal.id]


def _one_article(site: LoopbackSite, reply: Reply | list[Reply]) -> str:
    """A listing with one article whose answer is scripted; returns the article path."""
    path = f"/tin-tuc/{slug(HEADLINES[0])}-1000.html"
    site.route("/robots.txt", ROBOTS_OK)
    site.html("/tin-tuc", listing_html([(path, HEADLINES[0])]))
    site.route(path, reply)
    return path


def _article(crawl: PortalCrawl):  # type: ignore[no-untyped-def]
    [page] = [p for p in crawl.pages if p.kind == "article"]
    return page


async def test_server_error_then_success_is_retried(site: LoopbackSite) -> None:
    path = _one_article(
        site,
        [Reply(status=500), Reply(status=502), Reply(body=article_html(HEADLINES[0]).encode())],
    )
    crawl = await _crawl(_portal(site))
    assert _article(crawl).status == 200 and crawl.errors == []
    assert [h.status for h in site.hits if h.path == path] == [500, 502, 200]


async def test_persistent_server_error_gives_up_after_bounded_retries(site: LoopbackSite) -> None:
    path = _one_article(site, Reply(status=500))
    crawl = await _crawl(_portal(site))
    page = _article(crawl)
    assert (page.status, page.error, page.transient) == (500, "HTTP 500", True)
    assert site.count(path) == 1 + FAST_LIMITS.max_retries
    assert crawl.errors == [f"article {page.url}: HTTP 500"]


async def test_connection_reset_is_retried(site: LoopbackSite) -> None:
    path = _one_article(site, [Reply(reset=True), Reply(body=article_html(HEADLINES[0]).encode())])
    crawl = await _crawl(_portal(site))
    assert _article(crawl).status == 200 and site.count(path) == 2


async def test_slow_body_hits_the_total_timeout(site: LoopbackSite) -> None:
    body = article_html(HEADLINES[1]).encode()
    _one_article(site, Reply(body=body, chunks=20, chunk_delay=0.1))
    settings = FAST.model_copy(update={"timeout_seconds": 0.5})
    crawl = await _crawl(_portal(site), settings)
    page = _article(crawl)
    assert page.status == 0 and page.error == "timed out after 0.5 s" and page.transient
    assert page.elapsed_ms < 1500


async def test_redirect_loop_and_long_chain_are_cut(site: LoopbackSite) -> None:
    site.route("/robots.txt", ROBOTS_OK)
    site.route("/tin-tuc", Reply(status=302, headers={"Location": "/tin-tuc/"}))
    site.route("/tin-tuc/", Reply(status=301, headers={"Location": site.url("/tin-tuc")}))
    for n in range(8):
        site.route(f"/chuyen-{n}", Reply(status=307, headers={"Location": f"/chuyen-{n + 1}"}))
    crawl = await _crawl(_portal(site, start_urls=[site.url("/tin-tuc"), site.url("/chuyen-0")]))

    errors = {p.url.rsplit("/", 1)[-1]: p.error for p in crawl.pages if p.kind == "listing"}
    assert errors["tin-tuc"].startswith("redirect loop at ")
    assert errors["chuyen-0"] == "more than 5 redirects"
    assert not any(p.transient for p in crawl.pages)
    assert site.count("/chuyen-6") == 0 and crawl.failed


async def test_huge_bodies_are_refused_while_streaming(site: LoopbackSite) -> None:
    site.route("/robots.txt", ROBOTS_OK)
    big = b"<p>" + "Dữ liệu thống kê ".encode() * 20_000 + b"</p>"
    site.route("/tin-tuc", Reply(body=big))
    site.route("/tin-tuc-2", Reply(body=big, chunked=True, chunks=40))
    settings = FAST.model_copy(update={"max_bytes": 100_000})
    crawl = await _crawl(
        _portal(site, start_urls=[site.url("/tin-tuc"), site.url("/tin-tuc-2")]), settings
    )

    errors = sorted(p.error or "" for p in crawl.pages if p.kind == "listing")
    assert errors == [
        "body exceeds max_bytes 100000",
        f"body of {len(big)} bytes exceeds max_bytes 100000",
    ]
    assert all(p.body == b"" for p in crawl.pages if p.kind == "listing")


async def test_windows_1258_page_without_charset_header(site: LoopbackSite) -> None:
    title = HEADLINES[3]
    path = _one_article(
        site,
        Reply(
            body=to_cp1258(article_html(title).replace('<meta charset="utf-8">', "")),
            content_type="text/html",
        ),
    )
    crawl = await _crawl(_portal(site))
    page = _article(crawl)
    assert title in page.text and "Thu Trang" in page.text
    assert page.url.endswith(path)


async def test_robots_unavailable_means_hands_off(site: LoopbackSite) -> None:
    publish_newsroom(site, count=2)
    site.route("/robots.txt", Reply(status=503))
    crawl = await _crawl(_portal(site))
    assert site.paths() == ["/robots.txt"] * (1 + FAST_LIMITS.max_retries)
    assert crawl.failed
    assert "robots.txt unavailable (HTTP 503); host treated as disallowed" in crawl.errors[-1]


async def test_redirects_to_internal_addresses_are_refused(site: LoopbackSite) -> None:
    site.route("/robots.txt", ROBOTS_OK)
    internal = [
        "http://169.254.169.254/latest/meta-data/",
        "http://10.20.30.40/quan-tri",
        "http://[::1]:8080/",
        "ftp://127.0.0.1/tai-lieu.doc",
    ]
    links = [
        (f"/tin-tuc/chuyen-huong-{i}-{slug(HEADLINES[i])}-{300 + i}.html", HEADLINES[i])
        for i in range(len(internal))
    ]
    links.append(
        ("http://192.168.1.10/tin-tuc/bai-viet-noi-bo-cua-co-quan-khac-1234.html", HEADLINES[9])
    )
    site.html("/tin-tuc", listing_html(links))
    for (path, _), target in zip(links, internal, strict=False):
        site.route(path, Reply(status=302, headers={"Location": target}))
    crawl = await _crawl(_portal(site))

    errors = sorted(p.error or "" for p in crawl.pages if p.kind == "article")
    assert errors == [
        "refused internal address 10.20.30.40 for host 10.20.30.40",
        "refused internal address 169.254.169.254 for host 169.254.169.254",
        "refused internal address ::1 for host ::1",
        "refused scheme 'ftp'",
    ]
    assert not any("192.168.1.10" in p.url for p in crawl.pages)  # another host: not followed


async def test_moved_portal_is_followed_to_its_new_host(make_site) -> None:  # type: ignore[no-untyped-def]
    old, new = make_site(), make_site()
    paths = publish_newsroom(new, count=3)
    old.route("/robots.txt", ROBOTS_OK)
    old.route("/tin-tuc", Reply(status=301, headers={"Location": new.url("/tin-tuc")}))
    crawl = await _crawl(_portal(old))

    assert sorted(p.url for p in crawl.articles) == sorted(new.url(p) for p in paths)
    [listing] = [p for p in crawl.pages if p.kind == "listing"]
    assert listing.url == old.url("/tin-tuc") and listing.final_url == new.url("/tin-tuc")
    assert new.paths()[0] == "/robots.txt"  # the new host's robots.txt is read first


async def test_endless_pagination_is_bounded(site: LoopbackSite) -> None:
    def page(hit):  # type: ignore[no-untyped-def]
        number = int(hit.path.split("PageIndex=")[1]) if "PageIndex=" in hit.path else 1
        items = [
            (
                f"/Pages/2025-5-{number % 28 + 1}/bao-cao-so-{number}-{k}-{9000 + 10 * number + k}.aspx",
                f"{HEADLINES[k]} (kỳ {number})",
            )
            for k in range(3)
        ]
        nxt = f"/tin-tuc?PageIndex={number + 1}"
        calendar = f'<a href="/tin-tuc?ngay=2025-05-{number % 28 + 1:02d}">Ngày hôm sau</a>'
        return Reply(body=listing_html(items, nxt, extra=calendar).encode())

    site.route("/robots.txt", ROBOTS_OK)
    site.route("/tin-tuc", page)
    for number in range(1, 30):
        site.route(f"/tin-tuc?PageIndex={number}", page)
    crawl = await _crawl(_portal(site, max_pages=4))

    listings = [p for p in site.paths() if p.startswith("/tin-tuc")]
    assert listings == ["/tin-tuc"] + [f"/tin-tuc?PageIndex={n}" for n in (2, 3, 4)]
    assert len([p for p in crawl.pages if p.kind == "article"]) == 12

    site.hits.clear()
    budget = await _crawl(_portal(site, max_pages=50), max_requests_per_portal=10)
    assert budget.requests == 10 == len(site.hits)
    assert budget.errors[-1].startswith("request budget of 10 spent; ")


async def test_long_retry_after_skips_the_host_for_this_run(site: LoopbackSite) -> None:
    paths = publish_newsroom(site, count=4, per_page=4)
    site.route(paths[-1], Reply(status=503, headers={"Retry-After": "3600"}))
    settings = FAST.model_copy(update={"max_in_flight_per_host": 1})
    crawl = await _crawl(_portal(site), settings)

    assert site.count(paths[-1]) == 1
    assert sum(1 for p in site.paths() if p.endswith(".html")) == 1  # the rest was not tried
    errors = [p.error for p in crawl.pages if p.kind == "article"]
    assert errors[0] == "HTTP 503 with Retry-After 3600 s; host skipped"
    assert all(e and "Retry-After" in e for e in errors)


async def test_non_text_answers_keep_bytes_but_no_text(site: LoopbackSite) -> None:
    _one_article(site, Reply(body=b"%PDF-1.4 ...", content_type="application/pdf"))
    page = _article(await _crawl(_portal(site)))
    assert page.status == 200 and page.body.startswith(b"%PDF") and page.text == ""


def _tls_site(make_site, cert: Path, key: Path) -> LoopbackSite:  # type: ignore[no-untyped-def]
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    site = make_site(context)
    publish_newsroom(site, count=2)
    return site


async def test_self_signed_tls_needs_verify_off(make_site, self_signed) -> None:  # type: ignore[no-untyped-def]
    site = _tls_site(make_site, *self_signed)
    strict = await _crawl(_portal(site))
    assert strict.failed and "CERTIFICATE_VERIFY_FAILED" in strict.errors[-1]
    assert all("\n" not in e for e in strict.errors)

    relaxed = await _crawl(_portal(site, verify_tls=False, legacy_tls=True))
    assert len(relaxed.articles) == 2 and relaxed.errors == []


async def test_malformed_links_and_locations_do_not_break_the_portal(site: LoopbackSite) -> None:
    site.route("/robots.txt", ROBOTS_OK)
    good = f"/tin-tuc/{slug(HEADLINES[5])}-1500.html"
    moved = f"/tin-tuc/{slug(HEADLINES[6])}-1501.html"
    links = [
        ("http://[::1/tin-tuc/bai-hong-1234.html", HEADLINES[1]),
        (f"http://127.0.0.1:99999/tin-tuc/{slug(HEADLINES[2])}-1235.html", HEADLINES[2]),
        (good, HEADLINES[5]),
        (moved, HEADLINES[6]),
    ]
    site.html("/tin-tuc", listing_html(links))
    site.html(good, article_html(HEADLINES[5]))
    site.route(moved, Reply(status=301, headers={"Location": "http://127.0.0.1:70000/moi"}))
    crawl = await _crawl(_portal(site))

    pages = {p.url.rsplit("/", 1)[-1]: p for p in crawl.pages if p.kind == "article"}
    assert set(pages) == {good.rsplit("/", 1)[-1], moved.rsplit("/", 1)[-1]}
    assert pages[good.rsplit("/", 1)[-1]].status == 200
    assert pages[moved.rsplit("/", 1)[-1]].error == "malformed URL 'http://127.0.0.1:70000/moi'"
