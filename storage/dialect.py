"""Dialect-aware INSERT … ON CONFLICT, the one idiom that keeps concurrent workers correct."""

from __future__ import annotations

from typing import Any

from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session


def insert_for(session: Session, table: Any) -> Any:
    """An INSERT for `table` that supports `.on_conflict_do_nothing()` / `_do_update()`."""
    bind = session.get_bind()
    if bind.dialect.name == "postgresql":
        return postgresql.insert(table)
    return sqlite.insert(table)
