"""The unseen-batch scoring of bench/detect: value + period matching, first runs kept."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

from parsers.types import DirectiveRef, IndicatorValue

BENCH = Path(__file__).parents[2] / "bench" / "detect" / "unseen.py"


def _unseen() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_detect_unseen", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


BATCH = """
passages:
  - id: p1
    text: "Năm 2024, xã hỗ trợ 135 hộ, 6 tháng đầu năm tiếp 1.200 lượt công dân."
    directives: [{code: 17-NQ/HU, type: NQ, issuer: HU}]
    indicators:
      - {value: 135, period: "2024", unit: hộ, counts: hộ được hỗ trợ}
      - {value: "1.200", period: "2024-H1", unit: lượt, counts: lượt công dân được tiếp}
    code_less: []
"""


def _value(value: float, period: str) -> IndicatorValue:
    return IndicatorValue(indicator="x", label="x", value=value, period=period)


def test_figures_match_on_value_and_period_with_our_half_year_mapped(tmp_path: Path) -> None:
    unseen = _unseen()
    path = tmp_path / "batch1.yaml"
    path.write_text(BATCH, encoding="utf-8")
    (passage,) = unseen.load_batch(path)
    assert passage.figures == ((135.0, "2024"), (1200.0, "2024-H1"))
    found = [_value(135, "2024"), _value(1200, "2024-6M"), _value(94, "2024")]
    refs = [DirectiveRef(code="17-NQ/HU", doc_type="NQ", doc_type_name=None, number="17"),
            DirectiveRef(code="05-CT/TW", doc_type="CT", doc_type_name=None, number="05")]
    d, i = unseen.score_passage(passage, refs, found)
    assert (d.tp, d.fp, d.fn) == (1, 1, 0)
    assert (i.tp, i.fp, i.fn) == (2, 1, 0)
    d, i = unseen.score_passage(passage, [], [_value(135, "2023")])
    assert (d.fn, i.tp, i.fp, i.fn) == (1, 0, 1, 2)


def test_a_first_run_is_written_once_and_never_overwritten(tmp_path: Path) -> None:
    unseen = _unseen()
    runs = tmp_path / "first_runs.json"
    first = unseen.record_first_run("batch1", {"score": 1}, runs)
    again = unseen.record_first_run("batch1", {"score": 2}, runs)
    unseen.record_first_run("batch2", {"score": 3}, runs)
    assert first == again == {"score": 1}
    assert json.loads(runs.read_text(encoding="utf-8")) == {"batch1": {"score": 1}, "batch2": {"score": 3}}
