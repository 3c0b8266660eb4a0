"""Where a figure's period, key and standing come from in shapes met after the 2025 merger:
meetings and their occasions, table captions with an as-of day, N-month and versus-plan
columns, former communes as table rows, school years, targets that open a list, growth rates,
government tiers; and, for each rule, the neighbouring case it must leave alone."""

from __future__ import annotations

from datetime import UTC, datetime

from parsers import find_indicators

PUBLISHED = datetime(2025, 9, 18, 3, 0, tzinfo=UTC)
HOME = "xã Ea Kar, Đắk Lắk"


def _values(text: str, published: datetime = PUBLISHED) -> set[tuple[float, str | None]]:
    return {(v.value, v.period) for v in find_indicators(text, published, HOME)}


def _places(text: str) -> set[tuple[float, str | None, str | None]]:
    return {(v.value, v.period, v.locality) for v in find_indicators(text, PUBLISHED, HOME)}


def _keys(text: str) -> dict[str, float]:
    return {v.indicator: v.value for v in find_indicators(text, PUBLISHED, HOME)}


# --- meetings and occasions -----------------------------------------------------------


def test_a_meeting_sentence_does_not_take_a_year_the_meeting_reviewed() -> None:
    text = (
        "Phát biểu khai mạc Đại hội, đồng chí Bí thư cho biết: năm 2024, thu nhập bình quân "
        "đầu người đạt 48,5 triệu đồng. Đại hội có 150 đại biểu, đại diện cho 1.043 đảng viên."
    )
    found = _values(text)
    assert (48.5e6, "2024") in found
    assert (150, "2025") in found and (1043, "2025") in found
    assert (150, "2024") not in found


def test_a_meeting_takes_the_year_of_the_last_date_written_before_it() -> None:
    text = (
        "Ngày 28/12/2024, Hội Nông dân huyện tổng kết công tác năm 2024. "
        "Hội nghị có 120 đại biểu tham dự."
    )
    assert (120, "2024") in _values(text, datetime(2025, 1, 6, tzinfo=UTC))


def test_a_meeting_takes_the_year_that_opens_the_sentence_naming_it() -> None:
    text = (
        "Năm 2020, huyện tổ chức thành công Đại hội Đảng bộ huyện lần thứ XX. "
        "Đại hội có 300 đại biểu chính thức."
    )
    assert _values(text) == {(300, "2020")}
    reviewed = (
        "Huyện ủy tổ chức Hội nghị tổng kết công tác năm 2024. Hội nghị có 200 đại biểu."
    )
    assert _values(reviewed, datetime(2025, 1, 8, tzinfo=UTC)) == {(200, "2025")}


def test_what_is_done_on_the_occasion_takes_the_events_year() -> None:
    text = (
        "Hội LHPN xã tổ chức tọa đàm. 9 tháng năm 2025, Hội đã giúp 27 hội viên thoát nghèo. "
        "Dịp này, Hội trao 20 suất học bổng cho con hội viên nghèo."
    )
    found = _values(text, datetime(2025, 10, 22, tzinfo=UTC))
    assert (27, "2025-9M") in found and (20, "2025") in found
    assert (20, "2025-9M") not in found
    # an occasion sentence with its own period keeps it
    own = "Dịp này, UBND huyện tặng giấy khen cho 12 tập thể trong phong trào thi đua năm 2023."
    assert (12, "2023") in _values(own)


# --- tables ---------------------------------------------------------------------------


def test_a_day_in_a_caption_is_the_date_figures_stand_at_not_their_period() -> None:
    text = (
        "Tiến độ thu hoạch lúa Hè Thu 2025 (đến ngày 10/8)\n"
        "Xã, phường | Diện tích xuống giống (ha) | Đã thu hoạch (ha)\n"
        "Thạnh Phú | 6.240 | 5.118\n"
        "Cộng | 15.045 | 12.597"
    )
    found = _places(text)
    assert (6240, "2025", "Thạnh Phú") in found and (12597, "2025", HOME) in found
    assert not any(period and period.endswith("08-10") for _, period, _ in found)


