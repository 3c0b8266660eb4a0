"""Stored events → Prefect events: names, resources, related locality, stable ids."""

from __future__ import annotations

from datetime import UTC, datetime

from core.config import PortalConfig
from flows.events import alert_event_names, slug, to_prefect_event
from storage.models import Event

PORTAL = PortalConfig(
    id="bachthong", name="Huyện ủy Bạch Thông", locality="Bạch Thông, Bắc Kạn", level="district",
    start_urls=["https://huyenuybachthong.example/tin-tuc/"],
)  # fmt: skip


def _event(kind: str, key: str, payload: dict[str, object], baseline: bool = False) -> Event:
    return Event(id=41, type=kind, key=key, portal_id="bachthong", payload=payload,
                 baseline=baseline, created_at=datetime(2025, 3, 14, 2, 0, tzinfo=UTC))  # fmt: skip


def test_directive_event_names_portal_locality_and_directive() -> None:
    event = _event("directive.new", "directive.new:05-NQ/ĐU@2025-03-10",
                   {"code": "05-NQ/ĐU", "doc_type_name": "Nghị quyết"})  # fmt: skip
    spec = to_prefect_event(event, PORTAL)
    assert spec["event"] == "portalwatch.directive.new"
    assert spec["resource"] == {
        "prefect.resource.id": "portalwatch.portal.bachthong",
        "prefect.resource.name": "Huyện ủy Bạch Thông",
        "portalwatch.baseline": "false",
        "portalwatch.level": "district",
        "portalwatch.locality": "Bạch Thông, Bắc Kạn",
    }
    roles = {r["prefect.resource.role"]: r for r in spec["related"]}
    assert roles["locality"]["prefect.resource.id"] == "portalwatch.locality.bach-thong-bac-kan"
    assert roles["locality"]["prefect.resource.name"] == "Bạch Thông, Bắc Kạn"
    assert roles["directive"]["prefect.resource.id"] == "portalwatch.directive.05-nq-du"
    assert spec["payload"]["key"] == "directive.new:05-NQ/ĐU@2025-03-10"
    assert spec["payload"]["data"]["doc_type_name"] == "Nghị quyết"


def test_same_stored_event_gives_same_prefect_event_id() -> None:
    key = "indicator.changed:bachthong:dan-van-kheo-models:2022"
    a = to_prefect_event(_event("indicator.changed", key, {"indicator": "dan-van-kheo-models"}), PORTAL)
    b = to_prefect_event(_event("indicator.changed", key, {"indicator": "dan-van-kheo-models", "value": 298}), PORTAL)
    other = to_prefect_event(_event("indicator.changed", key + "x", {}), PORTAL)
    assert a["id"] == b["id"] != other["id"]
    assert {r["prefect.resource.role"] for r in a["related"]} == {"locality", "indicator"}


def test_an_indicator_attributed_elsewhere_relates_to_that_locality() -> None:
    event = _event("indicator.changed", "indicator.changed:bachthong:hop-tac-xa:2024",
                   {"indicator": "hop-tac-xa", "locality": "Phủ Thông, Thái Nguyên"})  # fmt: skip
    roles = {r["prefect.resource.role"]: r for r in to_prefect_event(event, PORTAL)["related"]}
    assert roles["locality"]["prefect.resource.id"] == "portalwatch.locality.phu-thong-thai-nguyen"
    assert to_prefect_event(event, PORTAL)["resource"]["portalwatch.locality"] == "Bạch Thông, Bắc Kạn"


def test_baseline_events_are_labelled_so_the_trigger_skips_them() -> None:
    spec = to_prefect_event(_event("article.new", "article.new:https://x.example/a", {}, baseline=True), PORTAL)
    assert spec["resource"]["portalwatch.baseline"] == "true"


def test_event_of_an_unconfigured_portal_still_has_a_resource() -> None:
    spec = to_prefect_event(_event("article.new", "article.new:https://x.example/a", {}), None)
    assert spec["resource"] == {
        "prefect.resource.id": "portalwatch.portal.bachthong", "portalwatch.baseline": "false",
    }
    assert spec["related"] == []


def test_every_event_type_has_a_prefect_name() -> None:
    assert "portalwatch.article.new" in alert_event_names()
    assert all(name.startswith("portalwatch.") for name in alert_event_names())


def test_slug_folds_vietnamese() -> None:
    assert slug("Thừa Thiên Huế") == "thua-thien-hue"
    assert slug("Đảng ủy xã Phủ Thông") == "dang-uy-xa-phu-thong"
    assert slug("  ") == ""
