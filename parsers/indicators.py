"""Reported figures in prose: which indicator, what value, for which locality and period.

A figure is a number in the text (numbers.py) that is not part of a directive code, a date,
a year or a phone number. The dictionary's rules decide which known indicator it reports from
the words after it (nouns), before it (verbs) and around it (phrases); a figure no rule claims
is keyed by what it counts (open_indicators.py). The locality is the
commune or district named before it in its clause, else the portal's; the period comes from
periods.PeriodContext.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import replace
from datetime import datetime
from functools import lru_cache

from core.text import normalize_text, normalize_tone_marks
from parsers.counted import is_stop_word, label_key
from parsers.directives import scan_directives
from parsers.indicator_dictionary import Definition, IndicatorDictionary, NounIndex, Rule
from parsers.localities import locality_at
from parsers.numbers import NumberMatch, find_numbers
from parsers.open_indicators import open_figure
from parsers.periods import PeriodContext
from parsers.tables import TableFigure, find_table_figures, table_spans
from parsers.textspans import Sentence, SpanSet, clause_bounds, fold_aligned, sentences
from parsers.types import IndicatorValue

# "tăng 12 mô hình so với năm trước" reports a difference, not a level; "tăng lên 35 mô hình"
# and "giảm còn 12,4%" report the new level.
_DELTA_BEFORE = re.compile(
    r"(?<!\w)(?:tang|giam)(?:\s+(?:them|duoc|bot|hon|khoang|gan|tren))*\s*$"
)
# Targets, plans and requirements before a figure in its clause ("phấn đấu", "bảo đảm 100% …");
# "chương trình mục tiêu quốc gia" names a national programme, not a target.
_TARGET = re.compile(
    r"(?<!\w)(?:phan dau|muc tieu(?!\s+quoc\s+gia)|chi tieu de ra|du kien|de ra muc tieu|yeu cau|"
    r"(?<!da )(?:bao dam|dam bao)|phai\s+(?:co|dat|hoan thanh|bao dam|dam bao))(?!\w)"
)
_PER_UNIT = re.compile(r"\s?/\s?[^\W\d_]")
# Words that report a result in a list item after a target ("…; đã hoàn thành 12 nhà").
_ACHIEVED = re.compile(r"(?<!\w)(?:da|dat|duoc|hoan thanh)(?!\w)")
_LIST_BREAK = re.compile(r";|:(?=\s)")
# "GRDP ước tăng 7,3%", "tổng sản phẩm trên địa bàn tăng 8,1%": the growth rate of the
# economy is the reported figure, not a difference between two figures.
_GROWTH_OF = re.compile(
    r"(?<!\w)(?:grdp|tong san pham|gia tri (?:tong )?san xuat|nen kinh te|toc do)(?!\w)"
)
# A share that qualifies the things counted before it: "12 xã có tỷ lệ hộ nghèo trên 10%".
_THRESHOLD = re.compile(
    r"\d\s+(?:[a-z]+\s+){1,3}(?:co|dat)\s+t[yi]\s+le\b[^\d;]{0,80}?"
    r"(?:duoi|tren|tu|khong\s+qua|chua\s+(?:den|toi|dat)|hon|vuot)\s*$"
)
_KIND_FOR_TAKE = {"value": "count", "numerator": "ratio", "denominator": "ratio", "percent": "percent"}
# A rule only takes a figure of its kind: the other definitions need not be tried.
_TAKES_OF_KIND = {
    kind: frozenset(t for t, k in _KIND_FOR_TAKE.items() if k == kind)
    for kind in set(_KIND_FOR_TAKE.values())
}


def find_indicators(
    text: str,
    published_at: datetime | None = None,
    locality: str | None = None,
    definitions: IndicatorDictionary | None = None,
    open_vocabulary: bool = True,
) -> list[IndicatorValue]:
    """Every reported figure in `text`, each (indicator, locality, period) once, first
    mention first. The dictionary's rules name known indicators; any other figure with a
    counted phrase ("135 hộ") is keyed by that phrase, unless `open_vocabulary` is off."""
    text = normalize_text(text.replace("\t", " | "))  # a tab-separated table reads as "|" cells
    dictionary = definitions or IndicatorDictionary.builtin()
    scan = _Scan(text, published_at, locality, dictionary.noun_index())
    known: list[tuple[int, IndicatorValue]] = []
    opened: list[tuple[int, IndicatorValue]] = []
    for number in scan.numbers:
        figure = scan.figure(number)
        if figure is None or _ahead(figure, published_at):
            continue
        candidates = dictionary.taking(_TAKES_OF_KIND.get(number.kind, frozenset()))
        claimed = [v for d in candidates if (v := figure.match(d)) is not None]
        known += [(number.start, v) for v in claimed]
        if not claimed and open_vocabulary:
            value = figure.open_value(dictionary)
            if value is not None:
                opened.append((number.start, value))
    if open_vocabulary:
        known += [(f.start, _table_value(f, dictionary, locality)) for f in scan.tables]
    # an open figure that repeats a known one of its sentence ("nhận 42 đơn … 36/42 đơn") goes
    stated = {_statement(v) for _, v in known}
    opened = [(at, v) for at, v in opened if _statement(v) not in stated]
    claims = Counter(at for at, _ in known)
    found: dict[tuple[str, str | None, str | None], IndicatorValue] = {}
    where: dict[tuple[str, str | None, str | None], int] = {}
    for at, value in sorted(known + opened, key=lambda item: item[0]):
        earlier = found.get((value.indicator, value.locality, value.period))
        if earlier is not None and (earlier.value != value.value or _other_whole(earlier, value)):
            if claims[at] > 1:
                continue  # another definition claimed this figure too; that claim stands
            part = _part_of(scan.text, at, value, locality)
            if part is not None and _taken(found, part):
                # "1 đảng viên được tặng Huy hiệu 75 năm …, 26 đảng viên được tặng Huy hiệu
                # 30, 40 … năm": the first words after the noun are alike, more tell them apart
                part = _part_of(scan.text, at, value, locality, width=_WIDER)
                part = None if part is None or _taken(found, part) else part
            if part is None:
                continue
            value = part
        where.setdefault((value.indicator, value.locality, value.period), at)
        found.setdefault((value.indicator, value.locality, value.period), value)
    return _without_headline_repeats(scan.text, found, where)


def _other_whole(earlier: IndicatorValue, value: IndicatorValue) -> bool:
    """Whether two ratios of one value are parts of different wholes: "có mặt 31/33 đồng chí"
    and "31/31 đồng chí có mặt tán thành" are two figures, not one said twice."""
    first, second = _RATIO_WHOLE.match(earlier.raw), _RATIO_WHOLE.match(value.raw)
    return first is not None and second is not None and first.group(1) != second.group(1)


_RATIO_WHOLE = re.compile(r"\d[\d.,]*[ \t]?/[ \t]?(\d[\d.,]*)")


def _without_headline_repeats(
    text: str,
    found: dict[tuple[str, str | None, str | None], IndicatorValue],
    where: dict[tuple[str, str | None, str | None], int],
) -> list[IndicatorValue]:
    """The figures, less those of a headline that the body states again: "Đảng bộ xã kết nạp
    19 đảng viên mới" over "Từ đầu năm đến nay, Đảng bộ xã đã kết nạp 19 đảng viên" is one
    figure, whose period the body gives. A headline is a first line without a full stop."""
    end = text.find("\n")
    if end <= 0 or text[:end].rstrip().endswith((".", ":", ";")):
        return list(found.values())
    body = {(v.indicator, v.locality, v.value) for k, v in found.items() if where[k] > end}
    return [
        v for k, v in found.items() if where[k] > end or (v.indicator, v.locality, v.value) not in body
    ]


_PERIOD_YEAR = re.compile(r"(\d{4})")


def _ahead(figure: _Figure, published_at: datetime | None) -> bool:
    """Whether the figure's period starts after the year the article was published: "đến năm
    2026, 100% thôn có tổ công nghệ số" in a 2025 plan is a target, nothing achieved yet."""
    if published_at is None:
        return False
    period = figure.period()
    year = _PERIOD_YEAR.match(period) if period else None
    return year is not None and int(year.group(1)) > published_at.year


