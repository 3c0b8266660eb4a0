"""The near-duplicate rule on hand-written Vietnamese pairs: copies link, other reports don't."""

from __future__ import annotations

import pytest
from dedup_texts import text

from dedup import figure_agreement, is_near_duplicate, linkable, minhash

ORIGINAL = "district_original"


@pytest.mark.parametrize(
    "copy",
    [
        "province_copy",  # other lead, caption, byline, toolbar; a few edited phrases
        "province_trimmed",  # the first paragraphs only, under another lead
    ],
)
def test_republished_copies_are_near_duplicates(copy: str) -> None:
    a, b = minhash(text(ORIGINAL)), minhash(text(copy))
    assert is_near_duplicate(a, b) and is_near_duplicate(b, a)


@pytest.mark.parametrize(
    "other",
    [
        "same_topic_other",  # same officials and campaign, the previous year's review, new text
        "same_template_next_year",  # the same sentences, every figure and date changed
    ],
)
def test_other_reports_on_the_same_topic_are_not(other: str) -> None:
    a, b = minhash(text(ORIGINAL)), minhash(text(other))
    assert not is_near_duplicate(a, b) and not is_near_duplicate(b, a)


def test_figures_decide_when_the_wording_is_shared() -> None:
    a, b = minhash(text(ORIGINAL)), minhash(text("same_template_next_year"))
    agreement = figure_agreement(a, b)
    assert agreement is not None and agreement < 0.3
    assert figure_agreement(a, minhash(text("province_copy"))) == 1.0


def test_wording_alone_decides_without_enough_figures() -> None:
    prose = (
        "Ban Thường vụ Huyện ủy yêu cầu các chi bộ, đảng bộ trực thuộc tiếp tục quán triệt sâu "
        "sắc quan điểm lấy dân làm gốc, lắng nghe ý kiến Nhân dân, kịp thời giải quyết những "
        "kiến nghị chính đáng ngay từ cơ sở, không để phát sinh điểm nóng; đồng thời phát huy "
        "vai trò nêu gương của người đứng đầu cấp ủy, chính quyền trong công tác dân vận."
    )
    copy = "CTTĐT - " + prose + " Ảnh: Hồng Nhung"
    a, b = minhash(prose), minhash(copy)
    assert figure_agreement(a, b) is None
    assert is_near_duplicate(a, b)


def test_identical_short_notices_are_not_linkable() -> None:
    notice = minhash("Xem chi tiết văn bản tại tệp đính kèm.")
    assert not linkable(notice)
    assert not is_near_duplicate(notice, notice)
