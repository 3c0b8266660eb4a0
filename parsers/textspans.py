"""Positions in Vietnamese prose: a same-length folded copy, paragraphs, sentences and clauses.

Extraction works on `normalize_text` output. Matching is done on a folded copy whose every
character sits at the same offset as in the original, so a match found on the folded text
slices the original (with its tone marks and case) for display.
"""

from __future__ import annotations

import re
import unicodedata
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
    return [_strip(s, text) for s in found]


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


def overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """Whether [start, end) overlaps any of `spans`."""
    return any(start < s_end and s_start < end for s_start, s_end in spans)