_PART = re.compile(r"(?<!\w)(?:trong đó|riêng|gồm|bao gồm|cụ thể)[ \t]+((?:[^\W\d_]+[ \t]+){1,3})$")
_LEAD_WORDS = re.compile(r"[^,;\n]*$")
_WORDS = re.compile(r"[^\W\d_]+")
_TAIL_WORDS = re.compile(r"[ \t]*((?:[^\W_]+[ \t]*){1,8})")


_WIDER = 6  # words a key part may take when the first three do not tell two figures apart


def _taken(found: dict[tuple[str, str | None, str | None], IndicatorValue], value: IndicatorValue) -> bool:
    """Whether another figure with another value already holds `value`'s key."""
    earlier = found.get((value.indicator, value.locality, value.period))
    return earlier is not None and earlier.value != value.value


def _part_of(
    text: str, at: int, value: IndicatorValue, home: str | None, width: int = 3
) -> IndicatorValue | None:
    """A second figure of one key in a text, with another value: the portal's own place
    ("toàn tỉnh có 2.140 …, riêng Bạch Thông có 298"), or another figure keyed by the words
    that tell it apart ("tiếp nhận 1.864 hồ sơ, giải quyết đúng hạn 1.791 hồ sơ" →
    ho-so-giai-quyet-dung-han; "312 mô hình …, trong đó 58 mô hình cấp huyện" → …-cap-huyen).
    None when nothing tells them apart."""
    before = normalize_tone_marks(text[max(0, at - 60) : at].lower())
    part = _PART.search(before)
    if part is not None:
        name = _name(part.group(1))
        if home and name and name == label_key(home.split(",")[0]):
            return replace(value, locality=home)
    lead = _LEAD_WORDS.search(before)
    name = _name(lead.group() if lead else "", last=True, width=width)
    if not name:
        after = text[at + len(value.raw) : at + len(value.raw) + 16 * width]
        tail = _TAIL_WORDS.match(normalize_tone_marks(after.lower()))
        name = _tail_name(tail.group(1) if tail else "", width)
    if not name:
        # "giám sát 31 tổ chức đảng, 58 đảng viên": a list item shares the verb of the first
        verb = _LIST_VERB.search(before)
        name = _name(verb.group(1), last=True, width=width) if verb else ""
    return replace(value, indicator=f"{value.indicator}-{name}") if name else None


