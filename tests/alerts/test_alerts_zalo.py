"""The zalo:// Apprise service, checked by a loopback receiver standing in for the OA API."""

from __future__ import annotations

from datetime import UTC, datetime

import apprise
import pytest
from alertkit import WebhookReceiver, make_config, store_events
from sqlalchemy.engine import Engine

import alerts  # registers zalo://
from alerts import deliver_pending, mask_url, plan_deliveries
from alerts.channels import Channel
from core.errors import DeliveryError
from storage.db import session_scope

TOKEN = "Xk3v_9QmZt-2RbLwPq7sNcY8uHfD1eJgA0oKiT5lMnUyVxWz"


def _url(webhook: WebhookReceiver, *users: str) -> str:
    return f"zalo://{TOKEN}/{'/'.join(users)}?base=http://127.0.0.1:{webhook.port}"


def test_zalo_is_an_apprise_service_after_importing_alerts() -> None:
    plugin = apprise.Apprise.instantiate(f"zalo://{TOKEN}/123/456")
    assert isinstance(plugin, alerts.NotifyZalo)
    assert plugin.targets == ["123", "456"] and plugin.base == "https://openapi.zalo.me"


def test_zalo_posts_one_oa_message_per_user(webhook: WebhookReceiver) -> None:
    channel = Channel.open(_url(webhook, "5418927462853217011", "7730012458891234567"))
    channel.send(alerts.RenderedMessage(title="Văn bản mới: Nghị quyết 17-NQ/HU", body="Cổng: Huyện ủy Bạch Thông"))
    assert [r.path for r in webhook.requests] == ["/v3.0/oa/message/cs"] * 2
    first, second = webhook.requests
    assert first.headers["access_token"] == TOKEN
    assert first.headers["Content-Type"] == "application/json"
    assert first.body["recipient"] == {"user_id": "5418927462853217011"}
    assert second.body["recipient"] == {"user_id": "7730012458891234567"}
    text = first.body["message"]["text"]
    assert text.startswith("Văn bản mới: Nghị quyết 17-NQ/HU") and text.endswith("Cổng: Huyện ủy Bạch Thông")


def test_zalo_error_answer_is_a_failure_without_the_token(webhook: WebhookReceiver) -> None:
    webhook.reply = {"error": -216, "message": "Access token is invalid"}  # Zalo answers HTTP 200
    channel = Channel.open(_url(webhook, "5418927462853217011"))
    with pytest.raises(DeliveryError) as failure:
        channel.send(alerts.RenderedMessage(title="t", body="b"))
    assert "-216" in str(failure.value) and "Access token is invalid" in str(failure.value)
    assert TOKEN not in str(failure.value)


def test_zalo_unreachable_is_a_failure(webhook: WebhookReceiver) -> None:
    port = webhook.port
    webhook.stop()
    channel = Channel.open(f"zalo://{TOKEN}/1?base=http://127.0.0.1:{port}")
    with pytest.raises(DeliveryError, match="cannot reach"):
        channel.send(alerts.RenderedMessage(title="t", body="b"))


def test_zalo_url_is_masked_and_needs_token_and_user() -> None:
    assert mask_url(f"zalo://{TOKEN}/5418927462853217011") == "zalo://****/5418927462853217011"
    with pytest.raises(DeliveryError, match="not a channel URL"):
        Channel.open(f"zalo://{TOKEN}")


def test_alert_through_zalo_end_to_end_is_cut_to_2000_characters(
    engine: Engine, webhook: WebhookReceiver
) -> None:
    config = make_config([{"name": "zalo", "urls": [_url(webhook, "5418927462853217011")], "events": ["indicator.changed"]}])
    events = store_events(engine, ["dvk_bachthong"])
    with session_scope(engine) as session:
        session.add(events[0])
        events[0].payload = {**events[0].payload, "sentence": "Mô hình dân vận khéo ở thôn bản. " * 200}
        plan_deliveries(session, events, config, datetime.now(UTC))
    assert deliver_pending(engine, config).sent == 1
    (request,) = webhook.requests
    text = request.body["message"]["text"]
    assert len(text) <= 2000
    assert "41 mô hình (2019)" in text and "298 mô hình (2022)" in text
    assert "https://bachthong.example.vn/tin-tuc/dan-van-kheo-lan-toa-3120.html" in text


def test_zalo_with_persistent_storage_off_still_sends(webhook: WebhookReceiver) -> None:
    channel = Channel.open(_url(webhook, "5418927462853217011") + "&store=no")
    channel.send(alerts.RenderedMessage(title="Văn bản mới", body="Quy chế số 22-QC/TU"))
    assert [r.body["recipient"] for r in webhook.requests] == [{"user_id": "5418927462853217011"}]
