"""Article extraction: one HTML page in, one `Article` out (pure; selectolax only).

Steps: decode and parse; pick the CMS profile; read <head> metadata; drop furniture the profile
knows; flatten the page into blocks (`parsers.dom`); find the title; take the content region from
the profile's body selector or the generic scorer (`parsers.content`); clean it into paragraphs,
captions and a credit (`parsers.body`); choose the publication date (`parsers.published`).
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

from core.errors import ParseError
from core.text import fold, words
from parsers.body import Body, build_body, join_url
from parsers.boilerplate import is_boilerplate, strip_lead_prefix
from parsers.bylines import (
    author_field,
    clean_author,
    credit_of,
    is_credit_line,
    is_institution_signature,
    looks_like_name,
)
from parsers.content import Region, best_region, prose_region, region_of
from parsers.dates import is_byline_line, strip_dates
from parsers.dom import Element, Linear, clean_text, linearize, load_tree, node_text
from parsers.meta import PageMeta, read_meta
from parsers.profiles import Profile, detect_profile, get_profile
from parsers.profiles.generic import Generic
from parsers.published import choose, gather
from parsers.titles import find_title
from parsers.types import Article, Link

CREDIT_WINDOW = 6  # blocks after the body searched for a labelled credit
NAME_WINDOW = 4  # blocks under the title searched for a name printed beside the date
# Bylines that name a CMS account, not a writer: the credit in the text is better.
_ACCOUNT_NAMES = frozenset(
    {
        "admin",
        "administrator",
        "quản trị",
        "quản trị viên",
        "quantri",
        "editor",
        "webmaster",
        "bbt",
        "ban biên tập",
        "host",
        "host account",
        "superuser",
        "superuser account",
        "administrator account",
    }
)
MIN_BODY_CHARS = 80  # a profile's body node with less text than this is a wrong guess
SPLIT_BODY_SHARE = 0.6  # the largest body match holds less than this share: the body is split
_LEAD_CLASSES = re.compile(
    r"sapo|lead|summary|tomtat|hometext|intro|excerpt|description|chapeau", re.IGNORECASE
)
GENERIC_LEAD = (
    '[class*="sapo"]',
    '[class*="standfirst"]',
    '[class*="excerpt"]',
    '[class*="summary"]',
    '[class*="chapeau"]',
    '[class*="tomtat"]',
    '[class*="hometext"]',
    '[class*="intro"]',
    '[class*="lead"]',
    '[class*="description"]',
)
MIN_HEADLINE = 15
MIN_LD_BODY = 200  # characters of JSON-LD articleBody worth trusting over a thin page
LD_SHARE = 0.4
_HEADLINE_TAGS = frozenset(["h1", "h2", "h3"])
_HOME = re.compile(r"^(?:trang chủ|home|trang chu)$", re.IGNORECASE)


def parse_article(html: str | bytes, url: str, profile: str = "auto") -> Article:
    """Extract title, date, author, lead, body text, images and links from an article page."""
    tree = load_tree(html)
    chosen = detect_profile(url, tree) if profile == "auto" else get_profile(profile)
    meta = read_meta(tree)
    category = _category(tree, chosen, meta)  # before furniture goes: it may hold the category
    for selector in chosen.drop:
        for node in tree.css(selector):
            node.decompose()
    root = tree.body or tree.root
    if root is None:  # lexbor always builds <html>; this only narrows the type
        raise ParseError("input is not HTML: no document element")
    lin = linearize(root)
    title_at = _headline_block(lin, meta)
    region = _region(tree, lin, chosen, title_at)
    start = _body_start(lin, region)
    title = find_title(tree, meta, chosen.title, lin, start)
    anchor = _anchor_block(lin, title.node, region)
    lead_node = _lead_node(tree, lin, chosen, anchor, start)
    author_node = _first_node(tree, chosen.author)
    if author_node is None and chosen.author != Generic.author:  # the same query otherwise
        author_node = _first_node(tree, Generic.author)
    skip = _blocks_of(lin, author_node) | _blocks_of(lin, lead_node)
    body = build_body(lin, list(region.blocks), url, title.text, skip)
    if not body.paragraphs and lead_node is None:
        region, body = _fallback(lin, region, url, title.text, title_at)
    if _ld_is_fuller(body, meta):
        body.paragraphs = list(meta.body)  # a page that prints its text with JavaScript only
    lead_text = _lead(lin, lead_node, region, body, meta)
    if lead_text and (not body.paragraphs or fold(body.paragraphs[0]) != fold(lead_text)):
        body.paragraphs.insert(0, lead_text)
    evidence = gather(tree, lin, meta, url, chosen.date, anchor, body.paragraphs, start)
    published = choose(evidence, url)
    author, source = _credits(author_node, meta, body, _credit_near(lin, region, anchor, start))
    return Article(
        url=url,
        title=title.text,
        text="\n\n".join(body.paragraphs),
        published_at=published.value,
        date_source=published.source,
        author=author,
        source=source,
        lead=lead_text or None,
        category=category,
        images=tuple(body.images),
        links=tuple(_links(lin, region, url, body)),
        profile=chosen.name,
    )


def _first_node(tree: LexborHTMLParser, selectors: tuple[str, ...]) -> LexborNode | None:
    for selector in selectors:
        for node in tree.css(selector):
            if node_text(node):
                return node
    return None


def _largest_node(tree: LexborHTMLParser, selectors: tuple[str, ...]) -> LexborNode | None:
    """For each selector in turn, its match with the most text, if that is enough for a body."""
    found = _body_nodes(tree, selectors)
    return max(found, key=lambda n: len(n.text(deep=True, strip=True))) if found else None


def _body_nodes(tree: LexborHTMLParser, selectors: tuple[str, ...]) -> list[LexborNode]:
    """The first selector's matches when the largest holds enough text for a body. When it
    alone is not the body (one paragraph per rich-text field, a field per table row), every
    match with text is: a body split over several nodes of the same kind."""
    for selector in selectors:
        nodes = [(n, len(n.text(deep=True, strip=True))) for n in tree.css(selector)]
        nodes = [(n, size) for n, size in nodes if size]
        if not nodes:
            continue
        best, best_len = max(nodes, key=lambda pair: pair[1])
        if best_len < MIN_BODY_CHARS:
            continue
        if best_len >= SPLIT_BODY_SHARE * sum(size for _, size in nodes):
            return [best]
        return [n for n, _ in nodes]
    return []


def _outermost(found: list[Element | None]) -> list[Element]:
    """Elements in page order, without those nested in another of them."""
    out: list[Element] = []
    for element in sorted((e for e in found if e is not None), key=lambda e: (e.start, -e.end)):
        if out and (element.index == out[-1].index or element.end <= out[-1].end):
            continue
        out.append(element)
    return out


def _headline_block(lin: Linear, meta: PageMeta) -> int | None:
    """The first heading block whose text the page's <title> or og:title repeats."""
    names = [fold(t) for t in (meta.title, meta.html_title) if t]
    if not names:
        return None
    exact = None  # failing a heading tag, a block that is the title and nothing else
    longest = max(len(n) for n in names) + 5
    for index, block in enumerate(lin.blocks):
        if block.kind != "text" or not MIN_HEADLINE <= len(block.text) <= longest:
            continue
        folded = fold(block.text)
        if lin.elements[block.owner].tag in _HEADLINE_TAGS and any(folded in n for n in names):
            return index
        if exact is None and folded in names:
            exact = index
    return exact


