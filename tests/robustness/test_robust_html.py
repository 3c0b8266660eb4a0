"""parse_article, parse_page and extract_listing on random HTML: a ParseError or a typed result."""

from __future__ import annotations

import pytest
from checks import check_article, check_listing, check_parsed_page
from hypothesis import example, given
from hypothesis import strategies as st
from vn_strategies import html_document, html_input, to_cp1258, url_text

from core.errors import ParseError
from parsers import extract_listing, parse_article, parse_page
from parsers.profiles import profile_names

ARTICLE_URLS = st.one_of(
    st.sampled_from((
        "https://ubnd.bachthong.gov.vn/portal/Pages/2024-5-17/tin-abc-123.aspx",
        "https://backan.dcs.vn/tin-tuc/nghi-quyet-17-5.html",
        "http://xa.gov.vn/?p=12",
        "",
    )),
    url_text,
)
PROFILES = st.sampled_from(("auto", *profile_names()))


@given(html=html_input, url=ARTICLE_URLS, profile=PROFILES)
@example(html=b"\xff\xfe<\x00p\x00>\x00", url="http://a.vn/", profile="auto")
@example(html="<p>c&ocirc;ng t&aacute;c \u00d0\u1ea3ng</p>" * 3, url="http://[::1", profile="auto")
def test_parse_article_is_total(html: str | bytes, url: str, profile: str) -> None:
    try:
        article = parse_article(html, url, profile=profile)
    except ParseError as exc:
        assert str(exc)  # a reason, not an empty message
        return
    check_article(article, url)


@given(html=html_input, url=ARTICLE_URLS, locality=st.one_of(st.none(), st.text(max_size=20)))
def test_parse_page_is_total(html: str | bytes, url: str, locality: str | None) -> None:
    try:
        page = parse_page(html, url, locality=locality)
    except ParseError as exc:
        assert str(exc)
        return
    check_parsed_page(page, url)


@given(html=st.one_of(html_document, st.text(max_size=300)), base=ARTICLE_URLS, profile=PROFILES)
@example(html='<base href="http://[::1"><a href="/a-1.html">Tin</a>', base="http://a.vn/",
         profile="auto")
@example(html='<a href="http://a:99999/x-1.html">Tin mới</a>', base="http://a.vn/",
         profile="auto")
@example(html="", base="A://[", profile="auto")
def test_extract_listing_is_total(html: str, base: str, profile: str) -> None:
    try:
        page = extract_listing(html, base, profile=profile)
    except ParseError as exc:
        assert str(exc)
        return
    check_listing(page)


def test_utf16_and_windows_1258_pages_decode() -> None:
    """A declared legacy code page and a UTF-16 BOM both come out as readable Vietnamese."""
    body = "<html><body><h1>Hội nghị Ban Chấp hành Đảng bộ</h1><p>{}</p></body></html>"
    text = "Triển khai Nghị quyết số 17-NQ/HU về công tác dân vận năm 2024. " * 4
    page = body.format(text)
    for data in (
        page.encode("utf-16"),
        to_cp1258('<meta charset="windows-1258">' + page),
    ):
        article = parse_article(data, "http://a.vn/tin-1.html")
        assert article.title == "Hội nghị Ban Chấp hành Đảng bộ"
        assert "Triển khai Nghị quyết số 17-NQ/HU về công tác dân vận" in article.text


@pytest.mark.parametrize("data", [b"", b"   ", b"\x00" * 64, b"%PDF-1.4\n<p>x</p>", "plain text"])
def test_non_html_is_a_parse_error(data: str | bytes) -> None:
    with pytest.raises(ParseError):
        parse_article(data, "http://a.vn/")