# The words before the first figure of the list a figure ends (after the last ";" or break).
_LIST_VERB = re.compile(r"(?:^|[;:\n])[^;:\n\d]*?((?:[^\W\d_]+[ \t]+){1,4})\d[^;:\n]*,[ \t]*$")
_TAIL_TOKEN = re.compile(r"[^\W_]+")


def _tail_name(words: str, width: int = 3) -> str:
    """A key part from the words after a figure's noun ("… đạt 5 sao", "… 4 sao và …"): up to
    the first stop word after a kept one; a number may name a grade ("5 sao")."""
    kept: list[str] = []
    for word in _TAIL_TOKEN.findall(words)[:width]:
        if is_stop_word(word):
            if kept:
                break
            continue
        kept.append(word)
    return label_key(" ".join(kept[:width]))


def _name(words: str, last: bool = False, width: int = 3) -> str:
    """A key part from a few words, stop words left out."""
    kept = [w for w in _WORDS.findall(words) if not is_stop_word(w)]
    return label_key(" ".join(kept[-width:] if last else kept[:width]))


def _table_value(figure: TableFigure, dictionary: IndicatorDictionary, home: str | None) -> IndicatorValue:
    """A table cell as a figure, keyed like prose: by the dictionary, else by its row or column."""
    phrase = figure.label if figure.unit != "%" or figure.label.lower().startswith(("tỷ lệ", "tỉ lệ")) \
        else "tỷ lệ " + figure.label
    key = label_key(phrase)
    known = dictionary.canonical(key, "")
    return IndicatorValue(
        indicator=known.key if known else key, label=known.label if known else figure.label,
        value=figure.value, unit=figure.unit or (known.unit if known else ""), period=figure.period,
        locality=figure.place or home, sentence=figure.row, raw=figure.row.split("\n")[-1],
    )


