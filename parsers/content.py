"""Find the main text of any page: paragraph scores climb to their containers (readability-style),
discounted by link density, nudged by class names; the best container and its good siblings win.
"""

from __future__ import annotations

from dataclasses import dataclass

from parsers.boilerplate import (
    content_hint,
    has_content_word,
    is_hard_junk_class,
    is_junk_class,
)
from parsers.dom import Block, Element, Linear

PARAGRAPH_TAGS = frozenset(
    [
        "p",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "dd",
        "dt",
        "blockquote",
        "pre",
        "figcaption",
        "caption",
    ]
)
FURNITURE_TAGS = frozenset(["nav", "footer", "aside", "header", "menu", "form"])
MIN_BLOCK = 25  # characters: shorter blocks carry no weight (menus, labels, counters)
HINT_WEIGHT = 25.0
TEASER_WEIGHT = 0.2  # a teaser under a linked headline counts this much of a paragraph
MAX_TEASER = 320
NEAR_TITLE = 8.0  # bonus of a container that starts at the headline or a few blocks below
NEAR_TITLE_BLOCKS = 4
MIN_PROSE_BLOCKS = 2
MAX_TAIL = 2  # sibling boxes after the text that may still belong to it
MAX_TAIL_CHARS = 400
# Ancestors up from a paragraph's container receive 1, 1/2, 1/3 of its score.
_DECAY = (1.0, 0.5, 1 / 3)


@dataclass(frozen=True)
class Region:
    """The content area: indices of elements taken, and of blocks inside them minus furniture."""

    elements: tuple[int, ...]
    blocks: tuple[int, ...]


def _prefix(lin: Linear) -> tuple[list[int], list[int]]:
    chars, links = [0], [0]
    for block in lin.blocks:
        chars.append(chars[-1] + len(block.text))
        links.append(links[-1] + block.link_chars)
    return chars, links


def link_density(prefix: tuple[list[int], list[int]], start: int, end: int) -> float:
    chars, links = prefix
    total = chars[end] - chars[start]
    return (links[end] - links[start]) / total if total else 0.0


def junk_elements(lin: Linear, title_at: int | None = None, soft: bool = True) -> list[int]:
    """Furniture elements (by tag or class) that do not hold most of the page's text. With
    `soft` False only the names that never hold an article count (comments, menus, related
    lists): for sites whose framework calls every box a "widget"."""
    chars, _ = _prefix(lin)
    prose = _prose_prefix(lin)
    page = chars[-1] or 1
    found = []
    for index, element in enumerate(lin.elements):
        if index == 0:
            continue
        by_tag = element.tag in FURNITURE_TAGS
        named = is_junk_class(element.classes) if soft else is_hard_junk_class(element.classes)
        if not (by_tag or named):
            continue
        if (chars[element.end] - chars[element.start]) >= 0.5 * page:
            continue
        if not by_tag and (_content_box(element, prose) or _holds_title(element, title_at)):
            continue
        found.append(index)
    return found


def _holds_title(element: Element, title_at: int | None) -> bool:
    """The column that holds the headline is the article's ("sidebar-1" on some news sites),
    unless it is named as comments, a menu or a footer."""
    if title_at is None or not element.start <= title_at < element.end:
        return False
    return not is_hard_junk_class(element.classes)


def _content_box(element: Element, prose: list[int]) -> bool:
    """A box named both as content and as a soft kind of furniture ("post-content has-sidebar")
    that holds paragraphs of prose is the article's box, not furniture."""
    if is_hard_junk_class(element.classes) or not has_content_word(element.classes):
        return False
    return prose[element.end] - prose[element.start] >= MIN_PROSE_BLOCKS


def _prose_prefix(lin: Linear) -> list[int]:
    """Running count of prose paragraphs (long, few links, not a teaser under a headline)."""
    counts = [0]
    for i, block in enumerate(lin.blocks):
        is_prose = (
            _good(block) and len(block.text) >= 80 and not (i and _teaser(lin.blocks[i - 1], block))
        )
        counts.append(counts[-1] + is_prose)
    return counts


