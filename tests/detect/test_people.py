"""Officials and their posts, as the person.post_changed detector sees them."""

from __future__ import annotations

import pytest

from parsers.people import find_people, post_key


@pytest.mark.parametrize(
    ("text", "name", "post"),
    [
        ("Dự hội nghị có đồng chí Lương Văn Bình – Phó Bí thư TT Huyện ủy, Chủ tịch UBND huyện Văn Bàn.",
         "Lương Văn Bình", "Phó Bí thư TT Huyện ủy"),
        ("Đồng chí Hà Thị Liễu - Trưởng Ban Dân vận Tỉnh ủy kết luận hội nghị.",
         "Hà Thị Liễu", "Trưởng Ban Dân vận Tỉnh ủy"),
        ("Đồng chí Nông Văn Chí, Phó Bí thư Thường trực Đảng ủy thị trấn Bằng Lũng cho biết.",
         "Nông Văn Chí", "Phó Bí thư Thường trực Đảng ủy thị trấn Bằng Lũng"),
        ("Đ/c Ma Đình Khang - Bí thư Chi bộ thôn Nà Pài vận động bà con hiến đất.",
         "Ma Đình Khang", "Bí thư Chi bộ thôn Nà Pài"),
        ("Ông Hoàng Duy Chinh, Chủ tịch UBND tỉnh phát biểu chỉ đạo.",
         "Hoàng Duy Chinh", "Chủ tịch UBND tỉnh"),
    ],
)
def test_name_and_first_post(text: str, name: str, post: str) -> None:
    (mention,) = find_people(text)
    assert (mention.name, mention.post) == (name, post)
    assert mention.sentence == text


@pytest.mark.parametrize(
    "text",
    [
        "Bà con Nhân dân phấn khởi đón Tết.",
        "Đồng chí Bí thư Huyện ủy chủ trì hội nghị.",
        "Ông Hoàng Duy Chinh cho biết, năm nay mùa màng bội thu.",
        "đồng chí Nguyễn Văn - người có uy tín trong thôn.",
    ],
)
def test_no_person_with_a_post(text: str) -> None:
    assert find_people(text) == []


def test_one_post_written_two_ways_has_one_key() -> None:
    short = post_key("Phó Bí thư TT Huyện ủy", "Bạch Thông, Bắc Kạn")
    full = post_key("Phó Bí thư Thường trực Huyện ủy Bạch Thông", "Bạch Thông, Bắc Kạn")
    assert short == full == "pho bi thu thuong truc huyen uy"
    assert post_key("Trưởng Ban Dân vận Tỉnh ủy") != full


def test_the_same_person_and_post_twice_is_one_mention() -> None:
    text = ("Đồng chí Lục Văn Toàn – Bí thư Huyện ủy chủ trì. Kết luận hội nghị, "
            "đồng chí Lục Văn Toàn, Bí thư Huyện ủy yêu cầu các xã chủ động.")
    assert [(m.name, m.post) for m in find_people(text)] == [("Lục Văn Toàn", "Bí thư Huyện ủy")]
