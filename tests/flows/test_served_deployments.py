"""`portalwatch serve` in a subprocess against the session's Prefect server: deployments, a run
created the way the UI's Run button creates it, crawl-all's fan-out, and the event trigger."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import httpx
import pytest

from commune_site import CommuneSite, config_text
from prefect_probes import artifacts, eventually
from storage.db import open_database, session_scope
from storage.exports import export_records

pytestmark = pytest.mark.prefect
ROOT = Path(__file__).resolve().parents[2]
TERMINAL = {"COMPLETED", "FAILED", "CRASHED", "CANCELLED"}


class AlertInbox:
    """Receives Apprise `json://` posts on loopback, as a subscriber's webhook would."""

    def __init__(self) -> None:
        self.messages: list[dict[str, Any]] = []
        inbox = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                inbox.messages.append(json.loads(self.rfile.read(length) or b"{}"))
                self.send_response(200)
                self.end_headers()

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002
                return

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def url(self) -> str:
        return f"json://127.0.0.1:{self.server.server_address[1]}/alerts"

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()


@dataclass
class Served:
    api: str
    site: CommuneSite
    inbox: AlertInbox
    database: str
    log: Path
    deployments: dict[str, str] = field(default_factory=dict)  # flow name → deployment id

    def run(self, flow: str, parameters: dict[str, Any]) -> str:
        """What the UI's Run → Custom run does: POST create_flow_run with the form's values."""
        url = f"{self.api}/deployments/{self.deployments[flow]}/create_flow_run"
        response = httpx.post(url, json={"parameters": parameters}, timeout=30)
        response.raise_for_status()
        return str(response.json()["id"])

    def flow_run(self, run_id: str) -> dict[str, Any]:
        response = httpx.get(f"{self.api}/flow_runs/{run_id}", timeout=30)
        response.raise_for_status()
        return dict(response.json())

    def wait(self, run_id: str, timeout: float = 90) -> dict[str, Any]:
        def final() -> dict[str, Any] | None:
            run = self.flow_run(run_id)
            return run if run["state_type"] in TERMINAL else None

        try:
            return eventually(final, timeout, f"flow run {run_id} to finish", every=1)
        except pytest.fail.Exception:
            print(self.log.read_text(errors="replace")[-6000:])
            raise

    def runs_of(self, flow: str) -> list[dict[str, Any]]:
        body = {"deployments": {"id": {"any_": [self.deployments[flow]]}}, "sort": "START_TIME_DESC"}
        response = httpx.post(f"{self.api}/flow_runs/filter", json=body, timeout=30)
        response.raise_for_status()
        return list(response.json())


