"""Numbers in prose that are not reported figures, told apart by the words around them.

Dates, periods, phone numbers and directive codes are removed before (periods.py,
numbers.py, directives.py). What is left and still not a figure: years written bare, ordinals
("lần thứ 15", "Đại hội lần 5"), numbers that are part of a name ("Ban Chỉ đạo 35",
"Covid-19", "bão số 3", "thôn 2", "lớp 5"), ages, page and view counts, list markers.
"""

from __future__ import annotations

import re

from core.text import normalize_tone_marks

_WORD_BEFORE = re.compile(r"([^\W\d_]+)[ \t]*$")
_TWO_BEFORE = re.compile(r"([^\W\d_]+)[ \t]+([^\W\d_]+)[ \t]*$")
# The word right before the number makes it an ordinal, a rank or part of a name.
_NAMING_WORD = frozenset({
    "thứ", "lần", "đợt", "khóa", "khoá", "kỳ", "phiên", "số", "mục", "điều", "khoản", "chương",
    "trang", "phần", "tổ", "thôn", "xóm", "khu", "bản", "ấp", "đội", "hạng", "top", "tốp",
    "phòng", "đường", "lộ", "lớp", "cụm", "khối", "vùng", "tuổi", "lúc", "nhóm", "bước", "tháng",
    "ngày", "quý", "tuần", "năm", "giờ", "kênh", "tầng", "lô", "tuyến", "km", "phụ", "kèm", "mẫu",
    "biểu", "ảnh", "video", "clip"
})
# Two words before that name a document or a body: "Chỉ thị 05", "Ban Chỉ đạo 35".
_NAMING_PAIR = frozenset({
    "chỉ thị", "nghị quyết", "kết luận", "quyết định", "quy định", "chương trình", "đề án",
    "kế hoạch", "công văn", "thông báo", "thông tư", "nghị định", "hướng dẫn", "chỉ đạo",
    "quy chế", "tiêu chí", "chỉ tiêu", "phụ lục", "độ tuổi", "tổ dân", "dân phố", "khu phố",
    "giai đoạn", "nhiệm vụ", "sư đoàn", "trung đoàn", "tiểu đoàn", "quốc lộ",
    "tỉnh lộ", "huyện lộ", "đường số", "công nghiệp",
})
# Pairs that name a document only when written with a capital ("Hướng dẫn 12"); lower-case
# they are verbs ("hướng dẫn 50 hộ", "chỉ đạo 5 xã").
# "kết luận 29 đảng viên có vi phạm" (concluded) beside "Kết luận 29" (a document).
_CAPITAL_ONLY = frozenset({
    "hướng dẫn", "chỉ đạo", "thông báo", "nhiệm vụ", "công nghiệp", "kết luận"
})
# "tổng số 312 đảng viên", "trong số 42 đơn": "số" after these counts.
_SO_COUNTS = frozenset({"tổng", "trong", "với", "có", "được", "đạt", "là", "mỗi"})
# A naming word that ends a verb: "xuất bản 12 số" publishes, "bản 12" would be a village;
# "chỉnh trang 3 tuyến phố" renovates, "trang 3" would be a page; "cây điều 4.615 ha" is the
# cashew crop, "điều 4" would be an article; "lập biên bản 312 trường hợp" records cases.
_VERB_PAIR = frozenset({
    "xuất bản", "biên bản", "chỉnh trang", "cây điều", "hạt điều", "vườn điều", "trồng điều", "diện tích điều"
})
# "hằng năm", "mỗi tháng": a frequency before a figure, not a time word naming the number.
_EVERY = frozenset({"hằng", "hàng", "mỗi"})
_EVERY_UNIT = frozenset({"năm", "tháng", "quý", "tuần", "ngày"})
_TIMES_AFTER = re.compile(r"[ \t]*(?:lần|đợt|buổi|phiên|kỳ)(?!\w)")
_CONTACT = re.compile(
    r"(?:điện thoại|đt|sđt|hotline|fax|zalo|di động|liên hệ|số máy)[ \t]*:?[ \t]*$", re.IGNORECASE
)
_VIEWS_BEFORE = re.compile(
    r"(?:lượt xem|lượt truy cập|truy cập|lượt đọc|đang online|online|cỡ chữ)[ \t]*:?[ \t]*$"
)
_VIEWS_AFTER = re.compile(
    r"[ \t]*(?:lượt (?:xem|truy cập|đọc|thích|like|bình luận|theo dõi|tương tác|chia sẻ|tiếp cận)|"
    r"views?|người (?:xem|theo dõi)|like|bình luận)(?!\w)"
)
# "cách trung tâm huyện 25 km": how far a place is, not something done; "cách chức 1",
# "cách ly 20 người" dismiss or isolate (verbs).
_DISTANCE_BEFORE = re.compile(r"(?<!\w)cách(?![ \t]+(?:chức|ly)(?!\w))(?:[ \t]+[^\W\d_]+){0,4}[ \t]*$")
# "mặt đường rộng 7,5 m", "đê cao 4 m": the size of a thing, not something done or counted;
# "mở rộng 9 tuyến đường" widens (a verb), it measures nothing.
_DIMENSION_BEFORE = re.compile(r"(?<!\w)(?:(?<!mở )(?<!nới )rộng|cao|sâu|dày)(?:[ \t]+(?:khoảng|gần|hơn|trên))?[ \t]*$")
_RANGE_BEFORE = re.compile(r"(?<!\w)từ[ \t]+\d[\d.,]*[ \t]*(?:đến|tới|-|–)[ \t]*$")
_FRACTION_AFTER = re.compile(r"[ \t]+số[ \t]")
_PER_BEFORE = re.compile(r"(?<!\w)(?:trên|mỗi|cho mỗi|bình quân)[ \t]*$")
_BARE_YEAR = re.compile(r"(?:19|20)\d{2}")
_LIST_MARKER_AFTER = re.compile(r"[.)][ \t]")


