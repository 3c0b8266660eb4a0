"""Directive references in prose: Party codes (17-NQ/HU), State codes (15/2020/NĐ-CP), and
code-less mentions ("Chỉ thị 05 của Bộ Chính trị"), each with what the prose says around it.

One canonical code however it is written: "60/NQ-TW" (State separator on a Party document)
→ 60-NQ/TW, "24- QĐ/TW" → 24-QĐ/TW, "858CV/ĐUK" → 858-CV/ĐUK, "QD" → QĐ, "5" → "05".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from core.text import normalize_text
from parsers import doc_types
from parsers.directive_context import issuer_after, title_after, type_word_before
from parsers.periods import date_after
from parsers.textspans import SpanSet, fold_aligned, sentences
from parsers.types import DirectiveRef

_SEG = r"[A-ZĐƯƠÂÊÔĂ][A-Za-zĐđƯƠÂÊÔĂ0-9]{0,14}"
_HYPHEN = "[-–‐‑−]"  # hyphen, en dash, Unicode hyphen, non-breaking hyphen, minus
# A code may be broken across lines in tables and narrow columns ("17-NQ/\nHU").
_BREAK = r"[ \t]?(?:\n[ \t]?)?"
PARTY_CODE = re.compile(
    r"(?<![\w/.\-])(?P<num>\d{1,4})(?:" + _BREAK + _HYPHEN + _BREAK + r"|(?=[A-ZĐ]))"
    r"(?P<type>[A-ZĐ][A-Za-zĐđ]{0,4})" + _BREAK + "/" + _BREAK
    + r"(?P<iss>" + _SEG + r"(?:-" + _SEG + r")?)(?![\w])"  # a joint issuer: "BTGTU-BDVTU"
)
STATE_CODE = re.compile(  # a number may carry a letter: "Nghị quyết số 30a/2008/NQ-CP"
    r"(?<![\w/.\-])(?P<num>\d{1,5}[a-z]?)" + _BREAK + "/" + _BREAK
    + r"(?:(?P<year>(?:19|20)\d{2})" + _BREAK + "/" + _BREAK + r")?"
    r"(?P<a>" + _SEG + r")(?:" + _BREAK + _HYPHEN + _BREAK + r"(?P<b>" + _SEG + r"(?:" + _HYPHEN + _SEG
    + r"){0,3}))?(?![\w])"
)
_TYPE_WORDS = doc_types.type_word_pattern()
CODELESS = re.compile(
    r"(?<![\w])(?P<word>" + _TYPE_WORDS + r")\s+(?P<so>so\s*:?\s*)?(?P<num>\d{1,4})(?![\w.,/\-–])"
    r"(?!\s*[-–/]\s*[a-z])"
)
# After a code-less number, these words say it is a count of time or items, not a document.
_NOT_A_DOC_AFTER = re.compile(
    r"\s*(?:nam|thang|ngay(?!\s+\d)|tuan|quy|lan|noi dung|diem|van ban|muc|chuong|dieu|"
    r"nhiem vu|giai phap|chi tieu|tieu chi|chu truong|%)(?!\w)"
)


@dataclass(frozen=True)
class DirectiveSpan:
    """A directive reference and the stretch of text it covers (code, date, issuer, title)."""

    ref: DirectiveRef
    start: int
    end: int


def find_directives(text: str) -> list[DirectiveRef]:
    """Every directive mentioned in `text`, in order, each canonical code once.

    Later mentions of a code fill what the first left out (date, issuer, title).
    """
    merged: dict[tuple[str | None, str | None, str], DirectiveRef] = {}
    for span in scan_directives(normalize_text(text)):
        ref = span.ref
        key = (ref.code, ref.doc_type, ref.number) if ref.code is None else (ref.code, None, "")
        first = merged.get(key)
        merged[key] = ref if first is None else _fill(first, ref)
    return _absorb_code_less(list(merged.values()))


def _absorb_code_less(refs: list[DirectiveRef]) -> list[DirectiveRef]:
    """Drop "Chỉ thị 45 của Bộ Chính trị" when the same text also gives its code (45-CT/TW)."""
    coded = [r for r in refs if r.code is not None]
    kept: list[DirectiveRef] = []
    for ref in refs:
        if ref.code is None and ref.doc_type is not None:
            same = [
                c for c in coded
                if c.doc_type in doc_types.compatible_types(ref.doc_type) and c.number == ref.number
                and (ref.issuer_code is None or c.issuer_code in (None, ref.issuer_code))
            ]
            if len(same) == 1:
                continue
        kept.append(ref)
    return kept


def _fill(first: DirectiveRef, later: DirectiveRef) -> DirectiveRef:
    updates = {
        name: getattr(later, name)
        for name in ("issued_date", "title", "year", "issuer_code")
        if getattr(first, name) is None and getattr(later, name) is not None
    }
    if later.issuer_name and first.issuer_name is None:
        updates["issuer_name"] = later.issuer_name
    return replace(first, **updates) if updates else first


def scan_directives(text: str) -> list[DirectiveSpan]:
    """Every directive mention with its offsets in `text` (already normalised)."""
    return list(_scan(text))


@lru_cache(maxsize=8)  # a page's text is scanned for directives, then again for indicators
def _scan(text: str) -> tuple[DirectiveSpan, ...]:
    folded = fold_aligned(text)
    spans: list[DirectiveSpan] = []
    taken = SpanSet()  # a page of codes has thousands: overlap is looked up, not scanned
    for match in _code_matches(text):
        if taken.overlaps(match.start(), match.end()):
            continue
        ref = _coded_ref(match)
        if ref is None:
            continue
        taken.add(match.start(), match.end())
        spans.append(_with_context(text, folded, ref, match.start(), match.end()))
    for match in CODELESS.finditer(folded):
        if taken.overlaps(match.start(), match.end()):
            continue
        ref = _codeless_ref(text, folded, match)
        if ref is not None:
            taken.add(match.start(), match.end())
            spans.append(_with_context(text, folded, ref, match.start(), match.end()))
    spans.sort(key=lambda s: s.start)
    return tuple(_with_sentences(text, spans))


def _code_matches(text: str) -> list[re.Match[str]]:
    matches = list(PARTY_CODE.finditer(text)) + list(STATE_CODE.finditer(text))
    return sorted(matches, key=lambda m: (m.start(), -m.end()))


def _number(raw: str) -> str:
    digits = raw.rstrip("abcdefghijklmnopqrstuvwxyz")
    return str(int(digits)).zfill(2) + raw[len(digits) :]


def _coded_ref(match: re.Match[str]) -> DirectiveRef | None:
    if match.re is PARTY_CODE:
        doc_type = doc_types.party_type(match["type"])
        if doc_type is None:
            return None
        issuer = doc_types.party_issuer(match["iss"]) or match["iss"]
        return _party_ref(match, doc_type, issuer)
    return _state_ref(match)


def _party_ref(match: re.Match[str], doc_type: str, issuer: str) -> DirectiveRef:
    number = _number(match["num"])
    return DirectiveRef(
        code=f"{number}-{doc_type}/{issuer}",
        doc_type=doc_type,
        doc_type_name=doc_types.type_name(doc_type, party=True),
        number=number,
        issuer_code=issuer,
        raw=match.group(),
    )


def _state_ref(match: re.Match[str]) -> DirectiveRef | None:
    number, year, first, rest = _number(match["num"]), match["year"], match["a"], match["b"]
    if rest is None:
        # "55/2014/QH13": a law's number, year and issuer; nothing else without a hyphen.
        if year is None or not re.fullmatch(r"[A-ZĐ]{2,}\d{1,2}", first):
            return None
        return DirectiveRef(
            code=f"{number}/{year}/{first}", doc_type=None, doc_type_name=None, number=number,
            issuer_code=first, year=int(year), raw=match.group(),
        )
    segments = re.split(_HYPHEN, rest)
    party_type = doc_types.party_type(first)
    party_issuer = doc_types.party_issuer(segments[0])
    if year is None and party_type and party_issuer and len(segments) == 1:
        return replace(_party_ref(match, party_type, party_issuer), raw=match.group())
    doc_type = doc_types.state_type(first)
    issuer = "-".join(doc_types.state_issuer(s) for s in segments)
    if doc_type is None:
        # Công văn: no type, the issuer then the drafting unit ("214/UBND-VP").
        if year is not None:
            return None
        first_issuer = doc_types.state_issuer(first)
        return DirectiveRef(
            code=f"{number}/{first_issuer}-{issuer}", doc_type=None, doc_type_name="Công văn",
            number=number, issuer_code=first_issuer, raw=match.group(),
        )
    code = f"{number}/{year}/{doc_type}-{issuer}" if year else f"{number}/{doc_type}-{issuer}"
    return DirectiveRef(
        code=code, doc_type=doc_type, doc_type_name=doc_types.type_name(doc_type, party=False),
        number=number, issuer_code=issuer, year=int(year) if year else None, raw=match.group(),
    )


def _codeless_ref(text: str, folded: str, match: re.Match[str]) -> DirectiveRef | None:
    word, number = match["word"], match["num"]
    written = text[match.start("word") : match.end("word")]
    if match["so"] is None:
        if not written[:1].isupper():
            return None  # "nghị quyết 3 năm" in lower case without "số" is prose
        if len(number) == 4 and number[:2] in ("19", "20"):
            return None  # "Kế hoạch 2024" names a year
    if _NOT_A_DOC_AFTER.match(folded, match.end()):
        return None
    doc_type = doc_types.TYPE_WORDS[word]
    return DirectiveRef(
        code=None,
        doc_type=doc_type,
        doc_type_name=written[:1].upper() + written[1:].lower(),
        number=_number(number),
        raw=text[match.start() : match.end()],
    )


def _with_context(
    text: str, folded: str, ref: DirectiveRef, start: int, end: int
) -> DirectiveSpan:
    """Add the prose around a code: type word before it, then date, issuer and title after."""
    ref = _named_type(ref, type_word_before(folded, start))
    issued = date_after(text, folded, end)
    if issued is not None:
        ref = replace(ref, issued_date=issued[0], year=ref.year or issued[0].year)
        end = issued[1]
    issuer = issuer_after(text, folded, end)
    if issuer is not None:
        name, end = issuer
        code = ref.issuer_code or doc_types.issuer_code_from_prose(name)
        ref = replace(ref, issuer_name=name, issuer_code=code)
        if ref.issued_date is None and (issued := date_after(text, folded, end)) is not None:
            ref = replace(ref, issued_date=issued[0], year=ref.year or issued[0].year)
            end = issued[1]
    title = title_after(text, folded, end)
    if title is not None:
        ref = replace(ref, title=title[0])
        end = title[1]
    return DirectiveSpan(ref, start, end)


def _named_type(ref: DirectiveRef, word: str | None) -> DirectiveRef:
    """Name the type as the prose does; QĐ next to "quy định" is a quy định."""
    if word is None or ref.code is None:
        return ref
    said = doc_types.TYPE_WORDS[word]
    if ref.doc_type in doc_types.QUY_DINH_TYPES and said in doc_types.QUY_DINH_TYPES:
        name = "Quy định" if word == "quy dinh" else "Quyết định"
        return replace(ref, doc_type_name=name)
    if ref.doc_type is None and ref.year is not None:
        # A law-style code ("35/2023/UBTVQH15") carries no type: the prose names it.
        return replace(ref, doc_type=said, doc_type_name=doc_types.type_name(said, party=False))
    return ref


def _with_sentences(text: str, spans: list[DirectiveSpan]) -> list[DirectiveSpan]:
    bounds = sentences(text)
    out = []
    index = 0
    for span in spans:
        while index < len(bounds) - 1 and bounds[index].end <= span.start:
            index += 1
        sentence = bounds[index].text(text) if bounds else ""
        out.append(replace(span, ref=replace(span.ref, sentence=sentence)))
    return out
