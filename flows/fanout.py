"""crawl-all: every portal (or the named ones), spread over whatever runs the deployments.

When crawl-all itself runs from a deployment and crawl-portal is deployed, it starts one
crawl-portal run per portal with `run_deployment`, so a work pool's workers share the portals;
then it waits for them and tabulates their final states. Otherwise (a hand call, a test, no
deployments) it crawls in this process through the `crawl` flow.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
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

PORTAL_DEPLOYMENT = "crawl-portal/crawl-portal"  # deployments are named after their flow
POLL_SECONDS = 5.0
PAGE = 200  # child runs read per request


def from_deployment() -> bool:
    """True when this flow run was created from a deployment (so something serves them)."""
    ctx = FlowRunContext.get()
    return bool(ctx and ctx.flow_run and ctx.flow_run.deployment_id)


def portal_deployed() -> bool:
    """True when the crawl-portal deployment exists on the Prefect server."""
    with get_client(sync_client=True) as client:
        try:
            client.read_deployment_by_name(PORTAL_DEPLOYMENT)
        except ObjectNotFound:
            return False
    return True


def start_children(portal_ids: Sequence[str], parameters: dict[str, Any]) -> dict[str, FlowRun]:
    """One crawl-portal run per portal, linked as subflows; a retried parent reuses its children."""
    ctx = FlowRunContext.get()
    parent = ctx.flow_run.id if ctx and ctx.flow_run else "manual"
    return {
        pid: cast(FlowRun, run_deployment(  # sync context: a FlowRun, not a coroutine
            PORTAL_DEPLOYMENT,
            parameters={"portal_id": pid, **parameters},
            timeout=0,
            idempotency_key=f"{parent}:{pid}",
            flow_run_name=f"crawl-portal-{pid}",
        ))
        for pid in portal_ids
    }


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


def child_rows(runs: dict[str, FlowRun]) -> list[dict[str, str]]:
    """portal_id, child run id and name, state, and status (ok | failed | unfinished)."""
    rows = []
    for pid, run in runs.items():
        state = run.state
        status = "unfinished" if not _final(run) else "ok" if state and state.is_completed() else "failed"
        rows.append({
            "portal_id": pid,
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
    wait_minutes: int = 360,
    config_path: str | None = None,
    database: str | None = None,
) -> list[dict[str, Any]]:
    """Crawl every portal (or the named ones), one crawl-portal run per portal when deployed.

    Args:
        portal_ids: Portal ids from the configuration; empty crawls every portal.
        force_refetch: Ignore stored ETag/Last-Modified and known article URLs: fetch everything again.
        dry_run: Crawl, store and detect, but send no alert now; the deliveries stay pending for the next notify sweep.
        fan_out: Start one crawl-portal deployment run per portal. Empty: only when this run comes from a deployment and crawl-portal is deployed; off: crawl in this process.
        wait_minutes: How long to wait for the per-portal runs before reporting the unfinished ones.
        config_path: Configuration YAML; empty uses PORTALWATCH_CONFIG or deployments/portals.yaml.
        database: Database URL; empty uses PORTALWATCH_DATABASE_URL or sqlite:///portalwatch.db.
    """
    logger = get_run_logger()
    config = load_config(config_path)
    ids = portal_ids or [p.id for p in config.portals]
    for pid in ids:
        config.portal(pid)  # an unknown id fails here, before anything starts
    spread = (from_deployment() and portal_deployed()) if fan_out is None else fan_out
    if not spread:
        logger.info("crawling %d portals in this process", len(ids))
        return crawl(portal_ids=ids, force_refetch=force_refetch, dry_run=dry_run,
                     config_path=config_path, database=database)  # fmt: skip
    if fan_out and not portal_deployed():
        raise ConfigError(f"fan_out: {PORTAL_DEPLOYMENT} is not deployed (run `portalwatch serve`)")
    passed: dict[str, Any] = {"force_refetch": force_refetch, "dry_run": dry_run}
    passed |= {k: v for k, v in (("config_path", config_path), ("database", database)) if v}
    children = start_children(ids, passed)
    logger.info("started %d crawl-portal runs; waiting up to %d min", len(children), wait_minutes)
    rows = child_rows(wait_for(children, wait_minutes * 60.0))
    create_markdown_artifact(key="crawl-all-report", markdown=children_markdown(rows),
                             description="portalwatch crawl-all: one crawl-portal run per portal")  # fmt: skip
    for row in rows:
        logger.info("%s: %s (%s)", row["portal_id"], row["status"], row["flow_run_name"])
    return rows
