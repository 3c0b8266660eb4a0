"""The scorer behind the passage tests and the benchmark flags every kind of mistake."""

from __future__ import annotations

from datetime import date

from detect.evaluation import Passage, score_directives, score_indicators
from parsers.types import DirectiveRef, IndicatorValue

PASSAGE = Passage(
    id="p", text="", published_at=None, locality="Bạch Thông, Bắc Kạn",
    directives=({"code": "17-NQ/HU", "date": date(2023, 12, 13)},
                {"code": None, "type": "CT", "number": "5"}),
    indicators=({"key": "dan-van-kheo-models", "value": 298, "period": "2022"},),
)


def ref(code: str | None, **kw: object) -> DirectiveRef:
    values: dict[str, object] = {"doc_type": None, "doc_type_name": None, "number": "17"}
    values.update(kw)
    return DirectiveRef(code=code, **values)  # type: ignore[arg-type]


def test_all_right() -> None:
    score = score_directives(PASSAGE, [
        ref("17-NQ/HU", issued_date=date(2023, 12, 13)), ref(None, doc_type="CT", number="05"),
    ])
    assert (score.tp, score.fp, score.fn, score.problems) == (2, 0, 0, [])


def test_wrong_field_missing_and_extra() -> None:
    score = score_directives(PASSAGE, [
        ref("17-NQ/HU", issued_date=date(2023, 12, 14)), ref("18-NQ/HU"),
    ])
    assert (score.tp, score.fp, score.fn) == (0, 2, 2)
    assert len(score.problems) == 3
    assert score.precision == 0.0 and score.recall == 0.0


def test_indicator_value_locality_and_period_all_count() -> None:
    def value(v: float, period: str = "2022", locality: str = "Bạch Thông, Bắc Kạn") -> IndicatorValue:
        return IndicatorValue("dan-van-kheo-models", "", v, period=period, locality=locality)

    assert score_indicators(PASSAGE, [value(298)]).tp == 1
    assert score_indicators(PASSAGE, [value(297)]).problems
    assert score_indicators(PASSAGE, [value(298, period="2023")]).fp == 1
    assert score_indicators(PASSAGE, [value(298, locality="xã Nguyên Phúc")]).fn == 1