def _statement(value: IndicatorValue) -> tuple[float, bool, str | None, str | None, str]:
    return value.value, value.unit == "%", value.period, value.locality, value.sentence


class _Scan:
    """One text prepared for matching: folded copy, sentences, excluded spans, periods."""

    def __init__(
        self, text: str, published_at: datetime | None, locality: str | None, nouns: NounIndex
    ) -> None:
        self.text = text
        self.folded = fold_aligned(text)
        self.locality = locality
        self.nouns = nouns
        self.sentences: list[Sentence] = sentences(text)
        self._starts = [s.start for s in self.sentences]
        self._paragraphs: dict[int, str] = {}
        self._target_lists: dict[int, bool] = {}
        self._meetings: dict[int, int] = {}
        # a directive's code, date, issuer and title ("về xây dựng 500 nhà …") are not figures
        excluded = [(d.start, d.end) for d in scan_directives(text)]
        excluded += _document_acts(self.folded, excluded)
        self.periods = PeriodContext(
            text,
            [(s.start, s.end, s.paragraph) for s in self.sentences],
            exclude=excluded,
            published=published_at.date() if published_at else None,
        )
        excluded += self.periods.spans
        self.tables = find_table_figures(text, published_at.date() if published_at else None)
        excluded += table_spans(text)
        skip = SpanSet(excluded)
        self.numbers = [n for n in find_numbers(text) if not skip.overlaps(n.start, n.end)]
        self._number_starts = sorted(n.start for n in self.numbers)

    def meeting_after_lead(self, index: int) -> int:
        """Where the first "…, Đại hội có 135" of sentence `index` reaches its number."""
        if index not in self._meetings:
            sentence = self.sentences[index]
            found = _MEETING_AFTER_LEAD.search(self.folded, sentence.start, sentence.end)
            self._meetings[index] = found.end() if found else sentence.end + 1
        return self._meetings[index]

    def paragraph(self, index: int) -> str:
        """The folded text of the paragraph sentence `index` belongs to."""
        number = self.sentences[index].paragraph
        if number in self._paragraphs:
            return self._paragraphs[number]
        first = last = index
        while first > 0 and self.sentences[first - 1].paragraph == number:
            first -= 1
        while last + 1 < len(self.sentences) and self.sentences[last + 1].paragraph == number:
            last += 1
        self._paragraphs[number] = self.folded[self.sentences[first].start : self.sentences[last].end]
        return self._paragraphs[number]

    def figure(self, number: NumberMatch) -> _Figure | None:
        """The figure with its sentence and clause, ready to test against definitions."""
        index = bisect.bisect_right(self._starts, number.start) - 1
        if index < 0:
            return None
        sentence = self.sentences[index]
        clause = clause_bounds(self.text, sentence.start, sentence.end, number.start)
        delta = _DELTA_BEFORE.search(self.folded, max(clause[0], number.start - 30), number.start)
        if (
            delta is not None
            and self.text[delta.start() : delta.start() + 4].lower() in ("tăng", "giảm")
            and not (number.kind == "percent" and self._growth_rate(clause[0], delta.start()))
        ):
            return None  # a difference ("tăng 12 mô hình"), not a level; "tặng 620 suất" is a gift
        if _TARGET.search(self.folded, clause[0], number.start) or self._in_target_list(
            sentence.start, clause[0], number.start
        ):
            return None  # "phấn đấu năm 2025 kết nạp 160 đảng viên": a target, not a result
        if number.kind == "percent" and _THRESHOLD.search(self.folded, clause[0], number.start):
            return None  # "3 huyện có tỷ lệ … dưới 50%": the bar the counted places miss
        return _Figure(self, number, index, sentence, clause)

    def _growth_rate(self, clause_start: int, delta: int) -> bool:
        """Whether "tăng" before a share is the growth rate of the economy ("GRDP ước tăng
        7,3%"), not the change of a level the clause gave first ("Giá trị sản xuất công nghiệp
        ước đạt 1.126.540 tỷ đồng, tăng 14,6% so với cùng kỳ")."""
        growth = _GROWTH_OF.search(self.folded, max(clause_start, delta - 60), delta)
        if growth is None:
            return False
        last = bisect.bisect_left(self._number_starts, delta) - 1  # the last number before "tăng"
        if last < 0 or self._number_starts[last] < growth.end():
            return True
        return "," not in self.folded[self._number_starts[last] : delta]  # "… đạt 1.126 tỷ đồng, tăng"

    def _in_target_list(self, start: int, clause_start: int, at: int) -> bool:
        """Whether the figure is an item of a list that a target opens: "quyết nghị: phấn đấu
        thu ngân sách đạt 2,5 tỷ đồng; 100% thôn có tổ công nghệ số; giải quyết 100% hồ sơ …".
        The target is in an earlier clause of the sentence, only ";" (or the one ":" that
        ends the target's clause) lies between, and the figure's clause says nothing done."""
        if clause_start <= start:
            return False
        if clause_start not in self._target_lists:  # the figures of one clause share the answer
            target = next(reversed(list(_TARGET.finditer(self.folded, start, clause_start))), None)
            breaks = [] if target is None else [
                m.group() for m in _LIST_BREAK.finditer(self.folded, target.end(), clause_start + 1)
            ]
            self._target_lists[clause_start] = target is not None and all(b == ";" for b in breaks[1:])
        return self._target_lists[clause_start] and not _ACHIEVED.search(self.folded, clause_start, at)


