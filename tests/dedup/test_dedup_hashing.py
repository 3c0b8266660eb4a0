"""Content hashes: equal for texts a reader calls identical, different after any real edit."""

from __future__ import annotations

import hashlib
import unicodedata

import pytest

from dedup import content_hash, hash_form

BASE = "Huyện ủy Chợ Mới đã xây dựng 412 mô hình “Dân vận khéo”, đạt 94,8% kế hoạch."

SAME = [
    "Huyện ủy Chợ Mới   đã xây dựng 412 mô hình\n“Dân vận khéo”, đạt 94,8% kế hoạch.  ",
    "Huyện ủy Chợ Mới đã xây dựng 412 mô hình\r\n\r\n“Dân vận khéo”, đạt 94,8% kế hoạch.",
    "Huyện\u00a0ủy Chợ Mới đã xây dựng 412 mô hình “Dân vận khéo”, đạt 94,8% kế hoạch.",
    unicodedata.normalize("NFD", BASE),
    "Huyện uỷ Chợ Mới đã xây dựng 412 mô hình “Dân vận khéo”, đạt 94,8% kế hoạch.",
    "HUYỆN ỦY Chợ Mới đã xây dựng 412 mô hình “Dân vận khéo”, đạt 94,8% kế hoạch.",
    "Huyện ủy Chợ Mới đã xây dựng 412 mô hình &ldquo;Dân vận khéo&rdquo;, đạt 94,8% kế hoạch.",
    "Huyện ủy Chợ\u200b Mới đã xây dựng 412 mô hình “Dân vận khéo”, đạt 94,8% kế hoạch.",
]
EDITED = [
    BASE.replace("412", "413"),
    BASE.replace("94,8%", "94,3%"),
    BASE.replace("đã xây dựng", "đang xây dựng"),
    BASE.replace("Chợ Mới", "Chợ Đồn"),
    BASE.replace("mô hình", "mô hinh"),  # a diacritic is a different word
]


@pytest.mark.parametrize("variant", SAME)
def test_presentation_differences_keep_the_hash(variant: str) -> None:
    assert content_hash(variant) == content_hash(BASE)


@pytest.mark.parametrize("variant", EDITED)
def test_an_edited_word_or_figure_changes_the_hash(variant: str) -> None:
    assert content_hash(variant) != content_hash(BASE)


def test_hash_is_sha256_hex_of_the_hash_form() -> None:
    digest = content_hash(BASE)
    assert digest == hashlib.sha256(hash_form(BASE).encode("utf-8")).hexdigest()
    assert len(digest) == 64 and int(digest, 16) >= 0


def test_hash_form_is_folded_lowercase_single_spaced() -> None:
    assert hash_form("  Huyện Uỷ\n\nChợ  Mới ") == "huyện ủy chợ mới"