def test_a_bare_year_in_a_caption_dates_the_table() -> None:
    text = "Sản lượng lúa Đông Xuân 2024\nXã | Sản lượng (tấn)\nThạnh Phú | 6.240"
    assert _places(text) == {(6240, "2024", "Thạnh Phú")}


def test_an_n_month_column_is_the_first_n_months_and_a_plan_share_column_is_a_figure() -> None:
    text = (
        "Chỉ tiêu\tĐơn vị\tKH 2025\tThực hiện 9 tháng\tSo với KH (%)\n"
        "Thu ngân sách\ttriệu đồng\t215.000\t168.420\t78,3\n"
        "Tham gia BHYT\t%\t95\t93,4\t98,3"
    )
    found = {(v.value, v.period, v.unit) for v in find_indicators(text, PUBLISHED, HOME)}
    assert found == {
        (168_420e6, "2025-9M", "đồng"), (78.3, "2025-9M", "%"),
        (93.4, "2025-9M", "%"), (98.3, "2025-9M", "%"),
    }
    keys = _keys(text)
    assert keys["ty-le-thu-ngan-sach-so-voi-ke-hoach"] == 78.3


def test_a_column_compared_with_last_year_is_still_left_out() -> None:
    text = (
        "Chỉ tiêu\tĐơn vị\tThực hiện 6 tháng\tSo với cùng kỳ (%)\n"
        "Thu ngân sách\ttỷ đồng\t12,5\t108"
    )
    assert _values(text) == {(12.5e9, "2025-6M")}


def test_former_communes_are_table_rows_named_without_their_marker() -> None:
    text = (
        "Tổng hợp kết quả 6 tháng đầu năm 2025 theo địa bàn các xã trước sắp xếp\n"
        "Địa bàn | Diện tích lúa (ha) | Hộ nghèo (hộ)\n"
        "Bình Thạnh (cũ) | 2.310 | 41\n"
        "Mỹ Long (cũ) | 1.985 | 57\n"
        "Toàn xã | 4.295 | 98"
    )
    found = _places(text)
    assert (2310, "2025-6M", "Bình Thạnh") in found and (57, "2025-6M", "Mỹ Long") in found
    assert (98, "2025-6M", HOME) in found and len(found) == 6


# --- school years, parts of one key ---------------------------------------------------


def test_a_school_year_in_the_clause_beats_the_day_that_opens_it() -> None:
    text = "- Ngày 05/9, 9 trường học khai giảng năm học 2025 - 2026 với 2.364 học sinh."
    assert _values(text) == {(9, "2025-2026"), (2364, "2025-2026")}
    # any other term after the figure leaves the opening day's year
    other = "Sáng 10/9, 150 đại biểu dự hội nghị sơ kết giai đoạn 2021 - 2025."
    assert _values(other) == {(150, "2025")}


def test_parts_alike_in_their_first_words_are_told_apart_by_more_words() -> None:
    text = (
        "Năm 2025, 1 đảng viên được tặng Huy hiệu 75 năm tuổi Đảng, 26 đảng viên được tặng "
        "Huy hiệu 30, 40, 45 năm tuổi Đảng."
    )
    values = sorted(v.value for v in find_indicators(text, PUBLISHED, HOME))
    assert values == [1, 26]


# --- traps and targets ----------------------------------------------------------------


def test_renovating_streets_is_a_count_not_a_page_number() -> None:
    assert (3, "2025") in _values("Năm 2025, phường ra quân chỉnh trang 3 tuyến phố.")
    assert (3, "2025") not in _values("Năm 2025, bài viết đăng ở trang 3 tuyến phố cổ.")


