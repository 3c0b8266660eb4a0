"""Scoring extraction against annotated passages (precision, recall, and what went wrong).

Used by the table-driven tests and by bench/detect/run.py. A passage file is YAML with
`defaults` (published_at, locality) and `passages`, each listing the directives and
indicators a reader finds in it. An expectation checks only the fields it gives.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import yaml

from parsers.types import DirectiveRef, IndicatorValue

# Expectation field → DirectiveRef attribute.
DIRECTIVE_FIELDS = {
    "code": "code", "type": "doc_type", "type_name": "doc_type_name", "number": "number",
    "issuer": "issuer_code", "issuer_name": "issuer_name", "date": "issued_date", "title": "title",
}


@dataclass(frozen=True)
class Passage:
    """One annotated text."""

    id: str
    text: str
    published_at: datetime | None
    locality: str
    directives: tuple[dict[str, Any], ...]
    indicators: tuple[dict[str, Any], ...]


@dataclass
class Score:
    """Counts over a set of passages, with a line per miss or false hit."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    problems: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: Score) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        self.problems += other.problems


def load_passages(path: str | Path) -> list[Passage]:
    """Read a passage file; published dates become noon in Vietnam."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    defaults = data.get("defaults", {})
    passages = []
    for raw in data["passages"]:
        published = raw.get("published_at", defaults.get("published_at"))
        passages.append(Passage(
            id=raw["id"],
            text=raw["text"],
            published_at=_noon(published),
            locality=raw.get("locality", defaults.get("locality", "")),
            directives=tuple(raw.get("directives") or ()),
            indicators=tuple(raw.get("indicators") or ()),
        ))
    return passages


def _noon(value: Any) -> datetime | None:
    if value is None:
        return None
    day = value if isinstance(value, date) else date.fromisoformat(str(value))
    return datetime(day.year, day.month, day.day, 5, 0, tzinfo=UTC)


def _text(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    return None if value is None else str(value)


def _field(name: str, value: Any) -> Any:
    """A field's comparable form: numbers are zero-padded as codes write them ("5" = "05")."""
    text = _text(value)
    return text.zfill(2) if name == "number" and text is not None else text


def _directive_key(code: Any, doc_type: Any, number: Any) -> tuple[Any, ...]:
    if code:
        return ("code", str(code))
    return ("codeless", _text(doc_type), str(number).zfill(2) if number is not None else None)


def score_directives(passage: Passage, found: Iterable[DirectiveRef]) -> Score:
    """Compare found directives with the passage's expectations."""
    score = Score()
    predicted = {_directive_key(r.code, r.doc_type, r.number): r for r in found}
    for expected in passage.directives:
        key = _directive_key(expected.get("code"), expected.get("type"), expected.get("number"))
        ref = predicted.pop(key, None)
        if ref is None:
            score.fn += 1
            score.problems.append(f"{passage.id}: missed directive {key[1:]}")
            continue
        wrong = [
            f"{name}={_text(getattr(ref, attr))!r} (want {_text(expected[name])!r})"
            for name, attr in DIRECTIVE_FIELDS.items()
            if name in expected and _field(name, getattr(ref, attr)) != _field(name, expected[name])
        ]
        if wrong:
            score.fp += 1
            score.fn += 1
            score.problems.append(f"{passage.id}: directive {key[1:]} has {', '.join(wrong)}")
        else:
            score.tp += 1
    for key, ref in predicted.items():
        score.fp += 1
        score.problems.append(f"{passage.id}: unexpected directive {key[1:]} from {ref.raw!r}")
    return score


def score_indicators(passage: Passage, found: Iterable[IndicatorValue]) -> Score:
    """Compare found indicator values with the passage's expectations."""
    score = Score()
    predicted = {(v.indicator, v.locality or "", v.period or ""): v for v in found}
    for expected in passage.indicators:
        key = (
            expected["key"],
            expected.get("locality", passage.locality),
            str(expected.get("period", "")),
        )
        value = predicted.pop(key, None)
        if value is None:
            score.fn += 1
            score.problems.append(f"{passage.id}: missed indicator {key} = {expected['value']}")
        elif not math.isclose(value.value, float(expected["value"]), rel_tol=1e-9):
            score.fp += 1
            score.fn += 1
            score.problems.append(
                f"{passage.id}: indicator {key} = {value.value} (want {expected['value']})"
            )
        else:
            score.tp += 1
    for key, value in predicted.items():
        score.fp += 1
        score.problems.append(f"{passage.id}: unexpected indicator {key} = {value.value} from {value.raw!r}")
    return score


DirectiveFinder = Callable[[Passage], list[DirectiveRef]]
IndicatorFinder = Callable[[Passage], list[IndicatorValue]]


def evaluate(
    passages: Iterable[Passage], directives: DirectiveFinder, indicators: IndicatorFinder
) -> tuple[Score, Score]:
    """Directive and indicator scores of two finders over all passages."""
    total_d, total_i = Score(), Score()
    for passage in passages:
        total_d.add(score_directives(passage, directives(passage)))
        total_i.add(score_indicators(passage, indicators(passage)))
    return total_d, total_i
