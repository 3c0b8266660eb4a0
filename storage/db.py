"""Engine factory, sessions and migrations for SQLite (default) and PostgreSQL."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import event, inspect
from sqlalchemy.engine import Engine
from sqlalchemy.engine.interfaces import DBAPIConnection
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError
from sqlalchemy.pool import ConnectionPoolEntry
from sqlmodel import Session, create_engine

from core.errors import ConfigError, StorageError

MIGRATIONS = Path(__file__).parent / "migrations"
_migrated: set[str] = set()
_migrate_lock = threading.Lock()


def _sqlite_pragmas(dbapi_connection: DBAPIConnection, _record: ConnectionPoolEntry) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")  # readers never block the writer
    cursor.execute("PRAGMA synchronous=NORMAL")  # safe with WAL; a commit no longer waits for fsync
    cursor.execute("PRAGMA busy_timeout=30000")  # several processes may share one file
    cursor.execute("PRAGMA foreign_keys=ON")
    # A 64 MiB private page cache (the default is 2 MiB) keeps the LSH band index's random
    # lookups cheap at 100k articles. Not mmap: mapped pages of a growing database file count in
    # the process's resident memory, so a long crawl's RSS would grow with the file.
    cursor.execute("PRAGMA cache_size=-65536")
    cursor.close()


def normalize_url(url: str) -> str:
    """Accept `postgresql://` and `postgres://` as the psycopg 3 driver."""
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def make_engine(url: str) -> Engine:
    """An engine for `url`; SQLite files get WAL and a busy timeout."""
    url = normalize_url(url)
    try:
        if url.startswith("sqlite"):
            engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})
            event.listen(engine, "connect", _sqlite_pragmas)
            return engine
        return create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=5)
    except (ArgumentError, NoSuchModuleError) as exc:
        raise ConfigError(f"{url}: not a database URL (sqlite:///FILE or postgresql://…): {exc}") from None


def alembic_config(engine: Engine) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["engine"] = engine
    return config


def upgrade(engine: Engine) -> None:
    """Apply every migration not yet applied (idempotent; concurrent callers serialise)."""
    try:
        with _migrate_lock:
            command.upgrade(alembic_config(engine), "head")
            _migrated.add(str(engine.url))
    except OperationalError as exc:
        raise StorageError(f"cannot migrate {engine.url.render_as_string()}: {exc.orig}") from None


def init_db(engine: Engine) -> Engine:
    """Migrate once per process per database; every command calls this on first use."""
    if str(engine.url) not in _migrated:
        upgrade(engine)
    return engine


def open_database(url: str) -> Engine:
    """make_engine + init_db: the one call commands use."""
    return init_db(make_engine(url))


def current_tables(engine: Engine) -> set[str]:
    return set(inspect(engine).get_table_names())


@contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    """A session that commits on success and rolls back on error."""
    with Session(engine, expire_on_commit=False) as session:
        try:
            yield session
            session.commit()
        except Exception:
            session.rollback()
            raise