def _region(
    tree: LexborHTMLParser, lin: Linear, profile: type[Profile], title_at: int | None
) -> Region:
    elements = _outermost([lin.element_of(n) for n in _body_nodes(tree, profile.body)])
    region = region_of(lin, elements) if elements else None
    if region is None:
        scope = _largest_node(tree, profile.scope)
        within = lin.element_of(scope) if scope is not None else None
        region = best_region(lin, within, title_at) or best_region(lin, None, title_at)
    if region is None:
        region = Region((0,), tuple(range(len(lin.blocks))))
    return region


def _fallback(
    lin: Linear, region: Region, url: str, title: str, title_at: int | None
) -> tuple[Region, Body]:
    """When the chosen region yields no text: the scorer over the whole page, then every
    prose-like block outside furniture, so a page with an article never gives an empty text."""
    for step in range(3):
        candidate = (
            best_region(lin, None, title_at, soft=step == 0)
            if step < 2
            else prose_region(lin, title_at)
        )
        if candidate is None or candidate.blocks == region.blocks:
            continue
        body = build_body(lin, list(candidate.blocks), url, title)
        if body.paragraphs:
            return candidate, body
    return region, build_body(lin, list(region.blocks), url, title)


def _ld_is_fuller(body: Body, meta: PageMeta) -> bool:
    """The JSON-LD articleBody holds far more text than the page shows."""
    ld_size = sum(len(p) for p in meta.body)
    shown = sum(len(p) for p in body.paragraphs)
    return ld_size >= MIN_LD_BODY and shown < LD_SHARE * ld_size


