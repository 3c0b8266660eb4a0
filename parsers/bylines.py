"""Who wrote it: credit lines ("Thu Trang", "Ngô Hải - BTG HU", "Tin, ảnh: Mai Trâm", "Theo Báo X")."""

from __future__ import annotations

import re

# "Tác giả: X", "Tin, ảnh: X", "Bài và ảnh: X", "Nguồn: X" → X. "Theo …" stays as written.
_LABELLED = re.compile(
    r"^\(?\s*(?:tác giả(?: bài viết)?|người viết|bút danh|(?:bài|tin)(?:\s*(?:,|và|-|&)\s*"
    r"(?:ảnh|bài|clip|video))?|ảnh\s*(?:,|và|-|&)\s*(?:bài|tin)|thực hiện|nhóm (?:phóng viên|pv)"
    r"|phóng viên|biên tập|nguồn(?: tin)?"
    r"|by|written by|author|posted by|reporter)\s*:\s*(?P<name>[^:]{2,80}?)\s*\)?\.?$",
    re.IGNORECASE,
)
_THEO = re.compile(r"^\(?\s*(?P<credit>(?:theo|nguồn)\s+[^:,;]{3,70}?)\s*\)?\.?$", re.IGNORECASE)
_BY = re.compile(r"^(?:by|bởi)\s+(?P<name>.{2,60})$", re.IGNORECASE)
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
    """The author a credit line names, or None when the line is not a credit."""
    line = text.strip()
    if not line or len(line) > 100:
        return None
    labelled = _LABELLED.match(line)
    if labelled is not None:
        name = labelled.group("name").strip()
        return name if len(name.split()) <= 10 else None
    theo = _THEO.match(line)
    source = theo.group("credit").split(maxsplit=1)[-1] if theo is not None else ""
    if theo is not None and (_uppercase_initial(source) or re.match(r"^[\w-]+\.[a-z]{2,}", source)):
        return theo.group("credit").strip()
    by = _BY.match(line)
    if by is not None and looks_like_name(by.group("name")):
        return by.group("name").strip()
    if looks_like_name(line):
        # "Minh Hằng (tổng hợp)" → "Minh Hằng": the remark is not part of the name.
        return _TRAILING_PAREN.sub("", line.rstrip(".")).strip()
    return None


def is_credit_line(text: str) -> bool:
    """A labelled credit ("Tin, ảnh: Mai Trâm"), which is never an image caption."""
    return _LABELLED.match(text.strip()) is not None


def clean_author(value: str) -> str | None:
    """A meta/JSON-LD author, or None when it is a URL, an e-mail or a site name in disguise."""
    value = value.strip()
    if not value or "http" in value or "@" in value or "www." in value or len(value) > 80:
        return None
    labelled = _LABELLED.match(value)
    return labelled.group("name").strip() if labelled else value
