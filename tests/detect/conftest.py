"""A real database for detection tests: a SQLite file, and PostgreSQL when configured."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from detect_world import World
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine, make_url
from sqlmodel import SQLModel

from storage.db import open_database

FIXTURES = Path(__file__).parents[1] / "fixtures" / "detect"
POSTGRES_ENV = "PORTALWATCH_TEST_POSTGRES_URL"


@pytest.fixture(scope="session")
def detect_postgres() -> Iterator[str]:
    """A PostgreSQL database of its own for these tests, dropped afterwards."""
    base = os.environ.get(POSTGRES_ENV)
    if not base:
        pytest.skip(f"PostgreSQL detection tests skipped: set {POSTGRES_ENV}")
    name = f"pw_detect_{uuid.uuid4().hex[:10]}"
    admin_url = make_url(base).set(drivername="postgresql+psycopg", database="postgres")
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    yield make_url(base).set(drivername="postgresql+psycopg", database=name).render_as_string(
        hide_password=False
    )
    with admin.connect() as conn:
        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    """A migrated, empty database; once on a SQLite file, once on PostgreSQL."""
    if request.param == "sqlite":
        engine = open_database(f"sqlite:///{tmp_path / 'detect.db'}")
    else:
        engine = open_database(request.getfixturevalue("detect_postgres"))
    if engine.dialect.name == "postgresql":
        names = ", ".join(f'"{t.name}"' for t in SQLModel.metadata.sorted_tables)
        with engine.begin() as conn:
            conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
    yield engine
    engine.dispose()


@pytest.fixture(scope="session")
def corpus() -> dict[str, Any]:
    return yaml.safe_load((FIXTURES / "articles.yaml").read_text(encoding="utf-8"))


@pytest.fixture
def world(db: Engine, corpus: dict[str, Any]) -> World:
    return World(db, corpus)
