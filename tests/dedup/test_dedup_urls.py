"""Canonical URLs: every spelling of one article's address folds to one string."""

from __future__ import annotations

import pytest

from dedup import canonical_url

SAME_ARTICLE = [
    (
        "HTTPS://BacKan.GOV.vn:443/portal/Pages/2023-2-7/Bach-Thong-thuc-hien-hieu-qua.aspx#top",
        "https://backan.gov.vn/portal/Pages/2023-2-7/Bach-Thong-thuc-hien-hieu-qua.aspx",
    ),
    (
        "http://huyenuy.baothang.vn/tin-tuc/tuyen-van-123.html?utm_source=zalo&utm_medium=zalo"
        "&utm_campaign=zalo&zarsrc=30",
        "http://huyenuy.baothang.vn/tin-tuc/tuyen-van-123.html",
    ),
    (
        "https://dangbo.example.vn/tin-tuc/bai-viet.html?fbclid=IwAR0abc&gclid=xyz",
        "https://dangbo.example.vn/tin-tuc/bai-viet.html",
    ),
    ("https://example.vn/news?page=2&id=17", "https://example.vn/news?id=17&page=2"),
    ("https://example.vn/portal/print.aspx?p=5&ref=home", "https://example.vn/portal/print.aspx?p=5"),
    ("http://example.vn:80", "http://example.vn/"),
    ("https://example.vn/tin-tức/bài-viết.html", "https://example.vn/tin-t%e1%bb%a9c/b%c3%a0i-vi%e1%ba%bft.html"),
    ("https://example.vn/a/./b/../tin.html", "https://example.vn/a/tin.html"),
    ("https://example.vn/tin.html;jsessionid=0A1B2C3D", "https://example.vn/tin.html"),
    ("https://example.vn./%7Etin.html", "https://example.vn/~tin.html"),
    ("https://user:secret@example.vn/tin.html", "https://example.vn/tin.html"),
    ("  https://example.vn/tin.html\n", "https://example.vn/tin.html"),
]

DIFFERENT_ARTICLES = [
    # Path case matters on SharePoint and NukeViet servers.
    ("https://example.vn/portal/Pages/Tin-Tuc.aspx", "https://example.vn/portal/pages/tin-tuc.aspx"),
    ("https://example.vn/news?id=17", "https://example.vn/news?id=18"),
    ("https://example.vn:8443/tin.html", "https://example.vn/tin.html"),
    ("http://example.vn/tin.html", "https://example.vn/tin.html"),
    ("https://www.example.vn/tin.html", "https://example.vn/tin.html"),
]


@pytest.mark.parametrize(("a", "b"), SAME_ARTICLE)
def test_spellings_of_one_article_fold_to_one_url(a: str, b: str) -> None:
    assert canonical_url(a) == canonical_url(b)


@pytest.mark.parametrize(("a", "b"), DIFFERENT_ARTICLES)
def test_distinct_addresses_stay_distinct(a: str, b: str) -> None:
    assert canonical_url(a) != canonical_url(b)


def test_the_canonical_form_is_spelled_out() -> None:
    url = "HTTPS://Www.BacKan.gov.vn:443/portal/Pages/2023-2-7/Bai.aspx?b=2&utm_source=fb&A=1#c"
    assert canonical_url(url) == "https://www.backan.gov.vn/portal/Pages/2023-2-7/Bai.aspx?A=1&b=2"


def test_kept_parameters_keep_their_encoding() -> None:
    # Re-encoding "a+b" as "a%2Bb" or "?x" as "?x=" could fetch another page.
    assert canonical_url("https://e.vn/s?q=a+b&x") == "https://e.vn/s?q=a+b&x"
    assert canonical_url("https://e.vn/s?q=tức") == "https://e.vn/s?q=t%E1%BB%A9c"


def test_unicode_host_becomes_idna() -> None:
    assert canonical_url("https://ĐắkLắk.gov.vn/") == "https://xn--klk-uqa4209aca.gov.vn/"


@pytest.mark.parametrize("url", ["http://example.vn:port/x", "", "javascript:void(0)", "mailto:a@b.vn"])
def test_unparseable_input_comes_back_trimmed_without_raising(url: str) -> None:
    assert canonical_url(f" {url} ") == url


@pytest.mark.parametrize("url", [a for a, _ in SAME_ARTICLE + DIFFERENT_ARTICLES])
def test_canonical_url_is_idempotent(url: str) -> None:
    once = canonical_url(url)
    assert canonical_url(once) == once
