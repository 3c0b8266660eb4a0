"""find_directives, find_indicators, normalize_text, fold and canonical_url on random text."""

from __future__ import annotations

import unicodedata
from datetime import datetime

from checks import check_directive, check_indicator
from hypothesis import example, given
from hypothesis import strategies as st
from vn_strategies import any_text, url_text

from dedup import canonical_url
from parsers import find_directives, find_indicators, fold, normalize_text

VN_LOWER = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ"
VN_LETTERS = VN_LOWER + VN_LOWER.upper() + "bcdghklmnpqrstvx" + "BCDGHKLMNPQRSTVX" + "\u00d0"
vn_words = st.text(alphabet=VN_LETTERS + " ", max_size=80)
PUBLISHED = st.one_of(st.none(), st.datetimes(min_value=datetime(1990, 1, 1),
                                              max_value=datetime(2040, 12, 31)))


@given(text=any_text)
@example(text="Nghị quyết số 17-NQ/HU ngày 13 tháng 12 năm 2023 và 15/2020/NĐ-CP")
@example(text="Chỉ thị 05 của Bộ Chính trị; Kế hoạch số 116; 858CV/ĐUK; 24- QĐ/TW")
def test_find_directives_is_total(text: str) -> None:
    refs = find_directives(text)
    assert isinstance(refs, list)
    for ref in refs:
        check_directive(ref)


@given(text=any_text, published=PUBLISHED, locality=st.one_of(st.none(), st.text(max_size=20)))
@example(text="Năm 2022, huyện có 298 mô hình Dân vận khéo; giải quyết 36/42 đơn thư, đạt 85%.",
         published=None, locality="Bạch Thông")
def test_find_indicators_is_total(text: str, published: datetime | None,
                                  locality: str | None) -> None:
    values = find_indicators(text, published_at=published, locality=locality)
    assert isinstance(values, list)
    for value in values:
        check_indicator(value)


@given(text=any_text)
@example(text="&amp;ocirc;")  # one unescape per call: entities of entities stay one level deep?
@example(text="Ð\u200bảng  uỷ\r\n\r\n\n hoà")
def test_normalize_text_is_idempotent(text: str) -> None:
    once = normalize_text(text)
    assert isinstance(once, str)
    assert normalize_text(once) == once
    assert unicodedata.is_normalized("NFC", once)
    assert "\u00d0" not in once and "\u200b" not in once


@given(text=any_text)
@example(text="Huyện ủy \u0300")  # the lone mark goes, the space before it must go too
def test_fold_is_idempotent(text: str) -> None:
    once = fold(text)
    assert fold(once) == once


@given(text=vn_words)
@example(text="ĐẢNG ỦY XÃ Ðồng Hỷ thuỷ lợi hoà")
def test_fold_turns_vietnamese_letters_into_ascii_lowercase(text: str) -> None:
    folded = fold(text)
    assert folded.isascii()
    assert folded == folded.lower()
    assert len(folded.replace(" ", "")) == len(text.replace(" ", ""))  # one letter, one letter


@given(text=vn_words.map(lambda t: unicodedata.normalize("NFD", t)))
def test_fold_ignores_decomposed_forms(text: str) -> None:
    assert fold(text) == fold(unicodedata.normalize("NFC", text))


@given(url=url_text)
@example(url="HTTP://BACKAN.GOV.VN.:80/./a/../Tin%7eTuc;jsessionid=AB?utm_source=x&b=2&a=1#top")
@example(url="http://bắckạn.vn/tin tức?a=%zz")
def test_canonical_url_is_total_and_idempotent(url: str) -> None:
    once = canonical_url(url)
    assert isinstance(once, str)
    assert canonical_url(once) == once
