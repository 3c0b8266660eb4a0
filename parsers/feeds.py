"""RSS 2.0 / RSS 1.0 / Atom feeds and XML sitemaps → ListingPage. Pure: bytes in, links out.

XML from the open web is parsed with xml.etree behind a guard: a document type declaration
(the carrier of entity expansion attacks) is refused, sizes are capped, gzip is inflated with a
cap. HTML named entities that feeds use without declaring (&nbsp;, &ocirc;) are turned into
character references first, so such feeds still parse.
"""

from __future__ import annotations

import gzip
import hashlib
import html.entities
import io
import re
import unicodedata
import zlib
from urllib.parse import urljoin, urlsplit
from xml.etree import ElementTree

from core.errors import ParseError
from parsers.types import Link, ListingPage

MAX_XML_BYTES = 50_000_000  # the sitemap protocol's own limit, uncompressed
_DOCTYPE = re.compile(rb"<!\s*(DOCTYPE|ENTITY)", re.IGNORECASE)
_NAMED_ENTITY = re.compile(rb"&([A-Za-z][A-Za-z0-9]{1,31});")
_XML_ENTITIES = frozenset({b"amp", b"lt", b"gt", b"quot", b"apos"})
# Item dates, most telling first (local names: dc:date, atom:updated inside RSS items too).
_RSS_DATES = ("updated", "modified", "pubDate", "date")
_ATOM_DATES = ("updated", "published", "modified", "date")
_SHOWN = ("title", "description", "summary", "encoded", "content")  # encoded: content:encoded


def parse_feed(data: bytes, base_url: str, max_bytes: int = MAX_XML_BYTES) -> ListingPage:
    """Item links of an RSS or Atom feed, in feed order; Atom rel=next as the next page."""
    root = _parse(data, max_bytes)
    kind = _local(root.tag)
    if kind == "feed":
        return _atom(root, base_url)
    if kind in ("rss", "RDF", "channel"):
        return _rss(root, base_url)
    raise ParseError(f"not a feed: root element <{kind}>")


def parse_sitemap(data: bytes, base_url: str, max_bytes: int = MAX_XML_BYTES) -> ListingPage:
    """Page URLs of a urlset (newest lastmod first), or the child sitemaps of a sitemapindex
    (as `next_pages` of kind "sitemap", newest first). Gzipped sitemaps are inflated."""
    root = _parse(_inflate(data, max_bytes), max_bytes)
    kind = _local(root.tag)
    if kind not in ("urlset", "sitemapindex"):
        raise ParseError(f"not a sitemap: root element <{kind}>")
    entries: list[tuple[str, str]] = []
    for entry in root:
        loc = _join(base_url, _child_text(entry, "loc"))
        if loc and _http(loc):
            entries.append((" ".join(_child_text(entry, "lastmod").split()), loc))
    # Stable sort: undated entries keep document order after the dated ones.
    entries.sort(key=lambda pair: pair[0], reverse=True)
    lastmods: dict[str, str] = {}
    for lastmod, url in entries:
        lastmods.setdefault(url, lastmod)  # the newest, when a URL is listed twice
    if kind == "sitemapindex":
        return ListingPage(next_pages=tuple(Link(u, "", "sitemap", m) for u, m in lastmods.items()))
    return ListingPage(article_links=tuple(Link(u, "", "article", m) for u, m in lastmods.items()))


def _parse(data: bytes, max_bytes: int) -> ElementTree.Element:
    if len(data) > max_bytes:
        raise ParseError(f"XML document of {len(data)} bytes exceeds {max_bytes}")
    data = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not data:
        raise ParseError("empty XML document")
    if _DOCTYPE.search(data[: _prolog_end(data)]):
        raise ParseError("XML with a DOCTYPE or ENTITY declaration refused")
    try:
        return ElementTree.fromstring(data)
    except ElementTree.ParseError as first:
        repaired = _declare_html_entities(data)
        if repaired == data:
            raise ParseError(f"malformed XML: {first}") from None
        try:
            return ElementTree.fromstring(repaired)
        except ElementTree.ParseError as exc:
            raise ParseError(f"malformed XML: {exc}") from None


