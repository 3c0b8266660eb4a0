"""`portalwatch export … --format xlsx`: spreadsheets for people who work in Excel/LibreOffice.

Indicators: one sheet per indicator (localities as rows, periods as columns), an index sheet
and a sheet of sources (article, sentence) for every figure. Directives: one sheet, the export
record's fields as columns. The records are the same as the JSON Lines export's.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from io import BytesIO
from typing import Any, BinaryIO

from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from core.errors import PortalwatchError
from dashboard.charts import period_key

BOLD = Font(bold=True)
SOURCE_FIELDS = ("indicator", "label", "locality", "period", "value", "unit", "portal_id",
                 "published_at", "article_url", "sentence")
DIRECTIVE_FIELDS = ("code", "doc_type", "doc_type_name", "number", "issuer_code", "issuer_name",
                    "issued_date", "title", "first_seen_at", "first_article_url", "mentions")
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")


def sheet_title(name: str, taken: set[str]) -> str:
    """A valid, unique sheet name (≤ 31 characters, none of []:*?/\\)."""
    base = _BAD_SHEET_CHARS.sub("-", name).strip("'") or "sheet"
    title, n = base[:31], 2
    while title.lower() in taken:
        suffix = f"~{n}"
        title, n = base[: 31 - len(suffix)] + suffix, n + 1
    taken.add(title.lower())
    return title


def _header(ws: Worksheet, names: Iterable[str]) -> None:
    ws.append(list(names))
    for cell in ws[1]:
        cell.font = BOLD
    ws.freeze_panes = "B2"


def _widths(ws: Worksheet, widths: dict[int, int]) -> None:
    for column, width in widths.items():
        ws.column_dimensions[get_column_letter(column)].width = width


def _latest(records: list[dict[str, Any]]) -> dict[tuple[str, str], dict[str, Any]]:
    """Per (locality, period), the figure published last (a revision replaces the earlier one)."""
    latest: dict[tuple[str, str], dict[str, Any]] = {}
    for r in sorted(records, key=lambda r: r.get("published_at") or ""):
        latest[(r["locality"], r["period"])] = r
    return latest


def indicators_workbook(records: Iterable[dict[str, Any]]) -> Workbook:
    """Index, one sheet per indicator, and the sources sheet."""
    rows = list(records)
    by_indicator: dict[str, list[dict[str, Any]]] = {}
    for r in rows:
        by_indicator.setdefault(r["indicator"], []).append(r)
    wb = Workbook()
    index = wb.active
    assert index is not None  # a new workbook always has one sheet
    index.title = "Chỉ số"
    taken = {"chỉ số", "nguồn"}
    _header(index, ("indicator", "label", "unit", "sheet"))
    for key in sorted(by_indicator):
        series = by_indicator[key]
        ws = wb.create_sheet(sheet_title(key, taken))
        index.append([key, series[0]["label"], series[0]["unit"], ws.title])
        periods = sorted({r["period"] for r in series}, key=period_key)
        _header(ws, ["Địa bàn", *periods])
        latest = _latest(series)
        for locality in sorted({r["locality"] for r in series}):
            ws.append([locality, *(latest[(locality, p)]["value"] if (locality, p) in latest else None for p in periods)])
        _widths(ws, {1: 28})
    sources = wb.create_sheet("Nguồn")
    _header(sources, SOURCE_FIELDS)
    for r in sorted(rows, key=lambda r: (r["indicator"], r["locality"], period_key(r["period"]))):
        sources.append([r.get(f) for f in SOURCE_FIELDS])
    _widths(index, {1: 32, 2: 40, 4: 32})
    _widths(sources, {1: 28, 2: 32, 3: 24, 9: 50, 10: 80})
    return wb


def directives_workbook(records: Iterable[dict[str, Any]]) -> Workbook:
    """One row per directive, the export record's fields as columns."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Văn bản"
    _header(ws, DIRECTIVE_FIELDS)
    for r in records:
        ws.append([r.get(f) for f in DIRECTIVE_FIELDS])
    _widths(ws, {1: 20, 6: 28, 8: 60, 10: 60})
    return wb


WORKBOOKS = {"indicators": indicators_workbook, "directives": directives_workbook}


def workbook_bytes(kind: str, records: Iterable[dict[str, Any]]) -> bytes:
    """The .xlsx file of `kind` (indicators or directives); ValueError for another kind."""
    if kind not in WORKBOOKS:
        raise ValueError(f"xlsx export is for {' and '.join(WORKBOOKS)}, not {kind}")
    buffer = BytesIO()
    WORKBOOKS[kind](records).save(buffer)
    return buffer.getvalue()


def write_xlsx(data: bytes, output: str | None, stdout: BinaryIO, stdout_is_tty: bool) -> None:
    """To --output FILE; without one, to stdout only when it is redirected (not a terminal)."""
    if output:
        with open(output, "wb") as handle:
            handle.write(data)
        return
    if stdout_is_tty:
        raise ValueError("xlsx is binary: give --output FILE.xlsx or redirect stdout to a file")
    stdout.write(data)
    stdout.flush()


def export_xlsx(records: Iterable[dict[str, Any]], kind: str, output: str | None) -> None:
    """`export KIND --format xlsx`: the workbook to --output, or to a redirected stdout."""
    import sys

    try:
        data = workbook_bytes(kind, records)
        write_xlsx(data, output, sys.stdout.buffer, sys.stdout.isatty())
    except ValueError as exc:
        raise PortalwatchError(str(exc)) from None
    except OSError as exc:
        raise PortalwatchError(f"--output {output}: {exc.strerror}") from None
