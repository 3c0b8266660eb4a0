"""Vietnamese text normalisation: one form for storage and display, a folded form for matching."""

from __future__ import annotations

import html
import re
import unicodedata

_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_BLANK_LINES = re.compile(r"\n\s*\n+")

# Old-style tone placement (hoà, uỷ, thuỷ) versus new-style (hòa, ủy, thủy). Both occur on one
# page; matching folds them to one spelling, display keeps what the page wrote.
_OLD_TO_NEW_TONE = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}
# Only at the end of a syllable: "hoàn" is already correct and must stay.
_OLD_TONE_RE = re.compile("(?:" + "|".join(_OLD_TO_NEW_TONE) + r")(?!\w)", re.IGNORECASE)


def _new_tone(match: re.Match[str]) -> str:
    found = match.group(0)
    repl = _OLD_TO_NEW_TONE[found.lower()]
    return repl.upper() if found.isupper() else (repl[0].upper() + repl[1:] if found[0].isupper() else repl)


def _unescape(text: str, passes: int = 8) -> str:
    """Entities decoded until none is left (feeds double-escape: `&amp;ocirc;`), so that
    normalize_text(normalize_text(x)) == normalize_text(x); zero-width characters go first
    because removing them can join `&` and `amp;` into a new entity."""
    for _ in range(passes):
        decoded = html.unescape(_ZERO_WIDTH.sub("", text))
        if decoded == text:
            break
        text = decoded
    return text


def normalize_text(text: str) -> str:
    """Entities decoded, NFC, Ð→Đ, zero-width gone, spaces collapsed; line breaks kept."""
    # Without an entity, `_unescape` only drops zero-width characters; decoding one may bring
    # such a character back (`&#8203;`).
    text = _ZERO_WIDTH.sub("", _unescape(text) if "&" in text else text)
    text = text.replace("\u00d0", "\u0110").replace("\u00f0", "\u0111")
    text = unicodedata.normalize("NFC", text)
    return _tidy_lines(text.replace("\r\n", "\n").replace("\r", "\n"))


def _tidy_lines(text: str) -> str:
    if "\n" not in text:
        return _SPACES.sub(" ", text).strip()
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


class _MarkTable(dict[int, int | None]):
    """str.translate table dropping combining marks (category Mn), filled on first sight of
    each character: the same as testing every character's category, at C speed."""

    def __missing__(self, code: int) -> int | None:
        kept = None if unicodedata.category(chr(code)) == "Mn" else code
        self[code] = kept
        return kept


_NO_MARKS = _MarkTable()


def normalize_tone_marks(text: str) -> str:
    """Rewrite old-style tone placement (uỷ, hoà) to the new style (ủy, hòa)."""
    return _OLD_TONE_RE.sub(_new_tone, text)


def fold(text: str) -> str:
    """Lower-case, tone-free, đ→d form for matching keywords ("Huyện Ủy" ~ "huyen uy")."""
    text = normalize_text(text).lower().replace("đ", "d")
    decomposed = unicodedata.normalize("NFD", text)
    stripped = decomposed.translate(_NO_MARKS)
    return _tidy_lines(stripped)  # a lone tone mark gone can leave a space at a line's end


def words(text: str) -> list[str]:
    """Folded word tokens (letters and digits), for shingling and keyword matching."""
    return re.findall(r"\w+", fold(text))