def test_tiers_of_government_are_not_counted_but_party_committees_are() -> None:
    assert _values("Năm 2025, xã vận hành mô hình chính quyền địa phương 2 cấp ổn định.") == set()
    assert (12, "2025") in _values("Năm 2025, huyện kiện toàn 12 cấp ủy cơ sở.")


def test_items_of_a_list_a_target_opens_are_targets() -> None:
    text = (
        "Ban Chấp hành quyết nghị: phấn đấu thu ngân sách đạt 2,5 tỷ đồng trở lên; "
        "100% thôn có tổ công nghệ số cộng đồng; giải quyết 100% hồ sơ đúng hạn."
    )
    assert _values(text) == set()
    reported = (
        "Mục tiêu đề ra là nâng cao chất lượng phục vụ; đã giải quyết 1.200 hồ sơ đúng hạn; "
        "có 98% hồ sơ nộp trực tuyến."
    )
    assert (1200, "2025") in _values(reported)
    new_list = "Phấn đấu hoàn thành các chỉ tiêu; kết quả: 100% thôn có nhà văn hóa."
    assert (100, "2025") in _values(new_list)


def test_the_growth_of_the_economy_is_a_figure_a_change_of_a_count_is_not() -> None:
    text = "Năm 2025, tổng sản phẩm trên địa bàn (GRDP) ước tăng 7,3%, là mức cao nhất."
    assert _keys(text) == {"toc-do-tang-grdp": 7.3}
    assert _values("Năm 2025, thu ngân sách tăng 12% so với cùng kỳ.") == set()


def test_a_plan_share_column_written_without_brackets_is_a_figure() -> None:
    text = (
        "Chỉ tiêu | Đơn vị | Kế hoạch | Ước 6 tháng | Đạt % kế hoạch\n"
        "Hộ thoát nghèo | hộ | 120 | 75 | 62,5"
    )
    assert _values(text) == {(75, "2025-6M"), (62.5, "2025-6M")}


# --- periods that frame one sentence only ----------------------------------------------


def test_an_as_of_point_does_not_frame_the_sentences_after_it() -> None:
    text = (
        "Nhiệm kỳ 2020–2025, toàn xã trồng mới 1.200 ha rừng. Đến cuối năm 2024, tỷ lệ hộ "
        "nghèo còn 9,5%. Đảng bộ kết nạp 150 đảng viên mới."
    )
    found = _values(text)
    assert {(1200, "2020-2025"), (9.5, "2024"), (150, "2020-2025")} <= found
    assert (150, "2024") not in found
    # with nothing else to frame them, the as-of year still does
    alone = "Đến cuối năm 2024, toàn xã có 12 hợp tác xã. Các hợp tác xã thu hút 300 thành viên."
    assert (300, "2024") in _values(alone)


def test_a_narrower_period_after_riêng_frames_its_clause_only() -> None:
    text = (
        "Từ đầu năm đến nay, xã thu ngân sách 5 tỷ đồng; riêng quý III thu được 2 tỷ đồng. "
        "Xã đã cấp 40 giấy chứng nhận quyền sử dụng đất."
    )
    found = _values(text)
    assert (2e9, "2025-Q3") in found
    assert (40, "2025-YTD") in found and (40, "2025-Q3") not in found


