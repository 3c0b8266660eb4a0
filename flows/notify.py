"""notify and digest: send what the outbox holds. Both are safe to run at any time, anywhere.

Each Delivery row is claimed atomically before it is sent, so overlapping runs (a triggered
notify beside the scheduled sweep, two workers) never send one alert twice.
"""

from __future__ import annotations

from prefect import flow, get_run_logger
from prefect.artifacts import create_markdown_artifact

from flows.runtime import runtime
from flows.tasks import deliver_alerts, deliver_digests, unvisited


def _summary_markdown(title: str, counts: dict[str, int]) -> str:
    rows = "\n".join(f"| {key} | {value} |" for key, value in counts.items())
    return f"### {title}\n\n| | count |\n|---|---:|\n{rows}"


@flow(name="notify", flow_run_name="notify-{reason}", log_prints=True)
def notify(
    reason: str = "sweep",
    config_path: str | None = None,
    database: str | None = None,
) -> dict[str, int]:
    """Send every pending immediate alert that is due (retries included).

    Args:
        reason: What started this run: "sweep" for the schedule, an event name when an event triggered it, anything for a hand-run.
        config_path: Configuration YAML; empty uses PORTALWATCH_CONFIG or deployments/portals.yaml.
        database: Database URL; empty uses PORTALWATCH_DATABASE_URL or sqlite:///portalwatch.db.
    """
    logger = get_run_logger()
    with runtime(config_path, database) as rt:
        counts = deliver_alerts(rt.engine, unvisited(rt.config))
    logger.info("notify (%s): %s", reason, ", ".join(f"{k} {v}" for k, v in counts.items()))
    if counts.get("sent") or counts.get("failed"):
        create_markdown_artifact(
            key="notify-report", markdown=_summary_markdown(f"Alerts ({reason})", counts),
            description="portalwatch notify",
        )
    return counts


@flow(name="digest", log_prints=True)
def digest(config_path: str | None = None, database: str | None = None) -> dict[str, int]:
    """Send the daily digests that are due: one message per digest subscription and channel.

    Args:
        config_path: Configuration YAML; empty uses PORTALWATCH_CONFIG or deployments/portals.yaml.
        database: Database URL; empty uses PORTALWATCH_DATABASE_URL or sqlite:///portalwatch.db.
    """
    logger = get_run_logger()
    with runtime(config_path, database) as rt:
        counts = deliver_digests(rt.engine, unvisited(rt.config))
    logger.info("digest: %s", ", ".join(f"{k} {v}" for k, v in counts.items()))
    if counts.get("messages") or counts.get("failed"):
        create_markdown_artifact(
            key="digest-report", markdown=_summary_markdown("Daily digests", counts),
            description="portalwatch digest",
        )
    return counts
