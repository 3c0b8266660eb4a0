"""crawl-portal: one portal, run by hand (from the UI: Deployments → crawl-portal → Run).

Its alerts are planned here and announced as Prefect events; the notify deployment, triggered by
those events (and swept on a schedule), sends them. A portal that could not be crawled at all
ends the run Failed, so the UI shows a down portal in red and the run can be retried by hand.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from prefect import flow, get_run_logger
from prefect.client.schemas.objects import State
from prefect.states import Completed, Failed

from flows.hosts import host_slots
from flows.ingest import crawl_and_ingest
from flows.reporting import log_reports, publish_crawl_report
from flows.runtime import runtime
from flows.tasks import mirror_events, plan_alerts, unvisited


@flow(name="crawl-portal", flow_run_name="crawl-portal-{portal_id}", log_prints=True)
def crawl_portal(
    portal_id: str,
    force_refetch: bool = False,
    dry_run: bool = False,
    config_path: str | None = None,
    database: str | None = None,
) -> State[dict[str, Any]]:
    """Crawl one portal, store what is new, plan its alerts and announce its events.

    Args:
        portal_id: The portal's id in the configuration.
        force_refetch: Ignore stored ETag/Last-Modified and known article URLs: fetch everything again.
        dry_run: Crawl, store and detect, but announce nothing; the deliveries stay pending for the next notify sweep.
        config_path: Configuration YAML; empty uses PORTALWATCH_CONFIG or deployments/portals.yaml.
        database: Database URL; empty uses PORTALWATCH_DATABASE_URL or sqlite:///portalwatch.db.
    """
    logger = get_run_logger()
    with runtime(config_path, database) as rt:
        portal = rt.config.portal(portal_id)
        # A hand-run may overlap the shard that owns this portal's host: the host's global
        # concurrency limit keeps two hand-runs (or a hand-run and its retry) apart.
        with host_slots(portal, rt.config.crawler) as names:
            logger.info("%s: holding %s", portal.id, ", ".join(names) or "no host limit")
            [report] = crawl_and_ingest(rt, [portal], force_refetch)
        summary = {"planned": plan_alerts(rt.engine, unvisited(rt.config), report.event_ids)}
        if not dry_run:
            summary["prefect_events"] = mirror_events(rt.engine, unvisited(rt.config), report.event_ids)
        log_reports(logger, [report])
        publish_crawl_report([report], summary, f"crawl-{portal_id}", f"crawl of {portal.name}",
                             rt.dashboard_url)  # fmt: skip
    result = asdict(report)
    if report.status == "failed":
        reason = report.errors[0] if report.errors else "no entry page answered"
        return Failed(message=f"{portal_id}: {reason}", data=result)
    return Completed(message=f"{portal_id}: {report.status}", data=result)
