"""Open-vocabulary figures: any reported quantity with what it counts, and the traps that
look like figures but are not (years, dates, ages, phones, codes, names, ordinals, pages)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from parsers import find_indicators
from parsers.counted import label_key

PUBLISHED = datetime(2024, 7, 10, 3, 0, tzinfo=UTC)
HOME = "Bạch Thông, Bắc Kạn"


def _found(text: str) -> dict[str, tuple[float, str | None]]:
    return {v.indicator: (v.value, v.period) for v in find_indicators(text, PUBLISHED, HOME)}


@pytest.mark.parametrize(
    ("text", "key", "value"),
    [
        ("Năm 2023, xã hỗ trợ 135 hộ làm chuồng trại chăn nuôi.", "ho", 135),
        ("Năm 2023, trang thông tin điện tử huyện đăng 156 tin bài về gương điển hình.", "tin-bai", 156),
        ("Năm 2023, ngày hội có 3.500 lượt người tham gia các trò chơi dân gian.", "people-participating", 3500),
        ("Năm 2023, huyện trồng mới 845 cây quế trên đất đồi.", "cay-que", 845),
        ("Năm 2023, lực lượng vũ trang giúp dân 1,5 nghìn ngày công.", "workdays", 1500),
        ("Năm 2023, các xã làm 12,6 km đường bê tông nội đồng.", "rural-road-km", 12.6),
        ("Năm 2023, Hội Nông dân vận động 24 chi, đảng bộ trực thuộc.", "chi-dang-bo", 24),
    ],
)
def test_a_count_is_keyed_by_what_it_counts(text: str, key: str, value: float) -> None:
    assert _found(text)[key] == (value, "2023")


def test_a_share_is_keyed_by_what_it_is_a_share_of() -> None:
    found = _found("Năm 2023, thu ngân sách đạt 97,8% kế hoạch; tỷ lệ hộ dùng nước sạch đạt 99,1%.")
    assert found["ty-le-ke-hoach"] == (97.8, "2023")
    assert found["ty-le-ho-dung-nuoc-sach"] == (99.1, "2023")


def test_known_phrases_take_the_dictionary_key() -> None:
    found = _found("Năm 2023, chi bộ có thêm 312 đảng viên mới. Ban tiếp 1.200 lượt công dân.")
    assert found["party-members-admitted"] == (312, "2023")
    assert found["citizens-received"] == (1200, "2023")


def test_a_model_count_in_a_paragraph_about_dan_van_kheo_is_that_indicator() -> None:
    found = _found("Phong trào thi đua “Dân vận khéo” lan tỏa. Năm 2023, con số này là 205 mô hình.")
    assert found == {"dan-van-kheo-models": (205, "2023")}
    assert "dan-van-kheo-models" not in _found("Năm 2023, xã có 205 mô hình kinh tế hộ.")


def test_a_known_figure_is_not_repeated_under_an_open_key() -> None:
    values = find_indicators("Năm 2022, huyện nhận 42 đơn thư và giải quyết 36/42 đơn thư.", locality=HOME)
    assert sorted((v.indicator, v.value) for v in values) == [
        ("petitions-received", 42), ("petitions-resolved", 36)
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Năm 2024 là năm bản lề; từ 2021 đến nay huyện luôn đi đầu.",  # years
        "Ngày 25/3/2024 và sáng 19/12, đoàn về thăm xã.",  # dates
        "Cụ Nông Văn Lù năm nay 92 tuổi, có 60 năm tuổi Đảng.",  # ages
        "Mọi ý kiến gửi về số điện thoại 0209.3870.123 hoặc hotline 0912 345 678.",  # phones
        "Thực hiện Nghị quyết số 17-NQ/HU và Kế hoạch số 116 của UBND huyện.",  # documents
        "Bài viết đã thu hút 12.500 lượt xem và 830 lượt thích.",  # view counts
        "Kỷ niệm 94 năm Ngày thành lập Đảng, 79 năm Cách mạng Tháng Tám.",  # anniversaries
        "Xây dựng Chi bộ 4 tốt, gia đình 5 không 3 sạch theo Ban Chỉ đạo 35.",  # names
        "Phòng, chống dịch Covid-19 và khắc phục hậu quả bão số 3.",  # names
        "Đại hội đại biểu lần thứ 15, kỳ họp thứ 8 của khóa 20.",  # ordinal meetings
        "Cuốn sách dày 320 trang, in tại Chương 3, Điều 12 của Quy chế.",  # pages, articles
        "Xã cách trung tâm huyện 25 km, học sinh lớp 9 đi học xa.",  # distance, grade
        "Hội nghị khai mạc lúc 8 giờ 30 phút, 14h00 chiều bế mạc.",  # times of day
        "1. Kết quả đạt được\n2. Hạn chế",  # list markers
        "Quán triệt Nghị quyết Hội nghị Trung ương 8 khóa XIII đến cán bộ.",  # meeting of a term
        "Năm 2023, xã có thêm sản phẩm OCOP đạt 4 sao.",  # a rating
        "Năm 2023, giá trị thu được trên 1 ha canh tác tăng mạnh.",  # "per 1 ha"
        "Tăng/Giảm cỡ chữ 100%\nLượt xem: 3.402",  # toolbar and counter
        "Năm 2025, huyện phấn đấu kết nạp 150 đảng viên, bảo đảm 100% thôn có chi bộ.",  # targets
        "Số hộ nghèo giảm 6 hộ so với năm 2023, thu ngân sách tăng 2% so với cùng kỳ.",  # changes
        "Vé vào cửa khu di tích 15.000 đồng/người.",  # a price
        "Cầu treo mới có mặt cầu rộng 2,5 m, trụ cao 12 m.",  # sizes
        "Năm 2025, mỗi thôn phải có ít nhất 2 tổ tự quản về an ninh.",  # a requirement
        "Mỗi tổ hòa giải có từ 5 đến 7 hòa giải viên; 2/3 số thôn có đội văn nghệ.",  # range, fraction
    ],
)
def test_traps_are_not_figures(text: str) -> None:
    assert find_indicators(text, PUBLISHED, HOME) == []


def test_label_keys_fold_tones_and_drop_stop_words() -> None:
    assert label_key("Lượt công dân") == "luot-cong-dan"
    assert label_key("các hộ của xã") == "ho-xa"
    assert label_key("m²") == "m2"


def test_rates_per_time_are_figures() -> None:
    found = _found("Năm 2023, thu nhập bình quân đạt 51,3 triệu đồng/người/năm; lò đốt xử lý 2,4 tấn rác/ngày.")
    assert (51.3e6, "2023") in found.values() and (2.4, "2023") in found.values()


def test_money_in_two_parts_is_one_figure() -> None:
    found = _found("Năm 2023, Quỹ Khuyến học xã nhận 2 tỷ 150 triệu đồng từ các nhà hảo tâm.")
    assert list(found.values()) == [(2.15e9, "2023")]


def test_the_period_compared_with_is_not_the_figures_own() -> None:
    assert _found("Năm 2024 xã còn 41 hộ nghèo, ít hơn năm 2023 là 6 hộ; kết quả đó so với năm 2023 cao hơn.")[
        "ho-ngheo"] == (41, "2024")
    found = _found("Kết quả năm 2024: thôn có 96 hộ, giảm 3 hộ so với năm 2023; trồng 540 cây sa mộc.")
    assert found["ho"] == (96, "2024") and found["cay-sa-moc"] == (540, "2024")


def test_two_figures_of_one_kind_are_told_apart_by_their_words() -> None:
    values = {v.indicator: v.value for v in find_indicators(
        "Năm 2024, bộ phận một cửa nhận 2.310 hồ sơ, trả đúng hạn 2.288 hồ sơ; toàn huyện có "
        "402 mô hình “Dân vận khéo”, trong đó 77 mô hình cấp huyện.", PUBLISHED, HOME)}
    assert values["ho-so"] == 2310 and values["ho-so-tra-dung-han"] == 2288
    assert values["dan-van-kheo-models"] == 402 and values["dan-van-kheo-models-cap-huyen"] == 77


def test_a_lunar_new_year_names_its_year() -> None:
    values = find_indicators("Năm 2024 khép lại. Dịp Tết Ất Tỵ, Hội Chữ thập đỏ trao 340 suất quà.",
                             datetime(2025, 1, 15, tzinfo=UTC), HOME)
    assert [(v.value, v.period) for v in values] == [(340, "2025")]


def test_a_heading_sets_the_period_of_the_lines_under_it() -> None:
    text = ("BÁO CÁO SƠ KẾT CÔNG TÁC MẶT TRẬN QUÝ II NĂM 2024\n- Ban Thường trực: các khu dân cư "
            "tổ chức 28 buổi sinh hoạt.\n- Ban Công tác Mặt trận: vận động 1.150 lượt người hiến máu.")
    assert {v.value: v.period for v in find_indicators(text, PUBLISHED, HOME)} == {
        28: "2024-Q2", 1150: "2024-Q2"}
