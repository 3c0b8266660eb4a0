"""Shared fixtures: real SQLite files, a real PostgreSQL database per test session."""

from __future__ import annotations

import os
import tempfile
import uuid
from collections.abc import Iterator

# Before anything imports Prefect: keep its home, database and result storage out of ~/.prefect.
os.environ["PREFECT_HOME"] = tempfile.mkdtemp(prefix="portalwatch-test-prefect-")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")

import pytest
from sqlalchemy import create_engine
from sqlalchemy.engine import Engine, make_url

from storage.db import open_database

POSTGRES_ENV = "PORTALWATCH_TEST_POSTGRES_URL"


def _admin_url(url: str) -> str:
    return make_url(url).set(drivername="postgresql+psycopg", database="postgres").render_as_string(hide_password=False)


def _fresh_postgres() -> Iterator[str]:
    base = os.environ.get(POSTGRES_ENV)
    if not base:
        pytest.skip(f"PostgreSQL tests skipped: set {POSTGRES_ENV} (e.g. postgresql+psycopg://postgres@127.0.0.1:5432/postgres)")
    name = f"pw_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(_admin_url(base), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    yield make_url(base).set(drivername="postgresql+psycopg", database=name).render_as_string(hide_password=False)
    with admin.connect() as conn:
        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.dispose()


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A fresh PostgreSQL database for this test session, dropped afterwards."""
    yield from _fresh_postgres()


@pytest.fixture
def empty_postgres_url() -> Iterator[str]:
    """A PostgreSQL database of this test's own, for tests that count everything stored."""
    yield from _fresh_postgres()


@pytest.fixture
def sqlite_url(tmp_path) -> str:  # type: ignore[no-untyped-def]
    return f"sqlite:///{tmp_path / 'portalwatch.db'}"


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request, tmp_path) -> str:  # type: ignore[no-untyped-def]
    """Each test using this runs once on a SQLite file and once on PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'portalwatch.db'}"
    base = request.getfixturevalue("postgres_url")
    _truncate_all(base)
    return base


def _truncate_all(url: str) -> None:
    """Empty every table between PostgreSQL tests (one database per session, many tests)."""
    engine = open_database(url)
    with engine.begin() as conn:
        tables = [
            r[0]
            for r in conn.exec_driver_sql(
                "SELECT tablename FROM pg_tables WHERE schemaname='public' AND tablename <> 'alembic_version'"
            )
        ]
        if tables:
            conn.exec_driver_sql("TRUNCATE " + ", ".join(f'"{t}"' for t in tables) + " RESTART IDENTITY CASCADE")
    engine.dispose()


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    eng = open_database(database_url)
    yield eng
    eng.dispose()


@pytest.fixture(scope="session")
def prefect_server() -> Iterator[None]:
    """One temporary Prefect server for the whole session (starting one takes ~13 s)."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield

