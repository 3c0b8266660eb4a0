"""parse_feed and parse_sitemap on random XML, DOCTYPE and ENTITY tricks, broken gzip."""

from __future__ import annotations

import gzip

import pytest
from checks import check_listing
from hypothesis import example, given
from hypothesis import strategies as st
from vn_strategies import url_text, xml_bytes

from core.errors import ParseError
from parsers import parse_feed, parse_sitemap

BASES = st.one_of(st.just("https://ubnd.bachthong.gov.vn/rss/"), url_text)

BILLION_LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
    b"<rss><channel><item><link>&lol2;</link></item></channel></rss>"
)
EXTERNAL_ENTITY = (
    b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
    b"<urlset><url><loc>&x;</loc></url></urlset>"
)


@given(data=xml_bytes, base=BASES)
@example(data=BILLION_LAUGHS, base="http://a.vn/")
@example(data=b"<rss><channel><item><link>http://a:99999/x</link></item></channel></rss>",
         base="http://a.vn/")
@example(data=b'<feed xmlns="http://www.w3.org/2005/Atom"><link rel="next" href="http://[::1"/>'
         b"</feed>", base="http://a.vn/")
def test_parse_feed_is_total(data: bytes, base: str) -> None:
    try:
        page = parse_feed(data, base)
    except ParseError as exc:
        assert str(exc)
        return
    check_listing(page)


@given(data=xml_bytes, base=BASES)
@example(data=EXTERNAL_ENTITY, base="http://a.vn/")
@example(data=gzip.compress(b"<urlset><url><loc>/a-1.html</loc></url></urlset>")[:-5],
         base="http://a.vn/")
def test_parse_sitemap_is_total(data: bytes, base: str) -> None:
    try:
        page = parse_sitemap(data, base)
    except ParseError as exc:
        assert str(exc)
        return
    check_listing(page)


@pytest.mark.parametrize("data", [BILLION_LAUGHS, EXTERNAL_ENTITY])
def test_entity_declarations_are_refused(data: bytes) -> None:
    for parse in (parse_feed, parse_sitemap):
        with pytest.raises(ParseError, match="DOCTYPE"):
            parse(data, "http://a.vn/")


def test_gzip_bomb_stops_at_the_cap() -> None:
    bomb = gzip.compress(b"<urlset>" + b" " * 2_000_000 + b"</urlset>")
    with pytest.raises(ParseError, match="inflates beyond"):
        parse_sitemap(bomb, "http://a.vn/", max_bytes=100_000)
