"""Periods and dates in prose, and how a figure's period is chosen from its context."""

from __future__ import annotations

from datetime import date

import pytest

from parsers.periods import PeriodContext, date_after, find_dates, find_periods, period_sort_key
from parsers.textspans import clause_bounds, fold_aligned, sentences


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Năm 2019", "2019"), ("trong năm 2022", "2022"), ("quý IV/2020", "2020-Q4"),
        ("quý 2 năm 2023", "2023-Q2"), ("6 tháng đầu năm 2024", "2024-6M"),
        ("9 tháng năm 2024", "2024-9M"), ("6 tháng cuối năm 2023", "2023-H2"),
        ("nhiệm kỳ 2020-2025", "2020-2025"), ("nhiệm kỳ 2020 – 2025", "2020-2025"),
        ("giai đoạn 2021–2025", "2021-2025"), ("tháng 5/2024", "2024-05"),
        ("tháng 12 năm 2023", "2023-12"), ("từ đầu năm 2024 đến nay", "2024-YTD"),
        ("ngày 25/3/2023", "2023-03-25"), ("ngày 13 tháng 12 năm 2023", "2023-12-13"),
        ("Đăng ngày 17 - 05 - 2024", "2024-05-17"),
    ],
)
def test_explicit_periods(text: str, label: str) -> None:
    (period,) = find_periods(text)
    assert period.label(None) == label


@pytest.mark.parametrize(
    ("text", "label"),
    [("quý III", "2020-Q3"), ("9 tháng đầu năm", "2020-9M"), ("Chiều 19/12", "2020-12-19"),
     ("từ đầu năm đến nay", "2020-YTD"), ("quý I", "2020-Q1"), ("6 tháng đầu năm", "2020-6M"),
     ("nhiệm kỳ qua", "2015-2020"), ("trong nhiệm kỳ", "2015-2020")],
)
def test_periods_that_take_the_year_from_context(text: str, label: str) -> None:
    (period,) = find_periods(text)
    assert period.label(None) is None
    assert period.label(2020) == label


@pytest.mark.parametrize(
    "text",
    ["90 năm", "sau 3 năm", "5 năm qua", "lần thứ XIII", "Covid-19", "số 15", "quy chế dân chủ"],
)
def test_not_periods(text: str) -> None:
    assert find_periods(text) == []


def test_dates() -> None:
    text = "ngày 24/11/2020, ngày 25-10-2017, ngày 13 tháng 12 năm 2023, 31/02/2020"
    assert [d for _, _, d in find_dates(text)] == [
        date(2020, 11, 24), date(2017, 10, 25), date(2023, 12, 13)
    ]


def test_date_after_a_code() -> None:
    text = "17-NQ/HU, ngày 13 tháng 12 năm 2023 của"
    found = date_after(text, fold_aligned(text), len("17-NQ/HU"))
    assert found is not None and found[0] == date(2023, 12, 13)
    assert text[found[1]:] == " của"


def _context(text: str, published: date | None) -> tuple[PeriodContext, list]:  # type: ignore[type-arg]
    found = sentences(text)
    ctx = PeriodContext(text, [(s.start, s.end, s.paragraph) for s in found], published=published)
    return ctx, found


def _period_of(text: str, figure: str, published: date | None = None) -> str | None:
    ctx, found = _context(text, published)
    pos = text.index(figure)
    index = max(i for i, s in enumerate(found) if s.start <= pos)
    clause = clause_bounds(text, found[index].start, found[index].end, pos)
    return ctx.period_at(index, pos, clause)


def test_period_in_the_clause_beats_the_sentence() -> None:
    text = "Năm 2022 có 20 mô hình, năm 2023 có 35 mô hình; quý I/2024 có 40 mô hình."
    assert _period_of(text, "20 mô") == "2022"
    assert _period_of(text, "35 mô") == "2023"
    assert _period_of(text, "40 mô") == "2024-Q1"


def test_year_from_an_earlier_heading_sentence() -> None:
    text = "Năm 2019, huyện làm được nhiều việc.\n\nKết quả có 41 mô hình.\n\nNăm 2020 sẽ khác."
    assert _period_of(text, "41 mô", date(2020, 1, 6)) == "2019"


def test_a_period_deep_in_an_earlier_paragraph_does_not_frame() -> None:
    text = (
        "Hội nghị đã thảo luận, bàn nhiều nội dung quan trọng, trong đó có kết quả của năm 2018 "
        "và những việc còn tồn tại.\n\nCó 41 mô hình."
    )
    assert _period_of(text, "41 mô", date(2020, 1, 6)) == "2020"