def test_the_present_is_a_year_not_the_quarter_or_term_reviewed_before() -> None:
    quarter = (
        "Quý II/2025, xã cấp mới 200 thẻ bảo hiểm y tế. Hiện nay, toàn xã có 1.500 người "
        "tham gia bảo hiểm xã hội tự nguyện."
    )
    assert _values(quarter) == {(200, "2025-Q2"), (1500, "2025")}
    opening = "Quý II/2025, xã đón 9.000 lượt khách. Hiện trên địa bàn có 42 cơ sở lưu trú."
    assert (42, "2025") in _values(opening)
    term = "Giai đoạn 2020–2025, xã xây 12 nhà đại đoàn kết. Quỹ vì người nghèo hiện có 3 tỷ đồng."
    assert _values(term) == {(12, "2020-2025"), (3e9, "2025")}
    # after a year the present stays in it (a year-end report written in January)
    year = "Năm 2024, huyện ban hành 20 văn bản. Toàn huyện hiện có 30 mô hình dân vận khéo."
    assert (30, "2024") in _values(year, datetime(2025, 1, 10, tzinfo=UTC))
    # "thực hiện có hiệu quả" is not the present
    done = "Quý II/2025, xã mở 5 lớp tập huấn. Các chi bộ thực hiện có hiệu quả 12 mô hình."
    assert (12, "2025-Q2") in _values(done)
    # "Hiến máu" (folded like "hiện") does not open a sentence about the present
    donated = "Quý II/2025, xã vận động 50 người. Hiến máu tình nguyện, xã có 120 người tham gia."
    assert (120, "2025-Q2") in _values(donated)


def test_a_meeting_after_a_lead_clause_is_dated_by_the_meeting() -> None:
    text = (
        "Nhiệm kỳ 2020–2025, Đảng bộ kết nạp 80 đảng viên. Quán triệt Chỉ thị số 12-CT/TU "
        "ngày 05/3/2025 của Tỉnh ủy, Đại hội có 120 đại biểu, đại diện cho 900 đảng viên."
    )
    found = _values(text)
    assert {(80, "2020-2025"), (120, "2025"), (900, "2025")} <= found
    # a meeting named after the figure does not date it
    later = "Nhiệm kỳ 2020–2025, Đảng bộ kết nạp 80 đảng viên. Sau đó, xã xây 7 nhà, hội nghị có 50 đại biểu."
    assert (7, "2020-2025") in _values(later)


# --- traps and their neighbours --------------------------------------------------------


def test_a_frequency_before_a_figure_is_not_a_time_word_naming_it() -> None:
    text = "Nhiệm kỳ 2020–2025, bình quân hằng năm 90% chi bộ hoàn thành tốt nhiệm vụ."
    assert (90, "2020-2025") in _values(text)
    assert {v for v, _ in _values("Năm 2025, trường có 40 sinh viên năm 3.")} == {40}
    assert _values("Năm 2025, chi bộ sinh hoạt chuyên đề mỗi năm 2 lần.") == set()


def test_the_change_of_a_level_just_given_is_not_a_growth_rate() -> None:
    text = "Năm 2025, giá trị sản xuất nông nghiệp đạt 900 tỷ đồng, tăng 4,2% so với cùng kỳ."
    assert _values(text) == {(900e9, "2025")}
    grdp = "GRDP năm 2024 ước tăng 7,3% so với năm 2023."
    assert {v for v, _ in _values(grdp)} == {7.3}


def test_lower_case_ket_luan_before_a_count_is_a_verb() -> None:
    assert (12, "2025") in _values("Năm 2025, Ủy ban Kiểm tra kết luận 12 đảng viên có vi phạm.")
    assert _values("Năm 2025, xã thực hiện Kết luận 12 của Ban Bí thư.") == set()


def test_the_cashew_crop_is_not_an_article_number() -> None:
    text = "Năm 2025, diện tích cây điều 2.300 ha, sản lượng hạt điều 3.100 tấn."
    assert {v for v, _ in _values(text)} == {2300, 3100}
    assert _values("Năm 2025, theo điều 5 của Luật Đất đai.") == set()


def test_verbs_that_look_like_traps_before_a_count() -> None:
    # "mở rộng" widens, "cách chức" dismisses, "biên bản" records: each is followed by a count
    widened = "Năm 2025, xã mở rộng 7 tuyến đường nội đồng; mặt đường rộng 5 m."
    assert _values(widened) == {(7, "2025")}
    dismissed = "Năm 2025, thôn cách trung tâm xã 12 km; huyện cách chức 3 cán bộ."
    assert _values(dismissed) == {(3, "2025")}
    recorded = "Năm 2025, đội lập biên bản 145 trường hợp vi phạm; bản 12 có 40 hộ."
    assert (145, "2025") in _values(recorded) and (12, "2025") not in _values(recorded)


