"""Party committee sites under *.dcs.vn built on SharePoint 2013."""

from __future__ import annotations

from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser

from parsers.profiles.base import Profile, has_any


class Dcs(Profile):
    """Party site on SharePoint 2013 (`*.dcs.vn`, `_layouts/15` assets, layout tables).

    Recognised by a `.dcs.vn` host or SharePoint 2013 assets without Tân Dân classes. Title in
    the page's `.title-news`/`.tieude` cell or `h1`; date in a `.date`/`.ngay` cell near it;
    body in the `.ms-rtestate-field` rich-text field, else the layout-table cell with the most
    text inside `#DeltaPlaceHolderMain`. Web-part titles are dropped.
    """

    name = "dcs"
    priority = 20
    title = (
        ".title-news",
        ".news-title",
        '[class*="tieude"]',
        '[class*="TieuDe"]',
        '[class*="title-detail"]',
    )
    date = (".date-news", '[class*="ngaydang"]', '[class*="NgayDang"]', '[class*="date"]')
    author = ('[class*="tacgia"]', '[class*="TacGia"]', '[class*="author"]')
    lead = ('[class*="sapo"]', '[class*="tomtat"]', '[class*="TomTat"]')
    body = (
        '[class*="noidung"] .ms-rtestate-field',
        ".ms-rtestate-field",
        '[class*="noidung"]',
        '[class*="NoiDung"]',
    )
    scope = ("#DeltaPlaceHolderMain", '[id*="PlaceHolderMain"]', "#MSO_ContentTable")
    drop = (
        ".ms-webpart-chrome-title",
        ".ms-webpart-titleText",
        ".js-webpart-titleCell",
        ".ms-WPTitle",
        ".ms-wpTdSpace",
    )

    @classmethod
    def matches(cls, url: str, tree: LexborHTMLParser) -> bool:
        try:
            host = (urlsplit(url).hostname or "").lower()
        except ValueError:  # "http://[::1": a malformed host is no dcs.vn host
            host = ""
        if host.endswith(".dcs.vn") or host == "dcs.vn":
            return True
        return has_any(tree, '[src*="_layouts/15"]', '[href*="_layouts/15"]')
