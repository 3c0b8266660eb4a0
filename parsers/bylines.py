"""Who wrote it and where it came from: credit lines ("Thu Trang", "Ngô Hải - BTG HU",
"Tin, ảnh: Mai Trâm") name the author; source lines ("Theo Báo X", "Nguồn: baobackan.vn") name
the outlet a piece was taken from, which is never the author."""

from __future__ import annotations

import re

# "Tác giả: X", "Tin, ảnh: X", "Bài và ảnh: X" → X.
_LABELLED = re.compile(
    r"^\(?\s*(?:tác giả(?: bài viết)?|người viết|nội dung|bút danh|(?:bài|tin)(?:\s*(?:,|và|-|&)\s*"
    r"(?:ảnh|bài|clip|video))?|ảnh\s*(?:,|và|-|&)\s*(?:bài|tin)|thực hiện|nhóm (?:phóng viên|pv)"
    r"|phóng viên|biên tập|thiết kế|trình bày|đồ họa|đồ hoạ|kỹ thuật"
    r"|by|written by|author|posted by|reporter)\s*:\s*(?P<name>[^:]{2,80}?)\s*\)?\.?$",
    re.IGNORECASE,
)
# "Nguồn: X", "Nguồn tin: X", "Theo X", "(Theo X)", "Nguồn X" → X, the outlet.
_SOURCE_LABELLED = re.compile(
    r"^\(?\s*(?:nguồn(?: tin| bài(?: viết)?)?|source|from)\s*:\s*(?P<name>(?:https?://)?[^:]{2,80}?)"
    r"\s*\)?\.?$",
    re.IGNORECASE,
)
_THEO = re.compile(r"^\(?\s*(?:theo|nguồn)\s+(?P<name>[^:,;]{3,70}?)\s*\)?\.?$", re.IGNORECASE)
# "Hà Linh (Theo Báo Thái Nguyên)": a person's credit with the outlet in brackets.
_PERSON_AND_SOURCE = re.compile(
    r"^(?P<person>[^()]{2,60}?)\s*\((?P<source>\s*(?:theo|nguồn)[^()]{3,80})\)\s*\.?$",
    re.IGNORECASE,
)
# A link or remark pointing at the original after a source: "(xem bài gốc)", "- Xem bài gốc".
_ORIGINAL_LINK = re.compile(
    r"\s*(?:[(\[]\s*(?:xem|đọc|link)?\s*(?:bài|tin|link)?\s*(?:gốc|nguồn)(?:\s+tại đây)?\s*[)\]]"
    r"|[-–—|]\s*(?:xem|đọc)\s+(?:bài|tin)\s+gốc(?:\s+tại đây)?)\s*\.?$",
    re.IGNORECASE,
)
_DOMAIN = re.compile(
    r"^(?:https?://)?(?:www\.)?[\w-]+(?:\.[\w-]+)*\.(?:vn|com|net|org|gov)(?:/\S*)?$"
)
# A bare outlet name set as the last line ("Báo Bắc Kạn", "TTXVN"): the source, not a writer.
_OUTLET = re.compile(r"^(?:báo|tạp chí|thông tấn xã|ttxvn|vov|vtv)\b", re.IGNORECASE)
# What "Theo …" introduces in prose ("Theo Kế hoạch số 5", "Theo Quyết định …"), never an outlet.
_NOT_OUTLETS = re.compile(
    r"^(?:kế hoạch|quyết định|nghị quyết|nghị định|chỉ thị|kết luận|báo cáo|thông báo|quy định"
    r"|hướng dẫn|công văn|thông tư|luật|điều|khoản|số liệu|đánh giá|đồng chí|ông|bà|anh|chị)\b",
    re.IGNORECASE,
)
_BY = re.compile(
    r"^(?:by|bởi|viết bởi|đăng bởi|written by|posted by)\s+(?P<name>.{2,60})$", re.IGNORECASE
)
_SEPARATORS = re.compile(r"\s+[-–—]\s+|\s*,\s*|\s+và\s+|\s*/\s*|\s*&\s*")
_PAREN = re.compile(r"\s*\([^)]{0,40}\)\s*")
_TRAILING_PAREN = re.compile(r"\s*\([^)]{0,40}\)\s*$")
_ACRONYM = re.compile(r"^[A-ZĐÂĂÊÔƠƯ0-9.]{2,8}$")
# Words that open a sentence or heading, never a person's name.
_NOT_NAMES = frozenset(
    [
        "Ảnh",
        "Tin",
        "Bài",
        "Theo",
        "Nguồn",
        "Ban",
        "Chuyên",
        "Hội",
        "Ngày",
        "Năm",
        "Tháng",
        "Xem",
        "Tags",
        "Từ",
        "Video",
        "Clip",
        "Mục",
        "Trang",
        "Đồng",
        "Các",
        "Những",
        "Công",
        "Kết",
        "Thông",
        "Kế",
        "Báo",
        "Quyết",
        "Nghị",
        "Chỉ",
        "Chương",
        "Phần",
        "Bước",
        "Giai",
    ]
)


