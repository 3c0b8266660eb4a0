"""Exact content identity: one SHA-256 per normalised article text."""

from __future__ import annotations

import hashlib
import re

from core.text import normalize_text, normalize_tone_marks

_WHITESPACE = re.compile(r"\s+")


def hash_form(text: str) -> str:
    """The text as hashed: NFC, entities decoded, tone marks in one style, whitespace folded to
    single spaces, lower-cased. Punctuation, digits and diacritics are kept, so a corrected
    figure or word is an edit, while re-wrapped lines or "Huyện Uỷ" → "huyện ủy" is not."""
    text = normalize_tone_marks(normalize_text(text))
    return _WHITESPACE.sub(" ", text).strip().lower()


def content_hash(text: str) -> str:
    """SHA-256 hex of `hash_form(text)`: equal for texts a reader would call identical."""
    return hashlib.sha256(hash_form(text).encode("utf-8")).hexdigest()
