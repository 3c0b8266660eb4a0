"""Find the main text of any page: paragraph scores climb to their containers (readability-style),
discounted by link density, nudged by class names; the best container and its good siblings win.
"""

from __future__ import annotations

from dataclasses import dataclass

from parsers.boilerplate import content_hint, is_junk_class
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


def junk_elements(lin: Linear) -> list[int]:
    """Furniture elements (by tag or class) that do not hold most of the page's text."""
    chars, _ = _prefix(lin)
    page = chars[-1] or 1
    found = []
    for index, element in enumerate(lin.elements):
        if index == 0:
            continue
        furniture = element.tag in FURNITURE_TAGS or is_junk_class(element.classes)
        if furniture and (chars[element.end] - chars[element.start]) < 0.5 * page:
            found.append(index)
    return found


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
        index = block.owner
        if lin.elements[index].tag in PARAGRAPH_TAGS:
            index = lin.elements[index].parent
        for weight in _DECAY:
            if index < 0:
                break
            scores[index] = scores.get(index, 0.0) + value * weight
            index = lin.elements[index].parent
    return scores


def best_region(lin: Linear, within: Element | None = None) -> Region | None:
    """The content region of the page (or of the subtree `within`)."""
    junk = junk_elements(lin)
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
        value += HINT_WEIGHT * content_hint(element.classes)
        final[index] = value
        if value > best_score:
            best, best_score = index, value
    if best < 0:
        return None
    chosen = _with_siblings(lin, best, final, prefix, set(junk))
    return _region(lin, chosen, junk)


def _with_siblings(
    lin: Linear,
    top: int,
    final: dict[int, float],
    prefix: tuple[list[int], list[int]],
    junk: set[int],
) -> list[int]:
    element = lin.elements[top]
    if element.parent < 0:
        return [top]
    siblings = lin.elements[element.parent].children
    threshold = max(10.0, 0.2 * final[top])
    taken = []
    for index in siblings:
        sib = lin.elements[index]
        if index in junk or sib.end == sib.start:
            continue
        density = link_density(prefix, sib.start, sib.end)
        long_text = any(_good(b) and len(b.text) >= 80 for b in lin.blocks[sib.start : sib.end])
        if index == top or final.get(index, 0.0) >= threshold or (long_text and density < 0.25):
            taken.append(index)
    return _fill_gaps(lin, siblings, taken, prefix, junk)


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
    blocks: list[int] = []
    for index in chosen:
        element = lin.elements[index]
        mask = junk_mask(lin, junk, element)
        blocks.extend(i for i in range(element.start, element.end) if not mask[i])
    return Region(tuple(chosen), tuple(blocks))


def region_of(lin: Linear, element: Element) -> Region:
    """The blocks of one known content element, minus furniture inside it."""
    return _region(lin, [element.index], junk_elements(lin))
