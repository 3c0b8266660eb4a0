"""The Prefect deployments of every flow, built from the configuration.

Crawl schedules come from portals.yaml: portals sharing a cron expression share one schedule on
crawl-all (its `portal_ids` parameter names them), so several thousand portals need only as many
schedules as there are distinct expressions. Every schedule is in Asia/Ho_Chi_Minh.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from datetime import timedelta
from typing import Any, cast

from prefect.deployments.runner import RunnerDeployment
from prefect.events import DeploymentEventTrigger
from prefect.events.schemas.automations import Posture
from prefect.flows import Flow
from prefect.schedules import Cron, Schedule
from prefect.types.entrypoint import EntrypointType

from core.config import AppConfig
from flows.events import BASELINE_LABEL, EVENT_PREFIX, PORTAL_RESOURCE
from flows.fanout import crawl_all
from flows.ingest import crawl
from flows.notify import digest, notify
from flows.portal import crawl_portal
from flows.reprocess import reprocess

TIMEZONE = "Asia/Ho_Chi_Minh"
NOTIFY_SWEEP = "*/5 * * * *"  # delivers whatever the event trigger did not (and retries)
DEFAULT_DIGEST_TIME = "17:00"
# A crawl announces its events within milliseconds: one notify per portal and crawl. Events
# arriving later in the window are sent by that run if it has not started yet, else by the sweep.
TRIGGER_WINDOW = timedelta(seconds=15)
TAGS = ["portalwatch"]


def portal_schedules(config: AppConfig) -> list[Schedule]:
    """One cron schedule per distinct `schedule` in portals.yaml, naming its portals."""
    groups: dict[str, list[str]] = defaultdict(list)
    for portal in config.portals:
        groups[portal.schedule].append(portal.id)
    return [
        Cron(cron, timezone=TIMEZONE, parameters={"portal_ids": ids}, slug=_slug("portals", cron))
        for cron, ids in groups.items()
    ]


def digest_schedules(config: AppConfig) -> list[Schedule]:
    """A daily schedule at each digest subscription's `digest_time` (17:00 when there is none)."""
    times = sorted({s.digest_time for s in config.subscriptions if s.mode == "digest"})
    schedules = []
    for hhmm in times or [DEFAULT_DIGEST_TIME]:
        hour, minute = (int(part) for part in hhmm.split(":"))
        schedules.append(
            Cron(f"{minute} {hour} * * *", timezone=TIMEZONE, slug=f"daily-{hour:02d}{minute:02d}")
        )
    return schedules


def notify_trigger() -> DeploymentEventTrigger:
    """Run notify when a portal announces news (not what its first, baseline crawl found)."""
    return DeploymentEventTrigger(
        name="portalwatch: notify on new events",
        description="A crawl stored new events: send their alerts now.",
        expect={f"{EVENT_PREFIX}*"},  # every event type, present and future
        match={"prefect.resource.id": f"{PORTAL_RESOURCE}*", BASELINE_LABEL: "false"},
        for_each={"prefect.resource.id"},
        posture=Posture.Reactive,
        threshold=1,
        within=TRIGGER_WINDOW,
        parameters={"reason": "{{ event.event }}"},
    )


def _slug(prefix: str, text: str) -> str:
    return f"{prefix}-{hashlib.sha1(text.encode()).hexdigest()[:10]}"


def _deploy(flow: Flow[..., Any], description: str, parameters: dict[str, Any],
            **options: Any) -> RunnerDeployment:  # fmt: skip
    return cast(RunnerDeployment, flow.to_deployment(  # sync context: not a coroutine
        name=flow.name,  # "crawl-portal/crawl-portal": the UI lists deployments by name
        description=description,
        parameters=parameters,
        tags=TAGS,
        entrypoint_type=EntrypointType.MODULE_PATH,
        **options,
    ))


def build_deployments(config: AppConfig, config_path: str | None = None) -> list[RunnerDeployment]:
    """Every flow as a RunnerDeployment named after it, ready for `prefect.serve`."""
    defaults = {"config_path": config_path} if config_path else {}
    return [
        _deploy(crawl_all, "Crawl every portal on its schedule, one crawl run per shard of hosts.",
                defaults, schedules=portal_schedules(config)),
        _deploy(crawl_portal, "Crawl one portal by hand; retry a portal that was down.", defaults),
        _deploy(crawl, "Crawl the named portals (or all) in one process.", defaults),
        _deploy(notify, "Send pending alerts: on new events, and a sweep every 5 minutes.",
                defaults, schedules=[Cron(NOTIFY_SWEEP, timezone=TIMEZONE, slug="sweep")],
                triggers=[notify_trigger()]),
        _deploy(digest, "Send the daily digests that are due.", defaults,
                schedules=digest_schedules(config)),
        _deploy(reprocess, "Parse stored pages again after a parser change; fetches nothing.",
                defaults),
    ]  # fmt: skip
