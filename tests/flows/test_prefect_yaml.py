"""deployments/prefect.yaml says what the Python definitions say (no server needed)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml
from prefect.events import DeploymentEventTrigger
from prefect.flows import load_flow_from_entrypoint
from prefect.server.schemas.schedules import CronSchedule

from deployments.definitions import TIMEZONE, build_deployments, notify_trigger
from pipeline.settings import parse_config

ROOT = Path(__file__).resolve().parents[2]
SPEC = yaml.safe_load((ROOT / "deployments" / "prefect.yaml").read_text(encoding="utf-8"))
BY_NAME: dict[str, dict[str, Any]] = {d["name"]: d for d in SPEC["deployments"]}
_ONE_PORTAL = {"portals": [{"id": "x", "name": "X", "start_urls": ["https://x.example/"]}]}
PYTHON = {d.name: d for d in build_deployments(parse_config(_ONE_PORTAL))}


def test_same_deployments_as_serve() -> None:
    assert set(BY_NAME) == set(PYTHON)
    assert SPEC["prefect-version"] == "3.8.8"


@pytest.mark.parametrize("name", sorted(PYTHON))
def test_entrypoint_loads_the_flow_of_that_name(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    flow = load_flow_from_entrypoint(BY_NAME[name]["entrypoint"])
    assert flow.name == name
    assert BY_NAME[name]["description"] == PYTHON[name].description
    assert BY_NAME[name]["work_pool"]["name"] == "portalwatch"


def test_schedules_are_cron_in_vietnam_time_with_slugs() -> None:
    for name, spec in BY_NAME.items():
        for schedule in spec.get("schedules", []):
            assert schedule["timezone"] == TIMEZONE, name
            assert schedule["slug"], name
            CronSchedule(cron=schedule["cron"], timezone=schedule["timezone"])
    assert [s["cron"] for s in BY_NAME["notify"]["schedules"]] == [
        s.schedule.cron for s in PYTHON["notify"].schedules
    ]
    assert [s["cron"] for s in BY_NAME["digest"]["schedules"]] == [
        s.schedule.cron for s in PYTHON["digest"].schedules
    ]


def test_notify_trigger_is_the_one_serve_registers() -> None:
    [spec] = BY_NAME["notify"]["triggers"]
    from_yaml = DeploymentEventTrigger.model_validate({k: v for k, v in spec.items() if k != "type"})
    expected = notify_trigger()
    for field in ("name", "expect", "for_each", "posture", "threshold", "within", "parameters"):
        assert getattr(from_yaml, field) == getattr(expected, field), field
    assert from_yaml.match.root == expected.match.root


def test_alerts_have_their_own_queue() -> None:
    queues = {name: spec["work_pool"]["work_queue_name"] for name, spec in BY_NAME.items()}
    assert queues["notify"] == queues["digest"] == "alerts"
    assert {queues[n] for n in ("crawl", "crawl-portal", "crawl-all", "reprocess")} == {"crawl"}
