"""parsers.bylines: which short lines are credits, who the author is, and what the source is."""

from __future__ import annotations

import pytest

from parsers.bylines import (
    author_from_line,
    clean_author,
    credit_of,
    is_credit_line,
    looks_like_name,
    source_from_line,
)


@pytest.mark.parametrize(
    ("line", "author"),
    [
        ("Thu Trang", "Thu Trang"),
        ("Ngô Hải - BTG HU", "Ngô Hải - BTG HU"),
        ("Mỹ Nhiên", "Mỹ Nhiên"),
        ("Đức Minh - Văn phòng Huyện ủy", "Đức Minh - Văn phòng Huyện ủy"),
        ("Hà Anh - Quang Huy", "Hà Anh - Quang Huy"),
        ("Minh Hằng (tổng hợp)", "Minh Hằng"),
        ("TẤN LỰC", "TẤN LỰC"),
        ("PV", "PV"),
        ("Tin, ảnh: Lý Thu Hà", "Lý Thu Hà"),
        ("Bài và ảnh: Hoàng Nam", "Hoàng Nam"),
        ("Tác giả bài viết: Phạm Thùy Dung", "Phạm Thùy Dung"),
        ("By Jane Doe", "Jane Doe"),
    ],
)
def test_credit_lines(line: str, author: str) -> None:
    assert author_from_line(line) == author


@pytest.mark.parametrize(
    "line",
    [
        "Ý kiến bạn đọc",
        "Chuyên mục khác",
        "Ảnh: Quang cảnh Hội nghị",
        "Theo đó, các xã phải hoàn thành trước ngày 30/6",
        "Theo kế hoạch số 5",
        "Năm 2020, Ban Dân vận tiếp tục đổi mới",
        "Kết luận",
        "KẾT LUẬN",
        "Đồng Chí Nguyễn Văn A",
        "Hội nghị đã thành công tốt đẹp./.",
        "Chung nhan Tin Nhiem Mang",
        "Theo Báo Bắc Kạn",
        "Nguồn: Ban Tuyên giáo Tỉnh ủy",
        "Báo Lào Cai",
    ],
)
def test_not_credit_lines(line: str) -> None:
    assert author_from_line(line) is None


@pytest.mark.parametrize(
    ("line", "source"),
    [
        ("Theo Báo Bắc Kạn", "Báo Bắc Kạn"),
        ("(Theo baobackan.vn)", "baobackan.vn"),
        ("Theo TTXVN.", "TTXVN"),
        ("Nguồn: Ban Tuyên giáo Tỉnh ủy", "Ban Tuyên giáo Tỉnh ủy"),
        ("Nguồn tin: Báo Thái Nguyên", "Báo Thái Nguyên"),
        ("Nguồn: Trang thông tin điện tử Tỉnh ủy (xem bài gốc)", "Trang thông tin điện tử Tỉnh ủy"),
        ("Theo Báo Lào Cai - Xem bài gốc", "Báo Lào Cai"),
        ("Nguồn: https://baolaocai.vn/tin-123.html", "https://baolaocai.vn/tin-123.html"),
        ("Nguồn: tổng hợp", "tổng hợp"),
        ("Báo Yên Bái", "Báo Yên Bái"),
        ("baothainguyen.vn", "baothainguyen.vn"),
    ],
)
def test_source_lines(line: str, source: str) -> None:
    assert source_from_line(line) == source
    assert credit_of(line) == (None, source)


@pytest.mark.parametrize(
    "line",
    [
        "Thu Trang",
        "Theo kế hoạch số 5",
        "Theo Kế hoạch số 05-KH/ĐU của Ban Thường vụ",
        "Theo đó, các xã phải hoàn thành trước ngày 30/6",
        "Báo cáo tổng kết năm 2024",
        "Nguồn ảnh: Internet",
        "Nguồn Quỹ Hỗ trợ nông dân đạt 57,8 tỷ đồng, giúp 1.820 hộ vay vốn",
    ],
)
def test_not_source_lines(line: str) -> None:
    assert source_from_line(line) is None


@pytest.mark.parametrize(
    ("line", "credit"),
    [
        ("Hà Linh (Theo Báo Thái Nguyên)", ("Hà Linh", "Báo Thái Nguyên")),
        ("Thu Hà (Nguồn: Báo Lào Cai)", ("Thu Hà", "Báo Lào Cai")),
        ("Minh Hằng (tổng hợp)", ("Minh Hằng", None)),
        ("Ý kiến bạn đọc", (None, None)),
    ],
)
def test_person_and_source_on_one_line(line: str, credit: tuple[str | None, str | None]) -> None:
    assert credit_of(line) == credit


def test_labelled_credit_is_never_a_caption() -> None:
    assert is_credit_line("Tin, ảnh: Mai Trâm")
    assert is_credit_line("Nguồn: Báo Bắc Kạn")
    assert not is_credit_line("Ảnh: Quang cảnh Hội nghị")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("https://facebook.com/baobackan", None),
        ("toasoan@baobackan.vn", None),
        ("Tác giả: Hồng Phúc", "Hồng Phúc"),
        ("Theo Báo Bắc Kạn", None),
        ("Linh Nguyen", "Linh Nguyen"),
    ],
)
def test_meta_authors(value: str, expected: str | None) -> None:
    assert clean_author(value) == expected


def test_name_shape() -> None:
    assert looks_like_name("Nông Thị Hòa")
    assert not looks_like_name("Ban Tuyên giáo Huyện ủy Đồng Hỷ")
