"""WordPress sites (commune and association portals, many local news sites)."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from parsers.profiles.base import Profile, generator, has_any


class WordPress(Profile):
    """WordPress post (`wp-content` assets or generator "WordPress").

    Title in `.entry-title`; date in `time.entry-date[datetime]` (or article:published_time);
    author in `.author .fn`/`a[rel=author]`; body in `.entry-content`; Jetpack sharing and
    related posts, tags and post navigation dropped.
    """

    name = "wordpress"
    priority = 40
    title = ("h1.entry-title", ".entry-title", "h1.post-title", ".single-title")
    date = (
        "time.entry-date",
        ".posted-on time",
        "time.published",
        ".entry-date",
        ".post-date",
        "time[datetime]",
    )
    author = (
        ".entry-meta .author .fn",
        ".byline .author",
        'a[rel="author"]',
        ".author-name",
        ".author .fn",
    )
    body = (
        ".entry-content",
        ".post-content",
        ".td-post-content",
        ".single-content",
        "article .content",
    )
    category = (".cat-links a", 'a[rel="category tag"]')
    drop = (
        ".sharedaddy",
        ".jp-relatedposts",
        ".post-navigation",
        ".nav-links",
        ".tags-links",
        ".entry-footer",
        "#comments",
        ".comments-area",
        ".yarpp-related",
        ".wp-block-buttons",
    )

    @classmethod
    def matches(cls, url: str, tree: LexborHTMLParser) -> bool:
        if "wordpress" in generator(tree).lower():
            return True
        return has_any(tree, '[src*="wp-content"]', '[href*="wp-content"]', '[href*="wp-json"]')