def junk_mask(lin: Linear, junk: list[int], inside: Element | None = None) -> list[bool]:
    """Blocks that sit in a furniture element strictly below `inside` (or anywhere)."""
    mask = [False] * len(lin.blocks)
    for index in junk:
        element = lin.elements[index]
        if inside is not None and (
            element.depth <= inside.depth
            or element.start < inside.start
            or element.end > inside.end
        ):
            continue
        for i in range(element.start, element.end):
            mask[i] = True
    return mask


def _good(block: Block) -> bool:
    return (
        block.kind == "text"
        and len(block.text) >= MIN_BLOCK
        and (block.link_chars <= 0.5 * len(block.text))
    )


def _teaser(before: Block, block: Block) -> bool:
    """A short summary right under a linked headline: a listing of other articles."""
    return (
        len(block.text) < MAX_TEASER
        and before.kind == "text"
        and before.link_chars >= 0.8 * len(before.text)
        and len(before.text) >= 15
    )


def _block_score(block: Block) -> float:
    text = block.text
    return 1.0 + text.count(",") + text.count("，") + min(len(text) / 100.0, 3.0)


def score_elements(lin: Linear, mask: list[bool]) -> dict[int, float]:
    """Raw scores of container elements from the good paragraphs beneath them."""
    scores: dict[int, float] = {}
    for i, block in enumerate(lin.blocks):
        if mask[i] or not _good(block):
            continue
        value = _block_score(block)
        if i and _teaser(lin.blocks[i - 1], block):
            value *= TEASER_WEIGHT
        index = block.owner
        if lin.elements[index].tag in PARAGRAPH_TAGS:
            index = lin.elements[index].parent
        for weight in _DECAY:
            if index < 0:
                break
            scores[index] = scores.get(index, 0.0) + value * weight
            index = lin.elements[index].parent
    return scores


def best_region(
    lin: Linear, within: Element | None = None, title_at: int | None = None, soft: bool = True
) -> Region | None:
    """The content region of the page (or of the subtree `within`). `title_at`, the block of
    the article's headline, favours the containers that start with or right after it; `soft`
    is passed to `junk_elements`."""
    junk = junk_elements(lin, title_at, soft)
    mask = junk_mask(lin, junk, within)
    prefix = _prefix(lin)
    raw = score_elements(lin, mask)
    lo, hi = (within.start, within.end) if within is not None else (0, len(lin.blocks))
    best, best_score = -1, 0.0
    final: dict[int, float] = {}
    for index, value in raw.items():
        element = lin.elements[index]
        if element.start < lo or element.end > hi or index in junk:
            continue
        value = value * (1.0 - link_density(prefix, element.start, element.end))
        hint = content_hint(element.classes)
        # A content-named box gains at most its own score: the name cannot carry a title cell.
        value += -HINT_WEIGHT if hint < 0 else min(HINT_WEIGHT, value) * hint
        if title_at is not None and _below_title(lin, element, title_at):
            value += NEAR_TITLE
        final[index] = value
        if value > best_score:
            best, best_score = index, value
    if best < 0:
        return None
    chosen = _with_siblings(lin, best, final, prefix, set(junk))
    return _region(lin, chosen, junk)


def _climb(lin: Linear, index: int) -> int:
    """From a box holding one paragraph, up through wrappers with nothing else in them (a
    paragraph cell in its own row of a layout table): the article's other paragraphs are the
    siblings of the outermost one."""
    element = lin.elements[index]
    if sum(_good(b) for b in lin.blocks[element.start : element.end]) > 1:
        return index
    while element.parent > 0:
        parent = lin.elements[element.parent]
        if len(parent.children) != 1 or parent.tag in ("body", "html"):
            break
        element = parent
    return element.index


def _below_title(lin: Linear, element: Element, title_at: int) -> bool:
    """The element starts just below the headline, inside the box that holds the headline."""
    if not title_at < element.start <= title_at + NEAR_TITLE_BLOCKS or element.parent < 0:
        return False
    parent = lin.elements[element.parent]
    return parent.start <= title_at < parent.end


