"""What storage hands the crawler: validators for every page that once answered 200, stamps,
and what portals sharing a host or an article share (SQLite file and PostgreSQL)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy.engine import Engine

from core.config import CrawlerSettings, PortalConfig
from core.records import FetchedPage, Signal
from core.urls import host_key
from storage.db import session_scope
from storage.pages import crawl_state, record_pages
from storage.portals import sync_portals

NOW = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)
HOST = "http://tinhuy.example.vn"
PORTALS = [
    PortalConfig(id=pid, name=name, start_urls=[f"{HOST}/{pid}/tin-tuc"])
    for pid, name in (("bantgdv", "Ban Tuyên giáo và Dân vận"), ("vanphong", "Văn phòng Tỉnh ủy"))
]


def _page(url: str, kind: str, status: int = 200, etag: str | None = None, at: datetime = NOW,
          not_modified: bool = False, signals: tuple[Signal, ...] = ()) -> FetchedPage:
    body = b"" if status != 200 or not_modified else f"<html>{url}</html>".encode()
    return FetchedPage(
        url=url, final_url=url, kind=kind, status=status, fetched_at=at,
        headers={"etag": etag} if etag else {}, body=body, text=body.decode(),
        not_modified=not_modified, error=None if status in (200, 304) else f"HTTP {status}",
        signals=signals,
    )


def test_validators_stamps_and_shared_pages(engine: Engine) -> None:
    listing, robots = f"{HOST}/bantgdv/tin-tuc", f"{HOST}/robots.txt"
    shared, flaky = f"{HOST}/tin-bai/hoi-nghi-5001.html", f"{HOST}/tin-bai/ky-hop-5002.html"
    stamp = Signal(f"listing {listing}", shared, "16/05/2025 0a1b2c")
    with session_scope(engine) as session:
        sync_portals(session, PORTALS)
        record_pages(session, "bantgdv", [
            _page(robots, "robots", etag='"r1"'),
            _page(listing, "listing", etag='"l1"', signals=(stamp,)),
            _page(flaky, "article", etag='"f1"'),
        ])
        # The other portal on the same host fetched robots.txt and the shared article last.
        record_pages(session, "vanphong", [
            _page(robots, "robots", etag='"r1"'), _page(shared, "article", etag='"s1"'),
        ])
    with session_scope(engine) as session:
        record_pages(session, "bantgdv", [_page(flaky, "article", status=503, at=NOW + timedelta(hours=1))])
        state = crawl_state(session, "bantgdv", NOW + timedelta(hours=2))

    assert state.robots and state.validators[robots].etag == '"r1"'  # robots.txt shared by host
    assert state.validators[listing].etag == '"l1"'
    assert state.signals == {(stamp.source, shared): stamp.stamp}
    assert shared in state.known_articles and state.validators[shared].etag == '"s1"'
    assert flaky not in state.known_articles  # it failed last time: fetched again when linked,
    assert state.validators[flaky].etag == '"f1"'  # but conditionally

    with session_scope(engine) as session:
        record_pages(session, "bantgdv", [
            _page(flaky, "article", status=304, not_modified=True, at=NOW + timedelta(hours=3))
        ])
        again = crawl_state(session, "bantgdv", NOW + timedelta(hours=4))
    assert flaky in again.known_articles  # a 304 confirms the 200 it was earned by


def test_a_large_sitemap_stores_all_its_stamps(engine: Engine) -> None:
    """Thousands of stamps from one sitemap: stored in batches (a PostgreSQL statement takes at most 65,535 parameters)."""
    sitemap = f"{HOST}/sitemap.xml"
    stamps = tuple(
        Signal("sitemap", f"{HOST}/tin-bai/bai-{n}.html", f"2025-05-{n % 28 + 1:02d}")
        for n in range(12_000)
    )
    with session_scope(engine) as session:
        sync_portals(session, PORTALS)
        record_pages(session, "bantgdv", [_page(sitemap, "sitemap", etag='"s1"', signals=stamps)])
        state = crawl_state(session, "bantgdv", NOW)
    assert len(state.signals) == 12_000
    assert state.signals[("sitemap", f"{HOST}/tin-bai/bai-29.html")] == "2025-05-02"


def test_robots_txt_is_fresh_within_its_cache_hours_only(engine: Engine) -> None:
    listing, robots = f"{HOST}/bantgdv/tin-tuc", f"{HOST}/robots.txt"
    with session_scope(engine) as session:
        sync_portals(session, PORTALS)
        record_pages(session, "bantgdv", [_page(robots, "robots", etag='"r1"'), _page(listing, "listing")])

    def fresh(hours_later: float, **options: object) -> frozenset[str]:
        with session_scope(engine) as session:
            state = crawl_state(session, "bantgdv", NOW + timedelta(hours=hours_later), **options)  # type: ignore[arg-type]
        assert list(state.robots.values()) == [f"<html>{robots}</html>"]  # handed over either way
        return state.robots_fresh

    assert fresh(11) == {host_key(robots)}  # default robots_cache_hours: 12
    assert fresh(13) == frozenset()
    assert fresh(1, force_refetch=True) == frozenset()
    assert fresh(1, settings=CrawlerSettings(robots_cache_hours=0)) == frozenset()
    assert fresh(23, settings=CrawlerSettings(robots_cache_hours=24)) == {host_key(robots)}
