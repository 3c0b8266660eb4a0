"""Bytes → text: charset from the Content-Type header, then <meta charset>, then detection.

Legacy Vietnamese portals still serve windows-1258 (tone marks as combining characters) with no
header; a header may also claim latin-1 for a page that is really UTF-8.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE
)
_HEADER_CHARSET = re.compile(r"""charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Declarations servers add by default, not because the page says so.
_WEAK = frozenset({"iso8859-1", "ascii", "cp1252"})
_VI_LETTERS = frozenset(
    "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵfjwz"
)


def charset_from_header(content_type: str | None) -> str | None:
    """The charset parameter of a Content-Type value, if any and known to Python."""
    if not content_type:
        return None
    match = _HEADER_CHARSET.search(content_type)
    return _known(match.group(1)) if match else None


def charset_from_meta(head: bytes) -> str | None:
    """The charset a page declares in its first few kilobytes (<meta charset> / http-equiv)."""
    match = _META_CHARSET.search(head[:4096])
    return _known(match.group(1).decode("ascii", "ignore")) if match else None


def decode_body(body: bytes, content_type: str | None = None) -> tuple[str, str]:
    """Decode a page; returns (text, charset used). Never raises: undecodable bytes become U+FFFD."""
    for bom, name in _BOMS:
        if body.startswith(bom):
            return _nfc(body[len(bom) :].decode(name, "replace")), name
    declared = charset_from_header(content_type)
    if declared and not (declared in _WEAK and _is_utf8(body)):
        text = _strict(body, declared)
        if text is not None:
            return _nfc(text), declared
    meta = charset_from_meta(body)
    if meta and not (meta in _WEAK and _is_utf8(body)):
        text = _strict(body, meta)
        if text is not None:
            return _nfc(text), meta
    return detect(body)


def detect(body: bytes) -> tuple[str, str]:
    """UTF-8 if it decodes; otherwise the legacy code page whose text reads most Vietnamese."""
    if _is_utf8(body):
        return _nfc(body.decode("utf-8")), "utf-8"
    best = ("", "cp1258", -1.0)
    for name in ("cp1258", "cp1252"):
        text = _nfc(body.decode(name, "replace"))
        score = _vietnamese_score(text)
        if score > best[2]:
            best = (text, name, score)
    return best[0], best[1]


def _vietnamese_score(text: str) -> float:
    """Share of letters that belong to the Vietnamese alphabet, minus a penalty for U+FFFD."""
    letters = [ch for ch in text.lower() if ch.isalpha()]
    if not letters:
        return 0.0
    good = sum(1 for ch in letters if ch in _VI_LETTERS)
    return (good - 5 * text.count("\ufffd")) / len(letters)


def _is_utf8(body: bytes) -> bool:
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _strict(body: bytes, charset: str) -> str | None:
    try:
        return body.decode(charset)
    except (UnicodeDecodeError, LookupError):
        return None


def _known(name: str) -> str | None:
    try:
        return codecs.lookup(name.strip().lower()).name
    except LookupError:
        return None


def _nfc(text: str) -> str:
    # windows-1258 encodes tone marks as combining characters; compose them.
    return unicodedata.normalize("NFC", text)
