"""Postback pagers of SharePoint "Tân Dân" listings → the form POST that opens a page."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qsl

from core.urls import canonical_url
from parsers import extract_listing
from parsers.postback import PostbackPage, next_postback

LISTINGS = Path(__file__).parents[1] / "fixtures" / "listings"
URL = "https://tuyenquang.gov.vn/portal/Pages/TinHoatDong.aspx"
PAGER = "ctl00$ctl40$g_7b1f2d10_4c7e$ctl00$Pager"


def _fixture() -> str:
    return (LISTINGS / "tandan_postback.html").read_text(encoding="utf-8")


def test_page_two_posts_the_form_with_every_hidden_field() -> None:
    page = next_postback(_fixture(), URL)

    assert page is not None and page.page == 2
    assert page.action_url == URL
    fields = dict(page.fields)
    assert fields["__EVENTTARGET"] == PAGER and fields["__EVENTARGUMENT"] == "Page$2"
    assert fields["__VIEWSTATE"].startswith("/wEPDwUBMA9k")
    assert fields["__VIEWSTATEGENERATOR"] == "BAB98CB3"
    assert fields["__EVENTVALIDATION"] == "/wEdAAbq7hV1nKq0sE2TUI5w1y4v"
    assert fields["__REQUESTDIGEST"].startswith("0x5F2C1A9E")
    assert [k for k, _ in page.fields].count("__EVENTTARGET") == 1
    assert dict(parse_qsl(page.body())) == fields


def test_the_page_after_the_current_one() -> None:
    page = next_postback(_fixture(), URL, current=2)
    assert page is not None and dict(page.fields)["__EVENTARGUMENT"] == "Page$3"


def test_next_link_when_the_number_is_not_shown() -> None:
    page = next_postback(_fixture(), URL, current=3)
    assert page is not None and page.page == 4
    assert dict(page.fields)["__EVENTARGUMENT"] == "Page$Next"


def test_text_labelled_next_with_webform_options() -> None:
    html = """<html><body><form method="post" action="/portal/Pages/ThongBao.aspx?cat=5">
    <input type="hidden" name="__VIEWSTATE" value="vs">
    <input type="text" name="ctl00$txtSearch" value="tìm kiếm">
    <a onclick="javascript:WebForm_DoPostBackWithOptions(new WebForm_PostBackOptions(&quot;ctl00$m$lbtNext&quot;, &quot;&quot;, true, &quot;&quot;, &quot;&quot;, false, true))"
       href="#">Trang tiếp »</a></form></body></html>"""
    page = next_postback(html, "https://xa.vn/portal/Pages/ThongBao.aspx?cat=5")

    assert page is not None
    assert page.action_url == "https://xa.vn/portal/Pages/ThongBao.aspx?cat=5"
    assert page.fields == (
        ("__EVENTTARGET", "ctl00$m$lbtNext"),
        ("__EVENTARGUMENT", ""),
        ("__VIEWSTATE", "vs"),
    )


def test_no_pager_no_postback() -> None:
    html = "<form action=\"/a.aspx\"><a href=\"javascript:__doPostBack('ctl00$Search','')\">Tìm</a></form>"
    assert next_postback(html, URL) is None
    assert next_postback("", URL) is None


def test_marker_keeps_pages_apart_after_canonicalisation() -> None:
    two = PostbackPage(URL, (), 2)
    three = PostbackPage(URL + "?cat=5", (), 3)

    assert two.marker_url == URL + "?__pw_page=2"
    assert three.marker_url == URL + "?cat=5&__pw_page=3"
    marked = {canonical_url(PostbackPage(URL, (), n).marker_url) for n in (2, 3, 4)}
    assert len(marked) == 3 and canonical_url(URL) not in marked


def test_listing_links_of_a_postback_page() -> None:
    listing = extract_listing(_fixture(), URL)
    assert len(listing.article_links) == 3
    assert listing.next_pages == ()  # paging here is by postback only
