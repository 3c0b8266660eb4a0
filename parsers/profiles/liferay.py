"""Liferay portals (some provinces and ministries)."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from parsers.profiles.base import Profile, has_any


class Liferay(Profile):
    """Liferay web content (`p_p_id=` links, `.journal-content-article`).

    Title in `.asset-title`/`.header-title` or the article's `h1`; date in the asset metadata
    (`.metadata-publish-date`, `[class*=publish-date]`); body in `.journal-content-article`;
    portlet titles, social bookmarks and ratings dropped.
    """

    name = "liferay"
    priority = 25
    title = (".asset-title", ".journal-content-article h1", ".header-title", ".title-article")
    date = (
        ".metadata-publish-date",
        '[class*="publish-date"]',
        ".asset-metadata .date",
        '[class*="display-date"]',
    )
    author = (".metadata-author", ".asset-author", '[class*="author"]')
    lead = (".asset-summary", '[class*="summary"]')
    body = (".journal-content-article", ".asset-content", ".asset-full-content")
    drop = (
        ".portlet-title",
        ".portlet-title-text",
        ".portlet-topper",
        ".portlet-title-default",
        ".taglib-social-bookmarks",
        ".taglib-ratings",
        ".asset-ratings",
        ".asset-links",
        ".lfr-meta-actions",
        ".portlet-actions",
    )

    @classmethod
    def matches(cls, url: str, tree: LexborHTMLParser) -> bool:
        if "p_p_id=" in url:
            return True
        return has_any(
            tree,
            '[href*="p_p_id="]',
            ".journal-content-article",
            '[id^="p_p_id"]',
            ".portlet-journal-content",
        )
