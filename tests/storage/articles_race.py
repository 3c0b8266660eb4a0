"""A worker process for the concurrency tests: stores the same URLs as its twin, in lockstep."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import parsers
from storage.articles import upsert_article
from storage.db import make_engine, session_scope


def store_in_lockstep(database_url: str, items: list[tuple[str, str]], barrier: Any, results: Any) -> None:
    """Upsert each (url, text) right after the barrier opens; report the statuses seen."""
    engine = make_engine(database_url)
    statuses = []
    for url, text in items:
        barrier.wait(timeout=60)
        with session_scope(engine) as session:
            article = parsers.Article(url=url, title="Tin đồng thời", text=text)
            outcome = upsert_article(
                session, portal_id="race", url=url, article=article, now=datetime.now(UTC)
            )
            statuses.append((url, outcome.status, outcome.article.version))
    engine.dispose()
    results.put(statuses)
