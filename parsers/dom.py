"""HTML → a flat list of text blocks, each tied to the element that holds it.

Every block-level element records the range of blocks beneath it, so any subtree's text, link
density or score is a slice of one list: the extractors never walk the tree twice.
Inline markup (font-size spans, <font>, <b>) is flattened into its block's text.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

from selectolax.lexbor import LexborHTMLParser, LexborNode

from core.errors import ParseError
from core.text import normalize_text

BLOCK_TAGS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "center",
        "dd",
        "details",
        "dialog",
        "dir",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "hr",
        "html",
        "li",
        "main",
        "menu",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "tbody",
        "td",
        "tfoot",
        "th",
        "thead",
        "tr",
        "ul",
        "caption",
        "legend",
    ]
)
SKIP_TAGS = frozenset(
    [
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "math",
        "iframe",
        "object",
        "embed",
        "button",
        "input",
        "select",
        "textarea",
        "option",
        "head",
        "meta",
        "link",
        "map",
        "canvas",
        "video",
        "audio",
        "source",
        "track",
    ]
)
HEADINGS = frozenset(["h1", "h2", "h3", "h4", "h5", "h6"])
_WS = re.compile(r"\s+")
_HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
_ITALIC_STYLE = re.compile(r"font-style\s*:\s*italic", re.IGNORECASE)
_CENTER_STYLE = re.compile(r"text-align\s*:\s*(?:center|right)", re.IGNORECASE)
_BINARY_MAGIC = (b"%PDF", b"\x89PNG", b"GIF8", b"\xff\xd8\xff", b"PK\x03\x04", b"\x1f\x8b")
_DECORATION = re.compile(
    r"(?:icon|spacer|blank|pixel|bullet|logo|loading)[^/]*\.(?:gif|png|svg)", re.I
)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w\-]+)""", re.IGNORECASE)
_MARKUP = re.compile(r"<\s*(?:[a-zA-Z][\w:-]*|!doctype|!--)", re.IGNORECASE)


_Flags = tuple[bool, bool, bool, str]  # in a link, italic, bold, the link's href
# Depth-first work list: (node, flags) to enter a node, (None, index) to close a block element.
_Stack = list[tuple[LexborNode | None, _Flags | int]]


@dataclass
class Block:
    """A run of text between block boundaries, or an image (`kind == "img"`)."""

    text: str
    owner: int  # index of the innermost block element holding it
    link_chars: int = 0
    emphasis_chars: int = 0  # italic text: captions are often set in italics
    strong_chars: int = 0
    kind: str = "text"
    src: str = ""
    alt: str = ""
    href: str = ""  # the single link a short block is made of ("Xem thêm")
    centered: bool = False


@dataclass
class Element:
    """A block-level element and the half-open range of blocks beneath it."""

    node: LexborNode
    tag: str
    parent: int
    depth: int
    start: int = 0
    end: int = 0
    classes: str = ""
    index: int = 0
    children: list[int] = field(default_factory=list)
    centered: bool = False  # text-align center/right, by style or the old align attribute


@dataclass
class Linear:
    """The page as blocks plus the element tree over them."""

    blocks: list[Block]
    elements: list[Element]
    by_node: dict[int, int]  # mem_id of a block element → its index in `elements`

    def element_of(self, node: LexborNode | None) -> Element | None:
        """The nearest block element at or above `node`."""
        while node is not None:
            index = self.by_node.get(node.mem_id)
            if index is not None:
                return self.elements[index]
            node = node.parent
        return None

    def range_of(self, node: LexborNode | None) -> tuple[int, int] | None:
        element = self.element_of(node)
        return None if element is None else (element.start, element.end)