@pytest.fixture(scope="module")
def served(prefect_server: None, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    from prefect.settings import PREFECT_API_URL

    api = str(PREFECT_API_URL.value())
    work = tmp_path_factory.mktemp("served")
    site, inbox = CommuneSite(), AlertInbox()
    site.start()
    config = work / "portals.yaml"
    config.write_text(
        config_text(site.base_url)
        + "subscriptions:\n  - name: ban-dan-van-xa\n"
        + f'    urls: ["{inbox.url}"]\n    events: [directive.new, indicator.changed]\n',
        encoding="utf-8",
    )
    database = f"sqlite:///{work / 'portalwatch.db'}"
    log = work / "serve.log"
    env = {**os.environ, "PREFECT_API_URL": api, "PREFECT_RUNNER_POLL_FREQUENCY": "1"}
    command = [sys.executable, "-m", "portalwatch.cli_serve", "--config", str(config),
               "--database-url", database, "--limit", "4"]  # fmt: skip
    with log.open("wb") as out:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    state = Served(api, site, inbox, database, log)
    try:
        state.deployments = eventually(lambda: _deployments(api, process, log), 60, "the deployments")
        yield state
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            process.kill()
        site.stop()
        inbox.stop()


def _deployments(api: str, process: subprocess.Popen[bytes], log: Path) -> dict[str, str] | None:
    if process.poll() is not None:
        pytest.fail(f"portalwatch serve exited {process.returncode}:\n{log.read_text()[-3000:]}")
    found = {}
    for flow in ("crawl", "crawl-portal", "crawl-all", "notify", "digest", "reprocess"):
        response = httpx.get(f"{api}/deployments/name/{flow}/portalwatch", timeout=10)
        if response.status_code != 200:
            return None
        found[flow] = response.json()["id"]
    return found


def _records(database: str, kind: str) -> list[dict[str, Any]]:
    engine = open_database(database)
    with session_scope(engine) as session:
        rows = list(export_records(session, kind))
    engine.dispose()
    return rows


def test_deployments_carry_schedules_parameters_and_trigger(served: Served) -> None:
    crawl_all = httpx.get(f"{served.api}/deployments/{served.deployments['crawl-all']}").json()
    [schedule] = crawl_all["schedules"]
    assert schedule["schedule"]["cron"] == "0 */6 * * *"
    assert schedule["schedule"]["timezone"] == "Asia/Ho_Chi_Minh"
    assert schedule["parameters"] == {"portal_ids": ["tanlap"]}
    notify = httpx.get(f"{served.api}/deployments/{served.deployments['notify']}").json()
    assert [(s["schedule"]["cron"], s["schedule"]["timezone"]) for s in notify["schedules"]] == [
        ("*/5 * * * *", "Asia/Ho_Chi_Minh")
    ]
    portal = httpx.get(f"{served.api}/deployments/{served.deployments['crawl-portal']}").json()
    schema = portal["parameter_openapi_schema"]
    assert schema["required"] == ["portal_id"]
    assert schema["properties"]["dry_run"]["type"] == "boolean"
    assert "ETag" in schema["properties"]["force_refetch"]["description"]
    assert portal["parameters"]["config_path"].endswith("portals.yaml")
    automations = httpx.post(f"{served.api}/automations/filter", json={}).json()
    [automation] = [a for a in automations if a["name"] == "portalwatch: notify on new events"]
    assert "portalwatch.directive.new" in automation["trigger"]["expect"]
    [action] = automation["actions"]
    assert action["deployment_id"] == served.deployments["notify"]


def test_hand_run_then_fan_out_then_triggered_notify(served: Served) -> None:
    # 1. The UI's custom run of crawl-portal: the portal's first crawl, its baseline.
    run_id = served.run("crawl-portal", {"portal_id": "tanlap", "force_refetch": True})
    run = served.wait(run_id)
    assert run["state_type"] == "COMPLETED", run["state"]
    assert run["parameters"]["force_refetch"] is True and run["name"] == "crawl-portal-tanlap"
    assert len(_records(served.database, "articles")) == 2
    assert "| tanlap | ok (baseline) | 4 |" in artifacts(served.api, "crawl-tanlap")[0]["data"]
    assert served.inbox.messages == []  # a baseline alerts nobody

    # 2. The portal publishes a new directive; crawl-all fans out to crawl-portal runs.
    served.site.advance()
    parent = served.wait(served.run("crawl-all", {"wait_minutes": 2}), timeout=120)
    assert parent["state_type"] == "COMPLETED", parent["state"]
    table = artifacts(served.api, "crawl-all-report")[0]["data"]
    assert "| tanlap | crawl-portal-tanlap | Completed" in table
    assert {r["name"] for r in served.runs_of("crawl-portal")} == {"crawl-portal-tanlap"}
    assert len(served.runs_of("crawl-portal")) == 2
    codes = {d["code"] for d in _records(served.database, "directives")}
    assert "05-NQ/ĐU" in codes

    # 3. Its events trigger notify (no sweep runs here: this server has no scheduler), and
    #    notify sends the alert that crawl-portal only planned.
    def triggered() -> list[dict[str, Any]]:
        return [r for r in served.runs_of("notify")
                if r["parameters"].get("reason", "").startswith("portalwatch.")
                and r["state_type"] == "COMPLETED"]  # fmt: skip

    [notify] = eventually(triggered, 60, "a notify run triggered by a portalwatch event", every=1)
    assert notify["parameters"]["reason"] in {"portalwatch.directive.new", "portalwatch.indicator.changed"}
    texts = json.dumps(eventually(lambda: served.inbox.messages, 10, "the alert"), ensure_ascii=False)
    assert "05-NQ/ĐU" in texts
