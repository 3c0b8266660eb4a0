"""The deployment definitions built from a configuration (no Prefect server needed)."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from prefect.server.schemas.schedules import CronSchedule

from deployments.definitions import (
    TIMEZONE,
    build_deployments,
    digest_schedules,
    notify_trigger,
    portal_schedules,
)
from flows.events import alert_event_names
from pipeline.settings import load_config, parse_config


def _config(portals: list[dict[str, object]], subscriptions: list[dict[str, object]] | None = None):  # type: ignore[no-untyped-def]
    return parse_config({"portals": portals, "subscriptions": subscriptions or []})


def _portal(pid: str, schedule: str) -> dict[str, object]:
    return {"id": pid, "name": f"Cổng {pid}", "start_urls": [f"https://{pid}.example/tin-tuc/"],
            "schedule": schedule}  # fmt: skip


def test_portals_sharing_a_cron_share_one_schedule_in_vietnam_time() -> None:
    config = _config([
        _portal("thainguyen", "15 6,12,18 * * *"),
        _portal("laocai", "0 */6 * * *"),
        _portal("bachthong", "15 6,12,18 * * *"),
    ])
    schedules = portal_schedules(config)
    by_cron = {s.cron: s for s in schedules}
    assert set(by_cron) == {"15 6,12,18 * * *", "0 */6 * * *"}
    assert by_cron["15 6,12,18 * * *"].parameters == {"portal_ids": ["thainguyen", "bachthong"]}
    assert by_cron["0 */6 * * *"].parameters == {"portal_ids": ["laocai"]}
    assert {s.timezone for s in schedules} == {"Asia/Ho_Chi_Minh"}
    assert len({s.slug for s in schedules}) == 2


async def test_schedule_fires_at_local_time_not_utc() -> None:
    """The server's own schedule arithmetic: 08:00 in Hà Nội is 01:00 UTC."""
    [schedule] = portal_schedules(_config([_portal("bachthong", "0 8 * * *")]))
    cron = CronSchedule(cron=schedule.cron, timezone=schedule.timezone)
    start = datetime(2025, 3, 1, 0, 0, tzinfo=ZoneInfo("UTC"))
    [first] = await cron.get_dates(n=1, start=start)
    assert first.astimezone(ZoneInfo(TIMEZONE)).hour == 8
    assert first.astimezone(ZoneInfo("UTC")).hour == 1


def test_digest_schedules_follow_subscription_times() -> None:
    subs = [
        {"name": "a", "urls": ["json://127.0.0.1/a"], "mode": "digest", "digest_time": "07:30"},
        {"name": "b", "urls": ["json://127.0.0.1/b"], "mode": "digest", "digest_time": "17:00"},
        {"name": "c", "urls": ["json://127.0.0.1/c"], "mode": "digest", "digest_time": "07:30"},
        {"name": "d", "urls": ["json://127.0.0.1/d"], "mode": "immediate", "digest_time": "03:00"},
    ]
    schedules = digest_schedules(_config([_portal("x", "0 8 * * *")], subs))
    assert sorted(s.cron for s in schedules) == ["0 17 * * *", "30 7 * * *"]
    assert {s.timezone for s in schedules} == {TIMEZONE}


def test_without_digest_subscriptions_the_digest_still_runs_daily() -> None:
    [schedule] = digest_schedules(_config([_portal("x", "0 8 * * *")]))
    assert (schedule.cron, schedule.timezone) == ("0 17 * * *", TIMEZONE)


def test_notify_trigger_listens_to_portal_events() -> None:
    trigger = notify_trigger()
    assert trigger.expect == {"portalwatch.*"}
    assert alert_event_names() >= {"portalwatch.directive.new", "portalwatch.indicator.changed"}
    assert trigger.match.root == {
        "prefect.resource.id": "portalwatch.portal.*", "portalwatch.baseline": "false",
    }
    assert trigger.for_each == {"prefect.resource.id"}
    assert trigger.threshold == 1
    assert trigger.parameters == {"reason": "{{ event.event }}"}


def test_every_flow_is_deployed_with_described_parameters() -> None:
    config = load_config("deployments/portals.yaml")
    deployments = {d.flow_name: d for d in build_deployments(config, "/srv/portalwatch/portals.yaml")}
    assert set(deployments) == {"crawl", "crawl-portal", "crawl-all", "notify", "digest", "reprocess"}
    for deployment in deployments.values():
        assert deployment.name == deployment.flow_name
        assert deployment.parameters == {"config_path": "/srv/portalwatch/portals.yaml"}
        schema = deployment._parameter_openapi_schema.model_dump()
        undescribed = [k for k, v in schema["properties"].items() if not v.get("description")]
        assert undescribed == [], f"{deployment.flow_name}: {undescribed}"
    crawl_portal = deployments["crawl-portal"]._parameter_openapi_schema.model_dump()
    assert crawl_portal["required"] == ["portal_id"]
    props = deployments["reprocess"]._parameter_openapi_schema.model_dump()["properties"]
    assert props["since"]["anyOf"][0] == {"format": "date", "type": "string"}
    crawl = deployments["crawl"]._parameter_openapi_schema.model_dump()["properties"]
    assert crawl["portal_ids"]["anyOf"][0] == {"items": {"type": "string"}, "type": "array"}
    assert crawl["force_refetch"]["type"] == crawl["dry_run"]["type"] == "boolean"
    assert len(deployments["crawl-all"].schedules) == 4  # four distinct crons in portals.yaml
    assert deployments["notify"].triggers and deployments["notify"].schedules


@pytest.mark.parametrize("path", ["deployments/portals.yaml"])
def test_default_config_portals_are_examples(path: str) -> None:
    config = load_config(path)
    hosts = {url.split("/")[2] for p in config.portals for url in [*p.start_urls, *p.feeds]}
    assert hosts and all(h.endswith(".example") for h in hosts)
    assert {p.level for p in config.portals} >= {"province", "district", "commune", "party"}
