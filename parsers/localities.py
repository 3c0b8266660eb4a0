"""Administrative units named in prose ("xã Phú Nhuận", "huyện Bạch Thông", "tỉnh Bắc Kạn")."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TypeVar

from parsers.textspans import fold_aligned

UNIT_WORDS = ("thị trấn", "thị xã", "thành phố", "phường", "xã", "huyện", "quận", "tỉnh", "đặc khu")
# Matched with tone marks on the lower-cased text: folded, "quận" would be "quan" in "cơ quan".
_UNIT = re.compile(r"(?<![\w])(" + "|".join(UNIT_WORDS) + r")[ \t]+")
_PREVIOUS_WORD = re.compile(r"(\w+)[ \t]+$")
_NAME_WORD = re.compile(r"[^\W\d_][\w]*|\d{1,2}(?![\w/])")
_MAX_NAME_WORDS = 4


def find_units(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int, str | None]]:
    """Every unit word in text[start:end] as (start, end, "xã Phú Nhuận"); a unit word with no
    name after it ("toàn huyện", "các xã", "Huyện ủy") comes with None."""
    end = len(text) if end is None else end
    lowered = _lowered(text)
    found: list[tuple[int, int, str | None]] = []
    for unit in _UNIT.finditer(lowered, start, end):
        if _inside_name(text, unit.start()) or _not_a_place(lowered, unit):
            continue
        words = _name_after(text, unit.end(), end)
        if words and not _is_body(words[0]):
            name_end = unit.end() + len(" ".join(words))
            if _FORMER_AFTER.match(lowered, name_end):
                continue  # "huyện Bạch Thông (cũ)": a unit that no longer exists
            unit_word = text[unit.start(1) : unit.end(1)].lower()
            found.append((unit.start(), name_end, f"{unit_word} {' '.join(words)}"))
        else:
            bare = "tỉnh" if text[unit.start(1) : unit.end(1)].lower() == "tỉnh" else None
            found.append((unit.start(), unit.end(1), bare))
    return found


def find_localities(
    text: str, start: int = 0, end: int | None = None
) -> list[tuple[int, int, str]]:
    """Every "<unit> <Proper Name>" in text[start:end] as (start, end, "xã Phú Nhuận")."""
    return [
        (s, e, name) for s, e, name in find_units(text, start, end) if name not in (None, "tỉnh")
    ]


def _name_after(text: str, cursor: int, end: int) -> list[str]:
    words: list[str] = []
    while len(words) < _MAX_NAME_WORDS:
        word = _NAME_WORD.match(text, cursor, end)
        if word is None or not (word.group()[0].isupper() or word.group().isdigit()):
            break
        words.append(word.group())
        cursor = word.end()
        gap = re.match(r"[ \t]+", text[cursor:end])
        if gap is None:
            break
        cursor += gap.end()
    return words


@lru_cache(maxsize=16)
def _lowered(text: str) -> str:
    lowered = text.lower()
    if len(lowered) != len(text):  # a few non-Vietnamese letters change length when lowered
        lowered = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)
    return lowered


_PLURAL_BEFORE = re.compile(r"(?:các|những|nhiều|một số|mấy)[ \t]+$")
_BODY_AFTER = re.compile(r"(?:ủy|uỷ|đoàn|đội)(?!\w)")
_FORMER_AFTER = re.compile(r"[ \t]*\(?cũ\)?(?!\w)")


def _not_a_place(lowered: str, unit: re.Match[str]) -> bool:
    """ "các xã Vi Hương, Tân Tú" lists places; "Tỉnh ủy" is a body, not a territory."""
    if _PLURAL_BEFORE.search(lowered, max(0, unit.start() - 8), unit.start()):
        return True
    return _BODY_AFTER.match(lowered, unit.end()) is not None


def _inside_name(text: str, start: int) -> bool:
    """ "Thượng Quan", "Đồng Xã": a capitalised unit word after a capitalised word is a name."""
    if not text[start].isupper():
        return False
    previous = _PREVIOUS_WORD.search(text, max(0, start - 20), start)
    if previous is None:
        return False
    return previous.group(1)[0].isupper() and not previous.group(1).isupper()


def _is_body(word: str) -> bool:
    """ "Huyện Ủy", "Tỉnh Đoàn", "Xã Hội" start bodies and common nouns, not places."""
    return fold_aligned(word) in {"uy", "doan", "hoi", "doi"}


def attribute(name: str | None, portal_locality: str | None) -> str | None:
    """A named unit, or the portal's locality when the name is the portal's own unit.

    "Bạch Thông, Bắc Kạn" is the portal's locality: "huyện Bạch Thông" names the portal's own
    unit (→ the portal's locality), "tỉnh Bắc Kạn" its parent (→ a locality of its own).
    """
    if name is None:
        return portal_locality or None
    if name == "tỉnh":
        return _province(portal_locality)
    if portal_locality:
        own = fold_aligned(portal_locality.split(",")[0]).strip()
        bare = fold_aligned(name)
        for unit in UNIT_WORDS:
            own = own.removeprefix(fold_aligned(unit) + " ")
            bare = bare.removeprefix(fold_aligned(unit) + " ")
        if bare.strip() == own:
            return portal_locality
    return name


def _province(portal_locality: str | None) -> str | None:
    """ "toàn tỉnh" on a district or commune portal ("Bạch Thông, Bắc Kạn") → "tỉnh Bắc Kạn"."""
    if not portal_locality or "," not in portal_locality:
        return portal_locality or None
    return "tỉnh " + portal_locality.rsplit(",", 1)[1].strip()


_Unit = TypeVar("_Unit", tuple[int, int, str | None], tuple[int, int, str])
# "xã Đồng Phú (sắp xếp từ thị trấn Tân Phú và các xã …)": places named in an aside.
_ASIDE = re.compile(r"\([^()\n]{0,300}\)")
_FORMER_PART = re.compile(
    r"(?<!\w)[Rr]iêng[ \t]+(?:(?:khu vực|địa bàn)[ \t]+)?(?:(" + "|".join(UNIT_WORDS) + r")[ \t]+)?"
    r"((?:[A-ZĐ][^\W\d_]*[ \t]+){0,3}[A-ZĐ][^\W\d_]*)[ \t]*\(cũ\)"
)


def _outside_asides(text: str, units: list[_Unit], start: int, end: int) -> list[_Unit]:
    """The units not named inside a bracketed aside of text[start:end]."""
    if not units or "(" not in text[start:end]:
        return units
    asides = [m.span() for m in _ASIDE.finditer(text, start, end)]
    return [u for u in units if not any(a <= u[0] < b for a, b in asides)]


def locality_at(
    text: str, sentence: tuple[int, int], first_clause_end: int, clause_start: int, pos: int,
    portal_locality: str | None,
) -> str | None:
    """Where a figure at `pos` belongs.

    The unit named or implied last before it in its clause ("xã Phú Nhuận hoàn thành …",
    "toàn huyện có …"); else, for a clause without a subject of its own, the unit the
    sentence's first clause names ("Đảng ủy xã Yên Đĩnh đã kết nạp 9 …; tiếp nhận 7 đơn");
    else the portal's locality.
    """
    units = _outside_asides(text, find_units(text, clause_start, pos), clause_start, pos)
    former = next(reversed(list(_FORMER_PART.finditer(text, clause_start, pos))), None)
    if former is not None and (not units or units[-1][0] < former.start()):
        # "riêng khu vực xã Tân Lập (cũ) thu hút 2 dự án": a part the new unit took in
        unit = former.group(1)
        return f"{unit.lower()} {former.group(2)}" if unit else former.group(2)
    if units:
        return attribute(units[-1][2], portal_locality)
    if clause_start > sentence[0]:
        end = min(first_clause_end, pos)
        named = _outside_asides(text, find_localities(text, sentence[0], end), sentence[0], end)
        if named:
            return attribute(named[-1][2], portal_locality)
    return portal_locality or None


def locality_before(text: str, start: int, pos: int, portal_locality: str | None) -> str | None:
    """The unit named last in text[start:pos] (see `attribute`), else the portal's locality."""
    named = find_localities(text, start, pos)
    return attribute(named[-1][2] if named else None, portal_locality)
