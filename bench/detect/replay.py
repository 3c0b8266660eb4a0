"""Score extraction on the bundled portal replay, annotated independently of these rules.

deployments/replay/expected.yaml lists, per article, the directive codes and the indicator
values (value, period, locality) a reader finds. Its indicator keys are its own names, so a
value counts when value, period and place agree, and the key too where our dictionary has
that key. Code-less mentions are not in its directive lists and are left out here, and so are
copies of other articles (`duplicate_of`), whose figures detection does not count.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import yaml

from core.text import fold
from detect.evaluation import Score
from parsers.types import DirectiveRef, IndicatorValue

REPLAY = Path(__file__).resolve().parents[2] / "deployments" / "replay"
UNIT_WORDS = ("thi tran ", "thi xa ", "thanh pho ", "phuong ", "xa ", "huyen ", "quan ", "tinh ")


@dataclass(frozen=True)
class ReplayArticle:
    """One replay article: its HTML and what the annotation says it holds."""

    id: str
    url: str
    html: bytes
    locality: str
    published_at: datetime | None
    directives: frozenset[str]
    indicators: tuple[dict[str, Any], ...]


def load_replay(root: Path = REPLAY) -> list[ReplayArticle]:
    """Every annotated article, from the first state that serves it."""
    expected = yaml.safe_load((root / "expected.yaml").read_text(encoding="utf-8"))
    articles = []
    for item in expected["articles"]:
        if item.get("duplicate_of"):
            continue  # a copy's figures are the original's: detection stores none for it
        portal = expected["portals"][item["portal"]]
        state = item["states"][0]
        path = root / "data" / state / item["portal"] / item["path"].lstrip("/")
        if path.is_dir() or item["path"].endswith("/"):
            path = path / "index.html"
        published = datetime.fromisoformat(str(item["published_at"])) if item.get("published_at") else None
        articles.append(ReplayArticle(
            id=item["id"], url=f"http://replay.invalid{item['path']}", html=path.read_bytes(),
            locality=portal["locality"], published_at=published,
            directives=frozenset(item.get("directives") or ()),
            indicators=tuple(item.get("indicators") or ()),
        ))
    return articles


def place(locality: str | None) -> str:
    """The place a locality names, comparable across spellings ("xã Phú Nhuận" ~ "Phú Nhuận, …")."""
    head = fold((locality or "").split(",")[0]).strip()
    for unit in UNIT_WORDS:
        head = head.removeprefix(unit)
    return head


def score_article(
    article: ReplayArticle, directives: list[DirectiveRef], indicators: list[IndicatorValue],
    known_keys: set[str],
) -> tuple[Score, Score]:
    """Directive and indicator scores of one article."""
    found = {r.code for r in directives if r.code}
    d = Score(tp=len(found & article.directives), fp=len(found - article.directives),
              fn=len(article.directives - found))
    d.problems += [f"{article.id}: unexpected directive {c}" for c in sorted(found - article.directives)]
    d.problems += [f"{article.id}: missed directive {c}" for c in sorted(article.directives - found)]
    i = Score()
    left = list(indicators)
    for expected in article.indicators:
        match = next((v for v in left if _same(v, expected, known_keys)), None)
        if match is None:
            i.fn += 1
            i.problems.append(f"{article.id}: missed {expected['indicator']} {expected['value']} "
                              f"({expected['period']}, {expected['locality']})")
        else:
            i.tp += 1
            left.remove(match)
    i.fp += len(left)
    i.problems += [f"{article.id}: unexpected {v.indicator} {v.value} ({v.period}, {v.locality}) "
                   f"from {v.raw!r}" for v in left]
    return d, i


def _same(value: IndicatorValue, expected: dict[str, Any], known_keys: set[str]) -> bool:
    if expected["indicator"] in known_keys and value.indicator != expected["indicator"]:
        return False
    return (
        math.isclose(value.value, float(expected["value"]), rel_tol=1e-9)
        and (value.period or "") == str(expected["period"])
        and place(value.locality) == place(expected["locality"])
    )


Extractor = Callable[[ReplayArticle], tuple[list[DirectiveRef], list[IndicatorValue]]]


def evaluate_replay(
    articles: list[ReplayArticle], extract: Extractor, known_keys: set[str]
) -> tuple[Score, Score]:
    """Directive and indicator scores over all replay articles."""
    total_d, total_i = Score(), Score()
    for article in articles:
        d, i = score_article(article, *extract(article), known_keys)
        total_d.add(d)
        total_i.add(i)
    return total_d, total_i
