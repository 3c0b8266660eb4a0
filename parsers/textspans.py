"""Positions in Vietnamese prose: a same-length folded copy, paragraphs, sentences and clauses.

Extraction works on `normalize_text` output. Matching is done on a folded copy whose every
character sits at the same offset as in the original, so a match found on the folded text
slices the original (with its tone marks and case) for display.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache


class _FoldTable(dict[int, str]):
    """str.translate table filled on first sight of each character."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        if ch in "đĐ":
            folded = "d"
        else:
            base = unicodedata.normalize("NFD", ch)[0].lower()
            folded = base if len(base) == 1 else ch
        self[code] = folded
        return folded


_FOLD = _FoldTable()


@lru_cache(maxsize=16)
def fold_aligned(text: str) -> str:
    """Lower-case, tone-free, đ→d; same length as `text`, offsets line up one to one."""
    if text.isascii():
        return text.lower()
    return text.translate(_FOLD)


@dataclass(frozen=True)
class Sentence:
    """A sentence by offsets into the text, with the paragraph it belongs to."""

    start: int
    end: int
    paragraph: int

    def text(self, source: str) -> str:
        return source[self.start : self.end]


# A sentence ends at . ! ? … (or the "./." sign-off) followed by space and a capital, digit,
# quote or bracket; a dot between digits ("1.600") or inside "TP.HCM" never ends one.
_SENTENCE_END = re.compile(r"(?:\./\.|[.!?…])+[”\"’)]?(?=\s+[A-ZĐÀ-ỸÂĂÊÔƠƯ0-9“\"(‘-])")
_PARAGRAPH = re.compile(r"[^\n]+")


def sentences(text: str) -> list[Sentence]:
    """Every sentence of `text`, in order; a line break always ends a sentence."""
    return list(_sentences(text))


@lru_cache(maxsize=8)  # directives, then indicators, split one page's text
def _sentences(text: str) -> tuple[Sentence, ...]:
    found: list[Sentence] = []
    for number, para in enumerate(_PARAGRAPH.finditer(text)):
        start = para.start()
        for end_match in _SENTENCE_END.finditer(para.group()):
            end = para.start() + end_match.end()
            if text[start:end].strip():
                found.append(Sentence(start, end, number))
            start = end
        if text[start : para.end()].strip():
            found.append(Sentence(start, para.end(), number))
    return tuple(piece for s in found for piece in _bounded(_strip(s, text), text))


# Real sentences are a few hundred characters. A "sentence" of tens of thousands (a flattened
# table, a page with no punctuation) would make every figure re-scan it: cut it at spaces into
# pieces of at most MAX_SENTENCE characters so the work stays linear in the text.
MAX_SENTENCE = 2_000


def _bounded(sentence: Sentence, text: str) -> list[Sentence]:
    pieces: list[Sentence] = []
    start = sentence.start
    while sentence.end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        cut = cut if cut > start else start + MAX_SENTENCE
        pieces.append(Sentence(start, cut, sentence.paragraph))
        start = cut
    pieces.append(Sentence(start, sentence.end, sentence.paragraph))
    return pieces


def _strip(sentence: Sentence, text: str) -> Sentence:
    start, end = sentence.start, sentence.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Sentence(start, end, sentence.paragraph)


_CLAUSE_BREAK = re.compile(r";|:(?=\s)|\s[–-]\s(?=[A-ZĐ])")


def clause_bounds(text: str, start: int, end: int, at: int) -> tuple[int, int]:
    """The clause of the sentence [start, end) that holds offset `at` (split at ';' and ':')."""
    lo, hi = start, end
    for match in _CLAUSE_BREAK.finditer(text, start, end):
        if match.end() <= at:
            lo = match.end()
        elif match.start() >= at:
            hi = match.start()
            break
    return lo, hi


class SpanSet:
    """Spans of a text, queried for overlap in O(log n): a long page has thousands of them."""

    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        self._starts: list[int] = []
        self._ends: list[int] = []
        for start, end in sorted(spans):
            self.add(start, end)

    def overlaps(self, start: int, end: int) -> bool:
        """Whether [start, end) overlaps any span (spans are kept merged, so ends are sorted)."""
        index = bisect.bisect_left(self._starts, end)
        return index > 0 and self._ends[index - 1] > start

    def add(self, start: int, end: int) -> None:
        """Add [start, end), merging it with the spans it overlaps."""
        lo = bisect.bisect_left(self._ends, start + 1)  # first span ending after `start`
        hi = bisect.bisect_left(self._starts, end)  # spans from lo to hi overlap
        if lo < hi:
            start = min(start, self._starts[lo])
            end = max(end, self._ends[hi - 1])
        self._starts[lo:hi] = [start]
        self._ends[lo:hi] = [end]


def overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """Whether [start, end) overlaps any of `spans`."""
    return any(start < s_end and s_start < end for s_start, s_end in spans)