def test_a_national_target_programme_is_a_name_not_a_target() -> None:
    text = (
        "Năm 2024, huyện giải ngân 120 tỷ đồng vốn các chương trình mục tiêu quốc gia; "
        "xây mới 310 căn nhà cho hộ nghèo."
    )
    assert _values(text) == {(120e9, "2024"), (310, "2024")}
    target = "Năm 2025, huyện đặt mục tiêu xây mới 200 căn nhà cho hộ nghèo."
    assert _values(target) == set()


def test_a_figure_of_a_year_after_publication_is_a_target() -> None:
    plan = (
        "Đảng ủy xã ban hành kế hoạch với các chỉ tiêu: đến năm 2027, 100% thôn có wifi "
        "công cộng; tỷ lệ hộ dùng thanh toán số đạt 70%."
    )
    assert _values(plan) == set()
    done = "Năm 2025, 100% thôn có wifi công cộng; tỷ lệ hộ dùng thanh toán số đạt 70%."
    assert _values(done) == {(100, "2025"), (70, "2025")}


def test_a_count_broken_down_after_trong_do() -> None:
    text = (
        "Quý II/2025, huyện thi hành kỷ luật 12 đảng viên, trong đó khiển trách 7, "
        "cảnh cáo 3, khai trừ 2 đảng viên."
    )
    assert {v for v, _ in _values(text)} == {12, 7, 3, 2}
    unrelated = "Năm 2025, xã có 12 thôn, trong đó thôn 7 và thôn 3 đạt chuẩn."
    assert {v for v, _ in _values(unrelated)} == {12}


def test_a_yield_per_hectare_is_a_figure_and_an_average_per_commune_is_not() -> None:
    text = "Vụ Đông Xuân năm 2025, xã gieo cấy 210 ha lúa, năng suất ước 61,5 tạ/ha."
    assert _values(text) == {(210, "2025"), (61.5, "2025")}
    assert _values("Năm 2025, bình quân đạt 14,5 tiêu chí/xã.") == set()


def test_a_headline_repeated_by_the_body_is_one_figure() -> None:
    text = (
        "Xã Ea Kar trao 45 suất học bổng\n"
        "Từ đầu năm đến nay, xã Ea Kar đã trao 45 suất học bổng cho học sinh nghèo."
    )
    assert [v.period for v in find_indicators(text, PUBLISHED, HOME)] == ["2025-YTD"]
    other = "Xã Ea Kar trao 45 suất học bổng\nNăm 2024, xã đã trao 38 suất học bổng."
    assert {v for v, _ in _values(other)} == {45, 38}


def test_one_count_of_two_wholes_is_two_figures() -> None:
    text = (
        "Có mặt 27/29 đồng chí Ủy viên Ban Chấp hành. "
        "Hội nghị biểu quyết với 27/27 đồng chí có mặt tán thành."
    )
    assert [v.value for v in find_indicators(text, PUBLISHED, HOME)].count(27) == 2
    same = "Có mặt 27/29 đồng chí. Hội nghị ghi nhận 27/29 đồng chí có mặt."
    assert [v.value for v in find_indicators(same, PUBLISHED, HOME)].count(27) == 1


# --- tables ------------------------------------------------------------------------------


def test_a_ratio_cell_is_the_count_achieved() -> None:
    text = (
        "Kết quả năm 2024\n"
        "Xã | Số tiêu chí đạt | Hộ nghèo (hộ)\n"
        "Cao Kỳ | 17/19 | 30\n"
        "Hòa Mục | 19/19 | 12"
    )
    assert {(17, "2024", "Cao Kỳ"), (19, "2024", "Hòa Mục")} <= _places(text)
    dated = "Kết quả năm 2024\nXã | Ngày kiểm tra | Hộ nghèo (hộ)\nCao Kỳ | 5/9 | 30\nHòa Mục | 12/10 | 12"
    assert {v for v, _ in _values(dated)} == {30, 12}


