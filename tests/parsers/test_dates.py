"""parsers.dates: one case per way portals write a date (cases/dates.json), plus URL dates."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest

from parsers.dates import (
    VN_TZ,
    DateMatch,
    date_from_url,
    find_dates,
    is_byline_line,
    is_date_line,
    parse_iso_datetime,
    year_from_url,
)

CASES: list[dict[str, Any]] = json.loads(
    (Path(__file__).with_name("cases") / "dates.json").read_text(encoding="utf-8")
)


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_written_dates(case: dict[str, Any]) -> None:
    found = [m.resolve(year=case.get("year")) for m in find_dates(case["text"])]
    assert [d.isoformat() for d in found if d is not None] == case["expect"]


def test_yearless_date_takes_the_year_before_a_later_anchor() -> None:
    late_december = DateMatch(0, 0, day=30, month=12, year=None)
    resolved = late_december.resolve(before=date(2020, 1, 3))
    assert resolved == datetime(2019, 12, 30, tzinfo=VN_TZ)


def test_yearless_date_without_evidence_stays_unresolved() -> None:
    assert DateMatch(0, 0, day=19, month=12, year=None).resolve() is None


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2024-05-17T01:30:00Z", "2024-05-17T08:30:00+07:00"),
        ("2024-05-17T08:30:00+0700", "2024-05-17T08:30:00+07:00"),
        ("2024-05-17", "2024-05-17T00:00:00+07:00"),
        ("2024-05-17 08:30:00", "2024-05-17T08:30:00+07:00"),
        ("17/05/2024 08:30", "2024-05-17T08:30:00+07:00"),
    ],
)
def test_machine_dates_land_in_vietnam_time(raw: str, expected: str) -> None:
    parsed = parse_iso_datetime(raw)
    assert parsed is not None and parsed.isoformat() == expected


@pytest.mark.parametrize("raw", ["", "không rõ", "0000-00-00"])
def test_broken_machine_dates_give_none(raw: str) -> None:
    assert parse_iso_datetime(raw) is None


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://x.gov.vn/portal/Pages/2023-2-7/Bach-Thong-abc-123.aspx", date(2023, 2, 7)),
        ("https://a.vn/2024/05/17/slug/", date(2024, 5, 17)),
        ("https://a.vn/tin-20240517083000.htm", date(2024, 5, 17)),
        ("https://a.vn/tin-tuc/bai-viet-1532.html", None),
        ("https://a.vn/portal/Pages/2023-13-40/x.aspx", None),
    ],
)
def test_dates_in_urls(url: str, expected: date | None) -> None:
    found = date_from_url(url)
    assert (found.date() if found else None) == expected


def test_year_from_a_url_path_segment() -> None:
    assert year_from_url("https://a.vn/2019/12/slug") == 2019
    assert year_from_url("https://a.vn/tin/slug-2019") is None


@pytest.mark.parametrize(
    ("line", "date_line", "byline"),
    [
        ("Thứ Sáu, 14/10/2020 08:21", True, True),
        ("Ngày đăng: 13/12/2023 | Lượt xem: 245", False, True),
        (
            "Đăng lúc 16h30 ngày 10/02/2023 | Chuyên mục: Góp ý xây dựng Đảng, chính quyền",
            False,
            True,
        ),
        (
            "Chiều 06/01/2020, Huyện ủy Bạch Thông tổ chức hội nghị tổng kết công tác dân vận",
            False,
            False,
        ),
        ("ngày 24/11/2020 của", False, True),
    ],
)
def test_date_and_byline_lines(line: str, date_line: bool, byline: bool) -> None:
    assert (is_date_line(line), is_byline_line(line)) == (date_line, byline)
