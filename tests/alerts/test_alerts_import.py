"""The public surface of `alerts`: what flows, the CLI and the demo import."""

from __future__ import annotations

import inspect

import alerts


def test_exported_members_exist_and_are_sorted() -> None:
    assert alerts.__all__ == sorted(alerts.__all__)
    assert all(hasattr(alerts, name) for name in alerts.__all__)


def test_flow_facing_signatures() -> None:
    assert list(inspect.signature(alerts.plan_deliveries).parameters) == ["session", "events", "config", "now"]
    deliver = inspect.signature(alerts.deliver_pending).parameters
    assert list(deliver) == ["engine", "config", "now", "limit"] and deliver["limit"].default == 500
    assert list(inspect.signature(alerts.send_digests).parameters) == ["engine", "config", "now"]
    assert list(inspect.signature(alerts.render).parameters)[:2] == ["event", "fmt"]
    assert [f for f in alerts.DeliveryReport.__dataclass_fields__][:4] == ["sent", "failed", "retried", "pending"]
