"""The article's title: the heading that agrees with og:title/<title>, else the best h1."""

from __future__ import annotations

import re
from dataclasses import dataclass

from selectolax.lexbor import LexborHTMLParser, LexborNode

from core.text import fold, words
from parsers.boilerplate import is_boilerplate
from parsers.dates import is_date_line
from parsers.dom import Linear, node_text
from parsers.meta import PageMeta

_CANDIDATES = (
    "h1, h2, h3, [class*='title'], [class*='Title'], [class*='tieude'], [class*='TieuDe'], "
    "[class*='headline'], [itemprop='headline'], [class*='contentheading'], "
    "[class*='heading-title'], [class*='post-heading']"
)
# A label some platforms print before the title ("Chủ đề: …" on forums).
_TITLE_LABEL = re.compile(r"^(?:chủ đề|tiêu đề|thread|topic|subject)\s*:\s*(?=\S)", re.IGNORECASE)
_SITE_SEPARATORS = re.compile(r"\s+(?:[-|–—:»]|::)\s+")
_PORTAL_WORDS = re.compile(
    r"cong thong tin|trang thong tin|cong ttdt|portal|website|trang chu|bao dien tu|"
    r"huyen uy|tinh uy|thanh uy|dang uy|ubnd|dang bo|ban tuyen giao|ban dan van"
)
_LOGO_CLASSES = re.compile(r"logo|brand|site-?name|site-?title|banner|menu|widget|footer|navbar")
NEAR_BODY = 10  # blocks above the body searched for a title
_BANNER_WORDS = frozenset({"header", "top", "masthead", "topbar"})


@dataclass(frozen=True)
class Title:
    """The title text and the node it came from (None when taken from <head>)."""

    text: str
    node: LexborNode | None = None


def _similar(a: str, b: str) -> float:
    """Share of the shorter title's words found in the longer one (folded)."""
    wa, wb = words(a), words(b)
    if not wa or not wb:
        return 0.0
    short, long_ = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    pool = set(long_)
    return (
        sum(1 for w in short if w in pool)
        / len(short)
        * min(1.0, len(short) / max(3, len(long_) * 0.6))
    )


def clean_html_title(title: str, site_name: str = "") -> str:
    """Drop the portal's name from a <title> ("Tin bài - Cổng TTĐT huyện X" → "Tin bài")."""
    if site_name and title.endswith(site_name) and len(title) > len(site_name) + 5:
        title = title[: -len(site_name)].rstrip(" -|–—:")
    parts = _SITE_SEPARATORS.split(title)
    while len(parts) > 1 and (
        _PORTAL_WORDS.search(fold(parts[-1])) or len(parts[-1]) < 0.3 * len(title)
    ):
        parts.pop()
    while len(parts) > 1 and _PORTAL_WORDS.search(fold(parts[0])) and len(parts[0]) < 60:
        parts.pop(0)
    sep_joined = " - ".join(parts)
    return sep_joined.strip() if parts else title


def _in_furniture(node: LexborNode) -> bool:
    """A heading inside the site banner, menu or a sidebar widget (a logo's h1)."""
    parent: LexborNode | None = node
    for _ in range(8):
        if parent is None:
            return False
        if parent.tag in ("nav", "footer", "aside"):
            return True
        attrs = parent.attributes
        classes = f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower().split()
        if any(_LOGO_CLASSES.search(word) or word in _BANNER_WORDS for word in classes):
            return True
        parent = parent.parent
    return False


def _by_selectors(tree: LexborHTMLParser, selectors: tuple[str, ...]) -> Title | None:
    for selector in selectors:
        for node in tree.css(selector):
            text = node_text(node)
            if 5 <= len(text) <= 400:
                return Title(text, node)
    return None


def _heading_near(lin: Linear, start: int) -> Title | None:
    """The heading (else the bold line) just above the body, or opening it."""
    order = [
        *range(start, min(start + 2, len(lin.blocks))),
        *range(start - 1, max(-1, start - 9), -1),
    ]
    for wants_heading in (True, False):
        for index in order:
            block = lin.blocks[index]
            text = block.text
            if block.kind != "text" or not 15 <= len(text) <= 250 or len(text.split()) < 3:
                continue
            if block.link_chars > 0.5 * len(text) or is_date_line(text) or is_boilerplate(text):
                continue
            owner = lin.elements[block.owner]
            heading = owner.tag in ("h1", "h2", "h3", "h4") or "title" in owner.classes.lower()
            bold = block.strong_chars >= 0.8 * len(text) and not text.endswith(".")
            if heading if wants_heading else bold:
                return Title(text, owner.node)
    return None


def find_title(
    tree: LexborHTMLParser,
    meta: PageMeta,
    selectors: tuple[str, ...],
    lin: Linear | None = None,
    body_start: int | None = None,
) -> Title:
    """Profile selectors, a heading agreeing with the head's title, h1, the heading above the
    body, then the head's title; a label before it ("Chủ đề:") is dropped, and a head title
    the page prints in full just above the body is taken in full."""
    found = _find(tree, meta, selectors, lin, body_start)
    text = _TITLE_LABEL.sub("", found.text)
    if lin is not None and body_start is not None and found.node is None:
        text = _printed_in_full(lin, body_start, text)
    return Title(text, found.node) if text != found.text else found


def _printed_in_full(lin: Linear, body_start: int, title: str) -> str:
    """The line above the body that starts with `title` and goes on (a <title> cut short)."""
    folded = fold(title)
    if len(folded) < 15:
        return title
    for block in lin.blocks[max(0, body_start - NEAR_BODY) : body_start]:
        text = block.text
        if (
            block.kind == "text"
            and len(title) < len(text) <= 1.6 * len(title)
            and fold(text).startswith(folded)
        ):
            return text
    return title


def _find(
    tree: LexborHTMLParser,
    meta: PageMeta,
    selectors: tuple[str, ...],
    lin: Linear | None,
    body_start: int | None,
) -> Title:
    found = _by_selectors(tree, selectors)
    if found is not None:
        return found
    reference = meta.title or clean_html_title(meta.html_title, meta.site_name)
    best: Title | None = None
    best_score = 0.0
    first_h1: Title | None = None
    for node in tree.css(_CANDIDATES):
        text = node_text(node)
        if not 8 <= len(text) <= 400 or node.tag in ("title", "meta", "body", "html"):
            continue
        if first_h1 is None and node.tag == "h1" and not _in_furniture(node):
            first_h1 = Title(text, node)
        score = _similar(text, reference) if reference else 0.0
        score += 0.1 if node.tag == "h1" else 0.0
        if score > best_score and score >= 0.75:
            best, best_score = Title(text, node), score
    if best is not None:
        return best
    if first_h1 is not None and len(first_h1.text.split()) >= 3:
        return first_h1
    if lin is not None and body_start is not None:
        near = _named_above(tree, lin, body_start) or _heading_near(lin, body_start)
        if near is not None:
            return near
    return Title(reference)


def _named_above(tree: LexborHTMLParser, lin: Linear, body_start: int) -> Title | None:
    """The title-classed element or heading closest above the body ("span.TieuDeTin")."""
    best: Title | None = None
    best_pos = -1
    for node in tree.css(_CANDIDATES):
        span = lin.range_of(node)
        if (
            span is None
            or not body_start - NEAR_BODY <= span[0] <= body_start
            or span[0] <= best_pos
        ):
            continue
        text = node_text(node)
        shaped = 10 <= len(text) <= 300 and len(text.split()) >= 3
        if shaped and not _in_furniture(node) and not (is_date_line(text) or is_boilerplate(text)):
            best, best_pos = Title(text, node), span[0]
    return best