def _with_siblings(
    lin: Linear,
    top: int,
    final: dict[int, float],
    prefix: tuple[list[int], list[int]],
    junk: set[int],
) -> list[int]:
    threshold = max(10.0, 0.2 * final[top])
    top = _climb(lin, top)
    element = lin.elements[top]
    if element.parent < 0:
        return [top]
    siblings = lin.elements[element.parent].children
    taken = []
    for index in siblings:
        sib = lin.elements[index]
        if index in junk or sib.end == sib.start:
            continue
        density = link_density(prefix, sib.start, sib.end)
        long_text = any(
            _good(b) and len(b.text) >= 80 and not (i and _teaser(lin.blocks[i - 1], b))
            for i, b in enumerate(lin.blocks[sib.start : sib.end], sib.start)
        )
        if index == top or final.get(index, 0.0) >= threshold or (long_text and density < 0.25):
            taken.append(index)
    taken = _fill_gaps(lin, siblings, taken, prefix, junk)
    return taken + _tail(lin, siblings, taken[-1], prefix, junk)


def _tail(
    lin: Linear,
    siblings: list[int],
    last: int,
    prefix: tuple[list[int], list[int]],
    junk: set[int],
) -> list[int]:
    """Short plain boxes right after the text (a closing sentence, the writer's name): kept
    until the first furniture, link list or long box."""
    out: list[int] = []
    for index in siblings[siblings.index(last) + 1 : siblings.index(last) + 1 + MAX_TAIL]:
        sib = lin.elements[index]
        size = prefix[0][sib.end] - prefix[0][sib.start]
        if size == 0 and not any(b.kind == "img" for b in lin.blocks[sib.start : sib.end]):
            continue
        if index in junk or size > MAX_TAIL_CHARS or link_density(prefix, sib.start, sib.end) > 0.2:
            break
        out.append(index)
    return out


def _fill_gaps(
    lin: Linear,
    siblings: list[int],
    taken: list[int],
    prefix: tuple[list[int], list[int]],
    junk: set[int],
) -> list[int]:
    """Keep figures and short lines that sit between two taken siblings."""
    if len(taken) < 2:
        return taken
    first, last = siblings.index(taken[0]), siblings.index(taken[-1])
    keep = set(taken)
    for index in siblings[first : last + 1]:
        sib = lin.elements[index]
        if index not in junk and link_density(prefix, sib.start, sib.end) < 0.5:
            keep.add(index)
    return [index for index in siblings if index in keep]


def _region(lin: Linear, chosen: list[int], junk: list[int]) -> Region:
    """The chosen boxes' blocks minus furniture nested in them (one mask per depth: the
    chosen boxes are siblings, so this is one pass over the page, not one per box)."""
    masks: dict[int, list[bool]] = {}
    blocks: list[int] = []
    for index in chosen:
        element = lin.elements[index]
        if element.depth not in masks:
            deeper = [j for j in junk if lin.elements[j].depth > element.depth]
            masks[element.depth] = junk_mask(lin, deeper)
        mask = masks[element.depth]
        blocks.extend(i for i in range(element.start, element.end) if not mask[i])
    return Region(tuple(chosen), tuple(blocks))


def region_of(lin: Linear, elements: list[Element]) -> Region:
    """The blocks of known content elements (a profile's body node, or every piece of a body
    split over several such nodes), minus furniture inside them."""
    return _region(lin, [e.index for e in elements], junk_elements(lin))


def prose_region(lin: Linear, title_at: int | None = None) -> Region | None:
    """Every paragraph-like block of the page outside furniture: the last resort."""
    mask = junk_mask(lin, junk_elements(lin, title_at))
    blocks = tuple(
        i
        for i, b in enumerate(lin.blocks)
        if not mask[i] and _good(b) and b.link_chars < 0.3 * len(b.text)
    )
    return Region((0,), blocks) if blocks else None
