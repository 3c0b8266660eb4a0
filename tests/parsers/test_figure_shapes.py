"""Shapes of reported figures: tables whose caption gives the unit, total rows of numbered
tables, list items that share a verb, bracketed breakdowns, support levels per unit, figures
about a meeting after a term was named, and the traps each rule must leave alone."""

from __future__ import annotations

from datetime import UTC, datetime

from parsers import find_indicators

PUBLISHED = datetime(2025, 3, 12, 3, 0, tzinfo=UTC)
HOME = "Ba Bể, Bắc Kạn"


def _values(text: str, published: datetime = PUBLISHED) -> set[tuple[float, str | None]]:
    return {(v.value, v.period) for v in find_indicators(text, published, HOME)}


def _places(text: str) -> set[tuple[float, str | None, str | None]]:
    return {(v.value, v.period, v.locality) for v in find_indicators(text, PUBLISHED, HOME)}


# --- tables -------------------------------------------------------------------------------


def test_a_caption_unit_scales_cells_and_a_share_column_takes_the_caption_year() -> None:
    text = (
        "Thu ngân sách năm 2024 (đơn vị: triệu đồng)\n"
        "Khoản thu | Dự toán giao | Thực hiện đến 30/11/2024 | Tỷ lệ (%)\n"
        "Thuế ngoài quốc doanh | 4.200 | 3.950 | 94,0\n"
        "Lệ phí trước bạ | 1.100 | 1.215 | 110,5"
    )
    assert _values(text) == {
        (3.95e9, "2024"), (94.0, "2024"), (1.215e9, "2024"), (110.5, "2024"),
    }


def test_a_share_column_is_not_scaled_by_the_caption_unit() -> None:
    text = (
        "Vốn vay ưu đãi năm 2024 (ĐVT: tỷ đồng)\n"
        "Chương trình | Dư nợ đến 31/12/2024 | Tỷ lệ nợ quá hạn (%)\n"
        "Hộ nghèo | 12,4 | 0,3"
    )
    found = {(v.value, v.unit) for v in find_indicators(text, PUBLISHED, HOME)}
    assert found == {(12.4e9, "đồng"), (0.3, "%")}


def test_a_total_row_without_a_row_number_lines_up_with_the_header() -> None:
    text = (
        "Bảng 3. Nhà văn hóa thôn theo xã\n"
        "STT\tXã\tSố nhà văn hóa năm 2023\tSố nhà văn hóa năm 2024\n"
        "1\tQuảng Khê\t11\t13\n"
        "2\tĐồng Phúc\t8\t9\n"
        "\tCộng\t19\t22"
    )
    assert _places(text) == {
        (11, "2023", "Quảng Khê"), (13, "2024", "Quảng Khê"), (8, "2023", "Đồng Phúc"),
        (9, "2024", "Đồng Phúc"), (19, "2023", HOME), (22, "2024", HOME),
    }


def test_a_row_with_its_number_but_a_missing_cell_is_still_left_out() -> None:
    text = (
        "STT\tXã\tSố hộ năm 2023\tSố hộ năm 2024\n"
        "1\tQuảng Khê\t110\t130\n"
        "2\tĐồng Phúc\t80"
    )
    assert (80, "2023") not in _values(text)


# --- list items, grades, breakdowns ------------------------------------------------------


def test_a_later_list_item_shares_the_verb_of_the_first() -> None:
    text = "Năm 2024, Phòng Tư pháp tiếp nhận 12 hồ sơ; thẩm định 30 dự án, 9 hồ sơ."
    found = {v.indicator: v.value for v in find_indicators(text, PUBLISHED, HOME)}
    assert (12, "2024") in _values(text) and (9, "2024") in _values(text)
    assert len({k for k, v in found.items() if v in (12, 9)}) == 2


def test_a_grade_after_the_noun_tells_parts_apart() -> None:
    text = "Năm 2024, thành phố có 64 khách sạn, trong đó 3 khách sạn đạt 5 sao, 11 khách sạn 4 sao."
    assert {(64, "2024"), (3, "2024"), (11, "2024")} <= _values(text)
    assert (5, "2024") not in _values(text) and (4, "2024") not in _values(text)


def test_a_bracketed_breakdown_counts_what_the_whole_counts() -> None:
    text = "Năm 2024, Công an huyện xử phạt 86 trường hợp (cảnh cáo 20, phạt tiền 66)."
    found = {v.value: v.unit for v in find_indicators(text, PUBLISHED, HOME)}
    assert found == {86: "trường hợp", 20: "trường hợp", 66: "trường hợp"}


def test_a_bracketed_comparison_is_not_a_breakdown() -> None:
    text = "Năm 2024, huyện đón 15 đoàn khách quốc tế (năm 2023 là 12)."
    assert (12, "2024") not in _values(text) and (12, "2023") not in _values(text)


def test_a_number_published_is_counted_and_an_issue_number_is_not() -> None:
    text = "Năm 2024, Hội xuất bản 8 số tập san, mỗi số 1.200 bản. Bản tin số 7 có bài về gương điển hình."
    found = _values(text)
    assert {(8, "2024"), (1200, "2024")} <= found
    assert (7, "2024") not in found


# --- support per unit -------------------------------------------------------------------


def test_a_support_level_per_unit_is_a_figure() -> None:
    text = "Năm 2024, huyện hỗ trợ 40 triệu đồng/hộ làm nhà mới và 20 triệu đồng/hộ sửa nhà."
    found = {(v.value, v.unit) for v in find_indicators(text, PUBLISHED, HOME)}
    assert {(40e6, "đồng/hộ"), (20e6, "đồng/hộ")} <= found


def test_a_price_per_unit_is_not_a_support_level() -> None:
    assert find_indicators("Năm 2024, giá thóc giống bán ra là 15.000 đồng/kg.", PUBLISHED, HOME) == []


# --- meetings ---------------------------------------------------------------------------


def test_a_meeting_sentence_after_a_term_takes_the_meeting_year() -> None:
    text = (
        "Nhiệm kỳ 2020 - 2025, Hội Cựu chiến binh huyện đã kết nạp 300 hội viên mới. "
        "Đại hội có 150 đại biểu chính thức dự."
    )
    assert _values(text, datetime(2025, 6, 4, tzinfo=UTC)) == {(300, "2020-2025"), (150, "2025")}


def test_a_sentence_not_about_the_meeting_keeps_the_term() -> None:
    text = (
        "Nhiệm kỳ 2020 - 2025, Hội Cựu chiến binh huyện đã kết nạp 300 hội viên mới. "
        "Các chi hội có 42 mô hình kinh tế giỏi."
    )
    assert (42, "2020-2025") in _values(text, datetime(2025, 6, 4, tzinfo=UTC))


# --- thresholds -------------------------------------------------------------------------


def test_a_share_that_qualifies_counted_places_is_a_threshold() -> None:
    found = _values("Năm 2024, vẫn còn 4 xã có tỷ lệ hộ nghèo trên 15%.")
    assert (4, "2024") in found and (15, "2024") not in found


def test_a_share_reached_above_a_level_is_still_a_figure() -> None:
    assert (95, "2024") in _values("Năm 2024, tỷ lệ trẻ em được tiêm chủng đầy đủ đạt trên 95%.")
