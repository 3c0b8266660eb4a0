"""What prose says around a directive code: its type word, issuer ("của Bộ Chính trị") and title.

Every function takes the normalised text, its same-length folded copy and an offset, and
returns the original spelling plus the offset where the phrase ends.
"""

from __future__ import annotations

import re

from parsers import doc_types

_TYPE_BEFORE = re.compile(
    r"(?<![\w])(" + doc_types.type_word_pattern() + r")\s+(?:so\s*:?\s*)?(?:lien tich\s+)?$"
)
_OF = re.compile(r"\s*,?\s*(?:cua|do)\s+")
# "của Hội nghị lần thứ 11 Ban Chấp hành Trung ương": the meeting, then the body that issued.
_MEETING = re.compile(r"hoi\s+nghi(?:\s+lan\s+thu\s+\S+|\s+trung\s+uong(?:\s+\d+)?)?\s+")
_WORD = re.compile(r"[^\s,;.:()“”\"'\[\]]+")
_STOP_WORDS = frozenset({
    "ve", "ngay", "so", "nham", "de", "trong", "da", "duoc", "tai", "khoa", "voi", "tu", "den",
    "cho", "theo", "la", "thi", "se", "can", "lan", "nhiem", "ky", "giai", "doan", "dong", "chi",
    "gui", "vao", "nhu", "o", "va",
})
_STOP_PAIRS = frozenset(
    {"ban hanh", "phe duyet", "quy dinh", "huong dan", "thuc hien", "trien khai", "tien toi",
     "chi dao", "yeu cau", "tiep tuc", "dong thoi", "cung nhu"}
)
_TYPE_AHEAD = re.compile(r"(?:" + doc_types.type_word_pattern() + r")\b")
_ISSUER_STARTS = (
    "ban", "bo", "uy ban", "ubnd", "hdnd", "hoi dong", "thu tuong", "chinh phu", "quoc hoi",
    "tinh uy", "huyen uy", "thanh uy", "thi uy", "quan uy", "dang uy", "trung uong",
    "van phong", "so", "chi bo", "mat tran", "bch", "btv", "ubmttq", "thuong truc", "toa an",
    "vien kiem sat", "kiem toan", "ngan hang", "thanh tra", "tong cuc", "cuc", "hoc vien",
    "lien doan", "hoi", "doan", "tong lien doan", "chu tich", "quan uy", "bo tu lenh",
)
_MAX_ISSUER_WORDS = 10
_TITLE_LEAD = re.compile(r"\s*,?\s*(?:ve\s+viec|ve)\s+")
_QUOTED = re.compile(r"\s*,?\s*(?:ve\s+)?[“\"]([^”\"\n]{3,200})[”\"]")
_TITLE_END = re.compile(r"[,;:.\n()“”\"]|\s[–-]\s")
# "… về công tác dân vận và mở 4 lớp bồi dưỡng": "và" and a verb start the next thing done.
_NEXT_ACT = re.compile(
    r"\s+va\s+(?:mo|to chuc|ban hanh|trien khai|tham muu|phoi hop|ket nap|tiep|bien tap|dang|"
    r"hoan thanh|xay dung duoc|da)\s"
)
_MAX_TITLE = 200


def type_word_before(folded: str, start: int) -> str | None:
    """The folded type word ("quy dinh") written just before a code at `start`, if any."""
    match = _TYPE_BEFORE.search(folded, max(0, start - 40), start)
    return match.group(1) if match else None


def issuer_after(text: str, folded: str, pos: int) -> tuple[str, int] | None:
    """"của Ban Thường vụ Tỉnh ủy" right after `pos` → ("Ban Thường vụ Tỉnh ủy", end)."""
    lead = _OF.match(folded, pos)
    if lead is None:
        return None
    words: list[tuple[int, int]] = []
    cursor = lead.end()
    meeting = _MEETING.match(folded, cursor)
    if meeting is not None:
        cursor = meeting.end()
    while len(words) < _MAX_ISSUER_WORDS:
        match = _WORD.match(folded, cursor)
        if match is None or (words and _stops(text, folded, match)):
            break
        words.append(match.span())
        cursor = match.end()
        spaces = re.match(r"[ \t]+", folded[cursor:])
        if spaces is None:
            break
        cursor += spaces.end()
    if not words:
        return None
    name = text[words[0][0] : words[-1][1]]
    folded_name = folded[words[0][0] : words[-1][1]]
    if not name[:1].isupper() or not folded_name.startswith(_ISSUER_STARTS):
        return None
    return name, words[-1][1]


def _stops(text: str, folded: str, word: re.Match[str]) -> bool:
    """A lower-case function word or verb ends an issuer; "và" only before a non-name."""
    if text[word.start()].isupper():
        return _TYPE_AHEAD.match(folded, word.start()) is not None
    if word.group() == "va":
        after = re.match(r"va\s+(\S)", folded[word.start() : word.start() + 8])
        following = word.start() + (after.start(1) if after else 0)
        return after is None or not text[following].isupper() or bool(
            _TYPE_AHEAD.match(folded, following)
        )
    previous = re.search(r"(\S+)\s+$", text[max(0, word.start() - 30) : word.start()])
    written = text[word.start() : word.end()]
    if word.group() in _STOP_WORDS or not doc_types.org_word(written, previous.group(1) if previous else ""):
        return True
    pair = re.match(r"\S+\s+\S+", folded[word.start() : word.start() + 30])
    return pair is not None and " ".join(pair.group().split()) in _STOP_PAIRS


def title_after(text: str, folded: str, pos: int) -> tuple[str, int] | None:
    """The title given right after `pos`: "về <subject>" up to the clause end, or a quoted name."""
    quoted = _QUOTED.match(folded, pos)
    if quoted is not None:
        return text[quoted.start(1) : quoted.end(1)].strip(), quoted.end()
    lead = _TITLE_LEAD.match(folded, pos)
    if lead is None:
        return None
    stop = _TITLE_END.search(text, lead.end(), lead.end() + _MAX_TITLE)
    end = stop.start() if stop else min(len(text), lead.end() + _MAX_TITLE)
    act = _NEXT_ACT.search(folded, lead.end(), end)
    end = act.start() if act else end
    title = text[lead.end() : end].strip()
    return (title, end) if len(title) >= 3 else None
