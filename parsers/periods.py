"""Dates and reporting periods in Vietnamese prose, as labels that sort and compare.

Labels: "2019" (year), "2020-Q3" (quarter), "2024-6M" / "2024-9M" (first N months),
"2024-H2" (last six months), "2024-YTD" (since the start of the year), "2023-06" (month),
"2023-03-25" (day), "2020-2025" (term or stage). A phrase without a year ("quý III",
"9 tháng đầu năm", "năm qua") is resolved against the text around it and the article's date.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from core.text import normalize_tone_marks
from parsers.textspans import SpanSet, fold_aligned

_YEAR = r"((?:19|20)\d{2})"
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_MONTH_COUNT_WORDS = {"ba": 3, "sau": 6, "chin": 9, "muoi hai": 12}

# Patterns run on the folded text (lower case, no tone marks, đ→d), offsets equal the original's.
DATE_NUMERIC = re.compile(
    r"(?<![\d/.,])(\d{1,2})\s?([/.\-])\s?(\d{1,2})\s?\2\s?" + _YEAR + r"(?![\d/])"
)
DATE_WORDS = re.compile(r"(?<!\d)(\d{1,2})\s+thang\s+(\d{1,2})\s*,?\s+nam\s+" + _YEAR + r"(?!\d)")
DATE_NO_YEAR = re.compile(
    r"\b(?:ngay|sang|chieu|toi|trua|dem|hom)\s+(?:ngay\s+)?(\d{1,2})\s?/\s?(\d{1,2})(?![\d/])"
)
TERM = re.compile(
    r"(?<![\d/.])" + _YEAR + r"\s?[-–—]\s?" + _YEAR + r"(?![\d/])"
)
# "Tết Ất Tỵ", "Tết Nguyên đán Giáp Thìn": the lunar year names the year its Tết falls in.
LUNAR = re.compile(
    r"\btet\s+(?:nguyen\s+dan\s+)?(giap|at|binh|dinh|mau|ky|canh|tan|nham|quy)\s+"
    r"(ty|suu|dan|mao|meo|thin|ngo|mui|than|dau|tuat|hoi)\b"
)
_STEMS = ("canh", "tan", "nham", "quy", "giap", "at", "binh", "dinh", "mau", "ky")  # year % 10
_BRANCHES = ("thân", "dậu", "tuất", "hợi", "tý", "sửu", "dần", "mão", "thìn", "tỵ", "ngọ", "mùi")


def lunar_year(stem: str, branch: str, near: int) -> int | None:
    """The year of the lunar year (stem folded, branch with tone marks: Tý ≠ Tỵ) nearest `near`."""
    branch = {"mẹo": "mão"}.get(branch, branch)
    if stem not in _STEMS or branch not in _BRANCHES:
        return None
    candidates = [y for y in range(near - 30, near + 31)
                  if y % 10 == _STEMS.index(stem) and y % 12 == _BRANCHES.index(branch)]
    return min(candidates, key=lambda y: abs(y - near)) if candidates else None


# "từ năm 2022 đến hết năm 2024": a stretch of years, labelled like a term.
YEAR_RANGE = re.compile(
    r"\btu\s+(?:nam\s+)?" + _YEAR + r"\s+(?:den|toi)\s+(?:het\s+)?(?:nam\s+)?" + _YEAR + r"(?!\d)"
)
QUARTER = re.compile(
    r"\bquy\s+(iv|i{1,3}|[1-4])\b(?:\s*(?:/|nam|-)\s*" + _YEAR + r")?(?!\d)"
)
MONTHS = re.compile(
    r"\b(\d{1,2}|ba|sau|chin)\s+thang\s+(dau|cuoi)\s+nam(?:\s*/?\s*" + _YEAR + r")?(?!\d)"
    r"|\b(\d{1,2}|ba|sau|chin)\s+thang\s+(?:nam\s+)" + _YEAR + r"(?!\d)"
)
MONTH = re.compile(r"\bthang\s+(\d{1,2})\s*(?:/|nam|-)\s*" + _YEAR + r"(?!\d)")
YTD = re.compile(r"\btu\s+dau\s+nam(?:\s+" + _YEAR + r")?\s+(?:den|toi)\s+nay\b")
YEAR = re.compile(r"\bnam\s+" + _YEAR + r"(?![\d/\-–])")
# "nhiệm kỳ qua", "trong nhiệm kỳ": the five-year term the article's year falls in.
TERM_WORD = re.compile(
    r"\bnhiem\s+ky(?:\s+(?:vua\s+qua|qua|nay))?(?!\s*(?:\d|dai\s+hoi|[a-z]+\s+\d))(?!\w)"
)
LAST_YEAR = re.compile(r"\bnam\s+(?:vua\s+)?qua\b|\bnam\s+nay\b")
_AS_OF = re.compile(r"(?:den|toi)(?:\s+het)?\s+$")
_COUNT_BEFORE = re.compile(r"\d\s*$")  # "5 năm qua" is a span of years, not last year


@dataclass(frozen=True)
class PeriodMatch:
    """A period phrase at [start, end); `year` None means "take the year from context"."""

    start: int
    end: int
    kind: str  # year | quarter | months | month | ytd | day | term | this-term | last-year | this-year
    year: int | None
    detail: str = ""  # quarter "3", months "9M", month "06", day "03-25", term "2020-2025"

    def label(self, context_year: int | None) -> str | None:
        """The period label, taking the year from `context_year` when the phrase has none."""
        if self.kind == "term":
            return self.detail
        year = self.year if self.year is not None else context_year
        if year is None:
            return None
        if self.kind == "this-term":
            return term_of(year)
        if self.kind == "lunar":
            stem, _, branch = self.detail.partition(" ")
            found = lunar_year(stem, branch, year)
            return str(found) if found is not None else None
        if self.kind in ("year", "last-year", "this-year"):
            return str(year)
        if self.kind == "quarter":
            return f"{year}-Q{self.detail}"
        if self.kind in ("months", "month", "day"):
            return f"{year}-{self.detail}"
        if self.kind == "ytd":
            return f"{year}-YTD"
        return str(year)

    @property
    def has_year(self) -> bool:
        return self.year is not None or self.kind == "term"


def term_of(year: int) -> str:
    """The five-year Party term a year belongs to; a congress year closes a term (2025 → 2020-2025)."""
    end = -(-year // 5) * 5
    return f"{end - 5}-{end}"


def _valid_day(day: int, month: int, year: int) -> bool:
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def find_dates(text: str) -> list[tuple[int, int, date]]:
    """Full dates ("24/11/2020", "25-10-2017", "13 tháng 12 năm 2023") with their offsets."""
    folded = fold_aligned(text)
    found: list[tuple[int, int, date]] = []
    for match in DATE_NUMERIC.finditer(folded):
        day, month, year = int(match[1]), int(match[3]), int(match[4])
        if _valid_day(day, month, year):
            found.append((match.start(), match.end(), date(year, month, day)))
    for match in DATE_WORDS.finditer(folded):
        day, month, year = int(match[1]), int(match[2]), int(match[3])
        if _valid_day(day, month, year):
            found.append((match.start(), match.end(), date(year, month, day)))
    return sorted(found)


_DATE_AFTER = re.compile(
    r"\s*(?:,|\()?\s*(?:ban hanh\s+|ky\s+|cung\s+)?(?:vao\s+)?ngay\s+(?=\d)"
)


def date_after(text: str, folded: str, pos: int) -> tuple[date, int] | None:
    """The date written right after `pos` ("…, ngày 24/11/2020"), and where it ends."""
    lead = _DATE_AFTER.match(folded, pos)
    if lead is None:
        return None
    for pattern in (DATE_NUMERIC, DATE_WORDS):
        match = pattern.match(folded, lead.end())
        if match is None:
            continue
        if pattern is DATE_NUMERIC:
            day, month, year = int(match[1]), int(match[3]), int(match[4])
        else:
            day, month, year = int(match[1]), int(match[2]), int(match[3])
        if _valid_day(day, month, year):
            end = match.end()
            if text[end : end + 1] == ")":
                end += 1
            return date(year, month, day), end
    return None


def _months_value(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return _MONTH_COUNT_WORDS.get(word)


def find_periods(text: str, exclude: list[tuple[int, int]] | None = None) -> list[PeriodMatch]:
    """Every period phrase and date in `text`, outside the `exclude` spans, in order."""
    folded = fold_aligned(text)
    taken = SpanSet(exclude or [])
    found: list[PeriodMatch] = []

    def add(match: re.Match[str], kind: str, year: int | None, detail: str = "") -> None:
        if not taken.overlaps(match.start(), match.end()):
            taken.add(match.start(), match.end())
            found.append(PeriodMatch(match.start(), match.end(), kind, year, detail))

    for start, end, when in find_dates(text):
        if not taken.overlaps(start, end):
            taken.add(start, end)
            found.append(PeriodMatch(start, end, "day", when.year, when.strftime("%m-%d")))
    for match in DATE_NO_YEAR.finditer(folded):
        day, month = int(match[1]), int(match[2])
        if 1 <= month <= 12 and _valid_day(day, month, 2000):
            add(match, "day", None, f"{month:02d}-{day:02d}")
    for pattern in (YEAR_RANGE, TERM):
        for match in pattern.finditer(folded):
            if int(match[1]) < int(match[2]):
                add(match, "term", None, f"{match[1]}-{match[2]}")
    for match in MONTHS.finditer(folded):
        _add_months(match, add)
    for match in QUARTER.finditer(folded):
        add(match, "quarter", int(match[2]) if match[2] else None, str(_ROMAN[match[1]]))
    for match in MONTH.finditer(folded):
        if 1 <= int(match[1]) <= 12:
            if _AS_OF.search(folded, max(0, match.start() - 16), match.start()):
                add(match, "year", int(match[2]))  # "tính đến tháng 9/2024": the year so far
            else:
                add(match, "month", int(match[2]), f"{int(match[1]):02d}")
    for match in YTD.finditer(folded):
        add(match, "ytd", int(match[1]) if match[1] else None)
    for match in YEAR.finditer(folded):
        add(match, "year", int(match[1]))
    for match in TERM_WORD.finditer(folded):
        add(match, "this-term", None)
    for match in LUNAR.finditer(folded):
        branch = text[match.start(2) : match.end(2)].lower()
        add(match, "lunar", None, f"{match[1]} {normalize_tone_marks(branch)}")
    for match in LAST_YEAR.finditer(folded):
        if _COUNT_BEFORE.search(folded, max(0, match.start() - 4), match.start()):
            continue
        add(match, "this-year" if match.group().strip().endswith("nay") else "last-year", None)
    return sorted(found, key=lambda p: p.start)


def _add_months(match: re.Match[str], add: Callable[..., None]) -> None:
    if match[1] is not None:
        count, edge, year = _months_value(match[1]), match[2], match[3]
    else:
        count, edge, year = _months_value(match[4]), "dau", match[5]
    if count is None or not 1 <= count <= 12:
        return
    detail = f"{count}M" if edge == "dau" else ("H2" if count == 6 else f"L{count}M")
    add(match, "months", int(year) if year else None, detail)


def relative_year(kind: str, published: date | None) -> int | None:
    """The year "năm qua" (last year early in the year, else this year) or "năm nay" means."""
    if published is None:
        return None
    if kind == "last-year":
        return published.year - 1 if published.month <= 6 else published.year
    return published.year


def period_sort_key(label: str) -> tuple[str, str]:
    """(family, sortable) for a label; only labels of one family are compared."""
    if re.fullmatch(r"\d{4}", label):
        return "year", label
    if re.fullmatch(r"\d{4}-\d{4}", label):
        return "term", label
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", label):
        return "day", label
    if re.fullmatch(r"\d{4}-\d{2}", label):
        return "month", label
    if re.fullmatch(r"\d{4}-Q[1-4]", label):
        return "quarter", label
    match = re.fullmatch(r"(\d{4})-(.+)", label)
    if match:
        return match[2], match[1]
    return "other", label


_TERM_LABEL = re.compile(r"\d{4}-\d{4}")
_FRAMING_CHARS = 40  # a period this close to a sentence's start frames what follows


class PeriodContext:
    """Decides the period of a figure from its clause, sentence, paragraph, text, then date.

    Order: a period in the figure's clause (nearest before it, else after it); elsewhere in
    its sentence; an earlier sentence of its paragraph; an earlier sentence that opens with a
    period ("Năm 2019, …") or says "năm qua"; finally the article's year. A day ("ngày
    25/3/2023") is not a reporting period: it gives its year; a month ("tháng 5/2024") is one
    only in the figure's own sentence.
    """

    def __init__(
        self,
        text: str,
        sentences: list[tuple[int, int, int]],
        exclude: list[tuple[int, int]] | None = None,
        published: date | None = None,
    ) -> None:
        self._sentences = sentences  # (start, end, paragraph)
        self._published = published
        self._headings = _headings(text, sentences)
        self._frames = _list_frames(text, sentences)
        self._by_sentence: list[list[PeriodMatch]] = [[] for _ in sentences]
        self._last_days: list[tuple[PeriodMatch, int] | None] | None = None
        self._presents: dict[int, bool] = {}
        periods = find_periods(text, exclude)
        self.spans = [(p.start, p.end) for p in periods]
        folded = self._folded = fold_aligned(text)
        self._text = text
        self._school_years = {
            p.start for p in periods
            if p.kind == "term" and _SCHOOL_YEAR.search(folded, max(0, p.start - 12), p.start)
        }
        # "Đến cuối năm 2024, tỷ lệ hộ nghèo còn 17,2%", "riêng quý III, …": a point in time
        # or a narrower stretch for one sentence; the sentences after it go back to the period
        # the text reports on ("nhiệm kỳ 2020–2025", "9 tháng năm 2025").
        self._local = {
            p.start for p in periods
            if _LOCAL_BEFORE.search(folded, max(0, p.start - 24), p.start)
        }
        index = 0
        for period in periods:
            if not _reporting(folded, period):
                continue
            while index < len(sentences) and sentences[index][1] <= period.start:
                index += 1
            if index < len(sentences) and sentences[index][0] <= period.start:
                self._by_sentence[index].append(period)

    def period_at(self, sentence: int, pos: int, clause: tuple[int, int]) -> str | None:
        """The period label for a figure at offset `pos` of sentence number `sentence`."""
        own = self._by_sentence[sentence]
        in_clause = [p for p in own if clause[0] <= p.start and p.end <= clause[1]]
        chosen = _choose(in_clause, own, pos)
        if chosen is not None and chosen.kind == "day" and chosen.end <= pos:
            # "Ngày 05/9, 9 trường học khai giảng năm học 2025 - 2026": the school year
            # the figure is counted in, not the day it was reported on
            school = [p for p in in_clause if p.start >= pos and p.start in self._school_years]
            chosen = school[0] if school else chosen
        if chosen is not None:
            return self._label(chosen, sentence, own=True)
        label = self.context_label(sentence)
        framed = self._frames.get(sentence)
        if framed is not None and self._earlier_index(sentence) == framed:
            # "6 tháng đầu năm 2025 …:\n- Tiếp nhận 146 đơn …; đến nay đã giải quyết 129/146
            # đơn": "đến nay" in an item of a list the lead dates is still that period's
            return label
        if label and not label.isdigit() and self._present(sentence):
            # "Đến nay, …", "Hiện trên địa bàn có 1.264 cơ sở lưu trú": a state, not a flow over
            # the quarter or the term an earlier sentence reviewed; it stands in that quarter's
            # year, or (after a term) in the article's year
            if _TERM_LABEL.fullmatch(label):
                return str(self._published.year) if self._published else label
            return label[:4]
        return label

    def _present(self, sentence: int) -> bool:
        """Whether sentence `sentence` speaks of the present ("Đến nay", "hiện có")."""
        if sentence not in self._presents:
            start, end, _paragraph = self._sentences[sentence]
            self._presents[sentence] = bool(
                _UP_TO_NOW.search(self._folded, start, end)
                or _NOW.search(self._text, start, end) or _NOW_OPENING.match(self._text, start, end)
            )
        return self._presents[sentence]

    def meeting_label(self, sentence: int) -> str | None:
        """The year of the meeting a sentence reports on ("Đại hội có 198 đại biểu …", "Dịp
        này, Hội trao 20 suất học bổng"), when the sentence names no period of its own. The
        periods named earlier (a term, "Năm 2024", "9 tháng năm 2025") are what the meeting
        reviews, not when it met: the meeting's year is the one that opens an earlier sentence
        naming the meeting ("Năm 2020, huyện tổ chức Đại hội …"), else that of the last date
        written before it ("Chiều 13/8", "ngày 05/01/2025"), else the article's."""
        if self._by_sentence[sentence]:
            return None
        held = self._meeting_held(sentence)
        if held is not None:
            return str(held)
        if self._last_days is None:
            self._last_days = _last_days(self._by_sentence)
        day = self._last_days[sentence]
        if day is not None:
            period, where = day
            year = period.year if period.year is not None else self._context_year(where, period)
            if year is not None:
                return str(year)
        if self._published is not None:
            return str(self._published.year)
        label = self.context_label(sentence)
        if label is None or not _TERM_LABEL.fullmatch(label):
            return label
        year = self._context_year(sentence, PeriodMatch(0, 0, "year", None))
        return str(year) if year is not None else label

    def _meeting_held(self, sentence: int) -> int | None:
        """The year that opens the nearest earlier sentence naming a meeting ("Năm 2020,
        huyện tổ chức Đại hội …"): when that meeting was held. A year later in it ("Hội nghị
        tổng kết công tác năm 2024") is what the meeting reviews."""
        for index in range(sentence - 1, max(-1, sentence - _MEETING_LOOKBACK), -1):
            start, end, _paragraph = self._sentences[index]
            if _MEETING_WORD.search(self._folded, start, end) is None:
                continue
            opening = [
                p for p in self._by_sentence[index]
                if p.kind in ("year", "day") and p.year is not None and p.start - start <= _OPENING_CHARS
            ]
            return opening[0].year if opening else None
        return None

    def context_label(self, sentence: int) -> str | None:
        """The period the text around sentence `sentence` sets, else the article's year."""
        found = self._earlier(sentence)
        if found is not None:
            period, where = found
            return self._label(period, where, own=False)
        return str(self._published.year) if self._published else None

    def _earlier_index(self, sentence: int) -> int | None:
        found = self._earlier(sentence)
        return found[1] if found is not None else None

    def _earlier(self, sentence: int) -> tuple[PeriodMatch, int] | None:
        paragraph = self._sentences[sentence][2]
        local: tuple[PeriodMatch, int] | None = None  # a point in time, if nothing else frames
        lead = self._frames.get(sentence)
        for index in range(sentence - 1, -1, -1):
            start, _end, para = self._sentences[index]
            candidates = self._by_sentence[index]
            if index == lead:
                # the lead of a list ("Kết quả … giai đoạn 2021–2025 như sau:") dates its
                # items wherever in it the period stands; a phrase before a date it names
                phrases = [p for p in candidates if p.kind != "day" and p.start not in self._local]
                if phrases:
                    return phrases[-1], index
            if para != paragraph and index not in self._headings:
                candidates = [
                    p for p in candidates
                    if p.start - start <= _FRAMING_CHARS or p.kind in ("last-year", "this-year")
                ]
            framing = [p for p in candidates if p.start not in self._local]
            if framing:
                return framing[-1], index
            if candidates and local is None:
                local = candidates[-1], index
        return local

    def _label(self, period: PeriodMatch, sentence: int, own: bool) -> str | None:
        """A day gives its year; so does a month named in another sentence than the figure's."""
        if period.kind == "day" or (period.kind == "month" and not own):
            period = PeriodMatch(period.start, period.end, "year", period.year)
        if period.kind in ("last-year", "this-year"):
            return period.label(relative_year(period.kind, self._published))
        if period.has_year:
            return period.label(None)
        return period.label(self._context_year(sentence, period))

    def _context_year(self, sentence: int, period: PeriodMatch) -> int | None:
        for other in self._by_sentence[sentence]:
            if other is not period and other.year is not None and other.kind != "term":
                return other.year
        found = self._earlier(sentence)
        while found is not None:
            earlier, where = found
            if earlier.kind in ("last-year", "this-year"):
                return relative_year(earlier.kind, self._published)
            if earlier.year is not None:
                return earlier.year
            found = self._earlier(where)
        return self._published.year if self._published else None


def _last_days(by_sentence: list[list[PeriodMatch]]) -> list[tuple[PeriodMatch, int] | None]:
    """For each sentence, the last date written in the sentences before it, and where."""
    found: list[tuple[PeriodMatch, int] | None] = []
    last: tuple[PeriodMatch, int] | None = None
    for index, periods in enumerate(by_sentence):
        found.append(last)
        days = [p for p in periods if p.kind == "day"]
        if days:
            last = (days[-1], index)
    return found


def _headings(text: str, sentences: list[tuple[int, int, int]]) -> set[int]:
    """Sentences that are a short line of their own without a full stop: titles and headings
    ("BIÊN BẢN GIAO BAN … QUÝ III NĂM 2025", "Kết quả 6 tháng đầu năm 2024:"), which frame
    what follows wherever their period stands."""
    found: set[int] = set()
    for index, (start, end, paragraph) in enumerate(sentences):
        alone = all(
            other[2] != paragraph for j, other in enumerate(sentences[max(0, index - 1) : index + 2])
            if j + max(0, index - 1) != index
        )
        line = text[start:end].rstrip()
        if alone and len(line) <= 150 and not line.endswith((".", ";", "!", "?")):
            found.add(index)
    return found


# A list item: a line that opens with a bullet ("-", "+", "•", "–", "*").
_ITEM = re.compile(r"[-+•–*]\s")


def _list_frames(text: str, sentences: list[tuple[int, int, int]]) -> dict[int, int]:
    """For each sentence of a list, the lead that frames it: the last sentence of a line that
    ends with ":" ("Kết quả thực hiện giai đoạn 2021–2025:", "6 tháng đầu năm 2025, …:"),
    followed by lines opening with a bullet. The frame lasts until a line that is not an item
    (the next heading, the prose after the list)."""
    frames: dict[int, int] = {}
    lead: int | None = None
    item_paragraph: int | None = None
    for index, (start, end, paragraph) in enumerate(sentences):
        if lead is not None and paragraph != item_paragraph:
            if paragraph != sentences[index - 1][2] and _ITEM.match(text, start):
                item_paragraph = paragraph
            else:
                lead = item_paragraph = None
        if lead is not None:
            frames[index] = lead
        last_of_line = index + 1 == len(sentences) or sentences[index + 1][2] != paragraph
        if last_of_line and text[start:end].rstrip().endswith(":"):
            lead, item_paragraph = index, None
    return frames


_SCHOOL_YEAR = re.compile(r"\bnam\s+hoc\s+$")
_LOCAL_BEFORE = re.compile(r"(?:\brieng(?:\s+trong)?|(?:\btinh\s+)?\b(?:den|toi)\s+cuoi)\s+$")
# The present, said without a period: "đến nay", "hiện nay", "hiện có", a sentence that opens
# with "Hiện". Matched with tone marks: "thực hiện có", "phát hiện" are other words, and
# folded "hien" would also be "hiến" ("Hiến máu …").
_UP_TO_NOW = re.compile(r"\b(?:tinh\s+)?(?:den|toi)\s+(?:nay|thoi\s+diem\s+nay)\b")
_NOW = re.compile(
    r"(?<!\w)(?<!thực )(?<!phát )(?<!xuất )(?<!thể )(?<!tái )(?<!biểu )(?<!trình )"
    r"hiện\s+(?:nay|tại|có|đang|còn|vẫn)(?!\w)",
    re.IGNORECASE,
)
_NOW_OPENING = re.compile(r"[\W_]*hiện(?!\w)", re.IGNORECASE)
_MEETING_WORD = re.compile(
    r"\b(?:dai\s+hoi|hoi\s+nghi|ky\s+hop|phien\s+hop|cuoc\s+hop|hoi\s+thao|toa\s+dam|buoi\s+le|"
    r"le\s+ky\s+niem|buoi\s+gap\s+mat)\b"
)
_MEETING_LOOKBACK = 4  # sentences back to look for the one that says when the meeting was held
_OPENING_CHARS = 12  # "Năm 2020, …", "Ngày 15/8/2025, …": a period that opens a sentence
# "giảm 4 hộ so với năm 2023": the period compared with, never the figure's own.
_COMPARED = re.compile(r"so\s+voi\s+(?:cung\s+ky\s+)?$")
# "sinh năm 1982", "thành lập năm 1945": a person's or a body's year, not a reporting period.
_BORN = re.compile(r"(?:sinh|thanh\s+lap|ra\s+doi)\s+$")
# "Ban Chấp hành khóa I, nhiệm kỳ 2025 - 2030", "Đại hội lần thứ I, nhiệm kỳ …": a body's term.
_NAMED_TERM = re.compile(r"(?:khoa|lan\s+thu)\s+[ivxlc\d]+\s*,?\s*(?:nhiem\s+ky\s*)?$")


def _reporting(folded: str, period: PeriodMatch) -> bool:
    """Whether a period phrase can be the period of a figure near it."""
    before = folded[max(0, period.start - 30) : period.start]
    if _COMPARED.search(before) or _BORN.search(before):
        return False
    return not (period.kind in ("term", "this-term") and _NAMED_TERM.search(before))


def _choose(in_clause: list[PeriodMatch], own: list[PeriodMatch], pos: int) -> PeriodMatch | None:
    """A period before the figure in its clause; then one after it in the clause (not a
    date); then one before it in the sentence (a period phrase before a date); then a date
    after it in the clause; then anything after it in the sentence. A date written after a
    figure ("… kỷ niệm 95 năm Ngày thành lập Đảng (3/2/1930 - 3/2/2025)") seldom dates it."""
    before = [p for p in in_clause if p.end <= pos]
    if before:
        return before[-1]
    after = [p for p in in_clause if p.start >= pos and p.kind != "day"]
    if after:
        return after[0]
    earlier = [p for p in own if p.end <= pos]
    phrases = [p for p in earlier if p.kind != "day"]
    if phrases or earlier:
        return (phrases or earlier)[-1]
    return _nearest(in_clause, pos) or _nearest(own, pos)


def _nearest(periods: list[PeriodMatch], pos: int) -> PeriodMatch | None:
    before = [p for p in periods if p.end <= pos]
    if before:
        return before[-1]
    after = [p for p in periods if p.start >= pos]
    return after[0] if after else None
