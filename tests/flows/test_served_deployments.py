"""`portalwatch serve` in a subprocess against the session's Prefect server and the bundled portal
replay: deployments, runs created the way the UI's Run button creates them, crawl-all's fan-out
to crawl-portal runs, and the event trigger that makes notify send what a crawl planned."""

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
from prefect_probes import api_call, artifacts, eventually, forget_deployments

from deployments.replay import ReplayServer, demo_config_text
from flows.events import alert_event_names
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

            def log_message(self, format: str, *args: object) -> None:
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
    replay: ReplayServer
    inbox: AlertInbox
    database: str
    log: Path
    deployments: dict[str, str] = field(default_factory=dict)  # flow name → deployment id

    def run(self, flow: str, parameters: dict[str, Any]) -> str:
        """What the UI's Run → Custom run does: POST create_flow_run with the form's values."""
        url = f"{self.api}/deployments/{self.deployments[flow]}/create_flow_run"
        return str(api_call("POST", url, {"parameters": parameters})["id"])

    def flow_run(self, run_id: str) -> dict[str, Any]:
        return dict(api_call("GET", f"{self.api}/flow_runs/{run_id}"))

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
        return list(api_call("POST", f"{self.api}/flow_runs/filter", body))


@pytest.fixture(scope="module")
def served(prefect_server: None, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    from prefect.settings import PREFECT_API_URL

    api = str(PREFECT_API_URL.value())
    work = tmp_path_factory.mktemp("served")
    replay, inbox = ReplayServer("v1"), AlertInbox()
    text = demo_config_text(replay.start()).replace("subscriptions: []", (
        "subscriptions:\n  - name: ban-tuyen-giao-dan-van-tinh\n"
        f'    urls: ["{inbox.url}"]\n    events: [directive.new, indicator.changed]\n'
    ))  # fmt: skip
    config = work / "portals.yaml"
    config.write_text(text, encoding="utf-8")
    database = f"sqlite:///{work / 'portalwatch.db'}"
    log = work / "serve.log"
    env = {**os.environ, "PREFECT_API_URL": api, "PREFECT_RUNNER_POLL_FREQUENCY": "1"}
    command = [sys.executable, "-m", "portalwatch.cli_serve", "--config", str(config),
               "--database-url", database, "--limit", "4"]  # fmt: skip
    with log.open("wb") as out:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    state = Served(api, replay, inbox, database, log)
    try:
        state.deployments = eventually(lambda: _deployments(api, process, log), 60, "the deployments")
        yield state
    finally:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            process.kill()
        forget_deployments(api, state.deployments.values())  # later tests share this server
        replay.stop()
        inbox.stop()


def _deployments(api: str, process: subprocess.Popen[bytes], log: Path) -> dict[str, str] | None:
    if process.poll() is not None:
        pytest.fail(f"portalwatch serve exited {process.returncode}:\n{log.read_text()[-3000:]}")
    found = {}
    for flow in ("crawl", "crawl-portal", "crawl-all", "notify", "digest", "reprocess"):
        response = httpx.get(f"{api}/deployments/name/{flow}/{flow}", timeout=10)
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
    crawl_all = api_call("GET", f"{served.api}/deployments/{served.deployments['crawl-all']}")
    schedules = {s["schedule"]["cron"]: s for s in crawl_all["schedules"]}
    assert set(schedules) == {"0 */6 * * *", "15 */6 * * *", "30 */6 * * *", "45 */6 * * *"}
    assert {s["schedule"]["timezone"] for s in schedules.values()} == {"Asia/Ho_Chi_Minh"}
    assert schedules["30 */6 * * *"]["parameters"] == {"portal_ids": ["tinhuy"]}
    notify = api_call("GET", f"{served.api}/deployments/{served.deployments['notify']}")
    assert [(s["schedule"]["cron"], s["schedule"]["timezone"]) for s in notify["schedules"]] == [
        ("*/5 * * * *", "Asia/Ho_Chi_Minh")
    ]
    portal = api_call("GET", f"{served.api}/deployments/{served.deployments['crawl-portal']}")
    schema = portal["parameter_openapi_schema"]
    assert schema["required"] == ["portal_id"]
    assert schema["properties"]["dry_run"]["type"] == "boolean"
    assert "ETag" in schema["properties"]["force_refetch"]["description"]
    assert portal["parameters"]["config_path"].endswith("portals.yaml")
    automations = api_call("POST", f"{served.api}/automations/filter", {})
    [automation] = [a for a in automations if a["name"] == "portalwatch: notify on new events"]
    assert automation["trigger"]["expect"] == ["portalwatch.*"]
    [action] = automation["actions"]
    assert action["deployment_id"] == served.deployments["notify"]


def test_fan_out_baseline_then_hand_run_news_triggers_notify(served: Served) -> None:
    # 1. A custom run of crawl-all (as from the UI form): one crawl run per shard of hosts.
    parameters = {"portal_ids": ["tinhuy", "baothang"], "force_refetch": True, "wait_minutes": 2,
                  "shards": 2}  # fmt: skip
    parent = served.wait(served.run("crawl-all", parameters), timeout=120)
    assert parent["state_type"] == "COMPLETED", parent["state"]
    assert parent["parameters"]["portal_ids"] == ["tinhuy", "baothang"]
    table = artifacts(served.api, "crawl-all-report")[0]["data"]
    children = served.runs_of("crawl")
    assert children and all(r["state_type"] == "COMPLETED" for r in children)
    assert all(r["name"].startswith("crawl-shard-") and r["name"].endswith("-of-2") for r in children)
    assert sorted(pid for r in children for pid in r["parameters"]["portal_ids"]) == ["baothang", "tinhuy"]
    assert all(r["parameters"]["force_refetch"] is True for r in children)
    assert f"{len(children)} shards, {len(children)} completed" in table
    portals = {a["portal_id"] for a in _records(served.database, "articles")}
    assert portals == {"tinhuy", "baothang"}
    assert "(baseline)" in artifacts(served.api, "crawl-report")[0]["data"]
    assert served.inbox.messages == []  # a baseline alerts nobody

    # 2. The province committee publishes a new resolution; a hand-run of crawl-portal finds it.
    served.replay.set_state("v2")
    run = served.wait(served.run("crawl-portal", {"portal_id": "tinhuy"}))
    assert run["state_type"] == "COMPLETED", run["state"]
    assert run["name"] == "crawl-portal-tinhuy"
    assert "05-NQ/TU" in {d["code"] for d in _records(served.database, "directives")}

    # 3. Its events trigger notify (no sweep runs here: this server has no scheduler), and
    #    notify sends the alert that crawl-portal only planned.
    def triggered() -> list[dict[str, Any]]:
        return [r for r in served.runs_of("notify")
                if r["parameters"].get("reason", "").startswith("portalwatch.")
                and r["state_type"] == "COMPLETED"]  # fmt: skip

    [notify] = eventually(triggered, 60, "a notify run triggered by a portalwatch event", every=1)
    assert notify["parameters"]["reason"] in alert_event_names()  # the event that fired it
    texts = json.dumps(eventually(lambda: served.inbox.messages, 10, "the alert"), ensure_ascii=False)
    assert "05-NQ/TU" in texts
