"""Fetched pages: what the crawler brought back, and what it needs to know next time."""

from __future__ import annotations

import gzip
import hashlib
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import BindParameter, Select, bindparam, select
from sqlmodel import Session, col
from sqlmodel import select as orm_select

from core.config import CrawlerSettings
from core.records import CrawlState, FetchedPage, Validators
from core.urls import canonical_url, host_key
from storage.dialect import insert_for
from storage.models import Page
from storage.signals import EntrySignal, record_signals, stored_signals

ENTRY_KINDS = ("listing", "feed", "sitemap", "robots")
KEEP_BODY = ("article", "robots")  # articles for re-parsing, robots.txt for a 304 next time


def record_pages(session: Session, portal_id: str, pages: Iterable[FetchedPage]) -> None:
    """Upsert one row per URL; a 304 keeps the stored body and validators.

    Pages of one shape (fresh 200, 304, anything else) share one statement, run once for all
    of them (executemany): a portal's listing and articles cost three round trips, not one each.
    """
    shapes: dict[tuple[bool, bool], list[dict[str, Any]]] = {}
    signalled = []
    for page in pages:
        values = {
            "portal_id": portal_id,
            "url": page.url,
            "final_url": page.final_url,
            "kind": page.kind,
            "status": page.status,
            "error": page.error,
            "elapsed_ms": page.elapsed_ms,
            "fetch_count": 1,
            "first_fetched_at": page.fetched_at,
            "fetched_at": page.fetched_at,
        }
        fresh = bool(page.status == 200 and not page.not_modified and page.body)
        if fresh:
            values |= {
                "etag": page.headers.get("etag"),
                "last_modified": page.headers.get("last-modified"),
                "content_type": page.headers.get("content-type"),
                "content_hash": hashlib.sha256(page.body).hexdigest(),
                "body": gzip.compress(page.body, 6) if page.kind in KEEP_BODY else None,
            }
        shapes.setdefault((fresh, page.not_modified), []).append(values)
        if page.signals:
            signalled.append(page)
    for (fresh, not_modified), rows in shapes.items():
        session.execute(_page_upsert(session, fresh, not_modified), rows)
    for page in signalled:
        record_signals(session, portal_id, page.signals, page.fetched_at)


_UPSERTS: dict[tuple[str, bool, bool], Any] = {}
_FRESH_COLUMNS = ("etag", "last_modified", "content_type", "content_hash", "body")
_BASE_COLUMNS = ("portal_id", "final_url", "kind", "status", "error", "elapsed_ms", "fetched_at")


def _page_upsert(session: Session, fresh: bool, not_modified: bool) -> Any:
    """INSERT … ON CONFLICT (url) DO UPDATE for one shape of page, built once per dialect."""
    key = (session.get_bind().dialect.name, fresh, not_modified)
    statement = _UPSERTS.get(key)
    if statement is None:
        table = Page.__table__  # type: ignore[attr-defined]  # set by SQLModel on table classes
        insert = insert_for(session, table)
        columns = _BASE_COLUMNS + (_FRESH_COLUMNS if fresh else ())
        update: dict[str, Any] = {name: insert.excluded[name] for name in columns}
        update["fetch_count"] = table.c.fetch_count + 1
        if not_modified:
            update["status"] = 200  # the 200 whose validators earned the 304 still stands
            update["error"] = None
        statement = _UPSERTS[key] = insert.on_conflict_do_update(index_elements=["url"], set_=update)
    return statement


