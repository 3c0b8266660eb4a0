"""The fallback profile for any news page."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from parsers.profiles.base import Profile


class Generic(Profile):
    """Any article page: title from h1/og:title/<title>, date from meta, byline or URL, body
    from text density and link density (`parsers.content`). Matches every page; tried last."""

    name = "generic"
    priority = 1000
    body = ('[itemprop="articleBody"]',)
    author = (
        '[itemprop="author"] [itemprop="name"]',
        '[itemprop="author"]',
        'a[rel="author"]',
        ".author-name",
        ".byline-name",
        ".post-author",
        ".article-author",
        ".author",
        ".author-info .name",
        '[class*="author-info"]',
        '[class*="AuthorName"]',
        '[class*="news-author"]',
        '[class*="tacgia"]',
        '[class*="TacGia"]',
        '[class*="byline"]',
        "a.username",  # forums: the opening post's poster comes first
    )

    @classmethod
    def matches(cls, url: str, tree: LexborHTMLParser) -> bool:
        return True
