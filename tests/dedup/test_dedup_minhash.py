"""MinHash signatures and LSH buckets: estimates near the truth, stable bytes, stable hashes."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
from dedup_texts import text

from dedup import (
    BANDS,
    MAX_FIGURES,
    PERMUTATIONS,
    estimate_containment,
    estimate_similarity,
    figures,
    lsh_buckets,
    minhash,
    pack_signature,
    shingle_hashes,
    shingles,
    unpack_signature,
)

ORIGINAL = "district_original"
OTHERS = ["province_copy", "province_trimmed", "same_topic_other", "same_template_next_year"]


def _jaccard(a: set[int], b: set[int]) -> float:
    return len(a & b) / len(a | b)


@pytest.mark.parametrize("other", OTHERS)
def test_estimate_is_close_to_true_jaccard(other: str) -> None:
    a, b = text(ORIGINAL), text(other)
    truth = _jaccard(shingle_hashes(a), shingle_hashes(b))
    assert abs(estimate_similarity(minhash(a), minhash(b)) - truth) < 0.1


def test_containment_of_a_trimmed_copy_is_near_one() -> None:
    full, trimmed = minhash(text(ORIGINAL)), minhash(text("province_trimmed"))
    assert estimate_similarity(full, trimmed) < 0.6  # Jaccard alone would miss it
    assert estimate_containment(full, trimmed) > 0.85


def test_identical_texts_estimate_one_and_unrelated_near_zero() -> None:
    sig = minhash(text(ORIGINAL))
    assert estimate_similarity(sig, minhash(text(ORIGINAL))) == 1.0
    unrelated = minhash(
        "Sáng 3/9, Hội Nông dân xã Yên Đĩnh phối hợp Trạm Khuyến nông tổ chức lớp tập huấn "
        "kỹ thuật trồng và chăm sóc cây quế hữu cơ cho 45 hội viên tại nhà văn hóa thôn Bản Cháu. "
        "Học viên được hướng dẫn cách chọn giống, làm đất, bón phân vi sinh và phòng trừ sâu bệnh."
    )
    assert estimate_similarity(sig, unrelated) < 0.05


def test_signature_bytes_round_trip() -> None:
    sig = minhash(text(ORIGINAL))
    data = pack_signature(sig)
    assert unpack_signature(data) == sig
    assert len(sig.values) == PERMUTATIONS and all(0 <= v < 2**64 for v in sig.values)
    assert 0 < len(sig.figures) <= MAX_FIGURES


@pytest.mark.parametrize("data", [b"", b"\x00" * 10, b"\x02" + b"\x00" * 1100])
def test_foreign_bytes_are_refused(data: bytes) -> None:
    with pytest.raises(ValueError):
        unpack_signature(data)


def test_truncated_signature_is_refused() -> None:
    with pytest.raises(ValueError, match="truncated"):
        unpack_signature(pack_signature(minhash(text(ORIGINAL)))[:-2])


def test_empty_text_has_an_empty_signature_and_no_buckets() -> None:
    sig = minhash("  \n ")
    assert sig.empty and sig.shingles == 0
    assert lsh_buckets(sig) == []
    assert estimate_similarity(sig, sig) == 0.0


def test_short_text_is_one_shingle() -> None:
    assert shingles(["xem", "file", "dinh", "kem"]) == {"xem file dinh kem"}
    assert minhash("Xem file đính kèm").shingles == 1


def test_shingles_fold_tones_and_case() -> None:
    a = "Huyện Uỷ tổ chức hội nghị tổng kết công tác dân vận năm 2023"
    b = "huyện ủy tổ chức Hội nghị tổng kết công tác dân vận năm 2023"
    assert shingle_hashes(a) == shingle_hashes(b)


def test_figures_are_read_as_written() -> None:
    found = figures("Hiến 18.000 m2 đất, 7,8 tỷ đồng, giải quyết 128/135 đơn, ngày 15/3/2024.")
    assert found == {"18.000", "7,8", "128/135", "15/3/2024"}


def test_buckets_are_one_signed_64_bit_value_per_band() -> None:
    buckets = lsh_buckets(minhash(text(ORIGINAL)))
    assert [band for band, _ in buckets] == list(range(BANDS))
    assert all(-(2**63) <= bucket < 2**63 for _, bucket in buckets)


def test_a_copy_shares_buckets_and_a_different_article_does_not() -> None:
    original = set(lsh_buckets(minhash(text(ORIGINAL))))
    assert original & set(lsh_buckets(minhash(text("province_copy"))))
    assert not original & set(lsh_buckets(minhash(text("same_topic_other"))))


def test_signatures_do_not_depend_on_the_process() -> None:
    """Stored signatures are compared across workers: no per-process hash seed may leak in."""
    code = (
        "import sys; from dedup import minhash, pack_signature; "
        "sys.stdout.write(pack_signature(minhash(sys.stdin.read())).hex())"
    )
    outputs = set()
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-c", code], input=text(ORIGINAL), env=env,
            capture_output=True, text=True, check=True,
        )  # fmt: skip
        outputs.add(done.stdout)
    assert outputs == {pack_signature(minhash(text(ORIGINAL))).hex()}
