"""Daily digests: one message per subscription and channel at its time, never split or repeated."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta
from typing import Any

from alertkit import WebhookReceiver, make_config, store_events
from sqlalchemy.engine import Engine

from alerts import DeliveryReport, deliver_pending, plan_deliveries, send_digests
from storage.db import open_database, session_scope

# 2025-05-19 08:00 in Hà Nội
MORNING = datetime(2025, 5, 19, 1, 0, tzinfo=UTC)


def _plan(engine: Engine, names: list[str] | None, config: Any, now: datetime) -> int:
    events = store_events(engine, names)
    with session_scope(engine) as session:
        return plan_deliveries(session, events, config, now)


def _digest_config(webhook: WebhookReceiver, **alerts: Any) -> Any:
    return make_config(
        [
            {"name": "ban-tgdv-tinh", "urls": [webhook.url("/tinh")], "mode": "digest", "digest_time": "17:00",
             "events": ["directive.new", "indicator.changed", "article.new"]},
            {"name": "phong-vien", "urls": [webhook.url("/pv1"), webhook.url("/pv2")], "mode": "digest",
             "digest_time": "06:30", "events": ["indicator.changed"]},
            {"name": "tuc-thi", "urls": [webhook.url("/now")], "events": ["directive.new"], "portals": ["laocai"]},
        ],
        **alerts,
    )


def test_one_digest_per_subscription_and_channel_at_its_time(engine: Engine, webhook: WebhookReceiver) -> None:
    config = _digest_config(webhook)
    assert _plan(engine, None, config, MORNING) == 10 + 3 * 2 + 1
    assert deliver_pending(engine, config, now=MORNING).sent == 1  # the immediate one only
    assert send_digests(engine, config, now=MORNING + timedelta(hours=8, minutes=59)).messages == 0
    at_five = send_digests(engine, config, now=MORNING + timedelta(hours=9))  # 17:00
    assert (at_five.messages, at_five.sent, at_five.pending) == (1, 10, 6)
    tinh = next(r.body for r in webhook.requests if r.path == "/tinh")
    assert tinh["title"] == "Bản tin portalwatch ngày 19/05/2025: 10 sự kiện"
    body = tinh["message"]
    assert body.index("== Cổng thông tin điện tử tỉnh Lào Cai ==") < body.index("== Huyện ủy Bạch Thông ==")
    bach_thong = body.split("== Huyện ủy Bạch Thông ==")[1].split("==")[0]
    assert "Văn bản mới (1):" in bach_thong and "Chỉ tiêu thay đổi (1):" in bach_thong
    assert "- Mô hình “Dân vận khéo” (Bạch Thông, Bắc Kạn): 41 (2019) → 298 mô hình (2022)" in bach_thong
    next_morning = send_digests(engine, config, now=MORNING + timedelta(hours=22, minutes=30))  # 06:30
    assert (next_morning.messages, next_morning.sent, next_morning.pending) == (2, 6, 0)
    for path in ("/pv1", "/pv2"):
        (digest,) = [r.body for r in webhook.requests if r.path == path]
        assert digest["title"] == "Bản tin portalwatch ngày 20/05/2025: 3 sự kiện"
    assert send_digests(engine, config, now=MORNING + timedelta(days=3)).messages == 0
    assert len(webhook.requests) == 4


def test_events_after_the_digest_time_wait_for_the_next_day(engine: Engine, webhook: WebhookReceiver) -> None:
    config = _digest_config(webhook)
    _plan(engine, ["nq17_bachthong"], config, MORNING)
    evening = MORNING + timedelta(hours=10)  # 18:00, after today's 17:00 digest
    _plan(engine, ["ct05_thainguyen"], config, evening)
    send_digests(engine, config, now=evening)
    assert webhook.titles() == ["Bản tin portalwatch ngày 19/05/2025: 1 sự kiện"]
    send_digests(engine, config, now=evening + timedelta(days=1))
    assert webhook.titles()[1] == "Bản tin portalwatch ngày 20/05/2025: 1 sự kiện"
    assert "05-CT/TW" in webhook.requests[1].body["message"]


def test_a_failed_digest_is_retried_whole(engine: Engine, webhook: WebhookReceiver) -> None:
    config = _digest_config(webhook)
    _plan(engine, ["nq17_bachthong", "dvk_bachthong"], config, MORNING)
    webhook.status = 500
    five = MORNING + timedelta(hours=9)
    failed = send_digests(engine, config, now=five)
    assert (failed.messages, failed.retried, failed.pending) == (0, 2, 4)  # 2 here, 2 for 06:30
    webhook.status = 200
    webhook.requests.clear()
    assert send_digests(engine, config, now=five + timedelta(seconds=30)).messages == 0
    again = send_digests(engine, config, now=five + timedelta(seconds=90))
    assert (again.messages, again.sent) == (1, 2)
    assert webhook.titles() == ["Bản tin portalwatch ngày 19/05/2025: 2 sự kiện"]


def test_two_workers_racing_never_split_or_repeat_a_digest(database_url: str, webhook: WebhookReceiver) -> None:
    engines = [open_database(database_url) for _ in range(2)]
    config = _digest_config(webhook)
    _plan(engines[0], None, config, MORNING)
    webhook.delay = 0.01
    reports: list[DeliveryReport] = []
    start = threading.Barrier(2)

    def run(engine: Engine) -> None:
        start.wait()
        reports.append(send_digests(engine, config, now=MORNING + timedelta(days=1)))

    threads = [threading.Thread(target=run, args=(e,)) for e in engines]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert sum(r.messages for r in reports) == 3 and sum(r.sent for r in reports) == 16
    assert sorted(r.path for r in webhook.requests) == ["/pv1", "/pv2", "/tinh"]
    for engine in engines:
        engine.dispose()
