"""SharePoint "Tân Dân" portals, the platform of most provincial and district sites."""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser

from parsers.profiles.base import Profile, has_any

_PAGES_URL = re.compile(r"/Pages/[^?#]+\.aspx", re.IGNORECASE)


class TanDan(Profile):
    """SharePoint "Tân Dân" portal.

    Recognised by `/portal/Pages/…aspx` article URLs or `tandan-*` classes. Title in
    `.tandan-p-article-news-title`, date in `.tandan-span-date-publish` ("07/02/2023", else the
    `/Pages/YYYY-M-D/` URL), lead in `.tandan-p-article-news-summary`, body in the
    `.ms-rtestate-field` rich-text field. Web-part titles ("PublishingPortal -
    Block_BanTin_Toolbar") and the font-size toolbar are dropped; the author is the trailing
    short line of the body.
    """

    name = "tandan"
    priority = 10
    title = (".tandan-p-article-news-title", '[class*="article-news-title"]')
    date = (".tandan-span-date-publish", '[class*="date-publish"]', '[class*="article-news-date"]')
    author = (".tandan-p-article-news-author", '[class*="news-author"]')
    lead = (".tandan-p-article-news-summary", '[class*="news-summary"]')
    body = (
        ".tandan-p-article-news-content .ms-rtestate-field",
        ".tandan-p-article-news-content",
        ".ms-rtestate-field",
        ".tandan-p-article-main",
    )
    scope = ("#DeltaPlaceHolderMain", '[id*="PlaceHolderMain"]')
    category = (".tandan-breadcrumb a", '[class*="breadcrumb"] a')
    drop = (
        ".ms-webpart-chrome-title",
        ".ms-webpart-titleText",
        ".js-webpart-titleCell",
        ".ms-WPTitle",
        '[class*="Toolbar"]',
        '[class*="toolbar"]',
        ".tandan-div-article-other",
    )

    @classmethod
    def matches(cls, url: str, tree: LexborHTMLParser) -> bool:
        if has_any(tree, '[class*="tandan-"]'):
            return True
        return "/portal/" in url.lower() and bool(_PAGES_URL.search(url))
