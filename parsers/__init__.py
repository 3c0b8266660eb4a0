"""Pure parsing: bytes or str in, plain dataclasses out. No network, no database, no Prefect.

Public entry points (import these, not the private modules):
    parse_article(html, url, profile="auto") -> Article
    parse_page(html, url, profile="auto", locality=None) -> ParsedPage
    extract_listing(html, base_url, profile="auto") -> ListingPage
    parse_feed(data, base_url) -> ListingPage ; parse_sitemap(data, base_url) -> ListingPage
    find_directives(text) -> list[DirectiveRef]
    find_indicators(text, published_at=None, locality=None) -> list[IndicatorValue]
"""

from __future__ import annotations

from core.lazy import lazy_exports
from core.text import fold, normalize_text, normalize_tone_marks, words
from parsers.types import (
    Article,
    DirectiveRef,
    Image,
    IndicatorValue,
    Link,
    ListingPage,
    ParsedPage,
)

# Heavier entry points load on first use, so `import parsers` stays cheap.
_LAZY = {
    "parse_article": "parsers.article",
    "parse_page": "parsers.page",
    "extract_listing": "parsers.links",
    "parse_feed": "parsers.feeds",
    "parse_sitemap": "parsers.feeds",
    "find_directives": "parsers.directives",
    "find_indicators": "parsers.indicators",
}


__getattr__ = lazy_exports(__name__, _LAZY)


__all__ = [
    "Article",
    "DirectiveRef",
    "Image",
    "IndicatorValue",
    "Link",
    "ListingPage",
    "ParsedPage",
    "extract_listing",
    "find_directives",
    "find_indicators",
    "fold",
    "normalize_text",
    "normalize_tone_marks",
    "parse_article",
    "parse_feed",
    "parse_page",
    "parse_sitemap",
    "words",
]
