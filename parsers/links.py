"""Listing pages → article links, the next page, feeds. Pure: HTML in, ListingPage out.

Per-CMS URL shapes are data (HINTS); anything else falls back to the generic rule: a same-site
link outside menus and footers whose text reads like a headline and whose URL looks like one
item (an id, a date, a long slug).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, replace
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from core.text import fold
from parsers.types import Link, ListingPage


def _rx(*patterns: str) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p, re.IGNORECASE) for p in patterns)


@dataclass(frozen=True)
class LinkHints:
    """How one CMS shapes its URLs: `articles` and `listings` match path plus query."""

    name: str
    fingerprints: tuple[re.Pattern[str], ...]  # searched in the page source and its URL
    articles: tuple[re.Pattern[str], ...]
    listings: tuple[re.Pattern[str], ...] = ()
    noise_params: tuple[re.Pattern[str], ...] = ()  # query keys that only say where we came from


HINTS: dict[str, LinkHints] = {
    h.name: h
    for h in (
        LinkHints(
            "tandan",
            _rx(r"tandan-", r"/portal/Pages/", r"ms-rtestate-field", r"PublishingPortal"),
            _rx(r"/Pages/\d{4}-\d{1,2}-\d{1,2}/[^/?]+\.aspx$", r"/print\.aspx\?p=\d+"),
            _rx(r"/Pages/[^/?]+\.aspx(\?|$)"),
            _rx(r"^Source$"),
        ),
        LinkHints(
            "dcs",
            _rx(r"\.dcs\.vn", r"/_layouts/15/"),
            _rx(
                r"/Lists/[^/]+/View_?Detail\.aspx\?.*ItemID=\d+",
                r"/Pages/\d{4}-\d{1,2}-\d{1,2}/[^/?]+\.aspx$",
                r"/Pages/[^/?]*-\d{2,}\.aspx$",
            ),
            _rx(r"/Lists/[^/]+/[^/?]*\.aspx$"),
            _rx(r"^Source$"),
        ),
        LinkHints(
            "nukeviet",
            _rx(r"<meta[^>]+generator[^>]+NukeViet", r"nv_base_siteurl", r"/themes/[^/]+/js/"),
            _rx(r"^/(?:[a-z]{2}/)?(?:[\w-]+/)+[\w-]+-\d+\.html?$"),
            _rx(r"/rss/", r"/page-\d+", r"/(search|users|contact|seek)/"),
        ),
        LinkHints(
            "wordpress",
            _rx(r"/wp-content/", r"/wp-includes/", r"<meta[^>]+generator[^>]+WordPress"),
            _rx(r"^/(?:[\w-]+/)?\d{4}/\d{2}/(?:\d{2}/)?[^/]+/?$", r"^/?\?p=\d+$"),
            _rx(r"/(category|tag|author)/", r"/page/\d+", r"/feed/?$", r"/wp-(admin|login)"),
        ),
        LinkHints(
            "liferay",
            _rx(r"Liferay", r"p_p_id=", r"/-/asset_publisher/", r"/o/frontend"),
            _rx(r"/-/asset_publisher/[^/]+/content/[^/?]+", r"/-/[^/?]*\d{3,}[^/?]*$"),
            _rx(r"p_p_lifecycle="),
            _rx(r"_redirect$", r"^p_p_"),
        ),
        LinkHints(
            "dnn",
            _rx(r"/tabid/\d+", r"[?&]tabid=\d+", r"/DesktopModules/", r"id=\"dnn_",
                r"<meta[^>]+generator[^>]+DotNetNuke"),
            _rx(r"/articleType/ArticleView/articleId/\d+", r"/ArticleID/\d+(?:/|$)",
                r"/tabid/\d+/.*/item/\d+"),
            _rx(r"/tabid/\d+/(?:[\w-]+/)*Default\.aspx$", r"/currentpage/\d+", r"/PageID/\d+"),
        ),
        LinkHints(
            "generic",
            (),
            _rx(
                r"-\d{3,}\.(?:html?|aspx|php|htm)$",
                r"/\d{4}/\d{1,2}/\d{1,2}/[^/]+",
                r"[?&](?:id|newsid|itemid|nid|articleid|tinid|news_id)=\d+",
                r"/(?:chi-tiet|chitiet|news-detail|detail|tin-chi-tiet)[^/]*/[^/]+",
            ),
            _rx(r"/(tag|tags|search|tim-kiem|lien-he|contact|login|dang-nhap)(/|$)"),
        ),
    )
}
PROFILES = tuple(HINTS)

# Pagination markers: query parameters, and path patterns whose one group is the page number.
PAGE_PARAMS = frozenset(
    {"pageindex", "page", "paged", "trang", "pg", "pageno", "currentpage", "pagenum", "cur"}
)
PAGE_PATHS = _rx(
    r"/page/(\d+)/?$",
    r"/page-(\d+)(?=/|$|\.html?$)",
    r"/trang-(\d+)(?=/|$|\.html?$)",
    r"/currentpage/(\d+)(?=/|$)",  # DotNetNuke article modules
    r"/PageID/(\d+)(?=/|$)",
)
NEXT_TEXTS = frozenset(
    fold(t)
    for t in (
        "Trang sau",
        "Trang tiếp",
        "Tiếp",
        "Sau",
        "Tiếp theo",
        "»",
        "›",
        ">",
        ">>",
        "Next",
        "Next page",
        "Older posts",
        "Bài cũ hơn",
        "Tin cũ hơn",
    )
)
_SKIP_EXT = re.compile(
    r"\.(pdf|docx?|xlsx?|pptx?|zip|rar|7z|jpe?g|png|gif|webp|svg|mp3|mp4|avi|wmv|flv|exe)$",
    re.IGNORECASE,
)
_CHROME_WORDS = (
    "menu",
    "nav",
    "navigation",
    "breadcrumb",
    "footer",
    "header",
    "pager",
    "pagination",
    "paging",
    "social",
    "share",
    "toolbar",
    "login",
    "topbar",
    "copyright",
    "language",
)
_CHROME = re.compile(
    r"(?:^|[-_])(?:" + "|".join(_CHROME_WORDS) + r")(?:s|bar|top|left|right|links|list)?(?:$|[-_])"
    r"|^(?:" + "|".join(_CHROME_WORDS) + r")",
    re.IGNORECASE,
)
_CONTENT_TAGS = frozenset({"article", "main"})
_FEED_HREF = re.compile(r"(/rss/?|\.rss|/feed/?|rss\.xml|atom\.xml|/rss/[\w-]+/?)$", re.I)
_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml")
_ITEM_DATE = re.compile(
    r"\b(?:\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}|\d{4}-\d{2}-\d{2})(?:[ T,]+\d{1,2}[:h]\d{2})?"
)
MAX_ITEM_TEXT = 2000  # characters of an item's block that its stamp covers
MAX_ITEM_DEPTH = 12  # ancestors looked at for an item's block (deep markup stays linear)


def detect_profile(html: str, url: str = "") -> str:
    """The CMS a page comes from, by fingerprints in its source and URL; `generic` if none."""
    sample = html[:200_000] + " " + url
    scores = {
        name: sum(1 for rx in hints.fingerprints if rx.search(sample))
        for name, hints in HINTS.items()
    }
    best = max(scores, key=lambda name: scores[name])
    if scores[best] == 0:
        return "generic"
    if best == "tandan" and scores["dcs"] >= scores["tandan"]:
        return "dcs"
    return best


def extract_listing(html: str, base_url: str, profile: str = "auto") -> ListingPage:
    """Article links (page order, one per URL), the next page(s) and feeds of a listing page."""
    tree = LexborHTMLParser(html or "<html></html>")
    base_url = _usable(_base_href(tree, base_url))
    name = detect_profile(html, base_url) if profile == "auto" else profile
    hints = [HINTS[name]] if name in HINTS else []
    if name != "generic":
        hints.append(HINTS["generic"])
    anchors = _anchors(tree, base_url)
    articles: dict[str, Link] = {}
    nodes: dict[str, list[LexborNode]] = {}
    chrome: dict[int, bool | None] = {}
    for url, text, node in anchors:
        if _is_article(url, text, node, base_url, hints, chrome):
            url = _drop_noise(url, hints)
            nodes.setdefault(url, []).append(node)
            known = articles.get(url)
            if known is None or len(text) > len(known.text):
                articles[url] = Link(url, text, "article")
    stamps = _item_stamps(nodes)
    return ListingPage(
        article_links=tuple(replace(link, stamp=stamps[url]) for url, link in articles.items()),
        next_pages=_next_pages(tree, anchors, base_url),
        feeds=_feeds(tree, anchors, base_url),
    )


def page_number(url: str) -> tuple[str, int]:
    """(the URL without its page marker, the page number); page 1 when there is no marker."""
    marker = _page_marker(url)
    return marker if marker is not None else (_comparable(url), 1)


def _page_marker(url: str) -> tuple[str, int] | None:
    parts = urlsplit(url)
    query = parse_qsl(parts.query, keep_blank_values=True)
    for index, (key, value) in enumerate(query):
        name = key.lower().rsplit("_", 1)[-1]  # Liferay: _<portlet>_cur=2
        if name in PAGE_PARAMS and value.isdigit():
            rest = urlencode(query[:index] + query[index + 1 :])
            return _comparable(urlunsplit(parts._replace(query=rest))), int(value)
    for pattern in PAGE_PATHS:
        match = pattern.search(parts.path)
        if match:
            path = parts.path[: match.start()] + parts.path[match.end() :]
            return _comparable(urlunsplit(parts._replace(path=path))), int(match.group(1))
    return None


def _drop_noise(url: str, hints: list[LinkHints]) -> str:
    noise = [rx for h in hints for rx in h.noise_params]
    parts = urlsplit(url)
    if not noise or not parts.query:
        return url
    query = parse_qsl(parts.query, keep_blank_values=True)
    kept = [(k, v) for k, v in query if not any(rx.search(k) for rx in noise)]
    return url if len(kept) == len(query) else urlunsplit(parts._replace(query=urlencode(kept)))


def _comparable(url: str) -> str:
    parts = urlsplit(url)
    query = urlencode(sorted(parse_qsl(parts.query, keep_blank_values=True)))
    path = parts.path.rstrip("/") or "/"
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, query, ""))


def _usable(url: str) -> str:
    """`url`, or "" when urlsplit cannot take it ("A://[", a port out of range)."""
    try:
        urlsplit(url).port  # noqa: B018 - raises ValueError on a port out of range
    except ValueError:
        return ""
    return url


def _base_href(tree: LexborHTMLParser, url: str) -> str:
    base = tree.css_first("base[href]")
    href = base.attributes.get("href") if base is not None else None
    return (_absolute(url, href.strip()) or url) if href else url


def _anchors(tree: LexborHTMLParser, base_url: str) -> list[tuple[str, str, LexborNode]]:
    """Absolute http(s) links without fragments, with their visible (or title) text."""
    found: list[tuple[str, str, LexborNode]] = []
    for node in tree.css("a[href]"):
        href = (node.attributes.get("href") or "").strip()
        if not href or href.startswith(("#", "javascript:", "mailto:", "tel:", "data:")):
            continue
        url = _absolute(base_url, href)
        if url is None:
            continue
        text = " ".join(node.text(deep=True, separator=" ").split())
        if not text:
            text = (node.attributes.get("title") or "").strip()
        found.append((url, text, node))
    return found


def _absolute(base_url: str, href: str) -> str | None:
    """The http(s) URL a link points to, without fragment; None for anything unusable."""
    try:
        url = urljoin(base_url, href).split("#", 1)[0]
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a port out of range
    except ValueError:
        return None
    return url if parts.scheme in ("http", "https") and parts.hostname else None


def _same_site(url: str, base_url: str) -> bool:
    a = (urlsplit(url).hostname or "").removeprefix("www.")
    b = (urlsplit(base_url).hostname or "").removeprefix("www.")
    return a == b or a.endswith("." + b) or b.endswith("." + a)


def _target(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def _is_article(
    url: str,
    text: str,
    node: LexborNode,
    base_url: str,
    hints: list[LinkHints],
    chrome: dict[int, bool | None],
) -> bool:
    if not _same_site(url, base_url) or _SKIP_EXT.search(urlsplit(url).path):
        return False
    target = _target(url)
    if target in ("", "/") or url.rstrip("/") == base_url.rstrip("/"):
        return False
    if any(rx.search(target) for h in hints for rx in h.articles):
        return not _in_chrome(node, chrome)
    if any(rx.search(target) for h in hints for rx in h.listings):
        return False
    if _page_marker(url) is not None:
        return False
    return _headline(text) and _item_like(target) and not _in_chrome(node, chrome)


def _headline(text: str) -> bool:
    """Headlines of these portals run to a dozen syllables; menu entries to a handful."""
    return len(text.split()) >= 6 and len(text) >= 25 and not text.isupper()


def _item_like(target: str) -> bool:
    """One item rather than a section: an id, a date, a file name or a long slug."""
    last = target.rstrip("/").rsplit("/", 1)[-1]
    if re.search(r"\d{3,}", last) or re.search(r"/\d{4}/\d{1,2}/", target):
        return True
    if re.search(r"\.(html?|aspx|php|jsp)$", last.split("?")[0], re.IGNORECASE):
        return True
    return last.count("-") >= 4


def _in_chrome(node: LexborNode, memo: dict[int, bool | None]) -> bool:
    """Inside a menu, header, footer or pager, and not inside an article or main element.

    `memo` holds, per element, what its ancestors (itself included) settle: None for an
    article or main element among them, else whether one is chrome; each element is looked
    at once per page, so deep markup with many links stays linear."""
    path: list[LexborNode] = []
    state: bool | None = False
    current = node.parent
    while current is not None and current.tag not in ("body", "html"):
        if current.mem_id in memo:
            state = memo[current.mem_id]
            break
        path.append(current)
        current = current.parent
    for element in reversed(path):
        if state is not None:
            tag = element.tag or ""
            if tag in _CONTENT_TAGS:
                state = None
            elif tag in ("nav", "header", "footer") or _chrome_marked(element):
                state = True
        memo[element.mem_id] = state
    return state is True


def _chrome_marked(element: LexborNode) -> bool:
    marks = f"{element.attributes.get('class') or ''} {element.attributes.get('id') or ''}"
    return any(_CHROME.search(t) for t in marks.split())


def _next_pages(
    tree: LexborHTMLParser, anchors: list[tuple[str, str, LexborNode]], base_url: str
) -> tuple[Link, ...]:
    """rel=next first, then the link to page N+1 of this listing, then "Trang sau"-like text."""
    here, number = page_number(base_url)
    found: dict[str, Link] = {}
    for node in tree.css("link[rel][href]"):
        if "next" in (node.attributes.get("rel") or "").lower().split():
            url = _absolute(base_url, node.attributes.get("href") or "")
            if url:
                found.setdefault(url, Link(url, "", "next"))
    for url, text, node in anchors:
        if "next" in (node.attributes.get("rel") or "").lower().split():
            found.setdefault(url, Link(url, text, "next"))
    for url, text, _ in anchors:
        there, other = page_number(url)
        if there == here and other == number + 1:
            found.setdefault(url, Link(url, text, "next"))
    for url, text, node in anchors:
        label = fold(text or node.attributes.get("aria-label") or "")
        classes = (node.attributes.get("class") or "").lower().split()
        if label in NEXT_TEXTS or label.strip(" »›>.") in NEXT_TEXTS or "next" in classes:
            found.setdefault(url, Link(url, text, "next"))
    return tuple(
        link
        for url, link in found.items()
        if _same_site(url, base_url) and _comparable(url) != _comparable(base_url)
    )


def _feeds(
    tree: LexborHTMLParser, anchors: list[tuple[str, str, LexborNode]], base_url: str
) -> tuple[Link, ...]:
    found: dict[str, Link] = {}
    for node in tree.css("link[rel][href]"):
        kind = (node.attributes.get("type") or "").lower()
        if "alternate" in (node.attributes.get("rel") or "").lower() and kind in _FEED_TYPES:
            url = _absolute(base_url, node.attributes.get("href") or "")
            if url:
                found.setdefault(url, Link(url, node.attributes.get("title") or "", "feed"))
    for url, text, _ in anchors:
        if _FEED_HREF.search(urlsplit(url).path) and _same_site(url, base_url):
            found.setdefault(url, Link(url, text, "feed"))
    return tuple(found.values())


def _item_stamps(nodes: dict[str, list[LexborNode]]) -> dict[str, str]:
    """Article URL → "<date> <digest>" of its item block: the largest element holding links to
    this article and to no other, so an edited date, title or summary changes the stamp while
    menus and sidebars around the list do not."""
    holders: dict[int, set[str]] = {}  # element → article URLs linked inside it
    chains: dict[str, list[list[LexborNode]]] = {}
    for url, anchors in nodes.items():
        for anchor in anchors:
            chain = [anchor]
            current = anchor.parent
            while (
                current is not None
                and current.tag not in ("body", "html", "-undef")
                and len(chain) <= MAX_ITEM_DEPTH
            ):
                chain.append(current)
                current = current.parent
            chains.setdefault(url, []).append(chain)
            for node in chain:
                holders.setdefault(node.mem_id, set()).add(url)
    stamps: dict[str, str] = {}
    for url, url_chains in chains.items():
        texts = []
        for chain in url_chains:
            block = chain[0]
            for node in chain[1:]:
                if len(holders[node.mem_id]) > 1:
                    break
                block = node
            texts.append(" ".join(block.text(deep=True, separator=" ").split())[:MAX_ITEM_TEXT])
        stamps[url] = _stamp(max(texts, key=len))
    return stamps


def _stamp(text: str) -> str:
    date = _ITEM_DATE.search(text)
    digest = hashlib.blake2s(text.encode(), digest_size=6).hexdigest()
    return f"{' '.join(date.group(0).split())} {digest}" if date else digest
