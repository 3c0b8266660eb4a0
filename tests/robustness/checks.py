"""Type checks for what the parsers return: every field of the declared type, nothing else."""

from __future__ import annotations

from datetime import date, datetime

from parsers.types import (
    Article,
    DirectiveRef,
    Image,
    IndicatorValue,
    Link,
    ListingPage,
    ParsedPage,
)

LINK_KINDS = {"article", "listing", "next", "feed", "sitemap", "other"}


def _opt(value: object, kind: type) -> bool:
    return value is None or isinstance(value, kind)


def check_link(link: object) -> None:
    assert isinstance(link, Link)
    assert isinstance(link.url, str) and isinstance(link.text, str)
    assert link.kind in LINK_KINDS


def check_listing(page: object) -> None:
    assert isinstance(page, ListingPage)
    for group in (page.article_links, page.next_pages, page.feeds):
        assert isinstance(group, tuple)
        for link in group:
            check_link(link)


def check_article(article: object, url: str) -> None:
    assert isinstance(article, Article)
    assert article.url == url
    assert isinstance(article.title, str) and isinstance(article.text, str)
    assert _opt(article.published_at, datetime)
    for value in (article.date_source, article.author, article.lead, article.category,
                  article.source):
        assert _opt(value, str)
    assert isinstance(article.profile, str) and article.profile
    assert isinstance(article.images, tuple) and isinstance(article.links, tuple)
    for image in article.images:
        assert isinstance(image, Image) and isinstance(image.src, str)
        assert isinstance(image.caption, str)
    for link in article.links:
        check_link(link)


def check_directive(ref: object) -> None:
    assert isinstance(ref, DirectiveRef)
    for value in (ref.code, ref.doc_type, ref.doc_type_name, ref.issuer_code, ref.issuer_name,
                  ref.title):
        assert _opt(value, str)
    assert isinstance(ref.number, str)
    assert isinstance(ref.raw, str) and isinstance(ref.sentence, str)
    assert _opt(ref.year, int)
    assert ref.issued_date is None or (
        isinstance(ref.issued_date, date) and not isinstance(ref.issued_date, datetime)
    )


def check_indicator(value: object) -> None:
    assert isinstance(value, IndicatorValue)
    assert isinstance(value.indicator, str) and value.indicator
    assert isinstance(value.label, str) and isinstance(value.unit, str)
    assert isinstance(value.value, float | int) and not isinstance(value.value, bool)
    assert value.value == value.value  # not NaN
    assert _opt(value.period, str) and _opt(value.locality, str)
    assert isinstance(value.sentence, str) and isinstance(value.raw, str)


def check_parsed_page(page: object, url: str) -> None:
    assert isinstance(page, ParsedPage)
    check_article(page.article, url)
    assert isinstance(page.directives, tuple) and isinstance(page.indicators, tuple)
    for ref in page.directives:
        check_directive(ref)
    for value in page.indicators:
        check_indicator(value)