def _body_start(lin: Linear, region: Region) -> int | None:
    """The first real paragraph of the region (where a byline can no longer be)."""
    for index in region.blocks:
        block = lin.blocks[index]
        if (
            block.kind == "text"
            and len(block.text) >= 80
            and block.link_chars < 0.5 * len(block.text)
        ):
            return index
    return region.blocks[0] if region.blocks else None


def _lead_node(
    tree: LexborHTMLParser,
    lin: Linear,
    profile: type[Profile],
    anchor: int | None,
    start: int | None,
) -> LexborNode | None:
    """The profile's lead field; else a sapo/standfirst placed between the title and the body."""
    node = _first_node(tree, profile.lead)
    if node is not None or start is None:
        return node
    lo = anchor if anchor is not None and anchor < start else max(0, start - 6)
    for selector in GENERIC_LEAD:
        for candidate in tree.css(selector):
            span = lin.range_of(candidate)
            if span is None or not lo <= span[0] < start or span[1] > start:
                continue
            if len(node_text(candidate)) >= 40:
                return candidate
    return None


def _blocks_of(lin: Linear, node: LexborNode | None) -> set[int]:
    span = lin.range_of(node) if node is not None else None
    return set(range(*span)) if span else set()


def _anchor_block(lin: Linear, node: LexborNode | None, region: Region) -> int | None:
    span = lin.range_of(node) if node is not None else None
    if span is not None:
        return span[0]
    return region.blocks[0] if region.blocks else None


def _lead(lin: Linear, node: LexborNode | None, region: Region, body: Body, meta: PageMeta) -> str:
    """The sapo: the profile's lead field, a bold or lead-classed first paragraph, or the
    first paragraph when the meta description repeats it."""
    if node is not None:
        return strip_lead_prefix(node_text(node))
    if not body.paragraphs:
        return ""
    first = body.paragraphs[0]
    for index in region.blocks:
        block = lin.blocks[index]
        if block.kind != "text" or strip_lead_prefix(block.text) != first:
            continue
        owner = lin.elements[block.owner]
        parent = lin.elements[owner.parent] if owner.parent >= 0 else owner
        # A lead class counts on the paragraph itself, or on a wrapper holding only it.
        classes = owner.classes + (" " + parent.classes if parent.end - parent.start == 1 else "")
        if block.strong_chars >= 0.8 * len(block.text) or _LEAD_CLASSES.search(classes):
            return first
        break
    description = words(meta.description)
    if len(description) >= 8 and words(first)[: len(description)] == description:
        return first
    return ""


