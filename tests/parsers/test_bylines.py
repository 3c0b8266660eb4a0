"""parsers.bylines: which short lines are credits, and what the author is."""

from __future__ import annotations

import pytest

from parsers.bylines import author_from_line, clean_author, is_credit_line, looks_like_name


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
        ("Theo Báo Bắc Kạn", "Theo Báo Bắc Kạn"),
        ("(Theo baobackan.vn)", "Theo baobackan.vn"),
        ("Tin, ảnh: Lý Thu Hà", "Lý Thu Hà"),
        ("Bài và ảnh: Hoàng Nam", "Hoàng Nam"),
        ("Tác giả bài viết: Phạm Thùy Dung", "Phạm Thùy Dung"),
        ("Nguồn: Ban Tuyên giáo Tỉnh ủy", "Ban Tuyên giáo Tỉnh ủy"),
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
    ],
)
def test_not_credit_lines(line: str) -> None:
    assert author_from_line(line) is None


def test_labelled_credit_is_never_a_caption() -> None:
    assert is_credit_line("Tin, ảnh: Mai Trâm")
    assert not is_credit_line("Ảnh: Quang cảnh Hội nghị")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("https://facebook.com/baobackan", None),
        ("toasoan@baobackan.vn", None),
        ("Tác giả: Hồng Phúc", "Hồng Phúc"),
        ("Linh Nguyen", "Linh Nguyen"),
    ],
)
def test_meta_authors(value: str, expected: str | None) -> None:
    assert clean_author(value) == expected


def test_name_shape() -> None:
    assert looks_like_name("Nông Thị Hòa")
    assert not looks_like_name("Ban Tuyên giáo Huyện ủy Đồng Hỷ")