class _Figure:
    """One number in its sentence and clause; the period and locality are worked out once."""

    def __init__(
        self, scan: _Scan, number: NumberMatch, index: int, sentence: Sentence,
        clause: tuple[int, int],
    ) -> None:
        self.scan, self.number, self.index = scan, number, index
        self.sentence, self.clause = sentence, clause
        folded = scan.folded
        self.before = _last_words(folded[clause[0] : number.start], _MAX_WINDOW)
        self.whole = folded[sentence.start : sentence.end]
        self._where: tuple[str | None, str | None] | None = None
        self._nouns: dict[str, int] | None = None

    def noun_end(self, nouns: tuple[str, ...]) -> int | None:
        """Where the first of `nouns` (longest first) to follow the figure ends, if one does."""
        if self._nouns is None:
            self._nouns = self.scan.nouns.matches(self.scan.folded, self.number.end, self.clause[1])
        if not self._nouns:
            return None
        return next((self._nouns[n] for n in nouns if n in self._nouns), None)

    def match(self, definition: Definition) -> IndicatorValue | None:
        for rule in definition.rules:
            end = self._rule_end(rule)
            if end is None:
                continue
            number = self.number
            value = number.denominator if rule.take == "denominator" else number.value
            assert value is not None
            period, locality = self._period_and_locality()
            return IndicatorValue(
                indicator=definition.key,
                label=definition.label,
                value=value,
                unit=definition.unit,
                period=period,
                locality=locality,
                sentence=self.sentence.text(self.scan.text),
                raw=self.scan.text[number.start : end].strip(),
            )
        return None

    def open_value(self, dictionary: IndicatorDictionary) -> IndicatorValue | None:
        """The figure keyed by what it counts, when no definition claimed it."""
        found = open_figure(
            self.scan.text, self.number, self.clause, dictionary, self.scan.paragraph(self.index)
        )
        if found is None:
            return None
        period, locality = self._period_and_locality()
        return IndicatorValue(
            indicator=found.key,
            label=found.label,
            value=self.number.value,
            unit=found.unit,
            period=period,
            locality=locality,
            sentence=self.sentence.text(self.scan.text),
            raw=self.scan.text[self.number.start : found.end].strip(),
        )

    def period(self) -> str | None:
        return self._period_and_locality()[0]

    def _period_and_locality(self) -> tuple[str | None, str | None]:
        if self._where is None:
            scan, sentence = self.scan, self.sentence
            first_clause_end = clause_bounds(scan.text, sentence.start, sentence.end, sentence.start)[1]
            meeting = _MEETING_SENTENCE.match(scan.folded, sentence.start, sentence.end) or \
                _OCCASION.match(scan.folded, sentence.start, sentence.end) or \
                scan.meeting_after_lead(self.index) <= self.number.end
            self._where = (
                (meeting and scan.periods.meeting_label(self.index))
                or scan.periods.period_at(self.index, self.number.start, self.clause),
                locality_at(
                    scan.text, (sentence.start, sentence.end), first_clause_end, self.clause[0],
                    self.number.start, scan.locality,
                ),
            )
        return self._where

    def _rule_end(self, rule: Rule) -> int | None:
        """Where the matched figure and its noun end, or None when `rule` does not hold."""
        number, folded = self.number, self.scan.folded
        if _KIND_FOR_TAKE[rule.take] != number.kind:
            return None
        end = number.end
        if rule.nouns:
            noun_end = self.noun_end(rule.nouns)
            if noun_end is None:
                return None
            end = noun_end
        if _PER_UNIT.match(folded, end):
            return None  # "14,5 tiêu chí/xã", "3%/năm": an average or a rate, not a count
        window = _tail(self.before, rule.window)
        if rule.before and not any(_has(window, phrase) for phrase in rule.before):
            return None
        after = _first_words(folded[end : self.clause[1]], rule.window)
        if any(_has(window, phrase) or _has(after, phrase) for phrase in rule.exclude):
            return None
        if not all(any(_has(self.whole, alt) for alt in group) for group in rule.phrases):
            return None
        return end


