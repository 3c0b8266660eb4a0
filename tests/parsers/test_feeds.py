"""RSS, Atom and sitemaps → links; hostile XML refused with one clear reason."""

from __future__ import annotations

import gzip

import pytest

from core.errors import ParseError
from parsers import parse_feed, parse_sitemap

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
<channel><title>Huyện ủy Bạch Thông - Tin tức</title><link>https://bachthong.backan.gov.vn/</link>
<item><title><![CDATA[Hội nghị tổng kết công tác Dân vận năm 2024]]></title>
  <link>https://bachthong.backan.gov.vn/news/tin-tuc/hoi-nghi-tong-ket-cong-tac-dan-van-2024-2490.html</link>
  <guid isPermaLink="false">2490</guid><pubDate>Mon, 06 Jan 2025 09:00:00 +0700</pubDate></item>
<item><title>Ban Thường vụ Huyện ủy làm việc với Đảng ủy xã Nguyên Phúc</title>
  <guid>https://bachthong.backan.gov.vn/news/tin-tuc/ban-thuong-vu-lam-viec-voi-dang-uy-xa-2488.html</guid></item>
<item><title>Tin chỉ có đường dẫn tương đối</title><link>/news/tin-tuc/duong-dan-tuong-doi-2480.html</link></item>
<item><title>Không có đường dẫn</title></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Đảng ủy xã Nà Phặc</title>
<link rel="self" href="https://naphac.vn/feed/atom/"/>
<link rel="next" href="https://naphac.vn/feed/atom/?paged=2"/>
<entry><title type="html">Lễ phát động Tết trồng cây</title>
  <link rel="alternate" type="text/html" href="https://naphac.vn/2025/05/le-phat-dong-tet-trong-cay/"/>
  <link rel="replies" href="https://naphac.vn/2025/05/le-phat-dong-tet-trong-cay/#comments"/>
  <id>https://naphac.vn/?p=1901</id></entry>
