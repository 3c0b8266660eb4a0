"""parsers.boilerplate: furniture lines, end-of-article markers, lead prefixes, class words."""

from __future__ import annotations

import pytest

from parsers.boilerplate import (
    content_hint,
    is_boilerplate,
    is_end_marker,
    is_junk_class,
    strip_lead_prefix,
)


@pytest.mark.parametrize(
    "line",
    [
        "Tăng/Giảm cỡ chữ:  TĂNG+  |  GIẢM-",
        "TĂNG+ | GIẢM-",
        "Tăng cỡ chữ Giảm cỡ chữ",
        "100%",
        "PublishingPortal - Block_BanTin_Toolbar",
        "PublishingPortal - Block_BanTin_ViewData",
        "Tin tức Đăng nhập",
        "Chung nhan Tin Nhiem Mang",
        "68",
        "Lượt xem: 1.234",
        "In bài viết",
        "Gửi email",
        "Chia sẻ",
        "Facebook Zalo Twitter",
        "Xem thêm",
        "Xem bài gốc",
        "(Link bài gốc)",
        "|",
    ],
)
def test_furniture_lines(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize(
    "line",
    [
        "Mỹ Nhiên",
        "Năm 2019, Ban Dân vận đã giúp Huyện ủy",
        "100% chi bộ đã đăng ký",
        "Nhiều mô hình hay",
    ],
)
def test_text_lines_are_kept(line: str) -> None:
    assert not is_boilerplate(line)


@pytest.mark.parametrize(
    ("line", "end"),
    [
        ("Ý kiến bạn đọc", True),
        ("Chuyên mục khác", True),
        ("Tin liên quan:", True),
        ("Các tin khác", True),
        ("Tin cùng chuyên mục", True),
        ("Bình luận (3)", True),
        ("12 bình luận", True),
        ("Related stories", True),
        ("Xem thêm", False),
        ("Tin liên quan đến việc giải phóng mặt bằng dự án đường tỉnh", False),
    ],
)
def test_end_markers(line: str, end: bool) -> None:
    assert is_end_marker(line) is end


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("CTTĐT - Chiều 06/01/2020, Huyện ủy", "Chiều 06/01/2020, Huyện ủy"),
        ("(ĐCSVN) - Sáng nay, Ban Bí thư", "Sáng nay, Ban Bí thư"),
        ("(BKO) – Năm 2023, huyện Chợ Đồn", "Năm 2023, huyện Chợ Đồn"),
        ("TTXVN - Ngày 5/3", "Ngày 5/3"),
        ("(Chinhphu.vn) - Thủ tướng", "Thủ tướng"),
        ("TTO - Sáng 28-11, TP Đà Nẵng", "Sáng 28-11, TP Đà Nẵng"),
        ("HĐND - UBND huyện Bạch Thông tổ chức", "HĐND - UBND huyện Bạch Thông tổ chức"),
        ("(Theo báo cáo của Ban Dân vận) - số liệu", "(Theo báo cáo của Ban Dân vận) - số liệu"),
        ("Năm 2023, huyện Chợ Đồn", "Năm 2023, huyện Chợ Đồn"),
    ],
)
def test_lead_prefixes(text: str, expected: str) -> None:
    assert strip_lead_prefix(text) == expected


@pytest.mark.parametrize(
    ("classes", "junk", "hint"),
    [
        ("entry-content", False, 1),
        ("bodytext margin-bottom-lg", False, 1),
        ("ms-rtestate-field", False, 1),
        ("sharedaddy sd-sharing-enabled", True, -1),
        ("jp-relatedposts", True, -1),
        ("tandan-div-article-other", True, -1),
        ("breadcrumb", True, -1),
        ("col-md-8", False, 0),
    ],
)
def test_class_words(classes: str, junk: bool, hint: int) -> None:
    assert (is_junk_class(classes), content_hint(classes)) == (junk, hint)
