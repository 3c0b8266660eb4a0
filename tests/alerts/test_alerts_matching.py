"""Which subscriptions hear about which events: filters, tone folding, the baseline rule."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
import yaml
from alertkit import EVENTS, make_config

from alerts import matching_subscriptions

CASES = yaml.safe_load((Path(__file__).parent / "data" / "matching.yaml").read_text(encoding="utf-8"))


def _event(spec: dict[str, Any], baseline: bool = False) -> SimpleNamespace:
    return SimpleNamespace(
        type=spec["type"], key=spec["key"], payload=spec["payload"],
        portal_id=spec["payload"].get("portal_id"), baseline=baseline,
    )


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_subscription_receives_exactly_the_expected_events(case: dict[str, Any]) -> None:
    config = make_config([{"name": "s", "urls": ["json://127.0.0.1:9/x"], **case["subscription"]}])
    got = [e["name"] for e in EVENTS if matching_subscriptions(_event(e), config)]
    assert sorted(got) == sorted(case["expected"])


def test_every_fixture_event_is_matched_by_some_case() -> None:
    covered = {name for case in CASES for name in case["expected"]}
    assert covered == {e["name"] for e in EVENTS}


def _baseline_config(**sub: Any) -> Any:
    return make_config([{"name": "s", "urls": ["json://127.0.0.1:9/x"], "events": ["directive.new"], **sub}])


def test_baseline_event_alerts_nobody_by_default() -> None:
    nq17 = next(e for e in EVENTS if e["name"] == "nq17_bachthong")
    assert matching_subscriptions(_event(nq17, baseline=True), _baseline_config()) == []
    assert len(matching_subscriptions(_event(nq17, baseline=False), _baseline_config())) == 1


def test_baseline_event_alerts_a_subscription_that_asks_for_history() -> None:
    nq17 = next(e for e in EVENTS if e["name"] == "nq17_bachthong")
    subs = matching_subscriptions(_event(nq17, baseline=True), _baseline_config(alert_history=True))
    assert [s.name for s in subs] == ["s"]


def test_baseline_event_of_a_portal_with_alert_history_alerts_everyone() -> None:
    kh116 = next(e for e in EVENTS if e["name"] == "kh116_chodon")  # chodon: alert_history true
    subs = matching_subscriptions(_event(kh116, baseline=True), _baseline_config())
    assert [s.name for s in subs] == ["s"]


def test_two_subscriptions_each_get_their_own_match() -> None:
    config = make_config([
        {"name": "tinh", "urls": ["json://127.0.0.1:9/a"], "portals": ["thainguyen"]},
        {"name": "huyen", "urls": ["json://127.0.0.1:9/b"], "localities": ["Bạch Thông"]},
    ])
    by_event = {
        e["name"]: sorted(s.name for s in matching_subscriptions(_event(e), config)) for e in EVENTS
    }
    assert by_event["ct05_thainguyen"] == ["tinh"]
    assert by_event["nq17_bachthong"] == ["huyen"]
    assert by_event["qd71_laocai"] == []
