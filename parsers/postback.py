"""ASP.NET postback pagers (SharePoint "Tân Dân" lists) → the form POST that opens a page.
Pure: HTML in, PostbackPage out; the crawler makes the request.

A pager link runs `javascript:__doPostBack('ctl00$…$Pager','Page$2')` (or the
WebForm_PostBackOptions form of it); the browser then posts the page's form with the link's
target and argument plus every hidden input (__VIEWSTATE, __EVENTVALIDATION …).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlencode, urljoin, urlsplit, urlunsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from core.text import fold
from parsers.links import NEXT_TEXTS

PAGE_MARKER = "__pw_page"  # names a postback page in URLs portalwatch keeps; never sent
_DO_POSTBACK = re.compile(
    r"""__doPostBack\(\s*(['"])(?P<target>[^'"]+)\1\s*,\s*(['"])(?P<arg>[^'"]*)\3"""
)
_WEBFORM = re.compile(
    r"""WebForm_PostBackOptions\(\s*(['"])(?P<target>[^'"]+)\1\s*,\s*(['"])(?P<arg>[^'"]*)\3"""
)
_PAGE_ARG = re.compile(r"^Page\$(\d+)$", re.IGNORECASE)
_NEXT_ARG = re.compile(r"^Page\$Next$", re.IGNORECASE)


@dataclass(frozen=True)
class PostbackPage:
    """The form POST that opens page `page` of a postback-paged listing."""

    action_url: str  # where the form posts: the real URL to request
    fields: tuple[tuple[str, str], ...]  # form fields in document order, target and argument set
    page: int  # the page number this POST opens

    @property
    def marker_url(self) -> str:
        """A URL naming this page for bookkeeping (the action URL plus __pw_page=N)."""
        parts = urlsplit(self.action_url)
        query = f"{parts.query}&" if parts.query else ""
        return urlunsplit(parts._replace(query=f"{query}{PAGE_MARKER}={self.page}", fragment=""))

    def body(self) -> str:
        """The form body as a browser sends it (application/x-www-form-urlencoded)."""
        return urlencode(self.fields)


def next_postback(html: str, base_url: str, current: int = 1) -> PostbackPage | None:
    """The postback that opens page `current + 1`: a `Page$N` pager link first, then a
    "Trang sau"/"Page$Next"-like one; None when the page has no such pager."""
    tree = LexborHTMLParser(html or "<html></html>")
    wanted = current + 1
    fallback: tuple[LexborNode, str, str] | None = None
    for node, target, argument in _postback_links(tree):
        number = _PAGE_ARG.match(argument)
        if number and int(number.group(1)) == wanted:
            return _page(tree, node, base_url, target, argument, wanted)
        if fallback is None and not number and _reads_next(node, argument):
            fallback = (node, target, argument)
    if fallback is None:
        return None
    node, target, argument = fallback
    return _page(tree, node, base_url, target, argument, wanted)


def _postback_links(tree: LexborHTMLParser) -> list[tuple[LexborNode, str, str]]:
    found: list[tuple[LexborNode, str, str]] = []
    for node in tree.css("a[href], a[onclick], input[onclick]"):
        script = f"{node.attributes.get('href') or ''} {node.attributes.get('onclick') or ''}"
        match = _DO_POSTBACK.search(script) or _WEBFORM.search(script)
        if match:
            found.append((node, match.group("target"), match.group("arg")))
    return found


def _reads_next(node: LexborNode, argument: str) -> bool:
    if _NEXT_ARG.match(argument):
        return True
    label = fold(" ".join(node.text(deep=True, separator=" ").split()))
    label = label or fold(node.attributes.get("title") or node.attributes.get("value") or "")
    return label in NEXT_TEXTS or label.strip(" »›>.") in NEXT_TEXTS


def _page(
    tree: LexborHTMLParser, link: LexborNode, base_url: str, target: str, argument: str, page: int
) -> PostbackPage | None:
    form = _form_of(tree, link)
    if form is None:
        return None
    action = (form.attributes.get("action") or "").strip()
    action_url = urljoin(base_url, action).split("#", 1)[0] if action else base_url
    if urlsplit(action_url).scheme not in ("http", "https"):
        return None
    fields: list[tuple[str, str]] = [("__EVENTTARGET", target), ("__EVENTARGUMENT", argument)]
    for node in form.css("input"):
        name = node.attributes.get("name") or ""
        kind = (node.attributes.get("type") or "").lower()
        if kind == "hidden" and name and name not in ("__EVENTTARGET", "__EVENTARGUMENT"):
            fields.append((name, node.attributes.get("value") or ""))
    return PostbackPage(action_url, tuple(fields), page)


def _form_of(tree: LexborHTMLParser, node: LexborNode) -> LexborNode | None:
    """The form enclosing the link; ASP.NET pages have one, so the first form otherwise."""
    current = node.parent
    while current is not None:
        if current.tag == "form":
            return current
        current = current.parent
    return tree.css_first("form")