<entry><title>Tập huấn văn thư</title><link href="https://naphac.vn/2025/04/tap-huan-van-thu/"/></entry>
</feed>"""


def test_rss_items_in_order_with_guid_and_relative_links() -> None:
    listing = parse_feed(RSS.encode(), "https://bachthong.backan.gov.vn/rss/")
    assert [(link.url, link.text) for link in listing.article_links] == [
        (
            "https://bachthong.backan.gov.vn/news/tin-tuc/hoi-nghi-tong-ket-cong-tac-dan-van-2024-2490.html",
            "Hội nghị tổng kết công tác Dân vận năm 2024",
        ),
        (
            "https://bachthong.backan.gov.vn/news/tin-tuc/ban-thuong-vu-lam-viec-voi-dang-uy-xa-2488.html",
            "Ban Thường vụ Huyện ủy làm việc với Đảng ủy xã Nguyên Phúc",
        ),
        (
            "https://bachthong.backan.gov.vn/news/tin-tuc/duong-dan-tuong-doi-2480.html",
            "Tin chỉ có đường dẫn tương đối",
        ),
    ]


def test_atom_alternate_links_and_next_page() -> None:
    listing = parse_feed(ATOM.encode(), "https://naphac.vn/feed/atom/")
    assert [link.url for link in listing.article_links] == [
        "https://naphac.vn/2025/05/le-phat-dong-tet-trong-cay/",
        "https://naphac.vn/2025/04/tap-huan-van-thu/",
    ]
    assert [link.url for link in listing.next_pages] == ["https://naphac.vn/feed/atom/?paged=2"]


def test_rss_1_rdf_items() -> None:
    rdf = """<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    xmlns="http://purl.org/rss/1.0/"><channel rdf:about="https://a.gov.vn/"><title>Tin</title></channel>
    <item rdf:about="https://a.gov.vn/tin/ky-hop-hdnd-101.html"><title>Kỳ họp HĐND</title></item></rdf:RDF>"""
    [link] = parse_feed(rdf.encode(), "https://a.gov.vn/rss").article_links
    assert link.url == "https://a.gov.vn/tin/ky-hop-hdnd-101.html" and link.text == "Kỳ họp HĐND"


def test_undeclared_html_entities_and_windows_1258_declaration() -> None:
    # "Nghị quyết" as windows-1258 writes it: base letters plus combining tone marks.
    title = b"Huy&ecirc;n &nbsp;&#7911;y tri&#7875;n khai Nghi\xf2 quy\xea\xect"
    feed = (
        b'<?xml version="1.0" encoding="windows-1258"?><rss version="2.0"><channel><item>'
        b"<title>" + title + b"</title>"
        b"<link>https://a.gov.vn/t-1.html?a=1&amp;b=2</link></item></channel></rss>"
    )
    [link] = parse_feed(feed, "https://a.gov.vn/rss").article_links
    assert link.url == "https://a.gov.vn/t-1.html?a=1&b=2"
    assert link.text == "Huyên ủy triển khai Nghị quyết"


@pytest.mark.parametrize(
    "hostile",
    [
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>'
        b"<rss><channel><item><title>&lol2;</title></item></channel></rss>",
        b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss>&x;</rss>',
        b"\xef\xbb\xbf  <!doctype rss><rss/>",
    ],
)
def test_document_type_declarations_are_refused(hostile: bytes) -> None:
    with pytest.raises(ParseError, match="DOCTYPE or ENTITY declaration refused"):
        parse_feed(hostile, "https://a.gov.vn/rss")


def test_bad_input_is_one_clear_parse_error() -> None:
    with pytest.raises(ParseError, match=r"^malformed XML: "):
        parse_feed(b"<rss><channel><item>", "https://a.gov.vn/rss")
    with pytest.raises(ParseError, match=r"^not a feed: root element <html>"):
        parse_feed(
            b"<html><body>Trang b\xc3\xa1o l\xe1\xbb\x97i</body></html>", "https://a.gov.vn/"
        )
    with pytest.raises(ParseError, match="exceeds 100"):
        parse_feed(RSS.encode(), "https://a.gov.vn/rss", max_bytes=100)
    with pytest.raises(ParseError, match="empty XML document"):
        parse_sitemap(b"  \n", "https://a.gov.vn/sitemap.xml")


URLSET = """<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<url><loc>https://tinh.gov.vn/tin/bai-cu-101.html</loc><lastmod>2024-12-30</lastmod></url>
<url><loc>https://tinh.gov.vn/tin/bai-moi-nhat-109.html</loc><lastmod>2025-05-17T08:00:00+07:00</lastmod></url>
<url><loc>https://tinh.gov.vn/gioi-thieu</loc></url>
<url><loc>https://tinh.gov.vn/tin/bai-giua-105.html</loc><lastmod>2025-03-02</lastmod></url>
<url><loc>javascript:alert(1)</loc></url>
</urlset>"""


def test_urlset_newest_first_undated_last() -> None:
    listing = parse_sitemap(URLSET.encode(), "https://tinh.gov.vn/sitemap.xml")
    assert [link.url for link in listing.article_links] == [
        "https://tinh.gov.vn/tin/bai-moi-nhat-109.html",
        "https://tinh.gov.vn/tin/bai-giua-105.html",
        "https://tinh.gov.vn/tin/bai-cu-101.html",
        "https://tinh.gov.vn/gioi-thieu",
    ]


def test_sitemap_index_gives_child_sitemaps_and_gzip_is_inflated() -> None:
    index = """<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
    <sitemap><loc>https://tinh.gov.vn/sitemap-vi.news.xml</loc><lastmod>2025-05-17</lastmod></sitemap>
    <sitemap><loc>https://tinh.gov.vn/sitemap-vi.page.xml</loc><lastmod>2023-01-01</lastmod></sitemap>
    </sitemapindex>"""
    listing = parse_sitemap(gzip.compress(index.encode()), "https://tinh.gov.vn/sitemap.xml.gz")
    assert listing.article_links == ()
    assert [(link.url, link.kind) for link in listing.next_pages] == [
        ("https://tinh.gov.vn/sitemap-vi.news.xml", "sitemap"),
        ("https://tinh.gov.vn/sitemap-vi.page.xml", "sitemap"),
    ]


def test_gzip_bomb_stops_at_the_cap() -> None:
    bomb = gzip.compress(b"<urlset>" + b" " * 5_000_000 + b"</urlset>")
    assert len(bomb) < 10_000
    with pytest.raises(ParseError, match="inflates beyond 1000000 bytes"):
        parse_sitemap(bomb, "https://a.gov.vn/sitemap.xml.gz", max_bytes=1_000_000)
    with pytest.raises(ParseError, match="bad gzip data"):
        parse_sitemap(b"\x1f\x8b\x08\x00garbage", "https://a.gov.vn/sitemap.xml.gz")


def test_item_stamps_from_dates_and_what_the_item_shows() -> None:
    rss = parse_feed(RSS.encode(), "https://bachthong.backan.gov.vn/rss/").article_links
    assert rss[0].stamp.startswith("Mon, 06 Jan 2025 09:00:00 +0700 ")
    assert rss[1].stamp and " " not in rss[1].stamp  # no date: the digest alone
    retitled = RSS.replace("Ban Thường vụ Huyện ủy làm việc", "Thường trực Huyện ủy làm việc")
    again = parse_feed(retitled.encode(), "https://bachthong.backan.gov.vn/rss/").article_links
    assert again[1].stamp != rss[1].stamp and again[0].stamp == rss[0].stamp
    updated = ATOM.replace(
        "<id>https://naphac.vn/?p=1901</id>",
        "<id>https://naphac.vn/?p=1901</id><updated>2025-05-18T07:00:00+07:00</updated>",
    )
    [first, _] = parse_feed(updated.encode(), "https://naphac.vn/feed/atom/").article_links
    assert first.stamp.startswith("2025-05-18T07:00:00+07:00 ")


def test_sitemap_stamps_are_the_lastmod() -> None:
    listing = parse_sitemap(URLSET.encode(), "https://tinh.gov.vn/sitemap.xml")
    assert {link.url: link.stamp for link in listing.article_links} == {
        "https://tinh.gov.vn/tin/bai-moi-nhat-109.html": "2025-05-17T08:00:00+07:00",
        "https://tinh.gov.vn/tin/bai-giua-105.html": "2025-03-02",
        "https://tinh.gov.vn/tin/bai-cu-101.html": "2024-12-30",
        "https://tinh.gov.vn/gioi-thieu": "",
    }