def test_a_table_unit_in_trieu_dong_per_person_scales_the_cells() -> None:
    text = (
        "Kết quả năm 2024\n"
        "Xã | Thu nhập bình quân (triệu đồng/người/năm) | Tỷ lệ hộ nghèo (%)\n"
        "Cao Kỳ | 45,5 | 3,2\n"
        "Hòa Mục | 41 | 4,8"
    )
    found = {(v.value, v.unit) for v in find_indicators(text, PUBLISHED, HOME)}
    assert {(45.5e6, "đồng/người/năm"), (41e6, "đồng/người/năm"), (3.2, "%"), (4.8, "%")} == found


def test_a_row_per_item_table_keys_each_row_by_its_label() -> None:
    text = (
        "Kết quả xếp loại năm 2024\n"
        "Nội dung\nSố lượng\nTỷ lệ (%)\n"
        "Chi bộ hoàn thành tốt nhiệm vụ\n30\n75\n"
        "Chi bộ hoàn thành nhiệm vụ\n8\n20\n"
        "Chi bộ không hoàn thành nhiệm vụ\n2\n5"
    )
    found = find_indicators(text, PUBLISHED, HOME)
    assert {(v.value, v.period) for v in found} == {
        (30, "2024"), (75, "2024"), (8, "2024"), (20, "2024"), (2, "2024"), (5, "2024"),
    }
    assert len({v.indicator for v in found}) == 6


def test_a_budget_estimate_column_is_a_plan() -> None:
    text = (
        "Chỉ tiêu | Dự toán năm 2024 | Thực hiện năm 2024\n"
        "Thu ngân sách (tỷ đồng) | 50 | 55\n"
        "Chi ngân sách (tỷ đồng) | 40 | 38"
    )
    assert _values(text) == {(55e9, "2024"), (38e9, "2024")}


def test_a_table_flattened_one_cell_per_line() -> None:
    numbered = (
        "BIỂU 01: KẾT QUẢ THU NGÂN SÁCH NĂM 2024\n(Đơn vị tính: triệu đồng)\n"
        "STT\nNội dung\nDự toán năm 2024\nThực hiện năm 2024\nTỷ lệ so với dự toán (%)\n"
        "1\nThu thuế ngoài quốc doanh\n12.000\n13.200\n110\n"
        "2\nThu phí, lệ phí\n800\n760\n95"
    )
    assert _values(numbered) == {(13.2e9, "2024"), (110, "2024"), (760e6, "2024"), (95, "2024")}
    by_unit = (
        "CHỈ TIÊU CHỦ YẾU\nChỉ tiêu\nĐơn vị tính\nNăm 2023\nNăm 2024\n"
        "Thu ngân sách\ntỷ đồng\n120,5\n131\n"
        "Tỷ lệ hộ nghèo\n%\n4,2\n3,1\nNguồn: Chi cục Thống kê"
    )
    assert _values(by_unit) == {
        (120.5e9, "2023"), (131e9, "2024"), (4.2, "2023"), (3.1, "2024"),
    }


def test_short_lines_that_are_not_a_table() -> None:
    lines = "Nội dung\nTuyên truyền pháp luật\nXây dựng nông thôn mới\nChuyển đổi số"
    assert _values(lines) == set()
    prose = "Nội dung\nNăm 2025, xã xây 12 nhà.\nXã trồng 5 ha rừng.\nXã mở 3 lớp học."
    assert {v for v, _ in _values(prose)} == {12, 5, 3}


# --- places ----------------------------------------------------------------------------


