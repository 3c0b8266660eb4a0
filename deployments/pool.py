"""Register the deployments `portalwatch serve` runs, for a work pool instead of one process.

    python -m deployments.pool --pool portalwatch [--config deployments/portals.yaml]

Same definitions as serve (crawl schedules from portals.yaml, the notify trigger), with module
entry points: a worker runs them wherever portalwatch is installed. Workers read
PORTALWATCH_DATABASE_URL (and, without --config, PORTALWATCH_CONFIG) from their own environment;
a --config path becomes a default parameter, so it must exist at that path on every worker.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import cast
from uuid import UUID

from core.errors import ConfigError
from deployments.definitions import build_deployments
from pipeline.settings import load_config

CRAWL_QUEUE = "crawl"
ALERT_QUEUE = "alerts"
ALERT_FLOWS = frozenset({"notify", "digest"})


def register_pool_deployments(config_path: str | None, pool: str) -> dict[str, UUID]:
    """Apply every deployment to `pool` (alerts on their own queue); flow name → deployment id."""
    config = load_config(config_path)  # also validates: a wrong key stops here, not on a worker
    absolute = str(Path(config_path).resolve()) if config_path else None
    ids: dict[str, UUID] = {}
    for deployment in build_deployments(config, absolute):
        name = deployment.name
        deployment.work_queue_name = ALERT_QUEUE if name in ALERT_FLOWS else CRAWL_QUEUE
        ids[name] = cast(UUID, deployment.apply(work_pool_name=pool))  # sync: not a coroutine
    return ids


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m deployments.pool", description=__doc__.splitlines()[0])
    parser.add_argument("--pool", required=True, help="work pool name (prefect work-pool create NAME --type process)")
    parser.add_argument("--config", help="config YAML (default: deployments/portals.yaml)")
    args = parser.parse_args(argv)
    try:
        ids = register_pool_deployments(args.config, args.pool)
    except ConfigError as exc:
        print(f"portalwatch: {exc}", file=sys.stderr)
        return 2
    for name, deployment_id in ids.items():
        print(f"{name}/{name}: {deployment_id} (pool {args.pool})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
