"""A real database for detection tests: a SQLite file, and PostgreSQL when configured."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from detect_world import World
from sqlalchemy.engine import Engine

FIXTURES = Path(__file__).parents[1] / "fixtures" / "detect"


@pytest.fixture
def db(engine: Engine) -> Engine:
    """A migrated, empty database; once on a SQLite file, once on PostgreSQL (tests/conftest.py)."""
    return engine


@pytest.fixture(scope="session")
def corpus() -> dict[str, Any]:
    return yaml.safe_load((FIXTURES / "articles.yaml").read_text(encoding="utf-8"))


@pytest.fixture
def world(db: Engine, corpus: dict[str, Any]) -> World:
    return World(db, corpus)
