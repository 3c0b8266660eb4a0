"""Dates as Vietnamese portals write them: table-driven patterns, Asia/Ho_Chi_Minh, no clock.

`find_dates` lists every date written in a string ("06/01/2020", "Thứ Sáu, 14/10/2020 08:21",
"Đăng ngày 17 - 05 - 2024", "ngày 13 tháng 12 năm 2023", "Chiều 19/12", "2023-02-07T08:30"...).
A year-less match ("Chiều 19/12") keeps `year=None`; the caller supplies the year from other
evidence on the page through `DateMatch.resolve`, never from today's date.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo

VN_TZ = ZoneInfo("Asia/Ho_Chi_Minh")
MIN_YEAR, MAX_YEAR = 1900, 2100
# Publication dates older than this are body history ("15/10/1930"), not when a page was posted.
MIN_PUBLICATION_YEAR = 1995
BYLINE_REST_WORDS = 8  # a byline may carry a name or "Lượt xem: 68", not a sentence

_MONTH_WORDS = {
    # Vietnamese month names ("Tháng Năm 17, 2024" on Vietnamese WordPress themes)
    "một": 1,
    "giêng": 1,
    "hai": 2,
    "ba": 3,
    "tư": 4,
    "bốn": 4,
    "năm": 5,
    "sáu": 6,
    "bảy": 7,
    "tám": 8,
    "chín": 9,
    "mười": 10,
    "mười một": 11,
    "mười hai": 12,
    "chạp": 12,
    # English, for generic news layouts
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sep": 9,
    "sept": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
_VI_MONTH = r"(?P<mw>mười một|mười hai|một|giêng|hai|ba|tư|bốn|năm|sáu|bảy|tám|chín|mười|chạp)"
_EN_MONTH = (
    r"(?P<mw>january|february|march|april|may|june|july|august|september|october|november"
    r"|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
)
_DAYPART = (
    r"(?:sáng|chiều|trưa|tối|đêm|rạng sáng|ngày|hôm|thứ\s*(?:hai|ba|tư|năm|sáu|bảy|[2-7])\s*,?"
    r"|chủ\s*nhật\s*,?)"
)

# A time of day written next to a date: "16:00", "08:21:33", "16h00", "8h", "16 giờ 30 phút",
# optionally "SA"/"CH" (sáng/chiều) or AM/PM.
TIME_RE = re.compile(
    r"(?<![\d/:.])(?P<hh>[01]?\d|2[0-3])\s*(?:(?::|h|giờ)\s*(?P<mi>[0-5]\d)(?::[0-5]\d)?"
    r"(?:\s*phút)?|h(?![a-zà-ỹ])|\s*giờ)(?:\s*(?P<ap>AM|PM|SA|CH)\b)?(?![\d/])",
    re.IGNORECASE,
)
# What may sit between a date and its time: "14/10/2020 08:21", "19/12/2019 - 16:00",
# "17/05/2024 | 08:30", "17/05/2024, lúc 08:30"; or before it: "08:21 14/10/2020", "16h ngày …".
_GAP_AFTER = re.compile(r"\s*(?:[,|\-–]\s*)?(?:lúc|vào lúc|at)?\s*", re.IGNORECASE)
_GAP_BEFORE = re.compile(
    r"\s*(?:[,|\-–]\s*)?(?:(?:thứ\s*(?:hai|ba|tư|năm|sáu|bảy|[2-7])|chủ\s*nhật)\s*[,\-–]?\s*)?"
    r"(?:ngày|,)?\s*$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class DateMatch:
    """One date found in text; `year` is None for a year-less day ("Chiều 19/12")."""

    start: int
    end: int
    day: int
    month: int
    year: int | None
    hour: int | None = None
    minute: int | None = None
    kind: str = ""

    def resolve(self, year: int | None = None, before: date | None = None) -> datetime | None:
        """The aware datetime; a year-less match takes `year`, or the last year not after `before`."""
        chosen = self.year
        if chosen is None and before is not None:
            chosen = before.year
            if _valid(chosen, self.month, self.day) and date(chosen, self.month, self.day) > (
                before + timedelta(days=2)
            ):
                chosen -= 1  # "Chiều 30/12" on a page dated 03/01 belongs to the year before
        if chosen is None:
            chosen = year
        if chosen is None or not _valid(chosen, self.month, self.day):
            return None
        return datetime(
            chosen, self.month, self.day, self.hour or 0, self.minute or 0, tzinfo=VN_TZ
        )


def _valid(year: int, month: int, day: int) -> bool:
    if not (MIN_YEAR <= year <= MAX_YEAR and 1 <= month <= 12 and 1 <= day <= 31):
        return False
    try:
        date(year, month, day)
    except ValueError:
        return False
    return True


def _month(m: re.Match[str]) -> int:
    groups = m.groupdict()
    if groups.get("m"):
        return int(groups["m"])
    return _MONTH_WORDS.get(" ".join((groups.get("mw") or "").lower().split()), 0)


def _year(m: re.Match[str]) -> int | None:
    raw = m.groupdict().get("y")
    return int(raw) if raw else None


@dataclass(frozen=True)
class _Pattern:
    kind: str
    regex: re.Pattern[str]
    has_time: bool = False


def _p(kind: str, pattern: str, has_time: bool = False) -> _Pattern:
    return _Pattern(kind, re.compile(pattern, re.IGNORECASE), has_time)


# Order matters: earlier patterns win where matches overlap.
PATTERNS: tuple[_Pattern, ...] = (
    _p(
        "iso",
        r"(?<!\d)(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?:[T ](?P<hh>\d{1,2}):"
        r"(?P<mi>\d{2})(?::\d{2}(?:\.\d+)?)?(?P<tz>Z|[+-]\d{2}:?\d{2})?)?(?![\d-])",
        True,
    ),
    _p("words", r"ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s*(?:năm|,)\s*(?P<y>\d{4})"),
    _p(
        "words",
        r"(?<!\d)(?P<d>\d{1,2})\s+tháng\s+(?:(?P<m>\d{1,2})|"
        + _VI_MONTH
        + r")\s*(?:năm|,)?\s*(?P<y>\d{4})(?!\d)",
    ),
    _p(
        "words",
        r"tháng\s+(?:(?P<m>\d{1,2})|" + _VI_MONTH + r")\s+(?P<d>\d{1,2}),?\s+(?P<y>\d{4})(?!\d)",
    ),
    _p(
        "dmy",
        r"(?<![\d/.])(?P<d>\d{1,2})\s*(?P<sep>[/.\-])\s*(?P<m>\d{1,2})\s*(?P=sep)\s*"
        r"(?P<y>\d{4})(?![\d/])",
    ),
    _p("english", r"\b" + _EN_MONTH + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})\b"),
    _p("english", r"\b(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+" + _EN_MONTH + r",?\s+(?P<y>\d{4})\b"),
    # Year-less: only after a part-of-day word, never a bare "3/5" (a ratio, a share).
    _p(
        "dayonly",
        r"\b" + _DAYPART + r"\s+(?:ngày\s+)?(?:\(?\s*)?(?P<d>\d{1,2})\s*[/\-]\s*"
        r"(?P<m>\d{1,2})(?![\d/\-])",
    ),
)


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) meets a span of `spans`, which are sorted and disjoint: only the
    neighbours of its place need a look (a page of 5,000 dates stays linear)."""
    at = bisect.bisect_left(spans, (start, end))
    before = at > 0 and spans[at - 1][1] > start
    return before or (at < len(spans) and spans[at][0] < end)