def test_last_year_early_in_the_year() -> None:
    assert _period_of("Trong năm qua, có 41 mô hình.", "41 mô", date(2023, 2, 7)) == "2022"
    assert _period_of("Trong năm qua, có 41 mô hình.", "41 mô", date(2023, 12, 20)) == "2023"


def test_a_day_gives_its_year() -> None:
    text = "Ngày 25/3/2023, có 500 người tham gia; huyện có thêm 10 km đường."
    assert _period_of(text, "500 người") == "2023"
    assert _period_of(text, "10 km") == "2023"


def test_a_month_counts_only_in_the_figures_own_sentence() -> None:
    text = "Ban được hợp nhất từ tháng 3/2025. Huyện tổ chức 126 hội nghị. Trong tháng 5/2025 có 40 hội nghị."
    assert _period_of(text, "126 hội") == "2025"
    assert _period_of(text, "40 hội") == "2025-05"


def test_no_evidence_at_all() -> None:
    assert _period_of("Có 41 mô hình.", "41 mô") is None


def test_sort_keys_compare_within_a_family() -> None:
    assert period_sort_key("2019") < period_sort_key("2022")
    assert period_sort_key("2020-Q4")[0] == period_sort_key("2021-Q1")[0] == "quarter"
    assert period_sort_key("2020-Q4") < period_sort_key("2021-Q1")
    assert period_sort_key("2024-6M") == ("6M", "2024")
    assert period_sort_key("2023-03-25")[0] == "day"


@pytest.mark.parametrize(
    ("year", "term"), [(2021, "2020-2025"), (2024, "2020-2025"), (2025, "2020-2025"), (2026, "2025-2030")]
)
def test_a_term_without_years_is_the_one_the_year_falls_in(year: int, term: str) -> None:
    (period,) = find_periods("Nhiệm kỳ qua, Đảng bộ đã lãnh đạo hoàn thành các chỉ tiêu.")
    assert period.kind == "this-term" and period.label(year) == term


def test_a_term_with_years_is_not_read_twice() -> None:
    assert [p.label(None) for p in find_periods("nhiệm kỳ 2020 - 2025")] == ["2020-2025"]


def test_figure_periods_for_every_form() -> None:
    from datetime import UTC, datetime

    from parsers import find_indicators

    text = (
        "Quý I/2024, xã tiếp 120 lượt công dân. 6 tháng đầu năm 2024, xã kết nạp 14 đảng viên mới. "
        "9 tháng đầu năm, xã trồng 845 cây quế. Nhiệm kỳ qua, xã xây 36 nhà đại đoàn kết. "
        "Giai đoạn 2021 - 2025, xã làm 18 km đường bê tông."
    )
    found = {v.value: v.period for v in find_indicators(text, datetime(2024, 10, 2, tzinfo=UTC))}
    assert found == {120: "2024-Q1", 14: "2024-6M", 845: "2024-9M", 36: "2020-2025", 18: "2021-2025"}


@pytest.mark.parametrize(
    ("text", "label"),
    [("từ năm 2021 đến hết năm 2024", "2021-2024"), ("từ 2022 đến 2024", "2022-2024"),
     ("Tết Giáp Thìn", "2024"), ("Tết Nguyên đán Bính Ngọ", "2026"), ("tính đến tháng 9/2024", "2024")],
)
def test_ranges_lunar_years_and_as_of_months(text: str, label: str) -> None:
    (period,) = find_periods(text)
    assert period.label(2025) == label


def test_a_bodys_term_and_a_compared_year_are_not_a_figures_period() -> None:
    from datetime import UTC, datetime

    from parsers import find_indicators

    text = ("Ngày 12/9/2025, Ban Chấp hành Đảng bộ phường khóa I, nhiệm kỳ 2025 - 2030 họp phiên "
            "thường kỳ. Đảng bộ có 31 chi bộ, giảm 2 chi bộ so với năm 2024.")
    found = find_indicators(text, datetime(2025, 9, 15, tzinfo=UTC))
    assert [(v.value, v.period) for v in found] == [(31, "2025")]
    born = find_indicators("Năm 2025, bà Hà Thị D (sinh năm 1979) trúng cử với 97,6% phiếu bầu.")
    assert [(v.value, v.period) for v in born] == [(97.6, "2025")]
