"""What makes `portalwatch parse` start fast gives the same results as what it replaced: the
built-in indicator definitions' parsed copy matches the YAML, and the noun index finds the nouns
the rules' regular expressions found."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import pytest
import yaml

from core.text import normalize_text
from parsers import indicator_dictionary
from parsers.indicator_dictionary import BUILTIN, BUILTIN_PARSED, IndicatorDictionary, NounIndex
from parsers.textspans import fold_aligned

PAGES = Path(__file__).parents[1] / "fixtures" / "pages"


def test_parsed_copy_of_the_builtin_definitions_is_current() -> None:
    cached = json.loads(BUILTIN_PARSED.read_text(encoding="utf-8"))
    text = BUILTIN.read_text(encoding="utf-8")
    assert cached["source"] == text, "run: python -m parsers.indicator_dictionary"
    assert cached["data"] == yaml.safe_load(text)


def test_a_stale_parsed_copy_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    stale = tmp_path / "indicator_definitions.json"
    stale.write_text(json.dumps({"source": "indicators: []\n", "data": {"indicators": []}}))
    monkeypatch.setattr(indicator_dictionary, "BUILTIN_PARSED", stale)
    fresh = indicator_dictionary._load(BUILTIN)
    assert fresh.keys() == IndicatorDictionary.builtin().keys()
    assert fresh.keys()


def test_missing_parsed_copy_reads_the_yaml(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(indicator_dictionary, "BUILTIN_PARSED", tmp_path / "absent.json")
    assert indicator_dictionary._load(BUILTIN) == IndicatorDictionary.builtin()


def _noun_regex(nouns: tuple[str, ...]) -> re.Pattern[str]:
    """What a rule's nouns were matched with before the noun index (the reference)."""
    body = "|".join(re.escape(n).replace(r"\ ", r"\s+") for n in nouns)
    return re.compile(r"\s*(?:" + body + r")(?![\w])")


def _first_noun_end(
    index: NounIndex, nouns: tuple[str, ...], text: str, pos: int, end: int
) -> int | None:
    found = index.matches(text, pos, end)
    return next((found[n] for n in nouns if n in found), None)


def _check_rules_at_every_position(rules: list[tuple[str, ...]], texts: list[str]) -> int:
    index = NounIndex({n for nouns in rules for n in nouns})
    patterns = [_noun_regex(nouns) for nouns in rules]
    checked = 0
    for text in texts:
        for pos in range(len(text) + 1):
            for end in {len(text), min(len(text), pos + 7)}:
                for nouns, pattern in zip(rules, patterns, strict=True):
                    want = pattern.match(text, pos, end)
                    got = _first_noun_end(index, nouns, text, pos, end)
                    assert got == (want.end() if want else None), (text, pos, end, nouns)
                    checked += 1
    return checked


def test_noun_index_matches_as_the_rule_regexes_did_on_real_text() -> None:
    rules = [r.nouns for d in IndicatorDictionary.builtin().definitions for r in d.rules if r.nouns]
    texts = []
    for page in sorted(PAGES.glob("*/*.json"))[:25]:
        gold = json.loads(page.read_text(encoding="utf-8"))
        text = fold_aligned(normalize_text(gold.get("text") or ""))
        texts += [m.group() for m in re.finditer(r"\d[^\d]{0,60}", text)][:40]
    assert _check_rules_at_every_position(rules, texts) > 100_000


def test_noun_index_matches_as_the_regexes_did_on_odd_text() -> None:
    rules = [("ho gia dinh", "ho", "ho ngheo", "h_o"), ("", "don"), ("don thu", "don"), ("a-b",)]
    rules = [tuple(sorted(set(r), key=len, reverse=True)) for r in rules]
    alphabet = [
        "ho",
        "gia",
        "dinh",
        " ",
        "  ",
        "\n",
        "\u00a0",
        "ngheo",
        "h_o",
        "don",
        "thu",
        "a-b",
        "-",
        ",",
        "x",
        "_",
        "1",
        "đ",
    ]
    rng = random.Random(7)
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 7))) for _ in range(400)]
    texts += ["don" * 12, "85%" * 12 + " don thu", "ho" * 10 + " ho", "a-b" * 8]  # long words
    assert _check_rules_at_every_position(rules, texts) > 10_000
