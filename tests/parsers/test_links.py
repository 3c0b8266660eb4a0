"""Listing pages of each CMS → article links, next page, feeds (recorded-style fixtures)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from parsers import extract_listing
from parsers.links import HINTS, detect_profile, page_number

LISTINGS = Path(__file__).parents[1] / "fixtures" / "listings"
CASES = json.loads((LISTINGS / "cases.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(CASES))
def test_listing_fixture(name: str) -> None:
    case = CASES[name]
    html = (LISTINGS / f"{name}.html").read_text(encoding="utf-8")
    listing = extract_listing(html, case["url"])

    assert detect_profile(html, case["url"]) == case["profile"]
    assert [link.url for link in listing.article_links] == case["articles"]
    assert listing.article_links[0].text == case["first_title"]
    assert all(link.kind == "article" for link in listing.article_links)
    assert listing.next_pages and listing.next_pages[0].url == case["next"]
    assert [link.url for link in listing.feeds] == case["feeds"]


@pytest.mark.parametrize("name", sorted(CASES))
def test_explicit_profile_gives_the_same_articles(name: str) -> None:
    case = CASES[name]
    html = (LISTINGS / f"{name}.html").read_text(encoding="utf-8")
    explicit = extract_listing(html, case["url"], profile=case["profile"])
    assert [link.url for link in explicit.article_links] == case["articles"]


def test_every_profile_named_in_the_docs_exists() -> None:
    assert set(HINTS) == {"tandan", "dcs", "nukeviet", "wordpress", "liferay", "dnn", "generic"}


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        (
            "https://a.vn/portal/Pages/Tin-tuc.aspx?PageIndex=7",
            ("https://a.vn/portal/Pages/Tin-tuc.aspx", 7),
        ),
        ("https://a.vn/category/tin-tuc/page/3/", ("https://a.vn/category/tin-tuc", 3)),
        ("https://a.vn/news/thoi-su/page-12", ("https://a.vn/news/thoi-su", 12)),
        ("https://a.vn/tin-tuc?cat=2&page=4", ("https://a.vn/tin-tuc?cat=2", 4)),
        ("https://a.vn/tin-tuc/trang-5.html", ("https://a.vn/tin-tuc.html", 5)),
        ("https://a.vn/tin-tuc/", ("https://a.vn/tin-tuc", 1)),
        ("https://a.vn/web/guest/tin?_x_INSTANCE_k_cur=2", ("https://a.vn/web/guest/tin", 2)),
    ],
)
def test_page_number(url: str, expected: tuple[str, int]) -> None:
    assert page_number(url) == expected


def test_image_and_title_links_merge_keeping_the_headline() -> None:
    html = """<div class="list"><a href="/tin/le-ky-niem-75-nam-ngay-thanh-lap-dang-bo-4521.html">
    <img src="a.jpg" title="ảnh"></a><a href="/tin/le-ky-niem-75-nam-ngay-thanh-lap-dang-bo-4521.html">
    Lễ kỷ niệm 75 năm ngày thành lập Đảng bộ tỉnh</a></div>"""
    listing = extract_listing(html, "https://tinh.gov.vn/tin-tuc")
    assert [(link.url, link.text) for link in listing.article_links] == [
        (
            "https://tinh.gov.vn/tin/le-ky-niem-75-nam-ngay-thanh-lap-dang-bo-4521.html",
            "Lễ kỷ niệm 75 năm ngày thành lập Đảng bộ tỉnh",
        ),
    ]


def test_base_href_and_entities() -> None:
    html = """<html><head><base href="https://xa.gov.vn/tin/"></head><body><div class="news">
    <a href="hoi-nghi-tong-ket-cong-t&aacute;c-m&#7863;t-tr&#7853;n-nam-2024-881.html">
    Hội nghị tổng kết c&ocirc;ng tác Mặt trận năm 2024 tại xã</a></div></body></html>"""
    [link] = extract_listing(html, "https://xa.gov.vn/").article_links
    assert link.url.startswith("https://xa.gov.vn/tin/hoi-nghi-tong-ket-cong-t")
    assert link.text == "Hội nghị tổng kết công tác Mặt trận năm 2024 tại xã"


def test_empty_and_broken_html_give_an_empty_listing() -> None:
    assert extract_listing("", "https://a.vn/").article_links == ()
    broken = extract_listing("<div><a href='/x-1234.html'>Tin <b>chưa đóng thẻ", "https://a.vn/")
    assert broken.next_pages == ()


def test_no_next_page_on_the_last_page() -> None:
    html = """<div class="pagination"><a href="/tin-tuc?page=3">3</a><b>4</b></div>"""
    assert extract_listing(html, "https://a.vn/tin-tuc?page=4").next_pages == ()


LIST_PAGE = """<html><body><div class="sidebar"><p>{aside}</p></div><ul class="list-news">
<li><a href="/tin/hoi-nghi-ban-chap-hanh-dang-bo-xa-lan-thu-ba-3301.html">{title}</a>
<span class="date">{date}</span><p>Đảng ủy xã đánh giá kết quả sáu tháng đầu năm.</p></li>
<li><a href="/tin/ra-mat-mo-hinh-dan-van-kheo-o-thon-na-lai-3302.html">Ra mắt mô hình Dân vận
khéo ở thôn Nà Lài của xã vùng cao</a><span class="date">12/05/2025</span></li></ul></body></html>"""


def _stamps(**fields: str) -> list[str]:
    values = {
        "aside": "Lịch tiếp công dân",
        "title": "Hội nghị Ban Chấp hành Đảng bộ xã lần thứ ba, nhiệm kỳ 2025 - 2030",
        "date": "14/05/2025 08:30",
    }
    values.update(fields)
    return [link.stamp for link in extract_listing(LIST_PAGE.format(**values), "https://xa.vn/").article_links]


def test_listing_item_stamps_follow_the_item_not_the_page() -> None:
    first, second = _stamps()
    assert first.startswith("14/05/2025 08:30 ") and second.startswith("12/05/2025 ")
    assert _stamps(aside="Thông báo tuyển dụng công chức") == [first, second]  # outside the items
    retitled = _stamps(title="Hội nghị Ban Chấp hành Đảng bộ xã lần thứ ba (bổ sung)")
    redated = _stamps(date="15/05/2025 10:00")
    assert retitled[0] != first and redated[0] != first and redated[0].startswith("15/05/2025")
    assert retitled[1] == redated[1] == second
