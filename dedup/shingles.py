"""What a text is compared by: word 5-shingles, and the figures it reports."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

from core.text import normalize_text, words

SHINGLE_WORDS = 5
MAX_FIGURES = 64
# "18.000", "7,8", "128/135", "15/3/2024", "2019": one figure each, as written; not the "2"
# of "m2".
_FIGURE = re.compile(r"(?<!\w)\d+(?:[.,/]\d+)*")


def _hash(data: str, size: int) -> int:
    digest = hashlib.blake2b(data.encode("utf-8"), digest_size=size).digest()
    return int.from_bytes(digest, "little")


def shingles(tokens: Sequence[str], size: int = SHINGLE_WORDS) -> set[str]:
    """Distinct runs of `size` consecutive tokens; a shorter text is one shingle."""
    if len(tokens) <= size:
        return {" ".join(tokens)} if tokens else set()
    return {" ".join(tokens[i : i + size]) for i in range(len(tokens) - size + 1)}


def shingle_hashes(text: str) -> set[int]:
    """64-bit hashes of the word 5-shingles of `core.text.words(text)`."""
    return {_hash(s, 8) for s in shingles(words(text))}


def figures(text: str) -> set[str]:
    """The distinct numbers a text reports, as written ("412", "7,8", "128/135")."""
    return set(_FIGURE.findall(normalize_text(text)))


def figure_hashes(text: str) -> tuple[int, ...]:
    """32-bit hashes of `figures(text)`, the `MAX_FIGURES` smallest, sorted.

    Keeping the smallest hashes (not the first figures) samples two long texts alike."""
    return tuple(sorted(_hash(f, 4) for f in figures(text))[:MAX_FIGURES])
