"""Figures in flattened tables: a row per indicator with period columns, a row per place with
measure columns, a row per period; row numbers, plans and comparisons left out."""

from __future__ import annotations

from datetime import UTC, datetime

from parsers import find_indicators

PUBLISHED = datetime(2025, 2, 3, 3, 0, tzinfo=UTC)
HOME = "Ngân Sơn, Bắc Kạn"


def _figures(text: str) -> set[tuple[float, str | None, str | None]]:
    return {(v.value, v.period, v.locality) for v in find_indicators(text, PUBLISHED, HOME)}


def test_a_row_per_indicator_with_period_columns_and_a_plan_column_left_out() -> None:
    text = (
        "Bảng tổng hợp kết quả\n"
        "TT | Nội dung | ĐVT | Năm 2023 | Năm 2024 | KH 2025\n"
        "1 | Số đảng viên mới kết nạp | người | 58 | 63 | 70\n"
        "2 | Vốn vay giải ngân | tỷ đồng | 12,5 | 14,25 | 15\n"
        "3 | Tỷ lệ hộ dùng điện lưới | % | 96,4 | 97,9 | 99"
    )
    assert _figures(text) == {
        (58, "2023", HOME), (63, "2024", HOME), (12.5e9, "2023", HOME), (14.25e9, "2024", HOME),
        (96.4, "2023", HOME), (97.9, "2024", HOME),
    }
    keys = {v.indicator for v in find_indicators(text, PUBLISHED, HOME)}
    assert "party-members-admitted" in keys  # the dictionary names a known row


def test_a_row_per_place_takes_the_year_from_the_caption_and_the_total_row_is_home() -> None:
    text = (
        "Tình hình hội viên Đoàn thanh niên năm 2024\n"
        "Xã\tĐoàn viên\tChi đoàn\tTỷ lệ tập hợp (%)\n"
        "Vân Tùng\t412\t9\t88,6\n"
        "Thượng Quan\t305\t7\t79\n"
        "Tổng\t717\t16\t84,1"
    )
    found = _figures(text)
    assert (412, "2024", "Vân Tùng") in found and (79, "2024", "Thượng Quan") in found
    assert (717, "2024", HOME) in found and (84.1, "2024", HOME) in found
    assert len(found) == 9


def test_a_row_per_period_and_quarter_columns() -> None:
    by_row = "Thời điểm | Hội viên | Chi hội\nNăm 2024 | 930 | 21\n6 tháng đầu năm 2025 | 951 | 22"
    assert _figures(by_row) == {(930, "2024", HOME), (21, "2024", HOME), (951, "2025-6M", HOME),
                                (22, "2025-6M", HOME)}
    quarters = "Năm 2024\nNội dung | Quý I | Quý II\nBuổi sinh hoạt chuyên đề | 14 | 17"
    assert _figures(quarters) == {(14, "2024-Q1", HOME), (17, "2024-Q2", HOME)}


def test_a_unit_in_the_row_label_scales_the_cells() -> None:
    text = "Nội dung | 2023 | 2024\nKinh phí duy tu đường (triệu đồng) | 1.250 | 1.480"
    assert _figures(text) == {(1.25e9, "2023", HOME), (1.48e9, "2024", HOME)}


def test_a_single_line_with_a_bar_is_not_a_table() -> None:
    assert find_indicators("In bài viết | Ý kiến bạn đọc", PUBLISHED, HOME) == []


def test_a_column_named_with_a_bare_year_is_that_year() -> None:
    text = ("Kết quả chủ yếu\nTT\tChỉ tiêu\tĐVT\tThực hiện 2024\tƯớc 2025\n"
            "1\tSố hộ được cấp nước sạch\thộ\t420\t515")
    assert _figures(text) == {(420, "2024", HOME), (515, "2025", HOME)}
