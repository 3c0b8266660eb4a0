"""Numbers as Vietnamese prose writes them: "." groups thousands, "," is the decimal sign.

"1.600" = 1600, "219,2" = 219.2, "1,6 tỷ" = 1.6e9, "16 nghìn" = 16000, "36/42" a ratio,
"85%" a share. This agrees with Babel's strict `parse_decimal(…, locale="vi")`, except that
a dot followed by other than three digits ("1.6") is read as a decimal point, as English-style
copy means it, where Babel refuses it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from parsers.textspans import fold_aligned

# A dot ends a numeral when no digit follows it: "có 4.215." is 4215 at a sentence's end.
_NUMERAL = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?(?!\d|\.\d)|\d+,\d+|\d+\.\d{1,2}(?!\d|\.\d)|\d+"
NUMERAL = re.compile(_NUMERAL)
_MULTIPLIERS = {"nghin": 1e3, "ngan": 1e3, "trieu": 1e6, "ty": 1e9, "ti": 1e9}
_MULTIPLIER = re.compile(r"\s*(nghin|ngan|trieu|ty|ti)\b(?!\s+le\b)")
_SMALLER = re.compile(r"\s+(\d{1,3})\s*(trieu|nghin|ngan)\b")
_PERCENT = re.compile(r"\s?%")
_RATIO = re.compile(r"\s?/\s?(" + _NUMERAL + r")(?!\s?/\s?\d)")
# Phone numbers: "0209.3870.123", "0912 345 678", "0209 3870123", "(0209) 3 870 123".
PHONE = re.compile(r"(?<![\d.,])(?:\+84|\(?0\d{2,3}\)?)[\s.-]?\d{1,4}(?:[\s.-]?\d{2,4}){1,3}(?![\d])")


@dataclass(frozen=True)
class NumberMatch:
    """A figure at [start, end) of the text; `value` already multiplied ("1,6 tỷ" → 1.6e9)."""

    start: int
    end: int
    value: float
    raw: str
    kind: str = "count"  # count | ratio | percent
    denominator: float | None = None


def parse_number(raw: str) -> float:
    """Value of a Vietnamese numeral ("1.600" → 1600.0, "219,2" → 219.2); ValueError if none."""
    text = raw.strip().replace(" ", "")
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", text):
        return float(text.replace(".", "").replace(",", "."))
    if re.fullmatch(r"\d+(?:,\d+)?", text):
        return float(text.replace(",", "."))
    if re.fullmatch(r"\d+\.\d{1,2}", text):
        return float(text)
    raise ValueError(f"not a Vietnamese number: {raw!r}")


def _phone_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    for match in PHONE.finditer(text):
        digits = re.sub(r"\D", "", match.group())
        if 9 <= len(digits) <= 12:
            spans.append((match.start(), match.end()))
    return spans


def _glued_ok(text: str, start: int) -> bool:
    """A numeral may touch the word before it only when that word is plain prose ("thêm100")."""
    if start == 0:
        return True
    before = text[start - 1]
    if before.isdigit() or before in ".,/":
        return False
    if not before.isalpha():
        return True
    word = re.search(r"[^\W\d_]+$", text[max(0, start - 12) : start])
    return word is not None and len(word.group()) >= 3 and word.group().islower()


def find_numbers(text: str) -> list[NumberMatch]:
    """Every figure in `text` except phone numbers; plain numbers, ratios and percentages."""
    folded = fold_aligned(text)
    phones = _phone_spans(text)
    found: list[NumberMatch] = []
    for match in NUMERAL.finditer(text):
        start, end = match.span()
        if found and start < found[-1].end:
            continue  # the "250" of "1 tỷ 250 triệu", already part of the figure before
        if not _glued_ok(text, start) or any(s <= start < e for s, e in phones):
            continue
        if end < len(text) and (text[end].isalpha() and text[end].isupper()):
            continue  # "17NQ", part of a code
        found.append(_classify(text, folded, match))
    return found


def _classify(text: str, folded: str, match: re.Match[str]) -> NumberMatch:
    start, end = match.span()
    value = parse_number(match.group())
    percent = _PERCENT.match(text, end)
    if percent:
        return NumberMatch(start, percent.end(), value, text[start : percent.end()], "percent")
    ratio = _RATIO.match(text, end)
    if ratio:
        denominator = parse_number(ratio.group(1))
        if denominator > 0 and value <= denominator:
            return NumberMatch(
                start, ratio.end(), value, text[start : ratio.end()], "ratio", denominator
            )
    multiplier = _MULTIPLIER.match(folded, end)
    if multiplier:
        value *= _MULTIPLIERS[multiplier.group(1)]
        end = multiplier.end()
        rest = _SMALLER.match(folded, end)  # "1 tỷ 250 triệu đồng"
        if rest and _MULTIPLIERS[rest.group(2)] < _MULTIPLIERS[multiplier.group(1)]:
            value += int(rest.group(1)) * _MULTIPLIERS[rest.group(2)]
            end = rest.end()
    return NumberMatch(start, end, value, text[start:end])