# A sentence about the meeting itself: "Đại hội có 198 đại biểu", "Tham dự hội nghị có …".
_MEETING = (
    r"(?:(?:ve|den)\s+)?(?:(?:tham\s+)?du\s+)?(?:dai\s+hoi|hoi\s+nghi|ky\s+hop|phien\s+hop|"
    r"cuoc\s+hop|hoi\s+thao|toa\s+dam|buoi\s+le)(?:\s+(?:lan\s+nay|nay))?\s+(?:da\s+)?"
    r"(?:co|thu\s+hut|voi)\s+(?:su\s+tham\s+du\s+cua\s+)?(?:(?:hon|gan|tren|khoang)\s+)?\d"
)
_MEETING_SENTENCE = re.compile(r"[\W_]*" + _MEETING, re.IGNORECASE)
# "Thực hiện Chỉ thị số 45-CT/TW …, Đại hội có 135 đại biểu": the meeting after a lead clause.
# "Quyết định số 546/QĐ-TTg … của Thủ tướng Chính phủ giao chỉ tiêu … giai đoạn 2022 - 2025,":
# what the document does, up to the clause end, is part of its name; its period is the
# document's scope, not the one the figures around it are reported for.
_DOCUMENT_ACT = re.compile(r"\s+(?:giao|phe\s+duyet|ban\s+hanh|quy\s+dinh|sua\s+doi)\s[^,;:.\n]{0,200}")


def _document_acts(folded: str, documents: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The act a cited document performs, written right after its reference, as spans."""
    found = (_DOCUMENT_ACT.match(folded, end) for _start, end in documents)
    return [(match.start(), match.end()) for match in found if match is not None]


_MEETING_AFTER_LEAD = re.compile(r",\s*" + _MEETING, re.IGNORECASE)
# "Dịp này, Hội trao 20 suất học bổng", "Nhân dịp này, …": what is done at the event the
# article reports, not in the period an earlier sentence reviewed.
_OCCASION = re.compile(
    r"[\W_]*(?:(?:cung\s+)?(?:nhan|trong|vao|tai)\s+)?dip\s+(?:nay|le\s+nay|ky\s+niem\s+nay)\s*,"
)
_MAX_WINDOW = 40


def _tail(words: str, count: int) -> str:
    return " ".join(words.split(" ")[-count:]) if words else ""


def _last_words(text: str, count: int) -> str:
    words = re.findall(r"[^\s,;:()“”\"]+", text[-count * 30 :])
    return " ".join(words[-count:])


def _first_words(text: str, count: int) -> str:
    words = re.findall(r"[^\s,;:()“”\"]+", text)
    return " ".join(words[:count])


@lru_cache(maxsize=2048)
def _phrase_re(phrase: str) -> re.Pattern[str]:
    return re.compile(r"(?<!\w)" + re.escape(phrase).replace(r"\ ", r"\s+") + r"(?!\w)")


def _has(text: str, phrase: str) -> bool:
    return _phrase_re(phrase).search(text) is not None