def test_places_named_in_an_aside_are_not_the_figures_place() -> None:
    text = (
        "Năm 2025, trên địa bàn xã (sắp xếp từ thị trấn Ea Knốp và xã Cư Huê) diện tích "
        "lúa đạt 900 ha; đàn bò 4.000 con."
    )
    assert {(900, "2025", HOME), (4000, "2025", HOME)} <= _places(text)


def test_a_former_commune_after_riêng_keeps_its_figures() -> None:
    text = "Năm 2025, xã thu hút 5 dự án; riêng khu vực xã Cư Huê (cũ) thu hút 2 dự án."
    assert (2, "2025", "xã Cư Huê") in _places(text)
    named = "Năm 2025, toàn tỉnh có 100 ha; riêng Ea Knốp (cũ) có 40 ha."
    assert (40, "2025", "Ea Knốp") in _places(named)


# --- list leads and document acts -------------------------------------------------------


def test_a_lead_ending_with_a_colon_frames_the_items_of_its_list() -> None:
    text = (
        "Thực hiện Nghị quyết số 03-NQ/ĐU ngày 18/7/2025 của Đảng ủy xã, kết quả các dự án hỗ "
        "trợ đồng bào dân tộc thiểu số giai đoạn 2021–2025 trên địa bàn xã như sau:\n"
        "+ Hỗ trợ đất sản xuất cho 64 hộ;\n"
        "+ Xây dựng 46 công trình hạ tầng thiết yếu.\n"
        "Hội nông dân xã có 120 hội viên mới."
    )
    found = _values(text)
    assert (64, "2021-2025") in found and (46, "2021-2025") in found
    # the prose after the list is no longer framed by the lead
    assert (120, "2025") in found and (120, "2021-2025") not in found
    # a lead that does not end with ":" frames nothing beyond its own line
    prose = text.replace("như sau:\n+ ", "như sau.\n").replace("\n+ ", "\n")
    assert (64, "2025") in _values(prose) and (64, "2021-2025") not in _values(prose)


def test_up_to_now_in_a_framed_list_item_keeps_the_leads_period() -> None:
    text = (
        "Kết quả công tác giám sát 6 tháng đầu năm 2025 của Ủy ban MTTQ tỉnh:\n"
        "- Tiếp nhận 146 đơn thư; đến nay đã giải quyết 129/146 đơn, đạt 88,4%;\n"
        "- Thực hiện 412 cuộc giám sát."
    )
    found = _values(text)
    assert {(146, "2025-6M"), (129, "2025-6M"), (88.4, "2025-6M"), (412, "2025-6M")} <= found
    # outside a list, "đến nay" after a 6-month sentence still stands in that year
    prose = "6 tháng đầu năm 2025, xã tiếp nhận 146 đơn thư. Đến nay đã giải quyết 129 đơn."
    assert (129, "2025") in _values(prose) and (146, "2025-6M") in _values(prose)


def test_the_period_of_what_a_cited_document_does_is_not_the_figures() -> None:
    text = (
        "Thực hiện Quyết định số 546/QĐ-TTg ngày 29/4/2022 của Thủ tướng Chính phủ giao chỉ "
        "tiêu bao phủ bảo hiểm y tế giai đoạn 2022 - 2025, Ủy ban MTTQ tỉnh đã giám sát tại "
        "14 xã, phường. Qua giám sát, đoàn đã tiếp nhận 23 ý kiến, kiến nghị."
    )
    found = _values(text, datetime(2025, 10, 8, tzinfo=UTC))
    assert (14, "2025") in found and (23, "2025") in found
    assert (14, "2022-2025") not in found
    # a period in a clause of its own after the reference still dates the figures
    own = (
        "Thực hiện Quyết định số 546/QĐ-TTg của Thủ tướng Chính phủ, giai đoạn 2022 - 2025 "
        "tỉnh đã giám sát tại 14 xã, phường."
    )
    assert (14, "2022-2025") in _values(own, datetime(2025, 10, 8, tzinfo=UTC))
