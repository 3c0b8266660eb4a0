"""crawl-all: every portal (or the named ones), spread over whatever runs the deployments.

When crawl-all itself runs from a deployment and the crawl deployment exists, it splits the
portals into shards by host (pipeline.shards: stable, so one host is always in one shard) and
starts one `crawl` run per shard with `run_deployment`, so a work pool's workers share the
shards and no two workers ever crawl one host at once; then it waits for them and tabulates
their final states. Otherwise (a hand call, a test, no deployments) it crawls in this process
through the `crawl` flow.
"""

from __future__ import annotations

import time
from typing import Any, cast
from uuid import UUID

from prefect import flow, get_client, get_run_logger
from prefect.artifacts import create_markdown_artifact
from prefect.client.schemas.filters import FlowRunFilter, FlowRunFilterId
from prefect.client.schemas.objects import FlowRun
from prefect.client.schemas.sorting import FlowRunSort
from prefect.context import FlowRunContext
from prefect.deployments import run_deployment
from prefect.exceptions import ObjectNotFound

from core.errors import ConfigError
from flows.ingest import crawl
from flows.reporting import children_markdown
from pipeline.settings import load_config
from pipeline.shards import shard_portals

SHARD_DEPLOYMENT = "crawl/crawl"  # deployments are named after their flow
PORTALS_PER_SHARD = 250  # the default shard size: a few minutes of crawling per shard run
POLL_SECONDS = 5.0
PAGE = 200  # child runs read per request


def from_deployment() -> bool:
    """True when this flow run was created from a deployment (so something serves them)."""
    ctx = FlowRunContext.get()
    return bool(ctx and ctx.flow_run and ctx.flow_run.deployment_id)


def shard_deployed() -> bool:
    """True when the crawl deployment (which runs one shard) exists on the Prefect server."""
    with get_client(sync_client=True) as client:
        try:
            client.read_deployment_by_name(SHARD_DEPLOYMENT)
        except ObjectNotFound:
            return False
    return True


def start_children(shards: dict[str, list[str]], parameters: dict[str, Any]) -> dict[str, FlowRun]:
    """One crawl run per shard, linked as subflows; a retried parent reuses its children."""
    ctx = FlowRunContext.get()
    parent = ctx.flow_run.id if ctx and ctx.flow_run else "manual"
    return {
        name: cast(FlowRun, run_deployment(  # sync context: a FlowRun, not a coroutine
            SHARD_DEPLOYMENT,
            parameters={"portal_ids": ids, **parameters},
            timeout=0,
            idempotency_key=f"{parent}:{name}",
            flow_run_name=f"crawl-{name}",
        ))
        for name, ids in shards.items()
    }


def shard_count(portals: int, asked: int) -> int:
    """`asked` when given (≥ 1), else one shard per PORTALS_PER_SHARD portals."""
    return asked if asked > 0 else max(1, -(-portals // PORTALS_PER_SHARD))


def wait_for(runs: dict[str, FlowRun], wait_seconds: float) -> dict[str, FlowRun]:
    """Poll the children until all are final or the wait is over; their latest records."""
    latest = dict(runs)
    ids: dict[UUID, str] = {run.id: pid for pid, run in runs.items()}
    deadline = time.monotonic() + wait_seconds
    with get_client(sync_client=True) as client:
        while True:
            pending = [rid for rid, pid in ids.items() if not _final(latest[pid])]
            if not pending or time.monotonic() >= deadline:
                return latest
            time.sleep(POLL_SECONDS)
            for start in range(0, len(pending), PAGE):
                chunk = pending[start : start + PAGE]
                found = client.read_flow_runs(
                    flow_run_filter=FlowRunFilter(id=FlowRunFilterId(any_=chunk)),
                    sort=FlowRunSort.ID_DESC,  # this server rejects a request without sort/limit
                    limit=len(chunk),
                )
                for run in found:
                    latest[ids[run.id]] = run


def _final(run: FlowRun) -> bool:
    return run.state is not None and run.state.is_final()


def child_rows(runs: dict[str, FlowRun], shards: dict[str, list[str]]) -> list[dict[str, str]]:
    """shard, its portals, child run id and name, state, and status (ok | failed | unfinished)."""
    rows = []
    for name, run in runs.items():
        state = run.state
        status = "unfinished" if not _final(run) else "ok" if state and state.is_completed() else "failed"
        rows.append({
            "shard": name,
            "portals": str(len(shards[name])),
            "flow_run_id": str(run.id),
            "flow_run_name": run.name,
            "state": (state.name or state.type.value if state else "unknown")
            + (f": {state.message}" if state and state.message else ""),
            "status": status,
        })
    return rows


@flow(name="crawl-all", log_prints=True)
def crawl_all(
    portal_ids: list[str] | None = None,
    force_refetch: bool = False,
    dry_run: bool = False,
    fan_out: bool | None = None,
    shards: int = 0,
    wait_minutes: int = 360,
    config_path: str | None = None,
    database: str | None = None,
) -> list[dict[str, Any]]:
    """Crawl every portal (or the named ones), one crawl run per shard of hosts when deployed.

    Args:
        portal_ids: Portal ids from the configuration; empty crawls every portal.
        force_refetch: Ignore stored ETag/Last-Modified and known article URLs: fetch everything again.
        dry_run: Crawl, store and detect, but send no alert now; the deliveries stay pending for the next notify sweep.
        fan_out: Start one crawl deployment run per shard. Empty: only when this run comes from a deployment and crawl is deployed; off: crawl in this process.
        shards: How many shards to split the portals into (by host, stably); 0 means one shard per 250 portals. Each shard is one flow run on whichever worker takes it.
        wait_minutes: How long to wait for the shard runs before reporting the unfinished ones.
        config_path: Configuration YAML; empty uses PORTALWATCH_CONFIG or deployments/portals.yaml.
        database: Database URL; empty uses PORTALWATCH_DATABASE_URL or sqlite:///portalwatch.db.
    """
    logger = get_run_logger()
    config = load_config(config_path)
    ids = portal_ids or [p.id for p in config.portals]
    portals = [config.portal(pid) for pid in ids]  # an unknown id fails here, before anything starts
    spread = (from_deployment() and shard_deployed()) if fan_out is None else fan_out
    if not spread:
        logger.info("crawling %d portals in this process", len(ids))
        return crawl(portal_ids=ids, force_refetch=force_refetch, dry_run=dry_run,
                     config_path=config_path, database=database)  # fmt: skip
    if fan_out and not shard_deployed():
        raise ConfigError(f"fan_out: {SHARD_DEPLOYMENT} is not deployed (run `portalwatch serve`)")
    count = shard_count(len(portals), shards)
    groups = {
        f"shard-{index + 1}-of-{count}": [p.id for p in members]
        for index, members in enumerate(shard_portals(portals, count)) if members
    }
    passed: dict[str, Any] = {"force_refetch": force_refetch, "dry_run": dry_run}
    passed |= {k: v for k, v in (("config_path", config_path), ("database", database)) if v}
    children = start_children(groups, passed)
    logger.info("started %d shard runs over %d portals; waiting up to %d min",
                len(children), len(portals), wait_minutes)  # fmt: skip
    rows = child_rows(wait_for(children, wait_minutes * 60.0), groups)
    create_markdown_artifact(key="crawl-all-report", markdown=children_markdown(rows),
                             description="portalwatch crawl-all: one crawl run per shard of hosts")  # fmt: skip
    for row in rows:
        logger.info("%s (%s portals): %s (%s)", row["shard"], row["portals"], row["status"],
                    row["flow_run_name"])  # fmt: skip
    return rows