def _time_near(text: str, start: int, end: int) -> tuple[int | None, int | None, int, int]:
    """A time written right after (or right before) the date span, and the widened span."""
    gap = _GAP_AFTER.match(text, end)
    if gap is not None:
        tm = TIME_RE.match(text, gap.end())
        if tm is not None:
            return (*_clock(tm), start, tm.end())
    window_start = max(0, start - 40)
    for tm in TIME_RE.finditer(text, window_start, start):
        if _GAP_BEFORE.fullmatch(text, tm.end(), start):
            return (*_clock(tm), tm.start(), end)
    return None, None, start, end


def _clock(tm: re.Match[str]) -> tuple[int, int]:
    hour = int(tm.group("hh"))
    minute = int(tm.group("mi") or 0)
    marker = (tm.group("ap") or "").upper()
    if marker in ("PM", "CH") and hour < 12:
        hour += 12
    elif marker in ("AM", "SA") and hour == 12:
        hour = 0
    return hour, minute


def find_dates(text: str) -> list[DateMatch]:
    """Every date written in `text`, in reading order, each with its time of day when given."""
    return list(_find_dates(text))


@lru_cache(maxsize=1024)  # a byline candidate is read for dates several times over
def _find_dates(text: str) -> tuple[DateMatch, ...]:
    found: list[DateMatch] = []
    spans: list[tuple[int, int]] = []
    for pattern in PATTERNS:
        for m in pattern.regex.finditer(text):
            if _overlaps(spans, m.start(), m.end()):
                continue
            month, day, year = _month(m), int(m.group("d")), _year(m)
            if pattern.kind == "dmy" and month > 12 >= day:
                month, day = day, month  # "05/14/2024": month first is the only valid reading
            if not _valid(year or 2000, month, day):
                continue
            hour, minute, start, end = (
                _embedded_time(m) if pattern.has_time else (None, None, m.start(), m.end())
            )
            if hour is None:
                hour, minute, start, end = _time_near(text, m.start(), m.end())
            bisect.insort(spans, (m.start(), m.end()))
            found.append(DateMatch(start, end, day, month, year, hour, minute, pattern.kind))
    found.sort(key=lambda d: d.start)
    return tuple(found)


