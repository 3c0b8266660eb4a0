"""The demo database (the bundled replay crawled twice) on SQLite and PostgreSQL, plus a few
alert deliveries, shared by the dashboard tests."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import Integer, create_engine, select
from sqlalchemy.engine import Engine, make_url
from sqlmodel import SQLModel

from storage.db import open_database, session_scope
from storage.deliveries import insert_deliveries
from storage.models import Event
from storage.search import ArticleSearch  # noqa: F401  (its table is copied too)
from tests.dashboard.dashkit import CHANNEL, LEGACY_CHANNEL, run_cli

POSTGRES_ENV = "PORTALWATCH_TEST_POSTGRES_URL"


@pytest.fixture(scope="session")
def demo_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`portalwatch demo --keep DIR`, run once: DIR/demo.db holds the replay's two crawls."""
    folder = tmp_path_factory.mktemp("dashboard-demo")
    env = os.environ | {"PREFECT_HOME": str(folder / "prefect"), "COLUMNS": "160"}
    done = run_cli("demo", "--keep", str(folder / "demo"), env=env)
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-2000:]
    return folder / "demo"


def seed_deliveries(engine: Engine) -> None:
    """Three deliveries of the demo's first events: one pending, one failed, one sent."""
    now = datetime.now(UTC)
    with session_scope(engine) as session:
        events = list(session.execute(select(Event.id).order_by(Event.id).limit(3)).scalars())
        rows = [
            {"event_id": events[0], "subscription": "ban-tgdv", "channel_key": "k1", "channel": CHANNEL,
             "status": "pending", "attempts": 0, "next_attempt_at": now, "created_at": now},
            {"event_id": events[1], "subscription": "ban-tgdv", "channel_key": "k1", "channel": CHANNEL,
             "status": "failed", "attempts": 8, "last_error": "HTTP 502 from the chat API", "created_at": now},
            {"event_id": events[2], "subscription": "phong-vien", "channel_key": "k2",
             "channel": LEGACY_CHANNEL, "status": "sent", "attempts": 1,
             "sent_at": now, "created_at": now},
        ]
        keys = {k for row in rows for k in row}
        insert_deliveries(session, [{k: row.get(k) for k in sorted(keys)} for row in rows])


@pytest.fixture(scope="session")
def demo_sqlite(demo_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> str:
    """A copy of the demo database with deliveries seeded (the demo has no subscription)."""
    copy = tmp_path_factory.mktemp("dashboard-sqlite") / "demo.db"
    copy.write_bytes((demo_dir / "demo.db").read_bytes())
    url = f"sqlite:///{copy}"
    engine = open_database(url)
    seed_deliveries(engine)
    engine.dispose()
    return url


def _copy_rows(source: Engine, target: Engine) -> None:
    """Every row of every table, parents first; then the id sequences past the copied ids."""
    tables = [t for t in SQLModel.metadata.sorted_tables]
    with source.connect() as src, target.begin() as dst:
        for table in tables:
            rows = [dict(r._mapping) for r in src.execute(table.select())]
            if rows:
                dst.execute(table.insert(), rows)
        for table in tables:
            if "id" in table.c and table.c.id.primary_key and isinstance(table.c.id.type, Integer):
                dst.exec_driver_sql(
                    f"SELECT setval(pg_get_serial_sequence('\"{table.name}\"', 'id'), "
                    f"COALESCE((SELECT MAX(id) FROM \"{table.name}\"), 1))"
                )


def _admin_url(url: str) -> str:
    return make_url(url).set(drivername="postgresql+psycopg", database="postgres").render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def demo_postgres(demo_sqlite: str) -> Iterator[str]:
    """The same demo data copied into a fresh PostgreSQL database, dropped afterwards."""
    base = os.environ.get(POSTGRES_ENV)
    if not base:
        pytest.skip(f"PostgreSQL tests skipped: set {POSTGRES_ENV}")
    name = f"pw_dash_{uuid.uuid4().hex[:10]}"
    admin = create_engine(_admin_url(base), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    url = make_url(base).set(drivername="postgresql+psycopg", database=name).render_as_string(hide_password=False)
    source, target = open_database(demo_sqlite), open_database(url)
    _copy_rows(source, target)
    source.dispose()
    target.dispose()
    yield url
    with admin.connect() as conn:
        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def demo_url(request: pytest.FixtureRequest) -> str:
    """Each test using this runs on the demo data in SQLite and in PostgreSQL."""
    fixture = "demo_sqlite" if request.param == "sqlite" else "demo_postgres"
    return str(request.getfixturevalue(fixture))
