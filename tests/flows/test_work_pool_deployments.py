"""Many machines: deployments for a process work pool (prefect.yaml, and deployments.pool), and a
real `prefect worker` running one of them."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from prefect import get_client
from prefect.client.schemas.actions import WorkPoolCreate
from prefect.exceptions import ObjectAlreadyExists
from prefect_probes import api_call, forget_deployments

from deployments.pool import register_pool_deployments
from storage.db import open_database, session_scope
from storage.exports import export_records

pytestmark = pytest.mark.prefect
ROOT = Path(__file__).resolve().parents[2]
POOL = "portalwatch"


def _ensure_pool(name: str) -> None:
    with get_client(sync_client=True) as client, contextlib.suppress(ObjectAlreadyExists):
        client.create_work_pool(WorkPoolCreate(name=name, type="process"))


def _deployment(api: str, flow: str) -> dict[str, object]:
    return dict(api_call("GET", f"{api}/deployments/name/{flow}/{flow}"))


def test_pool_deployments_follow_portals_yaml_and_a_process_worker_runs_one(
    api_url: str, commune_config: str, tmp_path: Path
) -> None:
    _ensure_pool(POOL)
    ids = register_pool_deployments(commune_config, POOL)
    assert set(ids) == {"crawl", "crawl-portal", "crawl-all", "notify", "digest", "reprocess"}
    crawl_all = _deployment(api_url, "crawl-all")
    assert crawl_all["work_pool_name"] == POOL and crawl_all["work_queue_name"] == "crawl"
    [schedule] = crawl_all["schedules"]  # type: ignore[misc]
    assert schedule["schedule"]["timezone"] == "Asia/Ho_Chi_Minh"
    assert schedule["parameters"] == {"portal_ids": ["tanlap"]}
    assert crawl_all["entrypoint"] == "flows.fanout.crawl_all"
    assert crawl_all["parameters"] == {"config_path": str(Path(commune_config).resolve())}
    assert _deployment(api_url, "notify")["work_queue_name"] == "alerts"

    # A worker machine: its own environment holds the database URL; it runs what is queued.
    database = f"sqlite:///{tmp_path / 'worker.db'}"
    env = {**os.environ, "PREFECT_API_URL": api_url, "PORTALWATCH_DATABASE_URL": database}
    run = api_call("POST", f"{api_url}/deployments/{ids['crawl-portal']}/create_flow_run",
                   {"parameters": {"portal_id": "tanlap"}})  # fmt: skip
    worker = subprocess.run(
        [sys.executable, "-m", "prefect", "worker", "start", "--pool", POOL, "--run-once"],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=180,
    )  # fmt: skip
    finished = api_call("GET", f"{api_url}/flow_runs/{run['id']}")
    assert finished["state_type"] == "COMPLETED", worker.stdout[-4000:] + worker.stderr[-4000:]
    assert finished["name"] == "crawl-portal-tanlap"
    engine = open_database(database)
    with session_scope(engine) as session:
        assert len(list(export_records(session, "articles"))) == 2
    engine.dispose()
    forget_deployments(api_url, [str(i) for i in ids.values()])
