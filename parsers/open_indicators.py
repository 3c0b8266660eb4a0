"""Figures of any kind, not only those the dictionary lists: the value and what it counts.

"135 hộ", "156 tin bài", "tiếp 1.200 lượt công dân" → a count keyed by the counted phrase
("ho", "tin-bai", "luot-cong-dan"); "đạt 97,8% kế hoạch", "tỷ lệ hộ nghèo còn 3,2%" → a share
keyed "ty-le-…" by what it is a share of. The dictionary's synonyms turn known phrases into
their indicator key, so "đảng viên mới" in any article is party-members-admitted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from core.text import normalize_tone_marks
from parsers.counted import Counted, counted_after, label_key
from parsers.figure_traps import not_a_figure
from parsers.indicator_dictionary import IndicatorDictionary
from parsers.numbers import NumberMatch

_PER_UNIT = re.compile(r"[ \t]?/[ \t]?[^\W\d_]")
_SHARE_OF = re.compile(r"(?:tỷ lệ|tỉ lệ)(?:[ \t]+[^\W\d_]+){0,6}")
_SHARE_END = re.compile(
    r"[ \t]+(?:đạt|là|còn|chiếm|ở|giảm|tăng|bằng|đến|lên|xuống|trên|dưới|khoảng|gần|hơn|được|"
    r"đã|có|với|của|trong|tại|năm|quý|tháng)(?!\w)"
)
# "tổng số đảng viên là 312": what is counted named before the figure, after "số".
_NAMED_BEFORE = re.compile(
    r"(?<!\w)(?:tổng số|số lượng|số)[ \t]+((?:[^\W\d_]+[ \t]+){0,3}[^\W\d_]+)"
    r"[ \t]*(?:là|đạt|có|:|lên|tới|đến)[ \t]*(?:(?:khoảng|gần|hơn|trên|tới)[ \t]+)?$"
)
_BEING = re.compile(r"[ \t]+(?:là|thuộc)(?!\w)", re.IGNORECASE)
_TIME_WORDS = frozenset({
    "năm", "tháng", "quý", "ngày", "tuần", "đầu", "cuối", "giai", "đoạn", "nhiệm", "kỳ"
})
_DEMONSTRATIVES = frozenset({"này", "đó", "kia", "trên", "ấy"})
_SUBJECT_WORDS = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class OpenFigure:
    """An open-vocabulary figure: key, label and unit, and where its phrase ends."""

    key: str
    label: str
    unit: str
    end: int


def open_figure(
    text: str, number: NumberMatch, clause: tuple[int, int], dictionary: IndicatorDictionary,
    context: str = "",
) -> OpenFigure | None:
    """The figure `number` reports with what it counts, or None when it reports nothing."""
    if not_a_figure(text, number.start, number.end, number.raw.split("/")[0].strip()) is not None:
        return None
    if _PER_UNIT.match(text, number.end):
        return None  # "3%/năm", "14,5 tiêu chí/xã": a rate or an average
    if number.kind == "percent":
        return _share(text, number, clause, dictionary, context)
    counted = counted_after(text, number.end, clause[1])
    if counted is None:
        if number.kind != "count":
            return None
        named = _NAMED_BEFORE.search(normalize_tone_marks(text[clause[0] : number.start].lower()))
        if named is None:
            return _breakdown(text, number, dictionary, context)
        phrase = named.group(1)  # "tổng số đảng viên là 312", "số hộ nghèo: 135"
        if set(phrase.split(" ")) & _DEMONSTRATIVES:
            return None  # "con số này là 205": what it counts is in another sentence
        return _keyed(phrase, phrase.split(" ")[0], number.end, dictionary, context)
    per = _PER_UNIT.match(text, counted.end)
    if per is not None:
        rate = _PER_TIME.match(text, counted.end)
        area = _PER_AREA.match(text, counted.end)
        if area is not None and counted.words in _YIELD_UNITS:
            # "năng suất ước 52 tạ/ha": a crop's yield per hectare is the reported figure
            lead = text.rfind(",", clause[0], number.start) + 1  # "…, năng suất ước 52 tạ/ha"
            what = _subject(text, number, (max(lead, clause[0]), clause[1])) or counted.phrase
            return _keyed(what, counted.words[0] + "/ha", area.end(), dictionary, context)
        if rate is None:
            return _support_level(text, number, counted, clause, dictionary, context)
        # "thu nhập bình quân đạt 42,5 triệu đồng/người/năm", "3,6 tấn/ngày": a rate reported
        what = _subject(text, number, clause) if counted.words[-1] == "đồng" else counted.phrase
        unit = counted.words[-1] + rate.group().replace(" ", "")
        return _keyed(what or counted.phrase, unit, rate.end(), dictionary, context)
    if len(counted.words) == 1 and _MEASURED_BY.search(
        normalize_tone_marks(text[max(clause[0], number.start - 20) : number.start].lower())
    ):
        # "sản lượng lương thực đạt 21.300 tấn", "thu ngân sách đạt 45,6 tỷ đồng": a bare unit
        # after "đạt" measures what the clause names before it
        what = _subject(text, number, clause)
        if what:
            unit = counted.words[0]
            return _keyed(what if unit == "đồng" else f"{what} {unit}", unit, counted.end, dictionary, context)
    return _keyed(counted.phrase, _unit(counted), counted.end, dictionary, context)


# "kỷ luật 19 đảng viên (khiển trách 13, cảnh cáo 4, khai trừ 2)": the parts of a count, each a
# few words and a bare number, in brackets right after it, or after ", trong đó" in the same
# clause ("kỷ luật 21 đảng viên, trong đó khiển trách 13, cảnh cáo 5"); they count what it counts.
_BREAKDOWN_ITEM = re.compile(r"(?:\(|,)[ \t]*((?:[^\W\d_]+[ \t]+){1,4})$")
_BREAKDOWN_OPEN = re.compile(
    r"(?<![\d.,])(\d[\d.,]*)[ \t]+[^\W\d_]+(?:[ \t]+[^\W\d_]+){0,3}[ \t]*"
    r"(?:\([^()\n]*|,[ \t]*trong đó[ \t]*:?[^()\n;:.]*)$"
)
_IN_WHICH = re.compile(r"^trong đó[ \t]+")
_BREAKDOWN_AFTER = re.compile(r"[ \t]*[,;)]")


def _breakdown(
    text: str, number: NumberMatch, dictionary: IndicatorDictionary, context: str
) -> OpenFigure | None:
    """A bare number that is one part of a bracketed breakdown of the count before it."""
    if _BREAKDOWN_AFTER.match(text, number.end) is None:
        return None
    before = text[max(0, number.start - 120) : number.start]
    item = _BREAKDOWN_ITEM.search(before)
    whole = _BREAKDOWN_OPEN.search(before)
    if item is None or whole is None:
        return None
    offset = max(0, number.start - 120)
    counted = counted_after(text, offset + whole.end(1), offset + len(before))
    if counted is None:
        return None
    words = _IN_WHICH.sub("", normalize_tone_marks(item.group(1).strip().lower()))
    if not words:
        return None
    return _keyed(f"{counted.phrase} {words}", _unit(counted), number.end, dictionary, context)


# "mức hỗ trợ 60 triệu đồng/nhà xây mới và 30 triệu đồng/nhà sửa chữa": an amount granted
# per unit is a reported level; a price or an average ("15.000 đồng/người") is not.
_SUPPORT = re.compile(r"(?<!\w)(?:mức hỗ trợ|hỗ trợ|trợ cấp|định mức|mức chi|mức thưởng)(?!\w)")
_PER_WORDS = re.compile(r"[ \t]?/[ \t]?([^\W\d_]+(?:[ \t]+[^\W\d_]+){0,2})")
_PER_STOP = frozenset({"và", "hoặc", "với", "cho", "của", "tại", "trong", "năm", "tháng"})


def _support_level(
    text: str, number: NumberMatch, counted: Counted, clause: tuple[int, int],
    dictionary: IndicatorDictionary, context: str,
) -> OpenFigure | None:
    """A money amount per unit ("60 triệu đồng/nhà") granted as support, or None."""
    if counted.words[-1] != "đồng":
        return None  # "14,5 tiêu chí/xã": an average
    before = normalize_tone_marks(text[max(clause[0], number.start - 80) : number.start].lower())
    support = next(reversed(list(_SUPPORT.finditer(before))), None)
    per = _PER_WORDS.match(text, counted.end, clause[1])
    if support is None or per is None:
        return None  # "20.000 đồng/người": a price
    words: list[str] = []
    end = counted.end
    for word in _SUBJECT_WORDS.finditer(text, per.start(1), per.end(1)):
        lowered = normalize_tone_marks(word.group().lower())
        if lowered in _PER_STOP:
            break
        words.append(lowered)
        end = word.end()
    if not words:
        return None
    return _keyed(f"{support.group()} {' '.join(words)}", f"đồng/{words[0]}", end, dictionary, context)


_PER_AREA = re.compile(r"[ \t]?/[ \t]?ha(?!\w)")
_YIELD_UNITS = frozenset({("tạ",), ("tấn",), ("kg",)})
_MEASURED_BY = re.compile(r"(?<!\w)(?:đạt|là|ở mức)(?:[ \t]+(?:khoảng|gần|hơn|trên|tới))?[ \t]*$")
_PER_TIME = re.compile(r"(?:[ \t]?/[ \t]?(?:người|hộ|lao động))?[ \t]?/[ \t]?(?:năm|tháng|ngày)(?!\w)")


def _subject(text: str, number: NumberMatch, clause: tuple[int, int]) -> str:
    """The last words before a figure that name what it measures ("thu nhập bình quân")."""
    words = _SUBJECT_WORDS.findall(normalize_tone_marks(text[clause[0] : number.start].lower()))
    while words and (words[-1] in _VERBS_BEFORE_SHARE or words[-1] in _TIME_WORDS):
        words.pop()
    return " ".join(words[-6:])


def _keyed(
    phrase: str, unit: str, end: int, dictionary: IndicatorDictionary, context: str
) -> OpenFigure | None:
    key = label_key(phrase)
    if not key:
        return None
    known = dictionary.canonical(key, context)
    if known is not None:
        return OpenFigure(known.key, known.label, known.unit, end)
    return OpenFigure(key, phrase, unit, end)


def _unit(counted: Counted) -> str:
    return counted.words[0] if len(counted.words) > 1 and counted.words[0] in _CLASSIFIERS else counted.phrase


_CLASSIFIERS = frozenset({
    "lượt", "người", "hộ", "cái", "chiếc", "con", "căn", "ngôi", "cây", "km", "ha", "m", "m2",
    "m3", "tấn", "kg", "tạ", "đồng", "triệu", "tỷ", "buổi", "cuộc", "lớp", "bài", "tin", "đợt",
    "lần", "tổ", "đoàn", "điểm", "mô", "hình", "công", "trình", "suất", "phần", "bộ"
})


def _share(
    text: str, number: NumberMatch, clause: tuple[int, int], dictionary: IndicatorDictionary,
    context: str,
) -> OpenFigure | None:
    """ "đạt 97,8% kế hoạch" (what follows), else "tỷ lệ hộ nghèo còn 3,2%" (what precedes)."""
    after = counted_after(text, number.end, clause[1])
    being = _BEING.match(text, number.end, clause[1])
    if after is None and being is not None:
        after = counted_after(text, being.end(), clause[1])  # "62% là đồng bào dân tộc Tày"
    if after is not None and not after.phrase.startswith(("so ", "cùng")):
        return _keyed("tỷ lệ " + after.phrase, "%", after.end, dictionary, context)
    before = normalize_tone_marks(text[clause[0] : number.start].lower())
    share = next(reversed(list(_SHARE_OF.finditer(before))), None)  # the last "tỷ lệ …"
    if share is not None:
        phrase = share.group()
        cut = _SHARE_END.search(phrase)
        phrase = phrase[: cut.start()] if cut else phrase
        return _keyed(phrase, "%", number.end, dictionary, context)
    growth = _GROWTH.search(before)
    if growth is not None:  # "GRDP ước tăng 7,3%": the growth rate of what is named
        what = "grdp" if "grdp" in growth.group() else growth.group(1)  # "tổng sản phẩm … (GRDP)"
        return _keyed(f"tốc độ tăng {what}", "%", number.end, dictionary, context)
    subject = _SUBJECT_WORDS.findall(before)
    while subject and (subject[-1] in _VERBS_BEFORE_SHARE or subject[-1] in _TIME_WORDS):
        subject.pop()
    if not subject:
        return None
    return _keyed("tỷ lệ " + " ".join(subject[-5:]), "%", number.end, dictionary, context)


_GROWTH = re.compile(
    r"(?<!\w)(grdp|tổng sản phẩm|giá trị (?:tổng )?sản xuất|nền kinh tế)(?:[^,;\d]{0,40}?[ \t(])?"
    r"tăng(?:[ \t]+(?:khoảng|gần|hơn|trên))?[ \t]*$"
)


_VERBS_BEFORE_SHARE = frozenset(
    ["ước", "đạt", "là", "còn", "chiếm", "ở", "mức", "bằng", "lên", "xuống", "trên", "dưới", "khoảng", "gần", "hơn", "được", "đã", "có", "với", "tới", "đến"]
)
