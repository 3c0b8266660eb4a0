"""One page → article + what detection finds in it (the record `portalwatch parse` prints)."""

from __future__ import annotations

from datetime import datetime

from parsers.article import parse_article
from parsers.directives import find_directives
from parsers.indicators import find_indicators
from parsers.types import ParsedPage


def parse_page(
    html: str | bytes, url: str, profile: str = "auto", locality: str | None = None
) -> ParsedPage:
    """Extract the article, then directives and indicators from its title and text."""
    article = parse_article(html, url, profile=profile)
    body = "\n\n".join(part for part in (article.title, article.text) if part)
    published: datetime | None = article.published_at
    return ParsedPage(
        article=article,
        directives=tuple(find_directives(body)),
        indicators=tuple(find_indicators(body, published_at=published, locality=locality)),
    )
