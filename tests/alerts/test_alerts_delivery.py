"""Planning and sending immediate alerts to a real webhook receiver and a real SMTP server."""

from __future__ import annotations

import hashlib
import threading
import time
from datetime import UTC, datetime, timedelta

from alertkit import SmtpServer, WebhookReceiver, make_config, store_events
from sqlalchemy.engine import Engine
from sqlmodel import select

from alerts import deliver_pending, next_digest_at, plan_deliveries
from storage.db import session_scope
from storage.models import Delivery, Event


def _deliveries(engine: Engine) -> list[Delivery]:
    with session_scope(engine) as session:
        return list(session.exec(select(Delivery).order_by(Delivery.id)).all())  # type: ignore[arg-type]


def _plan(engine: Engine, events: list[Event], config: object, now: datetime) -> int:
    with session_scope(engine) as session:
        return plan_deliveries(session, events, config, now)  # type: ignore[arg-type]


def test_right_subscribers_get_the_right_events_once(engine: Engine, webhook: WebhookReceiver) -> None:
    config = make_config([
        {"name": "huyen-bach-thong", "urls": [webhook.url("/bt")], "portals": ["bachthong"],
         "events": ["directive.new", "indicator.changed"]},
        {"name": "van-ban-nq", "urls": [webhook.url("/nq")], "events": ["directive.new"], "doc_types": ["NQ", "CT"]},
        {"name": "hoa-giai", "urls": [webhook.url("/hg")], "events": ["directive.new", "article.new"],
         "keywords": ["hoa giai"]},
    ])
    events = store_events(engine)
    now = datetime.now(UTC)
    assert _plan(engine, events, config, now) == 5
    assert _plan(engine, events, config, now) == 0  # idempotent
    report = deliver_pending(engine, config)
    assert (report.sent, report.failed, report.retried, report.pending) == (5, 0, 0, 0)
    by_path: dict[str, list[str]] = {}
    for request in webhook.requests:
        by_path.setdefault(request.path, []).append(request.body["title"])
    assert sorted(by_path["/bt"]) == [
        "Chỉ tiêu thay đổi: Mô hình “Dân vận khéo” — Bạch Thông, Bắc Kạn",
        "Văn bản mới: Nghị quyết 17-NQ/HU — Huyện ủy Bạch Thông",
    ]
    assert sorted(by_path["/nq"]) == [
        "Văn bản mới: Chỉ thị 05-CT/TW — Ban Tuyên giáo và Dân vận Tỉnh ủy Thái Nguyên",
        "Văn bản mới: Nghị quyết 17-NQ/HU — Huyện ủy Bạch Thông",
    ]
    assert by_path["/hg"] == ["Văn bản mới: Quyết định 71/2024/QĐ-UBND — Cổng thông tin điện tử tỉnh Lào Cai"]
    body = next(r.body["message"] for r in webhook.requests if r.path == "/hg")
    assert "“Quyết định số 71/2024/QĐ-UBND quy định chế độ hỗ trợ" in body
    assert "https://laocai.example.vn/tin-tuc/quy-dinh-hoa-giai-co-so.html" in body
    assert deliver_pending(engine, config).sent == 0 and len(webhook.requests) == 5
    rows = _deliveries(engine)
    assert {(r.status, r.attempts) for r in rows} == {("sent", 1)}
    assert all(r.sent_at is not None and r.claimed_until is None for r in rows)


def test_rows_keep_a_hash_and_a_masked_url_never_the_secret(engine: Engine, webhook: WebhookReceiver) -> None:
    url = webhook.url("/hook") + "?+X-Api-Key=khoa-bi-mat-9f3a1c"
    config = make_config([{"name": "s", "urls": [url, url + " "]}])  # a URL listed twice is one channel
    _plan(engine, store_events(engine, ["nq17_bachthong"]), config, datetime.now(UTC))
    (row,) = _deliveries(engine)
    assert row.channel_key == hashlib.sha256(url.encode()).hexdigest()
    assert row.channel == f"json://127.0.0.1:{webhook.port}/hook?+X-Api-Key=****"
    assert deliver_pending(engine, config).sent == 1
    assert webhook.requests[0].headers["X-Api-Key"] == "khoa-bi-mat-9f3a1c"


def test_baseline_events_wait_for_alert_history(engine: Engine, webhook: WebhookReceiver) -> None:
    config = make_config([{"name": "s", "urls": [webhook.url()], "events": ["directive.new"]}])
    events = store_events(engine, ["nq17_bachthong", "kh116_chodon"], baseline=True)
    assert _plan(engine, events, config, datetime.now(UTC)) == 1  # only chodon has alert_history
    deliver_pending(engine, config)
    assert webhook.titles() == ["Văn bản mới: Kế hoạch 116-KH/HU — Huyện uỷ Chợ Đồn"]


def test_digest_rows_wait_for_the_digest_time(engine: Engine, webhook: WebhookReceiver) -> None:
    config = make_config([{"name": "s", "urls": [webhook.url()], "mode": "digest", "digest_time": "07:30"}])
    now = datetime(2025, 5, 19, 1, 0, tzinfo=UTC)  # 08:00 in Hà Nội: today's 07:30 has passed
    _plan(engine, store_events(engine, ["nq17_bachthong"]), config, now)
    (row,) = _deliveries(engine)
    assert row.mode == "digest" and row.next_attempt_at == datetime(2025, 5, 20, 0, 30, tzinfo=UTC)
    assert deliver_pending(engine, config, now=now + timedelta(days=2)).sent == 0  # digests are not immediate
    assert next_digest_at("07:30", datetime(2025, 5, 19, 0, 29, tzinfo=UTC)) == datetime(2025, 5, 19, 0, 30, tzinfo=UTC)
    assert next_digest_at("00:00", datetime(2025, 12, 31, 17, 0, tzinfo=UTC)) == datetime(2025, 12, 31, 17, 0, tzinfo=UTC)


