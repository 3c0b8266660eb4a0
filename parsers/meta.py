"""What a page says about itself in <head>: Open Graph, article:*, Dublin Core, JSON-LD."""

from __future__ import annotations

import json
from collections import deque
from dataclasses import dataclass
from typing import Any

from selectolax.lexbor import LexborHTMLParser

from parsers.dom import clean_text

# Where each field may be declared, best first (meta name/property/itemprop keys, lower-cased).
PUBLISHED_KEYS = (
    "article:published_time",
    "og:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date",
    "dcterms.created",
    "date",
    "sailthru.date",
    "parsely-pub-date",
    "citation_publication_date",
)
MODIFIED_KEYS = ("article:modified_time", "og:updated_time", "datemodified", "dcterms.modified")
MAX_NEXT_NODES = 2000  # JSON values searched in __NEXT_DATA__ for an author
TITLE_KEYS = ("og:title", "twitter:title", "dc.title", "headline")
AUTHOR_KEYS = ("article:author", "author", "dc.creator", "byl", "parsely-author")
SECTION_KEYS = ("article:section", "articlesection", "parsely-section", "category")
DESCRIPTION_KEYS = ("og:description", "description", "twitter:description", "dc.description")
_ARTICLE_TYPES = ("article", "newsarticle", "blogposting", "reportagenewsarticle", "webpage")


@dataclass(frozen=True)
class PageMeta:
    """Head metadata; every field is normalised text or empty."""

    title: str = ""  # og:title, JSON-LD headline …
    html_title: str = ""  # <title>
    published: tuple[str, ...] = ()  # raw machine dates, best first
    modified: str = ""
    author: str = ""
    section: str = ""
    description: str = ""
    site_name: str = ""
    generator: str = ""
    body: tuple[str, ...] = ()  # JSON-LD articleBody, as paragraphs


def _meta_map(tree: LexborHTMLParser) -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for node in tree.css("meta"):
        attrs = node.attributes
        key = attrs.get("property") or attrs.get("name") or attrs.get("itemprop") or ""
        value = attrs.get("content") or attrs.get("datetime") or ""
        if key and value and value.strip():
            found.setdefault(key.strip().lower(), []).append(value.strip())
    return found


def _first(found: dict[str, list[str]], keys: tuple[str, ...]) -> str:
    for key in keys:
        if found.get(key):
            return clean_text(found[key][0])
    return ""


def _json_ld(tree: LexborHTMLParser) -> list[dict[str, Any]]:
    items: list[dict[str, Any]] = []
    for node in tree.css('script[type="application/ld+json"]'):
        try:
            data = json.loads(node.text(deep=True) or "null", strict=False)
        except ValueError:
            continue  # a broken JSON-LD block is common and simply ignored
        items.extend(_flatten(data))
    return items


def _flatten(data: Any) -> list[dict[str, Any]]:
    if isinstance(data, list):
        return [item for part in data for item in _flatten(part)]
    if not isinstance(data, dict):
        return []
    out = [data]
    for key in ("@graph", "mainEntity", "itemListElement"):
        if key in data:
            out.extend(_flatten(data[key]))
    return out


def _ld_type(item: dict[str, Any]) -> str:
    kind = item.get("@type", "")
    if isinstance(kind, list):
        kind = " ".join(str(k) for k in kind)
    return str(kind).lower()


def _ld_name(value: Any) -> str:
    if isinstance(value, list):
        return ", ".join(name for name in (_ld_name(v) for v in value) if name)
    if isinstance(value, dict):
        return clean_text(str(value.get("name") or ""))
    return clean_text(str(value)) if isinstance(value, str) else ""


def _ld_article(tree: LexborHTMLParser) -> dict[str, Any]:
    items = _json_ld(tree)
    for wanted in _ARTICLE_TYPES:
        for item in items:
            if wanted in _ld_type(item).split() or _ld_type(item).endswith(wanted):
                return item
    return {}


def _microdata_dates(tree: LexborHTMLParser) -> list[str]:
    """Schema.org microdata in the body: <abbr itemprop="datePublished" title="2023-06-10T…">."""
    found = []
    for node in tree.css('[itemprop="datePublished"]'):
        attrs = node.attributes
        value = attrs.get("datetime") or attrs.get("content") or attrs.get("title") or ""
        if value.strip():
            found.append(value.strip())
    return found


def read_meta(tree: LexborHTMLParser) -> PageMeta:
    """Collect head metadata, JSON-LD Article fields winning over plain meta tags."""
    found = _meta_map(tree)
    ld = _ld_article(tree)
    title_node = tree.css_first("title")
    published = [str(ld[k]) for k in ("datePublished", "dateCreated") if isinstance(ld.get(k), str)]
    published += [value for key in PUBLISHED_KEYS for value in found.get(key, [])]
    published += _microdata_dates(tree)
    return PageMeta(
        title=clean_text(str(ld.get("headline") or "")) or _first(found, TITLE_KEYS),
        html_title=clean_text(title_node.text()) if title_node is not None else "",
        published=tuple(dict.fromkeys(published)),
        modified=str(ld.get("dateModified") or "") or _first(found, MODIFIED_KEYS),
        author=_ld_name(ld.get("author")) or _first(found, AUTHOR_KEYS) or _next_author(tree),
        section=_ld_name(ld.get("articleSection")) or _first(found, SECTION_KEYS),
        description=_first(found, DESCRIPTION_KEYS),
        site_name=_first(found, ("og:site_name", "application-name")),
        generator=_first(found, ("generator",)),
        body=_ld_body(ld.get("articleBody")),
    )


def _ld_body(value: Any) -> tuple[str, ...]:
    """articleBody split into paragraphs (markup some sites leave in it removed)."""
    if not isinstance(value, str) or not value.strip():
        return ()
    if "<" in value:
        value = LexborHTMLParser(value).text(separator="\n")
    lines = (clean_text(line) for line in value.splitlines())
    return tuple(line for line in lines if line)


def _next_author(tree: LexborHTMLParser) -> str:
    """The author a Next.js page keeps only in its `__NEXT_DATA__` props (breadth first, so
    the page's article comes before authors of related items deeper down)."""
    node = tree.css_first("script#__NEXT_DATA__")
    if node is None:
        return ""
    try:
        queue: deque[Any] = deque([json.loads(node.text(deep=True) or "null")])
    except ValueError:
        return ""
    for _ in range(MAX_NEXT_NODES):
        if not queue:
            break
        item = queue.popleft()
        if isinstance(item, dict):
            if "author" in item and _ld_name(item["author"]):
                return _ld_name(item["author"])
            queue.extend(item.values())
        elif isinstance(item, list):
            queue.extend(item)
    return ""
