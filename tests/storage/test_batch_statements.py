"""A portal batch costs a bounded number of SQL statements per article, whatever its size.

The writer is what bounds a large crawl, and its cost is mostly statements: each article's
observations, events and person posts go in with one statement per kind, and what a batch
looks up one article at a time (stored URLs, indicator series, people's posts, pending
mentions) is read once per batch. This counts the statements of real batches of generated
reports (figures, directive codes and officials in every article) on a real SQLite file.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import event, func, select
from sqlalchemy.engine import Engine

from bench.dedup.corpus import _context, _skeleton, render
from core.config import AppConfig, PortalConfig
from core.records import FetchedPage, PortalCrawl
from pipeline.ingest import ingest_crawl
from storage.db import open_database, session_scope
from storage.models import Event, IndicatorObservation
from storage.portals import sync_portals

NOW = datetime(2025, 5, 20, 8, 0, tzinfo=UTC)
MAX_STATEMENTS_PER_ARTICLE = 20  # 12 today; 39 to 44 (growing with the batch) before batching


def _page(portal: int, k: int) -> FetchedPage:
    rng = random.Random(portal * 1_000_003 + k)
    title, text = render(_skeleton(rng, _context(rng)))
    paragraphs = "".join(f"<p>{p}</p>" for p in text.split("\n\n"))
    html = (
        f'<html lang="vi"><head><meta charset="utf-8"><title>{title}</title></head><body>'
        f'<div class="post"><h1 class="entry-title">{title}</h1>'
        f'<span class="post-date">{1 + k % 28:02d}/05/2025 08:30</span>'
        f'<div class="entry-content">{paragraphs}</div></div></body></html>'
    )
    url = f"http://xa{portal}.example.vn/tin-tuc/bai-{k}.html"
    return FetchedPage(url=url, final_url=url, kind="article", status=200, fetched_at=NOW, text=html)


def _statements_for(engine: Engine, portal: PortalConfig, index: int, articles: int) -> int:
    crawl = PortalCrawl(portal.id, pages=[_page(index, k) for k in range(articles)], requests=articles)
    count = 0

    def counter(*_args: object) -> None:
        nonlocal count
        count += 1

    event.listen(engine, "before_cursor_execute", counter)
    try:
        report = ingest_crawl(engine, portal, crawl, NOW)
    finally:
        event.remove(engine, "before_cursor_execute", counter)
    assert report.status == "ok", report.errors
    assert report.new_articles == articles
    return count


@pytest.fixture
def world(tmp_path: Path) -> tuple[Engine, list[PortalConfig]]:
    portals = [
        PortalConfig(id=f"xa{i}", name=f"Xã {i}", locality=f"Xã {i}", start_urls=[f"http://xa{i}.example.vn/"])
        for i in range(3)
    ]
    engine = open_database(f"sqlite:///{tmp_path / 'batch.db'}")
    with session_scope(engine) as session:
        sync_portals(session, AppConfig(portals=portals).portals)
    return engine, portals


def test_statements_per_article_are_bounded_and_do_not_grow_with_the_batch(
    world: tuple[Engine, list[PortalConfig]],
) -> None:
    engine, portals = world
    small = _statements_for(engine, portals[0], 0, 12) / 12
    large = _statements_for(engine, portals[1], 1, 48) / 48
    with session_scope(engine) as session:
        figures = session.scalar(select(func.count()).select_from(IndicatorObservation))
        events = session.scalar(select(func.count()).select_from(Event))
    assert figures and figures > 60 * 5, "the generated reports carry several figures each"
    assert events and events > 60 * 2, "and several events each"
    assert small <= MAX_STATEMENTS_PER_ARTICLE
    assert large <= MAX_STATEMENTS_PER_ARTICLE
    assert large <= small * 1.08, f"a 4× larger batch costs {large:.1f} statements/article, not {small:.1f}"


def test_a_batch_stored_again_adds_nothing(world: tuple[Engine, list[PortalConfig]]) -> None:
    """The bulk statements keep the one-row-per-fact guarantee: a second ingest of the same
    pages is all unchanged and stores no figure, event or post twice."""
    engine, portals = world
    _statements_for(engine, portals[2], 2, 12)
    with session_scope(engine) as session:
        before = (
            session.scalar(select(func.count()).select_from(IndicatorObservation)),
            session.scalar(select(func.count()).select_from(Event)),
        )
    crawl = PortalCrawl(portals[2].id, pages=[_page(2, k) for k in range(12)], requests=12)
    report = ingest_crawl(engine, portals[2], crawl, NOW)
    assert report.new_articles == 0 and not report.event_ids
    with session_scope(engine) as session:
        after = (
            session.scalar(select(func.count()).select_from(IndicatorObservation)),
            session.scalar(select(func.count()).select_from(Event)),
        )
    assert after == before
