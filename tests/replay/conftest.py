"""The replay under test: real loopback sockets, a real HTTP client."""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest

from deployments.replay import ReplayServer, load_expected

_TAGS = re.compile(r"<(script|style)\b.*?</\1>|<[^>]+>", re.DOTALL | re.IGNORECASE)
_SPACE = re.compile(r"\s+")


def visible_text(page: str) -> str:
    """Tags dropped, entities decoded, NFC, whitespace collapsed: what a reader sees."""
    text = html.unescape(_TAGS.sub(" ", page))
    return _SPACE.sub(" ", unicodedata.normalize("NFC", text)).strip()


@pytest.fixture
def replay() -> Iterator[ReplayServer]:
    with ReplayServer("v1") as server:
        yield server


@pytest.fixture
def client() -> Iterator[httpx.Client]:
    with httpx.Client(timeout=5, trust_env=False) as http:
        yield http


@pytest.fixture(scope="session")
def expected() -> dict[str, Any]:
    return load_expected()


@pytest.fixture(scope="session")
def text_of() -> Callable[[str], str]:
    return visible_text
