"""Scoring the unseen annotated batches (tests/fixtures/detect/unseen/batch*.yaml).

Each batch was written by someone who did not see the rules. Directives are matched on the
canonical code, indicators on value and period only (the batches name what a figure counts in
their own words, not by our keys). The first time a batch is scored its figures are written
to first_runs.json and never overwritten: that is the honest figure; later runs show how
tuning on a batch moved it.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import yaml

from detect.evaluation import Score
from parsers.numbers import parse_number
from parsers.types import DirectiveRef, IndicatorValue

FIRST_RUNS = Path(__file__).resolve().parent / "first_runs.json"


@dataclass(frozen=True)
class UnseenPassage:
    id: str
    text: str
    published_at: datetime | None
    locality: str
    codes: tuple[str, ...]
    figures: tuple[tuple[float, str], ...]  # (value, period as the batch writes it)


def to_batch_period(label: str | None) -> str:
    """Our period label in the batches' notation: "2024-6M" (first six months) is "2024-H1",
    "2024-YTD" (since the start of the year) and "2024-10" (a month) are "2024"."""
    if not label:
        return ""
    if label.endswith("-6M"):
        return label[:-3] + "-H1"
    if label.endswith("-YTD"):
        return label[:-4]  # "từ đầu năm đến nay": the batches write the year
    if re.fullmatch(r"\d{4}-\d{2}", label):
        return label[:4]  # a month ("tháng 10/2025"): the batches have no month form
    return label


def _when(value: Any) -> datetime | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value if value.tzinfo else value.replace(tzinfo=UTC)
    day = value if isinstance(value, date) else date.fromisoformat(str(value)[:10])
    return datetime(day.year, day.month, day.day, 5, 0, tzinfo=UTC)


def _number(value: Any) -> float:
    """A value as annotated: a number, or Vietnamese-written text ("3.500", "97,8")."""
    if isinstance(value, int | float):
        return float(value)
    return parse_number(str(value).strip().rstrip("%").strip())


def load_batch(path: Path) -> list[UnseenPassage]:
    """A batch file: a list of passages, or a mapping with `passages` (and `defaults`)."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    defaults: dict[str, Any] = {}
    if isinstance(data, dict):
        defaults = dict(data.get("defaults") or {})
        data = data.get("passages") or []
    passages = []
    for index, raw in enumerate(data):
        directives = raw.get("directives") or []
        indicators = raw.get("indicators") or []
        passages.append(UnseenPassage(
            id=str(raw.get("id", f"{path.stem}-{index}")),
            text=str(raw["text"]),
            published_at=_when(raw.get("published_at", defaults.get("published_at"))),
            locality=str(raw.get("locality", defaults.get("locality", "")) or ""),
            codes=tuple(str(d["code"]) for d in directives if d.get("code")),
            figures=tuple((_number(i["value"]), str(i.get("period", "") or "")) for i in indicators),
        ))
    return passages


def score_passage(
    passage: UnseenPassage, directives: list[DirectiveRef], indicators: list[IndicatorValue]
) -> tuple[Score, Score]:
    """Directive codes as a set; figures as a multiset of (value, period)."""
    found = {r.code for r in directives if r.code}
    wanted = set(passage.codes)
    d = Score(tp=len(found & wanted), fp=len(found - wanted), fn=len(wanted - found))
    d.problems += [f"{passage.id}: unexpected directive {c}" for c in sorted(found - wanted)]
    d.problems += [f"{passage.id}: missed directive {c}" for c in sorted(wanted - found)]
    i = Score()
    left = list(indicators)
    for value, period in passage.figures:
        match = next(
            (v for v in left
             if math.isclose(v.value, value, rel_tol=1e-9) and to_batch_period(v.period) == period),
            None,
        )
        if match is None:
            i.fn += 1
            near = [f"{v.value:g}@{to_batch_period(v.period)}" for v in left
                    if math.isclose(v.value, value, rel_tol=1e-9)]
            i.problems.append(f"{passage.id}: missed {value:g} ({period})"
                              + (f", found with period {', '.join(near)}" if near else ""))
        else:
            i.tp += 1
            left.remove(match)
    i.fp += len(left)
    i.problems += [
        f"{passage.id}: unexpected {v.value:g} ({to_batch_period(v.period)}) {v.indicator} from {v.raw!r}"
        for v in left
    ]
    return d, i


Finder = Callable[[UnseenPassage], tuple[list[DirectiveRef], list[IndicatorValue]]]


def score_batch(passages: list[UnseenPassage], finder: Finder) -> tuple[Score, Score]:
    total_d, total_i = Score(), Score()
    for passage in passages:
        d, i = score_passage(passage, *finder(passage))
        total_d.add(d)
        total_i.add(i)
    return total_d, total_i


def figures(d: Score, i: Score) -> dict[str, Any]:
    def one(s: Score) -> dict[str, Any]:
        return {"precision": round(s.precision, 3), "recall": round(s.recall, 3),
                "tp": s.tp, "fp": s.fp, "fn": s.fn}

    return {"directives": one(d), "indicators": one(i)}


def record_first_run(name: str, entry: dict[str, Any], path: Path = FIRST_RUNS) -> dict[str, Any]:
    """Store `entry` as batch `name`'s first run unless one is there; return the stored one."""
    runs: dict[str, Any] = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
    if name not in runs:
        runs[name] = entry
        path.write_text(json.dumps(runs, ensure_ascii=False, indent=2, sort_keys=True) + "\n",
                        encoding="utf-8")
    stored: dict[str, Any] = runs[name]
    return stored
