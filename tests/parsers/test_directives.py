"""Directive extraction, table-driven over tests/fixtures/detect/passages.yaml, plus edges."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from detect.evaluation import load_passages, score_directives
from parsers import find_directives

FIXTURES = Path(__file__).parents[1] / "fixtures" / "detect"
PASSAGES = [
    passage
    for name in ("passages.yaml", "holdout.yaml", "holdout2.yaml")
    for passage in load_passages(FIXTURES / name)
]


@pytest.mark.parametrize("passage", PASSAGES, ids=[p.id for p in PASSAGES])
def test_passage(passage) -> None:  # type: ignore[no-untyped-def]
    score = score_directives(passage, find_directives(passage.text))
    assert score.problems == []


@pytest.mark.parametrize(
    ("written", "code"),
    [
        ("Nghị quyết số 17-NQ/HU", "17-NQ/HU"),
        ("Quy chế số 22-QC/TU", "22-QC/TU"),
        ("Nghị định 15/2020/NĐ-CP", "15/2020/NĐ-CP"),
        ("Quyết định 123/QĐ-UBND", "123/QĐ-UBND"),
        ("Nghị quyết số 60/NQ-TW", "60-NQ/TW"),
        ("Quy định 24- QĐ/TW", "24-QĐ/TW"),
        ("Công văn 858CV/ĐUK", "858-CV/ĐUK"),
        ("Công văn 858-CV/DUK", "858-CV/ĐUK"),
        ("Quyết định 123/QD-UBND", "123/QĐ-UBND"),
        ("Quyết định 123/Q\u00d0-UBND", "123/QĐ-UBND"),
        ("Chỉ thị số 5-CT/TW", "05-CT/TW"),
        ("Chỉ thị số 05 - CT/TW", "05-CT/TW"),
        ("Kế hoạch 100-KH/TU", "100-KH/TU"),
        ("Quy định 08-Qđi/TW", "08-QĐi/TW"),
        ("công văn 214/UBND-VP", "214/UBND-VP"),
        ("Thông tư 01/2024/TT-BGDĐT", "01/2024/TT-BGDĐT"),
        ("Hướng dẫn 12/HD-SNV", "12/HD-SNV"),
        ("Nghị quyết số 30a/2008/NQ-CP", "30a/2008/NQ-CP"),  # a number with a letter
        ("Công văn số 7b/UBND-VP", "07b/UBND-VP"),
    ],
)
def test_one_canonical_code(written: str, code: str) -> None:
    assert [r.code for r in find_directives(f"Thực hiện {written} của cấp trên.")] == [code]


def test_same_document_written_two_ways_is_one_reference() -> None:
    refs = find_directives("Nghị quyết số 60/NQ-TW và sau đó Nghị quyết 60-NQ/TW ngày 12/4/2025.")
    assert [(r.code, r.issued_date) for r in refs] == [("60-NQ/TW", date(2025, 4, 12))]


@pytest.mark.parametrize(
    ("word", "name"),
    [("quy định", "Quy định"), ("Quy định", "Quy định"), ("quyết định", "Quyết định")],
)
def test_qd_meaning_follows_the_word_before(word: str, name: str) -> None:
    (ref,) = find_directives(f"Thực hiện {word} số 60-QĐ/TU của Tỉnh ủy.")
    assert (ref.doc_type, ref.doc_type_name) == ("QĐ", name)


@pytest.mark.parametrize(
    "text",
    [
        "Kỷ niệm (15/10/1930-15/10/2020) và ngày 24/11/2020.",
        "Liên hệ 0209.3870.123 hoặc 0912.345.678.",
        "Đạt 85%, tăng 3/4 so với cùng kỳ; 36/42 đơn thư.",
        "Đại dịch Covid-19 và cơn bão số 3 (Yagi) năm 2024.",
        "Tầng 3/5, nhà A2, số 12/4 đường Nguyễn Văn Cừ.",
        "Sơ kết 3 năm thực hiện nghị quyết 5 năm của huyện.",
    ],
)
def test_not_directives(text: str) -> None:
    assert find_directives(text) == []


def test_evidence_sentence_is_the_one_that_mentions_it() -> None:
    text = "Mở đầu bài viết. Hội nghị quán triệt Chỉ thị số 35-CT/TW. Câu sau không liên quan."
    (ref,) = find_directives(text)
    assert ref.sentence == "Hội nghị quán triệt Chỉ thị số 35-CT/TW."
    assert ref.raw == "35-CT/TW"


def test_code_less_mention_of_a_code_given_in_the_same_text_is_one_reference() -> None:
    text = ("Quán triệt Chỉ thị 45 của Bộ Chính trị. Hội nghị triển khai Chỉ thị số 45-CT/TW "
            "ngày 14/4/2025 của Bộ Chính trị về đại hội đảng bộ các cấp.")
    refs = find_directives(text)
    assert [(r.code, r.issued_date) for r in refs] == [("45-CT/TW", date(2025, 4, 14))]


def test_code_less_mention_stays_when_two_codes_could_be_meant() -> None:
    refs = find_directives("Nghị quyết số 17-NQ/HU, Nghị quyết số 17-NQ/TU và Nghị quyết 17 đều được học tập.")
    assert [(r.code, r.doc_type, r.number) for r in refs] == [
        ("17-NQ/HU", "NQ", "17"), ("17-NQ/TU", "NQ", "17"), (None, "NQ", "17")
    ]


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        ("Thực hiện Nghị quyết số 17-NQ/\nHU của Huyện ủy về dân vận.", ["17-NQ/HU"]),
        ("Kế hoạch số 45-\nKH/TU ngày 02/3/2024.", ["45-KH/TU"]),
        ("Số: 123/2024/\nQĐ-UBND", ["123/2024/QĐ-UBND"]),
        ("Các văn bản:\n- 12-KH/BTGTU;\n+ 05-HD/BDVTU;\n• 03-CT/ĐUK.", ["12-KH/BTGTU", "05-HD/BDVTU", "03-CT/ĐUK"]),
        ("| 1 | 17-NQ/HU | 12/3/2024 | Về phát triển chè |\n| 2 | 71/2024/QĐ-UBND | 5/4/2024 |", ["17-NQ/HU", "71/2024/QĐ-UBND"]),
        ("NGHỊ QUYẾT SỐ 09-NQ/ĐU VỀ PHÁT TRIỂN KINH TẾ", ["09-NQ/ĐU"]),
        ("Chỉ thị số 05/CT-TTg và Quyết định 1719/QĐ-TTg của Thủ tướng.", ["05/CT-TTg", "1719/QĐ-TTg"]),
        ("Kế hoạch số 45/KH-UBND-VX và Kế hoạch liên tịch 01/KHLT-MTTQ-UBND.", ["45/KH-UBND-VX", "01/KHLT-MTTQ-UBND"]),
        ("Nghị quyết số 25-NQ/TƯ và Chỉ thị 35-CT/TƯ của Bộ Chính trị.", ["25-NQ/TW", "35-CT/TW"]),
        ("Kế hoạch 12-KH/ĐTN, Hướng dẫn 02-HD/UBKTHU, Thông báo 5-TB/VPTU, Kết luận 21-KL/ĐUQSTW.",
         ["12-KH/ĐTN", "02-HD/UBKTHU", "05-TB/VPTU", "21-KL/ĐUQSTW"]),
        ("Hướng dẫn liên tịch số 03-HDLT/BTGTU-BDVTU về tuyên truyền.", ["03-HDLT/BTGTU-BDVTU"]),
    ],
)
def test_codes_in_tables_titles_lists_and_broken_lines(text: str, codes: list[str]) -> None:
    assert [r.code for r in find_directives(text) if r.code] == codes
