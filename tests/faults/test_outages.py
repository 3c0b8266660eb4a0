"""portal.down after three failed runs in a row, portal.recovered on the next success: each
alerted once per outage, through the whole pipeline to a loopback webhook."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from alertkit import WebhookReceiver
from faultkit import Portal, crawl, make_config, received_titles, stored
from sqlalchemy.engine import Engine

from alerts.render import render
from detect.outages import outage_events
from pipeline.report import run_markdown
from storage.db import open_database, session_scope
from storage.models import CrawlRun, Event
from storage.portals import record_run

pytestmark = pytest.mark.timeout(60)

DOWN_TITLE = "Cổng không truy cập được: Cổng thông tin xã Langson"
UP_TITLE = "Cổng hoạt động trở lại: Cổng thông tin xã Langson"


def test_three_failed_runs_alert_down_once_and_recovery_once(
    make_portal: Callable[..., Portal], webhook: WebhookReceiver, database_url: str
) -> None:
    healthy, flaky = make_portal("tanlap", 2), make_portal("langson", 2)
    config = make_config([healthy.entry(), flaky.entry()], [webhook.url()])
    engine = open_database(database_url)
    crawl(engine, config)  # run 1: both portals answer

    flaky.site.down = True
    notices: list[str] = []
    for run in range(4):  # runs 2-5: the third failure in a row is the outage, the fourth says nothing new
        reports = crawl(engine, config)
        assert reports["langson"].status == "failed" and reports["tanlap"].status == "ok"
        notices += reports["langson"].notices
        if run == 2:
            assert "portal.down: 3 failed runs in a row" in run_markdown(list(reports.values()))
    assert received_titles(webhook)[DOWN_TITLE] == 1
    assert [n.split(":")[0] for n in notices] == ["portal.down"]

    flaky.site.down = False
    flaky.publish(3)  # back, with one new article
    first = crawl(engine, config)
    crawl(engine, config)
    assert first["langson"].status == "ok"
    assert any(n.startswith("portal.recovered: reachable again after 4 failed runs") for n in first["langson"].notices)

    titles = received_titles(webhook)
    assert (titles[DOWN_TITLE], titles[UP_TITLE]) == (1, 1)
    assert max(titles.values()) == 1  # no message at all went out twice
    after = stored(engine)
    assert after.urls["langson"] == flaky.urls() and after.urls["tanlap"] == healthy.urls()
    assert len(after.events_of("portal.down:langson:")) == len(after.events_of("portal.recovered:langson:")) == 1
    assert after.runs["langson"] == ["ok", "failed", "failed", "failed", "failed", "ok", "ok"]
    assert after.deliveries == {"sent": len(webhook.requests)}
    engine.dispose()


def _run(engine: Engine, status: str, at: datetime) -> list[str]:
    with session_scope(engine) as session:
        record_run(session, CrawlRun(portal_id="bachthong", started_at=at, status=status, errors=["listing: HTTP 503"]))
        events = outage_events(session, "bachthong", status != "failed", at, after_runs=2)
        return [e.key for e in events]


def test_each_outage_has_its_own_keys_and_the_threshold_is_honoured(sqlite_url: str) -> None:
    engine = open_database(sqlite_url)
    start = datetime(2026, 12, 1, 0, 0, tzinfo=UTC)
    hours = [start + timedelta(hours=6 * n) for n in range(9)]
    keys = [
        _run(engine, status, at)
        for status, at in zip(["ok", "failed", "failed", "failed", "ok", "ok", "failed", "ok", "failed"], hours, strict=True)
    ]
    assert keys == [
        [], [], ["portal.down:bachthong:2026-12-01T06:00:00Z"], [],
        ["portal.recovered:bachthong:2026-12-01T06:00:00Z"], [],
        [], [],  # one failure is below the threshold of 2: neither down nor recovered
        [],
    ]
    engine.dispose()


def test_outage_messages_escape_the_error_text() -> None:
    event = Event(
        type="portal.down", key="portal.down:x:2026-12-01T06:00:00Z", portal_id="x",
        payload={
            "portal_id": "x", "portal_name": "Cổng <b>xã</b>", "failed_runs": 3,
            "down_since": "2026-12-01T06:00:00+00:00", "last_error": "listing: [bấm](javascript:alert(1)) <script>",
        },
    )
    html = render(event, "html").body
    assert "<script>" not in html and "&lt;script&gt;" in html and "&lt;b&gt;xã&lt;/b&gt;" in html
    markdown = render(event, "markdown").body
    assert "[bấm](javascript" not in markdown and "\\[bấm\\]" in markdown
    assert "01/12/2026 13:00" in render(event, "text").body  # Vietnam time


def test_the_configured_threshold_decides_when_a_portal_is_down(
    make_portal: Callable[..., Portal], webhook: WebhookReceiver, database_url: str
) -> None:
    flaky = make_portal("langson", 2)
    config = make_config([flaky.entry()], [webhook.url()], outage_after_runs=1)
    engine = open_database(database_url)
    crawl(engine, config)
    flaky.site.down = True
    reports = crawl(engine, config)  # the first failure is already an outage at threshold 1
    assert [n.split(":")[0] for n in reports["langson"].notices] == ["portal.down"]
    assert received_titles(webhook)[DOWN_TITLE] == 1
    engine.dispose()