def _lower(text: str) -> str:
    return normalize_tone_marks(text.lower())


def not_a_figure(text: str, start: int, end: int, raw: str) -> str | None:
    """Why the number at [start, end) is not a reported figure, or None when it may be one."""
    if _BARE_YEAR.fullmatch(raw):
        return "year"
    glued = text[start - 1 : start]
    if glued in "-–" and start >= 2 and text[start - 2].isalnum():
        return "name"  # "Covid-19", "SARS-CoV-2"
    line_start = text.rfind("\n", 0, start) + 1
    lead = text[line_start:start]
    if (not lead.strip() or lead.strip() in "-•+*(") and _LIST_MARKER_AFTER.match(text, end):
        return "list marker"
    if glued == "(" and text[end : end + 1] == ")" and raw.isdigit() and len(raw) <= 2:
        return "list marker"  # "(1)", "(2)"; "(21,4%)" is a share
    before = _lower(text[max(0, start - 40) : start])
    if _CONTACT.search(before) or _VIEWS_BEFORE.search(before):
        return "contact or counter"
    if _VIEWS_AFTER.match(_lower(text[end : end + 30])):
        return "view count"
    if _DISTANCE_BEFORE.search(before) or _DIMENSION_BEFORE.search(before):
        return "distance or size"
    if _RANGE_BEFORE.search(before):
        return "range"  # "từ 3 đến 5 thành viên"
    if _FRACTION_AFTER.match(text, end) and "/" in text[start:end]:
        return "fraction"  # "1/3 số thôn"
    if raw == "1" and _PER_BEFORE.search(before):
        return "per unit"  # "giá trị thu được trên 1 ha đất", "mỗi 1 hộ"
    return _naming_word(text, start, end, before)


def _naming_word(text: str, start: int, end: int, before: str) -> str | None:
    word = _WORD_BEFORE.search(before)
    if word is None:
        return None
    pair = _TWO_BEFORE.search(before)
    if pair is not None:
        joined = f"{pair.group(1)} {pair.group(2)}"
        if joined in _NAMING_PAIR:
            if joined not in _CAPITAL_ONLY:
                return "name"
            written = text[max(0, start - 40) : start]
            first = re.search(r"([^\W\d_]+)[ \t]+[^\W\d_]+[ \t]*$", written)
            if first is not None and first.group(1)[0].isupper():
                return "name"
    if word.group(1) not in _NAMING_WORD:
        return None
    if pair is not None and f"{pair.group(1)} {pair.group(2)}" in _VERB_PAIR:
        return None
    if pair is not None and pair.group(1) in _EVERY and word.group(1) in _EVERY_UNIT:
        if _TIMES_AFTER.match(_lower(text[end : end + 12])):
            return "frequency"  # "mỗi năm 2 lần", "hằng tháng 3 buổi"
        return None  # "bình quân hằng năm 83% chi bộ …": a figure, not "năm 83"
    if word.group(1) == "số" and pair is not None and pair.group(1) in _SO_COUNTS:
        return None
    return "ordinal or name"
