"""Figures in tables flattened to text: rows of cells split by "|" (tabs are read as "|").

Two shapes occur in reports. A row per indicator with a column per period
("Chỉ tiêu | Năm 2023 | Năm 2024", "Chỉ tiêu | Quý I | Quý II"), and a row per place with a
column per measure ("Xã | Tổng số hộ | Hộ nghèo | Tỷ lệ (%)"). The header row says which;
the line before the table (its caption: "Số liệu hộ nghèo năm 2024 theo xã", "Năm 2024")
gives the year where the columns do not. Row numbers (STT), plan columns ("KH 2025") and
comparisons ("So sánh", "Tăng/giảm") are not figures.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from parsers.numbers import parse_number
from parsers.periods import find_periods
from parsers.textspans import fold_aligned

_ROW_NUMBER = {"stt", "tt", "so tt", "so thu tu"}
_UNIT_HEADER = re.compile(r"^(?:don vi tinh|dvt|don vi)$")
_PLAN_HEADER = re.compile(
    r"(?<!\w)(?:kh|ke hoach|chi tieu|muc tieu|du kien|du toan|so sanh|so voi|tang|giam|ghi chu)(?!\w)"
)
_BARE_YEAR = re.compile(r"^(?:nam\s+)?((?:19|20)\d{2})$")
_YEAR_TOKEN = re.compile(r"(?<![\d/.])((?:19|20)\d{2})(?![\d/.])")
_PLACE_HEADER = re.compile(
    r"^(?:xa|phuong|thi tran|thon|ban|to dan pho|don vi|dia phuong|dia ban|huyen|chi bo)"
)
# "Bình Thạnh (cũ)": a commune before the 2025 merger, named without its marker.
_FORMER = re.compile(r"\s*\((?:cũ|trước sáp nhập|trước sắp xếp)\)$", re.IGNORECASE)
# "Thực hiện 9 tháng", "Ước 6 tháng": a column of the first N months of the table's year.
_MONTHS_HEADER = re.compile(
    r"^(?:(?:uoc\s+)?(?:thuc\s+hien|th)\s+|uoc\s+|ket\s+qua\s+)?(\d{1,2}|ba|sau|chin)\s+thang$"
)
_MONTH_WORDS = {"ba": 3, "sau": 6, "chin": 9}
# "So với KH (%)", "Đạt % kế hoạch": the achieved column as a share of the plan (a figure);
# "So với cùng kỳ (%)" compares with another period (not one).
_VS_PLAN = re.compile(
    r"(?<!\w)(?:so\s+(?:voi|sanh\s+voi)\s+|dat\s+(?:%\s+|\(%\)\s+)?(?:so\s+voi\s+)?)"
    r"(?:kh|ke\s+hoach|chi\s+tieu|du\s+toan)(?!\w)"
)
_TOTAL_ROW = re.compile(r"^(?:cong|tong|tong cong|toan huyen|toan xa|toan tinh|chung)$")
_CELL_NUMBER = re.compile(r"^(?:hơn|gần|trên|khoảng)?\s*(\d[\d.,]*)\s*(%?)$")
# "19/19", "15/19" in a "Số tiêu chí đạt" column: the count achieved out of a total.
_CELL_RATIO = re.compile(r"^(\d{1,5})\s?/\s?(\d{1,5})$")
_TIME_HEADER = re.compile(r"(?<!\w)(?:ngay|thoi gian|thoi diem|thoi han|han|thang)(?!\w)")
_SCALES = {"ty dong": 1e9, "trieu dong": 1e6, "nghin dong": 1e3, "ngan dong": 1e3}


@dataclass(frozen=True)
class TableFigure:
    """One cell of a table as a figure: what it counts, value, unit, period, place, offsets."""

    label: str
    value: float
    unit: str
    period: str | None
    place: str | None  # a row's place ("Bằng Lãng"); None for the portal's own (or a total)
    start: int
    end: int
    row: str  # the header and the row, as evidence


@dataclass(frozen=True)
class _Line:
    start: int
    end: int
    cells: list[tuple[int, str]]  # (offset, text) of each cell


def table_spans(text: str) -> list[tuple[int, int]]:
    """Where the tables of `text` are (header through last row)."""
    return [(block[0].start, block[-1].end) for block, _caption in _blocks(text)]


def find_table_figures(text: str, published: date | None) -> list[TableFigure]:
    """Every figure in the tables of `text` (already normalised, tabs turned into "|")."""
    figures: list[TableFigure] = []
    for block, caption in _blocks(text):
        figures += _figures(text, block, caption, published)
    return figures


def _split(text: str, start: int, end: int) -> _Line | None:
    line = text[start:end]
    if line.count("|") < 1:
        return None
    cells: list[tuple[int, str]] = []
    offset = start
    for raw in line.split("|"):
        stripped = raw.strip()
        lead = len(raw) - len(raw.lstrip())
        cells.append((offset + lead, stripped))
        offset += len(raw) + 1
    if cells and not cells[0][1]:
        cells = cells[1:]
    if cells and not cells[-1][1]:
        cells = cells[:-1]
    return _Line(start, end, cells) if len(cells) >= 2 else None


@lru_cache(maxsize=8)  # a text's tables are found for its spans, then for its figures
def _blocks(text: str) -> tuple[tuple[list[_Line], str], ...]:
    blocks: list[tuple[list[_Line], str]] = []
    current: list[_Line] = []
    caption = ""
    previous = ""
    for match in re.finditer(r"[^\n]+", text):
        line = _split(text, match.start(), match.end())
        if line is not None and (not current or len(line.cells) >= 2):
            if not current:
                caption = previous
            current.append(line)
            continue
        if len(current) >= 2:
            blocks.append((current, caption))
        current = []
        previous = match.group()
    if len(current) >= 2:
        blocks.append((current, caption))
    return tuple(blocks + _vertical_blocks(text))


# A table flattened one cell per line (an HTML table copied as text): a header that opens
# with a first-column name ("STT", "Chỉ tiêu", "Nội dung", "Xã" …) on a line of its own, then
# rows of as many lines, each row with its numbers in the same places.
_VERTICAL_FIRST = re.compile(
    r"(?:stt|tt|so tt|chi tieu|ten chi tieu|noi dung|danh muc|linh vuc|xa|phuong|don vi|"
    r"dia phuong|dia ban)"
)
_MAX_COLUMNS = 8
_MAX_CELL = 80
_UNIT_LINE = re.compile(r"[(]?\s*(?:don vi tinh|don vi|dvt)\s*:")
_LINE = re.compile(r"[^\n]+")
_VERTICAL_LINE = re.compile(r"^[ \t]*(?:" + _VERTICAL_FIRST.pattern + r")[ \t]*$", re.MULTILINE)


def _vertical_blocks(text: str) -> list[tuple[list[_Line], str]]:
    candidates = [m.start() for m in _VERTICAL_LINE.finditer(fold_aligned(text))]
    if not candidates:
        return []
    lines = _lines(text)
    starts = [line[0] for line in lines]
    kinds = "".join(_kind(cell) for _, _, cell in lines)
    blocks: list[tuple[list[_Line], str]] = []
    done = 0
    for offset in candidates:
        index = bisect.bisect_left(starts, offset)
        if index >= len(lines) or lines[index][0] < done:
            continue  # inside a table found already
        found = _vertical_at(lines, kinds, index)
        if found is None:
            continue
        block = found
        done = block[-1].end
        caption = lines[index - 1][2] if index >= 1 else ""
        if index >= 2 and _UNIT_LINE.match(fold_aligned(caption).strip()):
            caption = lines[index - 2][2] + " " + caption  # "BIỂU 02: … NĂM 2023" + "(ĐVT: …)"
        blocks.append((block, caption))
    return blocks


def _lines(text: str) -> list[tuple[int, int, str]]:
    """The non-empty lines of `text`, as (start, end, stripped text)."""
    found = []
    for match in _LINE.finditer(text):
        raw = match.group()
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            found.append((match.start() + lead, match.start() + lead + len(stripped), stripped))
    return found


def _vertical_at(lines: list[tuple[int, int, str]], kinds: str, first: int) -> list[_Line] | None:
    """The header and rows of the table whose header starts at line `first`. `kinds`
    has a letter per line: "n" a number, "h" a cell that may head a column, "t" another
    cell (it ends a sentence), "x" no cell (too long, or a "|" row)."""
    numbered = fold_aligned(lines[first][2]).strip() in _ROW_NUMBER
    for width in range(2, _MAX_COLUMNS + 1):
        if kinds[first : first + width] != "h" * width:
            return None  # the header ran into the rows, or this is not a table
        rows = 0
        shape = ""
        cursor = first + width
        while cursor + width <= len(lines):
            row = kinds[cursor : cursor + width].replace("h", "t")
            if "x" in row or "n" not in row[1:] or (shape and row != shape):
                break
            if numbered and lines[cursor][2] != str(rows + 1):
                break
            shape = row
            rows += 1
            cursor += width
        if rows >= 2:
            cells = lines[first:cursor]
            return [_joined(cells[i : i + width]) for i in range(0, len(cells), width)]
    return None


def _kind(cell: str) -> str:
    if "|" in cell or len(cell) > _MAX_CELL:
        return "x"
    if _value(cell) is not None:
        return "n"
    return "t" if cell.endswith(".") else "h"


def _row_text(text: str, line: _Line) -> str:
    """A row as written; a row flattened one cell per line as "cell | cell"."""
    written = text[line.start : line.end]
    return " | ".join(cell for _, cell in line.cells) if "\n" in written else written


def _joined(cells: list[tuple[int, int, str]]) -> _Line:
    return _Line(cells[0][0], cells[-1][1], [(start, cell) for start, _, cell in cells])


def _year(caption: str, published: date | None) -> int | None:
    for period in find_periods(caption):
        if period.year is not None:
            return period.year
    token = _YEAR_TOKEN.findall(caption)  # "Tiến độ thu hoạch lúa Hè Thu 2025": a bare year
    if len(set(token)) == 1:
        return int(token[0])
    return published.year if published else None


def _period_of(header: str, year: int | None) -> str | None:
    """The period a column header names ("Năm 2023", "2024", "Quý II", "6 tháng đầu năm")."""
    folded = fold_aligned(header).strip()
    bare = _BARE_YEAR.match(folded)
    if bare:
        return bare.group(1)
    months = _MONTHS_HEADER.match(folded)
    if months and year is not None:
        count = int(months[1]) if months[1].isdigit() else _MONTH_WORDS[months[1]]
        return f"{year}-{count}M" if 1 <= count < 12 else (str(year) if count == 12 else None)
    periods = find_periods(header)
    if len(periods) == 1:
        if periods[0].kind == "day":  # "Giải ngân đến 31/12/2024": as of a date, its year
            return str(periods[0].year)
        return periods[0].label(year)
    token = _YEAR_TOKEN.findall(header)  # "Thực hiện 2024", "Ước 2025"
    return token[0] if len(token) == 1 and not periods else None


def _value(cell: str, header: str = "") -> tuple[float, bool] | None:
    match = _CELL_NUMBER.match(cell.strip())
    if match is None:
        ratio = _CELL_RATIO.match(cell.strip())
        if ratio is None or _TIME_HEADER.search(fold_aligned(header)):
            return None  # "15/8" under "Ngày …" is a date
        part, whole = int(ratio[1]), int(ratio[2])
        if part > whole or _BARE_YEAR.match(ratio[2]):
            return None  # "12/2024", "25/12": a month or a day
        return float(part), False
    try:
        return parse_number(match.group(1).rstrip(".,")), bool(match.group(2))
    except ValueError:
        return None


def _figures(text: str, block: list[_Line], caption: str, published: date | None) -> list[TableFigure]:
    header = block[0]
    year = _year(caption, published)
    names = [fold_aligned(cell).strip() for _, cell in header.cells]
    skip = {i for i, name in enumerate(names) if name in _ROW_NUMBER}
    unit_col = next((i for i, name in enumerate(names) if _UNIT_HEADER.match(name) and i > 0), None)
    label_col = next((i for i in range(len(names)) if i not in skip and i != unit_col), 0)
    if _period_of(header.cells[label_col][1], year) is not None:
        return _period_rows(text, block, caption, year)  # "Năm 2024 | Năm 2025" over bare cells
    periods = {
        i: _period_of(cell, year) for i, (_, cell) in enumerate(header.cells)
        if i not in skip and i not in (label_col, unit_col) and not _PLAN_HEADER.search(names[i])
    }
    by_period = {i: p for i, p in periods.items() if p is not None}
    # "So với KH (%)" beside a single achieved column: that column's share of the plan
    achieved = next(iter(by_period.values())) if len(by_period) == 1 else None
    vs_plan = [
        i for i, name in enumerate(names)
        if i not in periods and i not in skip and i not in (label_col, unit_col)
        and _VS_PLAN.search(name) and "%" in header.cells[i][1]
    ] if achieved is not None else []
    places = _PLACE_HEADER.match(names[label_col]) is not None
    caption_period = _caption_period(caption, year)
    caption_unit = _caption_unit(caption)
    figures: list[TableFigure] = []
    for row in block[1:]:
        cells = _padded(row.cells, header.cells, 0 in skip)
        if len(cells) != len(header.cells):
            continue
        row_label = cells[label_col][1]
        evidence = _row_text(text, header) + "\n" + _row_text(text, row)
        unit = cells[unit_col][1] if unit_col is not None else ""
        row_period = _period_of(row_label, year) if not by_period else None
        columns: list[tuple[int, str | None, str]]
        total = _TOTAL_ROW.match(fold_aligned(row_label).strip()) is not None
        if by_period and places:  # "Xã | Hộ nghèo cuối năm 2023 | … 2024": a row per place
            columns = [(i, p, header.cells[i][1]) for i, p in sorted(by_period.items())]
            place = None if total else _FORMER.sub("", row_label)
        elif by_period:
            columns = [(i, p, row_label) for i, p in sorted(by_period.items())]
            # a measure column beside the period ones ("Tỷ lệ (%)") is of the caption's period
            columns += [
                (i, caption_period, f"{_clean_label(header.cells[i][1])} {row_label} ({_PERCENT})")
                for i in sorted(periods) if periods[i] is None and _is_share(header.cells[i][1])
            ]
            columns += [
                (i, achieved, f"tỷ lệ {row_label} so với kế hoạch ({_PERCENT})") for i in vs_plan
            ]
            columns.sort()
            place = None
        elif row_period is not None:  # a row per period ("Năm 2024", "9 tháng năm 2025")
            columns = [(i, row_period, header.cells[i][1]) for i in sorted(periods)]
            place = None
        else:
            place = None if total or not places else _FORMER.sub("", row_label)
            columns = [
                (i, caption_period, header.cells[i][1] if places else _row_named(header.cells[i][1], row_label))
                for i in sorted(periods)
            ]
        for index, period, label in columns:
            offset, cell = cells[index]
            parsed = _value(cell, header.cells[index][1])
            if parsed is None:
                continue
            value, percent = parsed
            row_unit = "" if _is_share(label) else unit  # a "(%)" column is not in the row's unit
            figure_unit, scale = _unit(
                row_unit or _unless_share(caption_unit, label, percent), label, percent
            )
            figures.append(TableFigure(
                label=_clean_label(label), value=value * scale, unit=figure_unit, period=period,
                place=place, start=offset, end=offset + len(cell), row=evidence,
            ))
    return figures


def _period_rows(text: str, block: list[_Line], caption: str, year: int | None) -> list[TableFigure]:
    """A table whose every column is a period: each row's cells, labelled by the caption."""
    header = block[0]
    columns = [(i, _period_of(cell, year)) for i, (_, cell) in enumerate(header.cells)]
    figures: list[TableFigure] = []
    for row in block[1:]:
        if len(row.cells) != len(header.cells) or not caption.strip():
            continue
        for index, period in columns:
            offset, cell = row.cells[index]
            parsed = _value(cell, header.cells[index][1])
            if parsed is None or period is None:
                continue
            unit, scale = _unit("", caption, parsed[1])
            figures.append(TableFigure(
                label=_clean_label(caption), value=parsed[0] * scale, unit=unit, period=period,
                place=None, start=offset, end=offset + len(cell),
                row=_row_text(text, header) + "\n" + _row_text(text, row),
            ))
    return figures


