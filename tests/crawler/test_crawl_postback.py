"""SharePoint "Tân Dân" listings paged by ASP.NET postback: page 2 is a form POST."""

from __future__ import annotations

from urllib.parse import parse_qsl

import pytest
from conftest import FAST, FAST_LIMITS
from loopback_site import Hit, LoopbackSite, Reply
from vn_pages import HEADLINES, article_html, slug

from core.config import PortalConfig
from core.urls import canonical_url
from crawler import PortalCrawl, crawl_portals

pytestmark = pytest.mark.timeout(30)

LIST = "/portal/Pages/TinHoatDong.aspx"
PAGER = "ctl00$ctl40$g_5d2e$ctl00$Pager"


def _listing(
    items: list[tuple[str, str]], viewstate: str, pages: range, current: int, action: str
) -> str:
    rows = "".join(
        f'<li><a class="tandan-p-article-news-title" href="{path}">{title}</a>'
        f'<span class="tandan-span-date-publish">1{i}/11/2025</span></li>'
        for i, (path, title) in enumerate(items)
    )
    pager = "".join(
        f"<span>{n}</span>"
        if n == current
        else f"<a href=\"javascript:__doPostBack('{PAGER}','Page${n}')\">{n}</a>"
        for n in pages
    )
    return f"""<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8">
<title>Tin hoạt động</title></head><body>
<form method="post" action="{action}" id="aspnetForm">
<input type="hidden" name="__EVENTTARGET" value=""><input type="hidden" name="__EVENTARGUMENT" value="">
<input type="hidden" name="__VIEWSTATE" value="{viewstate}">
<input type="hidden" name="__VIEWSTATEGENERATOR" value="BAB98CB3">
<input type="hidden" name="__EVENTVALIDATION" value="/wEdAAZ{viewstate[-4:]}">
<input type="text" name="ctl00$txtTimKiem" value="">
<div class="ms-rtestate-field"><ul>{rows}</ul><div class="tandan-pager">{pager}</div></div>
</form></body></html>"""


def _publish(
    site: LoopbackSite,
    robots: str = "User-agent: *\nDisallow: /_layouts/\n",
    action: str = "./TinHoatDong.aspx",
) -> list[str]:
    """Page 1 (GET) lists three articles; page 2, reached by postback, lists three more."""
    site.route("/robots.txt", Reply(body=robots.encode(), content_type="text/plain"))
    items = [
        (f"/portal/Pages/2025-11-{20 - i}/{slug(t)}-{4100 + i}.aspx", t)
        for i, t in enumerate(HEADLINES[10:16])
    ]
    first = _listing(items[:3], "/wEPDwUKMTY1NDU2MTA1Mg9kFgJmD2QWAgIBD2QW", range(1, 3), 1, action)
    second = _listing(items[3:], "/wEPDwUKMTY1NDU2MTA1Mg9kFgJmD2QWAgIDD2QW", range(1, 3), 2, action)

    def answer(hit: Hit) -> Reply:
        if hit.method == "POST":
            return Reply(body=second.encode(), etag='"list-postback"')
        return Reply(body=first.encode(), etag='"list-1"')

    site.route(LIST, answer)
    for i, (path, title) in enumerate(items):
        site.html(path, article_html(title, i))
    return [path for path, _ in items]


async def _crawl(site: LoopbackSite, **fields: object) -> PortalCrawl:
    values: dict[str, object] = {
        "id": "tuyenquang",
        "name": "Cổng TTĐT tỉnh Tuyên Quang",
        "level": "province",
        "start_urls": [site.url(LIST)],
    }
    values.update(fields)
    portal = PortalConfig(**values)  # type: ignore[arg-type]
    return (await crawl_portals([portal], FAST, {}, limits=FAST_LIMITS))[portal.id]


async def test_postback_page_two_is_followed(site: LoopbackSite) -> None:
    paths = _publish(site)
    crawl = await _crawl(site)

    assert crawl.errors == []
    assert sorted(p.url for p in crawl.articles) == sorted(site.url(p) for p in paths)
    [post] = [h for h in site.hits if h.method == "POST"]
    assert post.path == LIST  # the marker never reaches the server
    assert post.headers["content-type"] == "application/x-www-form-urlencoded"
    assert "if-none-match" not in post.headers
    form = dict(parse_qsl(post.body.decode()))
    assert form["__EVENTTARGET"] == PAGER and form["__EVENTARGUMENT"] == "Page$2"
    assert form["__VIEWSTATE"] == "/wEPDwUKMTY1NDU2MTA1Mg9kFgJmD2QWAgIBD2QW"
    assert form["__VIEWSTATEGENERATOR"] == "BAB98CB3"
    assert form["__EVENTVALIDATION"] == "/wEdAAZD2QW"
    assert "ctl00$txtTimKiem" not in form
    listings = [p for p in crawl.pages if p.kind == "listing"]
    assert [p.url for p in listings] == [site.url(LIST), site.url(LIST + "?__pw_page=2")]
    assert len({canonical_url(p.url) for p in listings}) == 2
    assert "etag" not in listings[1].headers and listings[0].headers["etag"] == '"list-1"'
    assert listings[1].final_url == listings[1].url
    assert crawl.requests == len(site.hits) == 1 + 2 + 6


async def test_max_pages_one_stops_at_page_one(site: LoopbackSite) -> None:
    paths = _publish(site)
    crawl = await _crawl(site, max_pages=1)

    assert [h.method for h in site.hits].count("POST") == 0
    assert sorted(p.url for p in crawl.articles) == sorted(site.url(p) for p in paths[:3])


async def test_robots_forbids_the_post(site: LoopbackSite) -> None:
    robots = "User-agent: *\nDisallow: /tra-cuu/\n"
    paths = _publish(site, robots=robots, action="/tra-cuu/TinHoatDong.aspx")
    crawl = await _crawl(site)

    assert [h.method for h in site.hits].count("POST") == 0
    assert sorted(p.url for p in crawl.articles) == sorted(site.url(p) for p in paths[:3])
    assert any("__pw_page=2: disallowed by robots.txt" in e for e in crawl.errors)
