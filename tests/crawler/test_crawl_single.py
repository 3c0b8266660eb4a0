"""One polite fetch for `portalwatch parse URL`, and the package's public names."""

from __future__ import annotations

import pytest
from conftest import FAST
from loopback_site import LoopbackSite, Reply
from vn_pages import HEADLINES, article_html, to_cp1258

import crawler
from core.errors import FetchError
from crawler import fetch_url

pytestmark = pytest.mark.timeout(30)


def test_fetch_url_returns_the_body_after_robots(site: LoopbackSite) -> None:
    site.route("/robots.txt", Reply(body=b"User-agent: *\nDisallow: /noi-bo/\n"))
    body = to_cp1258(article_html(HEADLINES[2]))
    site.route("/tin/ke-hoach-214-kh-ubnd-3301.html", Reply(body=body, content_type="text/html"))
    assert fetch_url(site.url("/tin/ke-hoach-214-kh-ubnd-3301.html"), FAST) == body
    assert site.paths() == ["/robots.txt", "/tin/ke-hoach-214-kh-ubnd-3301.html"]


def test_fetch_url_failures_are_one_line_fetch_errors(site: LoopbackSite) -> None:
    site.route("/robots.txt", Reply(body=b"User-agent: *\nDisallow: /noi-bo/\n"))
    with pytest.raises(FetchError, match=r"/khong-co\.html: HTTP 404$"):
        fetch_url(site.url("/khong-co.html"), FAST)
    with pytest.raises(FetchError, match=r"disallowed by robots\.txt$"):
        fetch_url(site.url("/noi-bo/tai-lieu.html"), FAST)
    with pytest.raises(FetchError, match="refused scheme 'ftp'"):
        fetch_url("ftp://127.0.0.1/tai-lieu.doc")
    assert "/noi-bo/tai-lieu.html" not in site.paths()


def test_public_names() -> None:
    assert sorted(crawler.__all__) == crawler.__all__
    assert {"crawl_portals", "crawl_portals_sync", "fetch_url", "CrawlState"} <= set(
        crawler.__all__
    )
