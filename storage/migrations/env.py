"""Alembic environment: the engine comes from storage.db, never from an ini file."""

from __future__ import annotations

from alembic import context
from sqlmodel import SQLModel

import storage.models
import storage.search
import storage.signals  # noqa: F401  (freshness stamps)

target_metadata = SQLModel.metadata
engine = context.config.attributes["engine"]

with engine.begin() as connection:
    if engine.dialect.name == "postgresql":
        # Two workers starting at once must not both run the same migration.
        connection.exec_driver_sql("SELECT pg_advisory_xact_lock(74210931)")
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=engine.dialect.name == "sqlite",
        compare_type=True,
    )
    context.run_migrations()
