"""Reported figures in prose: which indicator, what value, for which locality and period.

A figure is a number in the text (numbers.py) that is not part of a directive code, a date,
a year or a phone number. The dictionary's rules decide which indicator it reports from the
words after it (nouns), before it (verbs) and around it (phrases). The locality is the
commune or district named before it in its clause, else the portal's; the period comes from
periods.PeriodContext.
"""

from __future__ import annotations

import bisect
import re
from datetime import datetime
from functools import lru_cache

from core.text import normalize_text
from parsers.directives import scan_directives
from parsers.indicator_dictionary import Definition, IndicatorDictionary, Rule
from parsers.localities import locality_at
from parsers.numbers import NumberMatch, find_numbers
from parsers.periods import PeriodContext
from parsers.textspans import Sentence, SpanSet, clause_bounds, fold_aligned, sentences
from parsers.types import IndicatorValue

# "tăng 12 mô hình so với năm trước" reports a difference, not a level; "tăng lên 35 mô hình"
# and "giảm còn 12,4%" report the new level.
_DELTA_BEFORE = re.compile(
    r"(?<!\w)(?:tang|giam)(?:\s+(?:them|duoc|bot|hon|khoang|gan|tren))*\s*$"
)
_PER_UNIT = re.compile(r"\s?/\s?[^\W\d_]")
_KIND_FOR_TAKE = {"value": "count", "numerator": "ratio", "denominator": "ratio", "percent": "percent"}


def find_indicators(
    text: str,
    published_at: datetime | None = None,
    locality: str | None = None,
    definitions: IndicatorDictionary | None = None,
) -> list[IndicatorValue]:
    """Every figure in `text` that reports a known indicator, each (indicator, locality,
    period) once, first mention first."""
    text = normalize_text(text)
    dictionary = definitions or IndicatorDictionary.builtin()
    scan = _Scan(text, published_at, locality)
    found: dict[tuple[str, str | None, str | None], IndicatorValue] = {}
    for number in scan.numbers:
        figure = scan.figure(number)
        if figure is None:
            continue
        for definition in dictionary.definitions:
            value = figure.match(definition)
            if value is not None:
                found.setdefault((value.indicator, value.locality, value.period), value)
    return list(found.values())


class _Scan:
    """One text prepared for matching: folded copy, sentences, excluded spans, periods."""

    def __init__(self, text: str, published_at: datetime | None, locality: str | None) -> None:
        self.text = text
        self.folded = fold_aligned(text)
        self.locality = locality
        self.sentences: list[Sentence] = sentences(text)
        self._starts = [s.start for s in self.sentences]
        excluded = [(d.start, d.end) for d in scan_directives(text)]
        self.periods = PeriodContext(
            text,
            [(s.start, s.end, s.paragraph) for s in self.sentences],
            exclude=excluded,
            published=published_at.date() if published_at else None,
        )
        excluded += self.periods.spans
        skip = SpanSet(excluded)
        self.numbers = [n for n in find_numbers(text) if not skip.overlaps(n.start, n.end)]

    def figure(self, number: NumberMatch) -> _Figure | None:
        """The figure with its sentence and clause, ready to test against definitions."""
        index = bisect.bisect_right(self._starts, number.start) - 1
        if index < 0:
            return None
        sentence = self.sentences[index]
        clause = clause_bounds(self.text, sentence.start, sentence.end, number.start)
        if _DELTA_BEFORE.search(self.folded, max(clause[0], number.start - 30), number.start):
            return None  # a difference ("tăng 12 mô hình"), not a level
        return _Figure(self, number, index, sentence, clause)


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

    def _period_and_locality(self) -> tuple[str | None, str | None]:
        if self._where is None:
            scan, sentence = self.scan, self.sentence
            first_clause_end = clause_bounds(scan.text, sentence.start, sentence.end, sentence.start)[1]
            self._where = (
                scan.periods.period_at(self.index, self.number.start, self.clause),
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
        if rule.nouns is not None:
            noun = rule.nouns.match(folded, number.end, self.clause[1])
            if noun is None:
                return None
            end = noun.end()
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