_PERCENT = "%"
_CAPTION_UNIT = re.compile(r"(?<!\w)(?:don vi tinh|don vi|dvt)\s*:\s*([^\W\d_][^()\n;:|]{0,20}?)\s*(?:\)|$)")


def _caption_unit(caption: str) -> str:
    """The unit a caption gives all the cells ("… (đơn vị: tỷ đồng)", "ĐVT: triệu đồng")."""
    match = _CAPTION_UNIT.search(fold_aligned(caption).strip())
    return caption.strip()[match.start(1) : match.end(1)] if match else ""


def _is_share(header: str) -> bool:
    return "(%)" in header or fold_aligned(header).strip().startswith(("ty le", "ti le"))


def _unless_share(unit: str, label: str, percent: bool) -> str:
    """A caption's unit, except for a share's cells ("Tỷ lệ (%)", "92,5%")."""
    return "" if percent or _is_share(label) else unit


def _padded(
    cells: list[tuple[int, str]], header: list[tuple[int, str]], numbered: bool
) -> list[tuple[int, str]]:
    """A total row of a numbered table leaves its row-number cell empty ("\tToàn huyện\t…"):
    that cell is put back so the others line up with the header."""
    if numbered and len(cells) == len(header) - 1 and cells and not cells[0][1][:1].isdigit():
        return [(cells[0][0], ""), *cells]
    return cells