def _embedded_time(m: re.Match[str]) -> tuple[int | None, int | None, int, int]:
    if not m.groupdict().get("hh"):
        return None, None, m.start(), m.end()
    return int(m.group("hh")), int(m.group("mi")), m.start(), m.end()


def parse_date(text: str, year: int | None = None) -> datetime | None:
    """The first date in `text` that resolves (year-less ones only when `year` is given)."""
    for match in find_dates(text):
        value = match.resolve(year)
        if value is not None:
            return value
    return None


_ISO_DATE = re.compile(r"^\s*\d{4}-\d{1,2}-\d{1,2}")


def parse_iso_datetime(value: str) -> datetime | None:
    """A machine date from meta tags or JSON-LD; naive values are taken as Vietnam time."""
    raw = value.strip()
    if not _ISO_DATE.match(raw):
        return parse_date(raw)
    raw = re.sub(r"\s+", "T", raw, count=1) if re.match(r"^\S+\s+\d", raw) else raw
    raw = raw.replace("Z", "+00:00").replace("z", "+00:00")
    raw = re.sub(r"([+-]\d{2})(\d{2})$", r"\1:\2", raw)
    try:
        parsed = datetime.fromisoformat(raw)
    except ValueError:
        return parse_date(value)
    if not MIN_YEAR <= parsed.year <= MAX_YEAR:
        return None
    if parsed.tzinfo is None:
        return parsed.replace(tzinfo=VN_TZ)
    return parsed.astimezone(VN_TZ)


_URL_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(
        r"/(?P<y>(?:19|20)\d{2})-(?P<m>\d{1,2})-(?P<d>\d{1,2})/"
    ),  # SharePoint /Pages/2023-2-7/
    re.compile(r"/(?P<y>(?:19|20)\d{2})/(?P<m>\d{1,2})/(?P<d>\d{1,2})/"),  # /2024/05/17/slug
    re.compile(r"[/_\-](?P<y>(?:19|20)\d{2})(?P<m>[01]\d)(?P<d>[0-3]\d)(?:\d{4,6})?(?=[/._\-]|$)"),
)
_URL_YEAR = re.compile(r"/(?P<y>(?:19|20)\d{2})/(?:(?P<m>\d{1,2})/)?")


