"""`portalwatch export indicators|directives --format xlsx`: the files open with openpyxl and
hold the demo's figures (Bạch Thông's "Dân vận khéo" models: 41 in 2019, 298 in 2022)."""

from __future__ import annotations

import io
from pathlib import Path

from openpyxl import load_workbook

from deployments.replay import load_expected
from portalwatch.xlsx import sheet_title, write_xlsx
from tests.dashboard.dashkit import run_cli

EXPECTED = load_expected()["transitions"][0]


def test_indicators_workbook_has_a_sheet_per_indicator(demo_sqlite: str, tmp_path: Path) -> None:
    out = tmp_path / "chi-so.xlsx"
    done = run_cli("export", "indicators", "--format", "xlsx", "--output", str(out), "--database-url", demo_sqlite)
    assert done.returncode == 0, done.stderr.decode()
    wb = load_workbook(out, read_only=True)
    index = list(wb["Chỉ số"].iter_rows(values_only=True))
    sheets = {row[0]: row[3] for row in index[1:]}
    assert len(wb.sheetnames) == len(sheets) + 2
    rows = list(wb[sheets["dan-van-kheo-models"]].iter_rows(values_only=True))
    header, body = rows[0], {r[0]: dict(zip(rows[0][1:], r[1:], strict=True)) for r in rows[1:]}
    assert header[0] == "Địa bàn" and list(header[1:]) == ["2019", "2021-2025", "2022"]
    assert body["Bạch Thông, Bắc Kạn"]["2019"] == 41 and body["Bạch Thông, Bắc Kạn"]["2022"] == 298
    assert body["Bạch Thông, Bắc Kạn"]["2021-2025"] is None and body["Bắc Kạn"]["2021-2025"] == 2846
    sources = list(wb["Nguồn"].iter_rows(values_only=True))
    fields = sources[0]
    kheo = [dict(zip(fields, r, strict=True)) for r in sources[1:] if r[0] == "dan-van-kheo-models"]
    assert {(r["period"], r["value"]) for r in kheo} == {("2019", 41), ("2022", 298), ("2021-2025", 2846)}
    assert all(r["article_url"].startswith("http://127.0.0.1:") and r["sentence"] for r in kheo)
    assert any("298" in r["sentence"] for r in kheo)


def test_directives_workbook_to_redirected_stdout(demo_sqlite: str) -> None:
    done = run_cli("export", "directives", "--format", "xlsx", "--database-url", demo_sqlite)
    assert done.returncode == 0, done.stderr.decode()
    assert done.stdout[:2] == b"PK"  # a zip: the xlsx bytes themselves
    ws = load_workbook(io.BytesIO(done.stdout), read_only=True)["Văn bản"]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][:3] == ("code", "doc_type", "doc_type_name")
    codes = {r[0] for r in rows[1:]}
    assert {d["code"] for d in EXPECTED["directive_new"]} <= codes
    assert all(r[rows[0].index("mentions")] >= 1 for r in rows[1:])


def test_xlsx_refuses_other_kinds_and_a_terminal(demo_sqlite: str) -> None:
    done = run_cli("export", "articles", "--format", "xlsx", "--database-url", demo_sqlite)
    assert done.returncode == 1
    assert done.stderr.decode().strip().splitlines()[-1].endswith("xlsx export is for indicators and directives, not articles")
    sink = io.BytesIO()
    try:
        write_xlsx(b"PK..", None, sink, stdout_is_tty=True)
    except ValueError as exc:
        assert "--output" in str(exc)
    else:
        raise AssertionError("a terminal must not receive binary xlsx")
    assert sink.getvalue() == b""


def test_sheet_titles_are_valid_and_unique() -> None:
    taken: set[str] = set()
    first = sheet_title("ty-le/giai-quyet:don-thu-khieu-nai-to-cao-2024", taken)
    second = sheet_title("ty-le/giai-quyet:don-thu-khieu-nai-to-cao-2025", taken)
    assert len(first) <= 31 and len(second) <= 31 and first != second
    assert not set("[]:*?/\\") & set(first + second)
