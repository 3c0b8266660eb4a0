"""Indicator extraction, table-driven over tests/fixtures/detect/passages.yaml, plus the
dictionary file format."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from core.errors import ConfigError
from detect.evaluation import load_passages, score_indicators
from parsers import find_indicators
from parsers.indicator_dictionary import IndicatorDictionary

FIXTURES = Path(__file__).parents[1] / "fixtures" / "detect"
PASSAGES = [
    passage
    for name in ("passages.yaml", "holdout.yaml", "holdout2.yaml")
    for passage in load_passages(FIXTURES / name)
]


@pytest.mark.parametrize("passage", PASSAGES, ids=[p.id for p in PASSAGES])
def test_passage(passage) -> None:  # type: ignore[no-untyped-def]
    found = find_indicators(passage.text, published_at=passage.published_at, locality=passage.locality)
    assert score_indicators(passage, found).problems == []


def test_evidence_and_raw_are_kept() -> None:
    (value,) = find_indicators(
        "Mở đầu. Năm 2022, toàn huyện có 298 mô hình “Dân vận khéo”. Kết thúc.",
        locality="Bạch Thông, Bắc Kạn",
    )
    assert value.sentence == "Năm 2022, toàn huyện có 298 mô hình “Dân vận khéo”."
    assert value.raw == "298 mô hình"
    assert (value.unit, value.label) == ("mô hình", 'Mô hình "Dân vận khéo"')


def test_without_any_date_the_period_is_unknown() -> None:
    (value,) = find_indicators("Toàn huyện có 41 mô hình “Dân vận khéo”.")
    assert value.period is None and value.locality is None


def test_published_year_is_the_last_resort() -> None:
    (value,) = find_indicators(
        "Toàn huyện có 41 mô hình “Dân vận khéo”.", published_at=datetime(2021, 3, 2, tzinfo=UTC)
    )
    assert value.period == "2021"


USER_FILE = """
indicators:
  - key: dan-van-kheo-models
    label: Mô hình dân vận khéo (định nghĩa riêng)
    unit: mô hình
    rules:
      - nouns: [mô hình]
  - key: volunteer-youth
    label: Đoàn viên tình nguyện
    unit: đoàn viên
    rules:
      - nouns: [đoàn viên, thanh niên]
        phrases: [tình nguyện]
"""


def test_user_file_extends_and_overrides(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(USER_FILE, encoding="utf-8")
    dictionary = IndicatorDictionary.from_file(path)
    keys = dictionary.keys()
    assert keys.count("dan-van-kheo-models") == 1 and keys[-1] == "volunteer-youth"
    assert "workdays" in keys
    found = find_indicators(
        "Năm 2024, huyện có 450 đoàn viên tham gia tình nguyện hè và 12 mô hình kinh tế.",
        definitions=dictionary,
    )
    assert {(v.indicator, v.value) for v in found} == {
        ("volunteer-youth", 450), ("dan-van-kheo-models", 12)
    }


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("indicators:\n  - key: Bad Key\n    label: x\n    rules: [{nouns: [a]}]\n", "not a lower-case slug"),
        ("indicators:\n  - key: a\n    label: x\n    rules: [{nounz: [a]}]\n", "rules[0].nounz: unknown key"),
        ("indicators:\n  - key: a\n    label: x\n    rules: [{take: median, nouns: [a]}]\n", "take"),
        ("indicators:\n  - key: a\n    rules: [{nouns: [a]}]\n", "label: required key is missing"),
        ("indicators: 3\n", "'indicators:' list"),
        ("indicators: [\n", "invalid YAML"),
    ],
)
def test_bad_user_file_is_one_clear_line(tmp_path: Path, body: str, message: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(body, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        IndicatorDictionary.from_file(path)
    assert message in str(info.value) and "\n" not in str(info.value)
    assert str(path) in str(info.value)