def crawl_state(
    session: Session,
    portal_id: str,
    now: datetime,
    *,
    force_refetch: bool = False,
    settings: CrawlerSettings | None = None,
) -> CrawlState:
    """Validators for every page of the portal that once answered 200, the article URLs it
    already has (its own, and those other portals fetched that it links to), robots.txt texts
    of its hosts, and the freshness stamps its entry pages gave last time.

    The crawler re-fetches a known article as soon as a stamp changes; as a fallback for
    portals that give none, articles first seen within `settings.recheck_window_days` are
    re-fetched (conditional GET) every `settings.recheck_after_hours`.
    """
    settings = settings or CrawlerSettings()
    recheck_after = timedelta(hours=settings.recheck_after_hours)
    recheck_window = timedelta(days=settings.recheck_window_days)
    connection = session.connection()
    rows = connection.execute(_OWN_PAGES, {"portal_id": portal_id}).all()
    linked = connection.execute(_LINKED_ARTICLES, {"portal_id": portal_id}).all()
    robots_since = None if force_refetch else now - timedelta(hours=settings.robots_cache_hours)
    robots, robots_rows, fresh = _robots(
        session, {host_key(r[0]) for r in rows if r[1] != "article"}, robots_since
    )
    validators: dict[str, Validators] = {}
    known: set[str] = set()
    refetch: set[str] = set()
    for url, kind, etag, last_modified, content_hash, fetched_at, first_at, status in rows:
        if kind in ENTRY_KINDS and kind != "robots" and (etag or last_modified or content_hash):
            validators[url] = Validators(etag, last_modified, content_hash)
        elif kind == "article":
            if etag or last_modified:  # also when it failed since: a re-fetch stays conditional
                validators[url] = Validators(etag, last_modified, content_hash)
            if status == 200:
                known.add(url)
                if now - first_at < recheck_window and now - fetched_at >= recheck_after:
                    refetch.add(url)
    for url, _kind, etag, last_modified, content_hash, _at, _first, status in linked:
        if status == 200 and url not in known:
            known.add(url)  # fetched by another portal that lists it too: only a stamp re-checks
            if etag or last_modified:
                validators[url] = Validators(etag, last_modified, content_hash)
    validators.update(robots_rows)
    return CrawlState(
        validators=validators,
        known_articles=frozenset(known),
        refetch_known=frozenset(refetch),
        force_refetch=force_refetch,
        robots=robots,
        robots_fresh=fresh,
        signals=stored_signals(session, portal_id),
    )


def _page_state_statements() -> tuple[Select[Any], Select[Any]]:
    """(the portal's own pages, other portals' articles it lists), as plain Core statements
    built once: they run once per portal per crawl, and the ORM's per-call building and row
    processing cost more than the queries themselves."""
    page = Page.__table__  # type: ignore[attr-defined]  # set by SQLModel on table classes
    signal = EntrySignal.__table__  # type: ignore[attr-defined]
    portal_id: BindParameter[str] = bindparam("portal_id")
    columns = (page.c.url, page.c.kind, page.c.etag, page.c.last_modified, page.c.content_hash,
               page.c.fetched_at, page.c.first_fetched_at, page.c.status)  # fmt: skip
    own = select(*columns).where(page.c.portal_id == portal_id)
    linked = (
        select(*columns)
        .join(signal, signal.c.url == page.c.url)
        .where(signal.c.portal_id == portal_id, page.c.portal_id != portal_id, page.c.kind == "article")
    )
    return own, linked


_OWN_PAGES, _LINKED_ARTICLES = _page_state_statements()


def _robots(
    session: Session, hosts: set[str], fresh_since: datetime | None
) -> tuple[dict[str, str], dict[str, Validators], frozenset[str]]:
    """(host key → robots.txt text last fetched, its URL → validators, the hosts whose text was
    fetched after `fresh_since`) for these hosts, whichever portal fetched it: portals sharing
    a host share its robots.txt. Validators only come with a kept text (a 304 is only useful
    with the text it confirms)."""
    if not hosts:
        return {}, {}, frozenset()
    urls = sorted({canonical_url(f"{host}/robots.txt") for host in hosts})
    page = Page.__table__  # type: ignore[attr-defined]  # set by SQLModel on table classes
    rows = session.connection().execute(
        select(page.c.url, page.c.body, page.c.etag, page.c.last_modified, page.c.fetched_at).where(
            page.c.url.in_(urls), page.c.kind == "robots", page.c.status == 200, page.c.body.is_not(None)
        )
    )
    texts: dict[str, str] = {}
    validators: dict[str, Validators] = {}
    fresh: set[str] = set()
    for url, body, etag, last_modified, fetched_at in rows:
        if body is None:
            continue  # already excluded by the query; narrows the type
        texts[host_key(url)] = gzip.decompress(body).decode("utf-8", "replace")
        if etag or last_modified:
            validators[url] = Validators(etag, last_modified)
        if fresh_since is not None and fetched_at > fresh_since:
            fresh.add(host_key(url))
    return texts, validators, frozenset(fresh)


def stored_article_pages(
    session: Session, portal_ids: Iterable[str] | None = None, since: datetime | None = None
) -> list[tuple[str, str, bytes]]:
    """(portal_id, url, body) of stored article pages, for re-parsing without re-fetching."""
    query = orm_select(Page.portal_id, Page.url, Page.body).where(
        Page.kind == "article", col(Page.body).is_not(None)
    )
    if portal_ids:
        query = query.where(col(Page.portal_id).in_(list(portal_ids)))
    if since:
        query = query.where(Page.fetched_at >= since)
    return [
        (pid, url, gzip.decompress(body))
        for pid, url, body in session.exec(query).all()
        if body is not None  # already excluded by the query; narrows the type
    ]