def _uppercase_initial(word: str) -> bool:
    return bool(word) and word[0].isupper()


def _name_part(part: str) -> bool:
    words = part.split()
    if not 1 <= len(words) <= 6:
        return False
    if len(words) == 1:
        return bool(_ACRONYM.match(words[0])) or (
            _uppercase_initial(words[0])
            and words[0].capitalize() not in _NOT_NAMES
            and len(words[0]) >= 2
        )
    if words[0].capitalize() in _NOT_NAMES and not _ACRONYM.match(words[0]):
        return False
    # Title case ("Ngô Hải") or set in capitals as some papers print bylines ("TẤN LỰC").
    return all(
        _ACRONYM.match(w) or (_uppercase_initial(w) and (w[1:].islower() or w.isupper()))
        for w in words
    )


def _org_part(part: str) -> bool:
    """An office or newsroom named after a credit ("Văn phòng Huyện ủy", "Đài TT-TH huyện")."""
    words = part.split()
    return (
        1 <= len(words) <= 6
        and _uppercase_initial(words[0])
        and all(w.replace("-", "").isalpha() for w in words)
    )


def looks_like_name(text: str) -> bool:
    """A short credit made of capitalised names or office acronyms ("Ngô Hải - BTG HU")."""
    text = text.strip().rstrip(".")
    if not 2 <= len(text) <= 60 or any(ch.isdigit() for ch in text):
        return False
    core = _PAREN.sub(" ", text).strip()
    parts = [p for p in _SEPARATORS.split(core) if p.strip()]
    if not parts or len(parts) > 4:
        return False
    if not _name_part(parts[0].strip()):
        return False
    # After a two-word name, an office may follow: "Đức Minh - Văn phòng Huyện ủy".
    tail_ok = _org_part if len(parts[0].split()) >= 2 else _name_part
    if not all(_name_part(p.strip()) or tail_ok(p.strip()) for p in parts[1:]):
        return False
    # One bare capitalised word ("Kết", "Hà") is too weak unless it is an acronym (PV, BBT).
    return len(core.split()) >= 2 or bool(_ACRONYM.match(core))


def author_from_line(text: str) -> str | None:
    """The person a credit line names, or None when the line is no credit or names a source."""
    line = text.strip()
    if not line or len(line) > 100:
        return None
    labelled = _LABELLED.match(line)
    if labelled is not None:
        name = labelled.group("name").strip()
        return name if _credited_name(name) else None
    if source_from_line(line) is not None:
        return None
    by = _BY.match(line)
    if by is not None and looks_like_name(by.group("name")):
        return by.group("name").strip()
    if looks_like_name(line):
        # "Minh Hằng (tổng hợp)" → "Minh Hằng": the remark is not part of the name.
        return _TRAILING_PAREN.sub("", line.rstrip(".")).strip()
    return None


def source_from_line(text: str) -> str | None:
    """The outlet a source line credits ("Theo Báo Bắc Kạn" → "Báo Bắc Kạn"), else None."""
    line = _ORIGINAL_LINK.sub("", text.strip()).strip()
    if not line or len(line) > 100:
        return None
    labelled = _SOURCE_LABELLED.match(line)
    if labelled is not None:  # "Nguồn: tổng hợp" is a source remark too
        name = labelled["name"].strip().rstrip(".").strip()
        return name if len(name.split()) <= 12 else None
    theo = _THEO.match(line)
    if theo is not None:
        name = theo["name"].strip().rstrip(".").strip()
        outlet = _uppercase_initial(name) or _DOMAIN.match(name)
        return name if outlet and not _NOT_OUTLETS.match(name) and len(name.split()) <= 12 else None
    return line.rstrip(".") if _DOMAIN.match(line) or _is_outlet(line) else None


