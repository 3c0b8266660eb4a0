"""The whole pipeline on the bundled replay: baseline, a later state, then nothing new.

Runs on a SQLite file and on PostgreSQL; alerts go to a real loopback webhook receiver.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
import yaml
from sqlalchemy import func
from sqlalchemy.engine import Engine
from sqlmodel import select

from alerts import deliver_pending, plan_deliveries
from core.config import AppConfig
from deployments.replay import ReplayServer, demo_config_text, load_expected
from pipeline.ingest import PortalReport
from pipeline.settings import parse_config
from pipeline.stream import run_crawl
from storage.db import session_scope
from storage.models import Article, Delivery, Event
from tests.alerts.alertkit import WebhookReceiver

EXPECTED = load_expected()["transitions"][0]


@pytest.fixture
def webhook() -> Iterator[WebhookReceiver]:
    receiver = WebhookReceiver().start()
    yield receiver
    receiver.stop()


@pytest.fixture
def replay() -> Iterator[ReplayServer]:
    with ReplayServer(state="v1") as server:
        yield server


def config_for(replay: ReplayServer, webhook: WebhookReceiver) -> AppConfig:
    data = yaml.safe_load(demo_config_text(replay.urls or replay.start()))
    data["subscriptions"] = [{
        "name": "ban-tgdv",
        "urls": [webhook.url("/hook")],
        "events": ["directive.new", "indicator.changed"],
    }]
    return parse_config(data, "scenario")


def crawl_and_alert(engine: Engine, config: AppConfig) -> tuple[list[PortalReport], list[Event]]:
    reports = run_crawl(engine, config)
    ids = [eid for r in reports for eid in r.event_ids]
    now = datetime.now(UTC)
    with session_scope(engine) as session:
        events = [session.get(Event, eid) for eid in ids]
        plan_deliveries(session, events, config, now)
    deliver_pending(engine, config, now=now)
    return reports, events


def counts(engine: Engine) -> tuple[int, int, int]:
    with session_scope(engine) as session:
        return tuple(session.exec(select(func.count()).select_from(t)).one() for t in (Article, Event, Delivery))  # type: ignore[return-value]


def test_baseline_then_changes_then_nothing(engine: Engine, replay: ReplayServer, webhook: WebhookReceiver) -> None:
    config = config_for(replay, webhook)

    reports, events = crawl_and_alert(engine, config)
    assert all(r.baseline and r.status == "ok" for r in reports), [(r.portal_id, r.errors) for r in reports]
    assert events and all(e.baseline for e in events)
    assert webhook.requests == []  # the baseline alerts nobody

    replay.set_state("v2")
    reports, events = crawl_and_alert(engine, config)
    assert not any(r.baseline for r in reports)
    by_type = Counter(e.type for e in events)
    new_directives = {e.key for e in events if e.type == "directive.new"}
    changes = {
        (e.payload["portal_id"], e.payload["indicator"], e.payload["old_value"], e.payload["new_value"])
        for e in events if e.type == "indicator.changed"
    }
    assert new_directives == {d["event_key"] for d in EXPECTED["directive_new"]}
    expected_changes = {
        (c["portal"], c["indicator"], c["old"]["value"], c["new"]["value"]) for c in EXPECTED["indicator_changed"]
    }
    assert changes == expected_changes
    assert by_type["indicator.changed"] == len(expected_changes)  # one event per change
    assert by_type["article.new"] == len(EXPECTED["article_new"]) - len(EXPECTED["duplicates"])
    assert sum(r.duplicates for r in reports) == len(EXPECTED["duplicates"])
    assert sum(r.edited_articles for r in reports) == len(EXPECTED["article_edited"])
    assert not any(e.baseline for e in events)
    # One message per directive/indicator event to the one channel, none for article.new.
    assert len(webhook.requests) == len(new_directives) + len(changes)

    before = counts(engine)
    first_request = len(replay.requests)
    reports, events = crawl_and_alert(engine, config)
    statuses = Counter(r.status for r in replay.requests[first_request:])
    # Nothing changed: every page answers 304 (the one 404 is phuthong's absent robots.txt).
    assert statuses[200] == 0 and statuses[304] >= 20, statuses
    assert events == []
    assert sum(r.new_articles + r.edited_articles + r.duplicates for r in reports) == 0
    assert counts(engine) == before
    assert len(webhook.requests) == len(new_directives) + len(changes)
