"""Vietnamese numerals: Babel's strict vi parser is the reference where it gives an answer."""

from __future__ import annotations

import random

import pytest
from babel.numbers import NumberFormatError, parse_decimal

from parsers.numbers import find_numbers, parse_number


@pytest.mark.parametrize(
    ("raw", "value"),
    [("1.600", 1600), ("219,2", 219.2), ("1,6", 1.6), ("2.132", 2132), ("77,5", 77.5),
     ("1.250.000.000", 1.25e9), ("1.000,25", 1000.25), ("04", 4), ("1.6", 1.6), ("12.5", 12.5)],
)
def test_parse_number(raw: str, value: float) -> None:
    assert parse_number(raw) == pytest.approx(value)


def _vietnamese(value: int, decimals: str) -> str:
    grouped = f"{value:,}".replace(",", ".")
    return f"{grouped},{decimals}" if decimals else grouped


def test_agrees_with_babel_strict_vi() -> None:
    rng = random.Random(20240515)
    for _ in range(2000):
        whole = rng.choice([rng.randrange(10), rng.randrange(1000), rng.randrange(10**7), rng.randrange(10**10)])
        decimals = rng.choice(["", "", str(rng.randrange(10)), f"{rng.randrange(100):02d}"])
        written = _vietnamese(whole, decimals)
        assert parse_number(written) == pytest.approx(float(parse_decimal(written, locale="vi", strict=True)))


@pytest.mark.parametrize("raw", ["1.6", "12.5", "3.25"])
def test_short_dot_group_is_a_decimal_point_where_babel_refuses(raw: str) -> None:
    with pytest.raises(NumberFormatError):
        parse_decimal(raw, locale="vi", strict=True)
    assert parse_number(raw) == float(raw)


@pytest.mark.parametrize("raw", ["", "abc", "1.2.3", "1,2,3"])
def test_not_a_number(raw: str) -> None:
    with pytest.raises(ValueError):
        parse_number(raw)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("trên 16 nghìn người", [(16000, "count", None)]),
        ("1,6 tỷ đồng", [(1.6e9, "count", None)]),
        ("77,5 triệu đồng", [(77.5e6, "count", None)]),
        ("500 ngàn đồng", [(500000, "count", None)]),
        ("36/42 đơn thư", [(36, "ratio", 42)]),
        ("đạt 85%", [(85, "percent", None)]),
        ("đạt 85 %", [(85, "percent", None)]),
        ("219,2m3 rác", [(219.2, "count", None)]),
        ("có thêm100 km", [(100, "count", None)]),
        ("tăng 5 tỷ lệ", [(5, "count", None)]),
    ],
)
def test_find_numbers(text: str, expected: list[tuple[float, str, float | None]]) -> None:
    found = [(n.value, n.kind, n.denominator) for n in find_numbers(text)]
    assert found == [(pytest.approx(v), k, d) for v, k, d in expected]


@pytest.mark.parametrize(
    "text",
    ["Điện thoại 0209.3870.123", "gọi 0912 345 678", "hotline (0209) 3 870 111", "QH13", "858CV"],
)
def test_phones_and_code_parts_are_not_figures(text: str) -> None:
    assert [n.raw for n in find_numbers(text)] == []


def test_a_date_is_not_a_ratio() -> None:
    kinds = [n.kind for n in find_numbers("ngày 25/3/2023")]
    assert "ratio" not in kinds


def test_a_full_stop_after_a_grouped_number_ends_the_sentence_not_the_number() -> None:
    assert [n.value for n in find_numbers("Đảng bộ có 4.215. Năm sau có 4.300.")] == [4215, 4300]


def test_money_written_in_two_parts_is_one_number() -> None:
    (number,) = find_numbers("nhận 1 tỷ 250 triệu đồng")
    assert number.value == 1.25e9 and number.raw == "1 tỷ 250 triệu"