def _is_outlet(line: str) -> bool:
    """A bare outlet name ("Báo Lào Cai", "Tạp chí Tuyên giáo"), not "Báo cáo …" prose."""
    return (
        len(line.split()) <= 8
        and _OUTLET.match(line) is not None
        and _NOT_OUTLETS.match(line) is None
        and not line.endswith(("!", "?", ":"))
    )


def credit_of(text: str) -> tuple[str | None, str | None]:
    """(author, source) named by one credit line; both None when the line is neither."""
    line = text.strip()
    both = _PERSON_AND_SOURCE.match(line)
    if both is not None:
        person, source = author_from_line(both["person"]), source_from_line(both["source"])
        if person is not None and source is not None:
            return person, source
    source = source_from_line(line)
    return (None, source) if source is not None else (author_from_line(line), None)


def _credited_name(name: str) -> bool:
    """What follows a credit label is a name, not speech ("Phóng viên: Xin cảm ơn ông!" in
    an interview is a question, not a credit)."""
    tokens = name.split()
    if not tokens or len(tokens) > 10 or name.endswith(("?", "!")):
        return False
    lower = sum(1 for t in tokens if t[:1].islower())
    return not (len(tokens) >= 4 and lower > len(tokens) / 2)


def is_credit_line(text: str) -> bool:
    """A labelled credit ("Tin, ảnh: Mai Trâm", "Nguồn: Báo X"), which is never an image caption."""
    line = text.strip()
    labelled = _LABELLED.match(line)
    if labelled is not None and _credited_name(labelled.group("name").strip()):
        return True
    if _SOURCE_LABELLED.match(line) is not None:
        return True
    by = _BY.match(line)  # "Viết bởi Lê Minh Đức", "By Thanh Phong"
    return by is not None and looks_like_name(by.group("name"))


def clean_author(value: str) -> str | None:
    """A meta/JSON-LD author, or None when it is a URL, an e-mail, a source or a site name."""
    value = value.strip()
    if not value or "http" in value or "@" in value or "www." in value or len(value) > 80:
        return None
    if source_from_line(value) is not None:
        return None
    labelled = _LABELLED.match(value)
    return labelled.group("name").strip() if labelled else value


_FIELD_SEPARATORS = re.compile(r"\s*[•|»·]\s*|\s+[-–—]\s+(?=\S*\d)")


def author_field(text: str) -> str | None:
    """The person an author field names, whatever sits beside the name there ("By Minh Ngoc
    • March 11, 2024", "by kiwi_in_danang » Wed Oct 09"): a field is trusted with a user name
    that a credit line in the text would not be."""
    parts = [p for p in _FIELD_SEPARATORS.split(text.strip()) if p.strip()]
    if not parts:
        return None
    first = parts[0].strip()
    found, cited = credit_of(first)
    if found or cited:
        return found
    by = _BY.match(first)
    if by is not None:
        name = by.group("name").strip()
        return name if " " not in name or looks_like_name(name) else None
    return clean_author(first) if len(parts) > 1 else None


# An issuing body's signature set in capitals under a notice ("UBND XÃ THẠCH ĐÀ", "MINISTRY
# OF HEALTH"): the institution that speaks, not a writer's byline.
_INSTITUTION = re.compile(
    r"\b(?:ubnd|ủy ban|uỷ ban|hđnd|bộ|sở|ban|cục|vụ|tổng cục|văn phòng|đảng ủy|đảng uỷ|"
    r"huyện ủy|tỉnh ủy|mặt trận|ministry|department|board|agency|council|office|government|"
    r"commission|authority|prefecture|préfecture|ministère)\b",
    re.IGNORECASE,
)


def is_institution_signature(text: str) -> bool:
    """A closing line in capitals that names an institution rather than a person."""
    letters = [ch for ch in text if ch.isalpha()]
    if len(letters) < 4 or any(ch.islower() for ch in letters):
        return False
    return _INSTITUTION.search(text) is not None
