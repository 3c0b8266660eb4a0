"""DotNetNuke (DNN) portals, common among commune, district and provincial sites."""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser

from parsers.profiles.base import Profile, generator, has_any

_DNN_URL = re.compile(r"/tabid/\d+|[?&]tabid=\d+|/articleType/ArticleView/|/DesktopModules/", re.I)


class Dnn(Profile):
    """DotNetNuke page: `tabid/NNN` or `?tabid=` URLs, `/DesktopModules/` assets, `dnn_` ids,
    meta generator "DotNetNuke"/"DNN".

    Articles come from a news module inside `#dnn_ContentPane`: Ventrian News Articles
    (`…/articleType/ArticleView/articleId/N/`, `.articleEntry`, `.articleAuthor`), EasyDNNnews
    (`.edn_articleTitle`, `.edn_articleSummary`) or a local vendor's module (`.news-detail`
    with `.news-title`, `.news-summary`, `.news-content`, `.news-author`; or `lblTieuDe`,
    `lblNoiDung`, `lblTacGia` labels). The author often sits in its own block under the text;
    module titles ("Chi tiết tin"), print/back links and "Các tin khác" lists are dropped.
    """

    name = "dnn"
    priority = 35
    title = (
        ".news-detail h1",
        "h1.news-title",
        ".news-title",
        ".articleHeadline h1",
        "h1.articleTitle",
        ".articleTitle",
        ".edn_articleTitle",
        '[id*="lblTieuDe"]',
        '[id*="lblTitle"]',
        '[class*="tieude"]',
    )
    date = (
        ".news-date",
        '[class*="news-date"]',
        ".articleDate",
        ".edn_metaDetails time",
        ".edn_metaDetails",
        '[id*="lblNgay"]',
        '[id*="lblDate"]',
        '[class*="ngaydang"]',
        '[class*="date"]',
    )
    author = (
        ".news-author",
        '[class*="news-author"]',
        ".articleAuthor a",
        ".articleAuthor",
        '[id*="lblTacGia"]',
        '[id*="lblAuthor"]',
        '[class*="tacgia"]',
        '[class*="TacGia"]',
        ".edn_author",
    )
    lead = (
        ".news-summary",
        '[class*="news-summary"]',
        ".articleSummary",
        ".edn_articleSummary",
        '[id*="lblTomTat"]',
        '[id*="lblSummary"]',
        '[class*="sapo"]',
        '[class*="tomtat"]',
    )
    body = (
        ".news-content",
        '[class*="news-content"]',
        ".articleEntry",
        ".articleBody",
        ".articleTextCell",
        '[id*="lblNoiDung"]',
        '[id*="lblContent"]',
        '[class*="noidung"]',
        '[class*="NoiDung"]',
    )
    scope = ("#dnn_ContentPane", '[id$="_ContentPane"]', ".DnnModule")
    category = ('[id*="dnnBREADCRUMB"] a', ".news-path a", ".breadcrumb a")
    drop = (
        '[id*="dnnTITLE"]',
        ".news-tools",
        '[class*="news-other"]',
        ".articleOther",
        ".articleComments",
        ".postComment",
        ".postRating",
        ".articlePaging",
        ".edn_socialPrintWrapper",
        ".DNNEmptyPane",
        ".aspNetHidden",
    )

    @classmethod
    def matches(cls, url: str, tree: LexborHTMLParser) -> bool:
        found = generator(tree).lower()
        if "dotnetnuke" in found or found.strip() == "dnn" or _DNN_URL.search(url):
            return True
        return has_any(
            tree,
            '[id^="dnn_"]',
            ".DnnModule",
            '[src*="/DesktopModules/"]',
            '[href*="/DesktopModules/"]',
        )
