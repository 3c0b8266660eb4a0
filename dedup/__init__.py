"""Deduplication: canonical URLs, content hashes, near-duplicate signatures. Pure functions.

    canonical_url(url) -> str
    content_hash(text) -> str                       SHA-256 hex of hash_form(text)
    minhash(text) -> Signature                      128 bins over word 5-shingles
    lsh_buckets(sig) -> list[(band, bucket)]        32 bands × 4 rows, signed 64-bit buckets
    estimate_similarity(a, b) -> float              estimated Jaccard
    is_near_duplicate(a, b) -> bool                 wording and figures agree (dedup.match)
    pack_signature(sig) -> bytes ; unpack_signature(data) -> Signature
"""

from core.urls import canonical_url
from dedup.hashing import content_hash, hash_form
from dedup.lsh import BANDS, ROWS, lsh_buckets
from dedup.match import (
    CONTAINMENT_THRESHOLD,
    FIGURE_AGREEMENT,
    JACCARD_THRESHOLD,
    MIN_SHINGLES,
    figure_agreement,
    is_near_duplicate,
    linkable,
)
from dedup.minhash import (
    PERMUTATIONS,
    Signature,
    estimate_containment,
    estimate_similarity,
    minhash,
    pack_signature,
    signature_of_hashes,
    unpack_signature,
)
from dedup.shingles import (
    MAX_FIGURES,
    SHINGLE_WORDS,
    figure_hashes,
    figures,
    shingle_hashes,
    shingles,
)

__all__ = [
    "BANDS",
    "CONTAINMENT_THRESHOLD",
    "FIGURE_AGREEMENT",
    "JACCARD_THRESHOLD",
    "MAX_FIGURES",
    "MIN_SHINGLES",
    "PERMUTATIONS",
    "ROWS",
    "SHINGLE_WORDS",
    "Signature",
    "canonical_url",
    "content_hash",
    "estimate_containment",
    "estimate_similarity",
    "figure_agreement",
    "figure_hashes",
    "figures",
    "hash_form",
    "is_near_duplicate",
    "linkable",
    "lsh_buckets",
    "minhash",
    "pack_signature",
    "shingle_hashes",
    "shingles",
    "signature_of_hashes",
    "unpack_signature",
]
