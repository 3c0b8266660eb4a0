"""Long adversarial inputs: every pure entry point stays roughly linear, no regex runs away."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable

import pytest

from core.errors import ParseError
from dedup import canonical_url
from parsers import (
    extract_listing,
    find_directives,
    find_indicators,
    fold,
    normalize_text,
    parse_article,
    parse_feed,
    parse_sitemap,
)

BOUND_SECONDS = 2.0
ADVERSARIAL = {
    "so-dash": "số 1-" * 50_000,
    "dotted": "1." * 50_000 + "1",
    "slashes": "1/" * 50_000,
    "dashes-slashes": "17-NQ/" * 20_000,
    "code-soup": "Nghị quyết số 17-NQ/HU/2020/NĐ-CP/" * 5_000,
    "percents": "85%" * 30_000,
    "comma-digits": "1,6" * 30_000,
    "date-chain": "ngày 13 tháng 12 năm 2023 " * 5_000,
    "spaces": "số" + " " * 100_000 + "1",
    "entities": "&amp;" * 50_000 + "ocirc;",
    "combining": "a" + "\u0301" * 50_000,
    "zero-width": "Nghị\u200b" * 20_000,
}
TEXT_FUNCTIONS: dict[str, Callable[[str], object]] = {
    "find_directives": find_directives,
    "find_indicators": find_indicators,
    "normalize_text": normalize_text,
    "fold": fold,
    "canonical_url": lambda s: canonical_url("http://a.vn/" + s[:20_000] + "?" + s[:20_000]),
}


def _timed(call: Callable[[], object]) -> float:
    start = time.perf_counter()
    with contextlib.suppress(ParseError):
        call()
    return time.perf_counter() - start


# find_indicators does real work per figure, so texts made of nothing but figures take seconds
# at this size; what matters is that the time grows linearly (it was quadratic in the length of
# one sentence before sentences were capped: 150 kB took 25-30 s). Those three cases are
# checked for growth below instead of against the absolute bound.
FIGURE_SOUPS = ("percents", "so-dash", "date-chain")
TEXT_CASES = [
    pytest.param(name, function)
    for name in sorted(ADVERSARIAL)
    for function in sorted(TEXT_FUNCTIONS)
    if not (function == "find_indicators" and name in FIGURE_SOUPS)
]


@pytest.mark.timeout(60)
@pytest.mark.parametrize("name", FIGURE_SOUPS)
def test_find_indicators_grows_linearly_on_figure_soup(name: str) -> None:
    text = ADVERSARIAL[name]
    quarter = text[: len(text) // 4]
    small = _timed(lambda: TEXT_FUNCTIONS["find_indicators"](quarter))
    large = _timed(lambda: TEXT_FUNCTIONS["find_indicators"](text))
    # Linear growth gives about 4x for 4x the text; quadratic gave 16x.
    assert large < max(8 * small, 0.5), f"{large:.2f}s vs {small:.2f}s for a quarter of {name}"


@pytest.mark.timeout(30)
@pytest.mark.parametrize(("name", "function"), TEXT_CASES)
def test_text_functions_are_fast_on_adversarial_text(name: str, function: str) -> None:
    text = ADVERSARIAL[name]
    elapsed = _timed(lambda: TEXT_FUNCTIONS[function](text))
    assert elapsed < BOUND_SECONDS, f"{function} took {elapsed:.2f}s on {name}"


@pytest.mark.timeout(30)
@pytest.mark.parametrize("name", ["so-dash", "dotted", "code-soup", "date-chain", "entities"])
def test_page_parsers_are_fast_on_adversarial_pages(name: str) -> None:
    text = ADVERSARIAL[name]
    page = f"<html><head><title>{text[:5000]}</title></head><body><p>{text}</p></body></html>"
    elapsed = _timed(lambda: parse_article(page, "http://a.vn/tin-1.html"))
    assert elapsed < BOUND_SECONDS * 2, f"parse_article took {elapsed:.2f}s on {name}"
    elapsed = _timed(lambda: extract_listing(page, "http://a.vn/"))
    assert elapsed < BOUND_SECONDS, f"extract_listing took {elapsed:.2f}s on {name}"


@pytest.mark.timeout(30)
@pytest.mark.parametrize(
    "shape",
    [
        "<table><tr><td>" * 3_000,  # deep unclosed nesting
        "<div>" * 20_000,
        '<a href="/' + "a" * 500_000 + '">Tin</a>',  # one huge attribute
        "<p>" + "Tin nhanh. " * 30_000,
    ],
    ids=["tables", "divs", "huge-href", "one-long-paragraph"],
)
def test_page_parsers_are_fast_on_adversarial_markup(shape: str) -> None:
    elapsed = _timed(lambda: parse_article(shape, "http://a.vn/tin-1.html"))
    assert elapsed < BOUND_SECONDS * 2, f"parse_article took {elapsed:.2f}s"
    elapsed = _timed(lambda: extract_listing(shape, "http://a.vn/"))
    assert elapsed < BOUND_SECONDS, f"extract_listing took {elapsed:.2f}s"


@pytest.mark.timeout(30)
@pytest.mark.parametrize(
    "data",
    [
        b"<rss><channel>" + b"<item><link>/a-1.html</link></item>" * 20_000 + b"</channel></rss>",
        b"<urlset>" + b"<url><loc>/a</loc></url>" * 20_000,  # truncated: no closing tag
        b"<rss>" + b"&ocirc;" * 100_000 + b"</rss>",
        b"<" * 100_000,
    ],
    ids=["many-items", "truncated-urlset", "many-entities", "angle-brackets"],
)
def test_xml_parsers_are_fast_on_adversarial_xml(data: bytes) -> None:
    for parse in (parse_feed, parse_sitemap):
        elapsed = _timed(lambda: parse(data, "http://a.vn/"))  # noqa: B023 - called at once
        assert elapsed < BOUND_SECONDS, f"{parse.__name__} took {elapsed:.2f}s"
