"""What a figure counts: the noun phrase right after it ("312 đảng viên mới", "156 tin bài").

In Vietnamese a number is followed by its classifier or unit and the noun ("135 hộ",
"3.500 lượt người", "219,2 m3 rác"). The phrase runs until punctuation, another number, a
name, or a word that starts the rest of the clause (a verb, a preposition). Words are compared
lower-cased with new-style tone marks: folded, "hỗ trợ" would read as "hộ".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.text import normalize_tone_marks
from parsers.textspans import fold_aligned

_JOINED = re.compile(r",[ \t]+")
_JOINS_NEXT = frozenset({"chi", "tin"})
_WORD = re.compile(r"[^\W\d_]+|m[23²³]|km[2²]")
_GAP = re.compile(r"[ \t]+")
MAX_WORDS = 4

# Words that end the counted phrase: the clause goes on with a verb, preposition or conjunction.
_STOP = frozenset({
    "được", "đã", "đang", "sẽ", "vừa", "đạt", "tham", "với", "của", "tại", "ở", "trên", "dưới",
    "trong", "ngoài", "cho", "từ", "đến", "tới", "so", "tăng", "giảm", "là", "có", "và", "hoặc",
    "nhằm", "để", "theo", "về", "bằng", "khi", "sau", "trước", "thuộc", "như", "gồm", "trở",
    "lên", "hơn", "ra", "vào", "cùng", "thì", "mà", "này", "đó", "kia", "nhất", "hiện", "qua",
    "bị", "do", "vì", "nên", "nhưng", "còn", "mỗi", "cũng", "đều", "tiếp", "xây", "hỗ", "thực",
    "nghe", "đăng", "kết", "chiếm", "trực", "xuống", "gần", "khoảng", "hết", "toàn",
    "không", "chưa", "vẫn", "rồi", "đi", "đưa", "tạo", "góp", "giúp", "làm", "phấn"
})
# A time word after the noun starts the period ("97,8% kế hoạch năm 2024").
_TIME_AFTER = frozenset({
    "năm", "tháng", "quý", "ngày", "tuần", "giai", "nhiệm", "đợt"
})
# A phrase may not start with these: time spans, ages, ordinals, pages, slogans ("4 tốt").
_NOT_COUNTED_HEAD = frozenset({
    "năm", "tháng", "ngày", "tuần", "giờ", "phút", "giây", "quý", "thế", "kỷ", "tuổi", "lần",
    "thứ", "trang", "tờ", "tốt", "sạch", "không", "xanh", "an", "giảm", "nhất", "đầu", "cuối",
    "nữa", "khác", "này", "đó", "rưỡi", "mươi", "trăm", "nghìn", "ngàn", "triệu", "tỷ", "vạn",
    "h", "g", "x", "chương", "điều", "khoản", "mục", "tiết", "khóa", "sao"
})
# "ngày công" counts workdays, "tháng lương" months' pay: a time word that names a quantity.
_COUNTED_TIME = ("ngày công", "ngày lao động")
# Words an open label leaves out (folded): they carry no meaning of their own in a key.
_LABEL_STOP = frozenset({"cac", "nhung", "cua", "va", "duoc", "da", "cho", "tai", "o", "tong"})


@dataclass(frozen=True)
class Counted:
    """The counted phrase at [start, end) of the text, its words as written (lower case)."""

    start: int
    end: int
    words: tuple[str, ...]

    @property
    def phrase(self) -> str:
        return " ".join(self.words)

    @property
    def key(self) -> str:
        """A slug of the phrase: tone-folded, stop words dropped ("đảng viên mới" → dang-vien-moi)."""
        return label_key(self.phrase)


def label_key(phrase: str) -> str:
    """Slug of a noun phrase for an indicator key ("Tin, bài" → "tin-bai")."""
    folded = re.findall(r"[a-z0-9]+", fold_aligned(phrase).replace("²", "2").replace("³", "3"))
    kept = [w for w in folded if w not in _LABEL_STOP] or folded
    return "-".join(kept)


def _lower(word: str) -> str:
    return normalize_tone_marks(word.lower())


def counted_after(text: str, pos: int, limit: int) -> Counted | None:
    """The noun phrase a figure ending at `pos` counts, or None when none follows it."""
    gap = _GAP.match(text, pos, limit)
    cursor = gap.end() if gap else pos
    if cursor == pos and pos < limit and text[pos].isalpha() and not _unit_glued(text, pos):
        return None  # "14h", "3D", "5G": a glued letter makes a name or a time, not a count
    start = cursor
    words: list[str] = []
    end = cursor
    while len(words) < MAX_WORDS:
        match = _WORD.match(text, cursor, limit)
        if match is None:
            break
        written = match.group()
        lowered = _lower(written)
        if words and (written[0].isupper() or lowered in _STOP or lowered in _TIME_AFTER):
            break
        if not words and lowered in _STOP:
            return None
        words.append(lowered)
        end = match.end()
        follow = _GAP.match(text, end, limit)
        if follow is None:
            joined = _JOINED.match(text, end, limit)
            if len(words) == 1 and lowered in _JOINS_NEXT and joined is not None:
                cursor = joined.end()  # "24 chi, đảng bộ", "156 tin, bài": one noun in two
                continue
            break
        cursor = follow.end()
    if not words:
        return None
    if _not_counted(words):
        return None
    return Counted(start, end, tuple(words))


def _unit_glued(text: str, pos: int) -> bool:
    """ "219,2m3", "5km", "20ha": a unit written against the number."""
    return re.match(r"(?:m[23²³]?|km[2²]?|ha|kg|tấn)(?![^\W\d_])", text[pos : pos + 4]) is not None


def _not_counted(words: list[str]) -> bool:
    phrase = " ".join(words)
    if any(phrase.startswith(t) for t in _COUNTED_TIME):
        return False
    if words[0] == "cấp" and (len(words) == 1 or words[1] not in _CAP_COUNTED):
        return True  # "chính quyền địa phương 2 cấp", "3 cấp độ": tiers, not things counted
    return words[0] in _NOT_COUNTED_HEAD


# "kiện toàn 12 cấp ủy": a "cấp" word that names bodies, which are counted.
_CAP_COUNTED = frozenset({"ủy", "uỷ"})


def is_stop_word(word: str) -> bool:
    """Whether a lower-case word ends a counted phrase (a verb, preposition, conjunction)."""
    return _lower(word) in _STOP