def test_failing_channel_backs_off_then_gives_up(engine: Engine, webhook: WebhookReceiver) -> None:
    webhook.status = 503
    secret = "Bearer tk-7d1e0b55aa"
    config = make_config(
        [{"name": "s", "urls": [webhook.url() + f"?+Authorization={secret.replace(' ', '%20')}"]}],
        max_attempts=3, retry_base_seconds=60,
    )
    start = datetime.now(UTC)
    _plan(engine, store_events(engine, ["nq17_bachthong"]), config, start)
    report = deliver_pending(engine, config, now=start)
    assert (report.sent, report.retried, report.pending) == (0, 1, 1)
    (row,) = _deliveries(engine)
    assert row.attempts == 1 and row.status == "pending"
    assert timedelta(seconds=59) < row.next_attempt_at - start < timedelta(seconds=70)
    assert "503" in (row.last_error or "") and "tk-7d1e0b55aa" not in (row.last_error or "")
    assert deliver_pending(engine, config, now=start + timedelta(seconds=30)).retried == 0  # not due yet
    second = deliver_pending(engine, config, now=start + timedelta(seconds=61))
    assert second.retried == 1
    (row,) = _deliveries(engine)
    assert timedelta(seconds=180) < row.next_attempt_at - start < timedelta(seconds=200)  # 60 + 2×60
    third = deliver_pending(engine, config, now=start + timedelta(seconds=200))
    assert (third.failed, third.pending) == (1, 0)
    (row,) = _deliveries(engine)
    assert (row.status, row.attempts) == ("failed", 3)
    assert len(webhook.requests) == 3
    assert deliver_pending(engine, config, now=start + timedelta(days=1)).failed == 0


def test_removed_subscription_rows_fail_with_a_reason(engine: Engine, webhook: WebhookReceiver) -> None:
    config = make_config([{"name": "old", "urls": [webhook.url()]}])
    _plan(engine, store_events(engine, ["nq17_bachthong"]), config, datetime.now(UTC))
    report = deliver_pending(engine, make_config([{"name": "new", "urls": [webhook.url()]}]))
    assert report.failed == 1 and webhook.requests == []
    (row,) = _deliveries(engine)
    assert row.status == "failed" and "'old' is no longer configured" in (row.last_error or "")


def test_smtp_down_stays_pending_then_is_sent_once_when_back(engine: Engine, smtp: SmtpServer) -> None:
    # two recipients = two channels, so Apprise's 5.5 s pause between mails to one channel is not hit
    urls = [smtp.url("ban.tgdv@example.vn"), smtp.url("phong.vien@example.vn")]
    config = make_config([{"name": "email", "urls": urls, "events": ["article.new"]}])
    start = datetime.now(UTC)
    _plan(engine, store_events(engine, ["article_xss"]), config, start)
    smtp.stop()
    try:
        down = deliver_pending(engine, config, now=start)
    finally:
        smtp.start()
    assert (down.sent, down.retried, down.pending) == (0, 2, 2)
    assert deliver_pending(engine, config, now=start + timedelta(seconds=10)).sent == 0  # back-off holds
    assert smtp.mailbox.messages == []
    back = deliver_pending(engine, config, now=start + timedelta(seconds=120))
    assert (back.sent, back.pending) == (2, 0)
    assert deliver_pending(engine, config, now=start + timedelta(days=1)).sent == 0
    assert sorted(m["To"] for m in smtp.mailbox.messages) == ["phong.vien@example.vn", "ban.tgdv@example.vn"][::-1]
    smtp.mailbox.messages.sort(key=lambda m: str(m["To"]))
    mail = smtp.mailbox.messages[0]
    assert mail["Subject"] == "Bài viết mới: Hội nghị <script>alert('x')</script> & “đối thoại” với nhân dân"
    part = mail.get_body(preferencelist=("html",))
    assert part is not None
    html_body = part.get_content()
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;" in html_body and "<script>" not in html_body
    assert "&lt;img src=x onerror=alert(1)&gt;" in html_body
    assert '<a href="https://laocai.example.vn/tin-tuc/bai-viet-thu.html">' in html_body
    smtp.mailbox.messages.clear()


def test_a_slow_channel_does_not_hold_up_the_others(engine: Engine, webhook: WebhookReceiver) -> None:
    fast = WebhookReceiver().start()
    try:
        webhook.gate = threading.Event()  # the slow service answers only once the fast one has all
        config = make_config([{"name": "s", "urls": [webhook.url("/cham"), fast.url("/nhanh")]}])
        names = ["nq17_bachthong", "ct05_thainguyen", "qd71_laocai"]
        _plan(engine, store_events(engine, names), config, datetime.now(UTC))

        def open_gate_when_fast_has_all() -> None:
            deadline = time.monotonic() + 10
            while len(fast.requests) < 3 and time.monotonic() < deadline:
                time.sleep(0.01)
            webhook.gate.set()  # type: ignore[union-attr]

        threading.Thread(target=open_gate_when_fast_has_all, daemon=True).start()
        assert deliver_pending(engine, config).sent == 6
        assert webhook.gate_timeouts == 0
        codes = ["17-NQ/HU", "05-CT/TW", "71/2024/QĐ-UBND"]
        for receiver in (webhook, fast):  # each channel gets its alerts in order
            assert [next(c for c in codes if c in t) for t in receiver.titles()] == codes
    finally:
        fast.stop()
