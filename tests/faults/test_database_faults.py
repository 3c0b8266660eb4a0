"""The database misbehaving under a crawl: a SQLite file another connection holds a write lock
on, and PostgreSQL backends terminated mid-run. The run reports, then a re-run completes it:
every article and event once."""

from __future__ import annotations

import sqlite3
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from alertkit import WebhookReceiver
from faultkit import Portal, article_html, crawl, make_config, received_titles, stored
from loopback_site import Hit, Reply
from sqlalchemy import create_engine
from sqlalchemy.engine import make_url

from storage.db import open_database

pytestmark = pytest.mark.timeout(90)
HOLD_SECONDS = 2.0


def test_sqlite_write_lock_held_by_another_connection_is_waited_out(
    make_portal: Callable[..., Portal], webhook: WebhookReceiver, tmp_path: Path
) -> None:
    portals = [make_portal("tanlap", 3), make_portal("vihuong", 3)]
    url = f"sqlite:///{tmp_path / 'locked.db'}"
    engine = open_database(url)
    config = make_config([p.entry() for p in portals], [webhook.url()])
    locked, done = threading.Event(), threading.Event()

    def hold() -> None:
        other = sqlite3.connect(tmp_path / "locked.db", isolation_level=None)
        other.execute("BEGIN IMMEDIATE")  # the write lock: every other writer must wait
        other.execute("UPDATE portal SET name = name")
        locked.set()
        time.sleep(HOLD_SECONDS)
        other.execute("COMMIT")
        other.close()
        done.set()

    threading.Thread(target=hold, daemon=True).start()
    assert locked.wait(5)
    started = time.monotonic()
    reports = crawl(engine, config)
    assert done.is_set() and time.monotonic() - started >= HOLD_SECONDS * 0.9  # it did wait
    assert all(r.status == "ok" and not r.errors for r in reports.values())
    after = stored(engine)
    assert after.urls == {p.id: p.urls() for p in portals}
    assert after.deliveries == {"sent": 6} and max(received_titles(webhook).values()) == 1
    engine.dispose()


@pytest.fixture
def own_postgres(postgres_url: str) -> Iterator[tuple[str, str]]:
    """A database of its own (its backends get terminated), and the admin URL."""
    admin_url = make_url(postgres_url).set(database="postgres").render_as_string(hide_password=False)
    name = f"pw_faults_{uuid.uuid4().hex[:8]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.exec_driver_sql(f'CREATE DATABASE "{name}"')
    yield make_url(postgres_url).set(database=name).render_as_string(hide_password=False), admin_url
    with admin.connect() as conn:
        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin.dispose()


def test_postgresql_backends_terminated_mid_run(
    make_portal: Callable[..., Portal], webhook: WebhookReceiver, own_postgres: tuple[str, str]
) -> None:
    url, admin_url = own_postgres
    database = make_url(url).database
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    killed: list[int] = []

    def terminate() -> None:
        with admin.connect() as conn:
            rows = conn.exec_driver_sql(
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                "WHERE datname = %s AND pid <> pg_backend_pid()", (database,),
            ).all()
        killed.append(len(rows))

    portals = [make_portal("tanlap", 4), make_portal("vihuong", 4), make_portal("camgiang", 4)]
    for portal in portals[1:]:  # while the writer stores the portal before, its connections die
        for k in (1, 3):
            def reply(hit: Hit, portal: Portal = portal, k: int = k) -> Reply:
                terminate()
                return Reply(body=article_html(portal.id, k).encode())

            portal.site.route(portal.path(k), reply)
    engine = open_database(url)
    config = make_config([p.entry() for p in portals], [webhook.url()])

    first = crawl(engine, config)
    assert sum(killed) > 0, "no backend was terminated: the fault did not happen"
    for report in first.values():
        assert report.status in ("ok", "partial", "failed")
        assert all("\n" not in line for line in report.errors)
    crawl(engine, config)  # the re-run finishes what the dead connections lost

    after = stored(engine)
    assert after.urls == {p.id: p.urls() for p in portals}
    assert len(after.events_of("article.new:")) == 12
    titles = received_titles(webhook)
    assert len(titles) == 12 and set(titles.values()) == {1}
    assert after.deliveries == {"sent": 12}
    engine.dispose()
    admin.dispose()
