"""NukeViet, the Vietnamese open-source CMS."""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser

from parsers.profiles.base import Profile, generator, has_any


class NukeViet(Profile):
    """NukeViet news module (meta generator "NukeViet", `#news-bodyhtml`).

    Title in `.news_column h1`/`h1.title`; date in the detail header (`span.h5`, "Thứ năm -
    17/05/2024 08:30"); lead in `.hometext`; body in `#news-bodyhtml` (`.bodytext`); author in
    the "Tác giả bài viết:" line under the body; keywords, rating and share blocks dropped.
    """

    name = "nukeviet"
    priority = 30
    title = (".news_column h1", "h1.title", ".detail h1", "h1")
    date = (".news_column .h5", "span.h5", ".news_column .time", '[class*="time"]')
    author = (".author", '[class*="author"]')
    lead = (".hometext",)
    body = ("#news-bodyhtml", ".bodytext", "#page-bodyhtml")
    category = (".breadcrumbs a", ".breadcrumb a")
    drop = (
        ".news-share",
        ".socialicon",
        "#rating",
        ".rating",
        ".keywords",
        ".news-keywords",
        ".news_column .panel-footer",
        ".news-download-file",
        ".related",
        ".other-news",
    )

    @classmethod
    def matches(cls, url: str, tree: LexborHTMLParser) -> bool:
        return "nukeviet" in generator(tree).lower() or has_any(tree, "#news-bodyhtml")
