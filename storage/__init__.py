"""Storage: the SQLModel tables, the engine (SQLite by default, PostgreSQL) with its Alembic
migrations, and the reads and writes the pipeline, the alerts and the dashboard make.

    open_database(url) -> Engine            engine, schema migrated to the latest revision
    session_scope(engine) -> Session         one transaction, committed or rolled back
    export_records(session, kind, since)     the records `portalwatch export` prints

Names load on first use, so `import storage` does not import SQLAlchemy.
"""

from __future__ import annotations

from core.lazy import lazy_exports

_MODELS = (
    "Article",
    "ArticleVersion",
    "CrawlRun",
    "Delivery",
    "Directive",
    "DirectiveMention",
    "Event",
    "IndicatorObservation",
    "Page",
    "PendingMention",
    "PersonPost",
    "Portal",
)
_LAZY = {
    **dict.fromkeys(_MODELS, "storage.models"),
    "init_db": "storage.db",
    "make_engine": "storage.db",
    "open_database": "storage.db",
    "session_scope": "storage.db",
    "export_records": "storage.exports",
    "crawl_state": "storage.pages",
    "record_pages": "storage.pages",
    "recent_runs": "storage.portals",
    "record_run": "storage.portals",
    "sync_portals": "storage.portals",
    "add_event": "storage.facts",
    "refresh_search": "storage.search",
}


__getattr__ = lazy_exports(__name__, _LAZY)


__all__ = sorted(_LAZY)
