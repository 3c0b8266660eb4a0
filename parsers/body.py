"""Content blocks → clean paragraphs, images with captions, the author's credit and the source
line, related links."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from urllib.parse import urljoin

from core.text import fold
from parsers.boilerplate import (
    is_boilerplate,
    is_comment_marker,
    is_end_marker,
    strip_lead_prefix,
)
from parsers.bylines import credit_of, is_credit_line
from parsers.dates import is_byline_line, is_date_line
from parsers.dom import Block, Linear
from parsers.types import Image, Link

_CAPTION_TEXT = re.compile(
    r"^\(?\s*(?:ảnh|hình|hình ảnh|photo|nguồn ảnh|clip)(?:\s+minh\s*họa)?\s*[:.]|"
    r"\(\s*ảnh\s*:[^)]{1,60}\)\s*\.?$|[.\s]ảnh\s*:\s*[^.]{1,40}\.?$|^ảnh minh họa\.?$",
    re.IGNORECASE,
)
_CAPTION_CLASS = re.compile(
    r"caption|chuthich|chu-thich|image_desc|img-desc|photo-desc|"
    r"figcaption|image-note|imgnote|desc",
    re.IGNORECASE,
)
_FILE_LINE = re.compile(r"^\S+\.(?:png|jpe?g|gif|webp|bmp|pdf|docx?)$", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?…:;\"”»)]$|\./\.$")
MAX_CAPTION = 260
CREDIT_LOOKBACK = 3
_EDITING_ROLE = re.compile(
    r"^\(?\s*(?:biên tập|thiết kế|trình bày|đồ họa|đồ hoạ|kỹ thuật|editor|design)\s*:", re.IGNORECASE
)
RESUME_WINDOW = 10  # blocks after a "related news" heading searched for the text going on  # trailing lines examined for the author's credit


@dataclass
class Body:
    """What the content region yields once furniture is gone."""

    paragraphs: list[str] = field(default_factory=list)
    images: list[Image] = field(default_factory=list)
    author: str | None = None
    source: str | None = None  # "Theo Báo X", "Nguồn: …": the outlet, kept apart from the author
    links: list[Link] = field(default_factory=list)


@dataclass
class _Item:
    text: str
    block: Block


def join_url(base: str, href: str) -> str:
    """`href` made absolute against `base`; as written when either is malformed ("http://[::1")."""
    try:
        return urljoin(base, href)
    except ValueError:
        return href


def _merge_soft_breaks(lin: Linear, indices: list[int]) -> list[Block]:
    """Join a line broken by <br> mid-sentence with the next one ("…tuyên truyền,⏎vận động…")."""
    merged: list[Block] = []
    for index in indices:
        block = lin.blocks[index]
        prev = merged[-1] if merged else None
        if (
            prev is not None
            and prev.kind == "text"
            and block.kind == "text"
            and prev.owner == block.owner
            and not _SENTENCE_END.search(prev.text)
            and block.text[:1].islower()
        ):
            merged[-1] = Block(
                f"{prev.text} {block.text}",
                prev.owner,
                prev.link_chars + block.link_chars,
                prev.emphasis_chars + block.emphasis_chars,
                prev.strong_chars + block.strong_chars,
                centered=prev.centered,
            )
            continue
        merged.append(block)
    return merged


def _is_furniture(text: str, title_fold: str, before_text: bool) -> bool:
    """Toolbar, counter, file name, date line, the title again, or (above the first real
    paragraph) a byline line."""
    if is_boilerplate(text) or _FILE_LINE.match(text) or is_date_line(text):
        return True
    if before_text and is_byline_line(text):
        return True
    return bool(title_fold) and abs(len(text) - len(title_fold)) <= 4 and fold(text) == title_fold


def _caption_like(block: Block, lin: Linear, image: Block | None) -> bool:
    text = block.text
    if _CAPTION_TEXT.search(text):
        return True
    if image is None or len(text) > MAX_CAPTION:
        return False
    owner = lin.elements[block.owner]
    if owner.tag in ("figcaption", "caption") or _CAPTION_CLASS.search(owner.classes):
        return True
    if block.strong_chars >= 0.8 * len(text) and block.emphasis_chars < 0.5 * len(text):
        return False  # a bold line under a picture is a subheading, not its caption
    styled = block.emphasis_chars >= 0.6 * len(text) or block.centered
    same_box = lin.elements[image.owner].parent == owner.parent or owner.tag == "td"
    no_period = not text.rstrip().endswith((".", "./.", "!", "?"))
    return styled or (same_box and len(text) <= 200) or (no_period and len(text) <= 200)


def build_body(
    lin: Linear, indices: list[int], url: str, title: str, skip: set[int] | None = None
) -> Body:
    """Turn the region's blocks into paragraphs; see the module docstring."""
    body = Body()
    title_fold = fold(title)
    items: list[_Item] = []
    last_image: Block | None = None
    after_image = False
    ended = False
    blocks = _merge_soft_breaks(lin, [i for i in indices if i not in (skip or set())])
    for position, block in enumerate(blocks):
        if block.kind == "img":
            body.images.append(Image(join_url(url, block.src), ""))
            last_image, after_image = block, True
            continue
        text = block.text
        if ended:
            if block.href and block.link_chars >= 0.8 * len(text):
                body.links.append(Link(join_url(url, block.href), text, "article"))
            continue
        if is_end_marker(text) and any(len(i.text) >= 60 for i in items):
            # A related-news box inside the article ends nothing: prose still follows it.
            ended = is_comment_marker(text) or not _text_resumes(blocks, position + 1)
            continue
        if _is_furniture(text, title_fold, not any(len(i.text) >= 80 for i in items)):
            continue
        if block.link_chars >= 0.6 * len(text) and len(text) < 120:
            continue  # a lone link line: "Xem thêm: …", a related headline
        if is_credit_line(text):
            items.append(_Item(text, block))  # the credit is taken from the tail below
            after_image = False
            continue
        if (after_image or _CAPTION_TEXT.search(text)) and _caption_like(
            block, lin, last_image if after_image else None
        ):
            _attach_caption(body, text)
            after_image = False
            continue
        after_image = False
        items.append(_Item(text, block))
    _take_credit(body, items)
    body.paragraphs = _dedupe([i.text for i in items])
    if body.paragraphs:
        body.paragraphs[0] = strip_lead_prefix(body.paragraphs[0])
    return body