def date_from_url(url: str) -> datetime | None:
    """The date a URL carries in its path (SharePoint "/Pages/2023-2-7/", "/2024/05/17/")."""
    path = url.split("?", 1)[0].split("#", 1)[0]
    for pattern in _URL_PATTERNS:
        for m in pattern.finditer(path):
            year, month, day = int(m.group("y")), int(m.group("m")), int(m.group("d"))
            if year >= MIN_PUBLICATION_YEAR and _valid(year, month, day):
                return datetime(year, month, day, tzinfo=VN_TZ)
    return None


def year_from_url(url: str) -> int | None:
    """A year path segment ("/2019/12/slug") when the URL has no full date."""
    full = date_from_url(url)
    if full is not None:
        return full.year
    m = _URL_YEAR.search(url.split("?", 1)[0])
    if m is None or int(m.group("y")) < MIN_PUBLICATION_YEAR:
        return None
    return int(m.group("y"))


_WEEKDAY = (
    r"(?:thứ\s*(?:hai|ba|tư|năm|sáu|bảy|bẩy|[2-7])|chủ\s*nhật|t[2-7]|cn|monday|tuesday|"
    r"wednesday|thursday|friday|saturday|sunday|mon|tue|wed|thu|fri|sat|sun)\b"
)
_DATE_LABELS = re.compile(
    r"(?:ngày\s+(?:đăng|cập nhật|xuất bản|ban hành|tạo)|cập\s*nhật(?:\s*lúc)?|đăng\s*(?:ngày|lúc)?"
    r"|xuất\s*bản|thời\s*gian(?:\s*đăng)?|posted(?:\s*on)?|published(?:\s*on)?|updated|"
    r"ngày|lúc|sáng|chiều|trưa|tối|date|gmt\s*[+-]?\s*\d*|\(?gmt[+-]\d+\)?|" + _WEEKDAY + r")",
    re.IGNORECASE,
)
_FILLER = re.compile(r"[\s,|:;/\-–—()\[\]·•.]+")


def strip_dates(text: str) -> str:
    """`text` without its dates, times, weekdays and date labels ("Đăng ngày", "Cập nhật")."""
    out, last = [], 0
    for match in find_dates(text):
        out.append(text[last : match.start])
        last = match.end
    out.append(text[last:])
    rest = TIME_RE.sub(" ", "".join(out))
    rest = _DATE_LABELS.sub(" ", rest)
    return _FILLER.sub(" ", rest).strip()


@lru_cache(maxsize=1024)
def is_byline_line(text: str) -> bool:
    """A short line that states a date among a few labels, a name, a counter or a section
    ("Đăng lúc 16h30 ngày 10/02/2023 | Chuyên mục: Góp ý")."""
    if len(text) > 160:
        return False
    found = find_dates(text)
    if not found or _is_sentence(text):
        return False
    if len(strip_dates(text).split()) <= BYLINE_REST_WORDS:
        return True
    return found[0].start <= 30 and "|" in text


def _is_sentence(text: str) -> bool:
    """Prose that opens with a date: "Sáng 3/4, huyện ra quân." (a clause after the comma, a
    full stop at the end), which no byline is."""
    if not text.endswith(".") or text.endswith("./."):
        return False
    comma = text.find(", ")
    return comma > 0 and text[comma + 2 : comma + 3].islower()


def is_date_line(text: str, slack: int = 0) -> bool:
    """True for a line that is a date and little else ("Thứ Sáu, 14/10/2020 08:21")."""
    if len(text) > 80 or not find_dates(text):
        return False
    return len(strip_dates(text)) <= slack
