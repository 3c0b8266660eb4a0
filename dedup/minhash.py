"""MinHash signatures over word shingles, in pure Python.

One-permutation hashing (Li, Owen & Zhang 2012) with optimal densification (Shrivastava 2017):
each shingle is hashed once to 64 bits; the low bits pick one of `PERMUTATIONS` bins and the
rest is the value whose minimum the bin keeps. Empty bins borrow the value of another bin
chosen by a fixed probe sequence, so two texts borrow alike. The fraction of equal bins
estimates Jaccard similarity as well as 128 independent permutations do, at the cost of one
hash per shingle instead of 128 — which is what makes pure Python fast enough.

A signature also carries the hashes of the figures the text reports (see `dedup.match`).
"""

from __future__ import annotations

import struct
from collections.abc import Iterable
from dataclasses import dataclass

from dedup.shingles import figure_hashes, shingle_hashes

PERMUTATIONS = 128
_BIN_BITS = 7  # 2**7 == PERMUTATIONS
_EMPTY = (1 << 57) - 1  # larger than any 57-bit bin value
_MASK64 = (1 << 64) - 1
_HEADER = struct.Struct("<BBIH")  # format, permutations, shingle count, figure count
_VALUES = struct.Struct(f"<{PERMUTATIONS}Q")
_FORMAT = 1


@dataclass(frozen=True)
class Signature:
    """`values[i]` is bin i's minimum; `shingles` counts the distinct shingles hashed;
    `figures` holds the sorted 32-bit hashes of the numbers in the text."""

    values: tuple[int, ...]
    shingles: int
    figures: tuple[int, ...] = ()

    @property
    def empty(self) -> bool:
        return self.shingles == 0


def _probe(bin_index: int, attempt: int) -> int:
    """The bin an empty bin borrows from on `attempt`: fixed, so every text probes alike."""
    mixed = (bin_index * 0x9E3779B97F4A7C15 + attempt * 0xBF58476D1CE4E5B9) & _MASK64
    mixed ^= mixed >> 31
    mixed = (mixed * 0x94D049BB133111EB) & _MASK64
    return (mixed >> 33) % PERMUTATIONS


def _densify(bins: list[int]) -> list[int]:
    filled = [v != _EMPTY for v in bins]
    values = list(bins)
    for i, ok in enumerate(filled):
        attempt = 0
        while not ok:
            attempt += 1
            source = _probe(i, attempt)
            ok = filled[source]
            if ok:
                # Mixing in the attempt keeps borrowed values from matching by accident.
                values[i] = (bins[source] + attempt) & _EMPTY
    return values


def signature_of_hashes(hashes: Iterable[int], figures: tuple[int, ...] = ()) -> Signature:
    """Bin minima of the given 64-bit shingle hashes, densified."""
    bins = [_EMPTY] * PERMUTATIONS
    count = 0
    for h in hashes:
        count += 1
        slot, value = h & (PERMUTATIONS - 1), h >> _BIN_BITS
        if value < bins[slot]:
            bins[slot] = value
    if count == 0:
        return Signature(tuple(bins), 0, figures)
    return Signature(tuple(_densify(bins)), count, figures)


def minhash(text: str) -> Signature:
    """The MinHash signature of a text's word 5-shingles, with its figures."""
    return signature_of_hashes(shingle_hashes(text), figure_hashes(text))


def estimate_similarity(a: Signature, b: Signature) -> float:
    """Estimated Jaccard similarity of the two shingle sets (0.0 when either is empty)."""
    if a.empty or b.empty:
        return 0.0
    equal = sum(1 for x, y in zip(a.values, b.values, strict=True) if x == y)
    return equal / PERMUTATIONS


def estimate_containment(a: Signature, b: Signature) -> float:
    """Estimated share of the smaller shingle set that lies in the larger one."""
    jaccard = estimate_similarity(a, b)
    if jaccard == 0.0:
        return 0.0
    common = jaccard * (a.shingles + b.shingles) / (1.0 + jaccard)
    return min(1.0, common / min(a.shingles, b.shingles))


def pack_signature(sig: Signature) -> bytes:
    """Bytes for the `article.minhash` column: header, 8 bytes per bin, 4 per figure."""
    header = _HEADER.pack(_FORMAT, PERMUTATIONS, min(sig.shingles, 0xFFFFFFFF), len(sig.figures))
    return header + _VALUES.pack(*sig.values) + struct.pack(f"<{len(sig.figures)}I", *sig.figures)


def unpack_signature(data: bytes) -> Signature:
    """The inverse of `pack_signature`; ValueError on bytes it did not write."""
    if len(data) < _HEADER.size + _VALUES.size:
        raise ValueError(f"not a packed signature: {len(data)} bytes")
    fmt, perms, count, nfigures = _HEADER.unpack_from(data)
    if fmt != _FORMAT or perms != PERMUTATIONS:
        raise ValueError(f"unknown signature format {fmt}/{perms}")
    if len(data) != _HEADER.size + _VALUES.size + 4 * nfigures:
        raise ValueError(f"truncated signature: {len(data)} bytes")
    values = _VALUES.unpack_from(data, _HEADER.size)
    figures = struct.unpack_from(f"<{nfigures}I", data, _HEADER.size + _VALUES.size)
    return Signature(values, count, figures)