def _text_resumes(blocks: list[Block], position: int) -> bool:
    """Two prose paragraphs in a row within a few blocks: the article goes on (a list of
    other articles alternates linked headlines and summaries, never two paragraphs)."""
    run = 0
    for block in blocks[position : position + RESUME_WINDOW]:
        prose = (
            block.kind == "text"
            and len(block.text) >= 80
            and block.link_chars < 0.2 * len(block.text)
        )
        run = run + 1 if prose else 0 if block.kind == "text" else run
        if run >= 2:
            return True
    return False


def _attach_caption(body: Body, text: str) -> None:
    if not body.images:
        return  # "Ảnh: …" with no image on the page: a caption, but nothing to attach it to
    last = body.images[-1]
    caption = f"{last.caption} {text}".strip() if last.caption else text
    body.images[-1] = Image(last.src, caption)


def _take_credit(body: Body, items: list[_Item]) -> None:
    """The author is the trailing short credit line (or a labelled credit at the top); a source
    line ("Theo Báo X", "Nguồn: …") among them is recorded as the source. Both leave the text."""
    editor: str | None = None
    for position in range(len(items) - 1, max(-1, len(items) - 1 - CREDIT_LOOKBACK), -1):
        if position == 0:
            break
        author, source = credit_of(items[position].text)
        if author is None and source is None:
            author = _styled_credit(items[position])
        if author is None and source is None:
            if len(items[position].text) < 25 and position == len(items) - 1:
                continue  # a short trailing line that is no credit ("TH", "./."): look above it
            break
        if author is not None and _EDITING_ROLE.match(items[position].text):
            editor = editor or author  # "Biên tập: X" names the writer only when nobody else is
            author = None
        body.author = body.author or author
        body.source = body.source or source
        del items[position]
    body.author = body.author or editor
    for position in range(min(2, len(items))):
        text = items[position].text
        if ":" in text[:30] and len(items) > 1:
            author, source = credit_of(text)
            if author is not None or source is not None:
                body.author = body.author or author
                body.source = body.source or source
                del items[position]
                break


def _styled_credit(item: _Item) -> str | None:
    """A short bold, italic or right-aligned last line ("Văn hóa xã") set apart as a credit."""
    text = item.text
    block = item.block
    styled = block.centered or max(block.strong_chars, block.emphasis_chars) >= 0.8 * len(text)
    if not styled or len(text) > 40 or len(text.split()) > 6 or not text[:1].isupper():
        return None
    return None if text.endswith((".", "!", "?", ":")) or is_end_marker(text) else text


def _dedupe(paragraphs: list[str]) -> list[str]:
    out: list[str] = []
    for text in paragraphs:
        if not out or out[-1] != text:
            out.append(text)
    return out
