"""Pair precision and recall of predicted duplicate clusters against the generated truth."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Truth:
    cluster: dict[int, int]  # item key -> the key of the original it copies (itself if none)
    kind: dict[int, str]


@dataclass(frozen=True)
class Scores:
    precision: float
    recall: float
    f1: float
    true_pairs: int
    predicted_pairs: int
    copies_linked: float  # share of copies linked to their original's cluster
    decoys_linked: int  # decoys wrongly linked to anything


def _pairs(sizes: Mapping[Any, int]) -> int:
    return sum(n * (n - 1) // 2 for n in sizes.values())


def score(truth: Truth, roots: Mapping[int, int]) -> Scores:
    """`roots[key]` is the predicted first copy of `key`; keys absent are their own root."""
    predicted = {key: roots.get(key, key) for key in truth.cluster}
    both = Counter((predicted[k], truth.cluster[k]) for k in truth.cluster)
    tp = _pairs(both)
    pred_pairs = _pairs(Counter(predicted.values()))
    true_pairs = _pairs(Counter(truth.cluster.values()))
    precision = tp / pred_pairs if pred_pairs else 1.0
    recall = tp / true_pairs if true_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    copies = [k for k, kind in truth.kind.items() if kind in ("copy", "verbatim")]
    linked = sum(1 for k in copies if predicted[k] == predicted[truth.cluster[k]])
    decoys = sum(1 for k, kind in truth.kind.items() if kind.startswith("decoy") and k in roots)
    return Scores(
        precision, recall, f1, true_pairs, pred_pairs,
        linked / len(copies) if copies else 1.0, decoys,
    )  # fmt: skip