def decode_html(data: str | bytes) -> str:
    """Bytes → text: BOM, then UTF-8 if it decodes, then the declared charset, then cp1258."""
    if isinstance(data, str):
        text = data
    else:
        if any(data.startswith(magic) for magic in _BINARY_MAGIC):
            raise ParseError("input is not HTML: binary file signature")
        text = _decode_bytes(data)
    if not text.strip() or "\x00" in text[:2048] or _MARKUP.search(text[:200000]) is None:
        raise ParseError("input is not HTML: no markup found")
    return text


def _decode_bytes(data: bytes) -> str:
    for bom, codec in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(codec, errors="replace").lstrip("\ufeff")
    declared = _META_CHARSET.search(data[:4096])
    codec = declared.group(1).decode("ascii").lower() if declared is not None else ""
    for candidate in ("utf-8", codec):
        if candidate:
            try:
                return data.decode(candidate)
            except (UnicodeDecodeError, LookupError):
                continue
    try:
        if codec and codec.replace("-", "") != "utf8":
            return data.decode(codec, errors="replace")
    except LookupError:
        pass  # an unknown charset name: fall through to the Vietnamese Windows code page
    return data.decode("cp1258", errors="replace")


def load_tree(data: str | bytes) -> LexborHTMLParser:
    """Parse a page; raises ParseError only when the input is not HTML at all."""
    return LexborHTMLParser(decode_html(data))


def clean_text(raw: str) -> str:
    """Source whitespace collapsed, then the shared Vietnamese normalisation."""
    return normalize_text(_WS.sub(" ", raw))


def node_text(node: LexborNode | None) -> str:
    """Normalised text of a subtree, inline pieces joined as written."""
    if node is None:
        return ""
    return clean_text(node.text(deep=True, separator="", strip=False))