def _credits(
    node: LexborNode | None, meta: PageMeta, body: Body, near: tuple[str | None, str | None]
) -> tuple[str | None, str | None]:
    """(author, source). The author: profile field, credit line in or right after the body,
    then a personal meta author. The source: a source line in the body, below it, or in the
    profile's author field ("Theo Báo X" where a writer's name was expected)."""
    author, source = None, body.source or near[1]
    if node is not None:
        text = node_text(node)
        found, cited = credit_of(text)
        found = found or (None if cited else author_field(text) or clean_author(text))
        if found and found.lower() not in _ACCOUNT_NAMES:
            author = found
        source = source or cited
    author = author or body.author or near[0]
    if author is not None and is_institution_signature(author):
        author = None  # "UBND XÃ …", "MINISTRY OF HEALTH" sign a notice; nobody wrote it
    if author is None:
        candidate = clean_author(meta.author)
        if candidate and looks_like_name(candidate) and candidate not in meta.site_name:
            author = candidate
    return author, source


def _credit_near(
    lin: Linear, region: Region, anchor: int | None, first_text: int | None
) -> tuple[str | None, str | None]:
    """(person, source) from labelled credits between the title and the body ("Bài, ảnh: Thu
    Hằng") or just below the body ("Tác giả bài viết: Quang Huy", "Nguồn tin: Báo X")."""
    if not region.blocks:
        return None, None
    start, end = region.blocks[0], region.blocks[-1] + 1
    above = lin.blocks[anchor + 1 : start] if anchor is not None and anchor < start else []
    person, source = None, None
    for block in [*above, *lin.blocks[end : end + CREDIT_WINDOW]]:
        if block.kind != "text" or not is_credit_line(block.text):
            continue
        found, cited = credit_of(block.text)
        person, source = person or found, source or cited
    under_title = (
        lin.blocks[anchor + 1 : min(first_text, anchor + 1 + NAME_WINDOW)]
        if anchor is not None and first_text is not None and anchor < first_text
        else []
    )
    for block in under_title:  # "Bảo Ngọc 14/05/2024, 06:30": a name beside the date
        if person is not None or block.kind != "text":
            continue
        # Spans written back to back ("<span>Bảo Ngọc</span><span>14/05/2024</span>") are
        # read apart here, where a name and a date would otherwise run together.
        text = clean_text(lin.elements[block.owner].node.text(deep=True, separator=" "))
        if len(text) <= len(block.text) + 20 and is_byline_line(text):
            rest = strip_dates(text).strip(" -|•·,")
            person = rest if looks_like_name(rest) and not is_boilerplate(rest) else None
    for block in lin.blocks[end : end + 1]:  # a bold or right-set name closing the text
        styled = block.centered or block.strong_chars >= 0.8 * len(block.text or "x")
        if person is None and block.kind == "text" and styled and looks_like_name(block.text):
            person = block.text
    return person, source


def _category(tree: LexborHTMLParser, profile: type[Profile], meta: PageMeta) -> str | None:
    selectors = (*profile.category, "[class*='breadcrumb'] a", "[class*='Breadcrumb'] a")
    for selector in selectors:
        names = [node_text(n) for n in tree.css(selector)]
        names = [n for n in names if n and not _HOME.match(n) and len(n) <= 80]
        if names:
            return names[-1]
    return meta.section or None


def _links(lin: Linear, region: Region, url: str, body: Body) -> list[Link]:
    """Related articles listed under the text (kind "article"), then links in the text ("other")."""
    selected = set(region.blocks)
    found: dict[str, Link] = {link.url: link for link in body.links}
    for index in region.elements:
        for anchor in lin.elements[index].node.css("a[href]"):
            href = (anchor.attributes.get("href") or "").strip()
            if not href or href.startswith(("#", "javascript:", "mailto:", "tel:")):
                continue
            span = lin.range_of(anchor)
            if span is None or not any(i in selected for i in range(*span)):
                continue
            absolute = join_url(url, href)
            text = node_text(anchor)
            if not is_boilerplate(text):
                found.setdefault(absolute, Link(absolute, text, "other"))
    return list(found.values())