def _caption_period(caption: str, year: int | None) -> str | None:
    """The period a caption names; a day in it ("… (đến ngày 10/8)") is the date the figures
    stand at, which gives their year, not a period of one day."""
    periods = find_periods(caption)
    phrases = [p for p in periods if p.kind != "day"]
    if phrases:
        return phrases[-1].label(year)
    as_of = periods[-1].year if periods else None
    if as_of is not None:
        return str(as_of)
    return str(year) if year is not None else None


_LABEL_UNIT = re.compile(r"\(([^()]{1,24})\)\s*$")
_SCALED_RATE = re.compile(r"(" + "|".join(_SCALES) + r")\s*/\s*[^\W\d_]")


def _unit(unit: str, label: str, percent: bool) -> tuple[str, float]:
    in_label = _LABEL_UNIT.search(label)  # "Kinh phí hỗ trợ (triệu đồng)"
    if not unit and in_label is not None:
        unit = in_label.group(1)
    folded_unit = fold_aligned(unit).strip()
    if folded_unit in _SCALES:
        return "đồng", _SCALES[folded_unit]
    per = _SCALED_RATE.match(folded_unit)
    if per is not None:  # "(triệu đồng/người/năm)": a rate in đồng, scaled the same way
        return "đồng" + re.sub(r"\s+", "", unit.strip()[per.end(1) :]), _SCALES[per.group(1)]
    if percent or folded_unit == "%" or "(%)" in label or fold_aligned(label).startswith("ty le"):
        return "%", 1.0
    return unit, 1.0


def _row_named(column: str, row_label: str) -> str:
    """A measure column of a row per item ("Nội dung | Số lượng | Tỷ lệ (%)"): the cell counts
    what its row names, in its column's measure; the column's "(unit)" stays last."""
    unit = _LABEL_UNIT.search(column)
    measure = column[: unit.start()].strip() if unit else column.strip()
    if not row_label.strip():
        return column
    return f"{measure} {row_label.strip()}" + (f" {unit.group()}" if unit else "")


def _clean_label(label: str) -> str:
    """ "Số tin, bài đăng …" → "tin, bài đăng …"; "Tỷ lệ … (%)" → "tỷ lệ …"."""
    label = _LABEL_UNIT.sub("", label).strip()
    return re.sub(r"^(?:Số lượng|Số|Tổng số)\s+", "", label, flags=re.IGNORECASE)
