"""Locality-sensitive hashing: band buckets that near-duplicates share.

32 bands of 4 rows: two texts land in one bucket of at least one band with probability
1 - (1 - J**4) ** 32, i.e. 0.87 at Jaccard 0.5, 0.99 at 0.6 and ~1 from 0.7, while texts on
unrelated subjects (J < 0.05) almost never meet, so the candidate list stays short however
large the corpus grows.
"""

from __future__ import annotations

import hashlib
import struct

from dedup.minhash import PERMUTATIONS, Signature

BANDS = 32
ROWS = PERMUTATIONS // BANDS
_BAND = struct.Struct(f"<H{ROWS}Q")


def lsh_buckets(sig: Signature) -> list[tuple[int, int]]:
    """(band, bucket) pairs; a bucket is a signed 64-bit hash of the band's rows (fits BIGINT).
    An empty signature has no buckets: it is nobody's near-duplicate."""
    if sig.empty:
        return []
    buckets = []
    for band in range(BANDS):
        rows = sig.values[band * ROWS : (band + 1) * ROWS]
        digest = hashlib.blake2b(_BAND.pack(band, *rows), digest_size=8).digest()
        buckets.append((band, int.from_bytes(digest, "little", signed=True)))
    return buckets
