"""Golden pages: every recorded page beside its expected JSON, compared field by field.

Set PORTALWATCH_REGEN_GOLDEN=1 to rewrite the exact fields (title, published_at, date_source,
author, source, profile, captions) from the current parser; review reads the diff. The body gold
(`text`, `text_with`, `text_without`) is written by hand and never rewritten.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from parsers import parse_article
from parsers.types import Article

PAGES_DIR = Path(__file__).resolve().parents[1] / "fixtures" / "pages"
PAGES = sorted(PAGES_DIR.glob("*/*.html"))
REGEN = os.environ.get("PORTALWATCH_REGEN_GOLDEN") == "1"
EXACT = ("title", "published_at", "date_source", "author", "source", "profile")


def _fields(article: Article) -> dict[str, Any]:
    return {
        "title": article.title,
        "published_at": article.published_at.isoformat() if article.published_at else None,
        "date_source": article.date_source,
        "author": article.author,
        "source": article.source,
        "profile": article.profile,
    }


def _load(page: Path) -> tuple[dict[str, Any], Article]:
    expected = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))
    return expected, parse_article(page.read_bytes(), expected["url"])


def _regenerate(page: Path, expected: dict[str, Any], article: Article) -> None:
    expected.update(_fields(article))
    expected["captions"] = [image.caption for image in article.images if image.caption]
    page.with_suffix(".json").write_text(
        json.dumps(expected, ensure_ascii=False, indent=2) + "\n", encoding="utf-8"
    )


def test_gold_set_is_large_enough() -> None:
    assert len(PAGES) >= 40
    assert {p.parent.name for p in PAGES} >= {
        "tandan",
        "dcs",
        "nukeviet",
        "wordpress",
        "liferay",
        "dnn",
        "generic",
    }


@pytest.mark.parametrize("page", PAGES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_exact_fields(page: Path) -> None:
    expected, article = _load(page)
    if REGEN:
        _regenerate(page, expected, article)
    assert _fields(article) == {key: expected[key] for key in EXACT}


@pytest.mark.parametrize("page", PAGES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_text_snippets(page: Path) -> None:
    expected, article = _load(page)
    missing = [s for s in expected["text_with"] if s not in article.text]
    leaked = [s for s in expected["text_without"] if s in article.text]
    assert (missing, leaked) == ([], [])


@pytest.mark.parametrize("page", PAGES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_captions_kept_apart(page: Path) -> None:
    expected, article = _load(page)
    captions = [image.caption for image in article.images]
    assert [c for c in expected["captions"] if c not in captions] == []
