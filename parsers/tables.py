"""Figures in tables flattened to text: rows of cells split by "|" (tabs are read as "|").

Two shapes occur in reports. A row per indicator with a column per period
("Chỉ tiêu | Năm 2023 | Năm 2024", "Chỉ tiêu | Quý I | Quý II"), and a row per place with a
column per measure ("Xã | Tổng số hộ | Hộ nghèo | Tỷ lệ (%)"). The header row says which;
the line before the table (its caption: "Số liệu hộ nghèo năm 2024 theo xã", "Năm 2024")
gives the year where the columns do not. Row numbers (STT), plan columns ("KH 2025") and
comparisons ("So sánh", "Tăng/giảm") are not figures.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from parsers.numbers import parse_number
from parsers.periods import find_periods
from parsers.textspans import fold_aligned

_ROW_NUMBER = {"stt", "tt", "so tt", "so thu tu"}
_UNIT_HEADER = re.compile(r"^(?:don vi tinh|dvt|don vi)$")
_PLAN_HEADER = re.compile(r"(?<!\w)(?:kh|ke hoach|chi tieu|muc tieu|du kien|so sanh|tang|giam|ghi chu)(?!\w)")
_BARE_YEAR = re.compile(r"^(?:nam\s+)?((?:19|20)\d{2})$")
_YEAR_TOKEN = re.compile(r"(?<![\d/.])((?:19|20)\d{2})(?![\d/.])")
_PLACE_HEADER = re.compile(r"^(?:xa|phuong|thi tran|thon|ban|to dan pho|don vi|dia phuong|huyen|chi bo)")
_TOTAL_ROW = re.compile(r"^(?:cong|tong|tong cong|toan huyen|toan xa|toan tinh|chung)$")
_CELL_NUMBER = re.compile(r"^(?:hơn|gần|trên|khoảng)?\s*(\d[\d.,]*)\s*(%?)$")
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


def _blocks(text: str) -> list[tuple[list[_Line], str]]:
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
    return blocks


def _year(caption: str, published: date | None) -> int | None:
    for period in find_periods(caption):
        if period.year is not None:
            return period.year
    return published.year if published else None


def _period_of(header: str, year: int | None) -> str | None:
    """The period a column header names ("Năm 2023", "2024", "Quý II", "6 tháng đầu năm")."""
    bare = _BARE_YEAR.match(fold_aligned(header).strip())
    if bare:
        return bare.group(1)
    periods = find_periods(header)
    if len(periods) == 1:
        if periods[0].kind == "day":  # "Giải ngân đến 31/12/2024": as of a date, its year
            return str(periods[0].year)
        return periods[0].label(year)
    token = _YEAR_TOKEN.findall(header)  # "Thực hiện 2024", "Ước 2025"
    return token[0] if len(token) == 1 and not periods else None


def _value(cell: str) -> tuple[float, bool] | None:
    match = _CELL_NUMBER.match(cell.strip())
    if match is None:
        return None
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
    places = _PLACE_HEADER.match(names[label_col]) is not None
    caption_period = _caption_period(caption, year)
    caption_unit = _caption_unit(caption)
    figures: list[TableFigure] = []
    for row in block[1:]:
        cells = _padded(row.cells, header.cells, 0 in skip)
        if len(cells) != len(header.cells):
            continue
        row_label = cells[label_col][1]
        evidence = text[header.start : header.end] + "\n" + text[row.start : row.end]
        unit = cells[unit_col][1] if unit_col is not None else ""
        row_period = _period_of(row_label, year) if not by_period else None
        columns: list[tuple[int, str | None, str]]
        total = _TOTAL_ROW.match(fold_aligned(row_label).strip()) is not None
        if by_period and places:  # "Xã | Hộ nghèo cuối năm 2023 | … 2024": a row per place
            columns = [(i, p, header.cells[i][1]) for i, p in sorted(by_period.items())]
            place = None if total else row_label
        elif by_period:
            columns = [(i, p, row_label) for i, p in sorted(by_period.items())]
            # a measure column beside the period ones ("Tỷ lệ (%)") is of the caption's period
            columns += [
                (i, caption_period, f"{_clean_label(header.cells[i][1])} {row_label} ({_PERCENT})")
                for i in sorted(periods) if periods[i] is None and _is_share(header.cells[i][1])
            ]
            columns.sort()
            place = None
        elif row_period is not None:  # a row per period ("Năm 2024", "9 tháng năm 2025")
            columns = [(i, row_period, header.cells[i][1]) for i in sorted(periods)]
            place = None
        else:
            columns = [(i, caption_period, header.cells[i][1]) for i in sorted(periods)]
            place = None if total or not places else row_label
        for index, period, label in columns:
            offset, cell = cells[index]
            parsed = _value(cell)
            if parsed is None:
                continue
            value, percent = parsed
            figure_unit, scale = _unit(unit or _unless_share(caption_unit, label, percent), label, percent)
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
            parsed = _value(cell)
            if parsed is None or period is None:
                continue
            unit, scale = _unit("", caption, parsed[1])
            figures.append(TableFigure(
                label=_clean_label(caption), value=parsed[0] * scale, unit=unit, period=period,
                place=None, start=offset, end=offset + len(cell),
                row=text[header.start : header.end] + "\n" + text[row.start : row.end],
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
    periods = find_periods(caption)
    if periods:
        return periods[-1].label(year)
    return str(year) if year is not None else None


_LABEL_UNIT = re.compile(r"\(([^()]{1,20})\)\s*$")


def _unit(unit: str, label: str, percent: bool) -> tuple[str, float]:
    in_label = _LABEL_UNIT.search(label)  # "Kinh phí hỗ trợ (triệu đồng)"
    if not unit and in_label is not None:
        unit = in_label.group(1)
    folded_unit = fold_aligned(unit).strip()
    if folded_unit in _SCALES:
        return "đồng", _SCALES[folded_unit]
    if percent or folded_unit == "%" or "(%)" in label or fold_aligned(label).startswith("ty le"):
        return "%", 1.0
    return unit, 1.0


def _clean_label(label: str) -> str:
    """ "Số tin, bài đăng …" → "tin, bài đăng …"; "Tỷ lệ … (%)" → "tỷ lệ …"."""
    label = _LABEL_UNIT.sub("", label).strip()
    return re.sub(r"^(?:Số lượng|Số|Tổng số)\s+", "", label, flags=re.IGNORECASE)