def _prolog_end(data: bytes) -> int:
    """Where the root element starts: declarations can only come before it."""
    match = re.search(rb"<[A-Za-z_]", data)
    return match.start() if match else len(data)


def _declare_html_entities(data: bytes) -> bytes:
    """&ocirc; → &#244; for the HTML names that XML does not know."""

    def repl(match: re.Match[bytes]) -> bytes:
        name = match.group(1)
        if name in _XML_ENTITIES:
            return match.group(0)
        code = html.entities.name2codepoint.get(name.decode("ascii"))
        return f"&#{code};".encode() if code else b"&amp;" + name + b";"

    return _NAMED_ENTITY.sub(repl, data)


def _inflate(data: bytes, max_bytes: int) -> bytes:
    """Gunzip a .xml.gz sitemap, stopping at max_bytes (a gzip bomb stops there)."""
    if not data.startswith(b"\x1f\x8b"):
        return data
    out = bytearray()
    try:
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as stream:
            while chunk := stream.read(1 << 16):
                out += chunk
                if len(out) > max_bytes:
                    raise ParseError(f"gzipped sitemap inflates beyond {max_bytes} bytes")
    except (OSError, EOFError, zlib.error) as exc:
        raise ParseError(f"bad gzip data: {exc}") from None
    return bytes(out)


def _rss(root: ElementTree.Element, base_url: str) -> ListingPage:
    links: dict[str, Link] = {}
    for item in (el for el in root.iter() if _local(el.tag) == "item"):
        url = _child_text(item, "link")
        guid = next((c for c in item if _local(c.tag) == "guid"), None)
        if not url and guid is not None and guid.get("isPermaLink", "true") != "false":
            url = (guid.text or "").strip()
        if not url:
            url = _about(item)
        _add(links, base_url, url, _child_text(item, "title"), _item_stamp(item, _RSS_DATES))
    return ListingPage(article_links=tuple(links.values()))


def _atom(root: ElementTree.Element, base_url: str) -> ListingPage:
    links: dict[str, Link] = {}
    for entry in (el for el in root if _local(el.tag) == "entry"):
        href = ""
        for link in (c for c in entry if _local(c.tag) == "link"):
            if link.get("rel", "alternate") == "alternate" and link.get("href"):
                href = link.get("href", "")
                break
        _add(links, base_url, href, _child_text(entry, "title"), _item_stamp(entry, _ATOM_DATES))
    nexts: list[Link] = []
    for child in root:
        if _local(child.tag) == "link" and child.get("rel") == "next":
            url = _join(base_url, child.get("href", ""))
            if url and _http(url):
                nexts.append(Link(url, "", "next"))
    return ListingPage(article_links=tuple(links.values()), next_pages=tuple(nexts))


def _add(links: dict[str, Link], base_url: str, url: str, title: str, stamp: str) -> None:
    absolute = _join(base_url, url)
    if absolute and _http(absolute) and absolute not in links:
        text = unicodedata.normalize("NFC", " ".join(title.split()))
        links[absolute] = Link(absolute, text, "article", stamp)


def _item_stamp(item: ElementTree.Element, dates: tuple[str, ...]) -> str:
    """"<date> <digest>": the item's own date (updated before published) and a digest of its
    title and summary, so an edit the feed shows changes the stamp even with the date kept."""
    date = next((text for name in dates if (text := _child_text(item, name))), "")
    shown = " ".join(" ".join(_child_text(item, name).split()) for name in _SHOWN)
    digest = hashlib.blake2s(shown.encode(), digest_size=6).hexdigest()
    return f"{' '.join(date.split())} {digest}".strip()


def _about(item: ElementTree.Element) -> str:
    for key, value in item.attrib.items():
        if _local(key) == "about":
            return value
    return ""


def _child_text(element: ElementTree.Element, name: str) -> str:
    for child in element:
        if _local(child.tag) == name:
            return "".join(child.itertext()).strip()
    return ""


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _join(base_url: str, url: str) -> str:
    """The absolute form of `url`; empty when it is empty or malformed."""
    if not url.strip():
        return ""
    try:
        return urljoin(base_url, url.strip())
    except ValueError:
        return ""


def _http(url: str) -> bool:
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError on a port out of range
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname)
