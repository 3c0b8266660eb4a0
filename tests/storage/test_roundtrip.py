"""Storage round-trips on a real SQLite file and a real PostgreSQL database."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from sqlalchemy import inspect
from sqlalchemy.engine import Engine
from sqlmodel import select

from core.config import PortalConfig
from core.records import FetchedPage
from storage.db import open_database, session_scope
from storage.exports import export_records
from storage.models import (
    Article,
    Delivery,
    Directive,
    DirectiveMention,
    Event,
    IndicatorObservation,
    Page,
)
from storage.pages import crawl_state, record_pages, stored_article_pages
from storage.portals import is_baseline, mark_crawled, sync_portals

NOW = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)
PORTAL = PortalConfig(
    id="bachthong", name="Huyện ủy Bạch Thông", locality="Bạch Thông", level="district",
    start_urls=["http://bachthong.example.vn/portal/Pages/Tin-tuc.aspx"],
)


def page(url: str, kind: str, body: bytes, status: int = 200, etag: str | None = None,
         not_modified: bool = False, at: datetime = NOW) -> FetchedPage:
    headers = {"etag": etag} if etag else {}
    return FetchedPage(url=url, final_url=url, kind=kind, status=status, fetched_at=at,
                       headers=headers, body=body, text=body.decode(), not_modified=not_modified)


def test_migrations_create_every_table(engine: Engine) -> None:
    tables = set(inspect(engine).get_table_names())
    assert {"portal", "page", "article", "articleversion", "articleband", "directive",
            "directivemention", "indicatorobservation", "event", "delivery", "crawlrun",
            "alembic_version"} <= tables
    open_database(str(engine.url.render_as_string(hide_password=False)))  # a second upgrade is a no-op


def test_pages_validators_and_known_articles(engine: Engine) -> None:
    listing = "http://bachthong.example.vn/portal/Pages/Tin-tuc.aspx"
    article = "http://bachthong.example.vn/portal/Pages/2023-2-7/quy-che-22.aspx"
    with session_scope(engine) as session:
        sync_portals(session, [PORTAL])
        assert is_baseline(session, "bachthong")
        record_pages(session, "bachthong", [
            page(listing, "listing", b"<html>list</html>", etag='"v1"'),
            page(article, "article", "<html>Quy chế số 22-QC/TU</html>".encode()),
        ])
        mark_crawled(session, "bachthong", NOW, succeeded=True)
    with session_scope(engine) as session:
        # A 304 on the second crawl keeps validators and body and counts the fetch.
        record_pages(session, "bachthong", [page(listing, "listing", b"", status=304, not_modified=True,
                                                   at=NOW + timedelta(hours=6))])
        assert not is_baseline(session, "bachthong")
    with session_scope(engine) as session:
        state = crawl_state(session, "bachthong", NOW + timedelta(days=4))
        stored = session.exec(select(Page).where(Page.url == listing)).one()
        assert stored.fetch_count == 2 and stored.status == 200 and stored.etag == '"v1"'
        bodies = stored_article_pages(session, ["bachthong"])
    assert state.validators[listing].etag == '"v1"'
    assert state.known_articles == frozenset({article})
    assert state.refetch_known == frozenset({article})  # recent article, last fetched > 3 days ago
    assert bodies == [("bachthong", article, "<html>Quy chế số 22-QC/TU</html>".encode())]


def test_facts_round_trip_and_export(engine: Engine) -> None:
    published = datetime(2023, 2, 7, 9, 30, tzinfo=UTC)
    with session_scope(engine) as session:
        sync_portals(session, [PORTAL])
        art = Article(portal_id="bachthong", url="http://bachthong.example.vn/a.aspx",
                      title="Bạch Thông thực hiện Quy chế dân vận", text="Năm 2022 có 298 mô hình.",
                      content_hash="ab" * 32, published_at=published)
        session.add(art)
        session.flush()
        directive = Directive(code="22-QC/TU", doc_type="QC", doc_type_name="Quy chế", number="22",
                              issuer_code="TU", issuer_name="Ban Thường vụ Tỉnh ủy",
                              issued_date=date(2021, 12, 30), first_article_id=art.id)
        session.add(directive)
        session.flush()
        session.add(DirectiveMention(directive_id=directive.id, article_id=art.id, portal_id="bachthong",
                                     raw="Quy chế số 22-QC/TU", sentence="…"))
        session.add(IndicatorObservation(article_id=art.id, portal_id="bachthong", locality="Bạch Thông",
                                         indicator="dan-van-kheo-models", label="Mô hình Dân vận khéo",
                                         value=298, unit="mô hình", period="2022", published_at=published))
        event = Event(type="directive.new", key="directive.new:22-QC/TU@2021-12-30",
                      portal_id="bachthong", payload={"code": "22-QC/TU", "tiếng": "Việt"})
        session.add(event)
        session.flush()
        session.add(Delivery(event_id=event.id, subscription="btgdv", channel_key="0" * 64,
                             channel="json://127.0.0.1/…"))
    with session_scope(engine) as session:
        [d] = list(export_records(session, "directives"))
        [o] = list(export_records(session, "indicators"))
        [a] = list(export_records(session, "articles"))
        [e] = list(export_records(session, "events"))
        [al] = list(export_records(session, "alerts"))
        later = list(export_records(session, "articles", since=datetime(2030, 1, 1, tzinfo=UTC)))
    assert d == d | {"code": "22-QC/TU", "doc_type": "QC", "doc_type_name": "Quy chế", "number": "22",
                     "issuer_code": "TU", "issuer_name": "Ban Thường vụ Tỉnh ủy",
                     "issued_date": "2021-12-30", "first_article_url": "http://bachthong.example.vn/a.aspx",
                     "mentions": 1}
    assert o["value"] == 298 and o["period"] == "2022" and o["article_url"].endswith("/a.aspx")
    assert a["published_at"].startswith("2023-02-07T09:30") and a["duplicate_of"] is None
    assert e["payload"] == {"code": "22-QC/TU", "tiếng": "Việt"}
    assert al == al | {"event_key": "directive.new:22-QC/TU@2021-12-30", "status": "pending", "attempts": 0}
    assert later == []


def test_robots_text_comes_back_with_its_validators(engine: Engine) -> None:
    robots_url = "http://bachthong.example.vn/robots.txt"
    text = "User-agent: *\nDisallow: /portal/Pages/print.aspx\nCrawl-delay: 2\n"
    with session_scope(engine) as session:
        sync_portals(session, [PORTAL])
        record_pages(session, "bachthong", [page(robots_url, "robots", text.encode(), etag='"r1"')])
    with session_scope(engine) as session:
        state = crawl_state(session, "bachthong", NOW)
    assert state.robots == {"http://bachthong.example.vn:80": text}
    assert state.validators[robots_url].etag == '"r1"'
