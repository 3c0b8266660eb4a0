"""When two signatures are copies of one article: the rule storage applies to LSH candidates.

Two tests, both needed:
- wording: estimated Jaccard of word 5-shingles ≥ JACCARD_THRESHOLD, or, for a trimmed copy
  (a portal keeping the first paragraphs), Jaccard ≥ MIN_JACCARD_FOR_CONTAINMENT with the
  smaller text lying almost wholly (≥ CONTAINMENT_THRESHOLD) inside the larger;
- figures: when both texts report at least MIN_FIGURES numbers, at least FIGURE_AGREEMENT of
  the smaller set appears in the larger. A district's report for another year, or another
  district's report on the same campaign, reuses whole sentences with other figures; its
  indicators and directives must count, so it must not be taken for a copy.
"""

from __future__ import annotations

from dedup.minhash import Signature, estimate_containment, estimate_similarity

# Fewer distinct shingles than this (about 25 words) is a notice such as "Xem file đính kèm":
# identical wording there does not make two announcements one article.
MIN_SHINGLES = 20
JACCARD_THRESHOLD = 0.5
MIN_JACCARD_FOR_CONTAINMENT = 0.3
CONTAINMENT_THRESHOLD = 0.9
MIN_FIGURES = 3
FIGURE_AGREEMENT = 0.7


def linkable(sig: Signature) -> bool:
    """Long enough for identity to mean the same article."""
    return sig.shingles >= MIN_SHINGLES


def figure_agreement(a: Signature, b: Signature) -> float | None:
    """Share of the smaller figure set found in the larger; None when either has too few."""
    if min(len(a.figures), len(b.figures)) < MIN_FIGURES:
        return None
    common = len(set(a.figures) & set(b.figures))
    return common / min(len(a.figures), len(b.figures))


def similar_wording(a: Signature, b: Signature) -> bool:
    jaccard = estimate_similarity(a, b)
    if jaccard >= JACCARD_THRESHOLD:
        return True
    return jaccard >= MIN_JACCARD_FOR_CONTAINMENT and (
        estimate_containment(a, b) >= CONTAINMENT_THRESHOLD
    )


def is_near_duplicate(a: Signature, b: Signature) -> bool:
    """True when `a` and `b` are estimated to be copies of one article."""
    if not (linkable(a) and linkable(b)) or not similar_wording(a, b):
        return False
    agreement = figure_agreement(a, b)
    return agreement is None or agreement >= FIGURE_AGREEMENT