class _Walker:
    """Builds a `Linear` from a subtree in one depth-first pass (no recursion limit)."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.elements: list[Element] = []
        self.by_node: dict[int, int] = {}
        self.buf: list[str] = []
        self.links = self.emph = self.strong = 0
        self.href = ""
        self.owner = 0

    def flush(self) -> None:
        if not self.buf:
            return  # the counts and the link only grow with text: nothing to reset
        raw = "".join(self.buf)
        self.buf = []
        if raw.strip():
            text = clean_text(raw)
            if text:
                centered = self.elements[self.owner].centered
                self.blocks.append(
                    Block(
                        text,
                        self.owner,
                        min(self.links, len(text)),
                        min(self.emph, len(text)),
                        min(self.strong, len(text)),
                        href=self.href,
                        centered=centered,
                    )
                )
        self.links = self.emph = self.strong = 0
        self.href = ""

    def open_block(
        self, node: LexborNode, tag: str, attrs: dict[str, str | None] | None = None
    ) -> int:
        self.flush()
        parent = self.owner if self.elements else -1
        depth = self.elements[parent].depth + 1 if parent >= 0 else 0
        attrs = node.attributes if attrs is None else attrs
        classes = f"{attrs.get('class') or ''} {attrs.get('id') or ''}".strip()
        centered = bool(_CENTER_STYLE.search(attrs.get("style") or "")) or (
            (attrs.get("align") or "").lower() in ("center", "right")
        )
        index = len(self.elements)
        self.elements.append(
            Element(node, tag, parent, depth, len(self.blocks), 0, classes, index, centered=centered)
        )
        if parent >= 0:
            self.elements[parent].children.append(index)
        self.by_node[node.mem_id] = index
        self.owner = index
        return index

    def close_block(self, index: int) -> None:
        self.flush()
        element = self.elements[index]
        element.end = len(self.blocks)
        self.owner = element.parent if element.parent >= 0 else index

    def row(self, node: LexborNode, attrs: dict[str, str | None]) -> None:
        """A data-table row as one readable line, "cell | cell | cell" (empty cells kept)."""
        index = self.open_block(node, "tr", attrs)
        cells = [c for c in node.iter() if c.tag in ("td", "th")]
        texts = [clean_text(c.text(deep=True, separator=" ", strip=False)) for c in cells]
        if any(texts):
            self.buf.append(" | ".join(texts))
            inside_links = sum(len(a.text(deep=True, strip=True)) for a in node.css("a"))
            self.links += inside_links
            self.strong += sum(len(b.text(deep=True, strip=True)) for b in node.css("b, strong"))
        self.close_block(index)

    def image(self, attrs: dict[str, str | None]) -> None:
        src = attrs.get("src") or attrs.get("data-src") or attrs.get("data-original") or ""
        if not src or src.startswith("data:") or _DECORATION.search(src) or _tiny(attrs):
            return
        self.flush()
        alt = clean_text(attrs.get("alt") or attrs.get("title") or "")
        self.blocks.append(Block("", self.owner, kind="img", src=src.strip(), alt=alt))


# A row of a data table holds short cells of inline text; a layout table's cells hold blocks.
MAX_CELL = 300
_CELL_BLOCKS = "table, div, ul, ol, h1, h2, h3, h4, h5, h6, img, iframe, blockquote"


def _data_row(node: LexborNode) -> bool:
    cells = [c for c in node.iter() if c.tag in ("td", "th")]
    if len(cells) < 2 or node.css_first(_CELL_BLOCKS) is not None:
        return False
    return all(len(c.text(deep=True, strip=True)) <= MAX_CELL for c in cells)


def _tiny(attrs: dict[str, str | None]) -> bool:
    """An icon-sized image (print button, bullet) rather than a photo."""
    for key in ("width", "height"):
        value = (attrs.get(key) or "").strip().removesuffix("px")
        if value.isdigit() and int(value) <= 32:
            return True
    return False


def _hidden(node: LexborNode, attrs: dict[str, str | None]) -> bool:
    if "hidden" in attrs or (attrs.get("aria-hidden") == "true" and not node.css_first("img")):
        return True
    return bool(_HIDDEN.search(attrs.get("style") or ""))


def linearize(root: LexborNode) -> Linear:
    """Flatten `root` into blocks; see the module docstring."""
    walker = _Walker()
    walker.open_block(root, root.tag or "body")
    # Stack items: (node, flags) to enter, or (None, element index) to close a block element.
    stack: _Stack = []
    _push_children(stack, root, (False, False, False, ""))
    while stack:
        node, state = stack.pop()
        if node is None:
            if isinstance(state, int):
                walker.close_block(state)
            continue
        assert isinstance(state, tuple)
        _visit(walker, stack, node, state)
    walker.close_block(0)
    return Linear(walker.blocks, walker.elements, walker.by_node)


def _visit(walker: _Walker, stack: _Stack, node: LexborNode, state: _Flags) -> None:
    tag = node.tag or ""
    in_link, italic, bold, href = state
    if tag == "-text":
        text = node.text_content or ""
        walker.buf.append(text)
        size = len(text.strip())
        walker.links += size if in_link else 0
        walker.emph += size if italic else 0
        walker.strong += size if bold else 0
        walker.href = walker.href or href
        return
    if tag.startswith("-") or tag in SKIP_TAGS:
        return
    attrs = node.attributes  # built afresh by each call: read once per element
    if _hidden(node, attrs):
        return
    if tag == "img":
        walker.image(attrs)
        return
    if tag == "br":
        walker.flush()
        return
    if tag == "a":
        in_link, href = True, (attrs.get("href") or "").strip()
    elif tag in ("em", "i", "cite") or _ITALIC_STYLE.search(attrs.get("style") or ""):
        italic = True
    elif tag in ("strong", "b"):
        bold = True
    flags = (in_link, italic, bold, href)
    if tag == "tr" and _data_row(node):
        walker.row(node, attrs)
        return
    if tag in BLOCK_TAGS:
        index = walker.open_block(node, tag, attrs)
        stack.append((None, index))
    _push_children(stack, node, flags)


def _push_children(stack: _Stack, node: LexborNode, flags: _Flags) -> None:
    children = list(node.iter(include_text=True))
    stack.extend([(child, flags) for child in reversed(children)])
